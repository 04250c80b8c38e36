"""`mediation`: digital-mediation sessions, mediators' hours, reports, the national vocabulary."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

import typer

from presence_postale.cli.options import DATA, LISTING, gathered, option, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import (
    MAX_INTEGER,
    free_text,
    parse_counts,
    parse_date,
    parse_time,
    parse_week,
    split_list,
)
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData, Message, UsageError
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup, help="Digital mediation: sessions, mediators' hours, reports (Coop vocabulary)."
)

SESSION_COLUMNS = (
    Column("id", "number"),
    Column("date", "day"),
    Column("start"),
    Column("duration_minutes"),
    Column("site_id", "site"),
    Column("mediator"),
    Column("type", shown="session_type"),
    Column("participants"),
    Column("themes", shown="theme"),
)
DETAIL_FIELDS = (
    *SESSION_COLUMNS,
    Column("programme"),
    Column("age_bands"),
    Column("social_statuses"),
    Column("equipment", "equipment_used", shown="equipment_used"),
    Column("device_model"),
    Column("autonomy", shown="autonomy"),
    Column("redirection"),
    Column("note"),
)
HOURS_COLUMNS = (
    Column("mediator"),
    Column("week"),
    Column("scheduled_hours"),
    Column("contracted_hours"),
    Column("difference"),
    Column("lost_hours"),
    Column("by_site"),
    Column("status", shown="hours_status"),
)
THEME_COLUMNS = (
    Column("vocabulary", shown="vocabulary"),
    Column("code"),
    Column("label"),
)
# The vocabularies of the national activity reports, in the order `mediation themes` lists.
COOP_VOCABULARIES = (
    "session_type",
    "theme",
    "autonomy",
    "age_band",
    "social_status",
    "equipment_used",
)
FromOption = Annotated[
    date | None, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day.")
]
ToOption = Annotated[
    date | None, typer.Option("--to", parser=parse_date, metavar="DATE", help="Last day.")
]


def counters(
    participants: int | None,
    age_band: str | None,
    age_bands: str | None,
    social_status: str | None,
    social_statuses: str | None,
) -> tuple[int | None, dict[str, int], dict[str, int]]:
    """The people of a session: how many, and by age band and social status (an individual's
    one band or status, or a workshop's counts)."""
    ages = parse_counts(age_bands, "--age-bands")
    statuses = parse_counts(social_statuses, "--social-statuses")
    if age_band is not None:
        if ages:
            raise UsageError("usage.not_both", first="--age-band", second="--age-bands")
        ages = {age_band: participants or 1}
    if social_status is not None:
        if statuses:
            raise UsageError("usage.not_both", first="--social-status", second="--social-statuses")
        statuses = {social_status: participants or 1}
    return participants, ages, statuses


COUNTER_OPTIONS = [
    option(
        "participants", Annotated[int | None, typer.Option(help="People (a collective workshop).")]
    ),
    option("age_band", Annotated[str | None, typer.Option(help="An individual's age band: 70+.")]),
    option(
        "age_bands", Annotated[str | None, typer.Option(help="A workshop's counts: 60-69=3,70+=2.")]
    ),
    option(
        "social_status",
        Annotated[str | None, typer.Option(help="An individual's status: retraite.")],
    ),
    option(
        "social_statuses",
        Annotated[str | None, typer.Option(help="A workshop's counts: retraite=5.")],
    ),
]


@app.command("add")
@gathered("people", counters, COUNTER_OPTIONS)
def add(
    ctx: typer.Context,
    people: tuple[int | None, dict[str, int], dict[str, int]],
    site: Annotated[str, typer.Option(help="Site (id or name).")],
    mediator: Annotated[str, typer.Option(help="Mediator (agent id or name).")],
    day: Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE", help="Day.")],
    start: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM", help="Start time.")],
    duration: Annotated[int, typer.Option(help="Minutes.")],
    session_type: Annotated[str, typer.Option("--type", help="individuel or collectif.")],
    themes: Annotated[
        str, typer.Option(help="Coop themes, comma-separated (see: mediation themes).")
    ],
    equipment: Annotated[
        str | None, typer.Option(help="ordinateur, telephone, tablette, autre, aucun.")
    ] = None,
    device_model: Annotated[
        str | None, typer.Option(help="Device model: ardoiz.", callback=free_text)
    ] = None,
    programme: Annotated[str | None, typer.Option(help="Programme code.")] = None,
    autonomy: Annotated[
        str | None, typer.Option(help="entierement_accompagne, partiellement_autonome, autonome.")
    ] = None,
    redirection: Annotated[
        str | None, typer.Option(help="Where the person was sent on to.", callback=free_text)
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free note.", callback=free_text)] = None,
    strict: Annotated[
        bool, typer.Option(help="Refuse the session when it carries warnings.")
    ] = False,
) -> None:
    """Record a mediation session; odd ones (outside the mediator's presence, on a holiday,
    at a site without an îlot numérique, longer than the site is open) are warnings.

    Example: presence-postale mediation add --site 00518A --mediator allier-mediateur
    --date 2019-03-19 --start 10:00 --duration 90 --type individuel
    --themes email,navigation_sur_internet --equipment ordinateur --age-band 70+
    """
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import mediation as service

    participants, ages, statuses = people
    with session(ctx, write=True) as db:
        new = service.NewSession(
            site=sites.get(db, site),
            mediator=agents.get(db, mediator),
            programme=programmes.get(db, programme) if programme else None,
            day=day,
            start=start,
            minutes=duration,
            session_type=session_type,
            participants=participants,
            age_bands=ages,
            social_statuses=statuses,
            themes=split_list(themes),
            equipment=split_list(equipment),
            device_model=device_model,
            autonomy=autonomy,
            redirection=redirection,
            note=note,
        )
        record, warnings = service.add(db, new, strict=strict)
        done = Message(
            "mediation.recorded", {"session": record.id, "site": new.site.id, "date": day}
        )
    for warning in warnings:
        say(Message("notice.warning", {"message": warning}))
    say(done)


@app.command("list")
@output_options(LISTING)
def list_sessions(
    ctx: typer.Context,
    out: Output,
    start: FromOption = None,
    end: ToOption = None,
    site: Annotated[str | None, typer.Option(help="Only at this site.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    mediator: Annotated[str | None, typer.Option(help="Only this mediator.")] = None,
) -> None:
    """List mediation sessions.

    Example: presence-postale mediation list --from 2019-03-01 --to 2019-03-31
    """
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import mediation as service

    if start is not None and end is not None and end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)
    with session(ctx) as db:
        rows = service.listing(
            db,
            start=start,
            end=end,
            site=sites.get(db, site).id if site else None,
            programme=programmes.get(db, programme).code if programme else None,
            mediator=agents.get(db, mediator).id if mediator else None,
        )
    out.emit(Listing(SESSION_COLUMNS, rows))


@app.command("show")
@output_options(LISTING)
def show(
    ctx: typer.Context,
    out: Output,
    session_id: Annotated[int, typer.Argument(help="Session number.", max=MAX_INTEGER)],
) -> None:
    """One mediation session.

    Example: presence-postale mediation show 1
    """
    from presence_postale.services import mediation as service

    with session(ctx) as db:
        data = service.row(service.get(db, session_id))
    title = Message("mediation.title", {"session": session_id})
    out.emit(Record(DETAIL_FIELDS, data, title=title))


@app.command("themes")
@output_options(LISTING)
def themes(out: Output) -> None:
    """The national vocabularies (Coop de la médiation numérique) with their labels.

    Example: presence-postale mediation themes --format csv
    """
    from presence_postale.domain import vocab
    from presence_postale.formats import words

    rows: list[dict[str, Any]] = [
        {"vocabulary": name, "code": code, "label": words.label(name, code, out.lang)}
        for name in COOP_VOCABULARIES
        for code in vocab.VOCABULARIES[name]
    ]
    out.emit(Listing(THEME_COLUMNS, rows))


@app.command("hours")
@output_options(LISTING)
def hours(
    ctx: typer.Context,
    out: Output,
    week: Annotated[
        IsoWeek, typer.Option(parser=parse_week, metavar="WEEK", help="2019-W12, this, next, last.")
    ] = "this",  # type: ignore[assignment]
    mediator: Annotated[str | None, typer.Option(help="One mediator (default: all).")] = None,
) -> None:
    """Each mediator's scheduled presence that week against the contracted hours.

    Example: presence-postale mediation hours --week 2019-W12
    """
    from presence_postale.services import agents
    from presence_postale.services import mediation as service

    with session(ctx) as db:
        rows = service.hours(db, week, agents.get(db, mediator) if mediator else None)
    out.emit(Listing(HOURS_COLUMNS, rows))


@app.command("report")
@output_options(LISTING)
def report(
    ctx: typer.Context,
    out: Output,
    start: Annotated[
        date, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day.")
    ],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE", help="Last day.")],
    site: Annotated[str | None, typer.Option(help="Only this site.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
) -> None:
    """Sessions, people, hours by site, theme, type, age band and month; the share of
    seniors; the Ardoiz tablet's figures.

    Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 --format markdown
    """
    from presence_postale.formats.reports.mediation import render_mediation
    from presence_postale.services import mediation as service
    from presence_postale.services import programmes, sites

    with session(ctx) as db:
        data = service.report(
            db,
            start=start,
            end=end,
            site=sites.get(db, site).id if site else None,
            programme=programmes.get(db, programme).code if programme else None,
        )
    out.render(render_mediation, data)


@output_options(DATA)
def export_places(
    ctx: typer.Context,
    out: Output,
    department: Annotated[
        str | None, typer.Option("--department", "-d", help="Department code.")
    ] = None,
) -> None:
    """The sites that offer digital mediation, in the national *lieux de médiation numérique*
    standard (LaMednum schema; multiple values joined by |, hours in OSM syntax).

    Example: presence-postale export mediation-places --format csv --output lieux.csv
    """
    from presence_postale.formats.render import to_csv, to_json
    from presence_postale.services import mediation_places

    with session(ctx) as db:
        rows = mediation_places.places(db, department=department)
    if out.format == "json":
        out.write(to_json(rows))
    else:
        out.write(to_csv(mediation_places.PLACE_FIELDS, rows, excel=out.excel))
