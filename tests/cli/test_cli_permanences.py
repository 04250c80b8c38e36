"""`permanences`: schedule, add (refusals naming the conflicting record, --force), cancel, move,
undo, log — on the seeded database, through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from presence_postale.cli.environment import Environment

Cli = Callable[..., Result]
Dump = Callable[[Path], list[str]]

ADD = ["permanences", "add", "--programme", "vigny-2021"]
VIGNY_OVERLAP = [
    *ADD,
    "--agent",
    "vigny-conseillere-1",
    "--site",
    "17510A",
    "--every",
    "tuesday",
    "--start",
    "10:00",
    "--end",
    "11:00",
    "--valid-from",
    "2021-04-27",
]
SATURDAY_AFTERNOON = [
    *ADD,
    "--site",
    "17510A",
    "--every",
    "samedi",
    "--start",
    "14:00",
    "--end",
    "16:00",
    "--valid-from",
    "2021-04-27",
]


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def assert_refused(result: Result, code: int, *fragments: str) -> str:
    """Failed with `code`, one `error:` line on stderr holding every fragment, no traceback."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("erreur : ")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return lines[0]


def schedule_json(cli: Cli, *args: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(
        ok(cli("permanences", "schedule", *args, "--format", "json")).stdout
    )
    return rows


# ---- schedule -------------------------------------------------------------------------------


def test_schedule_of_the_vigny_programme(cli: Cli, seeded_db: Path) -> None:
    rows = schedule_json(
        cli, "--programme", "vigny-2021", "--from", "2021-04-27", "--to", "2021-07-27"
    )
    assert len(rows) == 26  # 13 Tuesdays and 13 Wednesdays, 27 April to 21 July
    assert [r["date"] for r in rows if r["permanence_id"] == 1][-1] == "2021-07-20"
    assert [r["date"] for r in rows if r["permanence_id"] == 2][-1] == "2021-07-21"
    assert max(r["date"] for r in rows) <= "2021-07-26"
    assert [(r["date"], r["status"], r["reason"]) for r in rows if r["status"] != "scheduled"] == [
        ("2021-07-14", "skipped", "Fête nationale")
    ]
    assert {date.fromisoformat(r["date"]).weekday() for r in rows} == {1, 2}
    table = ok(
        cli(
            "permanences",
            "schedule",
            "--programme",
            "vigny-2021",
            "--from",
            "2021-07-12",
            "--to",
            "2021-07-18",
        )
    ).stdout
    assert "Du lundi 12/07/2021 au dimanche 18/07/2021" in table
    line = next(x for x in table.splitlines() if "14/07/2021" in x)
    assert "mercredi 14/07/2021" in line and "Sautée" in line and "Fête nationale" in line


def test_schedule_filters_and_weeks(cli: Cli, seeded_db: Path) -> None:
    rows = schedule_json(cli, "--week", "2021-W17")
    assert [(r["permanence_id"], r["date"]) for r in rows] == [
        (3, "2021-04-27"),
        (1, "2021-04-27"),
        (2, "2021-04-28"),
        (4, "2021-04-29"),
        (5, "2021-04-30"),
    ]
    assert [r["permanence_id"] for r in schedule_json(cli, "--week", "2021-W17", "-d", "03")] == [
        3,
        4,
        5,
    ]
    by_agent = schedule_json(cli, "--week", "2021-04-28", "--agent", "vigny-conseillere-2")
    assert [(r["permanence_id"], r["site_id"]) for r in by_agent] == [(2, "17443A")]
    by_site = schedule_json(cli, "--week", "2021-W17", "--site", "mairie-grisy-les-platres")
    assert [r["permanence_id"] for r in by_site] == [1]


# ---- cancel, move, undo, log ----------------------------------------------------------------


def test_cancel_and_undo(cli: Cli, seeded_db: Path) -> None:
    result = ok(
        cli(
            "permanences",
            "cancel",
            "1",
            "--date",
            "2021-05-04",
            "--reason",
            "agent en formation",
        )
    )
    assert result.stdout == ""
    assert result.stderr == "occurrence du 4 mai 2021 de la permanence n° 1 annulée\n"
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert (row["date"], row["status"], row["reason"]) == (
        "2021-05-04",
        "cancelled",
        "agent en formation",
    )
    assert_refused(
        cli("permanences", "log", "1", "--date", "2021-05-04", "--visitors", "3"),
        1,
        "l'occurrence du 4 mai 2021 de la permanence n° 1 a été annulée",
    )
    assert_refused(
        cli("permanences", "cancel", "1", "--date", "2021-05-04"),
        1,
        "déjà annulée ou déplacée",
        "--undo",
    )
    result = ok(cli("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"))
    assert result.stderr == (
        "occurrence du 4 mai 2021 de la permanence n° 1 rétablie (elle était : Annulée)\n"
    )
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert row["status"] == "scheduled"
    assert_refused(
        cli("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"),
        1,
        "n'a aucun changement à annuler",
    )


def test_move_shows_at_the_new_date_and_undo(cli: Cli, seeded_db: Path) -> None:
    result = ok(
        cli(
            "permanences",
            "move",
            "2",
            "--date",
            "2021-05-05",
            "--to",
            "2021-05-07",
            "--start",
            "14:00",
            "--end",
            "16:00",
            "--reason",
            "salle prise",
        )
    )
    assert (
        result.stderr == "occurrence du 5 mai 2021 de la permanence n° 2 déplacée au 7 mai 2021\n"
    )
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "17443A")
    assert {k: row[k] for k in ("date", "original_date", "start", "end", "status", "reason")} == {
        "date": "2021-05-07",
        "original_date": "2021-05-05",
        "start": "14:00",
        "end": "16:00",
        "status": "moved",
        "reason": "salle prise",
    }
    # The outcome is logged at the date it took place, and kept under its original date.
    logged = ok(cli("permanences", "log", "2", "--date", "2021-05-07", "--visitors", "5"))
    assert logged.stderr == "bilan de la permanence n° 2 du 5 mai 2021 saisi : 5 visiteurs\n"
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "17443A")
    assert (row["status"], row["visitors"]) == ("moved", 5)
    assert_refused(
        cli("permanences", "log", "2", "--date", "2021-05-05", "--visitors", "5"),
        1,
        "a été déplacée au 7 mai 2021",
    )
    ok(cli("permanences", "move", "2", "--date", "2021-05-05", "--undo"))
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "17443A")
    assert (row["date"], row["status"], row["visitors"]) == ("2021-05-05", "held", 5)


