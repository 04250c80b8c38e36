"""A national load, and the weekly report measured on it.

    python benchmarks/national.py [--years 10] [--repeat 5] [--keep DIR] [--data ../shared/data]

Builds a database from the bundled seed plus every La Poste contact point of
`../shared/data/laposte_poincont2.csv`, then a synthetic history: 5,000 permanences started up to
`--years` years ago, 20,000 coworking reservations and 10,000 mediation sessions a year spread
over all departments and over those years (rows are written with sqlite3 directly: this is a load
generator, not the importer). Then it times, in this process and after start-up,
`report weekly` for one department and for all of France, and `report compliance`, and runs
the same measurements on a database with twice the history: the figures must not grow with
the history, only with the week's events.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from presence_postale.domain.text import search_key
from presence_postale.formats.seed import bundled_seed
from presence_postale.services.database import create_database

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TODAY = date(2026, 11, 23)
WEEK = "2026-W48"
BAR_SECONDS = 0.3  # the national weekly report's work after start-up
KINDS = {
    "Bureau de Poste": "bureau_de_poste",
    "Agence postale communale": "agence_postale_communale",
    "Agence postale intercommunale": "agence_postale_intercommunale",
    "Relais poste commerçant": "relais_poste_commercant",
}
DAYS = ("MO", "TU", "WE", "TH", "FR")
THEMES = ("email", "navigation_sur_internet", "aide_aux_demarches_administratives", "sante")


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
    departments = {row[0] for row in db.execute("SELECT code FROM department")}
    existing = {row[0] for row in db.execute("SELECT id FROM site")}
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    sites = []
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
                (site_id, name, search_key(name), KINDS.get(kind, "autre"), address, postcode,
                 commune, search_key(commune), insee, dept, lat, lon, parent or None, "laposte",
                 0, stamp, stamp)
            )  # fmt: skip
    db.executemany(
        "INSERT INTO site (id, name, name_key, kind, address, postcode, commune, commune_key, "
        "insee_code, department_code, latitude, longitude, parent_id, source, illustrative, "
        "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        sites,
    )
    site_ids = [s[0] for s in sites]
    by_dept: dict[str, list[str]] = {}
    for s in sites:
        by_dept.setdefault(s[9], []).append(s[0])
    start = TODAY - timedelta(days=365 * years)
    programmes = []
    for dept in sorted(by_dept):
        programmes.append(
            (f"bench-{dept}", f"Programme {dept}", "france_services_mobilite", dept,
             start.isoformat(), None, None, "running", None, None, None, None, 0)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO programme (code, title, model, department_code, start_date, planned_end, "
        "ended_on, status, funder, funding_eur, description, source_document, illustrative) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        programmes,
    )
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
    hours = "Mo-Fr 09:00-17:00; PH off"
    spaces = [
        (f"bench-space-{i}", rng.choice(site_ids), f"Espace {i}", 2, "[]", "[]", None, None,
         None, None, None, hours, None, None, 0)
        for i in range(200)
    ]  # fmt: skip
    db.executemany(
        "INSERT INTO space (id, site_id, name, capacity, equipment, categories, min_minutes, "
        "max_minutes, max_days_ahead, max_hours_per_person_week, cancel_cutoff_hours, "
        "opening_hours, booking_email, note, illustrative) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        spaces,
    )
    reservations = []
    for i in range(100_000 * years // 5):
        day = start + timedelta(days=rng.randrange(0, span_days(years)))
        hour = rng.choice((9, 10, 14, 15))
        reservations.append(
            (f"bench-space-{i % 200}", f"{day} {hour:02d}:00:00.000000",
             f"{day} {hour + 1:02d}:00:00.000000", f"Person {i % 5000}",
             f"p{i % 5000}@example.org", "other", None, "confirmed", "email", stamp)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO reservation (uid, space_id, start_at, end_at, person_name, email, category, "
        "organisation, status, channel, created_at) "
        "VALUES (lower(hex(randomblob(16))),?,?,?,?,?,?,?,?,?,?)",
        reservations,
    )
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
    # Labels are histories: held since the beginning (0001-01-01), as a first import gives them.
    labels = [(s, "france_services", "0001-01-01", 1, None, None, "france_services", stamp)
              for s in rng.sample(site_ids, 400)]  # fmt: skip
    db.executemany(
        "INSERT OR IGNORE INTO site_label_version (site_id, label, valid_from, held, since, "
        "detail, source, recorded_at) VALUES (?,?,?,?,?,?,?,?)",
        labels,
    )
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return {
        "sites": len(sites), "permanences": len(permanences), "reservations": len(reservations),
        "mediation_sessions": len(sessions), "france_services": len(labels),
    }  # fmt: skip


def measure(path: Path, repeat: int) -> dict[str, tuple[float, float, int]]:
    """Median seconds of the work of each report, in this process (start-up excluded), wall
    clock and CPU (steadier on a busy machine), and the peak of the memory Python allocated for
    it (one more run, under tracemalloc)."""
    from presence_postale.cli.app import tune_garbage_collector
    from presence_postale.domain.weeks import IsoWeek, parse_week
    from presence_postale.formats.reports.compliance import render_compliance
    from presence_postale.formats.reports.weekly import render_weekly
    from presence_postale.services import reports
    from presence_postale.store.db import make_engine, session

    tune_garbage_collector()  # as the command does
    engine = make_engine(f"sqlite:///{path}")
    week: IsoWeek = parse_week(WEEK, TODAY)
    cases = {
        "report weekly -d 95": lambda db: render_weekly(
            reports.weekly(db, week, department="95"), "json", "fr"
        ),
        "report weekly (all of France)": lambda db: render_weekly(
            reports.weekly(db, week), "json", "fr"
        ),
        "report compliance (all of France)": lambda db: render_compliance(
            reports.compliance(db, week), week.label, "json", "fr"
        ),
    }
    out = {}
    for name, case in cases.items():
        times, cpu = [], []
        for _ in range(repeat):
            with session(engine) as db:
                started, processed = time.perf_counter(), time.process_time()
                case(db)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - processed)
        with session(engine) as db:
            tracemalloc.start()
            case(db)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        out[name] = (statistics.median(times), statistics.median(cpu), peak)
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the databases in this directory.")
    parser.add_argument("--data", type=Path, default=SHARED, help="the open data's folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        results = {}
        for years in (args.years, args.years * 2):
            path = folder / f"national-{years}y.db"
            path.unlink(missing_ok=True)
            started = time.perf_counter()
            counts = build(path, years, args.data)
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s: {counts}")
            results[years] = measure(path, args.repeat)
    short, long = results[args.years], results[args.years * 2]
    title = "measure (work beyond start-up, median)"
    years = f"{args.years} y / {args.years * 2} y"
    print(
        f"\n{title:36} {'wall ' + years:>19} {'ratio':>6} {'CPU ' + years:>18} "
        f"{'peak memory ' + years:>24} {'ratio':>6}"
    )
    for name in short:
        (fast, fast_cpu, small), (slow, slow_cpu, large) = short[name], long[name]
        print(
            f"{name:36} {fast * 1000:8.0f} / {slow * 1000:4.0f} ms {slow / fast:5.2f}x "
            f"{fast_cpu * 1000:8.0f} / {slow_cpu * 1000:4.0f} ms "
            f"{small / 2**20:11.1f} / {large / 2**20:5.1f} MiB {large / small:5.2f}x"
        )
    wall, cpu = short["report weekly (all of France)"][:2]
    verdict = "ok" if wall <= BAR_SECONDS else "over (see CPU: the machine may be busy)"
    print(
        f"bar (issue 17): all of France within {BAR_SECONDS} s of work, flat when the history "
        f"doubles: {wall:.3f} s wall, {cpu:.3f} s CPU, {verdict}"
    )


if __name__ == "__main__":
    main()
