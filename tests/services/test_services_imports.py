"""Imports over a seeded database: La Poste's contact points, France Services, records."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from backends import ON_POSTGRES, SQLITE_ONLY_REASON, Database, create_schema, query, url_of
from presence_postale.errors import InvalidData, Message, NotFound
from presence_postale.formats.exports import read_records_csv
from presence_postale.formats.words import say
from presence_postale.services import import_france_services, import_laposte, imports
from presence_postale.store.db import resolve, session
from presence_postale.store.raw import AlchemySql, is_current_file, sqlite_writer
from refusals import refused
from shared_data import FRANCE_SERVICES_CSV, LAPOSTE_CSV, needs_shared_data

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

LAPOSTE = LAPOSTE_CSV
FRANCE_SERVICES = FRANCE_SERVICES_CSV
pytestmark = needs_shared_data


def laposte_slice(tmp_path: Path, ids: tuple[str, ...] = (), first: int = 0) -> Path:
    """A small La Poste file: the header, the first `first` rows and the rows with `ids`."""
    lines = LAPOSTE.read_text(encoding="utf-8").splitlines()
    chosen = lines[1 : first + 1] + [line for line in lines[1:] if line.split(";")[0] in ids]
    path = tmp_path / "slice.csv"
    path.write_text("\r\n".join([lines[0], *chosen]) + "\r\n", encoding="utf-8")
    return path


RunLaposte = Callable[..., imports.ImportSummary]


@pytest.fixture(params=["sqlalchemy", "sqlite3"])
def run_laposte(request: pytest.FixtureRequest) -> RunLaposte:
    """`import laposte` through a SQLAlchemy session, and through SQLite's own driver (the
    command's way into a current SQLite file): every test runs on both."""
    if request.param == "sqlite3" and ON_POSTGRES:
        pytest.skip(SQLITE_ONLY_REASON)

    def run(engine: Engine, path: Path, **options: Any) -> imports.ImportSummary:
        if request.param == "sqlalchemy":
            with session(engine, write=True) as db:
                return import_laposte.import_laposte(AlchemySql(db), path, **options)
        database = Path(str(engine.url.database))
        assert is_current_file(resolve(str(database)))
        with sqlite_writer(database) as sql:
            return import_laposte.import_laposte(sql, path, **options)

    return run


IMPORTED = date(2024, 8, 2)  # the day the ANCT's list of 1 August 2024 is imported
VIGNY_HOURS = (
    "SELECT valid_from, opening_hours FROM site_hours_version WHERE site_id = '17510A' "
    "ORDER BY valid_from"
)


def test_full_file_into_the_seeded_database(
    engine: Engine, seeded_db: Path, run_laposte: RunLaposte
) -> None:
    first = run_laposte(engine, LAPOSTE)
    assert first.applied and not first.rejected
    # The seed's 17 La Poste contact points are refreshed, not duplicated.
    assert (first.created, first.updated + first.unchanged) == (17212 - 17, 17)
    assert query(
        seeded_db, "SELECT count(*) FROM site WHERE substr(id, 1, 1) BETWEEN '0' AND '9'"
    ) == [(17212,)]
    assert query(seeded_db, "SELECT count(*) FROM site WHERE department_code = '03'") == [(185,)]
    corsica = query(
        seeded_db,
        "SELECT department_code, count(*) FROM site WHERE department_code IN ('2A', '2B') "
        "GROUP BY 1 ORDER BY 1",
    )
    assert corsica == [("2A", 88), ("2B", 102)]
    assert query(seeded_db, "SELECT department_code FROM site WHERE id = '17647A'") == [("971",)]
    assert query(seeded_db, "SELECT department_code FROM site WHERE id = '00937A'") == [("98",)]
    assert query(seeded_db, "SELECT department_code FROM site WHERE id = '01290A'") == [(None,)]
    no_coordinates = query(seeded_db, "SELECT count(*) FROM site WHERE latitude IS NULL")
    assert no_coordinates[0][0] >= 18
    # Postcodes keep their leading zero; keys are search keys.
    assert query(
        seeded_db, "SELECT postcode, name_key, commune_key, source FROM site WHERE id = '15018A'"
    ) == [("78910", "tacoignieres ap", "tacoignieres", "laposte")]
    # The seed's Vigny keeps its name, hours and France Services label (it gives no staff count;
    # a delegate's staff count is kept too: see the test of delegate-owned fields).
    assert query(seeded_db, "SELECT name, source, address FROM site WHERE id = '17510A'") == [
        ("Bureau de poste de Vigny", "seed", "1 RUE DU GENERAL LECLERC")
    ]
    assert query(seeded_db, VIGNY_HOURS) == [
        (
            "0001-01-01",
            "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00",
        )
    ]
    assert query(seeded_db, "SELECT * FROM site_staff_version WHERE site_id = '17510A'") == []
    assert query(
        seeded_db, "SELECT label, held FROM site_label_version WHERE site_id = '17510A'"
    ) == [("france_services", 1)]
    again = run_laposte(engine, LAPOSTE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 17212)

    # France Services on the national network, then once more: nothing changes.
    vigny = query(seeded_db, VIGNY_HOURS)
    with session(engine, write=True) as db:
        fs = import_france_services.import_france_services(db, FRANCE_SERVICES, today=IMPORTED)
    assert not fs.rejected
    assert fs.created == 2845 - 409
    assert fs.updated + fs.unchanged + len(fs.unmatched) == 409
    assert len(fs.unmatched) < 30
    assert query(seeded_db, VIGNY_HOURS) == vigny  # the seed's, not the list's
    with session(engine, write=True) as db:
        fs_again = import_france_services.import_france_services(
            db, FRANCE_SERVICES, today=IMPORTED
        )
    assert (fs_again.created, fs_again.updated) == (0, 0)
    assert fs_again.unchanged == fs.created + fs.updated + fs.unchanged


