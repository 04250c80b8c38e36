"""`presence-postale coworking ...` through the CLI on a copy of the seeded database: the
issue's commands, bad input, recurring bookings, rules, cancel and waitlist, attendance,
personal data and the retention purge, and bookings in the weekly report."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from backends import Database, query
from presence_postale.cli.environment import Environment
from presence_postale.domain.calendar import holiday_name

Cli = Callable[..., Result]
Dump = Callable[[Path], list[str]]

GERS = "32"
# The commands run on the morning of Tuesday 15 September 2020: the bookings of May 2019 are in
# the past (recorded with --record) and more than twelve months old (the purge reaches them).
NOW = datetime(2020, 9, 15, 8, 30)
TODAY = NOW.date()
CAMILLE = ("--name", "Camille Martin", "--email", "camille@example.org", "--category", "soho_solo")
ASSO = ("--name", "Asso Les Amis", "--email", "asso@example.org", "--category", "association")


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The shared runner, at `NOW` (the environment's clock: nothing is patched)."""

    def at_now(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return cli(*args, input=input, env=env or Environment(clock=NOW))

    return at_now


def err_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def book(
    cli: Cli, day: str, start: str, end: str, *extra: str, who: tuple[str, ...] = CAMILLE
) -> Result:
    return cli(
        "coworking", "book", "saint-clar", "--date", day, "--from", start, "--to", end, *who, *extra
    )


def booked(
    cli: Cli, day: str, start: str, end: str, *extra: str, who: tuple[str, ...] = CAMILLE
) -> str:
    result = book(cli, day, start, end, *extra, who=who)
    assert result.exit_code == 0, result.stderr
    return result.stderr


def ok(cli: Cli, *args: str) -> Result:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


def as_json(cli: Cli, *args: str) -> Any:
    return json.loads(ok(cli, *args, "--format", "json").stdout)


def rows(db: Database, sql: str) -> list[tuple[Any, ...]]:
    return query(db, sql)


def open_weekday(after: date, *, at_least: int = 1) -> date:
    """The first day from Tuesday to Friday (the seeded space is open those mornings) at least
    `at_least` days after `after` that is no holiday in the Gers."""
    day = after + timedelta(days=at_least)
    while day.weekday() not in (1, 2, 3, 4) or holiday_name(day, GERS) is not None:
        day += timedelta(days=1)
    return day


# ---- the commands -------------------------------------------------------------------


def test_spaces_lists_saint_clar(cli: Cli, seeded_db: Path) -> None:
    table = ok(cli, "coworking", "spaces").stdout
    assert "saint-clar" in table and "05712A" in table
    # The office's hours in the ANCT list of 2024, marked illustrative with the reason.
    assert "Tu 09:00-12:00,14:00-17:00; We 09:00-12:00;" in table
    assert "[1] illustratif : Heures réservables" in table
    [space] = as_json(cli, "coworking", "spaces")
    assert space["id"] == "saint-clar"
    assert space["capacity"] == 1
    assert space["categories"] == ["soho_solo", "association"]
    assert space["site_id"] == "05712A"


def test_book_then_overlap_refused_without_personal_data(cli: Cli, seeded_db: Path) -> None:
    result = book(cli, "2019-05-14", "09:00", "12:00", "--record")
    assert result.exit_code == 0, result.stderr
    assert err_lines(result) == [
        "réservation n° 1 enregistrée : saint-clar, le mardi 14/05/2019 de 09:00 à 12:00"
    ]
    refused = book(cli, "2019-05-14", "10:00", "11:00", "--record", who=ASSO)
    assert refused.exit_code == 1
    [line] = err_lines(refused)
    assert "la réservation n° 1 de 09:00 à 12:00" in line and "capacité 1" in line
    assert "le mardi 14/05/2019 de 10:00 à 11:00 chevauche" in line
    for personal in ("Camille", "Martin", "camille@example.org", "Asso Les Amis", "@"):
        assert personal not in refused.stderr
        assert personal not in refused.stdout
    assert "Traceback" not in refused.stderr
    assert rows(seeded_db, "SELECT id, email FROM reservation") == [(1, "camille@example.org")]


def test_usage_of_may_2019(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    booked(cli, "2019-05-21", "14:00", "16:00", "--record", who=ASSO)
    markdown = ok(cli, "coworking", "usage", "--month", "2019-05", "--format", "markdown").stdout
    assert "# Utilisation des espaces de coworking" in markdown
    assert "- Heures réservées : 5" in markdown
    assert "- Heures réservables : 99" in markdown
    assert "- Taux d'occupation : 5,1\u202f%" in markdown
    assert "- Usagers distincts : 2" in markdown
    assert "## Par catégorie" in markdown and "## Par mois" in markdown
    assert "| Association | 1 | 2 |" in markdown
    assert "| Indépendant ou télétravailleur | 1 | 3 |" in markdown
    assert "| mai 2019 | 2 | 5 | 99 | 5,1\u202f% |" in markdown
    # The bookable hours rest on illustrative hours: the space is marked, with the reason.
    assert (
        "| saint-clar | Espace de travail partagé de Saint-Clar | 2 | 5 | 99 | 5,1\u202f% | [1] |"
        in (markdown)
    )
    assert "> [1] illustratif : Heures réservables" in markdown
    assert "Camille" not in markdown and "@" not in markdown

    data = as_json(cli, "coworking", "usage", "--month", "2019-05")
    assert data["from"] == "2019-05-01" and data["to"] == "2019-05-31"
    assert data["booked_hours"] == 5.0
    assert data["bookable_hours"] == 99.0  # the office's hours in 2024 (ANCT)
    assert data["occupancy"] == round(5 / 99, 4)
    assert data["distinct_users"] == 2
    assert data["by_category"] == [
        {"category": "association", "bookings": 1, "hours": 2.0},
        {"category": "soho_solo", "bookings": 1, "hours": 3.0},
    ]
    assert data["by_month"] == [
        {
            "month": "2019-05",
            "bookings": 2,
            "hours": 5.0,
            "bookable_hours": 99.0,
            "occupancy": round(5 / 99, 4),
        }
    ]
    assert data["spaces"] == [
        {
            "space": "saint-clar",
            "name": "Espace de travail partagé de Saint-Clar",
            "bookings": 2,
            "booked_hours": 5.0,
            "bookable_hours": 99.0,
            "occupancy": round(5 / 99, 4),
            "illustrative": True,
            "illustrative_reason": data["spaces"][0]["illustrative_reason"],
        }
    ]
    assert "ANCT du 1er août 2024" in data["spaces"][0]["illustrative_reason"]
    english = ok(
        cli, "coworking", "usage", "--month", "2019-05", "--format", "markdown", "--lang", "en"
    )
    assert "- Bookable hours: 99" in english.stdout
    csv = ok(cli, "coworking", "usage", "--month", "2019-05", "--format", "csv").stdout
    assert "month,2019-05,2,5.0,99.0,0.0505" in csv.replace("\r", "")


def test_usage_table_html_and_english(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    table = ok(cli, "coworking", "usage", "--month", "2019-05").stdout
    assert "Heures réservables : 99" in table and "Taux d'occupation : 3,0\u202f%" in table
    assert "saint-clar" in table and "mai 2019" in table
    assert "Indépendant ou télétravailleur" in table
    html = ok(cli, "coworking", "usage", "--month", "2019-05", "--format", "html").stdout
    assert "<h2>Par mois</h2>" in html and "<td>99</td>" in html
    august = as_json(cli, "coworking", "usage", "--month", "2019-08", "--space", "saint-clar")
    assert august["bookable_hours"] == 105.0  # Tuesday to Saturday, Assumption on Thursday 15th
    assert (august["booked_hours"], august["occupancy"], august["distinct_users"]) == (0.0, 0.0, 0)
    english = ok(cli, "coworking", "usage", "--month", "2019-08", "--lang", "en").stdout
    assert "Bookable hours: 105" in english and "Occupancy: 0.0%" in english
    wrong = cli("coworking", "usage", "--month", "2019-05", "--format", "ics")
    assert wrong.exit_code == 2 and len(err_lines(wrong)) == 1


def test_usage_bad_options(cli: Cli, seeded_db: Path) -> None:
    for args in (
        ("--month", "2019-13"),
        ("--month", "2019-05", "--from", "2019-05-01"),
        ("--from", "2019-05-01"),
    ):
        result = cli("coworking", "usage", *args)
        assert result.exit_code == 2, args
        assert len(err_lines(result)) == 1 and "--month" in result.stderr


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (
            ("2019-05-15", "11:00", "10:00", "--record"),
            1,
            "la fin 10:00 n'est pas après le début 11:00",
        ),
        (("2019-02-30", "09:00", "10:00", "--record"), 2, "date « 2019-02-30 » invalide"),
        (("2019-05-15", "25:00", "26:00", "--record"), 2, "--from"),
        (("2019-05-15", "09:00", "10:00", "--record", "--category", "student"), 1, "« student »"),
        (("2019-05-15", "09:00", "10:00", "--record", "--email", "bad@"), 1, "--email « bad@ »"),
        (
            ("2019-05-19", "09:00", "10:00", "--record"),
            1,
            "le dimanche 19/05/2019 de 09:00 à 10:00 est hors des heures réservables",
        ),
        (("2019-05-08", "09:00", "10:00", "--record"), 1, "jour férié (Fête de la Victoire)"),
        (
            ("2019-05-15", "12:30", "13:30", "--record"),
            1,
            "de 12:30 à 13:30 est hors des heures réservables",
        ),
        (("2019-05-15", "09:00", "10:00"), 1, "--record enregistre une réservation passée"),
        (
            ("2019-05-15", "09:00", "10:00", "--record", "--category", "other"),
            1,
            "la catégorie « Autre » ne peut pas réserver",
        ),
        (("2019-05-15", "09:00", "10:00", "--record", "--channel", "fax"), 2, "--channel"),
        (("2019-05-15", "09:00", "10:00", "--record", "--every", "tuesday"), 2, "--until"),
    ],
    ids=[
        "end-before-start",
        "no-such-date",
        "no-such-time",
        "unknown-category",
        "bad-email",
        "sunday",
        "holiday",
        "outside-hours",
        "past-without-record",
        "category-not-eligible",
        "bad-channel",
        "every-without-until",
    ],
)
def test_bad_booking_refused_in_one_line_and_nothing_written(
    cli: Cli, seeded_db: Path, dump: Dump, args: tuple[str, ...], code: int, expected: str
) -> None:
    day, start, end, *extra = args
    before = dump(seeded_db)
    result = cli(
        "coworking",
        "book",
        "saint-clar",
        "--date",
        day,
        "--from",
        start,
        "--to",
        end,
        "--name",
        "Camille Martin",
        "--category",
        "soho_solo",
        *extra,
    )
    assert result.exit_code == code, result.stderr
    [line] = err_lines(result)
    assert expected in line
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert dump(seeded_db) == before


def test_unknown_space_refused(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    result = cli(
        "coworking", "book", "nowhere", "--date", "2019-05-15", "--from", "09:00", "--to", "10:00",
        *CAMILLE, "--record",
    )  # fmt: skip
    assert result.exit_code == 1
    assert err_lines(result) == ["erreur : espace « nowhere » introuvable (espaces : saint-clar)"]
    assert dump(seeded_db) == before


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (("cancel", "7"), 1, "réservation n° 7 introuvable"),
        (("cancel", "abc"), 2, "RESERVATION_ID « abc »"),
        (("mark", "7", "--attended"), 1, "réservation n° 7 introuvable"),
        (("mark", "1"), 2, "--attended ou --no-show"),
        (("mark", "1", "--attended", "--no-show"), 2, "--attended ou --no-show"),
        (("list", "--status", "gone"), 1, "--status « gone »"),
        (("purge", "--older-than", "soon"), 2, "--older-than"),
        (("configure", "saint-clar", "--capacity", "0"), 1, "--capacity « 0 »"),
        (
            ("configure", "saint-clar", "--min-minutes", "90", "--max-minutes", "60"),
            1,
            "le maximum 60 est inférieur au minimum 90",
        ),
        (("configure", "saint-clar", "--hours", "Mo-Fr 17:00-09:00"), 1, "--overnight"),
    ],
)
def test_other_bad_commands(
    cli: Cli, seeded_db: Path, dump: Dump, args: tuple[str, ...], code: int, expected: str
) -> None:
    before = dump(seeded_db)
    result = cli("coworking", *args)
    assert result.exit_code == code, result.stderr
    [line] = err_lines(result)
    assert expected in line
    assert "Traceback" not in result.stderr
    assert dump(seeded_db) == before


