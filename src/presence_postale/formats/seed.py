"""The seed's YAML schema: read a records file and check every value's type, naming its line.

The same schema serves the bundled seed, `init --seed FILE` and `import records`. This module
checks shapes and types only; references and vocabularies are the services' business, and
their errors carry the line numbers kept here on each record.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from presence_postale.domain.fields import FieldError, shorten
from presence_postale.errors import BadValue, InvalidData, Message, PresencePostaleError, os_reason
from presence_postale.formats import laposte, yaml_plain, yaml_reader
from presence_postale.formats.read_ahead import ReadAhead, Unread
from presence_postale.formats.seed_schema import NOTES, PERSONAL, SCHEMA, SCHEMA_VERSION, SECTIONS
from presence_postale.formats.seed_values import got

__all__ = ["NOTES", "SCHEMA", "SCHEMA_VERSION", "SECTIONS", "got"]  # the schema, read here


def bundled_seed() -> Path:
    """The seed shipped inside the package (found through package resources, not a path)."""
    ref = resources.files("presence_postale") / "data" / "seed.yaml"
    with resources.as_file(ref) as path:
        return Path(path)


@dataclass(slots=True)  # a national file holds twenty thousand
class Item:
    """One record of a section, with the line of each of its fields."""

    source: str
    section: str
    index: int
    line: int
    values: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    # From a file `export records` wrote (another database's records): merged, not applied.
    merging: bool = False
    # Read but not checked yet (`parse(..., defer=True)`): the values as the file gives them,
    # until `check` checks them into `values`.
    raw: dict[str, Any] | None = None
    # Personal fields the export left out (`left_out`): when the record does not give them,
    # the values the database holds stay.
    kept: frozenset[str] = frozenset()

    def error(self, key: str | None, reason: Message | PresencePostaleError) -> InvalidData:
        """A refusal naming the file, the line and the field (`sites[3].kind`), for a reason
        in words of the catalogue or another refusal's."""
        line = self.lines.get(key, self.line) if key else self.line
        place = f"{self.section}[{self.index}]" + (f".{key}" if key else "")
        if isinstance(reason, FieldError):
            value = shorten(reason.value)
            if value is not None:
                return InvalidData(
                    "records.field",
                    source=self.source,
                    line=line,
                    place=place,
                    value=value,
                    reason=reason.reason,
                )
            reason = reason.reason
        elif isinstance(reason, PresencePostaleError):
            reason = reason.message
        return InvalidData("records.at", source=self.source, line=line, place=place, reason=reason)


@dataclass
class Records:
    """A records file, section by section, in load order."""

    source: str
    sections: dict[str, list[Item]]
    # False when read without lines (`parse`): read again exactly to name a problem's line.
    exact: bool = True

    def __iter__(self) -> Iterator[tuple[str, list[Item]]]:
        return iter(self.sections.items())

    def count(self) -> int:
        return sum(len(items) for items in self.sections.values())

    def replacing(self) -> None:
        """Make every record the newer version of the one stored, even from a file `export
        records` wrote: its values replace the stored ones (see `records_merge`)."""
        for items in self.sections.values():
            for item in items:
                item.merging = False


# ---- reading --------------------------------------------------------------------------------


def cannot_read(path: Path, reason: Message | str) -> InvalidData:
    return InvalidData("file.cannot_read", path=str(path), reason=reason)


def _refuse_over_limit(path: Path, size: int) -> None:
    if size > yaml_reader.MAX_BYTES:
        raise InvalidData(
            "records.too_big", source=str(path), size=size, limit=yaml_reader.MAX_BYTES
        )


