"""A record's values are checked in one pass over the fields it gives, and field by field in
the schema's order only when one is refused, unknown or missing: both ways give the same values
(same types), and a record the quick pass leaves to the full one is refused exactly as before
(the same key, values and line)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presence_postale.errors import InvalidData
from presence_postale.formats import seed
from presence_postale.formats.seed import SCHEMA, Item
from shared_data import FRANCE_SERVICES_CSV, LAPOSTE_CSV, needs_shared_data


def _item(section: str, entry: dict[str, Any]) -> Item:
    lines = {key: n + 2 for n, key in enumerate(entry) if isinstance(key, str)}
    return Item("f.yaml", section, 3, 1, {}, lines=lines, raw=dict(entry))


def _outcome(run: Any, item: Item) -> Any:
    """The values checked, with their types, or the refusal's key and values."""
    try:
        run(item)
    except InvalidData as error:
        return ("refused", error.key, error.params)
    return [(key, type(value), value) for key, value in item.values.items()]


def _full(item: Item) -> None:
    seed._check_each(item, item.raw or {})


def assert_checked_alike(section: str, entry: dict[str, Any]) -> None:
    quick = _outcome(seed.check, _item(section, entry))
    assert quick == _outcome(_full, _item(section, entry)), entry
    if quick[0] != "refused":
        assert seed._given_values(dict(entry), seed._SECTION_CHECKS[section]) is not None


SITE = {
    "id": "17510A",
    "name": "Saint-Clar",
    "kind": "bureau",
    "postcode": "32380",
    "insee_code": "32365",
    "department": "32",
    "latitude": 43.89,
    "longitude": 0.77,
    "source": "seed",
}

HOSTILE: list[tuple[str, dict[str, Any]]] = [
    ("sites", SITE),
    ("sites", {**SITE, "nickname": "x"}),  # a field the schema lacks
    ("sites", {**SITE, "nickname": "x", "kind": None}),  # unknown before missing
    ("sites", {**SITE, "nickname": None}),  # a field the schema lacks, given as nothing
    ("departments", {"unknown": None, "code": "x", "name": "x"}),
    ("sites", {key: value for key, value in SITE.items() if key != "kind"}),
    ("sites", {**SITE, "name": None}),
    ("sites", {**SITE, "latitude": "north", "kind": None}),  # missing after a bad value
    ("sites", {**SITE, "kind": None, "latitude": "north"}),
    ("sites", {**SITE, "postcode": 32380}),  # a code written as a number
    ("sites", {**SITE, "name": " padded "}),
    ("sites", {**SITE, "name": ""}),
    ("sites", {**SITE, "name": "bell\x07"}),
    ("sites", {**SITE, "note": "one\r\ntwo"}),
    ("sites", {**SITE, "note": "lone\rreturn"}),
    ("sites", {**SITE, "name": "x" * 2001}),
    ("sites", {**SITE, "name": 12.5}),
    ("sites", {**SITE, "name": True}),
    ("sites", {**SITE, "latitude": True}),
    ("sites", {**SITE, "latitude": 43}),
    ("sites", {**SITE, "staff_count": 2.0}),
    ("sites", {**SITE, "staff_count": 10**13}),
    ("sites", {**SITE, "illustrative": 1}),
    ("sites", {**SITE, "labels": ["maison_france_services", {"label": "x", "__line__": 4}]}),
    ("sites", {**SITE, "labels": [{"label": "x", "since": "2020-13-01"}]}),
    ("sites", {**SITE, "labels": "maison_france_services"}),
    ("sites", {**SITE, "equipment": ["wifi", 3]}),
    ("sites", {**SITE, "operators": {"caf": 1}}),
    ("sites", {**SITE, 7: "a number as a key"}),
    ("closures", {"site": "17510A", "start": "2024-01-02", "end": date(2024, 1, 3), "reason": "x"}),
    ("closures", {"site": "17510A", "start": datetime(2024, 1, 2), "end": "2024-01-03"}),
    ("agents", {"id": "a", "role": "mediator", "weekly_hours": "35"}),
    ("mediation_sessions", {"site": "17510A", "date": "2024-01-02", "themes": ["x", None]}),
]


@pytest.mark.parametrize(("section", "entry"), HOSTILE)
def test_a_hostile_record_is_checked_as_field_by_field(section: str, entry: dict[str, Any]) -> None:
    assert_checked_alike(section, entry)


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=False),
    st.text(max_size=8),
    st.sampled_from(["17510A", " 32", "2024-01-02", "09:00", "Mo 09:00-12:00", "\t", "a\u00a0b"]),
    st.dates(),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.sampled_from(["label", "since", "detail", "__line__"]), st.text(max_size=3)),
)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(SCHEMA)),
    st.data(),
)
def test_any_record_is_checked_as_field_by_field(section: str, data: st.DataObject) -> None:
    keys = st.sampled_from([*SCHEMA[section], "unknown"])
    entry = data.draw(st.dictionaries(keys, VALUES, max_size=8))
    for key in SCHEMA[section]:  # often complete: required fields given
        if data.draw(st.booleans()):
            entry.setdefault(key, "x")
    assert_checked_alike(section, entry)


@pytest.mark.slow
@needs_shared_data
def test_the_national_export_is_checked_as_field_by_field(
    cli: Any, seeded_db: Any, tmp_path: Path
) -> None:
    for kind, path in (("laposte", LAPOSTE_CSV), ("france-services", FRANCE_SERVICES_CSV)):
        done = cli("import", kind, str(path))
        assert done.exit_code == 0, done.stderr
    target = tmp_path / "national.json"
    done = cli("export", "records", "--include-personal", "--format", "json", "-o", str(target))
    assert done.exit_code == 0, done.stderr
    document = json.loads(target.read_text(encoding="utf-8"))
    assert len(document["sites"]) > 15_000
    for section in SCHEMA:
        for entry in document.get(section, []):
            assert_checked_alike(section, entry)
