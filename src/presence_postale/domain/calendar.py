"""French public holidays: the tool's single source for them."""

from __future__ import annotations

import functools
import zoneinfo
from datetime import date

TZ = zoneinfo.ZoneInfo("Europe/Paris")

# Departments whose holidays differ from metropolitan France, keyed by department code and
# named as the `holidays` package names its subdivisions. 975/977/978 are the postcode
# prefixes La Poste uses for Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin.
_SUBDIVISIONS = {
    "57": "57",
    "67": "6AE",
    "68": "6AE",
    "971": "971",
    "972": "972",
    "973": "973",
    "974": "974",
    "976": "976",
    "975": "PM",
    "977": "BL",
    "978": "MF",
}


def holiday_subdivision(department_code: str | None) -> str | None:
    """The `holidays` subdivision for a department, or None when it follows the national list."""
    if department_code is None:
        return None
    return _SUBDIVISIONS.get(department_code.strip())


@functools.lru_cache(maxsize=256)
def _holidays(subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    # A tuple, so the cached value cannot be altered by a caller.
    # Imported here: the package takes a fifth of a second to load, and most commands never
    # need a holiday.
    from holidays.countries.france import France

    calendar = France(years=year, subdiv=subdivision, language="fr")
    return tuple(sorted(calendar.items()))


def prepare() -> None:
    """Load the holidays package and France's calendar now (about 300 modules, a tenth of a
    second): a writer calls this before it takes the write lock, so that the lock is held
    for its checks and writes only, not for imports."""
    _holidays(None, 2000)


def public_holidays(department_code: str | None, year: int) -> dict[date, str]:
    """Public holidays of one year in a department (a fresh dict the caller may keep), by
    their official French names (`formats.words.holiday` gives them in other languages)."""
    return dict(_holidays(holiday_subdivision(department_code), year))


def holiday_name(day: date, department_code: str | None) -> str | None:
    """The holiday's name when `day` is a public holiday in the department, else None."""
    return public_holidays(department_code, day.year).get(day)


def holidays_between(start: date, end: date, department_code: str | None) -> dict[date, str]:
    """Public holidays from `start` to `end`, both included."""
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in public_holidays(department_code, year).items():
            if start <= day <= end:
                found[day] = name
    return found
