"""French public holidays and French date display: the tool's single source for both."""

from __future__ import annotations

import functools
import zoneinfo
from datetime import date

from presence_postale.errors import InvalidData

TZ = zoneinfo.ZoneInfo("Europe/Paris")

LANGS = ("fr", "en")

DAY_NAMES: dict[str, list[str]] = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

MONTH_NAMES: dict[str, list[str]] = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}

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

# The `holidays` package's language codes.
_PACKAGE_LANGS = {"fr": "fr", "en": "en_US"}


def _check_lang(lang: str) -> str:
    if lang not in _PACKAGE_LANGS:
        raise InvalidData(f"invalid language '{lang}': expected one of {', '.join(LANGS)}")
    return lang


def holiday_subdivision(department_code: str | None) -> str | None:
    """The `holidays` subdivision for a department, or None when it follows the national list."""
    if department_code is None:
        return None
    return _SUBDIVISIONS.get(department_code.strip())


@functools.lru_cache(maxsize=256)
def _holidays(subdivision: str | None, year: int, lang: str) -> tuple[tuple[date, str], ...]:
    # A tuple, so the cached value cannot be altered by a caller.
    # Imported here: the package takes a fifth of a second to load, and most commands never
    # need a holiday.
    from holidays.countries.france import France

    calendar = France(years=year, subdiv=subdivision, language=_PACKAGE_LANGS[lang])
    return tuple(sorted(calendar.items()))


def prepare() -> None:
    """Load the holidays package and France's calendar now (about 300 modules, a tenth of a
    second): a writer calls this before it takes the write lock, so that the lock is held
    for its checks and writes only, not for imports."""
    _holidays(None, 2000, "fr")


def public_holidays(department_code: str | None, year: int, lang: str = "fr") -> dict[date, str]:
    """Public holidays of one year in a department (a fresh dict the caller may keep)."""
    _check_lang(lang)
    return dict(_holidays(holiday_subdivision(department_code), year, lang))


def holiday_name(day: date, department_code: str | None, lang: str = "fr") -> str | None:
    """The holiday's name when `day` is a public holiday in the department, else None."""
    return public_holidays(department_code, day.year, lang).get(day)


def holidays_between(
    start: date, end: date, department_code: str | None, lang: str = "fr"
) -> dict[date, str]:
    """Public holidays from `start` to `end`, both included."""
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in public_holidays(department_code, year, lang).items():
            if start <= day <= end:
                found[day] = name
    return found


def format_day(day: date, lang: str = "fr") -> str:
    """`mardi 27/04/2021` (fr) or `Tuesday 27/04/2021` (en)."""
    # Not strftime: %Y drops leading zeros of years before 1000 on some platforms.
    name = DAY_NAMES[_check_lang(lang)][day.weekday()]
    return f"{name} {day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_month(year: int, month: int, lang: str = "fr") -> str:
    """`avril 2021` (fr) or `April 2021` (en)."""
    if not 1 <= month <= 12:
        raise InvalidData(f"invalid month '{month}': expected 1 to 12")
    return f"{MONTH_NAMES[_check_lang(lang)][month - 1]} {year}"
