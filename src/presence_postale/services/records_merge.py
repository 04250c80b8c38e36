"""How a record of a file meets the database: found by its identifier, or by what identifies
it when the file names none, then created, left alone, updated or found in conflict.

A file written by `export records` (marked `exported: true`) is another database's records:
when this database holds one of them with other values, one side or both changed it since they
shared it, and nothing tells which, so the load refuses the whole file, naming the first field
with both values (a dry run lists them all). Any other file (the bundled seed, a hand-written
file, a CSV), or an exported one loaded with `replace` (`import records --replace`), is the
newer version of its records: its values replace the stored ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel, select

from presence_postale.domain.fields import shorten
from presence_postale.domain.identity import derived_uid
from presence_postale.errors import Conflict, Message
from presence_postale.formats.seed import Item
from presence_postale.services.records_sections import SECTIONS, written

# Stamps of when a row was written here: two databases loaded from one file differ in them.
BOOKKEEPING = frozenset({"created_at", "updated_at"})


@dataclass(frozen=True)
class Clash:
    """One field of one record that the file and the database hold differently."""

    item: Item
    field: str
    ours: Any
    theirs: Any


class Clashing(Conflict):
    """A file of another database's records that differ from the stored ones: the first
    difference named, each one kept in `rows` with both values as they are (for a dry run to
    list them all)."""

    def __init__(self, clashes: list[Clash]) -> None:
        clashes = _as_written(clashes)
        first = clashes[0]
        super().__init__(
            "records.conflict",
            source=first.item.source,
            line=_line(first),
            item=_place(first),
            field=first.field,
            ours=shown(first.ours),
            theirs=shown(first.theirs),
            n=len(clashes),
        )
        self.rows = [
            {
                "line": _line(clash),
                "record": _place(clash),
                "field": clash.field,
                "ours": clash.ours,
                "theirs": clash.theirs,
            }
            for clash in clashes
        ]


def _as_written(clashes: list[Clash]) -> list[Clash]:
    """The clashes named as the file names their fields (`end`, not the column `end_date`),
    so that each names its own line; a column the file does not carry (a search key derived
    from a name) is left out, its field's own clash says it all."""
    named: list[Clash] = []
    for clash in clashes:
        section = SECTIONS.get(clash.item.section)
        if section is None:
            named.append(clash)
            continue
        field = next((name for name, source in section.fields.items() if source == clash.field),
                     None)  # fmt: skip
        if field is not None:
            named.append(replace(clash, field=field))
        elif clash.field in section.fields:
            named.append(clash)
    return named or clashes


def _line(clash: Clash) -> int:
    return clash.item.lines.get(clash.field, clash.item.line)


def _place(clash: Clash) -> str:
    return f"{clash.item.section}[{clash.item.index}]"


@contextmanager
def gathered(clashes: list[Clash]) -> Iterator[None]:
    """The clashes a part of a record raises in the block, added to `clashes`: a record's
    every difference is named (its fields, its links, its first versions), not its first
    part's alone. What the block wrote is undone with the whole load, which then stops."""
    try:
        yield
    except Clashes as found:
        clashes.extend(found.clashes)


class Clashes(Exception):
    """A record of the file found in conflict with the database (raised per record)."""

    def __init__(self, clashes: list[Clash]) -> None:
        super().__init__(clashes)
        self.clashes = clashes


def find(
    db: Session,
    model: Any,
    item: Item,
    table: str,
    key: dict[str, Any],
    *where: Any,
    one_per_key: tuple[Any, ...] | None = None,
) -> tuple[Any, str]:
    """The stored record the item names (or None) and the item's uid: its own, or derived
    from its natural key `key` (matched by `where`).

    `one_per_key`: a record the commands refuse twice (a site closed over the same days, an
    agent absent over the same days, an agent's permanence at the same time: matched by
    `where` and these conditions) is refused when the file gives it an identifier the database
    does not know while it holds the same record under another: the same closure entered in
    two departments' databases would otherwise be merged into two."""
    uid = item.values.get("uid")
    if uid is None:
        return db.exec(select(model).where(*where)).first(), derived_uid(table, key)
    existing = db.exec(select(model).where(model.uid == uid)).first()
    if existing is None and one_per_key is not None:
        twin = db.exec(select(model).where(*where, *one_per_key)).first()
        if twin is not None:
            raise Conflict(
                "records.twin",
                source=item.source,
                line=item.lines.get("uid", item.line),
                item=f"{item.section}[{item.index}]",
                uid=twin.uid,
            )
    return existing, uid


def store(
    db: Session, model: type[SQLModel], existing: Any, values: dict[str, Any], item: Item
) -> str:
    """Create the record, or bring the stored one to `values`: created / updated / unchanged;
    raise `Clashes` when the item is another database's and the values differ."""
    if existing is None:
        db.add(model(**values))
        return "created"
    differ = {
        key: value
        for key, value in values.items()
        if key not in BOOKKEEPING
        and key != "uid"
        and not (value is None and key in item.kept)  # left out by the export: as it is here
        and not same(getattr(existing, key), value)
    }
    if not differ:
        return "unchanged"
    if item.merging:
        raise Clashes(
            [Clash(item, key, getattr(existing, key), value) for key, value in differ.items()]
        )
    for key, value in differ.items():
        setattr(existing, key, value)
    return "updated"


def same(ours: Any, theirs: Any) -> bool:
    """Whether a stored value is the file's: equal, or an instant the file writes alike (to
    the second: `coworking cancel` stored the microseconds that its export left out)."""
    if ours == theirs:
        return True
    return isinstance(ours, datetime) and written(ours) == written(theirs)


def shown(value: Any) -> str | Message:
    """A value as a records file writes it, for a conflict's one-line message: a long text
    cut, a line break or a control character shown escaped."""
    if value is None:
        return Message("records.no_value")
    text = value.isoformat() if hasattr(value, "isoformat") else written(value)
    if not isinstance(text, str):  # a number, a truth, a list: as JSON and YAML write them
        text = json.dumps(text, ensure_ascii=False, default=str)
    return shorten(text) or ""
