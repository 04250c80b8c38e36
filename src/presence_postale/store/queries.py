"""Plain rows of Core statements, for the queries several services share.

They read plain rows (a tuple each) in set-based statements: a national report reads
thousands of sites and permanences, and building ORM objects for them would cost ten times
as much.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlmodel import Session

CHUNK = 500  # SQLite's limit on bound parameters is far above; keeps statements small
MANY = 1000  # ids beyond which one unrestricted read beats binding every id


def rows(db: Session, statement: Any) -> Any:
    """The plain rows of a Core `statement`, seeing what the session has not yet written (as
    an ORM query would: a service may change a programme, then schedule it)."""
    db.flush()
    return db.connection().execute(statement)


def rows_in(db: Session, statement: Any, column: Any, ids: Iterable[Any]) -> Iterator[Any]:
    """The rows of `statement` whose first column is one of `ids`, in the statement's order.

    A few ids are bound, a chunk at a time; many ids (a national report's thousands of
    sites) would cost more to bind than to read the rows without them and keep the ones asked.
    """
    wanted = set(ids)
    if len(wanted) > MANY:
        return (row for row in rows(db, statement) if row[0] in wanted)
    ordered = sorted(wanted)
    return (
        row
        for start in range(0, len(ordered), CHUNK)
        for row in rows(db, statement.where(column.in_(ordered[start : start + CHUNK])))
    )
