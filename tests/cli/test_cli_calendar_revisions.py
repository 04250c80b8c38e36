"""iCalendar events follow every change of an occurrence: DTSTAMP and LAST-MODIFIED are its
last change, SEQUENCE only grows (undoing a cancellation is a change too), and an occurrence
skipped by an absence stays as STATUS:CANCELLED — in `export calendar`, `permanences schedule
--format ics` and `report weekly --format ics` alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from icalendar import Calendar
from typer.testing import Result

from backends import Database
from calendar_uids import occurrence_uid

Cli = Callable[..., Result]
PERMANENCE, DAY = 1, "2021-05-04"
WINDOW = ["--agent", "vigny-conseillere-1", "--from", "2021-05-03", "--to", "2021-05-09"]


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def event(cli: Cli, db: Database, *command: str) -> dict[str, Any]:
    text = ok(cli(*command)).stdout
    uid = occurrence_uid(db, PERMANENCE, DAY)
    (found,) = [e for e in Calendar.from_ical(text).walk("VEVENT") if str(e["uid"]) == uid]
    return {
        "sequence": int(found["sequence"]),
        "dtstamp": found.decoded("dtstamp"),
        "last_modified": found.decoded("last-modified"),
        "status": str(found["status"]),
        "description": str(found["description"]),
    }


def calendars(cli: Cli, db: Database) -> list[dict[str, Any]]:
    """The occurrence as every iCalendar output shows it (they must agree)."""
    seen = [
        event(cli, db, "export", "calendar", *WINDOW),
        event(cli, db, "permanences", "schedule", *WINDOW, "--format", "ics"),
        event(cli, db, "report", "weekly", "--week", "2021-W18", "--format", "ics"),
    ]
    assert seen[1] == seen[0] and seen[2] == seen[0]
    return seen


def test_sequence_only_grows_and_stamps_follow_each_change(cli: Cli, seeded_db: Path) -> None:
    (start,) = {tuple(sorted(e.items())) for e in calendars(cli, seeded_db)}
    first = dict(start)
    assert first["sequence"] == 0 and first["status"] == "CONFIRMED"
    assert first["dtstamp"] == first["last_modified"]

    history = [first]
    steps = [
        ("permanences", "cancel", "1", "--date", "2021-05-04", "--reason", "formation"),
        ("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"),
        (
            "agents",
            "absent",
            "vigny-conseillere-1",
            "--from",
            "2021-05-03",
            "--to",
            "2021-05-05",
            "--reason",
            "congés",
        ),
        (
            "agents",
            "absent",
            "vigny-conseillere-1",
            "--from",
            "2021-05-03",
            "--to",
            "2021-05-05",
            "--undo",
        ),
        ("permanences", "move", "1", "--date", "2021-05-04", "--to", "2021-05-06"),
        ("permanences", "move", "1", "--date", "2021-05-04", "--undo"),
    ]
    expected_status = ["CANCELLED", "CONFIRMED", "CANCELLED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]
    for step, status in zip(steps, expected_status, strict=True):
        before = datetime.now(UTC).replace(microsecond=0)
        ok(cli(*step))
        now = calendars(cli, seeded_db)[0]
        assert now["status"] == status, step
        assert now["sequence"] == history[-1]["sequence"] + 1, step
        assert now["dtstamp"] == now["last_modified"] >= before, step
        assert now["dtstamp"] >= history[-1]["dtstamp"], step
        history.append(now)
    assert [h["sequence"] for h in history] == [0, 1, 2, 3, 4, 5, 6]
    absent = history[3]
    assert "Annulée : agent absent (congés)" in absent["description"]


def test_an_outcome_changes_the_stamp_not_the_sequence(cli: Cli, seeded_db: Path) -> None:
    ok(cli("permanences", "cancel", "1", "--date", "2021-05-04"))
    ok(cli("permanences", "cancel", "1", "--date", "2021-05-04", "--undo"))
    before = calendars(cli, seeded_db)[0]
    ok(cli("permanences", "log", "1", "--date", "2021-05-04", "--visitors", "4"))
    after = calendars(cli, seeded_db)[0]
    assert after["sequence"] == before["sequence"] == 2
    assert after["last_modified"] >= before["last_modified"]


def test_the_same_data_gives_the_same_bytes(cli: Cli, seeded_db: Path) -> None:
    ok(cli("permanences", "cancel", "1", "--date", "2021-05-04"))
    first = ok(cli("export", "calendar", *WINDOW)).stdout_bytes
    assert ok(cli("export", "calendar", *WINDOW)).stdout_bytes == first
