"""Imports over a seeded database: La Poste's contact points, France Services, records."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from backends import ON_POSTGRES, SQLITE_ONLY_REASON, Database, create_schema, query, url_of
from presence_postale.errors import InvalidData, NotFound
from presence_postale.formats import words
from presence_postale.formats.exports import read_records_csv
from presence_postale.services import imports
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
                return imports.import_laposte(AlchemySql(db), path, **options)
        database = Path(str(engine.url.database))
        assert is_current_file(resolve(str(database)))
        with sqlite_writer(database) as sql:
            return imports.import_laposte(sql, path, **options)

    return run


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
    assert query(
        seeded_db,
        "SELECT name, opening_hours, staff_count, source, address FROM site WHERE id = '17510A'",
    ) == [
        (
            "Bureau de poste de Vigny",
            "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00",
            None,
            "seed",
            "1 RUE DU GENERAL LECLERC",
        )
    ]
    assert query(seeded_db, "SELECT label FROM site_label WHERE site_id = '17510A'") == [
        ("france_services",)
    ]
    again = run_laposte(engine, LAPOSTE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 17212)

    # France Services on the national network, then once more: nothing changes.
    with session(engine, write=True) as db:
        fs = imports.import_france_services(db, FRANCE_SERVICES)
    assert not fs.rejected
    assert fs.created == 2845 - 409
    assert fs.updated + fs.unchanged + len(fs.unmatched) == 409
    assert len(fs.unmatched) < 30
    assert query(
        seeded_db,
        "SELECT opening_hours FROM site WHERE id = '17510A'",
    )[0][0].startswith("Mo-We,Fr 09:00-12:00,14:30-17:30")
    with session(engine, write=True) as db:
        fs_again = imports.import_france_services(db, FRANCE_SERVICES)
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
    assert "2 rows rejected, nothing imported: line 11: Code_postal" in words.say(
        summary.refusal(), "en"
    )
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
        "UPDATE site SET opening_hours = 'Mo 09:00-12:00', staff_count = 3, note = 'n', "
        "address = 'old', name = 'Old name' WHERE id IN ('00518A', '15015A')",
    )
    summary = run_laposte(engine, path)
    assert summary.updated == 2
    rows = query(
        seeded_db,
        "SELECT id, name, address, opening_hours, staff_count, note FROM site "
        "WHERE id IN ('00518A', '15015A') ORDER BY id",
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
    assert [(r.line, r.reason) for r in summary.rejected] == [(3, "'00518A' is also on line 2")]


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
        summary = imports.import_france_services(db, path)
    assert (summary.created, summary.updated, summary.labelled) == (1, 1, 2)
    assert query(seeded_db, "SELECT since, detail FROM site_label WHERE site_id = '00032A'") == [
        ("2021-01-15", "Fixe")
    ]
    assert query(seeded_db, "SELECT kind, source, opening_hours FROM site WHERE id = 'fs-1'") == [
        (
            "msap",
            "france_services",
            "Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00; PH off",
        )
    ]
    with session(engine, write=True) as db:
        again = imports.import_france_services(db, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


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
    before = query(seeded_db, "SELECT opening_hours FROM site WHERE id = '17510A'")
    with session(engine, write=True) as db:
        summary = imports.import_france_services(db, path)
    assert summary.unmatched == [] and summary.hours_set == 0
    assert query(seeded_db, "SELECT opening_hours FROM site WHERE id = '17510A'") == before
    assert query(seeded_db, "SELECT since, detail FROM site_label WHERE site_id = '17510A'") == [
        ("2020-01-01", "Fixe")
    ]


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
