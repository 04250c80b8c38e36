"""The plain reader gives, for every text, either exactly the values the exact reader gives
(same types: `True` is not `1`, a date not a datetime) or None: never a wrong value, never an
error of its own."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.errors import InvalidData
from presence_postale.formats import yaml_plain, yaml_reader
from presence_postale.formats.exports import records_yaml
from presence_postale.formats.yaml_reader import MAX_DEPTH
from shared_data import FRANCE_SERVICES_CSV, LAPOSTE_CSV, needs_shared_data

MARKS = ("__line__", "__lines__")


def assert_same(plain: Any, exact: Any, where: str = "") -> None:
    """`plain` (read without lines) holds what `exact` holds: same keys in the same order,
    same types, same values."""
    assert type(plain) is type(exact), f"{where}: {plain!r} / {exact!r}"
    if isinstance(plain, dict):
        assert not set(MARKS) & set(plain), where  # read fast: no lines
        keys = [(type(k), k) for k in plain if k not in MARKS]
        assert keys == [(type(k), k) for k in exact if k not in MARKS], where
        for key in plain:
            if key not in MARKS:
                assert_same(plain[key], exact[key], f"{where}.{key}")
    elif isinstance(plain, list):
        assert len(plain) == len(exact), where
        for n, (mine, theirs) in enumerate(zip(plain, exact, strict=True)):
            assert_same(mine, theirs, f"{where}[{n}]")
    elif isinstance(plain, float) and math.isnan(plain):
        assert math.isnan(exact), where
    else:
        assert plain == exact, f"{where}: {plain!r} / {exact!r}"


def read_alike_or_refused(text: str) -> Any:
    """The plain reader's answer, after checking it against the exact reader's."""
    plain = yaml_plain.read(text)
    if plain is not None:
        assert_same(plain, yaml_reader.read(text, "test"))
    return plain


def test_values_of_the_same_look_but_another_type_differ() -> None:
    for plain, exact in ((True, 1), (1, 1.0), (date(2020, 1, 1), "2020-01-01")):
        with pytest.raises(AssertionError):
            assert_same(plain, exact)


def test_the_bundled_seed_as_shipped_is_read_alike_or_refused() -> None:
    from presence_postale.formats.seed import bundled_seed

    read_alike_or_refused(bundled_seed().read_text(encoding="utf-8"))


def deep_lists(levels: int) -> str:
    """Lists of mappings in lists of mappings: two levels of nesting each time."""
    lines = ["a:"] + [" " * (4 * n + 2) + "- b:" for n in range(levels)]
    return "\n".join(lines) + "\n" + " " * (4 * levels + 2) + "- c: 1\n"


DEEP = "\n".join(" " * (2 * n) + f"k{n}:" for n in range(MAX_DEPTH + 2))
HOSTILE = [
    # keys
    "a b: 1\n", "a$: 1\n", "é: 1\n", "-a: 1\n", ".a: 1\n", "a.b-c_d: 1\n", "a:b\n",
    "'a': 1\n", "a : 1\n", "1: x\n2: y\n", "true: x\n", "null: x\n", "1.5: x\n",
    "2021-01-01: x\n", "1: a\n01: b\n", "1: a\n0x1: b\n", "y: 1\nY: 2\n", "k" * 3000 + ": 1\n",
    # values on their line
    "a: \n", "a: 'it''s'\n", "a: 'a\n", "a: 'x: y'\n", "a: 'x # y'\n", "a: x#y\n",
    "a: x # y\n", "a: #x\n", "a: 'x'y'\n", "a: ''\n", "a: ''''\n", "a: x:\n", "a: x:y\n",
    "a: -\n", "a: - x\n", "a: -x\n", "a: --x\n", "a: []\n", "a: {}\n", "a: [ ]\n",
    "a: !x 1\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: |x\n", "a: >x\n", "a: ?x\n",
    "a: <<\n", "a: 1_000\n", "a: 0x_1F\n", "a: 1:20\n", "a: 190:20:30.15\n", "a: .inf\n",
    "a: -.inf\n", "a: .NaN\n", "a: ~\n", "a: Null\n", "a: NO\n", "a: 0o17\n", "a: 017\n",
    "a: 2021-04-26T16:00:01+02:00\n", "a: 2001-12-14 21:59:43.10 -5\n", "a: 2021-2-3\n",
    "a: 99999999999999999999\n", "a: " + "9" * 5000 + "\n", "a: 1e3\n", "a: 1.0e+3\n",
    "a: " + "x " * 5000 + "y\n", "a: é\xa0» l'été\n", "a: \xa0\n", "a: x\xa0\n",
    "a: \U0001f600\n", "a: \u2028\n", "a: \x85\n", "a: \ufeff\n", "a: \x00\n",
    # several lines
    "a: x \n  y\n", "a: x\n  y \n", "a: x\n  - y\n", "a: x\n  b: y\n", "a: 'x\n  b: y'\n",
    "a: 'x\n\n  y'\n", "a: x\n  #y\n", "a: x\n    y\n  z\n", "a: 'x'\n  'y'\n",
    "a: 'it''s\n  fine'\n", "a: x\n  'y'\n", "a: []\n  x\n", "a: {}\n  x\n", "a: x\n y\n",
    "a: 1\nb:\n  c: 2\n d: 3\n", "a:\n  b:\n    c:\n", "a:\n  b: 1\n   c: 2\n",
    "a: x\n b: y\n", "a:\n b: 1\n",
    # lists
    "a:\n  - - 1\n", "a:\n  -\n    - 1\n", "a:\n   - 1\n  - 2\n", "a:\n  - 1\n   - 2\n",
    "a:\n  - b: 1\n   c: 2\n", "a:\n  - b: 1\n     c: 2\n", "a:\n  - b: 1\n    c: 2\n  d: 3\n",
    "a:\n  - x\n  y\n", "a:\n  - x\n    - y\n", "a:\n  - x\n  -\n", "a:\n  -x\n",
    "a:\n  - 'x\n    y'\n", "a:\n  - x\n    y\n", "a:\n  - []\n  - {}\n", "a:\n  - b:\n  - c\n",
    "a:\n  - b:\n      - c\n    d: 1\n", "a:\n  - b: 1\n    b: 2\n",
    "a:\n  - b: 1\n    c: 2\n  - b: 1\n    b: 2\n", "a:\n  - b: 1\n    c: 2\n  - c: 1\n    c: 2\n",
    "a:\n  - b: 1\n  - b: 1\n    b: x\n    c: 2\n", "a:\n  - b: 1\n    c: x\n      y\n  - b: 2\n",
    "a:\n  - b: 1\n    c: 2\n  - b: 3\n    c:\n      - d: 4\n        e: 5\n",
    "a:\n- 1\n", "a:\n  - 1\nb: 2\n  - 3\n",
    "n:\n  - a:\n      - a: 1\n  - a: []\ns:\n  - a:\n      - a: 1\n  - a: []\n",
    # line ends, marks, headings, blank and comment lines
    "a: 1\r\nb: 2\r\n", "a: 1\rb: 2\n", "\ufeffa: 1\n", "a:\t1\n", "a: 1\t\n", "\ta: 1\n",
    "a: 1\n  \n", "a: 1\n\n\n", "# c\n\na: 1\n", "  # c\na: 1\n", "a: 1\n# end\n",
    "a: 1\n\xa0\n", "---\na: 1\n", "a: 1\n...\n", "? a\n: 1\n", "", "\n", "# only\n",
    "a: 1", "a: 1 ", " a: 1\n", "a:", "- a\n- b\n",
    # nesting
    DEEP, DEEP.replace(f"k{MAX_DEPTH + 1}:", "x: 1"),
    "\n".join(" " * (2 * n) + f"k{n}:" for n in range(MAX_DEPTH - 1)) + " 1\n",
    "\n".join(" " * (2 * n) + f"k{n}:" for n in range(MAX_DEPTH)) + " 1\n",
    "\n".join(" " * (2 * n) + f"k{n}:" for n in range(MAX_DEPTH + 1)) + " 1\n",
    *(deep_lists(n) for n in range(MAX_DEPTH // 2 - 2, MAX_DEPTH // 2 + 2)),
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_is_read_alike_or_refused(text: str) -> None:
    read_alike_or_refused(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: \n",  # once an IndexError out of the reader
        "a: x \n  y\n",  # once 'x  y' (YAML folds the line's trailing spaces away)
        "a: 1\n\xa0\n",  # once read, though the exact reader refuses it
        "a:\n  - b: 1\n    b: 2\n",
        "a:\n  - b: 1\n    c: 2\n  - b: 1\n    b: 2\n",
    ],
)
def test_texts_the_exact_reader_must_read(text: str) -> None:
    assert yaml_plain.read(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 'it''s'\n", "it's"),
        ("a: 'x: y # z'\n", "x: y # z"),
        ("a: 'it''s\n  fine'\n", "it's fine"),
        ("a: x\n  y\n  z\n", "x y z"),
        ("a: 1:20\n", 80),
        ("a: 0o17\n", "0o17"),
        ("a: 017\n", 15),
        ("a: 2021-2-3\n", "2021-2-3"),
        ("a:\n  '03235': 2\n", {"03235": 2}),  # a commune's code: a text, quoted
    ],
)
def test_texts_read_plainly(text: str, value: Any) -> None:
    plain = read_alike_or_refused(text)
    assert plain is not None
    assert_same(plain["a"], value)


def test_a_refused_text_is_refused_by_the_exact_reader_too() -> None:
    """What the plain reader reads, the exact one reads: a refusal is never lost."""
    for text in HOSTILE:
        if yaml_plain.read(text) is not None:
            yaml_reader.read(text, "test")  # raises InvalidData if not
    with pytest.raises(InvalidData):
        yaml_reader.read("a: 1\n\xa0\n", "test")


KEY = st.sampled_from(["a", "b", "c", "id", "x.y", "18-24", "k_9", "03235", "08", "1", "2A004"])
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
LONG = st.lists(st.sampled_from(["Serres", ":", "l'été", "#", "-", "x" * 30, "'", "a: b"]))
SCALAR = st.one_of(
    TEXT,
    LONG.map(" ".join),
    st.integers(-(10**9), 10**9),
    st.booleans(),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.none(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(KEY, inner, max_size=3)),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(KEY, VALUE, max_size=5), max_size=4))
def test_nested_records_are_read_as_the_exact_reader(rows: list[dict[str, Any]]) -> None:
    read_alike_or_refused(records_yaml({"notes": rows, "sites": rows}))


PIECES = st.sampled_from(["\n", " ", "  ", "- ", "-", ":", ": ", "'", "''", "#", "a", "b", "1"])
PIECES = st.one_of(PIECES, st.sampled_from(["2021-01-01", "[]", "{}", "\t", "\r", "\xa0", "é"]))


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_text_of_yaml_pieces_is_read_alike_or_refused(text: str) -> None:
    read_alike_or_refused("a:\n  - " + text)
    read_alike_or_refused("b: " + text)


@pytest.mark.slow
@needs_shared_data
def test_the_national_export_is_read_as_the_exact_reader(
    cli: Any, seeded_db: Any, tmp_path: Path
) -> None:
    for kind, path in (("laposte", LAPOSTE_CSV), ("france-services", FRANCE_SERVICES_CSV)):
        done = cli("import", kind, str(path))
        assert done.exit_code == 0, done.stderr
    target = tmp_path / "national.yaml"
    done = cli("export", "records", "--include-personal", "-o", str(target))
    assert done.exit_code == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    plain = yaml_plain.read(text)
    assert plain is not None
    assert len(plain["sites"]) > 15_000
    assert_same(plain, yaml_reader.read(text, "national.yaml"))
