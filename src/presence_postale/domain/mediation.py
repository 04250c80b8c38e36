"""Digital-mediation sessions: what makes one valid, and what deserves a warning.

Vocabulary and counters follow the national *Coop de la médiation numérique* activity
reports, so that a department's figures add up with the country's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from presence_postale.domain import vocab
from presence_postale.domain.fields import FieldError, whole
from presence_postale.errors import Message

MAX_MINUTES = 480  # a working day
MAX_PARTICIPANTS = 500
SENIOR_BANDS = ("60-69", "70+")


@dataclass(frozen=True)
class Counters:
    participants: int
    age_bands: dict[str, int]
    social_statuses: dict[str, int]


def check_duration(minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 < minutes <= MAX_MINUTES:
        raise FieldError(
            "duration_minutes", Message("mediation.duration", {"high": MAX_MINUTES}), minutes
        )
    return minutes


def check_counters(
    session_type: str,
    participants: int | None,
    age_bands: Mapping[str, int],
    social_statuses: Mapping[str, int],
) -> Counters:
    """An individual session counts one person; a collective workshop's anonymous counters
    must add up to its participants (a counter left out is simply not recorded)."""
    kind = vocab.check("session_type", session_type, "type")
    total = 1 if kind == "individuel" and participants is None else participants
    if total is None:
        raise FieldError("participants", Message("mediation.collective_needs_participants"))
    if kind == "individuel" and total != 1:
        raise FieldError("participants", Message("mediation.individual_one"), total)
    whole(total, "participants", 1, MAX_PARTICIPANTS)
    ages = _by_code("age_band", "age_bands", age_bands)
    statuses = _by_code("social_status", "social_statuses", social_statuses)
    for field, counts in (("age_bands", ages), ("social_statuses", statuses)):
        if counts and sum(counts.values()) != total:
            reason = Message(
                "mediation.counts_total", {"total": sum(counts.values()), "participants": total}
            )
            raise FieldError(field, reason)
    return Counters(total, ages, statuses)


def _by_code(vocabulary: str, field: str, counts: Mapping[str, int]) -> dict[str, int]:
    """Counts keyed by code; two spellings of one code (`Retraite`, `retraite`) add up
    instead of one silently replacing the other."""
    out: dict[str, int] = {}
    for key, value in counts.items():
        code = vocab.check(vocabulary, key, field)
        number = whole(value, field, 0, MAX_PARTICIPANTS)
        assert number is not None
        out[code] = out.get(code, 0) + number
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
    lang: str = "fr",
) -> list[str]:
    """What is odd about a session: on a holiday, at a site without an îlot numérique, longer
    than the site is open that day, or outside the mediator's scheduled presence."""
    fr = lang != "en"
    found = []
    end = end_of(day, start, minutes)
    if holiday:
        found.append(f"jour férié ({holiday})" if fr else f"public holiday ({holiday})")
    if not has_ilot:
        found.append("site sans îlot numérique" if fr else "site without an îlot numérique")
    if open_minutes is not None and minutes > open_minutes:
        found.append(
            f"plus long que l'ouverture du site ce jour-là ({open_minutes} min)"
            if fr
            else f"longer than the site is open that day ({open_minutes} min)"
        )
    if end <= start:
        found.append("déborde sur le lendemain" if fr else "runs past midnight")
    elif not any(s <= start and end <= e for s, e in presence):
        found.append(
            "hors de la présence prévue du médiateur"
            if fr
            else "outside the mediator's scheduled presence"
        )
    return found
