"""La Poste's contact-point file: encodings, header, row checks, departments from INSEE codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from presence_postale.domain import codes
from presence_postale.errors import InvalidData, Message
from presence_postale.formats import laposte, seed, words
from presence_postale.formats.laposte import ContactPoint, Rejected
from shared_data import LAPOSTE_CSV, needs_shared_data

REAL = LAPOSTE_CSV
HEADER = "#" + ";".join(laposte.COLUMNS)
ROW = (
    "00518A;ST GERAND LE PUY BP;Bureau de Poste;;5 RUE DU COMMERCE;;;03150;ST GERAND LE PUY;"
    "03235;FRANCE;46.257372;3.512178;Géocodé au numéro;3631;46.257372, 3.512178"
)


def rows(path: Path) -> list[ContactPoint | Rejected]:
    handle, _encoding = laposte.open_text(path)
    with handle:
        return list(laposte.read(handle, str(path)))


@pytest.mark.parametrize(
    ("insee", "department"),
    [
        ("03235", "03"),
        ("2A004", "2A"),
        ("2B033", "2B"),
        ("97105", "971"),
        ("97611", "976"),
        ("97502", "975"),
        ("97701", "977"),
        ("99138", "98"),
        ("99130", None),
    ],
)
def test_department_from_insee(insee: str, department: str | None) -> None:
    assert codes.department_of(insee) == department


def test_a_row_is_read_with_its_postcode_as_text() -> None:
    row = laposte.parse_row(2, ROW.split(";"))
    assert isinstance(row, ContactPoint)
    assert (row.id, row.kind, row.postcode, row.department) == (
        "00518A",
        "bureau_de_poste",
        "03150",
        "03",
    )
    assert (row.latitude, row.longitude, row.parent_id, row.address_extra) == (
        46.257372,
        3.512178,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [
        (7, "3150", "Code_postal"),
        (11, "quarante", "Latitude"),
        (12, "200", "Longitude"),
        (2, "Guichet", "Caractéristique_du_site"),
        (9, "3235", "Code_INSEE"),
        (0, "518", "Identifiant_du_site"),
    ],
)
def test_a_bad_cell_rejects_the_row_naming_its_column(column: int, value: str, field: str) -> None:
    cells = ROW.split(";")
    cells[column] = value
    row = laposte.parse_row(7, cells)
    assert isinstance(row, Rejected)
    assert (row.line, row.field) == (7, field)
    assert isinstance(row.reason, Message) and words.say(row.reason)


def test_a_row_without_coordinates_is_kept() -> None:
    cells = ROW.split(";")
    cells[11] = cells[12] = ""
    row = laposte.parse_row(3, cells)
    assert isinstance(row, ContactPoint)
    assert row.latitude is None and row.longitude is None


def test_decimal_commas_of_a_spreadsheet_are_read() -> None:
    cells = ROW.split(";")
    cells[11], cells[12] = "46,257372", "3,512178"
    row = laposte.parse_row(2, cells)
    assert isinstance(row, ContactPoint)
    assert row.latitude == 46.257372


def test_utf8_with_and_without_bom_and_cp1252_read_the_same(tmp_path: Path) -> None:
    text = HEADER + "\r\n" + ROW + "\r\n"
    plain, bom, cp1252 = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    plain.write_bytes(text.encode("utf-8"))
    bom.write_bytes(text.encode("utf-8-sig"))
    cp1252.write_bytes(text.encode("cp1252"))
    assert laposte.detect_encoding(plain) == "utf-8-sig"
    assert laposte.detect_encoding(cp1252) == "cp1252"
    assert rows(plain) == rows(bom) == rows(cp1252)


@needs_shared_data
def test_real_file_rows_are_all_accepted() -> None:
    found = rows(REAL)
    assert len(found) == 17212
    assert not [r for r in found if isinstance(r, Rejected)]
    kinds = {r.kind for r in found if isinstance(r, ContactPoint)}
    assert kinds == {
        "bureau_de_poste",
        "agence_postale_communale",
        "agence_postale_intercommunale",
        "relais_poste_commercant",
        "autre",
    }


def test_text_that_is_neither_utf8_nor_cp1252_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes((HEADER + "\r\n").encode() + b"\x81\x8d\xff;x\r\n")
    with pytest.raises(InvalidData, match="ligne 2 : ni du texte UTF-8 ni du Windows-1252"):
        laposte.detect_encoding(path)


def test_broken_accents_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.csv"
    path.write_text(HEADER.encode("utf-8").decode("cp1252") + "\r\n", encoding="utf-8")
    with pytest.raises(InvalidData, match="les accents sont cassés"):
        rows(path)


def test_another_csv_is_refused_by_its_header(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id;name\r\n1;x\r\n", encoding="utf-8")
    with pytest.raises(
        InvalidData, match="ligne 1 : ce n'est pas la liste des points de contact de La Poste"
    ):
        rows(path)


def test_missing_empty_and_directory_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InvalidData, match="le fichier est vide"):
        rows(empty)
    with pytest.raises(InvalidData, match="fichier introuvable"):
        rows(tmp_path / "missing.csv")
    with pytest.raises(InvalidData, match="c'est un répertoire"):
        rows(tmp_path)


def test_an_input_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    """/dev/zero never ends and a named pipe waits for a writer: an input is a file."""
    import os

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    for path in (Path("/dev/zero"), pipe):
        with pytest.raises(InvalidData, match="ce n'est pas un fichier ordinaire"):
            laposte.open_text(path)
        with pytest.raises(InvalidData, match="ce n'est pas un fichier ordinaire"):
            seed.read_text(path)
