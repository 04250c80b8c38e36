"""The records of a file the database holds already, with the same values, set aside without
checking them again; and a file that gives one record twice, refused.

A record is held unchanged when the file gives it exactly as `export records` writes what is
stored (every value equal and of the same type: `true` is not `1`, `2.0` not `2`; a date may
come as its ISO text, as JSON carries it): loading it would check it into the same values and
write nothing. That is what re-importing an export, or a file that changed a few records,
mostly holds; only the other records are checked (`seed.check`) and loaded.

A record is known in its section by its uid when the section has them, else by the fields its
rows are ordered by (a site's id, a version's site and date ...). The same record twice in a
file is refused: which one should stay was never said. A record without a uid in a section
that has them may come several times (two bookings of the same slot) and is always loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from presence_postale.errors import Message
from presence_postale.formats.seed import Item, Records, check
from presence_postale.services.records_sections import SECTIONS
from presence_postale.store.db import BULK_WRITE, exclusive
from presence_postale.store.rows import Rows, SessionRows

if TYPE_CHECKING:
    from sqlmodel import Session

# The fields that name a record of each section (the uid, when the section has them).
_NAMED_BY = {
    name: ("uid",)
    if "uid" in section.fields
    else tuple(
        "permanence"
        if column == "permanence_id"
        else next(key for key, source in section.fields.items() if source == column)
        for column in section.order
    )
    for name, section in SECTIONS.items()
}
_NUMBERS = frozenset((bool, int, float))
_NESTED = _NUMBERS | {dict, list}


def identity(section: str, values: dict[str, Any]) -> tuple[Any, ...] | None:
    """What names the record in its section; None for a record without its uid."""
    return _NAMERS[section](values)


def _namer(fields: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...] | None]:
    if fields == ("uid",):
        return lambda values: None if (uid := values.get("uid")) is None else (uid,)
    if len(fields) == 1:
        (field,) = fields
        return lambda values: (_text_date(values.get(field)),)
    return lambda values: tuple(_text_date(values.get(field)) for field in fields)


_NAMERS = {section: _namer(fields) for section, fields in _NAMED_BY.items()}


def _text_date(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class Held:
    """The records the database holds, as `export records` writes them, by section and name:
    each section read when first asked about, from `source` (`store.rows`)."""

    def __init__(self, source: Rows) -> None:
        self.source = source
        self.look: Any = None
        self.forms: dict[tuple[str, bool], dict[tuple[Any, ...] | None, dict[str, Any]]] = {}

    def prefetch(self, busy: Callable[[], bool]) -> None:
        """Read what a large records file mostly holds (its sites) before it is parsed, and
        the other sections while `busy` says the file is still being read: in a process of
        its own, `read_ahead`'s child, so that both are done at once."""
        after_sites = False
        for section in SECTIONS:
            if after_sites and not busy():
                break
            self._forms(section)
            after_sites = after_sites or section == "sites"

    def any(self, section: str) -> bool:
        """Whether the database holds any record of the section."""
        return bool(self._forms(section))

    def holds(
        self, section: str, key: tuple[Any, ...] | None, raw: dict[str, Any], kept: frozenset[str]
    ) -> bool:
        """Whether the database holds this record of the file (named `key`) with the same
        values; but for the personal values the file's export left out (`kept`), compared as
        such an export writes them."""
        forms = self._forms(section, personal=not kept)
        form = forms.get(key) if key is not None else None
        if form is None:
            return False
        if raw == form:
            return _alike(raw, form)
        return raw == (textual := _textual(form)) and _alike(raw, textual)

    def _forms(
        self, section: str, *, personal: bool = True
    ) -> dict[tuple[Any, ...] | None, dict[str, Any]]:
        forms = self.forms.get((section, personal))
        if forms is None:
            forms = self.forms[section, personal] = self._read(section, personal=personal)
        return forms

    def _read(
        self, section: str, *, personal: bool = True
    ) -> dict[tuple[Any, ...] | None, dict[str, Any]]:
        from presence_postale.services import records_export

        if self.look is None:
            self.look = records_export.lookups(self.source)
        rows = records_export.section_records(
            self.source, section, self.look, include_personal=personal
        )
        return {identity(section, form): form for form in rows}


