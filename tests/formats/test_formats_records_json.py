"""Records files in JSON: the notes, then each section, one record per line, so that a
change between two exports is a changed line; the values as the json module writes them,
dates as ISO text."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.formats.exports import records_json


def test_each_record_is_one_line_and_the_file_reads_back_as_its_values() -> None:
    sections = {
        "sites": [
            {"id": "17510A", "name": "Vigny « bureau »", "latitude": 49.0791, "staff_count": 0},
            {"id": "x", "labels": [{"label": "france_services", "since": date(2020, 1, 1)}]},
        ],
        "closures": [],
    }
    written = records_json(sections, ("reservations.email",))
    assert written == (
        "{\n"
        '  "version": 1,\n'
        '  "exported": true,\n'
        '  "left_out": ["reservations.email"],\n'
        '  "sites": [\n'
        '    {"id": "17510A", "name": "Vigny « bureau »", "latitude": 49.0791, "staff_count": 0},\n'
        '    {"id": "x", "labels": [{"label": "france_services", "since": "2020-01-01"}]}\n'
        "  ],\n"
        '  "closures": []\n'
        "}\n"
    )
    assert json.loads(written)["sites"][1]["labels"][0]["since"] == "2020-01-01"


def test_times_and_stamps_are_iso_text_and_anything_else_is_refused() -> None:
    stamp = datetime(2026, 11, 28, 9, 30)
    written = json.loads(records_json({"outcomes": [{"at": stamp, "start": time(9, 5)}]}))
    assert written["outcomes"] == [{"at": "2026-11-28T09:30:00", "start": "09:05"}]
    with pytest.raises(TypeError, match="not a records value: set"):
        records_json({"sites": [{"id": {1}}]})


def _nesting(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_nesting(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_nesting(v) for v in value), default=0)
    return 1


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(JSON_VALUES)
def test_the_depth_of_a_json_file_is_measured_as_its_nesting(value: object) -> None:
    """A JSON file nested deeper than the exact reader allows is left to it: the depth is
    measured level by level, and must be the nesting itself (an empty collection 1)."""
    from presence_postale.formats.yaml_reader import _depth

    assert _depth(value) == _nesting(value)


def test_a_json_file_nested_too_deep_is_left_to_the_exact_reader() -> None:
    from presence_postale.formats.yaml_reader import MAX_DEPTH, read_json

    deep: object = 1
    for _ in range(MAX_DEPTH - 2):
        deep = [deep]
    assert read_json(json.dumps({"sites": deep})) == {"sites": deep}
    assert read_json(json.dumps({"sites": [deep]})) is None


def test_a_file_with_the_exact_readers_own_keys_is_left_to_it() -> None:
    """`__line__` and `__lines__` are the keys the exact reader marks mappings with: a file
    that holds them itself is read exactly (which says what is wrong), never fast."""
    from presence_postale.formats import yaml_plain
    from presence_postale.formats.yaml_reader import read_json

    assert read_json('{"sites": [{"id": "a"}]}') == {"sites": [{"id": "a"}]}
    assert read_json('{"sites": [{"id": "a", "__line__": 3}]}') is None
    assert yaml_plain.read("sites:\n  - id: a\n") == {"sites": [{"id": "a"}]}
    assert yaml_plain.read("sites:\n  - id: a\n    __lines__: x\n") is None
    assert yaml_plain.read("__line__: 1\n") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=20))
def test_plain_numbers_read_fast_are_the_numbers_pyyaml_reads(numbers: list[float]) -> None:
    """Coordinates are read without PyYAML's float constructor: the same values, the same
    type, whatever their form (a sign, many digits, an exponent left to PyYAML)."""
    import yaml

    from presence_postale.formats import yaml_plain

    text = "sites:\n" + "".join(
        f"  - id: a{n}\n    latitude: {x!r}\n" for n, x in enumerate(numbers)
    )
    read = yaml_plain.read(text)
    assert read is not None
    expected = yaml.safe_load(text)["sites"]
    assert [(type(row["latitude"]), row["latitude"]) for row in read["sites"]] == [
        (type(row["latitude"]), row["latitude"]) for row in expected
    ]


def _unmarked(value: object) -> object:
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    return value


JSON_READ = st.dictionaries(
    st.text(max_size=3),
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),  # json's Infinity is no JSON
        st.integers(),
        st.text(),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(JSON_READ)
def test_the_exact_reader_reads_json_as_the_json_module(values: dict[str, object]) -> None:
    """A JSON file is read again exactly to name a problem's line, and `init --seed` reads it
    so: the same values as the json module's, as json writes them (`1e-05`; non-ASCII
    characters escaped, `\\ud83d\\ude00` for an emoji, or as they are: NEL, DEL), not YAML's."""
    from presence_postale.formats.yaml_reader import read

    for ascii_only in (True, False):
        text = json.dumps({"sites": [values]}, ensure_ascii=ascii_only)
        assert _unmarked(read(text, "x.json")) == json.loads(text)


def test_a_yaml_file_keeps_yaml_s_numbers() -> None:
    from presence_postale.formats.yaml_reader import read

    assert _unmarked(read("note: 1e3\nlatitude: 5.0e-05\n", "x.yaml")) == {
        "note": "1e3",
        "latitude": 5e-05,
    }