@pytest.mark.parametrize(
    "to",
    ["2021-12-01", "2021-04-20", "2020-01-07"],
    ids=["after", "before-validity", "year-before"],
)
def test_a_move_outside_the_days_the_permanence_runs_is_refused(
    cli: Cli, seeded_db: Path, to: str
) -> None:
    """vigny-2021 runs from 27 April to 26 July 2021. Moved to 1 December, the occurrence was
    listed by `permanences schedule` and left out of the weekly report, without a word."""
    from backends import dump_database

    before = dump_database(seeded_db)
    done = cli("permanences", "move", "1", "--date", "2021-05-11", "--to", to)
    shown = {"2021-12-01": "1er décembre 2021", "2021-04-20": "20 avril 2021"}.get(
        to, "7 janvier 2020"
    )
    assert done.exit_code == 1
    assert done.stderr == (
        f"erreur : impossible de déplacer une occurrence de la permanence n° 1 au {shown} : "
        "elle court à partir du 27 avril 2021 jusqu'au 26 juillet 2021 (sa validité et les "
        "dates de son programme) ; prolonger d'abord le programme ou la permanence\n"
    )
    assert dump_database(seeded_db) == before
    ok(cli("programmes", "extend", "vigny-2021", "--until", "2021-12-31"))
    ok(cli("permanences", "move", "1", "--date", "2021-05-11", "--to", "2021-12-01"))
    week48 = schedule_json(cli, "--week", "2021-W48", "--site", "mairie-grisy-les-platres")
    assert [(r["date"], r["original_date"], r["status"]) for r in week48] == [
        ("2021-11-30", "2021-11-30", "scheduled"),
        ("2021-12-01", "2021-05-11", "moved"),
    ]


def test_move_into_another_week(cli: Cli, seeded_db: Path) -> None:
    ok(cli("permanences", "move", "1", "--date", "2021-05-04", "--to", "2021-05-12"))
    week18 = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert week18 == []
    week19 = schedule_json(cli, "--week", "2021-W19", "--site", "mairie-grisy-les-platres")
    assert [(r["date"], r["original_date"], r["status"]) for r in week19] == [
        ("2021-05-11", "2021-05-11", "scheduled"),
        ("2021-05-12", "2021-05-04", "moved"),
    ]


