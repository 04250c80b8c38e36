"""Spreadsheets: any listing, record or report as a workbook, opened back with openpyxl and
checked cell by cell (type and value)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from presence_postale.formats import xlsx
from presence_postale.formats.render import Column, Listing, Record, render
from presence_postale.formats.reports import Block, Document, render_document

COLUMNS = (
    Column("code"),
    Column("day"),
    Column("count"),
    Column("share", "percent"),
    Column("formula", "note"),
    Column("at", "cancelled_at"),
    Column("start"),
    Column("labels"),
    Column("open", "active"),
)
ROW = {
    "code": "01500",
    "day": date(2021, 4, 27),
    "count": 12,
    "share": 0.25,
    "formula": '=HYPERLINK("http://x")',
    "at": datetime(2019, 3, 19, 9, 35, tzinfo=UTC),
    "start": time(9, 30),
    "labels": ["france_services", "msap"],
    "open": True,
}


def opened(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def test_a_listing_keeps_every_cells_type() -> None:
    book = opened(xlsx.listing(Listing(COLUMNS, [ROW, {"code": "2A004"}], title="sites"), "fr"))
    sheet = book["sites"]
    assert [c.value for c in sheet[1]] == [c.header("fr") for c in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    code, day, count, share, formula, at, start, labels, is_open = sheet[2]
    assert (code.value, code.data_type, code.number_format) == ("01500", "s", "@")
    assert day.is_date and day.value == datetime(2021, 4, 27) and day.number_format == "DD/MM/YYYY"
    assert (count.value, count.data_type) == (12, "n")
    assert (share.value, share.data_type) == (0.25, "n")
    # A text that looks like a formula stays a text: the spreadsheet never runs it.
    assert (formula.value, formula.data_type) == ('=HYPERLINK("http://x")', "s")
    # An instant is shown at the French wall-clock time.
    assert at.is_date and at.value == datetime(2019, 3, 19, 10, 35)
    assert start.value == time(9, 30) and start.number_format == "HH:MM"
    assert (labels.value, labels.data_type) == ("france_services, msap", "s")
    assert (is_open.value, is_open.data_type) == (True, "b")
    empty = sheet[3]
    assert empty[0].value == "2A004" and all(c.value is None for c in empty[1:])


def test_columns_are_as_wide_as_their_text() -> None:
    sheet = opened(xlsx.listing(Listing(COLUMNS, [ROW]), "en")).worksheets[0]
    assert sheet.column_dimensions["A"].width == len("01500") + 2
    assert sheet.column_dimensions["E"].width == len('=HYPERLINK("http://x")') + 2
    assert sheet.title == "data"


def test_a_record_is_a_sheet_of_fields_and_one_per_section() -> None:
    record = Record(
        COLUMNS[:3],
        ROW,
        title="Vigny",
        sections=[Listing((Column("op", "operator"),), [{"op": "caf"}], "Opérateurs")],
    )
    book = opened(render(record, "xlsx", lang="fr"))  # type: ignore[arg-type]
    assert book.sheetnames == ["Vigny", "Opérateurs"]
    fields = book["Vigny"]
    assert [[c.value for c in row] for row in fields.iter_rows()] == [
        ["champ", "valeur"],
        ["code", "01500"],
        ["jour", datetime(2021, 4, 27)],
        ["nombre", 12],
    ]
    assert book["Opérateurs"]["A2"].value == "caf"


def test_a_report_has_its_summary_then_a_sheet_per_table() -> None:
    doc = Document(
        "Rapport : semaine 17",
        [
            Block("Synthèse", lines=["Sessions : 2"]),
            Block("Par site [95]", [Listing(COLUMNS[:1], [{"code": "17510A"}])]),
            Block("Par site [95]", [Listing(COLUMNS[:1], [{"code": "17443A"}])]),
        ],
    )
    book = opened(render_document(doc, "xlsx", "fr"))  # type: ignore[arg-type]
    # Names as Excel takes them: no `:` or brackets, unique, at most 31 characters.
    assert book.sheetnames == ["Rapport   semaine 17", "Par site  95", "Par site  95 (2)"]
    summary = book.worksheets[0]
    assert [c.value for c in summary[2]] == ["Synthèse", "Sessions : 2"]
    assert book.worksheets[2]["A2"].value == "17443A"


def test_an_empty_listing_is_a_workbook_with_its_header() -> None:
    sheet = opened(xlsx.listing(Listing(COLUMNS[:2], []), "fr")).worksheets[0]
    assert [c.value for c in sheet[1]] == ["code", "jour"]
    assert sheet.max_row == 1


def test_the_same_tables_give_the_same_bytes_at_any_moment() -> None:
    """As every other format: a weekly report for cron is compared or published as it is.
    openpyxl dated the workbook's properties and each zip entry with the moment it saved."""
    import time as clock
    import zipfile

    listing = Listing((Column("id"), Column("name")), [{"id": "17510A", "name": "Vigny"}])
    first = render(listing, "xlsx")
    clock.sleep(2.1)  # a zip entry's date counts in steps of two seconds
    assert render(listing, "xlsx") == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    book = load_workbook(io.BytesIO(first))
    assert book.properties.created == book.properties.modified == datetime(2000, 1, 1)
    assert book.active["A2"].value == "17510A"
