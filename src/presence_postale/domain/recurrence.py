"""Recurrence rules (RFC 5545 RRULE, through dateutil), always expanded inside a window.

`rrule.between()` walks from the rule's first date, so a series that started years ago costs
more every week. `dates_between` first moves the start up to the window by a whole number of
the rule's periods — which keeps every occurrence of the window — then expands only there.
"""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from presence_postale.errors import InvalidData, Message

_ANCHOR = datetime(2000, 1, 3)  # a Monday: validation needs some start

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_WORDS = {
    "MO": ("monday", "mon", "lundi", "lun", "mo", "lu"),
    "TU": ("tuesday", "tue", "tues", "mardi", "mar", "tu", "ma"),
    "WE": ("wednesday", "wed", "mercredi", "mer", "we", "me"),
    "TH": ("thursday", "thu", "thur", "thurs", "jeudi", "jeu", "th", "je"),
    "FR": ("friday", "fri", "vendredi", "ven", "fr", "ve"),
    "SA": ("saturday", "sat", "samedi", "sam", "sa"),
    "SU": ("sunday", "sun", "dimanche", "dim", "su", "di"),
}
_WORD_TO_DAY = {word: code for code, words in _DAY_WORDS.items() for word in words}
_ORDINALS = {
    "1st": 1, "first": 1, "1er": 1, "1re": 1, "premier": 1, "1": 1,
    "2nd": 2, "second": 2, "2e": 2, "2eme": 2, "deuxieme": 2, "2": 2,
    "3rd": 3, "third": 3, "3e": 3, "3eme": 3, "troisieme": 3, "3": 3,
    "4th": 4, "fourth": 4, "4e": 4, "4eme": 4, "quatrieme": 4, "4": 4,
    "5th": 5, "fifth": 5, "5e": 5, "5eme": 5, "5": 5,
    "last": -1, "dernier": -1,
}  # fmt: skip
_WEEKDAYS = ("weekday", "weekdays", "semaine", "ouvre", "ouvres")


def _bad(key: str, value: str, reason: str, **params: object) -> InvalidData:
    return InvalidData(key, value=value, reason=Message(reason, params))


def parse_rule(rule: str, dtstart: datetime = _ANCHOR) -> rrule:
    """Parse an RRULE value (`FREQ=WEEKLY;BYDAY=TU`, with or without the `RRULE:` prefix)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise _bad("value.bad_rrule", rule, "value.expected_rrule")
    try:
        with warnings.catch_warnings():
            # dateutil only warns about an UNTIL it half understands ("0H0D": time zone "D").
            warnings.simplefilter("error")
            parsed = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, Warning) as error:
        raise _bad("value.bad_rrule", rule, "value.rrule_unreadable", detail=str(error)) from None
    if not isinstance(parsed, rrule):
        raise _bad("value.bad_rrule", rule, "value.rrule_single")
    if fields(text).get("FREQ") not in _FREQUENCIES:
        raise _bad("value.bad_rrule", rule, "value.rrule_frequency")
    return parsed


_FREQUENCIES = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}


def fields(rule: str) -> dict[str, str]:
    """The rule's parts (`FREQ`, `INTERVAL`, `BYDAY`...), read from its text rather than from
    dateutil's private attributes."""
    text = rule.strip().upper()
    text = text[6:] if text.startswith("RRULE:") else text
    return dict(part.split("=", 1) for part in text.split(";") if "=" in part)


def validate_rule(rule: str) -> str:
    """The rule, normalised (upper case, no `RRULE:` prefix), if dateutil accepts it."""
    parse_rule(rule)
    text = rule.strip().upper()
    return text[6:] if text.startswith("RRULE:") else text


