"""The records (seed) YAML schema: the bundled seed parses; every malformed file is refused with
an InvalidData naming the line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.errors import InvalidData
from presence_postale.formats import seed

VALID = """\
version: 1
departments:
  - {code: "95", name: Val-d'Oise}
operators:
  - {code: laposte, name: La Poste}
sites:
  - id: "17510A"
    name: Bureau de poste de Vigny
    kind: bureau_de_poste
    postcode: "95450"
    department: "95"
    latitude: 49.077425
    longitude: 1.927508
    staff_count: 2
    labels:
      - {label: france_services, since: 2020-01-01}
    operators: [laposte]
programmes:
  - code: vigny-2021
    title: Vigny
    model: france_services_mobilite
    start: 2021-04-27
    status: running
permanences:
  - programme: vigny-2021
    site: "17510A"
    rrule: "FREQ=WEEKLY;BYDAY=TU"
    start: "09:00"
    end: "12:00"
    valid_from: 2021-04-27
"""


def _line_of(text: str, line: str) -> int:
    """The 1-based number of the line that reads exactly `line`."""
    return text.splitlines().index(line) + 1


def _replace(old: str, new: str) -> str:
    assert VALID.count(old) == 1
    return VALID.replace(old, new)


def _write(tmp_path: Path, content: str | bytes, name: str = "records.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# ---- the bundled seed -----------------------------------------------------------------------


def test_bundled_seed_is_a_package_resource() -> None:
    resource = resources.files("presence_postale") / "data" / "seed.yaml"
    assert resource.is_file()
    assert seed.bundled_seed().exists()
    assert seed.bundled_seed().read_bytes() == resource.read_bytes()


def test_bundled_seed_parses_with_every_section() -> None:
    records = seed.load(seed.bundled_seed())
    sizes = {name: len(items) for name, items in records}
    # The records of a department as first described; what happens to them later (absences,
    # changed occurrences, outcomes, waiting lists, notices) is written by the commands.
    assert list(sizes) == [
        "departments",
        "operators",
        "sites",
        "closures",
        "agents",
        "programmes",
        "permanences",
        "spaces",
        "reservations",
        "mediation_sessions",
    ]
    assert [name for name in seed.SECTIONS if name in sizes] == list(sizes)
    assert sizes["departments"] == 105
    assert sizes["operators"] == 10
    assert sizes["sites"] == 18
    assert sizes["agents"] == 5
    assert sizes["programmes"] == 6
    assert sizes["permanences"] == 5
    assert sizes["spaces"] == 1
    assert records.count() == sum(sizes.values())


def test_bundled_seed_values_have_their_types() -> None:
    records = seed.load(seed.bundled_seed())
    vigny = next(item for item in records.sections["sites"] if item.values["id"] == "17510A")
    assert vigny.values["latitude"] == pytest.approx(49.077425)
    assert vigny.values["staff_count"] is None  # no source gives it (issue 21)
    assert vigny.values["labels"] == [
        {"label": "france_services", "since": date(2020, 1, 1), "detail": None}
    ]
    # Postcodes and codes stay text, with their leading zero.
    serres = next(item for item in records.sections["sites"] if item.values["id"] == "00742A")
    assert serres.values["postcode"] == "05700"
    grisy = records.sections["permanences"][0]
    assert grisy.values["start"] == time(9, 0)
    assert grisy.values["valid_from"] == date(2021, 4, 27)


def test_valid_file_keeps_the_line_of_each_field(tmp_path: Path) -> None:
    records = seed.load(_write(tmp_path, VALID))
    site = records.sections["sites"][0]
    assert site.line == _line_of(VALID, '  - id: "17510A"')
    assert site.lines["staff_count"] == _line_of(VALID, "    staff_count: 2")
    assert site.values["labels"][0]["since"] == date(2020, 1, 1)
    assert site.values["postcode"] == "95450"


# ---- malformed files: each error names the line --------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "    latitude: 49.077425",
            "    latitude: abc",
            "latitude : un nombre est attendu, et non « abc »",
        ),
        (
            "    staff_count: 2",
            "    staff_count: two",
            "staff_count : un nombre entier est attendu, et non « two »",
        ),
        # YAML 1.1 reads an unquoted 12:00 or 9:00 as a base-60 number (720, 540).
        (
            '    end: "12:00"',
            "    end: 12:00",
            "end : une heure entre guillemets « HH:MM » est attendue, et non le nombre",
        ),
        ('    start: "09:00"', "    start: 9:00", "start : une heure entre guillemets"),
        (
            '    end: "12:00"',
            '    end: "noon"',
            "end : une heure « HH:MM » est attendue, et non « noon »",
        ),
        ('    postcode: "95450"', "    postcode: 95450", "un code entre guillemets est attendu"),
        ("    start: 2021-04-27", "    start: 27/04/2021", "une date AAAA-MM-JJ est attendue"),
        ("    staff_count: 2", "    colour: blue", "colour : champ inconnu"),
        ("    operators: [laposte]", "    operators: laposte", "une liste est attendue"),
        ("    name: Bureau de poste de Vigny", "    name: Bureau: de poste", "mal placé"),
    ],
    ids=[
        "float",
        "int",
        "unquoted-time",
        "unquoted-short-time",
        "bad-time",
        "numeric-code",
        "bad-date",
        "unknown-field",
        "not-a-list",
        "malformed-yaml",
    ],
)
def test_wrong_value_names_its_line(tmp_path: Path, old: str, new: str, reason: str) -> None:
    text = _replace(old, new)
    line = _line_of(text, new)
    path = _write(tmp_path, text)

    with pytest.raises(InvalidData) as caught:
        seed.load(path)

    message = str(caught.value)
    assert message.startswith(f"{path} : ligne {line} : ")
    assert reason in message
    assert "\n" not in message


def test_unquoted_time_with_leading_zero_is_text_and_reads_as_a_time(tmp_path: Path) -> None:
    # 09:00 is no base-60 number in YAML 1.1 (a leading zero): it stays the text "09:00".
    records = seed.load(_write(tmp_path, _replace('    start: "09:00"', "    start: 09:00")))
    assert records.sections["permanences"][0].values["start"] == time(9, 0)


def test_unknown_section_names_its_line(tmp_path: Path) -> None:
    text = VALID + "widgets:\n  - {id: w}\n"
    path = _write(tmp_path, text)
    with pytest.raises(
        InvalidData, match=rf"ligne {_line_of(text, 'widgets:')} : section « widgets » inconnue"
    ):
        seed.load(path)


def test_missing_required_field_names_the_record_line(tmp_path: Path) -> None:
    text = _replace("    kind: bureau_de_poste\n", "")
    line = _line_of(text, '  - id: "17510A"')
    with pytest.raises(InvalidData, match=rf"ligne {line} : sites\[0\] : kind manque"):
        seed.load(_write(tmp_path, text))


def test_duplicate_key_names_its_line(tmp_path: Path) -> None:
    text = _replace("    staff_count: 2\n", "    staff_count: 2\n    staff_count: 3\n")
    with pytest.raises(
        InvalidData,
        match=rf"ligne {_line_of(text, '    staff_count: 3')} : clé « staff_count » en double",
    ):
        seed.load(_write(tmp_path, text))


def test_unsupported_version_names_its_line(tmp_path: Path) -> None:
    text = _replace("version: 1", "version: 2")
    with pytest.raises(InvalidData, match="ligne 1 : la version 2 n'est pas prise en charge"):
        seed.load(_write(tmp_path, text))


@pytest.mark.parametrize("value", ['"true"', "1", "null", "2021-01-01"])
@pytest.mark.parametrize("exact", [True, False])
def test_exported_is_true_or_false_and_nothing_else(
    tmp_path: Path, value: str, exact: bool
) -> None:
    """`exported: "true"` was taken for a hand-written file: its records replaced the stored
    ones where they should have been compared as another database's."""
    path = _write(tmp_path, f"version: 1\nexported: {value}\nsites: []\n")
    shown = {'"true"': '"true"', "1": "1", "null": "null", "2021-01-01": '"2021-01-01"'}[value]
    with pytest.raises(InvalidData, match=f"ligne 2 : exported vaut {shown} : true"):
        seed.load(path, exact=exact)
    assert seed.load(_write(tmp_path, "exported: true\nsites: []\n")).sections == {"sites": []}


def test_non_utf8_bytes_name_their_line(tmp_path: Path) -> None:
    # A Windows-1252 file: "Mairie de Grisy-les-Plâtres" with â as byte 0xE2.
    text = _replace("    name: Bureau de poste de Vigny", "    name: Mairie de Grisy-les-Plâtres")
    line = _line_of(text, "    name: Mairie de Grisy-les-Plâtres")
    path = _write(tmp_path, text.encode("cp1252"))
    with pytest.raises(InvalidData, match=rf"ligne {line} : ce n'est pas de l'UTF-8"):
        seed.load(path)


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x7f", "\ufffe"])
@pytest.mark.parametrize("exact", [True, False])
def test_a_character_no_text_holds_names_its_line(
    tmp_path: Path, character: str, exact: bool
) -> None:
    text = _replace("    name: Bureau de poste de Vigny", f"    name: Bureau{character} de Vigny")
    line = _line_of(text, f"    name: Bureau{character} de Vigny")
    assert line > 1
    path = _write(tmp_path, text.encode("utf-8"))
    with pytest.raises(InvalidData, match=rf"ligne {line} : un caractère qui ne peut pas"):
        seed.load(path, exact=exact)


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    assert len(seed.load(path).sections["sites"]) == 1


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "")
    with pytest.raises(InvalidData, match="le fichier est vide"):
        seed.load(path)