def test_a_bad_row_rejects_the_whole_file(
    engine: Engine,
    seeded_db: Path,
    tmp_path: Path,
    dump: Callable[[Path], list[str]],
    run_laposte: RunLaposte,
) -> None:
    path = laposte_slice(tmp_path, first=30)
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[10].split(";")
    cells[7] = "7850"
    lines[10] = ";".join(cells)
    cells = lines[20].split(";")
    cells[11] = "north"
    lines[20] = ";".join(cells)
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    before = dump(seeded_db)
    summary = run_laposte(engine, path)
    assert not summary.applied
    assert [(r.line, r.field) for r in summary.rejected] == [
        (11, "Code_postal"),
        (21, "Latitude"),
    ]
    from presence_postale.cli.imports import refusal

    said = say(refusal(summary).message, "fr")
    assert "2 lignes refusées, rien n'est importé : ligne 11 : Code_postal" in said
    assert dump(seeded_db) == before


def test_dry_run_writes_nothing(
    engine: Engine,
    seeded_db: Path,
    tmp_path: Path,
    dump: Callable[[Path], list[str]],
    run_laposte: RunLaposte,
) -> None:
    path = laposte_slice(tmp_path, first=50)
    before = dump(seeded_db)
    summary = run_laposte(engine, path, dry_run=True)
    assert summary.created == 50 and not summary.applied
    assert dump(seeded_db) == before


def test_cp1252_and_bom_files_import_with_their_accents(
    engine: Engine, seeded_db: Path, tmp_path: Path, run_laposte: RunLaposte
) -> None:
    text = laposte_slice(tmp_path, first=40).read_text(encoding="utf-8")
    cp1252 = tmp_path / "cp1252.csv"
    cp1252.write_bytes(text.encode("cp1252"))
    summary = run_laposte(engine, cp1252)
    assert summary.created == 40
    assert query(seeded_db, "SELECT count(*) FROM site WHERE source = 'laposte'") == [(40,)]
    bom = tmp_path / "bom.csv"
    bom.write_bytes(text.encode("utf-8-sig"))
    again = run_laposte(engine, bom)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 40)


def test_open_data_refreshed_delegate_fields_and_seed_names_kept(
    engine: Engine, seeded_db: Path, tmp_path: Path, run_laposte: RunLaposte
) -> None:
    path = laposte_slice(tmp_path, ids=("00518A", "15015A"))
    run_laposte(engine, path)
    query(
        seeded_db,
        "UPDATE site SET note = 'n', address = 'old', name = 'Old name' "
        "WHERE id IN ('00518A', '15015A')",
    )
    for site_id in ("00518A", "15015A"):
        query(
            seeded_db,
            "INSERT INTO site_hours_version VALUES "
            f"('{site_id}', '2021-01-01', 'Mo 09:00-12:00', 'manual', '2021-01-01 10:00:00')",
        )
        query(
            seeded_db,
            "INSERT INTO site_staff_version VALUES "
            f"('{site_id}', '2021-01-01', 3, 'manual', '2021-01-01 10:00:00')",
        )
    summary = run_laposte(engine, path)
    assert summary.updated == 2
    rows = query(
        seeded_db,
        "SELECT s.id, name, address, opening_hours, staff_count, note FROM site s "
        "JOIN site_hours_version h ON h.site_id = s.id "
        "JOIN site_staff_version f ON f.site_id = s.id "
        "WHERE s.id IN ('00518A', '15015A') ORDER BY s.id",
    )
    assert rows == [
        (
            "00518A",
            "Old name",  # a seeded site keeps the name people gave it
            "5 RUE DU COMMERCE",
            "Mo 09:00-12:00",
            3,
            "n",
        ),
        ("15015A", "SARTROUVILLE PRINCIPAL BP", "PLACE ALEXANDRE DUMAS", "Mo 09:00-12:00", 3, "n"),
    ]
    assert query(seeded_db, "SELECT equipment FROM site_equipment WHERE site_id = '00518A'") == [
        ("ilot_numerique",)
    ]


