"""`export feeds DIR`: one calendar per agent, host site and programme, read back with
`icalendar` and `recurring-ical-events`; written atomically, left untouched when unchanged."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import recurring_ical_events
from icalendar import Calendar
from typer.testing import Result

from calendar_uids import occurrence_uid
from presence_postale.errors import Message
from presence_postale.formats import words

Cli = Callable[..., Result]


WINDOW = ["--from", "2021-04-26", "--to", "2021-05-30"]
FEEDS = {
    "agent-allier-mediateur.ics",
    "agent-vigny-conseillere-1.ics",
    "agent-vigny-conseillere-2.ics",
    "programme-allier-mediation-2019.ics",
    "programme-vigny-2021.ics",
    "site-00486A.ics",
    "site-00502A.ics",
    "site-00518A.ics",
    "site-17443A.ics",
    "site-mairie-grisy-les-platres.ics",
}


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events_between(path: Path, start: date, end: date) -> dict[str, Any]:
    """The events a calendar application shows from `start` to `end`, by UID."""
    shown = recurring_ical_events.of(read(path)).between(start, end + timedelta(days=1))
    return {str(e["uid"]): e for e in shown}


def test_one_feed_per_agent_site_and_programme(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    feeds = tmp_path / "calendriers"
    result = ok(cli("export", "feeds", str(feeds), *WINDOW, "--alarm", "1h"))
    assert result.stdout == ""
    assert {p.name for p in feeds.iterdir()} == FEEDS  # no temporary file left behind
    agent = read(feeds / "agent-vigny-conseillere-1.ics")
    assert str(agent["refresh-interval"].to_ical().decode()) == "PT1H"
    assert agent["refresh-interval"].params["VALUE"] == "DURATION"
    assert str(agent["x-published-ttl"]) == "PT1H"
    assert str(agent["x-wr-calname"]) == "Permanences de vigny-conseillere-1"
    # What a calendar application shows is what the schedule lists, feed by feed.
    rows = json.loads(ok(cli("permanences", "schedule", *WINDOW, "--format", "json")).stdout)
    for name, keep in (
        ("agent-vigny-conseillere-1.ics", lambda r: r["agent_id"] == "vigny-conseillere-1"),
        ("site-17443A.ics", lambda r: r["site_id"] == "17443A"),
        ("programme-vigny-2021.ics", lambda r: r["programme"] == "vigny-2021"),
    ):
        shown = events_between(feeds / name, date(2021, 4, 26), date(2021, 5, 30))
        expected = {
            occurrence_uid(seeded_db, r["permanence_id"], r["original_date"]): datetime.combine(
                date.fromisoformat(r["date"]), time.fromisoformat(r["start"])
            )
            for r in rows
            if keep(r) and r["status"] != "skipped"
        }
        assert {uid: e.decoded("dtstart").replace(tzinfo=None) for uid, e in shown.items()} == (
            expected
        ), name
    for event in read(feeds / "agent-vigny-conseillere-1.ics").walk("VEVENT"):
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == -timedelta(hours=1)
        assert str(alarm["action"]) == "DISPLAY"


def test_unchanged_feeds_keep_their_bytes_and_time(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    feeds = tmp_path / "feeds"
    ok(cli("export", "feeds", str(feeds), *WINDOW))
    old = 1_000_000_000  # 2001: any time a rewrite would change
    for path in feeds.iterdir():
        os.utime(path, (old, old))
    before = {p.name: p.read_bytes() for p in feeds.iterdir()}
    again = ok(cli("export", "feeds", str(feeds), *WINDOW))
    said = Message("feeds.written", {"written": 0, "unchanged": 10, "path": str(feeds)})
    assert again.stderr == words.say(said) + "\n"
    assert all(p.stat().st_mtime == old for p in feeds.iterdir())

    grisy = feeds / "site-mairie-grisy-les-platres.ics"
    reader = grisy.open("rb")  # a web server in the middle of serving the old file
    ok(cli("permanences", "cancel", "1", "--date", "2021-05-04", "--reason", "salle prise"))
    ok(cli("export", "feeds", str(feeds), *WINDOW))
    changed = {p.name for p in feeds.iterdir() if p.stat().st_mtime != old}
    assert changed == {
        "agent-vigny-conseillere-1.ics",
        "programme-vigny-2021.ics",
        "site-mairie-grisy-les-platres.ics",
    }
    for path in feeds.iterdir():
        if path.name not in changed:
            assert path.read_bytes() == before[path.name]
    # The file was replaced, not rewritten in place: the old reader still reads the whole
    # old file, a new reader the whole new one.
    assert reader.read() == before[grisy.name]
    reader.close()
    (event,) = [
        e
        for e in read(grisy).walk("VEVENT")
        if str(e["uid"]) == occurrence_uid(seeded_db, 1, "2021-05-04")
    ]
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) == 1
    assert event.walk("VALARM") == []


def test_an_absence_is_published_without_its_reason(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    ok(
        cli(
            "agents",
            "absent",
            "vigny-conseillere-1",
            "--from",
            "2021-05-03",
            "--to",
            "2021-05-09",
            "--reason",
            "arrêt maladie",
        )
    )
    feeds = tmp_path / "feeds"
    ok(cli("export", "feeds", str(feeds), *WINDOW, "--alarm", "30m"))
    for name in ("agent-vigny-conseillere-1.ics", "site-mairie-grisy-les-platres.ics"):
        text = (feeds / name).read_text(encoding="utf-8")
        assert "maladie" not in text
        (event,) = [
            e
            for e in read(feeds / name).walk("VEVENT")
            if str(e["uid"]) == occurrence_uid(seeded_db, 1, "2021-05-04")
        ]
        assert str(event["status"]) == "CANCELLED"
        assert "Annulée : agent absent\n" in str(event["description"]) + "\n"
        assert event.walk("VALARM") == []
    # The delegate's own export says why.
    own = ok(cli("export", "calendar", "--agent", "vigny-conseillere-1", *WINDOW)).stdout
    assert "agent absent (arrêt maladie)" in own


def unwritable(tmp_path: Path) -> Path:
    """A directory no file can be created in (root ignores permissions: a kernel one then)."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    return locked