# ---- recurring bookings ---------------------------------------------------------------------

TUESDAYS = ["2019-05-14", "2019-05-21", "2019-05-28", "2019-06-04", "2019-06-11"]
SERIES = ("--every", "tuesday", "--until", "2019-06-11", "--record")


def test_recurring_books_every_tuesday(cli: Cli, seeded_db: Path) -> None:
    result = book(cli, "2019-05-14", "09:00", "12:00", *SERIES)
    assert result.exit_code == 0, result.stderr
    assert err_lines(result) == ["5 dates réservées en série (n° 1 à n° 5)"]
    listed = as_json(cli, "coworking", "list")
    assert [r["date"] for r in listed] == TUESDAYS
    assert len({r["series_id"] for r in listed}) == 1


def test_recurring_lists_the_conflicting_date(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-28", "10:00", "11:00", "--record", who=ASSO)
    result = book(cli, "2019-05-14", "09:00", "12:00", *SERIES)
    assert result.exit_code == 0, result.stderr
    refused, summary = err_lines(result)
    assert refused.startswith("le mardi 28/05/2019 de 09:00 à 12:00 chevauche ")
    assert "la réservation n° 1 de 10:00 à 11:00" in refused
    assert "Asso Les Amis" not in refused and "@" not in refused
    assert summary == "4 dates réservées en série (n° 2 à n° 5), 1 refusée"
    listed = as_json(cli, "coworking", "list", "--status", "confirmed")
    assert [r["date"] for r in listed] == TUESDAYS
    assert [r["category"] for r in listed if r["date"] == "2019-05-28"] == ["association"]


def test_recurring_all_or_nothing(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    booked(cli, "2019-05-28", "10:00", "11:00", "--record", who=ASSO)
    before = dump(seeded_db)
    result = book(cli, "2019-05-14", "09:00", "12:00", *SERIES, "--all-or-nothing")
    assert result.exit_code == 1
    [line] = err_lines(result)
    assert (
        "1 date sur 5 en conflit, rien n'est réservé (la première : le mardi 28/05/2019 de" in line
    )
    assert dump(seeded_db) == before


def test_recurring_with_every_date_refused_exits_1_in_one_line(
    cli: Cli, seeded_db: Path, dump: Dump
) -> None:
    """Nothing booked is an error: one line, naming the first date refused and why."""
    booked(cli, "2019-05-14", "09:00", "12:00", "--record", who=ASSO)
    booked(cli, "2019-05-21", "09:00", "12:00", "--record", who=ASSO)
    before = dump(seeded_db)
    result = book(
        cli,
        "2019-05-14",
        "10:00",
        "11:00",
        "--every",
        "tuesday",
        "--until",
        "2019-05-21",
        "--record",
    )
    assert result.exit_code == 1
    assert err_lines(result) == [
        "erreur : 2 dates sur 2 en conflit, rien n'est réservé (la première : le mardi "
        "14/05/2019 de 10:00 à 11:00 chevauche la réservation n° 1 de 09:00 à 12:00 "
        "(Association) ; capacité 1)"
    ]
    assert dump(seeded_db) == before


def test_recurring_lists_holidays_as_refused(cli: Cli, seeded_db: Path) -> None:
    result = book(
        cli,
        "2019-05-01",
        "09:00",
        "12:00",
        "--every",
        "wednesday",
        "--until",
        "2019-05-15",
        "--record",
    )
    assert result.exit_code == 0, result.stderr
    first, second, summary = err_lines(result)
    assert first.startswith("le mercredi 01/05/2019 est un jour férié (Fête du Travail)")
    assert second.startswith("le mercredi 08/05/2019 est un jour férié (Fête de la Victoire)")
    assert summary == "1 date réservée en série (n° 1 à n° 1), 2 refusées"


# ---- rules ----------------------------------------------------------------------------------

RULES = (
    "--min-minutes", "60", "--max-minutes", "240", "--max-days-ahead", "30",
    "--max-hours-per-week", "6", "--cancel-cutoff-hours", "24",
)  # fmt: skip


@pytest.fixture
def ruled(cli: Cli, seeded_db: Path) -> Path:
    result = ok(cli, "coworking", "configure", "saint-clar", *RULES)
    assert err_lines(result) == ["espace saint-clar modifié"]
    return seeded_db


def test_configure_shows_the_rules(cli: Cli, ruled: Path) -> None:
    [space] = as_json(cli, "coworking", "spaces")
    assert space["min_minutes"] == 60
    assert space["max_minutes"] == 240
    assert space["max_days_ahead"] == 30
    assert space["max_hours_per_person_week"] == 6.0
    assert space["cancel_cutoff_hours"] == 24


def refused(cli: Cli, path: Path, dump: Dump, *args: str) -> str:
    before = dump(path)
    result = book(cli, *args)
    assert result.exit_code == 1, result.stderr
    [line] = err_lines(result)
    assert dump(path) == before
    return line


def test_rule_min_and_max_length(cli: Cli, ruled: Path, dump: Dump) -> None:
    line = refused(cli, ruled, dump, "2019-05-14", "09:00", "09:30", "--record")
    assert "une réservation de 30 min est plus courte que le minimum de cet espace (60 min)" in line
    line = refused(cli, ruled, dump, "2019-05-14", "09:00", "17:00", "--record")
    assert (
        "une réservation de 480 min est plus longue que le maximum de cet espace (240 min)" in line
    )
    booked(cli, "2019-05-14", "09:00", "10:00", "--record")


def test_rule_days_ahead(cli: Cli, ruled: Path, dump: Dump) -> None:
    far = open_weekday(TODAY, at_least=45)
    line = refused(cli, ruled, dump, far.isoformat(), "09:00", "10:00")
    assert f"dans {(far - TODAY).days} jours" in line
    assert "au plus 30 jours à l'avance" in line
    near = open_weekday(TODAY, at_least=3)
    booked(cli, near.isoformat(), "09:00", "10:00")


def test_rule_past_without_record(cli: Cli, ruled: Path, dump: Dump) -> None:
    past = open_weekday(TODAY, at_least=-10)
    line = refused(cli, ruled, dump, past.isoformat(), "09:00", "10:00")
    assert "commence dans le passé" in line and "--record" in line


def test_rule_hours_per_week(cli: Cli, ruled: Path, dump: Dump) -> None:
    booked(cli, "2019-05-16", "09:00", "12:00", "--record")
    booked(cli, "2019-05-14", "14:00", "17:00", "--record")
    line = refused(cli, ruled, dump, "2019-05-15", "09:00", "10:00", "--record")
    assert "porterait la personne à 7 h cette semaine" in line
    assert "cet espace permet 6 h par personne et par semaine" in line
    booked(cli, "2019-05-15", "09:00", "10:00", "--record", who=ASSO)
    booked(cli, "2019-05-21", "09:00", "12:00", "--record")


def test_rule_cancellation_cut_off(cli: Cli, ruled: Path, dump: Dump) -> None:
    soon = open_weekday(TODAY, at_least=1)
    later = open_weekday(soon, at_least=7)
    booked(cli, soon.isoformat(), "09:00", "10:00")
    booked(cli, later.isoformat(), "09:00", "10:00")
    # However far the next open weekday is, make the cut-off reach it (and not the one after).
    hours_to_start = datetime.combine(soon, datetime.min.time()).replace(hour=9) - NOW
    cutoff = math.ceil(hours_to_start.total_seconds() / 3600) + 24
    ok(cli, "coworking", "configure", "saint-clar", "--cancel-cutoff-hours", str(cutoff))
    before = dump(ruled)
    result = cli("coworking", "cancel", "1")
    assert result.exit_code == 1
    assert err_lines(result) == [
        f"erreur : annulation à moins de {cutoff} h du début ; --force pour annuler quand même"
    ]
    assert dump(ruled) == before
    assert err_lines(ok(cli, "coworking", "cancel", "2")) == ["réservation n° 2 annulée"]
    assert err_lines(ok(cli, "coworking", "cancel", "1", "--force")) == ["réservation n° 1 annulée"]


# ---- cancel, waitlist, attendance -----------------------------------------------------------


def test_cancel_keeps_the_record(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    assert err_lines(ok(cli, "coworking", "cancel", "1")) == ["réservation n° 1 annulée"]
    [(status, cancelled_at, email)] = rows(
        seeded_db, "SELECT status, cancelled_at, email FROM reservation"
    )
    assert status == "cancelled" and cancelled_at is not None and email == "camille@example.org"
    [listed] = as_json(cli, "coworking", "list", "--status", "cancelled")
    assert listed["id"] == 1 and listed["status"] == "cancelled"
    assert listed["cancelled_at"] is not None
    assert as_json(cli, "coworking", "list", "--status", "confirmed") == []
    before = dump(seeded_db)
    again = cli("coworking", "cancel", "1")
    assert again.exit_code == 1
    assert err_lines(again) == ["erreur : la réservation n° 1 est déjà annulée"]
    assert dump(seeded_db) == before
    # The place is free again.
    booked(cli, "2019-05-14", "10:00", "11:00", "--record", who=ASSO)


def test_waitlist_offered_the_freed_slot(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    waiting = book(cli, "2019-05-14", "10:00", "11:00", "--record", "--waitlist", who=ASSO)
    assert waiting.exit_code == 0, waiting.stderr
    [line] = err_lines(waiting)
    assert "créneau complet (" in line and "chevauche la réservation n° 1 de 09:00 à 12:00" in line
    assert line.endswith("inscription en liste d'attente n° 1, au rang 1")
    assert "Asso Les" not in line and "Camille" not in line and "@" not in line
    [entry] = as_json(cli, "coworking", "list", "--waitlist")
    assert (entry["id"], entry["status"], entry["offered_reservation"]) == (1, "waiting", None)

    cancelled = ok(cli, "coworking", "cancel", "1")
    first, offered = err_lines(cancelled)
    assert first == "réservation n° 1 annulée"
    assert (
        "proposé à l'inscription n° 1 de la liste d'attente (Association, le mardi 14/05/2019 "
        "de 10:00 à 11:00)" in offered
    )
    assert "Asso Les Amis" not in cancelled.stderr and "@" not in cancelled.stderr
    [entry] = as_json(cli, "coworking", "list", "--waitlist")
    assert (entry["id"], entry["status"], entry["offered_reservation"]) == (1, "offered", 1)
    assert "email" not in entry and "person_name" not in entry
    table = ok(cli, "coworking", "list", "--waitlist").stdout
    assert "Proposée" in table and "Asso Les Amis" not in table
    [personal] = as_json(cli, "coworking", "list", "--waitlist", "--include-personal")
    assert personal["email"] == "asso@example.org"
    assert personal["person_name"] == "Asso Les Amis"


def test_waitlist_not_used_for_other_refusals(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    result = book(cli, "2019-05-08", "10:00", "11:00", "--record", "--waitlist")
    assert result.exit_code == 1
    assert "jour férié" in result.stderr
    assert dump(seeded_db) == before


def test_mark_attended_and_no_show(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    booked(cli, "2019-05-21", "09:00", "12:00", "--record")
    booked(cli, "2019-05-22", "09:00", "12:00", "--record", who=ASSO)
    booked(cli, "2019-05-23", "09:00", "12:00", "--record", who=ASSO)
    future = open_weekday(TODAY, at_least=2)
    booked(cli, future.isoformat(), "09:00", "10:00")
    assert err_lines(ok(cli, "coworking", "mark", "1", "--attended")) == [
        "réservation n° 1 marquée « Honorée »"
    ]
    assert err_lines(ok(cli, "coworking", "mark", "2", "--no-show")) == [
        "réservation n° 2 marquée « Non honorée »"
    ]
    ok(cli, "coworking", "mark", "3", "--attended")
    ok(cli, "coworking", "cancel", "4")
    before = dump(seeded_db)
    not_yet = cli("coworking", "mark", "5", "--attended")
    assert not_yet.exit_code == 1
    assert err_lines(not_yet) == [
        "erreur : la réservation n° 5 n'a pas encore commencé "
        f"({future.day} septembre 2020 à 09:00)"
    ]
    was_cancelled = cli("coworking", "mark", "4", "--no-show")
    assert was_cancelled.exit_code == 1
    assert err_lines(was_cancelled) == [
        "erreur : la réservation n° 4 a été annulée ; elle ne peut pas être marquée"
    ]
    marked_cancel = cli("coworking", "cancel", "1")
    assert marked_cancel.exit_code == 1
    assert "est marquée « Honorée » ; elle ne peut pas être annulée" in marked_cancel.stderr
    assert dump(seeded_db) == before
    statuses = [r["status"] for r in as_json(cli, "coworking", "list", "--to", "2019-05-31")]
    assert statuses == ["attended", "no_show", "attended", "cancelled"]

    data = as_json(cli, "coworking", "usage", "--month", "2019-05")
    assert (data["attended"], data["no_show"], data["no_show_rate"]) == (2, 1, round(1 / 3, 4))
    assert data["booked_hours"] == 9.0
    assert data["distinct_users"] == 2
    markdown = ok(cli, "coworking", "usage", "--month", "2019-05", "--format", "markdown").stdout
    assert "- Réservations non honorées : 1 / 3 (33,3\u202f%)" in markdown


# ---- personal data --------------------------------------------------------------------------


def test_list_hides_personal_data_unless_asked(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    booked(cli, "2019-05-15", "09:00", "12:00", "--record", "--organisation", "Les Amis", who=ASSO)
    table = ok(cli, "coworking", "list").stdout
    assert "14/05/2019" in table and "Les Amis" in table
    for personal in ("Camille", "camille@example.org", "Asso Les Amis", "asso@example.org"):
        assert personal not in table
    listed = as_json(cli, "coworking", "list")
    assert [r["id"] for r in listed] == [1, 2]
    assert all("email" not in r and "person_name" not in r for r in listed)
    csv = ok(cli, "coworking", "list", "--format", "csv").stdout
    assert "@" not in csv and "Camille" not in csv
    shown = ok(cli, "coworking", "list", "--include-personal").stdout
    assert "Camille Martin" in shown and "camille@example.org" in shown
    personal = as_json(cli, "coworking", "list", "--include-personal")
    assert [(r["person_name"], r["email"]) for r in personal] == [
        ("Camille Martin", "camille@example.org"),
        ("Asso Les Amis", "asso@example.org"),
    ]
    record = as_json(cli, "coworking", "show", "1")
    assert record["id"] == 1 and "email" not in record and "person_name" not in record
    assert as_json(cli, "coworking", "show", "1", "--include-personal")["email"] == (
        "camille@example.org"
    )


def database_bytes(path: Path) -> bytes:
    content = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        content += wal.read_bytes()
    return content


@pytest.mark.sqlite_only
def test_purge_anonymises_and_erases_from_the_file(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    booked(cli, "2019-05-21", "09:00", "12:00", "--record")
    booked(cli, "2019-05-16", "14:00", "16:00", "--record", who=ASSO)
    book(cli, "2019-05-14", "10:00", "11:00", "--record", "--waitlist", who=ASSO)
    ok(cli, "coworking", "cancel", "3")
    before = as_json(cli, "coworking", "usage", "--month", "2019-05")
    assert before["distinct_users"] == 1  # the association's booking was cancelled
    assert b"camille@example.org" in database_bytes(seeded_db)

    dry = ok(cli, "coworking", "purge", "--older-than", "12m", "--dry-run")
    assert err_lines(dry)[0].startswith(
        "3 réservations et 1 inscription en liste d'attente terminées avant le "
    )
    assert rows(seeded_db, "SELECT count(*) FROM reservation WHERE email IS NOT NULL") == [(3,)]

    result = ok(cli, "coworking", "purge", "--older-than", "12m")
    [line] = err_lines(result)
    assert line.startswith("3 réservations et 1 inscription en liste d'attente terminées avant le ")
    assert line.endswith(" rendues anonymes")
    purged = rows(
        seeded_db,
        "SELECT id, person_name, email, person_key, anonymised_at, status FROM reservation "
        "ORDER BY id",
    )
    assert [(r[0], r[1], r[2], r[5]) for r in purged] == [
        (1, None, None, "confirmed"),
        (2, None, None, "confirmed"),
        (3, None, None, "cancelled"),
    ]
    assert all(r[3] and r[4] for r in purged)
    assert purged[0][3] == purged[1][3] != purged[2][3]
    assert rows(seeded_db, "SELECT person_name, email FROM waitlist_entry") == [(None, None)]

    after = as_json(cli, "coworking", "usage", "--month", "2019-05")
    assert after == before
    content = database_bytes(seeded_db)
    assert b"camille@example.org" not in content
    assert b"asso@example.org" not in content
    assert b"Camille Martin" not in content
    personal = as_json(cli, "coworking", "list", "--include-personal")
    assert {(r["person_name"], r["email"]) for r in personal} == {(None, None)}
    assert len(personal) == 3

    again = ok(cli, "coworking", "purge", "--older-than", "12m")
    assert err_lines(again)[0].startswith("0 réservation et 0 inscription en liste d'attente")


def test_purge_keeps_recent_bookings(cli: Cli, seeded_db: Path) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    recent = open_weekday(TODAY, at_least=2)
    booked(cli, recent.isoformat(), "09:00", "10:00")
    ok(cli, "coworking", "purge", "--older-than", "12m")
    assert rows(seeded_db, "SELECT id, email FROM reservation ORDER BY id") == [
        (1, None),
        (2, "camille@example.org"),
    ]


# ---- the weekly report ----------------------------------------------------------------------


def test_weekly_report_lists_the_reservation_without_personal_data(
    cli: Cli, seeded_db: Path
) -> None:
    booked(cli, "2019-05-14", "09:00", "12:00", "--record")
    booked(cli, "2019-05-21", "09:00", "12:00", "--record")  # next week: not listed
    report = as_json(cli, "report", "weekly", "--week", "2019-W20", "--site", "05712A")
    [site] = [s for s in report["sites"] if s.get("reservations")]
    [reservation] = site["reservations"]
    assert reservation["id"] == 1
    assert reservation["space"] == "saint-clar"
    assert reservation["date"] == "2019-05-14"
    assert (reservation["start"], reservation["end"]) == ("09:00", "12:00")
    assert reservation["category"] == "soho_solo"
    assert reservation["status"] == "confirmed"
    assert "email" not in reservation and "person_name" not in reservation
    text = json.dumps(report, ensure_ascii=False)
    assert "Camille" not in text and "camille@example.org" not in text
