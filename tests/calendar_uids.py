"""The UIDs a calendar gives a database's records, read from their `uid` column (a calendar
never names a record by its row number)."""

from __future__ import annotations

from datetime import date

from backends import Database, query


def record_uid(db: Database, table: str, row_id: int) -> str:
    (found,) = query(db, f"SELECT uid FROM {table} WHERE id = ?", row_id)
    return str(found[0])


def occurrence_uid(db: Database, permanence_id: int, original: date | str) -> str:
    """The UID of the occurrence of permanence `permanence_id` first planned on `original`."""
    day = original if isinstance(original, str) else original.isoformat()
    uid = record_uid(db, "permanence", permanence_id)
    return f"permanence-{uid}-{day.replace('-', '')}@presence-postale"


def booking_uid(db: Database, reservation_id: int) -> str:
    """The UID of reservation `reservation_id`'s event."""
    return f"reservation-{record_uid(db, 'reservation', reservation_id)}@presence-postale"
