"""`agents absent`, `agents absences` and `permanences cancel --from --to` through the CLI:
what they say, what they list, and bad input refused in one line with the database unchanged."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from typer.testing import Result

from backends import Database, dump_database
from presence_postale.cli.environment import Environment
from presence_postale.errors import Message
from presence_postale.formats import words

Cli = Callable[..., Result]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The shared runner, in English: these tests read the English catalogue's words."""

    def english(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return cli(*args, input=input, env=env or Environment(lang="en"))

    return english


ABSENT = ["agents", "absent", "vigny-conseillere-1", "--from", "2021-05-03", "--to", "2021-05-16"]


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def test_an_absence_recorded_listed_shown_and_removed(cli: Cli, seeded_db: Database) -> None:
    said = ok(cli(*ABSENT, "--reason", "congés")).stderr
    recorded = Message(
        "absence.recorded",
        {
            "agent": "vigny-conseillere-1",
            "start": date(2021, 5, 3),
            "end": date(2021, 5, 16),
            "n": 2,
        },
    )
    assert said == words.say(recorded, "en") + "\n"
    listed = json.loads(ok(cli("agents", "absences", "--format", "json")).stdout)
    assert listed == [
        {
            "agent": "vigny-conseillere-1",
            "name": None,
            "from": "2021-05-03",
            "to": "2021-05-16",
            "days": 14,
            "reason": "congés",
        }
    ]
    assert (
        json.loads(ok(cli("agents", "absences", "--from", "2021-06-01", "-f", "json")).stdout) == []
    )
    table = ok(cli("permanences", "schedule", "--week", "2021-W18", "--lang", "fr")).stdout
    assert "Agent absent" in table and "congés" in table
    weekly = json.loads(ok(cli("report", "weekly", "--week", "2021-W18", "-f", "json")).stdout)
    statuses = {
        (p["permanence_id"], p["date"]): (p["status"], p["reason"])
        for site in weekly["sites"]
        for p in site["permanences"]
    }
    assert statuses[(1, "2021-05-04")] == ("absent", "congés")
    assert statuses[(2, "2021-05-05")] == ("scheduled", None)
    ok(cli(*ABSENT, "--undo"))
    assert json.loads(ok(cli("agents", "absences", "-f", "json")).stdout) == []


def test_cancel_a_range(cli: Cli, seeded_db: Database) -> None:
    result = ok(
        cli(
            "permanences",
            "cancel",
            "2",
            "--from",
            "2021-07-01",
            "--to",
            "2021-07-31",
            "--reason",
            "congés d'été",
        )
    )
    lines = result.stderr.splitlines()
    done = Message(
        "cancel.range_done",
        {"permanence": 2, "n": 2, "start": date(2021, 7, 1), "end": date(2021, 7, 31)},
    )
    assert lines == [
        words.say(done, "en"),
        words.say(Message("cancel.range_left", {"n": 1}), "en"),  # 14 July, a holiday
    ]
    schedule = json.loads(
        ok(
            cli(
                "permanences",
                "schedule",
                "--from",
                "2021-07-01",
                "--to",
                "2021-07-31",
                "--programme",
                "vigny-2021",
                "-f",
                "json",
            )
        ).stdout
    )
    assert [(r["date"], r["status"]) for r in schedule if r["permanence_id"] == 2] == [
        ("2021-07-07", "cancelled"),
        ("2021-07-14", "skipped"),
        ("2021-07-21", "cancelled"),  # the programme ends on 26 July
    ]
    ok(cli("permanences", "cancel", "2", "--from", "2021-07-01", "--to", "2021-07-31", "--undo"))


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["agents", "absent", "nobody", "--from", "2021-05-03", "--to", "2021-05-16"], 1, "nobody"),
        ([*ABSENT[:4], "2021-05-16", "--to", "2021-05-03"], 1, "--to"),
        ([*ABSENT, "--undo"], 1, "agents absences"),
        (
            [
                "agents",
                "absent",
                "vigny-conseillere-1",
                "--from",
                "2021-01-01",
                "--to",
                "2022-06-30",
            ],
            1,
            "366",
        ),
        ([*ABSENT[:4], "hier", "--to", "2021-05-16"], 2, "--from"),
        (["agents", "absences", "--from", "2021-05-16", "--to", "2021-05-03"], 1, "--to"),
        (["agents", "absences", "--agent", "nobody"], 1, "nobody"),
        (["permanences", "cancel", "1", "--from", "2021-05-16", "--to", "2021-05-03"], 1, "--to"),
        (["permanences", "cancel", "1", "--from", "2021-05-03"], 2, "--date"),
        (
            [
                "permanences",
                "cancel",
                "1",
                "--date",
                "2021-05-04",
                "--from",
                "2021-05-03",
                "--to",
                "2021-05-16",
            ],
            2,
            "--date",
        ),
        (
            ["permanences", "cancel", "1", "--from", "2021-05-03", "--to", "2021-05-16", "--undo"],
            1,
            "#1",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Cli, seeded_db: Database, argv: list[str], code: int, fragment: str
) -> None:
    before = dump_database(seeded_db)
    result = cli(*argv)
    assert result.exit_code == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), lines
    assert fragment in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert dump_database(seeded_db) == before


def test_an_absence_or_a_range_over_a_logged_occurrence_names_it(
    cli: Cli, seeded_db: Database
) -> None:
    ok(cli("permanences", "log", "1", "--date", "2021-05-11", "--visitors", "4"))
    before = dump_database(seeded_db)
    for argv in (
        [*ABSENT, "--reason", "congés"],
        ["permanences", "cancel", "1", "--from", "2021-05-03", "--to", "2021-05-16"],
    ):
        result = cli(*argv)
        assert result.exit_code == 1
        (line,) = result.stderr.strip().splitlines()
        assert "#1" in line and "11/05/2021" in line and "logged outcome" in line
    assert dump_database(seeded_db) == before


def test_an_absence_over_a_recorded_mediation_session_is_refused(
    cli: Cli, seeded_db: Database
) -> None:
    ok(
        cli(
            "mediation",
            "add",
            "--site",
            "00518A",
            "--mediator",
            "allier-mediateur",
            "--date",
            "2019-03-19",
            "--start",
            "10:00",
            "--duration",
            "90",
            "--type",
            "individuel",
            "--themes",
            "email",
        )
    )
    before = dump_database(seeded_db)
    result = cli(
        "agents",
        "absent",
        "allier-mediateur",
        "--from",
        "2019-03-18",
        "--to",
        "2019-03-22",
        "--reason",
        "congés",
    )
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "mediation session #1" in line and "19/03/2019" in line
    assert dump_database(seeded_db) == before


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv"])
def test_every_layout_of_the_weekly_report_shows_the_absence(
    cli: Cli, seeded_db: Database, fmt: str
) -> None:
    ok(cli(*ABSENT, "--reason", "congés"))
    out = ok(
        cli("report", "weekly", "--week", "2021-W18", "-d", "95", "-f", fmt, "--lang", "fr")
    ).stdout
    assert "congés" in out
    if fmt != "csv":
        assert "Agent absent" in out or "agent absent" in out
        assert "1 sautée pour une absence" in out
    else:
        assert ",absent," in out
