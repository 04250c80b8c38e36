"""The one renderer: JSON and CSV for scripts (ISO dates, English keys, no formulas), table,
Markdown and HTML for people (French headings and dates)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date, datetime, time
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.formats.render import (
    Column,
    Listing,
    Record,
    _plain_table,
    _rich_table,
    _wrap,
    csv_cell,
    human,
    machine,
    render,
    to_table,
)

COLUMNS = (
    Column("id", "identifiant", "id"),
    Column("day", "jour", "day"),
    Column("count", "nombre", "count"),
    Column("note", "remarque", "note"),
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
    assert "| identifiant | jour | nombre | remarque |" in lines
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
    assert "<th>identifiant</th><th>jour</th>" in text
    assert "<td>mardi 27/04/2021</td>" in text
    assert "<td>Fête | &lt;b&gt;</td>" in text
    assert "<b>" not in text
    assert "<script" not in text
    assert text.rstrip().endswith("</html>")


def test_table_has_french_headings_and_dates() -> None:
    text = render(LISTING, "table")
    assert "identifiant" in text
    assert "mardi 27/04/2021" in text
    assert "samedi 08/05/2021" in text
    assert "Total : 2 sites" in text
    assert "2021-04-27" not in text
    assert "\x1b[" not in text  # no colour codes


def test_table_in_english() -> None:
    text = render(LISTING, "table", lang="en")
    assert "Tuesday 27/04/2021" in text
    assert "identifiant" not in text


def test_empty_listing_says_so() -> None:
    empty = Listing(COLUMNS, [])
    assert "(aucune ligne)" in render(empty, "table")
    assert "_(no rows)_" in render(empty, "markdown", lang="en")
    assert json.loads(render(empty, "json")) == []
    assert _csv_rows(render(empty, "csv")) == [["id", "day", "count", "note"]]


def test_record_renders_as_an_object_or_field_value_pairs() -> None:
    record = Record(
        (Column("id", "id", "id"), Column("since", "depuis", "since")),
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
    assert "depuis" in table
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


# ---- the plain-text table -------------------------------------------------------------------

_CELL_TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ09 -'’[]/éèàçœÉ«»—–…€·", "漢", "\u0301", "\t"]),
    max_size=14,
)


class Drawn(NamedTuple):
    listing: Listing
    cells: list[list[str]]
    width: int


@st.composite
def _tables(draw: st.DrawFn) -> Drawn:
    """A table of up to 4 columns and 4 rows of short texts, and a width to lay it out in."""
    headers = draw(st.lists(_CELL_TEXT.filter(bool), min_size=1, max_size=4))
    columns = tuple(Column(f"c{i}", h, h) for i, h in enumerate(headers))
    rows = draw(st.lists(st.fixed_dictionaries({c.key: _CELL_TEXT for c in columns}), max_size=4))
    title = draw(st.one_of(st.none(), _CELL_TEXT))
    listing = Listing(columns, rows, title=title, notes=draw(st.lists(_CELL_TEXT, max_size=2)))
    cells = [[human(row.get(c.key)) for c in columns] for row in rows]
    return Drawn(listing, cells, draw(st.integers(min_value=10, max_value=120)))


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_a_table_laid_out_directly_is_what_rich_lays_out(drawn: Drawn) -> None:
    listing, cells, width = drawn
    direct = _plain_table(listing, cells, "fr", width, fold=False)
    if direct is not None:
        assert direct == _rich_table(listing, cells, "fr", width)
        assert to_table(listing, "fr", width) == direct


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_a_table_folded_here_fits_and_keeps_every_character(drawn: Drawn) -> None:
    listing, cells, width = drawn
    folded = _plain_table(listing, cells, "fr", width)
    if folded is None:  # characters rich must measure, or more columns than the width holds
        return
    assert to_table(listing, "fr", width) == folded
    assert all(len(line) <= width for line in folded.splitlines())
    headers = [c.header("fr") for c in listing.columns]
    body = [*headers, *(cell for row in cells for cell in row)] if cells else ["(aucune ligne)"]
    shown = [listing.title or "", *body, *listing.notes]
    assert sorted("".join(folded.split()).replace("\u2500", "")) == sorted(
        "".join("".join(shown).split())
    )


@given(
    cells=st.lists(st.text(alphabet="ab -", max_size=30), min_size=1, max_size=5),
    width=st.integers(min_value=6, max_value=40),
)
def test_a_folded_column_keeps_its_words_in_order(cells: list[str], width: int) -> None:
    listing = Listing((Column("c", "c", "c"),), [{"c": cell} for cell in cells])
    folded = _plain_table(listing, [[cell] for cell in cells], "fr", width)
    assert folded is not None
    body = folded.splitlines()[2:]  # after the heading and the rule
    assert "".join("".join(body).split()) == "".join("".join(cells).split())


def test_a_listing_too_wide_is_folded_at_spaces_narrowing_the_widest_columns() -> None:
    columns = (
        Column("id", "id"),
        Column("name", "nom"),
        Column("kind", "type"),
        Column("commune", "commune"),
    )
    rows = [
        {"id": "17510A", "name": "Bureau de poste de Vigny", "kind": "bureau_de_poste",
         "commune": "Vigny"},
        {"id": "mairie-grisy", "name": "Mairie de Grisy-les-Plâtres", "kind": "mairie",
         "commune": "Grisy-les-Plâtres"},
    ]  # fmt: skip
    listing = Listing(columns, rows, title="Sites du Val-d'Oise", notes=["2 sites"])
    # 'nom' is the widest column: it narrows, and its cells wrap at spaces.
    assert to_table(listing, "fr", 75) == (
        "Sites du Val-d'Oise\n"
        "\n"
        "  id             nom                  type              commune\n"
        " " + "─" * 73 + "\n"
        "  17510A         Bureau de poste de   bureau_de_poste   Vigny\n"
        "                 Vigny\n"
        "  mairie-grisy   Mairie de            mairie            Grisy-les-Plâtres\n"
        "                 Grisy-les-Plâtres\n"
        "\n"
        "2 sites\n"
    )
    # Narrower than the longest words: they are cut, the widest columns first.
    assert to_table(listing, "fr", 52) == (
        "Sites du Val-d'Oise\n"
        "\n"
        "  id          nom          type         commune\n"
        " " + "─" * 50 + "\n"
        "  17510A      Bureau de    bureau_de_   Vigny\n"
        "              poste de     poste\n"
        "              Vigny\n"
        "  mairie-gr   Mairie de    mairie       Grisy-les-\n"
        "  isy         Grisy-les-                Plâtres\n"
        "              Plâtres\n"
        "\n"
        "2 sites\n"
    )


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=" ab-’é", max_size=40), width=st.integers(min_value=1, max_value=12))
def test_text_is_wrapped_where_rich_wraps_it(text: str, width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(width=width, no_color=True)
    wrapped = Text(text).wrap(console, width, justify="left", overflow="fold")
    assert [line.rstrip() for line in _wrap(text, width)] == [
        line.plain.rstrip() for line in wrapped
    ]


def test_a_folded_cell_keeps_its_inner_spaces_as_rich_does() -> None:
    assert _wrap("Trois Frontières -  Site de Bouzonville", 20) == [
        "Trois Frontières -",
        "Site de Bouzonville",
    ]
    assert _wrap("Bouzonvillois Trois Frontières -  Site", 22) == [
        "Bouzonvillois Trois",
        "Frontières -  Site",
    ]


def test_a_table_with_more_columns_than_the_width_holds_is_left_to_rich() -> None:
    listing = Listing(COLUMNS, ROWS)
    cells = [[human(row.get(c.key)) for c in COLUMNS] for row in ROWS]
    assert _plain_table(listing, cells, "fr", 12) is None
    assert to_table(listing, "fr", 12) == _rich_table(listing, cells, "fr", 12)


def test_a_long_record_is_folded_without_loading_rich() -> None:
    probe = (
        "import sys\n"
        "from presence_postale.formats.render import Column, Record, render\n"
        "fields = (Column('note', 'note'),)\n"
        "text = render(Record(fields, {'note': 'mot ' * 200}), 'table', width=80)\n"
        "assert max(len(line) for line in text.splitlines()) <= 80\n"
        "print('rich' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "False\n"


def test_the_direct_layout_serves_ordinary_listings() -> None:
    listing = Listing(COLUMNS, ROWS, title="Sites du Val-d'Oise", notes=["2 sites"])
    cells = [[human(row.get(c.key)) for c in COLUMNS] for row in ROWS]
    assert _plain_table(listing, cells, "fr", 200, fold=False) is not None
    assert _plain_table(listing, cells, "fr", 30, fold=False) is None  # too wide to fit
    assert _plain_table(listing, cells, "fr", 30) is not None  # so it is folded


def test_table_cells_titles_and_notes_are_literal_text() -> None:
    listing = Listing(
        (Column("name", "nom", "name"),),
        [{"name": "Mairie [annexe]"}, {"name": "[bold]x[/bold]"}],
        title="[red]Titre",
        notes=["[illustratif] horaires"],
    )
    for width in (200, 12):  # as it is, then folded
        text = "".join(to_table(listing, "fr", width).split())  # folded lines joined
        for literal in ("[red]Titre", "Mairie[annexe]", "[bold]x[/bold]", "[illustratif]"):
            assert literal in text


def test_a_long_title_is_not_squeezed_into_a_narrow_table() -> None:
    title = "France Services hébergées par La Poste sans site correspondant"
    listing = Listing((Column("id", "id", "id"),), [{"id": "x"}], title=title)
    assert to_table(listing, "fr").splitlines()[0] == title
