"""`permanences`: schedule, add (refusals naming the conflicting record, --force), cancel, move,
undo, log — on the seeded database, through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

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
    assert lines[0].startswith("error: ")
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
    assert "2021-07-12 → 2021-07-18" in table
    line = next(x for x in table.splitlines() if "14/07/2021" in x)
    assert "mercredi 14/07/2021" in line and "sautée" in line and "Fête nationale" in line


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
    assert result.stderr == "cancelled the occurrence of 2021-05-04 of permanence #1\n"
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert (row["date"], row["status"], row["reason"]) == (
        "2021-05-04",
        "cancelled",
        "agent en formation",
    )
    assert_refused(
        cli("permanences", "log", "1", "--date", "2021-05-04", "--visitors", "3"),
        1,
        "the occurrence of 2021-05-04 of permanence #1 was cancelled",
    )
    assert_refused(
        cli("permanences", "cancel", "1", "--date", "2021-05-04"),
        1,
        "already cancelled or moved",
        "--undo",
    )
    result = ok(cli("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"))
    assert result.stderr == (
        "restored the occurrence of 2021-05-04 of permanence #1 (was cancelled)\n"
    )
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert row["status"] == "scheduled"
    assert_refused(
        cli("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"),
        1,
        "has no change to undo",
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
    assert result.stderr == "moved the occurrence of 2021-05-05 of permanence #2 to 2021-05-07\n"
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
    assert logged.stderr == "logged permanence #2 on 2021-05-05: 5 visitors\n"
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "17443A")
    assert (row["status"], row["visitors"]) == ("moved", 5)
    assert_refused(
        cli("permanences", "log", "2", "--date", "2021-05-05", "--visitors", "5"),
        1,
        "was moved to 2021-05-07",
    )
    ok(cli("permanences", "move", "2", "--date", "2021-05-05", "--undo"))
    (row,) = schedule_json(cli, "--week", "2021-W18", "--site", "17443A")
    assert (row["date"], row["status"], row["visitors"]) == ("2021-05-05", "held", 5)


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
    assert result.stderr == "logged permanence #1 on 2021-04-27: 6 visitors\n"
    result = ok(cli("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "7"))
    assert result.stderr == "corrected permanence #1 on 2021-04-27: 7 visitors\n"
    (row,) = schedule_json(cli, "--week", "2021-W17", "--site", "mairie-grisy-les-platres")
    assert (row["status"], row["visitors"]) == ("held", 7)
    shown = json.loads(ok(cli("permanences", "show", "1", "--format", "json")).stdout)
    assert shown["outcomes"] == [
        {"date": "2021-04-27", "visitors": 7, "requests": {}, "note": None}
    ]


def test_log_refuses_a_future_date(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    # An Allier Tuesday (no end date) well after today, whatever today is.
    future = date.today() + timedelta(days=30)
    future += timedelta(days=(1 - future.weekday()) % 7)
    assert_refused(
        cli("permanences", "log", "3", "--date", future.isoformat(), "--visitors", "2"),
        1,
        f"invalid --date {future.isoformat()}: it is in the future",
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
        "added permanence #6 (FREQ=WEEKLY;BYDAY=TU, 14:00-16:00 at mairie-grisy-les-platres)\n"
    )
    shown = json.loads(ok(cli("permanences", "show", "6", "--format", "json")).stdout)
    assert (shown["recurrence"], shown["operators"]) == ("chaque mardi", ["caf", "msa"])
    rows = schedule_json(cli, "--week", "2021-W18", "--site", "mairie-grisy-les-platres")
    assert [(r["permanence_id"], r["start"]) for r in rows] == [(1, "09:00"), (6, "14:00")]


def test_add_refuses_an_agent_in_two_places(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    assert_refused(
        cli(*VIGNY_OVERLAP),
        1,
        "agent vigny-conseillere-1 already holds permanence #1 at mairie-grisy-les-platres",
        "2021-04-27 09:00-12:00",
        "--force",
    )
    assert dump(seeded_db) == before


def test_add_refuses_a_host_not_open(cli: Cli, seeded_db: Path, dump: Dump) -> None:
    before = dump(seeded_db)
    assert_refused(
        cli(*SATURDAY_AFTERNOON),
        1,
        "host site 17510A is not open Saturday 15/05/2021 14:00-16:00",
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
        "host site 17510A is closed from 2021-06-01 to 2021-06-15 (travaux)",
        "on the occurrence of 2021-06-07",
    )
    assert "not open" not in line  # Monday mornings are within the hours
    assert dump(seeded_db) == before


def test_force_creates_it_and_reports_warn(cli: Cli, seeded_db: Path) -> None:
    result = ok(cli(*VIGNY_OVERLAP, "--force"))
    assert result.stderr.splitlines() == [
        "warning: agent vigny-conseillere-1 already holds permanence #1 at "
        "mairie-grisy-les-platres Mairie de Grisy-les-Plâtres on 2021-04-27 09:00-12:00",
        "added permanence #6 (FREQ=WEEKLY;BYDAY=TU, 10:00-11:00 at 17510A)",
    ]
    ok(cli(*SATURDAY_AFTERNOON, "--force"))
    warning = (
        "agent vigny-conseillere-1 à deux endroits en même temps : permanence #1 "
        "(mairie-grisy-les-platres Mairie de Grisy-les-Plâtres, mardi 27/04/2021 09:00-12:00) / "
        "permanence #6 (17510A Bureau de poste de Vigny, mardi 27/04/2021 10:00-11:00)"
    )
    report = json.loads(
        ok(cli("report", "weekly", "--week", "2021-W17", "-d", "95", "--format", "json")).stdout
    )
    assert report["warnings"] == [warning]
    table = ok(cli("report", "weekly", "--week", "2021-W17", "-d", "95")).stdout
    assert f"  • {warning}" in table
    strict = cli("report", "weekly", "--week", "2021-W17", "-d", "95", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout == table  # the report is still written
    assert strict.stderr == f"error: the report carries 1 warning(s): {warning}\n"
    week19 = json.loads(
        ok(cli("report", "weekly", "--week", "2021-W19", "-d", "95", "--format", "json")).stdout
    )
    assert (
        "permanence #7 (17510A Bureau de poste de Vigny, samedi 15/05/2021 14:00-16:00) hors des "
        "horaires d'ouverture du site" in week19["warnings"]
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
            ["--week", "2021-W54", "52 ISO weeks"],
            id="week-54",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "funday", "--start", "09:00", "--end", "10:00"],
            1,
            ["invalid --every 'funday'", "'funday' is not understood"],
            id="funday",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--every", "monday", "--start", "12:00", "--end", "09:00"],
            1,
            ["invalid --end '09:00': end 09:00 is not after start 12:00"],
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
                "the rule FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25 yields no occurrence",
                "27 April 2021 to 26 July 2021",
                "vigny-2021",
            ],
            id="rrule-without-occurrence",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--rrule", "FREQ=SOMETIMES", "--start", "09:00", "--end", "10:00"],
            1,
            ["invalid --rrule 'FREQ=SOMETIMES'"],
            id="bad-rrule",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--agent", "nobody", "--every", "mon", *MORNING],
            1,
            ["agent 'nobody' not found"],
            id="unknown-agent",
        ),
        pytest.param(
            [*ADD_AT_VIGNY, "--start", "09:00", "--end", "10:00"],
            2,
            ["give either --every or --rrule"],
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
            ["permanence #1 has no occurrence on 2021-04-28"],
            id="log-not-an-occurrence",
        ),
        pytest.param(
            ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "-3"],
            1,
            ["invalid --visitors -3"],
            id="negative-visitors",
        ),
        pytest.param(
            [*LOG_1, "--requests", "caf=deux"],
            1,
            ["invalid --requests 'caf=deux'"],
            id="bad-requests",
        ),
        pytest.param(
            [*LOG_1, "--requests", "ursaff=1"],
            1,
            ["operator 'ursaff' not found"],
            id="unknown-operator",
        ),
        pytest.param(
            ["permanences", "log", "99", "--date", "2021-04-27", "--visitors", "3"],
            1,
            ["permanence #99 not found"],
            id="unknown-permanence",
        ),
        pytest.param(
            ["permanences", "cancel", "1", "--date", "2021-07-27"],
            1,
            ["permanence #1 has no occurrence on 2021-07-27"],
            id="cancel-after-programme-end",
        ),
        pytest.param(
            ["permanences", "move", "1", "--date", "2021-05-04"],
            1,
            ["nothing to move"],
            id="move-nowhere",
        ),
        pytest.param(
            ["permanences", "schedule", "--from", "2021-05-10", "--to", "2021-05-01"],
            1,
            ["--to 2021-05-01 is before --from 2021-05-10"],
            id="schedule-reversed-range",
        ),
        pytest.param(
            ["permanences", "schedule", "--week", "2021-W17", "--from", "2021-04-26"],
            2,
            ["--week or --from/--to"],
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
