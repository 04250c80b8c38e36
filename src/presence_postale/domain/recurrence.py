"""Recurrence rules (RFC 5545 RRULE, through dateutil), always expanded inside a window."""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import rrule, rrulestr

from presence_postale.errors import InvalidData

_ANCHOR = datetime(2000, 1, 3)  # a Monday: validation needs some start


def parse_rule(rule: str, dtstart: datetime = _ANCHOR) -> rrule:
    """Parse an RRULE value (`FREQ=WEEKLY;BYDAY=TU`, with or without the `RRULE:` prefix)."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise InvalidData(
            f"invalid rrule '{rule}': expected one RRULE such as FREQ=WEEKLY;BYDAY=TU"
        )
    try:
        parsed = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError, OverflowError) as error:
        raise InvalidData(f"invalid rrule '{rule}': {error}") from None
    if not isinstance(parsed, rrule):
        raise InvalidData(f"invalid rrule '{rule}': expected a single rule")
    return parsed


def validate_rule(rule: str) -> str:
    """The rule, normalised (no `RRULE:` prefix), if dateutil accepts it."""
    parse_rule(rule)
    text = rule.strip()
    return text[6:] if text.upper().startswith("RRULE:") else text