def read_text(path: Path) -> str:
    if path.is_dir():
        raise cannot_read(path, Message("file.is_directory"))
    laposte.refuse_special_file(path)
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            _refuse_over_limit(path, size)
            raw = file.read(size + 1)
            if len(raw) > size:  # it grows (a copy under way, a log): never past the limit
                raw += file.read(yaml_reader.MAX_BYTES + 1 - len(raw))
                _refuse_over_limit(path, len(raw))
    except FileNotFoundError:
        raise cannot_read(path, Message("file.no_such_file")) from None
    except OSError as error:
        raise cannot_read(path, os_reason(error)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise cannot_read(
            path, Message("file.not_utf8", {"line": line, "byte": error.start})
        ) from None


def parse(text: str, source: str, *, exact: bool = True, defer: bool = False) -> Records:
    """Parse YAML (or JSON, a subset of YAML) records; raise InvalidData naming the line.

    Not `exact`, a JSON file is read by the json module, and a YAML file as `export records`
    writes it by `yaml_plain`, several times faster but without lines: the records say so
    (`exact` false), and whoever meets a problem in them reads the file again exactly to name
    its line (as this function does for its own). With `defer`, a file read fast has its
    records' values checked only when `check` asks (a record the database holds already with
    the same values need not be)."""
    if not exact:
        document = fast_document(text)
        if document is not None:
            records = _fast_records(document, source, defer=defer)
            if records is not None:
                return records
    return _parse(yaml_reader.read(text, source), source)


def fast_document(text: str) -> Any:
    """The document read by the json module or `yaml_plain`, without lines; None when only
    the exact reader may read it."""
    document = yaml_reader.read_json(text)
    return yaml_plain.read(text) if document is None else document


def _fast_records(document: Any, source: str, *, defer: bool) -> Records | None:
    """The records of a document read fast; None when they are refused, for the exact reader
    to name the refusal's line."""
    try:
        records = _parse(document, source, defer=defer)
    except InvalidData:
        return None
    records.exact = False
    return records


def _parse(document: Any, source: str, *, defer: bool = False) -> Records:
    if document is None:
        raise InvalidData("records.in_file", source=source, reason=Message("file.empty"))
    if not isinstance(document, dict):
        reason = Message("records.expected_sections", {"sections": list(SECTIONS)})
        raise InvalidData("records.in_file", source=source, reason=reason)
    top_lines: Mapping[str, int] = document.pop("__lines__", None) or yaml_reader.no_lines()
    document.pop("__line__", None)

    def refuse(line: int, key: str, **params: Any) -> InvalidData:
        return InvalidData("records.at_line", source=source, line=line, reason=Message(key, params))

    version = document.pop("version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        line = top_lines.get("version", 1)
        raise refuse(line, "records.bad_version", version=repr(version), expected=SCHEMA_VERSION)
    merging = document.get("exported", False)
    if merging.__class__ is not bool:  # not "true", nor 1
        line = top_lines.get("exported", 1)
        shown = json.dumps(merging, ensure_ascii=False, default=str)  # as the file wrote it
        raise refuse(line, "records.bad_exported", value=shown)
    kept = _left_out(document.get("left_out"), top_lines.get("left_out", 1), refuse)
    for note in NOTES:
        document.pop(note, None)
    unknown = [key for key in document if key not in SCHEMA]
    if unknown:
        line = top_lines[unknown[0]]
        raise refuse(line, "records.unknown_section", section=unknown[0], sections=list(SECTIONS))
    sections: dict[str, list[Item]] = {}
    for name in SECTIONS:
        if name not in document:
            continue
        entries = document[name] or []
        if not isinstance(entries, list):
            raise refuse(top_lines[name], "records.not_a_list", section=name)
        sections[name] = [
            _item(source, name, index, entry, top_lines[name], merging, defer)
            for index, entry in enumerate(entries)
        ]
        for item in sections[name] if name in kept else ():
            item.kept = kept[name]
    return Records(source=source, sections=sections)


def _left_out(
    value: Any, line: int, refuse: Callable[..., InvalidData]
) -> dict[str, frozenset[str]]:
    """The personal fields an export left out, by section (`reservations.email`): a list of
    those names, each a field that names people; anything else is refused."""
    if value is None:
        return {}
    if not isinstance(value, list | str):
        raise refuse(line, "records.left_out_not_a_list")
    names = value if isinstance(value, list) else [value]
    out: dict[str, set[str]] = {}
    for name in names:
        if not isinstance(name, str):
            raise refuse(line, "records.left_out_not_a_list")
        section, _, field_name = name.partition(".")
        if field_name not in PERSONAL.get(section, ()):
            raise refuse(line, "records.bad_left_out", value=shorten(name))
        out.setdefault(section, set()).add(field_name)
    return {section: frozenset(fields) for section, fields in out.items()}


def _item(
    source: str, section: str, index: int, entry: Any, line: int, merging: bool, defer: bool
) -> Item:
    if not isinstance(entry, dict):
        reason = Message("records.not_a_mapping", {"place": f"{section}[{index}]"})
        raise InvalidData("records.at_line", source=source, line=line, reason=reason)
    item = Item(
        source=source,
        section=section,
        index=index,
        line=entry.pop("__line__", 0),
        values={},
        lines=entry.pop("__lines__", None) or yaml_reader.no_lines(),
        merging=merging,
        raw=entry,
    )
    return item if defer else check(item)


def check(item: Item) -> Item:
    """The item with its values checked against its section's schema (once)."""
    entry = item.raw
    if entry is None:
        return item
    values = _given_values(entry, _SECTION_CHECKS[item.section])
    if values is None:
        _check_each(item, entry)
    else:
        item.values = values
    item.raw = None
    return item


@dataclass(frozen=True)
class _Checks:
    """A section's schema as `_given_values` runs it."""

    empty: dict[str, None]  # every field, in the schema's order, as none given
    checkers: dict[str, Callable[[Any], Any]]
    required: tuple[str, ...]


_SECTION_CHECKS = {
    name: _Checks(
        empty=dict.fromkeys(spec),
        checkers={key: checker for key, (checker, _) in spec.items()},
        required=tuple(key for key, (_, required) in spec.items() if required),
    )
    for name, spec in SCHEMA.items()
}


def _given_values(entry: dict[str, Any], checks: _Checks) -> dict[str, Any] | None:
    """The record's values as `_check_each` makes them, each given value through its checker
    (most records give half their section's fields); None when one is refused, unknown or
    missing: `_check_each` then finds which comes first in the schema's order, and words it."""
    values = checks.empty.copy()
    checkers = checks.checkers
    try:
        for key, value in entry.items():
            check = checkers[key]  # an unknown field is refused, even given as nothing
            if value is not None:
                values[key] = check(_plain(value) if value.__class__ in _NESTED else value)
    except (KeyError, BadValue):
        return None
    for key in checks.required:
        if values[key] is None:
            return None
    return values


def _check_each(item: Item, entry: dict[str, Any]) -> None:
    """Each field through its checker, in the schema's order: the first refusal names the
    field and its line."""
    spec = SCHEMA[item.section]
    for key in entry:
        if key not in spec:
            reason = Message("records.unknown_field", {"expected": list(spec)})
            raise item.error(str(key), reason)
    for key, (checker, required) in spec.items():
        value = entry.get(key)
        if value is None:
            if required:
                raise item.error(None, Message("records.missing_field", {"field": key}))
            item.values[key] = None
            continue
        try:
            item.values[key] = checker(_plain(value) if value.__class__ in _NESTED else value)
        except BadValue as error:
            raise item.error(key, error.message) from None


_NESTED = (dict, list)


def _plain(value: Any) -> Any:
    """The value without the line bookkeeping of nested mappings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load(
    path: Path, *, exact: bool = True, defer: bool = False, ahead: ReadAhead | None = None
) -> Records:
    """The records of the file at `path` (see `parse`); read fast, by the child `ahead` when
    one is reading it (`read_ahead`)."""
    if ahead is not None and not exact:
        try:
            document = ahead.document()
        except Unread:  # read it here: the same reading, the same refusals
            return parse(read_text(path), str(path), exact=exact, defer=defer)
        records = None if document is None else _fast_records(document, str(path), defer=defer)
        if records is not None:
            return records
        exact = True  # the fast readers left it to the exact one
    return parse(read_text(path), str(path), exact=exact, defer=defer)


def read_fast(path: Path) -> Any:
    """The document of the file at `path` read fast (`fast_document`), for `read_ahead`."""
    return fast_document(read_text(path))
