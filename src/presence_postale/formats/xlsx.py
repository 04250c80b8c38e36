"""Spreadsheets (`--format xlsx`): any listing, record or report the tool renders, as a workbook
a French spreadsheet opens as it is.

Each table is a sheet with a header row, frozen under it, and columns as wide as their text.
Cells keep their type: codes and other texts are text (`01500` keeps its zero, `=1+1` is never
run as a formula), numbers are numbers, dates and times are dates and times shown the French way;
lists and counts are joined as people read them. openpyxl is imported only when a workbook is
written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any

from presence_postale.domain.calendar import TZ
from presence_postale.formats import words
from presence_postale.formats.render import Column, Listing, Record, Text

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from presence_postale.formats.reports import Document

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
TIME_FORMAT = "HH:MM"
TEXT_FORMAT = "@"
MAX_WIDTH = 60
# What a sheet's name may not hold, and its length (Excel's rules).
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_LENGTH = 31


class Sheet:
    """One table of a workbook: its name, columns and rows."""

    def __init__(
        self, name: str, columns: Sequence[Column], rows: Sequence[Mapping[str, Any]]
    ) -> None:
        self.name = name
        self.columns = columns
        self.rows = rows


def workbook(sheets: Iterable[Sheet], lang: str) -> bytes:
    """The `.xlsx` file of these sheets (a workbook has at least one, if empty)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    book.properties.creator = "presence-postale"
    names: set[str] = set()
    for sheet in sheets:
        _write_sheet(book.create_sheet(_sheet_name(sheet.name, names)), sheet, lang)
    if not names:
        book.create_sheet(_sheet_name(words.say("xlsx.sheet", lang), names))
    return _saved(book)


# The one moment a workbook carries (its properties', its zip entries'): the same tables give
# the same bytes, as every other format does (a weekly report for cron, compared or published).
STEADY = datetime(2000, 1, 1)


def _saved(book: Any) -> bytes:
    """The workbook's bytes, dated `STEADY` where openpyxl's own saving dates them now (its
    properties, and each zip entry: the clock's time, or a temporary file's)."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    class SteadyZip(zipfile.ZipFile):
        def writestr(
            self,
            zinfo_or_arcname: str | zipfile.ZipInfo,
            data: Any,
            compress_type: int | None = None,
            compresslevel: int | None = None,
        ) -> None:
            entry = zinfo_or_arcname
            if not isinstance(entry, zipfile.ZipInfo):
                entry = zipfile.ZipInfo(entry, date_time=STEADY.timetuple()[:6])
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o600 << 16
            super().writestr(entry, data, compress_type, compresslevel)

        def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
            with open(filename, "rb") as handle:  # a worksheet, from its temporary file
                self.writestr(str(arcname or filename), handle.read())

    book.properties.created = book.properties.modified = STEADY
    out = io.BytesIO()
    ExcelWriter(book, SteadyZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return out.getvalue()


def _name(title: Text, lang: str, default: str = "") -> str:
    return words.text(title, lang) or default or words.say("xlsx.sheet", lang)


def listing(data: Listing, lang: str) -> bytes:
    sheets = [Sheet(_name(data.title, lang), data.columns, data.rows)]
    return workbook([*sheets, *_notes(data.notes, lang)], lang)


def record(data: Record, lang: str) -> bytes:
    pairs = Sheet(
        _name(data.title, lang),
        (Column("field"), Column("value")),
        [{"field": f.header(lang), "value": data.data.get(f.key)} for f in data.fields],
    )
    sections = [
        Sheet(_name(s.title, lang, str(i)), s.columns, s.rows)
        for i, s in enumerate(data.sections, 2)
    ]
    return workbook([pairs, *sections], lang)


def document(doc: Document, lang: str) -> bytes:
    """A report: its lines (the summary) on a first sheet, then a sheet per table, named
    after its heading."""
    lines = [
        {"section": words.text(block.heading, lang), "line": words.text(line, lang)}
        for block in doc.blocks
        for line in block.lines
    ]
    sheets = []
    title = words.text(doc.title, lang)
    if lines or doc.intro:
        columns = (Column("section", "part"), Column("line", "report_text"))
        intro = [{"section": "", "line": words.text(line, lang)} for line in doc.intro]
        sheets.append(Sheet(title, columns, [*intro, *lines]))
    for block in doc.blocks:
        for listing in block.listings:
            name = _name(listing.title, lang, words.text(block.heading, lang))
            sheets.append(Sheet(name, listing.columns, listing.rows))
    return workbook(sheets, lang)


def _notes(notes: Sequence[Text], lang: str) -> list[Sheet]:
    if not notes:
        return []
    rows = [{"note": words.text(n, lang)} for n in notes]
    return [Sheet(words.say("xlsx.notes", lang), (Column("note"),), rows)]


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """`wanted` as Excel takes a sheet's name: no `[]:*?/\\`, 31 characters, unique."""
    base = _SHEET_FORBIDDEN.sub(" ", wanted).strip() or "1"
    name = base[:_SHEET_LENGTH]
    number = 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: _SHEET_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


def _write_sheet(ws: WriteOnlyWorksheet, sheet: Sheet, lang: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    rows = [[_cell(c, row.get(c.key), lang) for c in sheet.columns] for row in sheet.rows]
    headers = [c.header(lang) for c in sheet.columns]
    # Widths first: a write-only sheet takes them before its rows.
    for index, header in enumerate(headers):
        longest = max([len(header), *(_shown_length(r[index][0]) for r in rows)])
        dimension = ws.column_dimensions[get_column_letter(index + 1)]  # type: ignore[attr-defined]
        dimension.width = min(longest + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = WriteOnlyCell(ws, value=header)
        cell.font = bold
        head.append(cell)
    ws.append(head)
    for row in rows:
        cells = []
        for value, number_format in row:
            cell = WriteOnlyCell(ws, value=value)
            if number_format is not None:
                cell.number_format = number_format
            if number_format == TEXT_FORMAT:
                cell.data_type = "s"  # a text starting with `=` stays a text
            cells.append(cell)
        ws.append(cells)


def _cell(column: Column, value: Any, lang: str) -> tuple[Any, str | None]:
    """A cell as people read it in a spreadsheet: codes as their labels, a share as a
    percentage (a number), anything else as its typed value."""
    if value is None or not column.shown:
        return cell_value(value, lang)
    if column.shown == "percent":
        return round(value * 100, 1), None
    return column.cell(value, lang), TEXT_FORMAT


def cell_value(value: Any, lang: str) -> tuple[Any, str | None]:
    """A value as a typed cell and its number format."""
    if value is None:
        return None, None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int | float):
        return value, None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(TZ).replace(tzinfo=None)
        return value, DATETIME_FORMAT
    if isinstance(value, date):
        return value, DATE_FORMAT
    if isinstance(value, time):
        return value, TIME_FORMAT
    if isinstance(value, str):
        return value, TEXT_FORMAT
    return words.cell(value, lang), TEXT_FORMAT  # a message, a label, a list: in words


def _shown_length(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)
