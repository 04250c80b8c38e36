"""Records files in YAML read back identical in PyYAML (YAML 1.1) and in ruamel.yaml (YAML 1.2,
as js-yaml and most other readers): codes with leading zeros, `no`, `on`, `1e3` stay text;
dates stay dates, booleans booleans, numbers numbers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from presence_postale.formats.exports import records_yaml

TRICKY = [
    "08", "08450", "0032", "no", "No", "on", "off", "yes", "y", "n", "1e3", "1E3", "1e-3",
    "0.5e3", "0o17", "0x1F", "0b101", "1_000", "null", "Null", "~", "true", "True", ".inf",
    "-.inf", ".nan", "NaN", "1.5", "+1", "-2", "010", "12:30", "09:00", "2021-04-27",
    "2021-04-26T16:00:01", "2021-04-26 16:00", "=", "<<", "a: b", "- x", "#x", "'", '"',
    "...", "... et la suite", "---", "--- x",  # the end and start of a document, to PyYAML
]  # fmt: skip


def both(text: str) -> tuple[Any, Any]:
    return yaml.safe_load(text), YAML(typ="safe", pure=True).load(text)


def test_tricky_texts_stay_texts_in_both_readers() -> None:
    rows = [{"code": value, "name": value} for value in TRICKY]
    py, ruamel = both(records_yaml({"departments": rows}))
    assert py == ruamel
    assert py["departments"] == rows


def test_dates_booleans_and_numbers_keep_their_types_in_both_readers() -> None:
    row = {
        "id": "00518A",
        "postcode": "03150",
        "staff_count": 2,
        "latitude": 46.25,
        "illustrative": True,
        "labels": [{"label": "france_services", "since": date(2020, 1, 1)}],
    }
    py, ruamel = both(records_yaml({"sites": [row]}))
    assert py == ruamel
    assert py["sites"] == [row]


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
VALUE = st.one_of(
    TEXT,
    st.integers(-(10**9), 10**9),
    st.booleans(),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), VALUE), max_size=4))
def test_any_values_read_back_identical_in_both_readers(rows: list[dict[str, Any]]) -> None:
    py, ruamel = both(records_yaml({"notes": rows}))
    assert py == ruamel
    assert py.get("notes", []) == rows


def test_libyaml_reads_a_records_file_as_pyyaml_does_lines_included() -> None:
    """A file without flow collections, anchors or deep indentation is parsed by libyaml:
    the same values and the same lines as PyYAML's own parser gives."""
    from presence_postale.formats import yaml_reader

    site = {
        "id": "00518A",
        "name": "Saint-Gérand-le-Puy",
        "staff_count": 2,
        "illustrative": True,
        "labels": [{"label": "france_services", "since": date(2020, 1, 1)}, "ilot_numerique"],
    }
    text = records_yaml(
        {"departments": [{"code": value, "name": value} for value in TRICKY], "sites": [site]}
    )
    fast = yaml_reader._fast(text)
    assert fast is not None
    assert fast == yaml.load(text, Loader=yaml_reader._LineLoader)


def test_flow_collections_and_aliases_go_to_pyyamls_parser() -> None:
    from presence_postale.formats import yaml_reader

    for text in ("a: [1, 2]\n", "a: &x 1\nb: *x\n", "a: {b: 1}\n"):
        assert yaml_reader._fast(text) is None


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!python/object:os.system x", "!!python/object:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!!int '5'", "!!int"),
        ("!local x", "!local"),
        ("!!timestamp 2021-05-03", "!!timestamp"),
    ],
)
def test_a_tag_is_refused_naming_it_and_its_line(value: str, written: str) -> None:
    from presence_postale.errors import InvalidData
    from presence_postale.formats import words, yaml_reader

    text = f"version: 1\nsites:\n  - id: X1\n    name: {value}\n    kind: mairie\n"
    with pytest.raises(InvalidData) as refused:
        yaml_reader.read(text, "f.yaml")
    said = words.say(refused.value.message, "fr")
    assert said.startswith(f"f.yaml : ligne 4 : étiquette YAML {written} : "), said


def test_text_tagged_as_text_and_a_bang_in_a_value_are_read() -> None:
    from presence_postale.formats import yaml_reader

    text = "a: !!str 0123\nb: Bonjour !\nc:\n  - x!\n"
    assert {k: v for k, v in yaml_reader.read(text, "f.yaml").items() if k[0] != "_"} == {
        "a": "0123",
        "b": "Bonjour !",
        "c": ["x!"],
    }


# ---- the writer's own plain records: the bytes PyYAML writes ----------------------------------


def pyyaml_bytes(sections: dict[str, list[dict[str, Any]]], left_out: tuple[str, ...] = ()) -> str:
    from presence_postale.formats import records_yaml as writer

    return writer.HEADER + writer.dump({**writer.notes(left_out), **sections})


def test_plain_records_are_written_as_pyyaml_writes_them() -> None:
    rows = [{"code": value, "name": value} for value in TRICKY]
    sites = [
        {
            "id": "00518A",
            "name": "Bureau de poste d'Aubiet, place de l'Église",
            "latitude": 46.25,
            "longitude": -1e-05,
            "staff_count": 2,
            "illustrative": True,
            "opening_hours": "Mo,Tu 09:00-12:00; We off",
            "labels": [{"label": "france_services", "since": date(2020, 1, 1)}, "msap"],
            "equipment": ["wifi", "printer"],
            "note": "x" * 95,
            "counts": {"18-24": 2, "25-39": 0},
        },
        {"id": "1", "name": " leading", "note": "a: b # c", "empty": [], "nothing": None},
    ]
    sections = {"departments": rows, "sites": sites, "closures": []}
    assert records_yaml(sections, ("email",)) == pyyaml_bytes(sections, ("email",))


