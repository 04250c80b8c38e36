"""Every stored record through its kind's validator and the booking rules, as a database is
copied (`db copy`): what comes in that way answers to the same rules as what comes in by a
command or a records file. The first record that breaks one is named (table and key) and the
copy is refused whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from presence_postale.domain import booking, validators
from presence_postale.domain import hours as oh
from presence_postale.domain.calendar import holidays_between
from presence_postale.errors import InvalidData, PresencePostaleError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# table -> the validator of its records (other tables are links and logs: their references
# are the foreign keys' business).
VALIDATORS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "department": validators.department,
    "operator": validators.operator,
    "site": validators.site,
    "closure": validators.closure,
    "agent": validators.agent,
    "programme": validators.programme,
    "permanence": validators.permanence,
    "space": validators.space,
    "reservation": validators.reservation,
    "mediation_session": validators.mediation_session,
}


def _rows(connection: Connection, name: str) -> Iterator[dict[str, Any]]:
    from sqlalchemy import select

    from presence_postale.store.models import metadata

    table = metadata().tables[name]
    ordered = select(table).order_by(*table.primary_key.columns)
    for row in connection.execute(ordered).mappings():
        yield dict(row)


def _key(row: Mapping[str, Any]) -> Any:
    return row.get("id", row.get("code"))


def _refuse(table: str, row: Mapping[str, Any], error: PresencePostaleError) -> InvalidData:
    return InvalidData("copy.refused", table=table, row=_key(row), reason=error.message)


def check_records(connection: Connection) -> None:
    """Raise InvalidData naming the first record of the database behind `connection` that
    breaks its kind's rules, or a booking that breaks its space's."""
    for table, validate in VALIDATORS.items():
        for row in _rows(connection, table):
            try:
                validate(row)
            except PresencePostaleError as error:
                raise _refuse(table, row, error) from None
    _check_bookings(connection)


def _check_bookings(connection: Connection) -> None:
    """Each booking that holds a place, against its space's categories, bookable hours, its
    site's holidays and closures, and the bookings before it (capacity)."""
    sites = {row["id"]: row for row in _rows(connection, "site")}
    spaces = {row["id"]: row for row in _rows(connection, "space")}
    closures: dict[str, list[oh.Closure]] = defaultdict(list)
    for row in _rows(connection, "closure"):
        closures[row["site_id"]].append(
            oh.Closure(row["start_date"], row["end_date"], row["reason"])
        )
    by_space: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(connection, "reservation"):
        if row["status"] in booking.TAKING_PLACE:
            by_space[row["space_id"]].append(row)
    for space_id, rows in by_space.items():
        space = spaces[space_id]
        site = sites[space["site_id"]]
        rows.sort(key=lambda r: (r["start_at"], r["id"]))
        first: date = rows[0]["start_at"].date()
        last: date = rows[-1]["start_at"].date()
        place = booking.Place(
            space_id=space_id,
            site_name=site["name"],
            hours=space["opening_hours"] or site["opening_hours"],
            capacity=space["capacity"],
            categories=tuple(space["categories"] or ()),
            holidays=holidays_between(first, last, site["department_code"]),
            closures=tuple(closures[site["id"]]),
        )
        held: list[booking.Held] = []
        for row in rows:
            start, end = row["start_at"], row["end_at"]
            present = [h for h in held if h.end > start]
            try:
                booking.check_place(place, row["category"], start, end, present)
            except PresencePostaleError as error:
                raise _refuse("reservation", row, error) from None
            holder = booking.holder(row["id"], start, end, row["organisation"], row["category"])
            held = [*present, booking.Held(row["id"], start, end, holder)]