def from_every(text: str) -> str:
    """A friendly recurrence as an RRULE: `tuesday`, `mon,thu`, `1st,3rd thursday`."""
    words = re.sub(r"[^\w,\- ]", " ", _fold(text)).replace(",", " , ").split()
    words = [w for w in words if w not in ("every", "each", "tous", "les", "le", "chaque", "on")]
    if not words:
        raise _bad("value.bad_every", text, "value.expected_every")
    if all(w in _WEEKDAYS for w in words if w != ","):
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    ordinals = [w for w in words if w in _ORDINALS and w not in _WORD_TO_DAY]
    days = [w for w in words if w in _WORD_TO_DAY]
    unknown = [w for w in words if w != "," and w not in _ORDINALS and w not in _WORD_TO_DAY]
    if unknown or not days:
        bad = unknown[0] if unknown else text
        raise _bad("value.bad_every", text, "value.every_word", word=bad)
    codes = []
    for word in days:
        code = _WORD_TO_DAY[word]
        if code not in codes:
            codes.append(code)
    if not ordinals:
        return f"FREQ=WEEKLY;BYDAY={','.join(sorted(codes, key=DAY_CODES.index))}"
    nths = sorted({_ORDINALS[w] for w in ordinals}, key=lambda n: (n < 0, n))
    by_day = ",".join(f"{n}{code}" for code in codes for n in nths)
    return f"FREQ=MONTHLY;BYDAY={by_day}"


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _period_start(first: date, window_start: date, rule: str) -> date:
    """The latest date on or before the window, a whole number of periods after `first`, and at
    least one period before the window (so no occurrence of the window is lost)."""
    parts = fields(rule)
    if "COUNT" in parts or window_start <= first:  # a count runs from the first date
        return first
    interval = int(parts.get("INTERVAL", "1"))
    freq = _FREQUENCIES[parts["FREQ"]]
    if freq == DAILY:
        periods = (window_start - first).days // interval - 1
        return first + timedelta(days=max(periods, 0) * interval)
    if freq == WEEKLY:
        periods = (window_start - first).days // (7 * interval) - 1
        return first + timedelta(weeks=max(periods, 0) * interval)
    if first.day > 28 and not ({"BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO"} & set(parts)):
        return first  # a 29th-31st that months would clamp: walk from the start
    if freq == MONTHLY:
        months = (window_start.year - first.year) * 12 + window_start.month - first.month
        periods = months // interval - 1
        return first + relativedelta(months=max(periods, 0) * interval)
    if first.month == 2 and first.day == 29:
        return first
    periods = (window_start.year - first.year) // interval - 1
    return first + relativedelta(years=max(periods, 0) * interval)


@functools.lru_cache(maxsize=1024)
def _template(rule: str) -> rrule:
    # Parsing costs more than expanding one week: a report reuses a handful of rules.
    return parse_rule(rule)


@functools.lru_cache(maxsize=1024)
def _plain_weekly(rule: str) -> tuple[frozenset[int] | None, int] | None:
    """(weekdays, interval) for a plain weekly rule (FREQ, BYDAY, INTERVAL only), else None."""
    parts = fields(rule)
    if parts.get("FREQ") != "WEEKLY" or set(parts) - {"FREQ", "BYDAY", "INTERVAL", "WKST"}:
        return None
    if parts.get("WKST", "MO") != "MO" or not parts.get("INTERVAL", "1").isdigit():
        return None
    interval = int(parts.get("INTERVAL", "1"))
    codes = parts["BYDAY"].split(",") if parts.get("BYDAY") else []
    if interval < 1 or any(code not in DAY_CODES for code in codes):
        return None
    return (frozenset(DAY_CODES.index(code) for code in codes) or None), interval


def dates_between(rule: str, first: date, window_start: date, window_end: date) -> list[date]:
    """The rule's dates within [window_start, window_end] (inclusive) for a series that starts
    on `first`: cost follows the window, not the age of the series."""
    if window_end < window_start or window_end < first:
        return []
    plain = _plain_weekly(rule)
    if plain is not None:
        # Most permanences are "every Tuesday": count weeks from the series' first week, as
        # RFC 5545 does with WKST=MO, instead of walking a generator.
        weekdays, interval = plain
        days = weekdays if weekdays is not None else frozenset({first.weekday()})
        first_monday = first - timedelta(days=first.weekday())
        day = max(window_start, first)
        out = []
        while day <= window_end:
            if day.weekday() in days and ((day - first_monday).days // 7) % interval == 0:
                out.append(day)
            day += timedelta(days=1)
        return out
    template = _template(rule)
    start = _period_start(first, window_start, rule)
    expanded = template.replace(dtstart=datetime.combine(start, time()))
    begin = datetime.combine(max(window_start, first), time())
    end = datetime.combine(window_end, time())
    return [moment.date() for moment in expanded.between(begin, end, inc=True)]


@dataclass(frozen=True)
class Shape:
    """A plain rule's days: weekly (`days` as (0, weekday)) or monthly ((n, weekday): the
    n-th of the month, -1 the last); weekday 0 is Monday."""

    monthly: bool
    days: tuple[tuple[int, int], ...]


def summary(rule: str) -> Shape | None:
    """The days of a rule that reads in a few words (`chaque mardi`, `1er jeudi du mois`), or
    None when it has other parts (an interval, a count, an end)."""
    text = validate_rule(rule)
    parts = fields(text)
    if set(parts) - {"FREQ", "BYDAY", "INTERVAL", "WKST"} or parts.get("INTERVAL", "1") != "1":
        return None
    days = parts.get("BYDAY", "").split(",") if parts.get("BYDAY") else []
    if parts.get("FREQ") == "WEEKLY" and days and all(d in DAY_CODES for d in days):
        return Shape(False, tuple((0, DAY_CODES.index(d)) for d in days))
    if parts.get("FREQ") != "MONTHLY" or not days:
        return None
    found = []
    for day in days:
        match = re.fullmatch(r"([+-]?\d)([A-Z]{2})", day)
        if match is None or match.group(2) not in DAY_CODES:
            return None
        found.append((int(match.group(1)), DAY_CODES.index(match.group(2))))
    return Shape(True, tuple(found))