def test_the_bundled_seed_is_written_as_pyyaml_writes_it() -> None:
    from presence_postale.formats.seed import bundled_seed

    document = yaml.safe_load(bundled_seed().read_text(encoding="utf-8"))
    sections = {name: rows for name, rows in document.items() if isinstance(rows, list)}
    assert records_yaml(sections) == pyyaml_bytes(sections)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), VALUE), max_size=4))
def test_any_values_are_written_as_pyyaml_writes_them(rows: list[dict[str, Any]]) -> None:
    assert records_yaml({"notes": rows}) == pyyaml_bytes({"notes": rows})


@pytest.mark.slow
def test_a_national_size_export_is_written_as_pyyaml_writes_it() -> None:
    sites = [
        {
            "id": f"{n:05d}A",
            "name": f"Bureau de poste n° {n}",
            "kind": "bureau_de_poste",
            "postcode": f"{n % 96000:05d}",
            "latitude": 40 + n / 3001,
            "longitude": -5 + n / 1777,
            "phone": "3631",
            "opening_hours": "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
            "source": "laposte",
        }
        for n in range(20_000)
    ]
    versions = [
        {"site": f"{n:05d}A", "label": "france_services", "from": date(2021, 1, 1 + n % 28),
         "detail": "Fixe", "recorded_at": "2026-11-28T13:50:12+00:00"}
        for n in range(3_000)
    ]  # fmt: skip
    sections = {"sites": sites, "label_versions": versions}
    assert records_yaml(sections) == pyyaml_bytes(sections)


# ---- reading without lines: the values the exact reader gives ---------------------------------


def without_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [without_lines(v) for v in value]
    return value


def read_alike(text: str) -> None:
    """The plain reader reads `text` (it does not leave it to the exact one), as it does."""
    from presence_postale.formats import yaml_plain, yaml_reader

    plain = yaml_plain.read(text)
    assert plain is not None
    assert without_lines(plain) == without_lines(yaml_reader.read(text, "test"))


def test_the_plain_reader_reads_tricky_texts_as_the_exact_reader() -> None:
    rows = [{"code": value, "name": value} for value in TRICKY]
    long = "Serres : lieu de la réunion du 26 janvier 2018 entre les personnels des 5 MSAP " * 3
    sites = [
        {
            "id": "00518A",
            "name": "Saint-Gérand-le-Puy\xa0» l'été",
            "latitude": 46.25,
            "longitude": -1e-05,
            "staff_count": 2,
            "illustrative": True,
            "labels": [{"label": "france_services", "since": date(2020, 1, 1)}, "msap"],
            "equipment": ["wifi", "printer"],
            "note": long,
            "opening_hours": "Mo-Fr 09:00-12:00; " * 8,
            "counts": {"18-24": 2, "25-39": 0},
        }
    ]
    read_alike(records_yaml({"departments": rows, "sites": sites, "closures": []}))
    read_alike("version: 1\nsites:\n  - id: '1'\n    start: 09:00\n    staff_count: 0o17\n")


def test_the_plain_reader_reads_the_bundled_seed_as_the_exact_reader() -> None:
    from presence_postale.formats.seed import bundled_seed

    document = yaml.safe_load(bundled_seed().read_text(encoding="utf-8"))
    sections = {name: rows for name, rows in document.items() if isinstance(rows, list)}
    read_alike(records_yaml(sections))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), VALUE), max_size=4))
def test_the_plain_reader_reads_any_values_as_the_exact_reader(rows: list[dict[str, Any]]) -> None:
    from presence_postale.formats import yaml_plain, yaml_reader

    text = records_yaml({"notes": rows})
    plain = yaml_plain.read(text)
    if plain is not None:  # else left to the exact reader
        assert without_lines(plain) == without_lines(yaml_reader.read(text, "test"))


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2]\n",
        "a: {b: 1}\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        'a: "quoted"\n',
        "a: |\n  block\n",
        "a: 1 # comment\n",
        "a: 1\na: 2\n",
        "a:\n- 1\n",
        "a: x\n\n  y\n",
        "a: x\n# c\n  y\n",
        "a:\tb\n",
        "a: 2021-02-30\n",
        "a: =\n",
        "- a\n",
        "a: 'open\n",
        "a: b: c\n",
        "  a: 1\n",
    ],
)
def test_the_plain_reader_leaves_anything_else_to_the_exact_reader(text: str) -> None:
    from presence_postale.formats import yaml_plain

    assert yaml_plain.read(text) is None


@pytest.mark.slow
def test_the_plain_reader_reads_a_national_size_export_as_the_exact_reader() -> None:
    sites = [
        {
            "id": f"{n:05d}A",
            "name": f"Bureau de poste n° {n}",
            "postcode": f"{n % 96000:05d}",
            "latitude": 40 + n / 3001,
            "opening_hours": "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00" + "; PH off" * (n % 9),
            "note": "Serres : lieu de réunion" * (n % 7),
            "labels": [{"label": "france_services", "since": date(2020, 1, 1 + n % 28)}],
        }
        for n in range(20_000)
    ]
    read_alike(records_yaml({"sites": sites}))