@pytest.mark.parametrize("where", ["file", "unwritable", "no-parent"])
def test_a_directory_that_cannot_take_the_feeds_is_refused(
    cli: Cli, seeded_db: Path, tmp_path: Path, where: str
) -> None:
    target = {
        "file": tmp_path / "feeds.ics",
        "unwritable": unwritable(tmp_path),
        "no-parent": tmp_path / "missing" / "feeds",
    }[where]
    if where == "file":
        target.write_text("not a directory\n")
    before = sorted(tmp_path.rglob("*"))
    result = cli("export", "feeds", str(target))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("erreur :") and str(target) in lines[0]
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("value", ["5", "0m", "1x", "30d", ""])
def test_a_bad_lead_time_is_a_usage_error(
    cli: Cli, seeded_db: Path, tmp_path: Path, value: str
) -> None:
    result = cli("export", "feeds", str(tmp_path / "feeds"), "--alarm", value)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--alarm" in result.stderr
    assert not (tmp_path / "feeds").exists()


def test_a_fifo_in_place_of_a_feed_is_replaced_not_waited_on(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A feed is compared with the file of its name before it is written: a FIFO of that name
    is no feed, and reading it would wait for a writer for ever."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    os.mkfifo(feeds / "programme-vigny-2021.ics")
    said = Message("feeds.written", {"written": 10, "unchanged": 0, "path": str(feeds)})
    assert ok(cli("export", "feeds", str(feeds), *WINDOW)).stderr == words.say(said) + "\n"
    assert {p.name for p in feeds.iterdir()} == FEEDS
    assert read(feeds / "programme-vigny-2021.ics").walk("VEVENT")


def test_a_period_too_long_is_refused_as_a_calendar_s_is(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """The feeds said « une récurrence se calcule sur 4018 jours au plus », the expansion's
    bound, where a calendar says which dates make too long a period."""
    done = cli("export", "feeds", str(tmp_path / "f"), "--from", "1900-01-01", "--to", "2199-12-31")
    assert done.exit_code == 1
    assert done.stderr == (
        "erreur : période invalide du 1er janvier 1900 au 31 décembre 2199 : dix ans au plus "
        "à la fois\n"
    )
    assert not (tmp_path / "f").exists()
