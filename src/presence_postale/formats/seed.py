"""The seed's YAML schema: read a records file and check every value's type, naming its line.

The same schema serves the bundled seed, `init --seed FILE` and `import records`. This module
checks shapes and types only; references and vocabularies are the services' business, and
their errors carry the line numbers kept here on each record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from typing import Any

from presence_postale.domain.fields import FieldError, shorten
from presence_postale.errors import BadValue, InvalidData, Message, PresencePostaleError
from presence_postale.formats import laposte, yaml_reader

SCHEMA_VERSION = 1


def bundled_seed() -> Path:
    """The seed shipped inside the package (found through package resources, not a path)."""
    ref = resources.files("presence_postale") / "data" / "seed.yaml"
    with resources.as_file(ref) as path:
        return Path(path)


@dataclass
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


# ---- value checkers -------------------------------------------------------------------------


def got(value: Any) -> Message:
    """A value as a refusal names it: `'text'`, a list, a mapping, the number 5."""
    if value is None:
        return Message("value.got_nothing")
    if isinstance(value, str):
        return Message(
            "value.got_text", {"text": value if len(value) <= 40 else value[:37] + "..."}
        )
    if isinstance(value, list):
        return Message("value.got_list")
    if isinstance(value, dict):
        return Message("value.got_mapping")
    return Message("value.got_other", {"kind": type(value).__name__, "value": repr(value)})


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")  # control characters but tab and newline


def _str(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise BadValue("value.expected_text", got=got(value))
    text = str(value).strip()
    if not text:
        raise BadValue("value.must_not_be_empty")
    if len(text) > 2000:
        raise BadValue("value.text_too_long", length=len(text), maximum=2000)
    if _CONTROL.search(text):
        raise BadValue("value.has_control_characters")
    return text


def _code(value: Any) -> str:
    # Codes written as numbers in YAML (department 32, postcode 05700 read as 5700) are not
    # safe: require quotes so a leading zero is never lost.
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue("value.expected_quoted_code", number=str(value))
    return _str(value)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue("value.expected_whole_number", got=got(value))
    if not -(10**12) < value < 10**12:
        raise BadValue("value.number_out_of_range", number=str(value))
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue("value.expected_number", got=got(value))
    return float(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue("value.expected_boolean", got=got(value))
    return value


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        raise BadValue("value.expected_date_not_time", stamp=value.isoformat())
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadValue("value.expected_iso_date", got=got(value))


def _time(value: Any) -> time:
    if isinstance(value, str):
        try:
            parsed = time.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if parsed.tzinfo is None:
                return parsed
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 09:00 as a base-60 number (540).
        raise BadValue("value.expected_quoted_time", number=value)
    raise BadValue("value.expected_hhmm", got=got(value))


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadValue("value.expected_datetime", got=got(value))


def _list_of(check: Callable[[Any], Any]) -> Callable[[Any], list[Any]]:
    def checker(value: Any) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise BadValue("value.expected_list", got=got(value))
        return [check(v) for v in value]

    return checker


def _counts(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadValue("value.expected_counts", got=got(value))
    out = {}
    for key, count in value.items():
        number = _int(count)
        if number < 0:
            raise BadValue("value.count_negative", code=key)
        out[_str(key)] = number
    return out


def _label(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return {"label": _str(value), "since": None, "detail": None}
    if not isinstance(value, dict):
        raise BadValue("value.expected_label", got=got(value))
    unknown = set(value) - {"label", "since", "detail"}
    if unknown:
        raise BadValue("value.label_unknown_key", field=sorted(unknown)[0])
    if "label" not in value:
        raise BadValue("value.label_missing")
    return {
        "label": _str(value["label"]),
        "since": _date(value["since"]) if value.get("since") is not None else None,
        "detail": _str(value["detail"]) if value.get("detail") is not None else None,
    }


# ---- the schema -----------------------------------------------------------------------------

Spec = dict[str, tuple[Callable[[Any], Any], bool]]  # field -> (checker, required)

_STR_LIST = _list_of(_str)

SCHEMA: dict[str, Spec] = {
    "departments": {"code": (_code, True), "name": (_str, True)},
    "operators": {"code": (_code, True), "name": (_str, True)},
    "sites": {
        "id": (_code, True),
        "name": (_str, True),
        "kind": (_str, True),
        "address": (_str, False),
        "address_extra": (_str, False),
        "locality": (_str, False),
        "postcode": (_code, False),
        "commune": (_str, False),
        "insee_code": (_code, False),
        "department": (_code, False),
        "latitude": (_float, False),
        "longitude": (_float, False),
        "parent": (_code, False),
        "phone": (_str, False),
        "email": (_str, False),
        "opening_hours": (_str, False),
        "staff_count": (_int, False),
        "labels": (_list_of(_label), False),
        "equipment": (_STR_LIST, False),
        "operators": (_STR_LIST, False),
        "note": (_str, False),
        "source": (_str, False),
        "illustrative": (_bool, False),
        "illustrative_reason": (_str, False),
    },
    # A site's later versions of its hours, staff count and labels (those valid since the
    # beginning are the site's own fields), each from its first day.
    "hours_versions": {
        "site": (_code, True),
        "from": (_date, True),
        "opening_hours": (_str, True),
        "source": (_str, False),
        "recorded_at": (_datetime, False),
    },
    "staff_versions": {
        "site": (_code, True),
        "from": (_date, True),
        "staff_count": (_int, True),
        "source": (_str, False),
        "recorded_at": (_datetime, False),
    },
    "label_versions": {
        "site": (_code, True),
        "label": (_str, True),
        "from": (_date, True),
        "held": (_bool, False),
        "since": (_date, False),
        "detail": (_str, False),
        "source": (_str, False),
        "recorded_at": (_datetime, False),
    },
    "closures": {
        "uid": (_code, False),
        "site": (_code, True),
        "start": (_date, True),
        "end": (_date, True),
        "reason": (_str, True),
        "created_at": (_datetime, False),
    },
    "agents": {
        "id": (_code, True),
        "name": (_str, False),
        "role": (_str, True),
        "home_site": (_code, False),
        "weekly_hours": (_float, False),
        "email": (_str, False),
        "active": (_bool, False),
        "note": (_str, False),
        "source": (_str, False),
        "illustrative": (_bool, False),
        "illustrative_reason": (_str, False),
    },
    "absences": {
        "uid": (_code, False),
        "agent": (_code, True),
        "start": (_date, True),
        "end": (_date, True),
        "reason": (_str, False),
        "created_at": (_datetime, False),
    },
    "programmes": {
        "code": (_code, True),
        "title": (_str, True),
        "model": (_str, True),
        "department": (_code, False),
        "start": (_date, True),
        "start_precision": (_str, False),
        "planned_end": (_date, False),
        "ended_on": (_date, False),
        "status": (_str, True),
        "funder": (_str, False),
        "funding_eur": (_int, False),
        "description": (_str, False),
        "source_document": (_str, False),
        "illustrative": (_bool, False),
        "illustrative_reason": (_str, False),
    },
    "programme_changes": {
        "uid": (_code, False),
        "programme": (_code, True),
        "changed_on": (_date, True),
        "action": (_str, True),
        "previous_end": (_date, False),
        "new_end": (_date, False),
        "reason": (_str, False),
        "created_at": (_datetime, False),
    },
    "permanences": {
        "uid": (_code, False),
        "programme": (_code, True),
        "agent": (_code, False),
        "site": (_code, True),
        "rrule": (_str, True),
        "start": (_time, True),
        "end": (_time, True),
        "valid_from": (_date, True),
        "valid_until": (_date, False),
        "operators": (_STR_LIST, False),
        "note": (_str, False),
        "illustrative": (_bool, False),
        "illustrative_reason": (_str, False),
        "created_at": (_datetime, False),
    },
    # What happened to one occurrence of a permanence (named by its uid), by its first date.
    "occurrence_changes": {
        "permanence": (_code, True),
        "date": (_date, True),
        "action": (_str, True),
        "new_date": (_date, False),
        "new_start": (_time, False),
        "new_end": (_time, False),
        "reason": (_str, False),
        "created_at": (_datetime, False),
    },
    "outcomes": {
        "permanence": (_code, True),
        "date": (_date, True),
        "visitors": (_int, True),
        "requests": (_counts, False),
        "note": (_str, False),
        "created_at": (_datetime, False),
    },
    "revisions": {
        "permanence": (_code, True),
        "date": (_date, True),
        "sequence": (_int, True),
        "changed_at": (_datetime, True),
    },
    "spaces": {
        "id": (_code, True),
        "site": (_code, True),
        "name": (_str, True),
        "capacity": (_int, False),
        "equipment": (_STR_LIST, False),
        "categories": (_STR_LIST, False),
        "booking_email": (_str, False),
        "min_minutes": (_int, False),
        "max_minutes": (_int, False),
        "max_days_ahead": (_int, False),
        "max_hours_per_person_week": (_float, False),
        "cancel_cutoff_hours": (_int, False),
        "opening_hours": (_str, False),
        "note": (_str, False),
        "illustrative": (_bool, False),
        "illustrative_reason": (_str, False),
    },
    "reservations": {
        "uid": (_code, False),
        "space": (_code, True),
        "start": (_datetime, True),
        "end": (_datetime, True),
        "person_name": (_str, False),
        "email": (_str, False),
        "category": (_str, True),
        "organisation": (_str, False),
        "status": (_str, False),
        "channel": (_str, False),
        "series": (_code, False),
        "person_key": (_code, False),
        "created_at": (_datetime, False),
        "cancelled_at": (_datetime, False),
        "marked_at": (_datetime, False),
        "anonymised_at": (_datetime, False),
    },
    "waitlist": {
        "uid": (_code, False),
        "space": (_code, True),
        "start": (_datetime, True),
        "end": (_datetime, True),
        "person_name": (_str, False),
        "email": (_str, False),
        "category": (_str, True),
        "organisation": (_str, False),
        "status": (_str, False),
        "offered_reservation": (_code, False),
        "created_at": (_datetime, False),
        "offered_at": (_datetime, False),
        "anonymised_at": (_datetime, False),
    },
    "mediation_sessions": {
        "uid": (_code, False),
        "site": (_code, True),
        "mediator": (_code, True),
        "programme": (_code, False),
        "date": (_date, True),
        "start": (_time, True),
        "duration_minutes": (_int, True),
        "type": (_str, True),
        "participants": (_int, False),
        "age_bands": (_counts, False),
        "social_statuses": (_counts, False),
        "genders": (_counts, False),
        "residence_communes": (_counts, False),
        "themes": (_STR_LIST, False),
        "procedure_details": (_str, False),
        "equipment": (_STR_LIST, False),
        "device_model": (_str, False),
        "autonomy": (_str, False),
        "place_type": (_str, False),
        "place_insee_code": (_code, False),
        "redirection": (_str, False),
        "redirection_detail": (_str, False),
        "workshop_title": (_str, False),
        "workshop_level": (_str, False),
        "note": (_str, False),
        "created_at": (_datetime, False),
    },
    "notifications": {
        "topic": (_str, True),
        "digest": (_str, False),
        "kind": (_str, True),
        "recipient": (_str, True),
        "day": (_date, False),
        "status": (_str, False),
        "created_at": (_datetime, False),
        "sent_at": (_datetime, False),
    },
}

# Top-level keys besides the sections: `exported: true` marks a file `export records` wrote
# (its records are merged: a record held here with other values is a conflict); `left_out`
# says what an export did not carry (personal values without --include-personal).
NOTES = ("exported", "left_out")

# Sections in the order they must be loaded: references point to earlier sections.
SECTIONS = tuple(SCHEMA)


# ---- reading --------------------------------------------------------------------------------


def cannot_read(path: Path, reason: Message | str) -> InvalidData:
    return InvalidData("file.cannot_read", path=str(path), reason=reason)


def read_text(path: Path) -> str:
    if path.is_dir():
        raise cannot_read(path, Message("file.is_directory"))
    laposte.refuse_special_file(path)
    try:
        size = path.stat().st_size
        if size > yaml_reader.MAX_BYTES:
            raise InvalidData(
                "records.too_big", source=str(path), size=size, limit=yaml_reader.MAX_BYTES
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise cannot_read(path, Message("file.no_such_file")) from None
    except OSError as error:
        raise cannot_read(path, error.strerror or str(error)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise cannot_read(
            path, Message("file.not_utf8", {"line": line, "byte": error.start})
        ) from None


def parse(text: str, source: str, *, exact: bool = True) -> Records:
    """Parse YAML (or JSON, a subset of YAML) records; raise InvalidData naming the line.

    Not `exact`, a JSON file is read by the json module, ten times faster than as YAML but
    without lines: the records say so (`exact` false), and whoever meets a problem in them
    reads the file again exactly to name its line (as this function does for its own)."""
    if not exact:
        document = yaml_reader.read_json(text)
        if document is not None:
            try:
                records = _parse(document, source)
            except InvalidData:
                return parse(text, source)
            records.exact = False
            return records
    return _parse(yaml_reader.read(text, source), source)


def _parse(document: Any, source: str) -> Records:
    if document is None:
        raise InvalidData("records.in_file", source=source, reason=Message("file.empty"))
    if not isinstance(document, dict):
        reason = Message("records.expected_sections", {"sections": list(SECTIONS)})
        raise InvalidData("records.in_file", source=source, reason=reason)
    top_lines: Mapping[str, int] = document.pop("__lines__")
    document.pop("__line__")

    def refuse(line: int, key: str, **params: Any) -> InvalidData:
        return InvalidData("records.at_line", source=source, line=line, reason=Message(key, params))

    version = document.pop("version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        line = top_lines.get("version", 1)
        raise refuse(line, "records.bad_version", version=repr(version), expected=SCHEMA_VERSION)
    merging = document.get("exported") is True
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
            _check_item(source, name, index, entry, top_lines[name], merging)
            for index, entry in enumerate(entries)
        ]
    return Records(source=source, sections=sections)


def _check_item(
    source: str, section: str, index: int, entry: Any, line: int, merging: bool = False
) -> Item:
    if not isinstance(entry, dict):
        reason = Message("records.not_a_mapping", {"place": f"{section}[{index}]"})
        raise InvalidData("records.at_line", source=source, line=line, reason=reason)
    lines: dict[str, int] = entry.pop("__lines__")
    item = Item(
        source=source,
        section=section,
        index=index,
        line=entry.pop("__line__"),
        values={},
        lines=lines,
        merging=merging,
    )
    spec = SCHEMA[section]
    for key in entry:
        if key not in spec:
            reason = Message("records.unknown_field", {"expected": list(spec)})
            raise item.error(str(key), reason)
    for key, (check, required) in spec.items():
        value = entry.get(key)
        if value is None:
            if required:
                raise item.error(None, Message("records.missing_field", {"field": key}))
            item.values[key] = None
            continue
        try:
            item.values[key] = check(_plain(value))
        except BadValue as error:
            raise item.error(key, error.message) from None
    return item


def _plain(value: Any) -> Any:
    """The value without the line bookkeeping of nested mappings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load(path: Path, *, exact: bool = True) -> Records:
    return parse(read_text(path), str(path), exact=exact)
