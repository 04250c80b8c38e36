"""The text of an RFC 5545 recurrence rule (`FREQ=WEEKLY;BYDAY=TU`): its parts checked for
shape, one by one, so that a refusal says which part and why in the tool's own words (never
dateutil's), and its UNTIL read in every form the RFC allows.

Only rules this tool can expand are taken: dates, not times (at most one occurrence a day), a
positive interval no longer than a year or two, a bounded count.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from presence_postale.domain.fields import FIRST_YEAR, LAST_YEAR, FieldError
from presence_postale.errors import Message

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# One rule a day at most: these parts and frequencies would yield several a day.
_SUB_DAILY = ("HOURLY", "MINUTELY", "SECONDLY", "BYHOUR", "BYMINUTE", "BYSECOND")
_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS",
          "BYWEEKNO", "BYYEARDAY", "WKST")  # fmt: skip
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# The longest interval of each frequency: a year of days, of weeks, two years of months.
MAX_INTERVAL = {"DAILY": 366, "WEEKLY": 53, "MONTHLY": 24, "YEARLY": 4}
MAX_COUNT = 1000
MAX_RULE_LENGTH = 300
# (low, high, frequencies it may go with) of each numeric BY part.
_BY_RANGES = {
    "BYMONTHDAY": (1, 31, ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
    "BYMONTH": (1, 12, ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
    "BYSETPOS": (1, 366, ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
    "BYWEEKNO": (1, 53, ("YEARLY",)),
    "BYYEARDAY": (1, 366, ("YEARLY",)),
}
_SIGNED = ("BYMONTHDAY", "BYSETPOS", "BYWEEKNO", "BYYEARDAY")
_BYDAY_RE = re.compile(r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL_RE = re.compile(r"([0-9]{8})(?:T([0-9]{6})(Z?))?")


def refuse(key: str, rule: str, **params: object) -> FieldError:
    return FieldError("rrule", Message(key, params), rule)


def text_of(rule: str) -> str:
    """The rule's text: upper case, without the `RRULE:` prefix."""
    text = rule.strip().upper()
    return text[6:].strip() if text.startswith("RRULE:") else text


def parts(rule: str) -> dict[str, str]:
    """The rule's parts, each checked for shape; refusals say which part and why."""
    text = text_of(rule)
    if len(text) > MAX_RULE_LENGTH:
        raise refuse("recurrence.too_long", rule, length=len(text), limit=MAX_RULE_LENGTH)
    if not text or "DTSTART" in text or not text.isprintable():
        raise refuse("recurrence.one_rule", rule)
    parts: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, sep, value = (s.strip() for s in part.partition("="))
        if not sep or not name or not value:
            raise refuse("recurrence.part", rule, part=part)
        if name in _SUB_DAILY:
            raise refuse("recurrence.sub_daily", rule, part=name)
        if name not in _PARTS:
            raise refuse("recurrence.unknown_part", rule, part=name, known=list(_PARTS))
        if name in parts:
            raise refuse("recurrence.repeated_part", rule, part=name)
        parts[name] = value
    freq = parts.get("FREQ")
    if freq is None:
        raise refuse("recurrence.no_freq", rule)
    if freq in _SUB_DAILY:
        raise refuse("recurrence.sub_daily", rule, part=f"FREQ={freq}")
    if freq not in FREQUENCIES:
        raise refuse("recurrence.freq", rule, value=freq)
    _check_numbers(rule, parts, freq)
    _check_days(rule, parts, freq)
    if "UNTIL" in parts:
        until(parts["UNTIL"], rule)
    return {name: _listed(name, value) for name, value in parts.items()}


def _listed(name: str, value: str) -> str:
    """A BY part's values as stored: each once, in the order given (`BYDAY=TU,TU` is
    `BYDAY=TU`, as `--every tuesday,tuesday` gives), without the spaces around them."""
    if not name.startswith("BY"):
        return value
    return ",".join(dict.fromkeys(item.strip() for item in value.split(",")))


def _whole(text: str) -> int | None:
    body = text[1:] if text[:1] in "+-" else text
    # ASCII digits only: int() reads '٢' (Arabic-Indic two), which no calendar would.
    if not (body.isascii() and body.isdecimal()) or len(body) > 6:
        return None
    return int(text)


def _check_numbers(rule: str, parts: dict[str, str], freq: str) -> None:
    interval = parts.get("INTERVAL", "1")
    number = _whole(interval)
    if number is None or not 1 <= number <= MAX_INTERVAL[freq] or not interval.isdecimal():
        raise refuse(
            "recurrence.interval", rule, value=interval, high=MAX_INTERVAL[freq], freq=freq
        )
    if "COUNT" in parts:
        count = _whole(parts["COUNT"])
        if count is None or not 1 <= count <= MAX_COUNT or not parts["COUNT"].isdecimal():
            raise refuse("recurrence.count", rule, value=parts["COUNT"], high=MAX_COUNT)
        if "UNTIL" in parts:
            raise refuse("recurrence.count_and_until", rule)
    for name, (low, high, frequencies) in _BY_RANGES.items():
        if name not in parts:
            continue
        if freq not in frequencies:
            raise refuse("recurrence.by_freq", rule, part=name, freq=freq)
        for item in parts[name].split(","):
            value = _whole(item.strip())
            signed = name in _SIGNED
            if value is None or not low <= (abs(value) if signed else value) <= high:
                raise refuse(
                    "recurrence.by_value",
                    rule,
                    part=name,
                    value=item,
                    low=-high if signed else low,
                    high=high,
                )


def _check_days(rule: str, parts: dict[str, str], freq: str) -> None:
    if "WKST" in parts and parts["WKST"] not in DAY_CODES:
        raise refuse("recurrence.wkst", rule, value=parts["WKST"])
    for item in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else ():
        found = _BYDAY_RE.fullmatch(item.strip())
        rank = _whole(found[1]) if found and found[1] else None
        high = {"MONTHLY": 5, "YEARLY": 53}.get(freq, 0)
        if found is None or (found[1] and (rank is None or not 1 <= abs(rank) <= high)):
            raise refuse("recurrence.byday", rule, value=item)


def until(value: str, rule: str = "") -> datetime:
    """An RRULE's UNTIL as a local (Europe/Paris) wall-clock time, in each RFC 5545 form: a
    date (`20210701`: the whole day), a local date and time (`20210701T090000`), or UTC
    (`20210701T070000Z`)."""
    found = _UNTIL_RE.fullmatch(value.strip())
    try:
        if found is None:
            raise ValueError(value)
        day = datetime.strptime(found[1], "%Y%m%d")
        if found[2] is None:
            moment = day.replace(hour=23, minute=59, second=59)
        else:
            moment = datetime.strptime(found[1] + found[2], "%Y%m%d%H%M%S")
        # Out of range before the shift to Paris time: one at the ends of the calendar
        # (99991231T235959Z) has no local time.
        if not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise ValueError(value)
        if found[3]:
            from presence_postale.domain.calendar import TZ

            moment = moment.replace(tzinfo=UTC).astimezone(TZ).replace(tzinfo=None)
    except ValueError:
        raise refuse("recurrence.until", rule or value, value=value) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise refuse("recurrence.until", rule or value, value=value)
    return moment


def fields(rule: str) -> dict[str, str]:
    """The rule's parts (`FREQ`, `INTERVAL`, `BYDAY`...), read from its text rather than from
    dateutil's private attributes."""
    text = text_of(rule)
    return dict(
        (key.strip(), value.strip())
        for key, _, value in (part.partition("=") for part in text.split(";") if "=" in part)
    )