def _alike(given: Any, held: Any) -> bool:
    """Equal values (already known) of the same types: `True == 1` and `2.0 == 2` in Python,
    not in a records file."""
    kind = held.__class__
    if kind in _NUMBERS:
        return given.__class__ is kind
    if kind is dict:
        nested = [key for key, value in held.items() if value.__class__ in _NESTED]
        return all(_alike(given[key], held[key]) for key in nested)
    if kind is list:
        return all(_alike(one, other) for one, other in zip(given, held, strict=True))
    return True


def _textual(value: Any) -> Any:
    """The value with its dates as ISO text, as JSON carries them."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _textual(one) for key, one in value.items()}
    if isinstance(value, list):
        return [_textual(one) for one in value]
    return value


def all_held(source: Rows, records: Records, held: Held | None = None) -> dict[str, int] | None:
    """How many records of each section the database holds, when it holds every record of
    the file with the same values (each once): loading it would change nothing. None at the
    first record it does not hold. Read in a reader's session (one snapshot, on PostgreSQL
    too), without the write lock: a file that changes nothing waits for no writer and delays
    none. `held`: what was read of the database already, in this session."""
    held = Held(source) if held is None else held
    counts: dict[str, int] = {}
    for section, items in records:
        seen: set[tuple[Any, ...]] = set()
        for item in items:
            raw = item.raw
            key = None if raw is None else identity(section, raw)
            if raw is None or key is None or key in seen:
                return None
            if not held.holds(section, key, raw, item.kept):
                return None
            seen.add(key)
        if items:
            counts[section] = len(items)
    return counts


def set_aside(db: Session, records: Records, unchanged: Callable[[str], None]) -> None:
    """Leave in `records` only the records to load, checked: `unchanged(section)` counts each
    record the database holds with the same values. A record given twice is refused."""
    exclusive(db, BULK_WRITE)  # what is held is read once: no other load in between
    held = Held(SessionRows(db))
    for section, items in list(records):
        seen: dict[tuple[Any, ...], Item] = {}
        if items and not held.any(section):  # none held (an empty database): all loaded
            kept = [check(item) for item in items]
        else:
            kept = _not_held(held, section, items, seen, unchanged)
        records.sections[section] = kept
        for item in kept:
            key = identity(section, item.values)
            if key is not None:
                _once(seen, key, item)


def _not_held(
    held: Held,
    section: str,
    items: list[Item],
    seen: dict[tuple[Any, ...], Item],
    unchanged: Callable[[str], None],
) -> list[Item]:
    """The section's records the database does not hold with the same values, checked; each
    of the others counted by `unchanged(section)`, and named in `seen`."""
    kept: list[Item] = []
    for item in items:
        raw = item.raw
        key = None if raw is None else identity(section, raw)
        if raw is not None and key is not None and held.holds(section, key, raw, item.kept):
            _once(seen, key, item)
            unchanged(section)
        else:
            kept.append(check(item))
    return kept


def emptying_refused(db: Session, records: Records) -> Callable[[], None]:
    """What the database holds of the records of a CSV, read now; the check to run once they
    are loaded: a CSV gives whole records, so a column it leaves out could empty that field of
    a stored record it names (`id,name,kind` for a La Poste office would erase its address,
    its INSEE code, its position). Such a file is refused whole, naming the column."""
    before = {section: Held(SessionRows(db))._read(section) for section, _items in records}

    def check() -> None:
        db.flush()
        after = Held(SessionRows(db))
        for section, items in records:
            forms = after._read(section)
            for item in items:
                key = identity(section, item.values)
                held = before[section].get(key) or {}
                now = forms.get(key) or {}
                lost = [
                    f for f, value in held.items() if f not in item.lines and now.get(f) != value
                ]
                if lost:
                    reason = Message("records.csv_would_empty", {"column": lost[0]})
                    raise item.error(None, reason)

    return check


def refuse_twice(section: str, items: Iterable[Item]) -> None:
    """Refuse the second of two records of the section that name the same record."""
    seen: dict[tuple[Any, ...], Item] = {}
    for item in items:
        key = identity(section, item.values if item.raw is None else item.raw)
        if key is not None:
            _once(seen, key, item)


def _once(seen: dict[tuple[Any, ...], Item], key: tuple[Any, ...], item: Item) -> None:
    first = seen.setdefault(key, item)
    if first is not item:
        shown = ", ".join(str(part) for part in key if part is not None)
        reason = Message("records.twice", {"first": f"{item.section}[{first.index}]", "key": shown})
        raise item.error(None, reason)
