"""French public holidays: the tool's single source for them.

They come from the `holidays` package. Loading it takes longer than most commands' whole work
(it imports its 250 countries), so the years 1990 to 2100 are read from a table made from it,
`data/holidays-fr.json`, and only a year outside them loads the package. A test holds the
table to what the installed package gives; `python -m presence_postale.domain.calendar` writes
it again.
"""

from __future__ import annotations

import functools
import json
import zoneinfo
from datetime import date
from importlib import resources
from typing import Any

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

TABLE_YEARS = range(1990, 2101)  # the years `data/holidays-fr.json` holds
_TABLE = "holidays-fr.json"


def holiday_subdivision(department_code: str | None) -> str | None:
    """The `holidays` subdivision for a department, or None when it follows the national list."""
    if department_code is None:
        return None
    return _SUBDIVISIONS.get(department_code.strip())


@functools.lru_cache(maxsize=256)
def _holidays(subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    # A tuple, so the cached value cannot be altered by a caller.
    coded = _table()["years"].get(subdivision or "", {}).get(str(year))
    if coded is None:
        return from_package(subdivision, year)
    names = _table()["names"]
    return tuple(
        (date(year, int(day[:2]), int(day[2:4])), names[int(day[4:])]) for day in coded.split()
    )


@functools.cache
def _table() -> dict[str, Any]:
    text = (resources.files("presence_postale") / "data" / _TABLE).read_text(encoding="utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


def from_package(subdivision: str | None, year: int) -> tuple[tuple[date, str], ...]:
    """One year's holidays as the `holidays` package gives them, sorted by day."""
    from holidays.countries.france import France

    calendar = France(years=year, subdiv=subdivision, language="fr")
    return tuple(sorted(calendar.items()))


def table_from_package() -> dict[str, Any]:
    """The table of `TABLE_YEARS` for France and each subdivision, made from the package: each
    year is a text of `MMDDnn` words, `nn` an index into its list of names."""
    names: list[str] = []
    years: dict[str, dict[str, str]] = {}
    for subdivision in (None, *sorted(set(_SUBDIVISIONS.values()))):
        coded = years.setdefault(subdivision or "", {})
        for year in TABLE_YEARS:
            words = []
            for day, name in from_package(subdivision, year):
                if name not in names:
                    names.append(name)
                words.append(f"{day:%m%d}{names.index(name):02d}")
            coded[str(year)] = " ".join(words)
    return {"source": "holidays (France, in French)", "names": names, "years": years}


def prepare() -> None:
    """Read the holidays table now: a writer calls this before it takes the write lock, so that
    the lock is held for its checks and writes only."""
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


if __name__ == "__main__":  # python -m presence_postale.domain.calendar: write the table again
    from pathlib import Path

    target = Path(str(resources.files("presence_postale") / "data" / _TABLE))
    target.write_text(json.dumps(table_from_package(), ensure_ascii=False, indent=1) + "\n")
