"""Calendar UIDs name a record the same way in every database: the same permanence, exported
with `export records` and imported into another database where its row number differs, gives
byte-identical UIDs; a row number reused after a delete never gives a new event an old UID.
On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from icalendar import Calendar
from typer.testing import Result

from backends import Database, query
from records_files import export, location

Cli = Callable[..., Result]
ADD = ("permanences", "add", "--programme", "allier-mediation-2019", "--agent",
       "allier-mediateur", "--site", "00518A", "--start", "09:00", "--end", "12:00",
       "--valid-from", "2019-03-04")  # fmt: skip
WINDOWS = (
    ("--programme", "allier-mediation-2019", "--from", "2019-03-01", "--to", "2019-06-30"),
    ("--programme", "vigny-2021", "--from", "2021-04-26", "--to", "2021-07-31"),
)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def uids(cli: Cli, db: Database, window: tuple[str, ...]) -> list[str]:
    """The calendar's UIDs in file order, each once (a UID twice in one file fails)."""
    text = ok(cli("--db", location(db), "export", "calendar", *window)).stdout
    found = [str(e["uid"]) for e in Calendar.from_ical(text).walk("VEVENT")]
    assert found and len(set(found)) == len(found)
    return found


def numbers(db: Database) -> dict[str, int]:
    return {uid: n for n, uid in query(db, "SELECT id, uid FROM permanence")}


def test_the_same_permanence_has_the_same_uids_in_another_database(
    cli: Cli, seeded_db: Database, empty_database: Callable[[], Database], tmp_path: Path
) -> None:
    ok(cli(*ADD, "--every", "monday"))  # a permanence made by a command: a random uid
    export(cli, None, tmp_path / "records.yaml", "--include-personal")
    other = empty_database()
    ok(cli("--db", location(other), "import", "records", str(tmp_path / "records.yaml")))
    # The other database numbers the permanences its own way...
    assert numbers(other).keys() == numbers(seeded_db).keys()
    assert numbers(other) != numbers(seeded_db)
    # ...and its calendars name every occurrence as the first one does, byte for byte.
    for window in WINDOWS:
        assert uids(cli, other, window) == uids(cli, seeded_db, window)


def test_a_row_number_used_again_gives_no_old_uid(cli: Cli, seeded_db: Database) -> None:
    ok(cli(*ADD, "--every", "monday"))
    ((row,),) = query(seeded_db, "SELECT max(id) FROM permanence")
    before = set(uids(cli, seeded_db, WINDOWS[0]))
    query(seeded_db, "DELETE FROM permanence WHERE id = ?", row)
    # The same permanence again, under the same number where the database reuses it.
    ok(cli(*ADD, "--every", "monday"))
    after = set(uids(cli, seeded_db, WINDOWS[0]))
    ((again, uid),) = query(seeded_db, "SELECT id, uid FROM permanence WHERE id >= ?", row)
    if isinstance(seeded_db, Path):
        assert again == row  # SQLite numbers the new row as the deleted one
    gone, new = before - after, after - before
    assert gone and len(new) == len(gone)
    assert all(f"permanence-{uid}-" in event for event in new)
