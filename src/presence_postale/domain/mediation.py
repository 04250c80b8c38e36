"""Digital-mediation sessions: what makes one valid, and what deserves a warning.

Vocabulary and counters follow the national *Coop de la médiation numérique* activity
reports, so that a department's figures add up with the country's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from presence_postale.domain import vocab
from presence_postale.errors import InvalidData

MAX_MINUTES = 480  # a working day
MAX_PARTICIPANTS = 500
SENIOR_BANDS = ("60-69", "70+")


@dataclass(frozen=True)
class Counters:
    participants: int
    age_bands: dict[str, int]
    social_statuses: dict[str, int]


# Themes by family, as the Coop de la médiation numérique groups them: help with
# administrative procedures, or digital skills.
THEME_FAMILIES = ("numerique", "demarches")
PROCEDURES = "aide_aux_demarches_administratives"


def theme_family(theme: str) -> str:
    """`demarches` for help with administrative procedures, else `numerique`."""
    return "demarches" if theme == PROCEDURES else "numerique"


def check_duration(minutes: int) -> int:
    if not 0 < minutes <= MAX_MINUTES:
        raise InvalidData(
            f"invalid --duration {minutes}: minutes between 1 and {MAX_MINUTES} (a working day)"
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
    kind = vocab.check("session_type", session_type, "--type")
    total = 1 if kind == "individuel" and participants is None else participants
    if total is None:
        raise InvalidData("a collective session needs --participants")
    if kind == "individuel" and total != 1:
        raise InvalidData(f"invalid --participants {total}: an individual session has 1")
    if not 1 <= total <= MAX_PARTICIPANTS:
        raise InvalidData(f"invalid --participants {total}: between 1 and {MAX_PARTICIPANTS}")
    ages = _by_code("age_band", "age band", age_bands)
    statuses = _by_code("social_status", "social status", social_statuses)
    for name, counts in (("age bands", ages), ("social statuses", statuses)):
        if counts and sum(counts.values()) != total:
            raise InvalidData(
                f"the {name} add up to {sum(counts.values())}, not to the {total} participants"
            )
    return Counters(total, ages, statuses)


def _by_code(vocabulary: str, field: str, counts: Mapping[str, int]) -> dict[str, int]:
    """Counts keyed by code; two spellings of one code (`Retraite`, `retraite`) add up
    instead of one silently replacing the other."""
    out: dict[str, int] = {}
    for key, value in counts.items():
        code = vocab.check(vocabulary, key, field)
        if value < 0:
            raise InvalidData(f"invalid {field} count {key}={value}: a count is negative")
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
