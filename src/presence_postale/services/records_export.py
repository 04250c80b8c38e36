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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from presence_postale.services.records_sections import (
    AS_WRITTEN,
    NOT_EXPORTED_COLUMNS,
    SECTIONS,
    Lookups,
    Section,
    later,
    written,
)
from presence_postale.store.rows import Rows, SessionRows

if TYPE_CHECKING:
    from sqlmodel import Session


def _mappings(source: Rows, table: str, order: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """The rows of `table` in `order`, as mappings of the columns a records file may need:
    every column but those no field carries (the row number stays: lookups use it)."""
    names = [
        name
        for name in source.columns(table)
        if name == "id"
        or (name not in NOT_EXPORTED_COLUMNS and f"{table} {name}" not in NOT_EXPORTED_COLUMNS)
    ]
    return source.rows(table, *names, order=order)


def lookups(source: Rows) -> Lookups:
    """What the records of several sections refer to, read once (see `section_records`)."""
    look = Lookups()
    for table, into in (("permanence", look.permanence_uid), ("reservation", look.reservation_uid)):
        into.update((row["id"], row["uid"]) for row in source.rows(table, "id", "uid"))
    for table, key, order in (
        ("site_hours_version", "site_id", ("site_id",)),
        ("site_staff_version", "site_id", ("site_id",)),
        ("site_label_version", "site_id", ("site_id", "label")),
        ("site_equipment", "site_id", ("site_id", "equipment")),
        ("site_operator", "site_id", ("site_id", "operator_code")),
        ("permanence_operator", "permanence_id", ("permanence_id", "operator_code")),
    ):
        grouped: dict[Any, list[Any]] = {}
        for row in _mappings(source, table, order):
            if table.endswith("_version") and later(row):
                continue  # a site carries its values since the beginning; the rest: sections
            value = row.pop(key)
            grouped.setdefault(value, []).append(
                row["operator_code"] if table == "permanence_operator" else row
            )
        look.links[table] = grouped
    return look


# How each section's rows hang on a department: through which of `Scope`'s sets, by which
# column. A section not named is shared by every department and is kept whole.
_HUNG_ON = {
    "sites": ("sites", "id"),
    "hours_versions": ("sites", "site_id"),
    "staff_versions": ("sites", "site_id"),
    "label_versions": ("sites", "site_id"),
    "closures": ("sites", "site_id"),
    "permanences": ("sites", "site_id"),
    "occurrence_changes": ("permanences", "permanence_id"),
    "outcomes": ("permanences", "permanence_id"),
    "revisions": ("permanences", "permanence_id"),
    "spaces": ("sites", "site_id"),
    "reservations": ("spaces", "space_id"),
    "waitlist": ("spaces", "space_id"),
    "mediation_sessions": ("sites", "site_id"),
}


@dataclass(frozen=True)
class Scope:
    """Some departments' records: their sites and what hangs on them (versions, closures,
    permanences and what was recorded of their occurrences, spaces and their bookings,
    mediation sessions). The records every department shares and names (departments,
    operators, agents and their absences, programmes and their changes, notifications) are
    kept whole."""

    sites: frozenset[str]
    permanences: frozenset[int]
    spaces: frozenset[str]

    @classmethod
    def read(cls, db: Session, departments: Sequence[str]) -> Scope:
        from sqlalchemy import select

        from presence_postale.store.models import metadata
        from presence_postale.store.queries import require_department

        for code in departments:
            require_department(db, code)  # an unknown one is refused, not an empty file
        site, permanence, space = (metadata().tables[t] for t in ("site", "permanence", "space"))
        theirs = select(site.c.id).where(site.c.department_code.in_(departments))
        hosted = select(permanence.c.id).where(permanence.c.site_id.in_(theirs))
        spaces = select(space.c.id).where(space.c.site_id.in_(theirs))
        connection = db.connection()
        return cls(
            *(
                frozenset(connection.execute(chosen).scalars())
                for chosen in (theirs, hosted, spaces)
            )
        )

    def holds(self, section: str) -> Callable[[dict[str, Any]], bool] | None:
        """Whether a row of the section is the scope's (None: every row is)."""
        hung = _HUNG_ON.get(section)
        if hung is None:
            return None
        kept: frozenset[Any] = getattr(self, hung[0])
        column = hung[1]
        return lambda row: row[column] in kept


@dataclass
class Export:
    """The sections of a records file, and the personal fields left out (`section.field`)."""

    sections: dict[str, list[dict[str, Any]]]
    left_out: list[str]


def records(
    db: Session, *, include_personal: bool = False, departments: Sequence[str] = ()
) -> Export:
    """The database as the sections of a records file, in load order; with `departments`,
    only theirs (`Scope`)."""
    scope = Scope.read(db, departments) if departments else None
    return records_of(SessionRows(db), include_personal=include_personal, scope=scope)


def records_of(
    source: Rows, *, include_personal: bool = False, scope: Scope | None = None
) -> Export:
    """The records `source` holds (`store.rows`), as `records` gives them."""
    look = lookups(source)
    sections: dict[str, list[dict[str, Any]]] = {}
    left_out: set[str] = set()
    for name in SECTIONS:
        withheld: set[str] = set()
        rows = section_records(
            source, name, look, include_personal=include_personal, withheld=withheld, scope=scope
        )
        left_out.update(f"{name}.{key}" for key in withheld)
        if rows:
            sections[name] = rows
    return Export(sections, sorted(left_out))


def section_records(
    source: Rows,
    name: str,
    look: Lookups,
    *,
    include_personal: bool = False,
    withheld: set[str] | None = None,
    scope: Scope | None = None,
) -> list[dict[str, Any]]:
    """One section's records as a records file carries them (`withheld`: the personal fields
    left out that held something; `scope`: only some departments')."""
    section = SECTIONS[name]
    withheld = set() if withheld is None else withheld
    form = _former(source, section, () if include_personal else section.personal, withheld)
    keep, held = section.keep, scope.holds(name) if scope is not None else None
    rows = [
        form(row, look)
        for row in _mappings(source, section.table, section.order)
        if (keep is None or keep(row)) and (held is None or held(row))
    ]
    if "permanence" in section.fields:  # row numbers differ between databases: uids do not
        rows.sort(key=lambda row: (row["permanence"], row["date"]))
    return rows


_NUMBERS = frozenset((int, float, bool))


def _former(
    source: Rows, section: Section, personal: tuple[str, ...], withheld: set[str]
) -> Callable[[dict[str, Any], Lookups], dict[str, Any]]:
    """A row of the section's table as its record (`records_sections.clean` of its fields):
    empty values and values at their default left out (zero and false are not empty), the
    personal fields named left out too and added to `withheld` when they held something.

    A national export forms twenty thousand records, and a re-import as many: the function is
    written out for the section, one test per field in the schema's order, as `dataclasses`
    writes a class's `__init__` (a third faster than looping over the fields)."""
    names: dict[str, Any] = {"_NUMBERS": _NUMBERS, "withheld": withheld}
    lines = ["def form(row, look):", "    out = {}"]
    for number, (key, origin) in enumerate(section.fields.items()):
        if callable(origin):  # a value of any type: written as its type says
            names[f"get{number}"] = origin
            lines.append(f"    value = get{number}(row, look)")
            convert: Callable[[Any], Any] | None = written
        else:  # a column's: only instants and times are written otherwise
            lines.append(f"    value = row[{origin!r}]")
            kind = source.written_as(section.table, origin)
            convert = None if kind is None else AS_WRITTEN[kind]
        test = "value is not None and (value or value.__class__ in _NUMBERS)"
        if key in section.defaults:
            names[f"default{number}"] = section.defaults[key]
            test += f" and value != default{number}"
        lines.append(f"    if {test}:")
        if key in personal:
            lines.append(f"        withheld.add({key!r})")
        elif convert is not None:
            names[f"convert{number}"] = convert
            lines.append(f"        out[{key!r}] = convert{number}(value)")
        else:
            lines.append(f"        out[{key!r}] = value")
    lines.append("    return out")
    exec("\n".join(lines), names)  # the text above: the schema's names, nothing read
    form: Callable[[dict[str, Any], Lookups], dict[str, Any]] = names["form"]
    return form
