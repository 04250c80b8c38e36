"""How sure a value is, in every format: illustrative rows marked with their reason, dates known
to the month written as such, unknown hours neither open nor closed."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from presence_postale.domain.hours import day_hours
from presence_postale.formats import marks, words
from presence_postale.formats.render import Column, Listing, Record, render

COLUMNS = (Column("code"), Column("start"))
ROWS = [
    {"code": "a", "start": date(2019, 3, 1), "start_precision": "month", "illustrative": False},
    {
        "code": "b",
        "start": date(2018, 1, 26),
        "start_precision": "day",
        "illustrative": True,
        "illustrative_reason": "date de la réunion",
    },
    {
        "code": "c",
        "start": date(2021, 4, 12),
        "start_precision": "year",
        "illustrative": True,
        "illustrative_reason": "date de la réunion",
    },
    {"code": "d", "start": date(2021, 4, 27), "start_precision": "day", "illustrative": True},
]


def _listing() -> Listing:
    return Listing(COLUMNS, ROWS)


def test_a_table_numbers_each_reason_once_and_writes_it_under() -> None:
    text = render(_listing(), "table")
    lines = text.splitlines()
    assert lines[0].split() == ["code", "début", "note"]
    assert lines[2].split() == ["a", "mars", "2019"]
    assert lines[3].split() == ["b", "vendredi", "26/01/2018", "[1]"]
    assert lines[4].split() == ["c", "2021", "[1]"]
    assert lines[5].split() == ["d", "mardi", "27/04/2021", "[2]"]
    assert lines[-2:] == [
        "[1] illustratif : date de la réunion",
        "[2] illustratif, sans raison donnée",
    ]
    english = render(_listing(), "table", lang="en")
    assert "March 2019" in english and "[1] illustrative: date de la réunion" in english


def test_markdown_and_html_carry_the_mark_and_the_note() -> None:
    markdown = render(_listing(), "markdown")
    assert "| code | début | note |" in markdown
    assert "| a | mars 2019 |  |" in markdown and "| b | vendredi 26/01/2018 | [1] |" in markdown
    assert "> [1] illustratif : date de la réunion" in markdown
    page = render(_listing(), "html")
    assert "<th>note</th>" in page and "<td>[1]</td>" in page
    assert '<p class="note">[1] illustratif : date de la réunion</p>' in page


def test_csv_gives_scripts_the_iso_date_its_precision_and_the_flag_and_reason() -> None:
    rows = list(csv.DictReader(io.StringIO(render(_listing(), "csv"))))
    assert list(rows[0]) == [
        "code",
        "start",
        "start_precision",
        "illustrative",
        "illustrative_reason",
    ]
    assert rows[0] == {
        "code": "a",
        "start": "2019-03-01",
        "start_precision": "month",
        "illustrative": "false",
        "illustrative_reason": "",
    }
    assert (rows[1]["illustrative"], rows[1]["illustrative_reason"]) == (
        "true",
        "date de la réunion",
    )


def test_json_rows_are_left_as_the_services_give_them() -> None:
    assert json.loads(render(_listing(), "json"))[0] == {
        "code": "a",
        "start": "2019-03-01",
        "start_precision": "month",
        "illustrative": False,
    }


def test_a_listing_without_illustrative_rows_reads_as_before_for_people() -> None:
    plain = [{"code": "a", "start": date(2021, 4, 27), "illustrative": False}]
    text = render(Listing(COLUMNS, plain), "table")
    assert "illustratif" not in text and "[1]" not in text
    # Scripts still get the columns: their set does not depend on the data.
    header = render(Listing(COLUMNS, plain), "csv").splitlines()[0]
    assert header == "code,start,illustrative,illustrative_reason"
    untouched = Listing(COLUMNS, [{"code": "a", "start": date(2021, 4, 27)}])
    assert marks.annotate(untouched, "table", "fr") is untouched


def test_a_record_shows_its_reason_and_its_approximate_start() -> None:
    data = {
        "code": "allier",
        "start": date(2019, 3, 1),
        "start_precision": "month",
        "illustrative": True,
        "illustrative_reason": "18 heures en tout",
    }
    record = Record(COLUMNS, data, title="Allier")
    text = render(record, "table")
    assert "mars 2019" in text
    assert [line.split(maxsplit=2)[1:] for line in text.splitlines()[-2:]] == [
        ["oui"],
        ["illustratif", "18 heures en tout"],
    ]
    pairs = list(csv.reader(io.StringIO(render(record, "csv"))))
    assert pairs == [
        ["field", "value"],
        ["code", "allier"],
        ["start", "2019-03-01"],
        ["start_precision", "month"],
        ["illustrative", "true"],
        ["illustrative_reason", "18 heures en tout"],
    ]
    assert json.loads(render(record, "json"))["start_precision"] == "month"
    fact = Record(COLUMNS, {"code": "x", "start": date(2021, 4, 27), "illustrative": False})
    assert "illustratif" not in render(fact, "table")


def test_approximate_dates() -> None:
    march = marks.approximate(date(2019, 3, 1), "month")
    assert march is not None
    assert (words.say(march), words.say(march, "en")) == ("mars 2019", "March 2019")
    year = marks.approximate(date(2019, 3, 1), "year")
    assert year is not None and words.say(year) == "2019"
    assert marks.approximate(date(2019, 3, 1), "day") is None


def test_a_day_of_unknown_hours_is_null_for_scripts_not_closed() -> None:
    unknown = marks.day_fields(day_hours(None, date(2021, 5, 1), {date(2021, 5, 1): "Fête"}))
    assert unknown == {
        "date": date(2021, 5, 1),
        "status": "unknown",
        "open": None,
        "hours": None,
        "minutes": None,
        "holiday": "Fête",
        "closure": None,
    }
    closed = marks.day_fields(day_hours("Mo-Fr 09:00-12:00", date(2021, 5, 2)))
    assert (closed["status"], closed["open"], closed["minutes"]) == ("closed", False, 0)
