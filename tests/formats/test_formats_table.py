"""Plain-text tables: laid out as rich lays them out, folded to a width at word boundaries and
after hyphens, never folded without a width."""

from __future__ import annotations

import subprocess
import sys
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.formats.render import Column, Listing, to_table
from presence_postale.formats.table import _Table, column_widths, lay_out, wrap

_CELL_TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ09 -'’[]/éèàçœÉ«»—·", "漢", "\u0301", "\t", "\u202f"]),
    max_size=14,
)


class Drawn(NamedTuple):
    table: _Table
    width: int


@st.composite
def _tables(draw: st.DrawFn) -> Drawn:
    """A table of up to 4 columns and 4 rows of short texts, and a width to lay it out in."""
    headers = draw(st.lists(_CELL_TEXT.filter(bool), min_size=1, max_size=4))
    rows = draw(
        st.lists(st.lists(_CELL_TEXT, min_size=len(headers), max_size=len(headers)), max_size=4)
    )
    title = draw(st.one_of(st.just(""), _CELL_TEXT))
    notes = draw(st.lists(_CELL_TEXT, max_size=2))
    table = _Table(title, headers, rows, notes, "(aucune ligne)")
    return Drawn(table, draw(st.integers(min_value=10, max_value=120)))


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_a_table_laid_out_directly_is_what_rich_lays_out(drawn: Drawn) -> None:
    direct = drawn.table.plain(None)
    if direct is not None:
        assert direct == drawn.table.rich(None)


@settings(max_examples=300, deadline=None)
@given(_tables())
def test_a_table_folded_here_fits_and_keeps_every_character(drawn: Drawn) -> None:
    table, width = drawn
    folded = table.plain(width)
    if folded is None:  # characters rich must measure, or more columns than the width holds
        return
    assert all(len(line) <= width for line in folded.splitlines())
    body = [*table.headers, *(cell for row in table.rows for cell in row)]
    shown = [table.title, *(body if table.rows else [table.empty]), *table.notes]
    assert sorted("".join(folded.split()).replace("\u2500", "")) == sorted(
        "".join("".join(shown).split())
    )


@given(
    cells=st.lists(st.text(alphabet="ab -", max_size=30), min_size=1, max_size=5),
    width=st.integers(min_value=6, max_value=40),
)
def test_a_folded_column_keeps_its_words_in_order(cells: list[str], width: int) -> None:
    folded = _Table("", ["c"], [[cell] for cell in cells], [], "").plain(width)
    assert folded is not None
    body = folded.splitlines()[2:]  # after the heading and the rule
    assert "".join("".join(body).split()) == "".join("".join(cells).split())


def test_words_wrap_at_spaces_then_after_hyphens_then_anywhere() -> None:
    assert wrap("Agence postale communale de Cormeilles-en-Vexin", 14) == [
        "Agence postale",
        "communale de",
        "Cormeilles-en-",
        "Vexin",
    ]
    assert wrap("Cormeilles-en-Vexin", 12) == ["Cormeilles-", "en-Vexin"]
    assert wrap("bureau_de_poste", 10) == ["bureau_de_", "poste"]
    assert wrap("as it is  ", 20) == ["as it is  "]
    assert wrap("a long line that stays whole", None) == ["a long line that stays whole"]


def test_columns_narrow_to_their_words_then_to_parts_of_hyphenated_words() -> None:
    headers = ["jour", "commune"]
    cells = [["vendredi 30/04/2021", "Cormeilles-en-Vexin"]]
    assert column_widths(headers, cells, 40) == [19, 19]
    assert column_widths(headers, cells, 30) == [11, 19]  # words kept whole
    assert column_widths(headers, cells, 21) == [10, 11]  # "Cormeilles-" / "en-Vexin"
    assert column_widths(headers, cells, 16) == [8, 8]  # only then are words cut
    assert column_widths(headers, cells, 1) is None


def test_a_listing_too_wide_is_folded_at_spaces_narrowing_the_widest_columns() -> None:
    columns = (Column("id"), Column("name"), Column("kind"), Column("commune"))
    rows = [
        {"id": "17510A", "name": "Bureau de poste de Vigny", "kind": "bureau_de_poste",
         "commune": "Vigny"},
        {"id": "mairie-grisy", "name": "Mairie de Grisy-les-Plâtres", "kind": "mairie",
         "commune": "Grisy-les-Plâtres"},
    ]  # fmt: skip
    listing = Listing(columns, rows, title="Sites du Val-d'Oise", notes=["2 sites"])
    # 'nom' is the widest column: it narrows, and its cells wrap at spaces.
    assert to_table(listing, "fr", 74) == (
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
    # Narrower than the longest words: hyphenated words break after a hyphen, and no word is
    # cut while the parts fit.
    assert to_table(listing, "fr", 51) == (
        "Sites du Val-d'Oise\n"
        "\n"
        "  id         nom        type              commune\n"
        " " + "─" * 50 + "\n"
        "  17510A     Bureau     bureau_de_poste   Vigny\n"
        "             de poste\n"
        "             de Vigny\n"
        "  mairie-    Mairie     mairie            Grisy-\n"
        "  grisy      de                           les-\n"
        "             Grisy-                       Plâtres\n"
        "             les-\n"
        "             Plâtres\n"
        "\n"
        "2 sites\n"
    )


def test_without_a_width_nothing_is_folded() -> None:
    listing = Listing((Column("name"),), [{"name": "mot " * 100}], title="titre " * 40)
    lines = to_table(listing, "fr", None).splitlines()
    assert lines[0] == ("titre " * 40).rstrip()
    assert lines[-1] == "  " + ("mot " * 100).rstrip()


def test_a_table_with_more_columns_than_the_width_holds_is_left_to_rich() -> None:
    table = _Table("", ["a", "b", "c", "d"], [["1", "2", "3", "4"]], [], "")
    assert table.plain(12) is None
    assert lay_out(title="", headers=table.headers, rows=table.rows, notes=[], empty="",
                   width=12) == table.rich(12)  # fmt: skip


def test_a_long_record_is_folded_without_loading_rich() -> None:
    probe = (
        "import sys\n"
        "from presence_postale.formats.render import Column, Record, render\n"
        "fields = (Column('note'),)\n"
        "text = render(Record(fields, {'note': 'mot ' * 200}), 'table', width=80)\n"
        "assert max(len(line) for line in text.splitlines()) <= 80\n"
        "print('rich' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "False\n"


def test_table_cells_titles_and_notes_are_literal_text() -> None:
    listing = Listing(
        (Column("name"),),
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
    listing = Listing((Column("id"),), [{"id": "x"}], title=title)
    assert to_table(listing, "fr").splitlines()[0] == title
