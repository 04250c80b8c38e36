"""How sure a value is, shown the same way in every format.

- A record marked illustrative (`illustrative: true`, why in `illustrative_reason`) is marked
  wherever it is shown. In a table, Markdown or HTML, a marker column numbers it (`[1]`) and a
  note under the table gives the reason; in CSV, the `illustrative` and `illustrative_reason`
  columns; in JSON, the same keys, as the services give them. A listing of records none of
  which is illustrative looks as it always did, for people; its CSV has the two columns still.
- A date a source gives only to the month or the year (`start` beside `start_precision:
  month`) reads « mars 2019 » for people; scripts get the ISO date and its precision, in a
  `start_precision` column right after `start` in CSV.

Unknown is not closed: `day_fields` gives scripts a day whose hours are unknown as `open:
null`, status `unknown`, and no minutes.

`render` and the reports pass every listing through `annotate` (and every record through
`annotate_record`) before laying it out, so a command cannot forget the mark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from presence_postale.domain.hours import DayHours
from presence_postale.errors import Message
from presence_postale.formats import words
from presence_postale.formats.render import PEOPLE_FORMATS, Column, Listing, Record

FLAG, REASON, MARK = "illustrative", "illustrative_reason", "illustrative_mark"
MARK_COLUMNS = {FLAG: Column("illustrative"), REASON: Column("illustrative_reason")}


def approximate(value: date, precision: str | None) -> Message | None:
    """`mars 2019` for a month, `2019` for a year; None for a day (shown as any date)."""
    if precision == "month":
        return Message("value.in_month", {"date": value})
    if precision == "year":
        return Message("value.in_year", {"date": value})
    return None


# The dates a source may give to the month or the year, and the column of their precision.
PRECISION_COLUMNS = {"start": Column("start_precision")}


def _precise_keys(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The keys whose precision the rows give (`start` for `start_precision`)."""
    keys: list[str] = []
    # Rows of a listing share a few sets of keys: each set is looked at once.
    for shape in dict.fromkeys(tuple(row) for row in rows):
        present = set(shape)
        for key, column in PRECISION_COLUMNS.items():
            if key in present and column.key in present and key not in keys:
                keys.append(key)
    return keys


def shown(row: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The row as people read it: dates known to the month or year written so."""
    out = dict(row)
    for key in _precise_keys([row]):
        value = row[key]
        if isinstance(value, date):
            text = approximate(value, row.get(PRECISION_COLUMNS[key].key))
            if text is not None:
                out[key] = words.say(text, lang)
    return out


def note(number: int | None, reason: str | None) -> Message:
    """The note of an illustrative record: numbered under a table, or alone (`number` None)."""
    if number is None:
        if reason:
            return Message("marks.record_illustrative", {"reason": reason})
        return Message("marks.record_illustrative_unexplained")
    if reason:
        return Message("marks.illustrative", {"n": number, "reason": reason})
    return Message("marks.illustrative_unexplained", {"n": number})


def day_fields(day: DayHours) -> dict[str, Any]:
    """One day's opening for scripts: `open` is null, not false, when the hours are unknown,
    and so are its hours and minutes (unknown is not closed)."""
    return {
        "date": day.day,
        "status": day.state,
        "open": None if day.unknown else day.is_open,
        "hours": day.describe() if day.is_open else None,
        "minutes": day.known_minutes,
        "holiday": day.holiday,
        "closure": day.closure,
    }


def annotate(listing: Listing, fmt: str, lang: str) -> Listing:
    """The listing with its illustrative rows marked and its approximate dates written as
    such, for `fmt`; JSON rows are left as they are (they carry the keys themselves)."""
    rows = list(listing.rows)
    if fmt == "json" or not rows:
        return listing
    carries_flag = any(FLAG in row for row in rows)
    precise = _precise_keys(rows)
    if not carries_flag and not precise:
        return listing
    if fmt == "csv":
        return replace(listing, columns=_machine_columns(listing.columns, carries_flag, precise))
    marked = fmt in PEOPLE_FORMATS and any(row.get(FLAG) for row in rows)
    if not marked and not precise:
        return listing  # nothing to write differently: the rows are not copied
    people_rows = [shown(row, lang) for row in rows] if precise else [dict(row) for row in rows]
    if not marked:
        return replace(listing, rows=people_rows)
    numbers: dict[str | None, int] = {}
    for row in people_rows:
        if row.get(FLAG):
            number = numbers.setdefault(row.get(REASON), len(numbers) + 1)
            row[MARK] = f"[{number}]"
    notes = [note(number, reason) for reason, number in numbers.items()]
    return replace(
        listing,
        columns=(*listing.columns, Column("illustrative_mark")),
        rows=people_rows,
        notes=[*listing.notes, *notes],
    )


def _machine_columns(
    columns: Sequence[Column], carries_flag: bool, precise: Sequence[str]
) -> tuple[Column, ...]:
    keys = {column.key for column in columns}
    out: list[Column] = []
    for column in columns:
        out.append(column)
        if column.key in precise and PRECISION_COLUMNS[column.key].key not in keys:
            out.append(PRECISION_COLUMNS[column.key])
    if carries_flag:
        # A CSV heads a column with its key; a workbook with its heading.
        out += [column for key, column in MARK_COLUMNS.items() if key not in keys]
    return tuple(out)


def annotate_record(record: Record, fmt: str, lang: str) -> Record:
    """A record (a `show`): its approximate dates written as such, its illustrative flag and
    reason among its fields, and its sections annotated."""
    if fmt == "json":
        return record
    data = record.data
    fields = list(record.fields)
    keys = {f.key for f in fields}
    precise = _precise_keys([data])
    if fmt == "csv":
        fields = list(_machine_columns(fields, FLAG in data, precise))
    else:
        data = shown(data, lang)
        if data.get(FLAG):
            fields += [column for key, column in MARK_COLUMNS.items() if key not in keys]
    sections = [annotate(section, fmt, lang) for section in record.sections]
    return replace(record, fields=fields, data=data, sections=sections)
