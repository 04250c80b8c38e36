"""Recurrence rules (RFC 5545 RRULE, through dateutil), always expanded inside a window.

`rrule.between()` walks from the rule's first date, so a series that started years ago costs
more every week. `dates_between` first moves the start up to the window by a whole number of
the rule's periods — which keeps every occurrence of the window — then expands only there.
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from presence_postale.domain import rule_text
from presence_postale.domain.fields import FieldError
from presence_postale.domain.rule_text import DAY_CODES, fields
from presence_postale.errors import InvalidData, Message

_ANCHOR = datetime(2000, 1, 3)  # a Monday: validation needs some start

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


_FREQUENCIES = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}
# A rule that yields a date yields one within this many years of any start (28 years bring
# back the same weekdays on the same dates; a yearly rule's interval multiplies it).
_NEVER_YEARS = 29
# The longest window expanded at once: a hard bound on the work and memory of an expansion,
# whatever the rule (the commands ask for ten years at most).
MAX_WINDOW_DAYS = 4018
_WEEK = timedelta(days=7)


def _build(parts: dict[str, str], dtstart: datetime) -> rrule:
    """The rule for dateutil, without its UNTIL (the expansion applies it, in local time)."""
    text = ";".join(f"{k}={v}" for k, v in parts.items() if k != "UNTIL")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = rrulestr(text, dtstart=dtstart)
    assert isinstance(parsed, rrule)
    return parsed


@functools.lru_cache(maxsize=1024)
def validate_rule(rule: str) -> str:
    """The rule, normalised (upper case, no `RRULE:` prefix, no empty part), when it is one
    this tool can expand: dates only (at most one a day), a positive interval, a bounded
    count, an UNTIL in any RFC 5545 form, and at least one date ever."""
    parts = rule_text.parts(rule)
    try:
        template = _build(parts, _ANCHOR)
        years = _NEVER_YEARS * (int(parts.get("INTERVAL", "1")) if parts["FREQ"] == "YEARLY" else 1)
        horizon = _ANCHOR + relativedelta(years=years)
        first = template.replace(count=None, until=horizon).after(_ANCHOR, inc=True)
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, Warning):
        raise rule_text.refuse("recurrence.unreadable", rule) from None
    if first is None:
        raise rule_text.refuse("recurrence.never", rule)
    return ";".join(f"{k}={v}" for k, v in parts.items())


def parse_rule(rule: str, dtstart: datetime = _ANCHOR) -> rrule:
    """The rule for dateutil (without its UNTIL, which `dates_between` applies)."""
    return _build(rule_text.parts(validate_rule(rule)), dtstart)


def from_every(text: str) -> str:
    """A friendly recurrence as an RRULE: `tuesday`, `mon,thu`, `1st,3rd thursday`."""
    words = re.sub(r"[^\w,\- ]", " ", _fold(text)).replace(",", " , ").split()
    words = [w for w in words if w not in ("every", "each", "tous", "les", "le", "chaque", "on")]
    if not words:
        raise FieldError("--every", Message("recurrence.every_empty"), text)
    if all(w in _WEEKDAYS for w in words if w != ","):
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    ordinals = [w for w in words if w in _ORDINALS and w not in _WORD_TO_DAY]
    days = [w for w in words if w in _WORD_TO_DAY]
    unknown = [w for w in words if w != "," and w not in _ORDINALS and w not in _WORD_TO_DAY]
    if unknown or not days:
        bad = unknown[0] if unknown else text
        raise FieldError("--every", Message("recurrence.every_word", {"word": bad}), text)
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
    """(weekdays, interval) for a plain weekly rule (FREQ, BYDAY, INTERVAL, an UNTIL), else
    None."""
    parts = fields(rule)
    if parts.get("FREQ") != "WEEKLY" or set(parts) - {"FREQ", "BYDAY", "INTERVAL", "WKST", "UNTIL"}:
        return None
    if parts.get("WKST", "MO") != "MO" or not parts.get("INTERVAL", "1").isdigit():
        return None
    interval = int(parts.get("INTERVAL", "1"))
    codes = parts["BYDAY"].split(",") if parts.get("BYDAY") else []
    if interval < 1 or any(code not in DAY_CODES for code in codes):
        return None
    return (frozenset(DAY_CODES.index(code) for code in codes) or None), interval


def last_date(rule: str, at: time = time()) -> date | None:
    """The last date the rule's UNTIL allows for an occurrence starting at `at` (RFC 5545: an
    occurrence is in when its start is not after UNTIL); None without an UNTIL."""
    end = _until(rule)
    if end is None:
        return None
    return end.date() if at <= end.time() else end.date() - timedelta(days=1)


@functools.lru_cache(maxsize=1024)
def _until(rule: str) -> datetime | None:
    """The rule's UNTIL, read once per rule (a national schedule asks it for every series)."""
    parts = fields(rule)
    return rule_text.until(parts["UNTIL"], rule) if "UNTIL" in parts else None


def dates_between(
    rule: str, first: date, window_start: date, window_end: date, *, at: time = time()
) -> list[date]:
    """The rule's dates within [window_start, window_end] (inclusive) for a series that starts
    on `first`, its occurrences starting at `at`: cost follows the window, not the age of the
    series, and a window is at most `MAX_WINDOW_DAYS` long whatever the rule."""
    begin_day = max(window_start, first)
    end_day = min(window_end, last_date(rule, at) or window_end)
    if end_day < begin_day:
        return []
    if (end_day - begin_day).days > MAX_WINDOW_DAYS:
        raise InvalidData(
            "recurrence.window", days=(end_day - begin_day).days + 1, limit=MAX_WINDOW_DAYS
        )
    plain = _plain_weekly(rule)
    if plain is not None:
        # Most permanences are "every Tuesday": count weeks from the series' first week, as
        # RFC 5545 does with WKST=MO, instead of walking a generator.
        weekdays, interval = plain
        days = weekdays if weekdays is not None else frozenset({first.weekday()})
        first_monday = first - timedelta(days=first.weekday())
        out = []
        for weekday in days:  # from its first date in the window, a week at a time
            day = begin_day + timedelta(days=(weekday - begin_day.weekday()) % 7)
            while day <= end_day:
                if ((day - first_monday).days // 7) % interval == 0:
                    out.append(day)
                day += _WEEK
        return sorted(out)
    template = _template(rule)
    end = datetime.combine(end_day, time())
    begin = datetime.combine(begin_day, time())
    count = int(fields(rule).get("COUNT", "0"))
    if count:
        # A count runs from the first date: walk from there, but never past the window.
        walk = template.replace(dtstart=datetime.combine(first, time()), count=None, until=end)
        return [m.date() for m in itertools.islice(walk, count) if m >= begin]
    start = _period_start(first, window_start, rule)
    expanded = template.replace(dtstart=datetime.combine(start, time()), until=end)
    return [moment.date() for moment in expanded if moment >= begin]


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
