"""The one renderer: JSON and CSV for scripts (ISO dates, English keys, no formulas), table,
Markdown and HTML for people (French headings and dates)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time

import pytest

from presence_postale.errors import Label, Message
from presence_postale.formats.render import (
    Column,
    Listing,
    Record,
    csv_cell,
    human,
    machine,
    render,
)

COLUMNS = (
    Column("id"),
    Column("day"),
    Column("count"),
    Column("note"),
)
ROWS = [
    {"id": "17510A", "day": date(2021, 4, 27), "count": 9, "note": "=1+1", "hidden": "kept"},
    {"id": "00518A", "day": date(2021, 5, 8), "count": -3, "note": "Fête | <b>", "hidden": None},
]
LISTING = Listing(COLUMNS, ROWS, title="Sites <test>", notes=["Total : 2 sites"])


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_json_keeps_every_key_with_iso_dates() -> None:
    data = json.loads(render(LISTING, "json"))
    assert data == [
        {"id": "17510A", "day": "2021-04-27", "count": 9, "note": "=1+1", "hidden": "kept"},
        {"id": "00518A", "day": "2021-05-08", "count": -3, "note": "Fête | <b>", "hidden": None},
    ]


def test_json_keeps_accents_readable() -> None:
    assert "Fête" in render(LISTING, "json")


def test_csv_has_english_keys_iso_dates_and_neutralised_formulas() -> None:
    rows = _csv_rows(render(LISTING, "csv"))
    assert rows == [
        ["id", "day", "count", "note"],
        ["17510A", "2021-04-27", "9", "'=1+1"],
        ["00518A", "2021-05-08", "-3", "Fête | <b>"],
    ]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("-3", "-3"),
        (-3, "-3"),
        ("+4.5", "+4.5"),
        (-0.25, "-0.25"),
        ("Vigny", "Vigny"),
        (None, ""),
        (True, "true"),
        (["laposte", "caf"], "laposte|caf"),
        (["=evil"], "'=evil"),
        (date(2021, 4, 27), "2021-04-27"),
        (time(9, 0), "09:00"),
    ],
)
def test_csv_cell(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_markdown_has_french_headings_and_dates() -> None:
    text = render(LISTING, "markdown")
    lines = text.splitlines()
    assert lines[0] == "## Sites \\<test\\>"  # HTML in a title stays text
    assert "| id | jour | nombre | note |" in lines
    assert "| 17510A | mardi 27/04/2021 | 9 | =1+1 |" in lines
    # A pipe inside a cell is escaped so the table keeps its columns.
    assert "| 00518A | samedi 08/05/2021 | -3 | Fête \\| \\<b\\> |" in lines
    assert "> Total : 2 sites" in lines


def test_markdown_in_english() -> None:
    text = render(LISTING, "markdown", lang="en")
    assert "| id | day | count | note |" in text
    assert "| 17510A | Tuesday 27/04/2021 | 9 | =1+1 |" in text


def test_html_is_a_whole_escaped_page() -> None:
    text = render(LISTING, "html")
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in text
    assert "<title>Sites &lt;test&gt;</title>" in text
    assert "<th>id</th><th>jour</th>" in text
    assert "<td>mardi 27/04/2021</td>" in text
    assert "<td>Fête | &lt;b&gt;</td>" in text
    assert "<b>" not in text
    assert "<script" not in text
    assert text.rstrip().endswith("</html>")


def test_table_has_french_headings_and_dates() -> None:
    text = render(LISTING, "table")
    assert "nombre" in text
    assert "mardi 27/04/2021" in text
    assert "samedi 08/05/2021" in text
    assert "Total : 2 sites" in text
    assert "2021-04-27" not in text
    assert "\x1b[" not in text  # no colour codes


def test_table_in_english() -> None:
    text = render(LISTING, "table", lang="en")
    assert "Tuesday 27/04/2021" in text
    assert "nombre" not in text and "count" in text


def test_empty_listing_says_so() -> None:
    empty = Listing(COLUMNS, [])
    assert "(aucune ligne)" in render(empty, "table")
    assert "_(no rows)_" in render(empty, "markdown", lang="en")
    assert json.loads(render(empty, "json")) == []
    assert _csv_rows(render(empty, "csv")) == [["id", "day", "count", "note"]]


def test_record_renders_as_an_object_or_field_value_pairs() -> None:
    record = Record(
        (Column("id"), Column("since", "from")),
        {"id": "17510A", "since": date(2021, 4, 27), "extra": [1, 2]},
        title="Vigny",
    )
    assert json.loads(render(record, "json")) == {
        "id": "17510A",
        "since": "2021-04-27",
        "extra": [1, 2],
    }
    assert _csv_rows(render(record, "csv")) == [
        ["field", "value"],
        ["id", "17510A"],
        ["since", "2021-04-27"],
    ]
    table = render(record, "table")
    assert " du " in table
    assert "mardi 27/04/2021" in table


def test_human_values() -> None:
    assert human(date(2021, 4, 27)) == "mardi 27/04/2021"
    assert human(date(2021, 4, 27), "en") == "Tuesday 27/04/2021"
    assert human(datetime(2021, 5, 8, 9, 30)) == "samedi 08/05/2021 09:30"
    assert human(time(14, 30)) == "14:30"
    assert human(True) == "oui"
    assert human(False, "en") == "no"
    assert human(29.5) == "29,5"
    assert human(29.5, "en") == "29.5"
    assert human(["caf", "msa"]) == "caf, msa"
    assert human(None) == ""


def test_machine_values() -> None:
    assert machine({"d": date(2021, 4, 27), "t": time(9, 0), "l": (1, 2)}) == {
        "d": "2021-04-27",
        "t": "09:00",
        "l": [1, 2],
    }
    assert machine(datetime(2021, 5, 8, 9, 30)) == "2021-05-08T09:30:00"


def test_codes_read_as_labels_for_people_and_stay_codes_for_machines() -> None:
    columns = (Column("status", shown="programme_status"), Column("labels", shown="site_label"))
    rows = [{"status": "running", "labels": ["france_services", "msap"]}]
    listing = Listing(columns, rows)
    assert "| En cours | France Services, MSAP |" in render(listing, "markdown")
    assert "| Running | France Services, MSAP |" in render(listing, "markdown", lang="en")
    assert json.loads(render(listing, "json")) == rows
    assert _csv_rows(render(listing, "csv"))[1] == ["running", "france_services|msap"]


def test_messages_read_in_words_for_people_and_as_data_for_machines() -> None:
    warning = Message("site.not_found", {"site": "XYZ"})
    listing = Listing((Column("note"),), [{"note": warning}], title=Message("report.warnings"))
    assert render(listing, "markdown").startswith("## Alertes\n")
    assert "site « XYZ » introuvable" in render(listing, "markdown")
    assert json.loads(render(listing, "json")) == [
        {"note": {"kind": "site.not_found", "site": "XYZ"}}
    ]
    assert machine(Label("reservation_status", "no_show")) == "no_show"


def test_a_csv_for_excel_keeps_codes_with_french_separators() -> None:
    listing = Listing((Column("id"), Column("latitude")), [{"id": "17510A", "latitude": 49.0868}])
    text = render(listing, "csv", excel=True)
    assert text == "\ufeffid;latitude\r\n17510A;49,0868\r\n"