def test_department_scope_and_unknown_department(
    engine: Engine, tmp_path: Path, run_laposte: RunLaposte
) -> None:
    path = laposte_slice(tmp_path, ids=("00518A", "15015A", "01290A"))
    summary = run_laposte(engine, path, departments=["03"])
    assert (summary.created, summary.unchanged, summary.skipped) == (0, 1, 2)
    with refused(NotFound, match="department 'ZZ' not found"):
        run_laposte(engine, path, departments=["ZZ"])


def test_an_empty_database_gets_its_departments(
    tmp_path: Path, isolated_env: Database, run_laposte: RunLaposte
) -> None:
    from presence_postale.store.db import make_engine

    db_path = create_schema(isolated_env)
    engine = make_engine(url_of(db_path))
    try:
        summary = run_laposte(engine, laposte_slice(tmp_path, ids=("17647A", "00937A", "01290A")))
    finally:
        engine.dispose()
    assert summary.created == 3
    assert summary.departments_created == ["971", "98"]
    stamp = query(db_path, "SELECT created_at FROM site WHERE id = '17647A'")[0][0]
    assert isinstance(stamp, str) and len(stamp) == len("2024-10-01 12:00:00.000000")


def test_a_duplicate_id_is_rejected(
    engine: Engine, tmp_path: Path, run_laposte: RunLaposte
) -> None:
    path = laposte_slice(tmp_path, ids=("00518A",))
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.splitlines()[1] + "\r\n", encoding="utf-8")
    summary = run_laposte(engine, path)
    duplicate = Message("import.duplicate", {"value": "00518A", "earlier": 2})
    assert [(r.line, r.reason) for r in summary.rejected] == [(3, duplicate)]


# ---- France Services on the seeded database --------------------------------------------------


def fs_file(tmp_path: Path, names: tuple[str, ...]) -> Path:
    with FRANCE_SERVICES.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        rows = [row for row in reader if row[header.index("lib_fs")] in names]
    path = tmp_path / "fs.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *rows])
    return path


def test_france_services_label_la_poste_sites_and_create_the_others(
    engine: Engine, seeded_db: Path, tmp_path: Path, run_laposte: RunLaposte
) -> None:
    run_laposte(engine, laposte_slice(tmp_path, ids=("00032A", "00518A")))
    path = fs_file(
        tmp_path,
        ("France services La Poste de Chalamont", "France services de Valserhône"),
    )
    with session(engine, write=True) as db:
        summary = import_france_services.import_france_services(db, path, today=IMPORTED)
    assert (summary.created, summary.updated, summary.labelled) == (1, 1, 2)
    # Labelled from the day the list says the label was granted.
    assert query(
        seeded_db,
        "SELECT valid_from, held, since, detail, source FROM site_label_version "
        "WHERE site_id = '00032A'",
    ) == [("2021-01-15", 1, "2021-01-15", "Fixe", "france_services")]
    assert query(seeded_db, "SELECT kind, source FROM site WHERE id = 'fs-1'") == [
        ("msap", "france_services")
    ]
    assert query(
        seeded_db,
        "SELECT valid_from, opening_hours, source FROM site_hours_version WHERE site_id = 'fs-1'",
    ) == [
        (
            "0001-01-01",
            "Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00; PH off",
            "france_services",
        )
    ]
    with session(engine, write=True) as db:
        again = import_france_services.import_france_services(db, path, today=IMPORTED)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_france_services_hours_changed_at_the_source_add_a_version(
    engine: Engine, seeded_db: Path, tmp_path: Path
) -> None:
    path = fs_file(tmp_path, ("France services de Valserhône",))
    with session(engine, write=True) as db:
        import_france_services.import_france_services(db, path, today=IMPORTED)
    first = query(seeded_db, "SELECT * FROM site_hours_version WHERE site_id = 'fs-1'")
    # The next list gives other hours: a new version from the day of that import.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("13:30 - 17:00", "14:00 - 17:00", 1), encoding="utf-8")
    later = date(2025, 1, 6)
    with session(engine, write=True) as db:
        import_france_services.import_france_services(db, path, today=later)
    rows = query(seeded_db, "SELECT * FROM site_hours_version WHERE site_id = 'fs-1'")
    assert rows[0] == first[0]  # the old version, untouched
    assert [(r[1], r[3]) for r in rows] == [
        ("0001-01-01", "france_services"),
        ("2025-01-06", "france_services"),
    ]
    assert rows[1][2].startswith("Mo 14:00-17:00")
    # The same file again, that day or later: nothing is added or rewritten.
    for day in (later, date(2025, 6, 2)):
        with session(engine, write=True) as db:
            again = import_france_services.import_france_services(db, path, today=day)
        assert again.hours_set == 0
        assert query(seeded_db, "SELECT * FROM site_hours_version WHERE site_id = 'fs-1'") == rows


