"""Notices: what the tool tells people by e-mail, and how a notice is known again.

A notice has a topic — what it is about: an agent's day, a host site's day, one booking — and
a digest of what it says. The log keeps both: the same topic with the same digest is never
sent twice; the same topic with a new digest (the day changed since: a cancellation, a move)
is sent again, as an update.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

AGENT_DAY = "agent-day"  # to an agent: their occurrences of a day
HOST_DAY = "host-day"  # to a host site (a mairie): the permanences it hosts that day
BOOKING_REMINDER = "booking-reminder"  # to a booker: their booking of the day
BOOKING_CONFIRMED = "booking-confirmed"  # to a booker, once booked
BOOKING_CANCELLED = "booking-cancelled"  # to a booker, once cancelled
WAITLIST_OFFERED = "waitlist-offered"  # to someone waiting: the slot is free
KINDS = (
    AGENT_DAY,
    HOST_DAY,
    BOOKING_REMINDER,
    BOOKING_CONFIRMED,
    BOOKING_CANCELLED,
    WAITLIST_OFFERED,
)

SENT, QUEUED_STATUS, EXPIRED = "sent", "queued", "expired"


def topic(kind: str, recipient: str, day: date | None = None) -> str:
    """`agent-day:agent:vigny-conseillere-1:2021-04-27`, `booking-confirmed:reservation:12`."""
    return f"{kind}:{recipient}" + (f":{day.isoformat()}" if day is not None else "")


def digest(facts: object) -> str:
    """A short fingerprint of a notice's facts (dates and times as ISO text)."""
    text = json.dumps(facts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