def test_comment_only_file_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "# nothing here\n")
    with pytest.raises(InvalidData, match="le fichier est vide"):
        seed.load(path)


def test_top_level_list_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "- a\n- b\n")
    with pytest.raises(InvalidData, match=r"des sections .* sont attendues"):
        seed.load(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="c'est un répertoire"):
        seed.load(tmp_path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="fichier introuvable"):
        seed.load(tmp_path / "absent.yaml")


def test_json_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, '{"departments": [{"code": "03", "name": "Allier"}]}', "r.json")
    records = seed.load(path)
    assert records.sections["departments"][0].values == {"code": "03", "name": "Allier"}


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("version: 1\nsites:\n  - id: X1\n    staff_count: " + "9" * 5000 + "\n", 5000),
        ('{"version": 1, "sites": [{"latitude": -' + "1" * 4400 + "}]}", 4400),
    ],
)
def test_a_whole_number_too_long_for_python_is_refused_naming_its_line(
    text: str, digits: int
) -> None:
    """Python's int() refuses more than 4,300 digits with its own words; the file is refused
    in the tool's, on the number's line."""
    with pytest.raises(
        InvalidData, match=f"ligne [0-9]+ : un nombre de {digits} chiffres"
    ) as caught:
        seed.parse(text, "records.yaml")
    assert "set_int_max_str_digits" not in str(caught.value)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(max_size=20),
        st.text(st.sampled_from(" \u00a0\u2003\t\n\x07\x1fAé'"), max_size=8),
        st.sampled_from(["x" * 2000, "x" * 2001, " x", "x ", ""]),
        st.integers(),
        st.floats(),
        st.booleans(),
    )
)
def test_the_quick_way_through_a_text_gives_what_every_check_gives(value: object) -> None:
    """A plain text is taken as it is in one pass: exactly what the whole check gives, and
    never a value it refuses."""
    from presence_postale.errors import BadValue
    from presence_postale.formats import seed_values

    def outcome(check: Callable[[object], str]) -> object:
        try:
            return check(value)
        except BadValue as error:
            return ("refused", str(error.message.key))

    assert outcome(seed_values.text) == outcome(seed_values._checked_text)