def test_france_services_never_overwrite_a_delegates_hours(
    engine: Engine, seeded_db: Path, tmp_path: Path
) -> None:
    with FRANCE_SERVICES.open(encoding="utf-8", newline="") as source:
        reader = csv.reader(source)
        header = next(reader)
        row = next(reader)
    values = dict(zip(header, row, strict=True))
    values.update(
        id_fs="9999",
        lib_fs="France services La Poste de Vigny",
        insee_dep="95",
        insee_com="95658",
        code_postal="95450",
        lib_com="Vigny",
        h_lundi="08:00 - 18:00",
    )
    path = tmp_path / "vigny.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, [values[h] for h in header]])
    before = query(seeded_db, VIGNY_HOURS)
    with session(engine, write=True) as db:
        summary = import_france_services.import_france_services(db, path, today=IMPORTED)
    assert summary.unmatched == [] and summary.hours_set == 0
    assert query(seeded_db, VIGNY_HOURS) == before
    # The seed's label keeps its period; its missing format is filled in.
    assert query(
        seeded_db,
        "SELECT valid_from, since, detail, source FROM site_label_version WHERE site_id = '17510A'",
    ) == [("0001-01-01", "2020-01-01", "Fixe", "records")]


# ---- records ---------------------------------------------------------------------------------


def test_records_csv_names_the_line_and_field_of_a_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text(
        "id,name,role,weekly_hours\n"
        "a-1,Camille,mediateur_numerique,18\n"
        "a-2,Dominique,mediateur_numerique,dix-huit\n",
        encoding="utf-8",
    )
    with refused(InvalidData, match=r"line 3: agents\[1\]\.weekly_hours: expected a number"):
        read_records_csv(path, "agents")


def test_records_csv_refuses_a_column_given_twice(tmp_path: Path) -> None:
    """Which of two `name` cells would be the agent's name? Neither: the file is refused."""
    path = tmp_path / "agents.csv"
    path.write_text("id,name,role,name\na-1,Camille,mediateur_numerique,Dominique\n")
    with refused(InvalidData, match=r"line 1: column 'name' is given twice"):
        read_records_csv(path, "agents")


@pytest.mark.parametrize("digits", ["\u0663", "\uff13", "\u0967"])
def test_records_csv_numbers_are_ascii_digits(tmp_path: Path, digits: str) -> None:
    """int() reads an Arabic-Indic, a full-width or a Devanagari three; a number cell is
    written in ASCII digits."""
    path = tmp_path / "agents.csv"
    path.write_text(f"id,name,role,weekly_hours\na-1,Camille,mediateur_numerique,{digits}\n")
    with refused(InvalidData, match=r"line 2: agents\[0\]\.weekly_hours: expected a number"):
        read_records_csv(path, "agents")


def test_records_csv_of_permanences_names_a_site_by_name(
    engine: Engine, seeded_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "permanences.csv"
    path.write_text(
        "programme,site,rrule,start,end,valid_from,operators\n"
        "vigny-2021,st gerand le puy,FREQ=WEEKLY;BYDAY=MO,09:00,12:00,2021-05-03,laposte|caf\n",
        encoding="utf-8",
    )
    records = read_records_csv(path, "permanences")
    with session(engine, write=True) as db:
        summary = imports.import_records(db, records)
    assert summary.total("created") == 1
    assert query(seeded_db, "SELECT site_id FROM permanence WHERE valid_from = '2021-05-03'") == [
        ("00518A",)
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "programme,site,rrule,start,end,valid_from\n"
        "vigny-2021,nowhere at all,FREQ=WEEKLY,09:00,12:00,2021-05-03\n",
        encoding="utf-8",
    )
    with (
        refused(InvalidData, match=r"line 2: permanences\[0\]\.site: site 'nowhere"),
        session(engine, write=True) as db,
    ):
        imports.import_records(db, read_records_csv(bad, "permanences"))


def test_records_dry_run_rolls_back(
    engine: Engine, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    path = tmp_path / "sites.csv"
    path.write_text(
        "id,name,kind,postcode,department,labels\n"
        "mairie-vigny,Mairie de Vigny,mairie,95450,95,france_services@2021-04-27\n",
        encoding="utf-8",
    )
    before = dump(seeded_db)
    with session(engine, write=True) as db:
        summary = imports.import_records(db, read_records_csv(path, "sites"), dry_run=True)
    assert summary.total("created") == 1
    assert dump(seeded_db) == before