def test_log_and_correct(cli: Cli, seeded_db: Path) -> None:
    result = ok(
        cli(
            "permanences",
            "log",
            "1",
            "--date",
            "2021-04-27",
            "--visitors",
            "6",
            "--requests",
            "caf=2,cnav=1",
        )
    )
    assert result.stderr == "bilan de la permanence n° 1 du 27 avril 2021 saisi : 6 visiteurs\n"
    result = ok(cli("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "7"))
    assert result.stderr == "bilan de la permanence n° 1 du 27 avril 2021 corrigé : 7 visiteurs\n"
    (row,) = schedule_json(cli, "--week", "2021-W17", "--site", "mairie-grisy-les-platres")
    assert (row["status"], row["visitors"]) == ("held", 7)
    shown = json.loads(ok(cli("permanences", "show", "1", "--format", "json")).stdout)
    assert shown["outcomes"] == [
        {"date": "2021-04-27", "visitors": 7, "requests": {}, "note": None}
    ]


def test_log_refuses_a_future_date(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    # An Allier Tuesday (no end date) four weeks after the command's today.
    future = date(2021, 6, 1)
    today = Environment(today=date(2021, 5, 5))
    assert_refused(
        cli("permanences", "log", "3", "--date", "2021-06-01", "--visitors", "2", env=today),
        1,
        f"--date {future.isoformat()} invalide : elle est dans l'avenir",
    )
    assert dump(seeded_db) == before


# ---- add ------------------------------------------------------------------------------------


def test_add_a_permanence(cli: Cli, seeded_db: Path) -> None:
    result = ok(
        cli(
            *ADD,
            "--agent",
            "vigny-conseillere-1",
            "--site",
            "mairie-grisy-les-platres",
            "--every",
            "mardi",
            "--start",
            "14:00",
            "--end",
            "16:00",
            "--valid-from",
            "2021-05-04",
            "--operators",
            "caf,msa",
        )
    )
    assert result.stdout == ""
    assert result.stderr == (
        "permanence n° 6 ajoutée (chaque mardi, de 14:00 à 16:00, à mairie-grisy-les-platres)\n"
    )
    shown = json.loads(ok(cli("permanences", "show", "6", "--format", "json")).stdout)
    assert (shown["rrule"], shown["operators"]) == ("FREQ=WEEKLY;BYDAY=TU", ["caf", "msa"])
    table = ok(cli("permanences", "show", "6")).stdout
    assert "chaque mardi" in table
    rows = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert [(r["permanence_id"], r["start"]) for r in rows] == [(1, "09:00"), (6, "14:00")]


def test_a_permanence_valid_from_before_its_programme_begins_with_it(
    cli: Cli, seeded_db: Path
) -> None:
    """Its rule is looked at from the programme's first day: from the date given, the window
    ended years before the programme began, and the permanence was refused as never held."""
    args = ("--agent", "vigny-conseillere-2", "--site", "mairie-grisy-les-platres", "--every",
            "jeudi", "--start", "14:00", "--end", "16:00", "--valid-from")  # fmt: skip
    ok(cli(*ADD, *args, "1990-01-04"))
    rows = schedule_json(cli, "--week", "2021-W17", "--site", "mairie-grisy-les-platres")
    assert [(r["permanence_id"], r["date"]) for r in rows if r["permanence_id"] == 6] == [
        (6, "2021-04-29")
    ]


def test_add_refuses_an_agent_in_two_places(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    assert_refused(
        cli(*VIGNY_OVERLAP),
        1,
        "l'agent vigny-conseillere-1 tient déjà la permanence n° 1 à mairie-grisy-les-platres",
        "le mardi 27/04/2021 de 09:00 à 12:00",
        "--force",
    )
    assert dump(seeded_db) == before


def test_add_refuses_a_host_not_open(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    assert_refused(
        cli(*SATURDAY_AFTERNOON),
        1,
        "le site d'accueil 17510A n'est pas ouvert le samedi 15/05/2021 de 14:00 à 16:00",
        "Sa 09:00-12:00",
    )
    assert dump(seeded_db) == before


def test_add_refuses_a_closed_host(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    ok(
        cli(
            "sites",
            "close",
            "17510A",
            "--from",
            "2021-06-01",
            "--to",
            "2021-06-15",
            "--reason",
            "travaux",
        )
    )
    before = dump(seeded_db)
    line = assert_refused(
        cli(
            *ADD,
            "--site",
            "17510A",
            "--every",
            "monday",
            "--start",
            "09:00",
            "--end",
            "11:00",
            "--valid-from",
            "2021-05-31",
            "--valid-until",
            "2021-06-30",
        ),
        1,
        "le site d'accueil 17510A est fermé du 1er juin 2021 au 15 juin 2021 (travaux)",
        "le jour de l'occurrence du 7 juin 2021",
    )
    assert "pas ouvert" not in line  # Monday mornings are within the hours
    assert dump(seeded_db) == before


def test_force_creates_it_and_reports_warn(cli: Cli, seeded_db: Path) -> None:
    result = ok(cli(*VIGNY_OVERLAP, "--force"))
    assert result.stderr.splitlines() == [
        "attention : l'agent vigny-conseillere-1 tient déjà la permanence n° 1 à "
        "mairie-grisy-les-platres (Mairie de Grisy-les-Plâtres) le mardi 27/04/2021 de 09:00 à "
        "12:00",
        "permanence n° 6 ajoutée (chaque mardi, de 10:00 à 11:00, à 17510A)",
    ]
    ok(cli(*SATURDAY_AFTERNOON, "--force"))
    warning = (
        "agent vigny-conseillere-1 à deux endroits en même temps : permanence n° 1 "
        "(mairie-grisy-les-platres Mairie de Grisy-les-Plâtres, mardi 27/04/2021 09:00-12:00) / "
        "permanence n° 6 (17510A Bureau de poste de Vigny, mardi 27/04/2021 10:00-11:00)"
    )
    report = json.loads(
        ok(cli("report", "weekly", "--week", "2021-W17", "-d", "95", "--format", "json")).stdout
    )
    (data,) = report["warnings"]  # in JSON a warning is its kind and its values
    assert (data["kind"], data["agent"]) == ("warning.agent_overlap", "vigny-conseillere-1")
    assert (data["first"]["permanence"], data["second"]["permanence"]) == (1, 6)
    assert (data["second"]["date"], data["second"]["start"]) == ("2021-04-27", "10:00")
    table = ok(cli("report", "weekly", "--week", "2021-W17", "-d", "95")).stdout
    assert f"  • {warning}" in table
    strict = cli("report", "weekly", "--week", "2021-W17", "-d", "95", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout == table  # the report is still written
    assert strict.stderr == f"erreur : le rapport porte 1 alerte ; la première : {warning}\n"
    week19 = ok(cli("report", "weekly", "--week", "2021-W19", "-d", "95")).stdout
    assert (
        "permanence n° 7 (17510A Bureau de poste de Vigny, samedi 15/05/2021 14:00-16:00) hors "
        "des horaires d'ouverture du site" in " ".join(week19.split())
    )
    # A week without problems stays quiet, --strict or not.
    ok(cli("report", "weekly", "--week", "2021-W30", "-d", "95", "--strict"))


# ---- bad input ------------------------------------------------------------------------------

ADD_AT_VIGNY = [*ADD, "--site", "17510A", "--valid-from", "2021-04-27"]
MORNING = ["--start", "09:00", "--end", "10:00"]
LOG_1 = ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "3"]


@pytest.mark.parametrize(
    ("args", "code", "fragments"),
    [
        pytest.param(
            ["report", "weekly", "--week", "2021-W54"],
            2,
            ["--week", "2021-W54", "52 semaines ISO"],
            id="week-54",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "funday", "--start", "09:00", "--end", "10:00"],
            1,
            ["--every « funday » invalide", "« funday » n'est pas compris"],
            id="funday",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "monday", "--start", "12:00", "--end", "09:00"],
            1,
            ["--end « 09:00 » invalide : la fin 09:00 n'est pas après le début 12:00"],
            id="end-before-start",
        ),
        pytest.param(
            [
                *ADD_AT_VIGNY,
                "--rrule",
                "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25",
                "--start",
                "09:00",
                "--end",
                "10:00",
            ],
            1,
            [
                "la règle « FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25 » ne donne aucune occurrence",
                "entre le 27 avril 2021 et le 26 juillet 2021",
                "vigny-2021",
            ],
            id="rrule-without-occurrence",
        ),
        pytest.param(
            [*ADD_AT_VIGNY[:-1], "2030-01-03", "--every", "thursday", *MORNING],
            1,
            [
                "la permanence, valable à partir du 3 janvier 2030, ne tombe pas dans les dates "
                "de son programme vigny-2021 (à partir du 27 avril 2021 jusqu'au 26 juillet 2021)"
            ],
            id="valid-after-its-programme",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "thursday", *MORNING, "--operators", "caf,msa,caf"],
            1,
            ["--operators « caf,msa,caf » invalide : un élément y figure deux fois"],
            id="operator-twice",  # was the database's English: UNIQUE constraint failed
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--rrule", "FREQ=SOMETIMES", "--start", "09:00", "--end", "10:00"],
            1,
            ["--rrule « FREQ=SOMETIMES » invalide"],
            id="bad-rrule",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--agent", "nobody", "--every", "mon", *MORNING],
            1,
            ["agent « nobody » introuvable"],
            id="unknown-agent",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--start", "09:00", "--end", "10:00"],
            2,
            ["donner --every ou --rrule"],
            id="no-recurrence",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "monday", "--start", "9 heures", "--end", "10:00"],
            2,
            ["--start", "9 heures"],
            id="bad-time",
        ),
        pytest.param(
            ["permanences", "log", "1", "--date", "2021-04-28", "--visitors", "3"],
            1,
            ["la permanence n° 1 n'a pas d'occurrence le 28 avril 2021"],
            id="log-not-an-occurrence",
        ),
        pytest.param(
            ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "-3"],
            1,
            ["--visitors -3 invalide"],
            id="negative-visitors",
        ),
        pytest.param(
            [*LOG_1, "--requests", "caf=deux"],
            1,
            ["--requests « caf=deux » invalide"],
            id="bad-requests",
        ),
        pytest.param(
            [*LOG_1, "--requests", "ursaff=1"],
            1,
            ["opérateur « ursaff » introuvable"],
            id="unknown-operator",
        ),
        pytest.param(
            ["permanences", "log", "99", "--date", "2021-04-27", "--visitors", "3"],
            1,
            ["permanence n° 99 introuvable"],
            id="unknown-permanence",
        ),
        pytest.param(
            ["permanences", "cancel", "1", "--date", "2021-07-27"],
            1,
            ["la permanence n° 1 n'a pas d'occurrence le 27 juillet 2021"],
            id="cancel-after-programme-end",
        ),
        pytest.param(
            ["permanences", "move", "1", "--date", "2021-05-04"],
            1,
            ["rien à déplacer"],
            id="move-nowhere",
        ),
        pytest.param(
            ["permanences", "schedule", "--from", "2021-05-10", "--to", "2021-05-01"],
            1,
            ["--to 2021-05-01 précède --from 2021-05-10"],
            id="schedule-reversed-range",
        ),
        pytest.param(
            ["permanences", "schedule", "--week", "2021-W17", "--from", "2021-04-26"],
            2,
            ["donner --week ou --from/--to, pas les deux"],
            id="schedule-week-and-range",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    cli: Cli, seeded_db: Path, dump: Dump, args: list[str], code: int, fragments: list[str]
) -> None:
    before = dump(seeded_db)
    result = cli(*args)
    assert_refused(result, code, *fragments)
    assert result.stdout == ""
    assert dump(seeded_db) == before


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (("--every", "thursday"), "--every « thursday »"),
        (("--rrule", "FREQ=WEEKLY;BYDAY=TH"), "--rrule « FREQ=WEEKLY;BYDAY=TH »"),
    ],
)
def test_a_rule_that_never_occurs_is_named_as_it_was_given(
    cli: Cli, seeded_db: Path, given: tuple[str, str], shown: str
) -> None:
    done = cli("permanences", "add", "--programme", "vigny-2021", "--agent",
               "vigny-conseillere-1", "--site", "17510A", *given, "--start", "09:00",
               "--end", "11:00", "--valid-from", "2021-05-03", "--valid-until",
               "2021-05-05")  # fmt: skip
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : {shown} invalide : la règle ne donne aucune date entre le 3 mai 2021 et "
        "le 5 mai 2021, quand la permanence est valable"
    ]
