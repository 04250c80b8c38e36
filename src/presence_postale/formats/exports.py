"""Interchange formats: sites as CSV / GeoJSON, records files as YAML or JSON, and the CSV of
one kind of record that `import records --kind` reads.

- GeoJSON (RFC 7946): a FeatureCollection of Points `[longitude, latitude]` in WGS 84, the form
  uMap and QGIS open directly. Sites without coordinates are left out (uMap cannot place a
  feature without geometry); `write_geojson` says how many.
- Export CSV is for other systems: values exactly as they are. `--excel` CSV is for people:
  UTF-8 with a BOM, `;` between cells, CRLF and decimal commas, which is what a French Excel
  opens without a wizard, and formula cells neutralised (`csv_cell`). A CSV opened in a
  spreadsheet still loses the leading zeros of codes (`01500`): `--format xlsx` keeps them.
- Records YAML (`formats.records_yaml`): the seed's schema (`formats.seed.SCHEMA`), sections
  and fields in schema order, empty values left out, so that the same data always gives the
  same bytes.
- Records CSV of one kind: one column per schema field; lists separated by `|`; labels as
  `france_services` or `france_services@2021-04-27`; counters as `18-24=2|25-39=1`.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from presence_postale.errors import BadValue, InvalidData, Message
from presence_postale.formats import csv_rows, laposte
from presence_postale.formats.records_yaml import notes
from presence_postale.formats.records_yaml import records_yaml as records_yaml  # its writer
from presence_postale.formats.render import machine, to_csv
from presence_postale.formats.seed import SCHEMA, Item, Records, got

SITE_COLUMNS = (
    "id",
    "name",
    "kind",
    "address",
    "address_extra",
    "locality",
    "postcode",
    "commune",
    "insee_code",
    "department",
    "latitude",
    "longitude",
    "parent_id",
    "phone",
    "email",
    "opening_hours",
    "staff_count",
    "labels",
    "equipment",
    "operators",
    "source",
)
GEOJSON_PROPERTIES = (
    "id",
    "name",
    "kind",
    "address",
    "postcode",
    "commune",
    "insee_code",
    "department",
    "phone",
    "opening_hours",
    "labels",
    "source",
)


# ---- sites ----------------------------------------------------------------------------------


def sites_csv(rows: Iterable[Mapping[str, Any]], *, excel: bool = False) -> str:
    return table_csv(SITE_COLUMNS, rows, excel=excel)


def table_csv(
    columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, excel: bool = False
) -> str:
    """An export's CSV. Plain, for other systems: `,`, values exactly as they are. `excel`, for
    people: what a French Excel opens (BOM, `;`, CRLF, decimal commas), and no cell that it
    would run as a formula."""
    return to_csv(columns, list(rows), excel=excel, guard=excel)


def sites_geojson(rows: Iterable[Mapping[str, Any]]) -> tuple[str, int]:
    """The GeoJSON text and how many sites were left out for want of coordinates."""
    features = []
    left_out = 0
    for row in rows:
        if row.get("latitude") is None or row.get("longitude") is None:
            left_out += 1
            continue
        properties = {key: row.get(key) for key in GEOJSON_PROPERTIES}
        # A list property shows as text in uMap's popups and QGIS' attribute table.
        properties["labels"] = ", ".join(row.get("labels") or ())
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                "properties": properties,
            }
        )
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n", left_out


# ---- records files --------------------------------------------------------------------------


def records_json(
    sections: Mapping[str, Sequence[Mapping[str, Any]]], left_out: Sequence[str] = ()
) -> str:
    """The records file in JSON: its notes, then each section as a list, one record per line
    (a change is a changed line; each line written by the json module's C encoder)."""
    entries = [f"  {_json(key)}: {_json(value)}" for key, value in notes(left_out).items()]
    for name, rows in sections.items():
        lines = ",\n".join(f"    {_json(row)}" for row in rows)
        entries.append(f"  {_json(name)}: [\n{lines}\n  ]" if rows else f"  {_json(name)}: []")
    return "{\n" + ",\n".join(entries) + "\n}\n"


def _json_value(value: Any) -> Any:
    """What the json module cannot write itself: dates and times as ISO text."""
    if isinstance(value, datetime | date | time):
        return machine(value)
    raise TypeError(f"not a records value: {type(value).__name__}")


_json = json.JSONEncoder(ensure_ascii=False, default=_json_value).encode


# ---- records CSV of one kind ----------------------------------------------------------------

_INT_FIELDS = {
    "staff_count",
    "capacity",
    "min_minutes",
    "max_minutes",
    "max_days_ahead",
    "cancel_cutoff_hours",
    "duration_minutes",
    "participants",
    "funding_eur",
}
_FLOAT_FIELDS = {"latitude", "longitude", "weekly_hours", "max_hours_per_person_week"}
_BOOL_FIELDS = {"illustrative", "active"}
_LIST_FIELDS = {"equipment", "operators", "themes", "categories"}
_COUNT_FIELDS = {"age_bands", "social_statuses", "genders", "residence_communes"}
_TRUE = {"true", "yes", "oui", "1", "vrai"}
_FALSE = {"false", "no", "non", "0", "faux"}


def _cell(field: str, text: str) -> Any:
    """A CSV cell as the value the seed's schema expects (the schema then checks it)."""
    if not text.isascii() and (field in _INT_FIELDS or field in _FLOAT_FIELDS):
        text = f"{text!a}"[1:-1]  # int() reads '٣' (Arabic-Indic three): refused, shown escaped
    if field in _INT_FIELDS:
        try:
            return int(text)
        except ValueError:
            raise BadValue("value.expected_whole_number", got=got(text)) from None
    if field in _FLOAT_FIELDS:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise BadValue("value.expected_number", got=got(text)) from None
    if field in _BOOL_FIELDS:
        folded = text.casefold()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        raise BadValue("value.expected_boolean", got=got(text))
    if field in _LIST_FIELDS:
        return [part.strip() for part in text.split("|") if part.strip()]
    if field == "labels":
        labels: list[Any] = []
        for part in filter(None, (p.strip() for p in text.split("|"))):
            name, _, since = part.partition("@")
            labels.append({"label": name.strip(), "since": since.strip() or None})
        return labels
    if field in _COUNT_FIELDS:
        counts: dict[str, int] = {}
        for part in filter(None, (p.strip() for p in text.split("|"))):
            key, sep, number = part.rpartition("=")
            if not sep:
                raise BadValue("value.expected_count_cells", got=got(part))
            try:
                counts[key.strip()] = int(number)
            except ValueError:
                raise BadValue("value.count_not_whole", code=key.strip()) from None
        return counts
    return text


def read_records_csv(path: Path, kind: str) -> Records:
    """A CSV of one kind of record as `Records`, each item carrying its CSV line."""
    if kind not in SCHEMA:
        raise InvalidData(
            "value.not_in_vocabulary", field="--kind", value=kind, expected=list(SCHEMA)
        )
    source = str(path)
    handle, _encoding = laposte.open_text(path)
    with handle:
        reader = csv_rows.rows(handle, source, _separator)
        try:
            header = [cell.strip().removeprefix("\ufeff") for cell in next(reader)]
        except StopIteration:
            raise InvalidData(
                "records.in_file", source=source, reason=Message("file.empty")
            ) from None
        except csv.Error as error:
            reason = laposte.csv_problem(error)
            raise InvalidData(
                "records.at_line", source=source, line=reader.header_line, reason=reason
            ) from None
        _check_header(source, kind, header, reader.header_line)
        items: list[Item] = []
        try:
            for cells in reader:
                line = reader.line_num
                if not cells or all(not cell.strip() for cell in cells):
                    continue
                problem = laposte.too_long(cells)
                if problem is not None:
                    raise InvalidData(
                        "records.unreadable", source=source, line=line, reason=problem
                    )
                items.append(_item(source, kind, len(items), line, header, cells))
        except csv.Error as error:
            raise InvalidData(
                "records.unreadable",
                source=source,
                line=reader.line_num,
                reason=laposte.csv_problem(error),
            ) from None
    return Records(source=source, sections={kind: items})


def _separator(first: str) -> str:
    """A records CSV's separator, as its header line shows it: `;` (a French spreadsheet's)
    when it holds more of them than of `,`."""
    return ";" if first.count(";") > first.count(",") else ","


def _check_header(source: str, kind: str, header: list[str], line: int) -> None:
    spec = SCHEMA[kind]
    twice = [name for number, name in enumerate(header) if name in header[:number]]
    if twice:  # which of the two cells would be the record's? Neither: refused.
        reason = Message("records.duplicate_column", {"column": twice[0]})
        raise InvalidData("records.at_line", source=source, line=line, reason=reason)
    unknown = [name for name in header if name not in spec]
    if unknown:
        reason = Message(
            "records.unknown_column", {"column": unknown[0], "kind": kind, "expected": list(spec)}
        )
        raise InvalidData("records.at_line", source=source, line=line, reason=reason)
    missing = [name for name, (_check, required) in spec.items() if required and name not in header]
    if missing:
        reason = Message("records.missing_column", {"column": missing[0]})
        raise InvalidData("records.at_line", source=source, line=line, reason=reason)


def _item(
    source: str, kind: str, index: int, line: int, header: list[str], cells: list[str]
) -> Item:
    item = Item(source=source, section=kind, index=index, line=line, values={})
    item.lines = {name: line for name in header}
    if len(cells) != len(header):
        reason = Message("records.cell_count", {"cells": len(cells), "expected": len(header)})
        raise item.error(None, reason)
    given = dict(zip(header, (cell.strip() for cell in cells), strict=True))
    for name, (check, required) in SCHEMA[kind].items():
        text = given.get(name, "")
        if not text:
            if required:
                raise item.error(None, Message("records.missing_field", {"field": name}))
            item.values[name] = None
            continue
        try:
            item.values[name] = check(_cell(name, text))
        except BadValue as error:
            raise item.error(name, error.message) from None
    return item
