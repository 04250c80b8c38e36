"""How many times an occurrence changed and when it last did: what calendars need so that a
subscriber's copy follows every change (RFC 5545's SEQUENCE, DTSTAMP and LAST-MODIFIED).

SEQUENCE only grows — undoing a cancellation is a change too, so a calendar that saw the
cancellation takes the restored event. Occurrences changed before revisions were recorded (or
loaded from a records file) still read right: one with a stored cancellation or move counts as
changed once, and its last change is the latest of its records' times.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import NamedTuple


class Revision(NamedTuple):
    """An occurrence's SEQUENCE and the instant (UTC) of its last change."""

    sequence: int
    changed_at: datetime


def utc(moment: datetime) -> datetime:
    """A stored instant as an aware UTC datetime (SQLite gives them back naive)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def effective(
    revision: Revision | None, created: datetime, changes: Iterable[datetime | None], changed: bool
) -> Revision:
    """An occurrence's revision from what is stored: its own record if any, never below one
    change when a cancellation or move is stored (`changed`), and never older than the
    permanence's creation (`created`) or its exception's and outcome's times (`changes`)."""
    if revision is None and not changed and not changes:
        return Revision(0, utc(created))  # most occurrences never changed: the short way
    times = [utc(created), *(utc(t) for t in changes if t is not None)]
    sequence = 1 if changed else 0
    if revision is not None:
        times.append(revision.changed_at)
        sequence = max(sequence, revision.sequence)
    return Revision(sequence, max(times))
