"""Digital-mediation sessions: what makes one valid, and what deserves a warning.

Vocabulary and counters follow the national *Coop de la médiation numérique* activity
reports, so that a department's figures add up with the country's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from presence_postale.domain import vocab
from presence_postale.errors import InvalidData, Message

MAX_MINUTES = 480  # a working day
MAX_PARTICIPANTS = 500
SENIOR_BANDS = ("60-69", "70+")


@dataclass(frozen=True)
class Counters:
    participants: int
    age_bands: dict[str, int]
    social_statuses: dict[str, int]


def check_duration(minutes: int) -> int:
    if not 0 < minutes <= MAX_MINUTES:
        raise InvalidData("mediation.bad_duration", minutes=minutes, maximum=MAX_MINUTES)
    return minutes


def check_counters(
    session_type: str,
    participants: int | None,
    age_bands: Mapping[str, int],
    social_statuses: Mapping[str, int],
) -> Counters:
    """An individual session counts one person; a collective workshop's anonymous counters
    must add up to its participants (a counter left out is simply not recorded)."""
    kind = vocab.check("session_type", session_type, "--type")
    total = 1 if kind == "individuel" and participants is None else participants
    if total is None:
        raise InvalidData("mediation.collective_needs_participants")
    if kind == "individuel" and total != 1:
        raise InvalidData("mediation.individual_has_one", participants=total)
    if not 1 <= total <= MAX_PARTICIPANTS:
        raise InvalidData(
            "mediation.participants_range", participants=total, maximum=MAX_PARTICIPANTS
        )
    ages = _by_code("age_band", "--age-bands", age_bands)
    statuses = _by_code("social_status", "--social-statuses", social_statuses)
    for key, counts in (("mediation.age_bands_sum", ages), ("mediation.statuses_sum", statuses)):
        if counts and sum(counts.values()) != total:
            raise InvalidData(key, total=sum(counts.values()), participants=total)
    return Counters(total, ages, statuses)


def _by_code(vocabulary: str, field: str, counts: Mapping[str, int]) -> dict[str, int]:
    """Counts keyed by code; two spellings of one code (`Retraite`, `retraite`) add up
    instead of one silently replacing the other."""
    out: dict[str, int] = {}
    for key, value in counts.items():
        code = vocab.check(vocabulary, key, field)
        if value < 0:
            raise InvalidData("mediation.negative_count", field=field, code=key, count=value)
        out[code] = out.get(code, 0) + value
    return out


def end_of(day: date, start: time, minutes: int) -> time:
    return (datetime.combine(day, start) + timedelta(minutes=minutes)).time()


def warnings(
    *,
    day: date,
    start: time,
    minutes: int,
    has_ilot: bool,
    holiday: str | None,
    open_minutes: int | None,
    presence: Sequence[tuple[time, time]],
) -> list[Message]:
    """What is odd about a session: on a holiday, at a site without an îlot numérique, longer
    than the site is open that day, or outside the mediator's scheduled presence."""
    found = []
    end = end_of(day, start, minutes)
    if holiday:
        found.append(Message("mediation.on_holiday", {"holiday": holiday}))
    if not has_ilot:
        found.append(Message("mediation.no_ilot"))
    if open_minutes is not None and minutes > open_minutes:
        found.append(Message("mediation.longer_than_open", {"minutes": open_minutes}))
    if end <= start:
        found.append(Message("mediation.past_midnight"))
    elif not any(s <= start and end <= e for s, e in presence):
        found.append(Message("mediation.outside_presence"))
    return found
