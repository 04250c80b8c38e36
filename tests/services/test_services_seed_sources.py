"""The seed says only what its sources say: every quote of `seed-sources.md` is on its line of
its source; every illustrative or chosen value of the seed is marked, with a reason naming it;
what the seed used to say beyond its sources is gone; marks and precisions reach the database
and survive a records round trip."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from typer.testing import Result

import presence_postale
from presence_postale.domain.hours import week_hours
from presence_postale.formats import france_services
from presence_postale.formats.seed import Records, bundled_seed, load
from presence_postale.services import agents, programmes, records_export, sites
from presence_postale.store import db as store
from presence_postale.store import models as m
from shared_data import FRANCE_SERVICES_CSV, SHARED_DATA

TODAY = date(2021, 4, 27)  # what "today" is for these tests

SEED_SOURCES = Path(presence_postale.__file__).parent / "data" / "seed-sources.md"
SEEDS = SHARED_DATA.parent / "seeds"
KINDS = {"stated", "derived", "month", "illustrative", "choice", "removed"}
ROW = re.compile(
    r"^\| (?P<fact>.+?) \| `(?P<file>[^`:]+):(?P<line>\d+)` "
    r"\| « (?P<words>.+) » \| (?P<kind>\w+) \|$"
)

needs_seeds = pytest.mark.skipif(
    os.environ.get("CI") != "true" and not (SEEDS.is_dir() and FRANCE_SERVICES_CSV.exists()),
    reason=f"needs the source documents in {SEEDS} (the shared folder beside the checkout)",
)

# Every value of the seed that no source states, or that rests on a choice between sources:
# (section, record, field, the value, a word its record's illustrative_reason must contain).
MARKED: list[tuple[str, str, str, Any, str]] = [
    (
        "agents",
        "vigny-conseillere-1",
        "role",
        "chargee_de_clientele",
        "données de départ suivent 002",
    ),
    (
        "agents",
        "vigny-conseillere-2",
        "role",
        "chargee_de_clientele",
        "« un chargé de clientèle du Réseau La Poste »",
    ),
    ("agents", "allier-mediateur", "weekly_hours", 18.0, "retiennent 18 heures en tout"),
    ("programmes", "ccsb-ardoiz-2018", "start", date(2018, 1, 26), "Début"),
    ("programmes", "ccsb-ardoiz-2018", "department", "05", "Département 05"),
    ("programmes", "agen-2021", "start", date(2021, 4, 12), "Début"),
    ("programmes", "agen-2021", "planned_end", date(2021, 7, 11), "fin prévue"),
    (
        "permanences",
        "vigny-2021@mairie-grisy-les-platres",
        "agent",
        "vigny-conseillere-1",
        "Agente",
    ),
    ("permanences", "vigny-2021@17443A", "agent", "vigny-conseillere-2", "Agente"),
    ("permanences", "allier-mediation-2019@00518A", "rrule", "FREQ=WEEKLY;BYDAY=TU", "Horaire"),
    ("permanences", "allier-mediation-2019@00502A", "rrule", "FREQ=WEEKLY;BYDAY=TH", "Horaire"),
    ("permanences", "allier-mediation-2019@00486A", "rrule", "FREQ=WEEKLY;BYDAY=FR", "Horaire"),
    (
        "spaces",
        "saint-clar",
        "opening_hours",
        "Tu 09:00-12:00,14:00-17:00; We 09:00-12:00; Th,Fr 09:00-12:00,13:30-16:30; Sa 09:00-12:00",
        "2024",
    ),
    ("spaces", "saint-clar", "capacity", 1, "Capacité 1"),
]


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def _table() -> list[dict[str, str]]:
    lines = SEED_SOURCES.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if line.startswith("| ") and line[2:5] not in ("fac", "---")]
    parsed = [ROW.match(line) for line in rows]
    assert all(parsed), [line for line, found in zip(rows, parsed, strict=True) if not found]
    return [found.groupdict() for found in parsed if found]


def _seed() -> Records:
    return load(bundled_seed())


def _key(section: str, values: dict[str, Any]) -> str:
    if section == "permanences":
        return f"{values['programme']}@{values['site']}"
    return str(values.get("id") or values.get("code"))


def _records(section: str) -> dict[str, dict[str, Any]]:
    return {_key(section, item.values): item.values for item in _seed().sections[section]}


def test_the_table_lives_beside_the_seed_and_names_a_source_line_for_each_fact() -> None:
    assert SEED_SOURCES.parent == bundled_seed().parent
    table = _table()
    assert len(table) >= 30
    assert {row["kind"] for row in table} <= KINDS
    sources = {row["file"] for row in table}
    assert "france_services_20240801.csv" in sources
    assert sum(name.endswith(".txt") for name in sources) == 5


@needs_seeds
def test_every_quote_is_on_its_line_of_its_source() -> None:
    for row in _table():
        folder = SEEDS if row["file"].endswith(".txt") else SHARED_DATA
        lines = (folder / row["file"]).read_text(encoding="utf-8").splitlines()
        line = lines[int(row["line"]) - 1]
        assert _normal(row["words"]) in _normal(line), (row["file"], row["line"], row["words"])


@pytest.mark.parametrize(("section", "key", "field", "value", "reason"), MARKED)
def test_each_illustrative_or_chosen_value_is_marked_with_its_reason(
    section: str, key: str, field: str, value: Any, reason: str
) -> None:
    record = _records(section)[key]
    assert record[field] == value, "the value changed: update MARKED and seed-sources.md"
    assert record["illustrative"] is True
    assert reason in _normal(record["illustrative_reason"])


def test_no_record_is_marked_without_its_values_listed_and_a_reason() -> None:
    listed = {(section, key) for section, key, *_ in MARKED}
    for section, items in _seed():
        for item in items:
            if item.values.get("illustrative"):
                assert (section, _key(section, item.values)) in listed
                assert item.values["illustrative_reason"]


def test_a_start_given_to_the_month_carries_its_precision() -> None:
    allier = _records("programmes")["allier-mediation-2019"]
    assert (allier["start"], allier["start_precision"]) == (date(2019, 3, 1), "month")
    assert not allier["illustrative"]
    others = [p for code, p in _records("programmes").items() if code != "allier-mediation-2019"]
    assert all(p["start_precision"] is None for p in others)


def test_what_went_beyond_the_sources_is_gone() -> None:
    sites_ = _records("sites")
    vigny = sites_["17510A"]
    assert vigny["staff_count"] is None  # « deux chargées » are not the polyvalent staff
    assert "PH" not in vigny["opening_hours"]  # the holidays rule is the tool's, not a source's
    assert vigny["labels"] == [
        {"label": "france_services", "since": date(2020, 1, 1), "detail": None}
    ]
    assert "passage d'un facteur" in sites_["10900A"]["note"]
    assert "y accèdent" not in sites_["10900A"]["note"]
    agen = _records("agents")["agen-conseiller"]
    assert "ne disent pas de quel bureau il relève" in _normal(agen["note"])
    ccsb = _normal(_records("programmes")["ccsb-ardoiz-2018"]["description"])
    assert "en 3 temps" in ccsb and "le document ne dit pas lesquels" in ccsb
    assert "formation (des agents" not in ccsb and "puis prise en main" not in ccsb
    text = _normal(bundled_seed().read_text(encoding="utf-8"))
    assert "environ 300" not in text
    assert text.count("un réseau de 300 télé-travailleurs gersois") == 2
    vigny_programme = _normal(_records("programmes")["vigny-2021"]["description"])
    assert "Deux lectures" in vigny_programme and "La Poste Relais" in vigny_programme
    allier = _normal(_records("programmes")["allier-mediation-2019"]["description"])
    assert "les données de départ lisent 18 heures en tout" in allier


@needs_seeds
def test_saint_clar_hours_and_vigny_label_follow_the_anct_list() -> None:
    with FRANCE_SERVICES_CSV.open(encoding="utf-8") as handle:
        rows = {
            row.id: row
            for row in france_services.read(handle, str(FRANCE_SERVICES_CSV))
            if isinstance(row, france_services.FranceServices) and row.id in {"553", "788"}
        }
    saint_clar, vigny = rows["788"], rows["553"]
    assert saint_clar.name == "France services La Poste de Saint-Clar"
    monday = date(2024, 3, 4)  # a week without public holidays
    space = _records("spaces")["saint-clar"]
    assert week_hours(space["opening_hours"], monday) == week_hours(
        saint_clar.opening_hours, monday
    )
    assert vigny.labelled_on == date(2020, 1, 1)
    assert week_hours(_records("sites")["17510A"]["opening_hours"], monday) == week_hours(
        vigny.opening_hours, monday
    )


def test_marks_and_precision_reach_the_database(engine: Engine) -> None:
    with store.session(engine) as db:
        space = db.get(m.Space, "saint-clar")
        assert (
            space is not None and space.illustrative and "2024" in (space.illustrative_reason or "")
        )
        allier = programmes.get(db, "allier-mediation-2019")
        assert allier.start_precision == "month"
        assert programmes.row(allier, 3)["start_precision"] == "month"
        mediator = agents.row(agents.get(db, "allier-mediateur"), None)
        assert mediator["illustrative"] and mediator["illustrative_reason"]
        assert sites.detail(db, sites.get(db, "17510A"), today=TODAY)["staff_count"] is None


def test_reasons_and_precisions_survive_a_records_round_trip(
    engine: Engine, cli: Callable[..., Result], tmp_path: Path
) -> None:
    with store.session(engine) as db:
        before = records_export.records(db).sections
    marked = [(name, r) for name, rows in before.items() for r in rows if r.get("illustrative")]
    assert len(marked) == len({(section, key) for section, key, *_ in MARKED})
    assert all(r["illustrative_reason"] for _, r in marked)
    records = tmp_path / "records.yaml"
    assert cli("export", "records", "-o", str(records)).exit_code == 0
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "init", "--no-seed").exit_code == 0
    loaded = cli("--db", str(empty), "import", "records", str(records))
    assert loaded.exit_code == 0, loaded.stderr
    other = store.make_engine(f"sqlite:///{empty}")
    try:
        with store.session(other) as db:
            after = records_export.records(db).sections
            assert programmes.get(db, "allier-mediation-2019").start_precision == "month"
            space = db.get(m.Space, "saint-clar")
            assert space is not None and space.illustrative_reason == next(
                r["illustrative_reason"] for name, r in marked if name == "spaces"
            )
    finally:
        other.dispose()
    assert after == before
