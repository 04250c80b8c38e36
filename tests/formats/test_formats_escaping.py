"""Text from the database changes no document it lands in: Markdown, HTML, CSV and iCalendar
escape what they must, so a name holding markup, links, pipes, heading marks or line breaks
reads as the text it is."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, time
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.formats.render import Column, Listing, markdown_text, render

HOSTILE = [
    "<script>alert(1)</script>",
    "[cliquez](http://evil.example)",
    "![img](http://evil.example/x.png)",
    "| a | b |",
    "# titre\n## autre",
    "ligne 1\nligne 2\r\nligne 3",
    "**gras** _souligné_ ~~barré~~ `code`",
    "http://evil.example www.evil.example",
    "- puce",
    "1. numéro",
    "A &amp; B &lt;",
    "\\",
    "[1](http://evil.example) [2]: http://evil.example [3][4]",
]

COLUMNS = (Column("name"), Column("note"))


def _unescaped(text: str, chars: str) -> list[str]:
    """Characters of `chars` in `text` not preceded by a backslash."""
    return re.findall(rf"(?<!\\)[{re.escape(chars)}]", text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_markdown_text_is_one_line_without_live_markup(text: str) -> None:
    shown = markdown_text(text)
    assert "\n" not in shown and "\r" not in shown
    marks = re.sub(r"(?<!\\)\[[0-9]{1,3}\](?![(:\[])", "", shown.replace("\\\\", ""))
    assert not _unescaped(marks, "<>[]|`*#&~")  # a note mark `[1]` links nowhere


def test_a_hostile_name_keeps_the_markdown_table_whole() -> None:
    listing = Listing(COLUMNS, [{"name": name, "note": "ok"} for name in HOSTILE], title=HOSTILE[4])
    text = render(listing, "markdown")
    lines = text.splitlines()
    assert lines[0].startswith("## \\# titre ") and "\\#\\# autre" in lines[0]
    rows = [line for line in lines if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(HOSTILE)  # no line break split a row
    for row in rows:
        # Three unescaped pipes: the row's own borders and the one between its two cells.
        assert len(_unescaped(row.replace("\\\\", ""), "|")) == 3, row
    assert "<script>" not in text and "http://" not in text
    assert not re.search(r"(?<!\\)\]\(", text)  # no link: every `](` is escaped


def test_a_hostile_name_is_escaped_in_html() -> None:
    listing = Listing(COLUMNS, [{"name": name, "note": "ok"} for name in HOSTILE], title="<t>")
    page = render(listing, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<t>" not in page and "<title>&lt;t&gt;</title>" in page


def test_a_hostile_name_stays_one_csv_cell_and_runs_no_formula() -> None:
    names = [*HOSTILE, '=HYPERLINK("http://evil")', "+A1", "@SUM(A1)", "-2+3"]
    listing = Listing(COLUMNS, [{"name": name, "note": "ok"} for name in names])
    rows = list(csv.reader(io.StringIO(render(listing, "csv"))))
    assert len(rows) == len(names) + 1 and all(len(row) == 2 for row in rows)
    read = [row[0] for row in rows[1:]]
    # Kept whole, line breaks included; a leading '-' is neutralised like a formula's.
    assert read[: len(HOSTILE)] == [("'" + n if n.startswith("-") else n) for n in HOSTILE]
    assert all(not cell.startswith(("=", "+", "@", "-")) for cell in read[len(HOSTILE) :])


def test_a_hostile_name_stays_inside_its_calendar_properties() -> None:
    from icalendar import Calendar

    from presence_postale.domain.schedule import Occurrence
    from presence_postale.formats.ics import calendar

    name = "Mairie\nSUMMARY:piégé;X=1,\\ fin"
    entry = SimpleNamespace(
        occurrence=Occurrence(
            1, date(2021, 5, 4), date(2021, 5, 4), time(9), time(12), "scheduled"
        ),
        site=SimpleNamespace(
            illustrative=False,
            illustrative_reason=None,
            name=name, address="1 rue\nBEGIN:VEVENT", postcode=None, commune=None,
            latitude=None, longitude=None,
        ),
        permanence=SimpleNamespace(
            illustrative=False,
            illustrative_reason=None,
            programme_code="vigny-2021", created_at=datetime(2021, 4, 1, tzinfo=UTC),
            uid="5b0c7a44-0000-4000-8000-000000000001",
        ),
        agent=None,
        operators=[],
        revision=None,
    )  # fmt: skip
    text = calendar([entry])  # type: ignore[list-item]
    events = Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == f"Permanence — {name}"
    assert "BEGIN:VEVENT" in str(events[0]["location"])
    assert text.splitlines().count("BEGIN:VEVENT") == 1


def test_a_name_stored_before_the_rules_cannot_break_the_weekly_markdown(
    cli: object, seeded_db: object, tmp_path: object
) -> None:
    """A site named with a line break, markup and a link (written before names were checked,
    or by hand in the file) stays one heading of text in the weekly report."""
    from backends import query

    hostile = "Vigny\n## piège <script>x</script> [lien](http://evil.example) | a"
    query(seeded_db, "UPDATE site SET name = ? WHERE id = '17510A'", hostile)  # type: ignore[arg-type]
    result = cli("report", "weekly", "--week", "2021-W17", "-d", "95", "--format", "markdown")  # type: ignore[operator]
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert any("Vigny \\#\\# piège \\<script\\>" in line for line in headings), headings
    assert "<script>" not in text and "\n## piège" not in text
    assert not re.search(r"(?<!\\)\]\(", text)  # no link
