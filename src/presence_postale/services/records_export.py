"""The whole database as a records file in the seed's schema, every table a person writes to.

A records export loads into an empty database (`init --no-seed`, then `import records`) and
exports again to the same bytes: every section in the schema's order, rows in a stable order,
values as the schema reads them, empty values and defaults left out. `records_sections`
names, for each section, its table and where each of its fields comes from; a test holds it to
the schema's tables and columns, so that a new table or column cannot be forgotten here.

Records the database numbers itself carry their identifier (`uid`), which `import records`
uses to merge files from several databases. Personal values (the names and e-mails of people
who booked or wait for a slot) are left out unless asked for, and the file says which were.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from presence_postale.services.records_sections import SECTIONS, Lookups, clean, later
from presence_postale.store import models as m


def _table(name: str) -> Any:
    return m.metadata().tables[name]


def _mappings(db: Session, table: str, order: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    t = _table(table)
    statement = select(t).order_by(*(t.c[name] for name in order))
    for row in db.connection().execute(statement).mappings():
        yield dict(row)


def _lookups(db: Session) -> Lookups:
    look = Lookups()
    connection = db.connection()
    for table, into in (("permanence", look.permanence_uid), ("reservation", look.reservation_uid)):
        t = _table(table)
        into.update((row_id, uid) for row_id, uid in connection.execute(select(t.c.id, t.c.uid)))
    for table, key, order in (
        ("site_hours_version", "site_id", ("site_id",)),
        ("site_staff_version", "site_id", ("site_id",)),
        ("site_label_version", "site_id", ("site_id", "label")),
        ("site_equipment", "site_id", ("site_id", "equipment")),
        ("site_operator", "site_id", ("site_id", "operator_code")),
        ("permanence_operator", "permanence_id", ("permanence_id", "operator_code")),
    ):
        grouped: dict[Any, list[Any]] = {}
        for row in _mappings(db, table, order):
            if table.endswith("_version") and later(row):
                continue  # a site carries its values since the beginning; the rest: sections
            value = row.pop(key)
            grouped.setdefault(value, []).append(
                row["operator_code"] if table == "permanence_operator" else row
            )
        look.links[table] = grouped
    return look


@dataclass
class Export:
    """The sections of a records file, and the personal fields left out (`section.field`)."""

    sections: dict[str, list[dict[str, Any]]]
    left_out: list[str]


def records(db: Session, *, include_personal: bool = False) -> Export:
    """The database as the sections of a records file, in load order."""
    look = _lookups(db)
    sections: dict[str, list[dict[str, Any]]] = {}
    left_out: set[str] = set()
    for name, section in SECTIONS.items():
        rows = []
        for row in _mappings(db, section.table, section.order):
            if section.keep is not None and not section.keep(row):
                continue
            values = {
                key: source(row, look) if callable(source) else row[source]
                for key, source in section.fields.items()
            }
            for key in section.personal if not include_personal else ():
                if values[key] is not None:
                    left_out.add(f"{name}.{key}")
                    values[key] = None
            rows.append(clean(values, section.defaults))
        if "permanence" in section.fields:  # row numbers differ between databases: uids do not
            rows.sort(key=lambda row: (row["permanence"], row["date"]))
        if rows:
            sections[name] = rows
    return Export(sections, sorted(left_out))
