"""`export feeds DIR`: calendars to publish — one per agent, per host site and per programme —
that a web server serves and calendar applications subscribe to."""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer

from presence_postale.cli.environment import current
from presence_postale.cli.options import LangOption
from presence_postale.cli.output import refuse_database, replace_if_changed, say
from presence_postale.cli.params import check_period, parse_date, today
from presence_postale.cli.state import session
from presence_postale.errors import InvalidData, Message, os_reason

# Published feeds cover four weeks back (what was cancelled stays visible) and a year ahead.
WEEKS_BACK, WEEKS_AHEAD = 4, 52


def export_feeds(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(readable=False)],
    start: Annotated[
        date | None,
        typer.Option("--from", parser=parse_date, metavar="DATE"),
    ] = None,
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    alarm: Annotated[str | None, typer.Option()] = None,
    refresh: Annotated[str, typer.Option()] = "1h",
    lang: LangOption = None,
) -> None:
    from presence_postale.domain.durations import parse_lead
    from presence_postale.formats.feeds import files
    from presence_postale.services import feeds

    lead = parse_lead(alarm, "--alarm") if alarm is not None else None
    every = parse_lead(refresh, "--refresh")
    first, last = _window(start, end)
    check_period(first, last)
    target = ready(directory)
    with session(ctx) as db:
        found = feeds.collect(db, first, last)
    written = unchanged = 0
    env = current()
    made = files(found, refresh=every, alarm=lead, lang=env.language)
    for name in made:  # all refused before one is written
        refuse_database(target / name, target / name, env)
    for name, text in made.items():
        if replace_if_changed(target / name, text.encode("utf-8")):
            written += 1
        else:
            unchanged += 1
    say(Message("feeds.written", {"written": written, "unchanged": unchanged, "path": str(target)}))


def _window(start: date | None, end: date | None) -> tuple[date, date]:
    day = today()
    monday = day - timedelta(days=day.weekday())
    return (
        start or monday - timedelta(weeks=WEEKS_BACK),
        end or monday + timedelta(weeks=WEEKS_AHEAD, days=6),
    )


def ready(directory: Path) -> Path:
    """The feeds' directory, created if missing (its parent must exist), and known to take
    new files — checked before anything is written."""
    target = directory.expanduser()
    if target.exists() and not target.is_dir():
        raise InvalidData("feeds.not_a_directory", path=str(directory))
    if not target.exists():
        if not target.parent.is_dir():
            raise InvalidData("feeds.no_parent", path=str(directory), parent=str(target.parent))
        try:
            target.mkdir(mode=0o755)
        except OSError as error:
            raise InvalidData(
                "feeds.not_writable", path=str(directory), reason=os_reason(error)
            ) from None
    try:
        fd, probe = tempfile.mkstemp(dir=target, prefix=".probe.")
    except OSError as error:
        raise InvalidData(
            "feeds.not_writable", path=str(directory), reason=os_reason(error)
        ) from None
    os.close(fd)
    os.unlink(probe)
    return target
