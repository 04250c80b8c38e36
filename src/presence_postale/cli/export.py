"""`export`: data out of the tool, for calendars and other systems."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.feeds import export_feeds
from presence_postale.cli.mediation_exports import export_places, export_sessions
from presence_postale.cli.options import CALENDAR, RECORDS_EXPORT, SITES_EXPORT, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import DepartmentOpt, DepartmentsOpt, parse_date, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session, state
from presence_postale.errors import Message, UsageError

app = typer.Typer(cls=LazyGroup)


@app.command("calendar")
@output_options(CALENDAR)
def calendar(
    ctx: typer.Context,
    out: Output,
    start: Annotated[date, typer.Option("--from", parser=parse_date, metavar="DATE")],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE")],
    agent: Annotated[str | None, typer.Option()] = None,
    site: Annotated[str | None, typer.Option()] = None,
    programme: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.cli.permanences import window
    from presence_postale.formats.ics import calendar as to_ics
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import schedule as schedule_service

    if sum(x is not None for x in (agent, site, programme)) != 1:
        raise UsageError("usage.exactly_one", options=["--agent", "--site", "--programme"])
    first, last = window(None, start, end)
    with session(ctx) as db:
        result = schedule_service.build(
            db,
            first,
            last,
            agent=agents.get(db, agent).id if agent else None,
            site_ids=[sites.get(db, site).id] if site else None,
            programme=programmes.get(db, programme).code if programme else None,
        )
    out.write(to_ics(result.entries, out.lang), private=True)  # names agents


@app.command("sites")
@output_options(SITES_EXPORT)
def export_sites(
    ctx: typer.Context,
    out: Output,
    department: DepartmentOpt = None,
) -> None:
    from presence_postale.formats import exports as formats
    from presence_postale.formats.render import to_json
    from presence_postale.services import exports

    with session(ctx) as db:
        rows = exports.sites(db, today=today(), department=department)
    if out.format == "xlsx":
        from presence_postale.formats.render import Listing, StandardColumn

        columns = tuple(StandardColumn(key) for key in formats.SITE_COLUMNS)
        out.emit(Listing(columns, rows, title="sites"))
        return
    if out.format == "csv":
        text = formats.sites_csv(rows, excel=out.excel)
    elif out.format == "json":
        text = to_json(rows)
    else:
        text, left_out = formats.sites_geojson(rows)
        out.write(text)
        if left_out:  # said once written: a refused output is the one line an error gives
            say(Message("export.left_out", {"count": left_out}))
        return
    out.write(text)


@app.command("records")
@output_options(RECORDS_EXPORT)
def export_records(
    ctx: typer.Context,
    out: Output,
    include_personal: Annotated[bool, typer.Option("--include-personal")] = False,
    department: DepartmentsOpt = None,
) -> None:
    from presence_postale.formats import exports as formats
    from presence_postale.services import records_export
    from presence_postale.store.bulk import uncollected
    from presence_postale.store.raw import is_current_file, sqlite_reader
    from presence_postale.store.rows import DriverRows

    with uncollected():
        location = state(ctx).location()
        if not department and location.path is not None and is_current_file(location):
            # A current SQLite file, read through SQLite's own driver: SQLAlchemy not loaded.
            with sqlite_reader(location.path) as connection:
                done = records_export.records_of(
                    DriverRows(connection), include_personal=include_personal
                )
        else:
            with session(ctx) as db:
                done = records_export.records(
                    db, include_personal=include_personal, departments=department or ()
                )
        write = formats.records_yaml if out.format == "yaml" else formats.records_json
        text = write(done.sections, done.left_out)
    # Agents' names and bookings' organisations, and names and e-mails when asked.
    out.write(text, private=True)


# The places where mediation happens, in the LaMednum standard (built with the mediation commands).
app.command("mediation-places")(export_places)
app.command("mediation-sessions")(export_sessions)

# Calendars to publish, one per agent, host site and programme (built with the feed commands).
app.command("feeds")(export_feeds)
