"""Short lead times for calendars: how long before an event an alarm rings, how often a
subscriber fetches a published calendar again (`15m`, `1h`, `1h30`, `2d`)."""

from __future__ import annotations

import re
from datetime import timedelta

from presence_postale.errors import UsageError

_LEAD = re.compile(r"(?:(\d{1,4})d)?(?:(\d{1,4})h)?(?:(\d{1,5})(?:m|min)?)?")
LONGEST = timedelta(days=28)


def parse_lead(text: str, option: str) -> timedelta:
    """`15m` (or `15min`), `1h`, `1h30`, `2d`, `1d12h`: between one minute and four weeks."""
    value = text.strip().lower()
    match = _LEAD.fullmatch(value)
    if not value or match is None or not any(match.groups()):
        raise UsageError("duration.invalid", option=option, value=text)
    days, hours, minutes = (int(part or 0) for part in match.groups())
    if match[3] and not match[2] and not value.endswith(("m", "min")):
        raise UsageError("duration.invalid", option=option, value=text)  # a bare number
    lead = timedelta(days=days, hours=hours, minutes=minutes)
    if not timedelta(minutes=1) <= lead <= LONGEST:
        raise UsageError("duration.invalid", option=option, value=text)
    return lead
