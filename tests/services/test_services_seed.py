"""The bundled seed, loaded into a database, says what the documents say; loading it again
changes nothing; a bad records file is refused whole, naming its line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select

from presence_postale.errors import InvalidData
from presence_postale.formats.seed import bundled_seed
from presence_postale.services import agents, programmes, sites
from presence_postale.services.database import load_records
from presence_postale.store import db as store
from presence_postale.store import models as m
from refusals import refused

TODAY = date(2021, 4, 27)  # what "today" is for these tests

VIGNY_HOURS = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"
NINE_OPERATORS = {
    "laposte",
    "caf",
    "pole_emploi",
    "cnam",
    "cnav",
    "msa",
    "interieur",
    "justice",
    "dgfip",
}
GERS_MSAP = {"05651A", "05652A", "05736A", "05654A", "05663A", "05708A", "05704A", "05712A"}
ALLIER_OFFICES = {"00518A", "00502A", "00486A"}


def _detail(engine: Engine, ref: str) -> dict[str, object]:
    with store.session(engine) as db:
        return sites.detail(db, sites.get(db, ref), today=TODAY)


def test_vigny(engine: Engine) -> None:
    vigny = _detail(engine, "17510A")
    assert vigny["name"] == "Bureau de poste de Vigny"
    assert vigny["opening_hours"] == VIGNY_HOURS
    assert vigny["labels"] == [  # the label date: the ANCT's list of 2024
        {"label": "france_services", "since": date(2020, 1, 1), "detail": None}
    ]
    operators = {op["code"] for op in vigny["operators"]}  # type: ignore[attr-defined]
    assert operators == NINE_OPERATORS
    assert vigny["staff_count"] is None  # no source gives the polyvalent staff
    assert vigny["department"] == "95"
    assert vigny["department_name"] == "Val-d'Oise"
    assert vigny["postcode"] == "95450"


def test_saint_clar(engine: Engine) -> None:
    saint_clar = _detail(engine, "05712A")
    assert [lab["label"] for lab in saint_clar["labels"]] == ["msap"]  # type: ignore[attr-defined]
    assert sorted(saint_clar["equipment"]) == sorted(  # type: ignore[type-var]
        ["comptoir_connecte", "ilot_numerique", "bureau_partage", "imprimante"]
    )
    assert saint_clar["email"] == "msap.saint-clar@laposte.fr"
    assert saint_clar["spaces"] == ["saint-clar"]


def test_eight_gers_msap(engine: Engine) -> None:
    with store.session(engine) as db:
        rows = sites.listing(db, label="msap", today=TODAY)
    assert {row["id"] for row in rows} == GERS_MSAP
    assert {row["department"] for row in rows} == {"32"}


def test_allier_offices_have_an_ilot_numerique(engine: Engine) -> None:
    with store.session(engine) as db:
        with_ilot = set(
            db.exec(
                select(m.SiteEquipment.site_id).where(m.SiteEquipment.equipment == "ilot_numerique")
            )
        )
        departments = {sites.get(db, site_id).department_code for site_id in ALLIER_OFFICES}
    assert with_ilot >= ALLIER_OFFICES
    assert departments == {"03"}


def test_allier_mediator_18_hours(engine: Engine) -> None:
    with store.session(engine) as db:
        mediator = agents.get(db, "allier-mediateur")
        assert mediator.weekly_hours == 18
        assert mediator.role == "mediateur_numerique"
        assert mediator.name is None  # never invented


def test_vigny_programme_and_its_two_permanences(engine: Engine) -> None:
    with store.session(engine) as db:
        vigny = programmes.get(db, "vigny-2021")
        assert vigny.start_date == date(2021, 4, 27)
        assert vigny.planned_end == date(2021, 7, 26)
        assert vigny.status == "running"
        permanences = db.exec(
            select(m.Permanence)
            .where(m.Permanence.programme_code == "vigny-2021")
            .order_by(m.Permanence.rrule)
        ).all()
    assert [
        (p.site_id, p.rrule, f"{p.start_time:%H:%M}-{p.end_time:%H:%M}") for p in permanences
    ] == [
        ("mairie-grisy-les-platres", "FREQ=WEEKLY;BYDAY=TU", "09:00-12:00"),
        ("17443A", "FREQ=WEEKLY;BYDAY=WE", "09:00-12:00"),
    ]
    assert {p.valid_from for p in permanences} == {date(2021, 4, 27)}


def test_serres_exists(engine: Engine) -> None:
    serres = _detail(engine, "00742A")
    assert serres["commune"] == "Serres"
    assert serres["department"] == "05"
    assert serres["postcode"] == "05700"


def test_mortagne_is_france_services(engine: Engine) -> None:
    mortagne = _detail(engine, "10900A")
    assert [lab["label"] for lab in mortagne["labels"]] == ["france_services"]  # type: ignore[attr-defined]


# ---- loading twice --------------------------------------------------------------------------


def test_loading_the_seed_twice_changes_nothing(
    engine: Engine, seeded_db: Path, dump: Callable[[Path], list[str]]
) -> None:
    before = dump(seeded_db)

    summary = load_records(engine, bundled_seed())

    assert summary.total("created") == 0
    assert summary.total("updated") == 0
    assert summary.total("unchanged") == 105 + 10 + 18 + 5 + 6 + 5 + 1
    assert not summary.changed
    engine.dispose()
    assert dump(seeded_db) == before


def test_loading_a_changed_file_updates_only_what_changed(engine: Engine, tmp_path: Path) -> None:
    text = bundled_seed().read_text(encoding="utf-8")
    line = '    insee_code: "95658"\n'  # Vigny's: the seed gives no staff count, add one
    assert text.count(line) == 1
    changed = tmp_path / "changed.yaml"
    changed.write_text(text.replace(line, line + "    staff_count: 3\n"), "utf-8")

    summary = load_records(engine, changed)

    assert summary.total("created") == 0
    assert {row["section"]: row["updated"] for row in summary.rows()}["sites"] == 1
    assert summary.total("updated") == 1
    with store.session(engine) as db:
        assert sites.detail(db, sites.get(db, "17510A"), today=TODAY)["staff_count"] == 3


def test_bad_reference_refuses_the_whole_file_naming_its_line(
    engine: Engine, tmp_path: Path, seeded_db: Path, dump: Callable[[Path], list[str]]
) -> None:
    text = (
        "departments:\n"
        '  - {code: "03", name: Allier modifié}\n'
        "sites:\n"
        '  - id: "NEW01"\n'
        "    name: Nouveau site\n"
        "    kind: mairie\n"
        '    department: "984"\n'
    )
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    before = dump(seeded_db)

    with refused(InvalidData, match=r"line 7: sites\[0\]\.department: '984' does not exist"):
        load_records(engine, path)

    engine.dispose()
    assert dump(seeded_db) == before  # the department rename before it is rolled back too


def test_unknown_vocabulary_names_its_line(engine: Engine, tmp_path: Path) -> None:
    text = 'sites:\n  - id: "X1"\n    name: X\n    kind: chateau\n'
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with refused(InvalidData, match=r"line 4: sites\[0\]\.kind 'chateau': expected one of"):
        load_records(engine, path)
