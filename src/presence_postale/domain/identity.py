"""Stable identifiers of records that a database numbers itself (permanences, bookings,
sessions...): a UUID that survives an export, a merge of departments and an upgrade.

A record made by a command gets a random UUID. A record read from a file that names none (the
bundled seed, a hand-written file, a CSV) and a record upgraded from before identifiers gets
one derived from what identifies it (its natural key): two databases loaded from the same seed
then give the same permanence the same identifier, and merging them finds one permanence, not
two. The namespace and the way a key is written must never change: identifiers already stored
rest on them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

NAMESPACE = uuid.UUID("5b0c7a44-3f2e-4d55-9a57-6e0c2b3f9d01")

# What identifies each kind of record when it has no identifier yet, in the key's order.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "permanence": ("programme_code", "site_id", "rrule", "start_time", "valid_from"),
    "reservation": ("space_id", "start_at", "end_at", "email", "person_name"),
    "waitlist_entry": ("space_id", "start_at", "end_at", "email", "person_name"),
    "mediation_session": ("site_id", "mediator_id", "session_date", "start_time"),
    "closure": ("site_id", "start_date", "end_date"),
    "agent_absence": ("agent_id", "start_date", "end_date"),
    "programme_change": ("programme_code", "changed_on", "action", "new_end"),
}


def new_uid() -> str:
    return str(uuid.uuid4())


def _part(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def derived_uid(table: str, values: dict[str, object], seen: int = 0) -> str:
    """The identifier of a `table` record from its natural key; `seen` tells apart records
    of one database that share a key (the second gets 1, and so on)."""
    parts = [table, *(_part(values.get(name)) for name in NATURAL_KEYS[table])]
    if seen:
        parts.append(str(seen))
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))
