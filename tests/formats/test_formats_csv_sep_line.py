"""A `sep=` first line, as a French Excel writes it, in every CSV the tool reads: the separator
it names is honoured, and every line keeps its number in the file; a `sep=` naming another
separator is refused on line 1."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from presence_postale.errors import InvalidData
from presence_postale.formats import communes, laposte, words
from presence_postale.formats import france_services as fs
from presence_postale.formats.exports import read_records_csv
from presence_postale.formats.laposte import ContactPoint, Rejected
from refusals import refused
from shared_data import FRANCE_SERVICES_CSV, needs_shared_data

LAPOSTE_ROW = [
    "00518A", "ST GERAND LE PUY BP", "Bureau de Poste", "", "5 RUE DU COMMERCE", "", "",
    "03150", "ST GERAND LE PUY", "03235", "FRANCE", "46.257372", "3.512178",
    "Géocodé au numéro", "3631", "46.257372, 3.512178",
]  # fmt: skip
COMMUNE = ["95287", "Grisy-les-Plâtres", "COM", "95", "696", "49.130719", "2.050361", "mairie"]
SEP_LINES = [("sep=;", ";"), ("sep=,", ","), ("sep=\t", "\t"), ('"sep=;";;;', ";"), ("SEP=;", ";")]


def said(error: InvalidData) -> str:
    return words.say(error.message, "fr")


def write(path: Path, first: str | None, rows: list[list[str]], separator: str) -> Path:
    text = io.StringIO()
    csv.writer(text, delimiter=separator, lineterminator="\r\n").writerows(rows)
    path.write_text((f"{first}\r\n" if first else "") + text.getvalue(), encoding="utf-8")
    return path


def laposte_rows(path: Path) -> list[ContactPoint | Rejected]:
    handle, _encoding = laposte.open_text(path)
    with handle:
        return list(laposte.read(handle, str(path)))


@pytest.mark.parametrize(("first", "separator"), SEP_LINES)
def test_records_csv_takes_the_separator_the_first_line_names(
    tmp_path: Path, first: str, separator: str
) -> None:
    rows = [["id", "name", "role"], ["a-1", "Camille; Martin", "mediateur_numerique"]]
    records = read_records_csv(write(tmp_path / "a.csv", first, rows, separator), "agents")
    (item,) = records.sections["agents"]
    assert (item.line, item.values["name"]) == (3, "Camille; Martin")


def test_records_csv_names_the_real_line_after_a_sep_line(tmp_path: Path) -> None:
    rows = [["id", "name", "role", "weekly_hours"], ["a-1", "Camille", "mediateur_numerique", "x"]]
    path = write(tmp_path / "a.csv", "sep=;", rows, ";")
    with refused(InvalidData, match=r"ligne 3 : agents\[0\]\.weekly_hours"):
        read_records_csv(path, "agents")
    path = write(tmp_path / "b.csv", "sep=;", [["id", "name", "role", "nom"]], ";")
    with refused(InvalidData, match=r"b\.csv : ligne 2 : .*nom"):
        read_records_csv(path, "agents")


@pytest.mark.parametrize("first", ["sep=|", "sep=", "sep=;,", "sep=ab"])
def test_another_separator_is_refused_on_line_1(tmp_path: Path, first: str) -> None:
    path = write(tmp_path / "a.csv", first, [["id", "name", "role"]], ";")
    with pytest.raises(InvalidData) as caught:
        read_records_csv(path, "agents")
    text = said(caught.value)
    assert text.startswith(f"{path} : ligne 1 : la première ligne « {first} »")
    assert "\n" not in text
    with pytest.raises(InvalidData) as again:
        laposte_rows(write(tmp_path / "p.csv", first, [list(laposte.COLUMNS)], ";"))
    assert said(again.value).endswith(text.split(" : ", 1)[1])


@pytest.mark.parametrize(("first", "separator"), SEP_LINES)
def test_laposte_file_takes_the_separator_the_first_line_names(
    tmp_path: Path, first: str, separator: str
) -> None:
    bad = [*LAPOSTE_ROW[:7], "3150", *LAPOSTE_ROW[8:]]  # a postcode of 4 digits
    path = write(tmp_path / "p.csv", first, [list(laposte.COLUMNS), LAPOSTE_ROW, bad], separator)
    point, rejected = laposte_rows(path)
    assert isinstance(point, ContactPoint) and point.line == 3 and point.id == "00518A"
    assert isinstance(rejected, Rejected) and rejected.line == 4


def test_laposte_header_refused_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "sep=;", [["a", "b"], LAPOSTE_ROW], ";")
    with refused(InvalidData, match=r"p\.csv : ligne 2 : "):
        laposte_rows(path)


def test_communes_file_takes_the_separator_the_first_line_names() -> None:
    header = [*communes.COLUMNS]
    text = "sep=;\n" + ";".join(header) + "\n" + ";".join(COMMUNE[: len(header)]) + "\n"
    (row,) = list(communes.read(io.StringIO(text), "c.csv", town_halls=False))
    assert isinstance(row, communes.CommuneRow) and row.insee_code == "95287"
    with refused(InvalidData, match=r"c\.csv : ligne 1 : la première ligne « sep=: »"):
        list(communes.read(io.StringIO("sep=:\n" + text[6:]), "c.csv", town_halls=False))


def test_france_services_header_refused_on_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path / "fs.csv", "sep=,", [["a", "b"], ["1", "2"]], ",")
    handle, _encoding = laposte.open_text(path)
    with handle, refused(InvalidData, match=r"fs\.csv : ligne 2 : ce n'est pas la liste ANCT"):
        list(fs.read(handle, str(path)))


@needs_shared_data
def test_france_services_file_takes_the_separator_the_first_line_names(tmp_path: Path) -> None:
    with FRANCE_SERVICES_CSV.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header, row = next(reader), next(reader)
    (expected,) = list(fs.read(io.StringIO(_joined([header, row], ",")), "fs.csv"))
    path = write(tmp_path / "fs.csv", "sep=;", [header, row], ";")
    handle, _encoding = laposte.open_text(path)
    with handle:
        assert list(fs.read(handle, str(path))) == [replace(expected, line=3)]


def _joined(rows: list[list[str]], separator: str) -> str:
    text = io.StringIO()
    csv.writer(text, delimiter=separator).writerows(rows)
    return text.getvalue()
