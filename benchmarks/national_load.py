"""The national load of `national.py` and `bench_tables.py`: the bundled seed, every La Poste
contact point of `../shared/data/laposte_poincont2.csv`, then a synthetic history: 5,000
permanences started up to `years` years ago, 20,000 coworking reservations and 10,000
mediation sessions a year spread over all departments and over those years.

Rows are written with sqlite3 directly (this is a load generator, not the importer), but each
is one the tool accepts: `db copy` checks every record on its way to PostgreSQL. An empty
address is no address, as `import laposte` reads it; a booking falls on a working day that is
no public holiday of its site's department, in the space's hours, with a place left.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.text import search_key
from presence_postale.formats.seed import bundled_seed
from presence_postale.services.database import create_database
from processes import installed_environment

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TODAY = date(2026, 11, 23)
WEEK = "2026-W48"
KINDS = {
    "Bureau de Poste": "bureau_de_poste",
    "Agence postale communale": "agence_postale_communale",
    "Agence postale intercommunale": "agence_postale_intercommunale",
    "Relais poste commerçant": "relais_poste_commercant",
}
DAYS = ("MO", "TU", "WE", "TH", "FR")
THEMES = ("email", "navigation_sur_internet", "aide_aux_demarches_administratives", "sante")
SPACES, CAPACITY, HOURS = 200, 2, (9, 10, 14, 15)
FRANCE_SERVICES = "france_services_20240801.csv"


def span_days(years: int) -> int:
    """Bookings and sessions run up to two weeks past "today": the week measured has its share."""
    return 365 * years + 14


def department_of(insee: str) -> str | None:
    if insee.startswith("97"):
        return insee[:3]
    if insee.startswith(("2A", "2B")):
        return insee[:2]
    return insee[:2] if insee[:2].isdigit() else None


def build(path: Path, years: int, data: Path = SHARED, seed: int = 11) -> dict[str, int]:
    """The national database at `path`, its sites from the open data in the folder `data`;
    returns how many rows of each kind were added."""
    rng = random.Random(seed)
    create_database(path, seed=bundled_seed())
    db = sqlite3.connect(path)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    sites = _sites(db, data, stamp)
    start = TODAY - timedelta(days=365 * years)
    permanences = _people(db, rng, sites, start, years, stamp)
    reservations = _reservations(db, rng, sites, start, years, stamp)
    sessions = _sessions(db, rng, [s[0] for s in sites], start, years, stamp)
    # Labels are histories: held since the beginning (0001-01-01), as a first import gives them.
    labels = [(s[0], "france_services", "0001-01-01", 1, None, None, "france_services", stamp)
              for s in rng.sample(sites, 400)]  # fmt: skip
    db.executemany(
        "INSERT OR IGNORE INTO site_label_version (site_id, label, valid_from, held, since, "
        "detail, source, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
        labels,
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return {
        "sites": len(sites), "permanences": permanences, "reservations": reservations,
        "mediation_sessions": sessions, "france_services": len(labels),
    }  # fmt: skip


def import_france_services(path: Path, data: Path = SHARED) -> None:
    """Imports the ANCT's France Services list of the folder `data` into the database at `path`
    with the command, as a user does (`import france-services`): about 2,800 labelled sites,
    most of them new, with their hours."""
    subprocess.run(
        [sys.executable, "-m", "presence_postale", "--db", str(path), "import",
         "france-services", str(data / FRANCE_SERVICES)],
        env=installed_environment(), check=True, capture_output=True,
    )  # fmt: skip


def _sites(db: sqlite3.Connection, data: Path, stamp: str) -> list[tuple[object, ...]]:
    """Every contact point of the open data not in the seed, in a department of the seed."""
    departments = {row[0] for row in db.execute("SELECT code FROM department")}
    existing = {row[0] for row in db.execute("SELECT id FROM site")}
    sites: list[tuple[object, ...]] = []
    with (data / "laposte_poincont2.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for row in reader:
            site_id, name, kind, parent, address = row[0], row[1], row[2], row[3], row[4]
            postcode, commune, insee = row[7], row[8], row[9]
            dept = department_of(insee)
            if site_id in existing or dept not in departments:
                continue
            lat = float(row[11]) if row[11] else None
            lon = float(row[12]) if row[12] else None
            sites.append(
                (site_id, name, search_key(name), KINDS.get(kind, "autre"), address or None,
                 postcode, commune, search_key(commune), insee, dept, lat, lon, parent or None,
                 "laposte", 0, stamp, stamp)
            )  # fmt: skip
    db.executemany(
        "INSERT INTO site (id, name, name_key, kind, address, postcode, commune, commune_key, "
        "insee_code, department_code, latitude, longitude, parent_id, source, illustrative, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        sites,
    )
    return sites


def _people(
    db: sqlite3.Connection,
    rng: random.Random,
    sites: list[tuple[object, ...]],
    start: date,
    years: int,
    stamp: str,
) -> int:
    """A programme per department, 2,000 agents and 5,000 weekly permanences; how many."""
    by_dept: dict[str, list[str]] = {}
    for s in sites:
        by_dept.setdefault(str(s[9]), []).append(str(s[0]))
    programmes = [
        (f"bench-{dept}", f"Programme {dept}", "france_services_mobilite", dept,
         start.isoformat(), None, None, "running", None, None, None, None, 0)
        for dept in sorted(by_dept)
    ]  # fmt: skip
    db.executemany(
        "INSERT INTO programme (code, title, model, department_code, start_date, planned_end, "
        "ended_on, status, funder, funding_eur, description, source_document, illustrative) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        programmes,
    )
    site_ids = [str(s[0]) for s in sites]
    agents = [(f"bench-agent-{i}", None, "", "chargee_de_clientele", rng.choice(site_ids), 35.0,
               None, 1, 0, None, "manual") for i in range(2000)]  # fmt: skip
    db.executemany(
        "INSERT INTO agent (id, name, name_key, role, home_site_id, weekly_hours, email, active, "
        "illustrative, note, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        agents,
    )
    permanences = []
    for i in range(5000):
        dept = rng.choice(sorted(by_dept))
        first = start + timedelta(days=rng.randrange(0, 365 * years))
        morning = rng.random() < 0.5
        permanences.append(
            (f"bench-{dept}", f"bench-agent-{i % 2000}", rng.choice(by_dept[dept]),
             f"FREQ=WEEKLY;BYDAY={rng.choice(DAYS)}",
             "09:00:00.000000" if morning else "14:00:00.000000",
             "12:00:00.000000" if morning else "17:00:00.000000",
             first.isoformat(), None, None, 0, stamp)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO permanence (uid, programme_code, agent_id, site_id, rrule, start_time, "
        "end_time, valid_from, valid_until, note, illustrative, created_at) "
        "VALUES (lower(hex(randomblob(16))),?,?,?,?,?,?,?,?,?,?,?)",
        permanences,
    )
    return len(permanences)


def _reservations(
    db: sqlite3.Connection,
    rng: random.Random,
    sites: list[tuple[object, ...]],
    start: date,
    years: int,
    stamp: str,
) -> int:
    """200 spaces open on working days from 9 to 5, and their bookings; how many."""
    hours = "Mo-Fr 09:00-17:00; PH off"
    homes = rng.choices(sites, k=SPACES)
    spaces = [
        (f"bench-space-{i}", home[0], f"Espace {i}", CAPACITY, "[]", "[]", None, None,
         None, None, None, hours, None, None, 0)
        for i, home in enumerate(homes)
    ]  # fmt: skip
    db.executemany(
        "INSERT INTO space (id, site_id, name, capacity, equipment, categories, min_minutes, "
        "max_minutes, max_days_ahead, max_hours_per_person_week, cancel_cutoff_hours, "
        "opening_hours, booking_email, note, illustrative) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        spaces,
    )
    end = start + timedelta(days=span_days(years))
    closed = {
        str(dept): set(holidays_between(start, end, str(dept))) for dept in {h[9] for h in homes}
    }
    taken: Counter[tuple[int, date, int]] = Counter()
    reservations = []
    for i in range(100_000 * years // 5):
        space, shut = i % SPACES, closed[str(homes[i % SPACES][9])]
        while True:
            day = start + timedelta(days=rng.randrange(0, span_days(years)))
            hour = rng.choice(HOURS)
            if day.weekday() < 5 and day not in shut and taken[space, day, hour] < CAPACITY:
                break
        taken[space, day, hour] += 1
        reservations.append(
            (f"bench-space-{space}", f"{day} {hour:02d}:00:00.000000",
             f"{day} {hour + 1:02d}:00:00.000000", f"Person {i % 5000}",
             f"p{i % 5000}@example.org", "other", None, "confirmed", "email", stamp)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO reservation (uid, space_id, start_at, end_at, person_name, email, category, "
        "organisation, status, channel, created_at) "
        "VALUES (lower(hex(randomblob(16))),?,?,?,?,?,?,?,?,?,?)",
        reservations,
    )
    return len(reservations)


def _sessions(
    db: sqlite3.Connection,
    rng: random.Random,
    site_ids: list[object],
    start: date,
    years: int,
    stamp: str,
) -> int:
    """10,000 mediation sessions a year; how many."""
    sessions = []
    for i in range(50_000 * years // 5):
        day = start + timedelta(days=rng.randrange(0, span_days(years)))
        sessions.append(
            (rng.choice(site_ids), f"bench-agent-{i % 2000}", day.isoformat(), "10:00:00.000000",
             60, "individuel", 1, '{"soixante_dix_plus": 1}', "{}", '{"non_communique": 1}',
             '{"non_communique": 1}', f'["{rng.choice(THEMES)}"]', '["ordinateur"]',
             "lieu_activite", stamp)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO mediation_session (uid, site_id, mediator_id, session_date, start_time, "
        "duration_minutes, session_type, participants, age_bands, social_statuses, genders, "
        "residence_communes, themes, equipment, place_type, created_at) "
        "VALUES (lower(hex(randomblob(16))),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        sessions,
    )
    return len(sessions)
