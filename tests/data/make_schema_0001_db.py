"""Make `tests/data/schema-0001.db`: a database as the first schema version (0001) wrote it.

`tests/reliability/test_upgrades.py` opens a copy of that file with the current tool and checks
that every row survives and that the schema reaches `schema.HEAD`. The file is committed so that
it stays a database *made by revision 0001*, whatever later migrations change: do not rebuild it
after a new migration lands (the script always builds revision 0001, so rebuilding it gives the
same file anyway).

How it is made, so that anyone can check or redo it:

1. an empty file, the schema created by Alembic up to revision 0001 only
   (`presence_postale.store.schema.upgrade(engine, "0001")`);
2. rows in EVERY table of that revision inserted with plain SQL (no ORM, no service: the values
   are written exactly as revision 0001 stores them — dates `YYYY-MM-DD`, times and datetimes
   with microseconds, JSON as text, booleans as 0/1), realistic values taken from the Vigny,
   Saint-Clar and Allier pilots of the bundled seed, with accents, NULLs and every link table;
3. `PRAGMA foreign_key_check` must be empty; the file is then rebuilt (`VACUUM`) in rollback
   journal mode (no `-wal` / `-shm` beside it) and moved into place in one step.

Idempotent: running it again rebuilds the same content (fixed values, no clock) and replaces the
file atomically. Run from the repository root:

    .venv/bin/python tests/data/make_schema_0001_db.py
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

REVISION = "0001"
TARGET = Path(__file__).resolve().parent / "schema-0001.db"

# table -> rows (column -> value), in an order that satisfies the foreign keys.
ROWS: dict[str, list[dict[str, object]]] = {
    "department": [
        {"code": "03", "name": "Allier"},
        {"code": "05", "name": "Hautes-Alpes"},
        {"code": "32", "name": "Gers"},
        {"code": "95", "name": "Val-d'Oise"},
        {"code": "2A", "name": "Corse-du-Sud"},
    ],
    "operator": [
        {"code": "laposte", "name": "La Poste"},
        {"code": "caf", "name": "Caisse d'allocations familiales (CAF)"},
        {"code": "cnav", "name": "Assurance retraite (CNAV)"},
        {"code": "msa", "name": "Mutualité sociale agricole (MSA)"},
        {"code": "dgfip", "name": "Finances publiques (DGFiP)"},
    ],
    "programme": [
        {
            "code": "vigny-2021",
            "title": "France Services en mobilité à Vigny",
            "model": "france_services_mobilite",
            "department_code": "95",
            "start_date": "2021-04-27",
            "planned_end": "2021-12-31",
            "ended_on": None,
            "status": "extended",
            "funder": "La Poste",
            "funding_eur": None,
            "description": "Deux chargées de clientèle du bureau de Vigny tiennent des "
            "permanences France Services à Grisy-les-Plâtres et Cormeilles-en-Vexin.",
            "source_document": "002_28610cb3be96664f.txt",
            "illustrative": 0,
        },
        {
            "code": "allier-mediation-2019",
            "title": "Médiation numérique dans trois bureaux de poste de l'Allier",
            "model": "mediation_numerique",
            "department_code": "03",
            "start_date": "2019-03-01",
            "planned_end": None,
            "ended_on": None,
            "status": "running",
            "funder": "Conseil départemental de l'Allier",
            "funding_eur": 24000,
            "description": None,
            "source_document": "004_f2f27291cf945013.txt",
            "illustrative": 1,
        },
        {
            "code": "saint-clar-coworking",
            "title": "Espace de travail partagé du bureau de Saint-Clar",
            "model": "coworking",
            "department_code": "32",
            "start_date": "2019-04-09",
            "planned_end": "2019-12-31",
            "ended_on": "2019-12-31",
            "status": "ended",
            "funder": None,
            "funding_eur": None,
            "description": "Convention du 9 avril 2019.",
            "source_document": "000_9a0ee0c7fe76c44f.txt",
            "illustrative": 0,
        },
    ],
    "site": [
        {
            "id": "17510A",
            "name": "Bureau de poste de Vigny",
            "name_key": "bureau de poste de vigny",
            "kind": "bureau_de_poste",
            "address": "1 RUE DU GENERAL LECLERC",
            "address_extra": None,
            "locality": None,
            "postcode": "95450",
            "commune": "Vigny",
            "commune_key": "vigny",
            "insee_code": "95658",
            "department_code": "95",
            "latitude": 49.077425,
            "longitude": 1.927508,
            "parent_id": None,
            "phone": "3631",
            "email": None,
            "opening_hours": "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; "
            "Sa 09:00-12:00; PH off",
            "staff_count": 2,
            "note": "Bureau de poste labellisé France Services (9 opérateurs).",
            "source": "seed",
            "illustrative": 0,
            "created_at": "2021-04-20 08:15:00.000000",
            "updated_at": "2021-05-06 16:42:10.123456",
        },
        {
            "id": "mairie-grisy-les-platres",
            "name": "Mairie de Grisy-les-Plâtres",
            "name_key": "mairie de grisy les platres",
            "kind": "mairie",
            "address": None,
            "address_extra": None,
            "locality": None,
            "postcode": "95810",
            "commune": "Grisy-les-Plâtres",
            "commune_key": "grisy les platres",
            "insee_code": "95287",
            "department_code": "95",
            "latitude": None,
            "longitude": None,
            "parent_id": None,
            "phone": None,
            "email": None,
            "opening_hours": None,
            "staff_count": None,
            "note": "Accueille le mardi de 09h à 12h la permanence France Services en mobilité.",
            "source": "seed",
            "illustrative": 0,
            "created_at": "2021-04-20 08:15:00.000000",
            "updated_at": "2021-04-20 08:15:00.000000",
        },
        {
            "id": "05712A",
            "name": "Bureau de poste de Saint-Clar",
            "name_key": "bureau de poste de saint clar",
            "kind": "bureau_de_poste",
            "address": "PLACE DU FOIRAIL",
            "address_extra": None,
            "locality": None,
            "postcode": "32380",
            "commune": "Saint-Clar",
            "commune_key": "saint clar",
            "insee_code": "32370",
            "department_code": "32",
            "latitude": 43.890895,
            "longitude": 0.768273,
            "parent_id": None,
            "phone": "3631",
            "email": "msap.saint-clar@laposte.fr",
            "opening_hours": "Mo-Fr 09:00-12:00,14:00-16:30; PH off",
            "staff_count": 1,
            "note": "Premier espace de travail partagé en bureau de poste du Gers.",
            "source": "seed",
            "illustrative": 0,
            "created_at": "2019-04-09 09:00:00.000000",
            "updated_at": "2019-04-09 09:00:00.000000",
        },
        {
            "id": "00518A",
            "name": "Bureau de poste de Saint-Gérand-le-Puy",
            "name_key": "bureau de poste de saint gerand le puy",
            "kind": "bureau_de_poste",
            "address": "RUE DE LA POSTE",
            "address_extra": "LE BOURG",
            "locality": "SAINT GERAND LE PUY",
            "postcode": "03150",
            "commune": "Saint-Gérand-le-Puy",
            "commune_key": "saint gerand le puy",
            "insee_code": "03236",
            "department_code": "03",
            "latitude": 46.259181,
            "longitude": 3.508575,
            "parent_id": "00486A",
            "phone": "3631",
            "email": None,
            "opening_hours": "Mo-Fr 09:00-12:00; Sa 09:00-11:30; PH off",
            "staff_count": None,
            "note": None,
            "source": "laposte",
            "illustrative": 1,
            "created_at": "2019-02-28 17:00:00.000000",
            "updated_at": "2019-03-01 07:30:00.000001",
        },
        {
            "id": "00486A",
            "name": "Bureau de poste de Molinet",
            "name_key": "bureau de poste de molinet",
            "kind": "bureau_de_poste",
            "address": "LE BOURG",
            "address_extra": None,
            "locality": None,
            "postcode": "03510",
            "commune": "Molinet",
            "commune_key": "molinet",
            "insee_code": "03173",
            "department_code": "03",
            "latitude": 46.470012,
            "longitude": 3.934155,
            "parent_id": None,
            "phone": "3631",
            "email": None,
            "opening_hours": None,
            "staff_count": 0,
            "note": None,
            "source": "manual",
            "illustrative": 0,
            "created_at": "2019-02-28 17:00:00.000000",
            "updated_at": "2019-02-28 17:00:00.000000",
        },
    ],
    "site_label": [
        {"site_id": "17510A", "label": "france_services", "since": "2020-01-01", "detail": None},
        {
            "site_id": "05712A",
            "label": "msap",
            "since": None,
            "detail": "MSAP implantée au sein du bureau de poste",
        },
    ],
    "site_equipment": [
        {"site_id": "05712A", "equipment": "bureau_partage"},
        {"site_id": "05712A", "equipment": "imprimante"},
        {"site_id": "00518A", "equipment": "ilot_numerique"},
    ],
    "site_operator": [
        {"site_id": "17510A", "operator_code": "laposte"},
        {"site_id": "17510A", "operator_code": "caf"},
        {"site_id": "17510A", "operator_code": "dgfip"},
        {"site_id": "mairie-grisy-les-platres", "operator_code": "caf"},
        {"site_id": "05712A", "operator_code": "msa"},
    ],
    "closure": [
        {
            "id": 1,
            "site_id": "17510A",
            "start_date": "2021-06-01",
            "end_date": "2021-06-15",
            "reason": "travaux",
            "created_at": "2021-05-20 10:00:00.000000",
        },
        {
            "id": 2,
            "site_id": "05712A",
            "start_date": "2019-08-12",
            "end_date": "2019-08-16",
            "reason": "congés d'été",
            "created_at": "2019-07-01 09:12:00.000000",
        },
    ],
    "agent": [
        {
            "id": "vigny-conseillere-1",
            "name": None,
            "name_key": "",
            "role": "chargee_de_clientele",
            "home_site_id": "17510A",
            "weekly_hours": None,
            "email": None,
            "active": 1,
            "illustrative": 0,
            "note": "L'une des deux chargées de clientèle du bureau de Vigny.",
            "source": "seed",
        },
        {
            "id": "allier-mediateur",
            "name": "Médiateur numérique de l'Allier",
            "name_key": "mediateur numerique de l allier",
            "role": "mediateur_numerique",
            "home_site_id": None,
            "weekly_hours": 18.0,
            "email": "mediateur.allier@example.org",
            "active": 1,
            "illustrative": 1,
            "note": None,
            "source": "seed",
        },
        {
            "id": "ancienne-animatrice",
            "name": "Élise Fabre",
            "name_key": "elise fabre",
            "role": "animateur_france_services",
            "home_site_id": "05712A",
            "weekly_hours": 24.5,
            "email": None,
            "active": 0,
            "illustrative": 1,
            "note": "Partie en 2020.",
            "source": "manual",
        },
    ],
    "programme_change": [
        {
            "id": 1,
            "programme_code": "vigny-2021",
            "changed_on": "2021-07-20",
            "action": "extend",
            "previous_end": "2021-07-27",
            "new_end": "2021-12-31",
            "reason": "retours des usagers",
            "created_at": "2021-07-20 14:03:00.000000",
        },
        {
            "id": 2,
            "programme_code": "saint-clar-coworking",
            "changed_on": "2019-12-31",
            "action": "end",
            "previous_end": "2019-12-31",
            "new_end": "2019-12-31",
            "reason": None,
            "created_at": "2020-01-02 08:00:00.000000",
        },
    ],
    "permanence": [
        {
            "id": 1,
            "programme_code": "vigny-2021",
            "agent_id": "vigny-conseillere-1",
            "site_id": "mairie-grisy-les-platres",
            "rrule": "FREQ=WEEKLY;BYDAY=TU",
            "start_time": "09:00:00.000000",
            "end_time": "12:00:00.000000",
            "valid_from": "2021-04-27",
            "valid_until": None,
            "note": "Permanence du mardi matin.",
            "illustrative": 0,
            "created_at": "2021-04-20 08:15:00.000000",
        },
        {
            "id": 2,
            "programme_code": "allier-mediation-2019",
            "agent_id": "allier-mediateur",
            "site_id": "00518A",
            "rrule": "FREQ=WEEKLY;BYDAY=TU",
            "start_time": "09:00:00.000000",
            "end_time": "15:00:00.000000",
            "valid_from": "2019-03-01",
            "valid_until": "2019-12-31",
            "note": None,
            "illustrative": 1,
            "created_at": "2019-02-28 17:00:00.000000",
        },
    ],
    "permanence_operator": [
        {"permanence_id": 1, "operator_code": "caf"},
        {"permanence_id": 1, "operator_code": "cnav"},
        {"permanence_id": 2, "operator_code": "laposte"},
    ],
    "permanence_exception": [
        {
            "id": 1,
            "permanence_id": 1,
            "occurrence_date": "2021-05-04",
            "action": "cancelled",
            "new_date": None,
            "new_start": None,
            "new_end": None,
            "reason": "agent en formation",
            "created_at": "2021-05-03 11:00:00.000000",
        },
        {
            "id": 2,
            "permanence_id": 1,
            "occurrence_date": "2021-05-11",
            "action": "moved",
            "new_date": "2021-05-12",
            "new_start": "14:00:00.000000",
            "new_end": "17:00:00.000000",
            "reason": "salle prise",
            "created_at": "2021-05-07 09:30:00.000000",
        },
    ],
    "permanence_outcome": [
        {
            "id": 1,
            "permanence_id": 1,
            "occurrence_date": "2021-04-27",
            "visitors": 6,
            "requests": '{"caf": 2, "cnav": 1}',
            "note": "Première permanence.",
            "created_at": "2021-04-27 12:05:00.000000",
        },
        {
            "id": 2,
            "permanence_id": 2,
            "occurrence_date": "2019-03-05",
            "visitors": 0,
            "requests": "{}",
            "note": None,
            "created_at": "2019-03-05 15:10:00.000000",
        },
    ],
    "space": [
        {
            "id": "saint-clar",
            "site_id": "05712A",
            "name": "Espace de travail partagé de Saint-Clar",
            "capacity": 1,
            "equipment": '["bureau_partage", "imprimante"]',
            "categories": '["soho_solo", "association", "other"]',
            "min_minutes": 60,
            "max_minutes": 480,
            "max_days_ahead": 90,
            "max_hours_per_person_week": 20.0,
            "cancel_cutoff_hours": 24,
            "opening_hours": "Mo-Fr 09:00-12:00,14:00-16:30; PH off",
            "booking_email": "msap.saint-clar@laposte.fr",
            "note": "Gratuit pour Soho-Solo et les associations locales.",
            "illustrative": 1,
        },
    ],
    "reservation": [
        {
            "id": 1,
            "space_id": "saint-clar",
            "start_at": "2019-05-14 09:00:00.000000",
            "end_at": "2019-05-14 12:00:00.000000",
            "person_name": "Camille Martin",
            "email": "camille@example.org",
            "category": "soho_solo",
            "organisation": None,
            "status": "attended",
            "channel": "email",
            "series_id": None,
            "person_key": None,
            "created_at": "2019-05-02 10:00:00.000000",
            "cancelled_at": None,
            "marked_at": "2019-05-14 12:05:00.000000",
            "anonymised_at": None,
        },
        {
            "id": 2,
            "space_id": "saint-clar",
            "start_at": "2019-05-21 14:00:00.000000",
            "end_at": "2019-05-21 16:00:00.000000",
            "person_name": "Zoé Dupré",
            "email": "zoe@example.org",
            "category": "association",
            "organisation": "Les Amis de Saint-Clar",
            "status": "cancelled",
            "channel": "telephone",
            "series_id": "a1b2c3d4e5f6",
            "person_key": None,
            "created_at": "2019-05-02 10:05:00.000000",
            "cancelled_at": "2019-05-20 09:00:00.000000",
            "marked_at": None,
            "anonymised_at": None,
        },
        {
            "id": 3,
            "space_id": "saint-clar",
            "start_at": "2019-05-21 14:00:00.000000",
            "end_at": "2019-05-21 16:00:00.000000",
            "person_name": None,
            "email": None,
            "category": "other",
            "organisation": None,
            "status": "no_show",
            "channel": "email",
            "series_id": None,
            "person_key": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "created_at": "2019-05-20 09:01:00.000000",
            "cancelled_at": None,
            "marked_at": "2019-05-21 16:10:00.000000",
            "anonymised_at": "2020-06-01 03:00:00.000000",
        },
    ],
    "waitlist_entry": [
        {
            "id": 1,
            "space_id": "saint-clar",
            "start_at": "2019-05-21 14:00:00.000000",
            "end_at": "2019-05-21 16:00:00.000000",
            "person_name": None,
            "email": None,
            "category": "other",
            "organisation": None,
            "status": "offered",
            "offered_reservation_id": 2,
            "created_at": "2019-05-10 08:00:00.000000",
            "offered_at": "2019-05-20 09:00:00.000000",
            "anonymised_at": "2020-06-01 03:00:00.000000",
        },
        {
            "id": 2,
            "space_id": "saint-clar",
            "start_at": "2019-05-28 09:00:00.000000",
            "end_at": "2019-05-28 10:30:00.000000",
            "person_name": "Marc Petit",
            "email": "marc.petit@example.org",
            "category": "soho_solo",
            "organisation": None,
            "status": "waiting",
            "offered_reservation_id": None,
            "created_at": "2019-05-22 18:45:00.000000",
            "offered_at": None,
            "anonymised_at": None,
        },
    ],
    "mediation_session": [
        {
            "id": 1,
            "site_id": "00518A",
            "mediator_id": "allier-mediateur",
            "programme_code": "allier-mediation-2019",
            "session_date": "2019-03-19",
            "start_time": "10:00:00.000000",
            "duration_minutes": 90,
            "session_type": "individuel",
            "participants": 1,
            "age_bands": '{"70+": 1}',
            "social_statuses": '{"retraite": 1}',
            "themes": '["email", "navigation_sur_internet"]',
            "equipment": '["ordinateur"]',
            "device_model": None,
            "autonomy": "partiellement_autonome",
            "redirection": None,
            "note": "Création d'une adresse e-mail.",
            "created_at": "2019-03-19 11:35:00.000000",
        },
        {
            "id": 2,
            "site_id": "00518A",
            "mediator_id": "allier-mediateur",
            "programme_code": None,
            "session_date": "2019-03-26",
            "start_time": "13:30:00.000000",
            "duration_minutes": 120,
            "session_type": "collectif",
            "participants": 4,
            "age_bands": '{"60-69": 3, "70+": 1}',
            "social_statuses": '{"retraite": 4}',
            "themes": '["prendre_en_main_du_materiel"]',
            "equipment": '["tablette"]',
            "device_model": "ardoiz",
            "autonomy": None,
            "redirection": "CCAS",
            "note": None,
            "created_at": "2019-03-26 15:40:00.000000",
        },
    ],
}


def build(path: Path) -> None:
    """Create `path` (which must not exist) at revision 0001 and fill every table."""
    from presence_postale.store import db as store
    from presence_postale.store import schema

    store.create_file(path)
    engine = store.make_engine(f"sqlite:///{path}")
    try:
        applied = schema.upgrade(engine, REVISION)
        assert applied == [REVISION], applied
        with engine.begin() as connection:
            tables = {
                name
                for (name,) in connection.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
                )
            }
            missing = tables - set(ROWS)
            assert not missing, f"tables without rows: {sorted(missing)}"
            for table, rows in ROWS.items():
                for row in rows:
                    marks = ", ".join("?" for _ in row)
                    connection.exec_driver_sql(
                        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})",
                        tuple(row.values()),
                    )
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            assert not problems, problems
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")


def main() -> None:
    # Built beside the target, then moved into place: never a half-written file.
    fd, name = tempfile.mkstemp(prefix=".schema-0001.", suffix=".tmp", dir=TARGET.parent)
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        build(tmp)
        os.replace(tmp, TARGET)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)
    print(f"wrote {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
