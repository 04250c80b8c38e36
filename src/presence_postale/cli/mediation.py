"""`mediation`: digital-mediation sessions, mediators' hours, reports, the national vocabulary."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

import typer

from presence_postale.cli.output import (
    FormatOption,
    LangOption,
    OutputOption,
    check_choice,
    emit,
    write_text,
)
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
from presence_postale.errors import InvalidData
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup, help="Digital mediation: sessions, mediators' hours, reports (Coop vocabulary)."
)

SESSION_COLUMNS = (
    Column("id", "n°", "no."),
    Column("date", "jour", "day"),
    Column("start", "début", "start"),
    Column("duration_minutes", "durée (min)", "minutes"),
    Column("site_id", "site", "site"),
    Column("mediator", "médiateur", "mediator"),
    Column("type", "type", "type"),
    Column("participants", "participants", "participants"),
    Column("themes", "thèmes", "themes"),
)


@app.command("add")
def add(
    ctx: typer.Context,
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
    participants: Annotated[
        int | None, typer.Option(help="People (a collective workshop).")
    ] = None,
    age_band: Annotated[str | None, typer.Option(help="An individual's age band: 70+.")] = None,
    age_bands: Annotated[
        str | None, typer.Option(help="A workshop's counts: 60-69=3,70+=2.")
    ] = None,
    social_status: Annotated[
        str | None, typer.Option(help="An individual's status: retraite.")
    ] = None,
    social_statuses: Annotated[
        str | None, typer.Option(help="A workshop's counts: retraite=5.")
    ] = None,
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

    ages = parse_counts(age_bands, "--age-bands")
    statuses = parse_counts(social_statuses, "--social-statuses")
    if age_band is not None:
        if ages:
            raise typer.BadParameter(
                "give --age-band or --age-bands, not both", param_hint="--age-band"
            )
        ages = {age_band: participants or 1}
    if social_status is not None:
        if statuses:
            raise typer.BadParameter(
                "give --social-status or --social-statuses", param_hint="--social-status"
            )
        statuses = {social_status: participants or 1}
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
        record, warnings = service.add(db, new, strict=strict, lang="en")
        message = f"recorded mediation session #{record.id} at {new.site.id} on {day}"
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(message, err=True)


@app.command("list")
def list_sessions(
    ctx: typer.Context,
    start: Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")] = None,
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    site: Annotated[str | None, typer.Option(help="Only at this site.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    mediator: Annotated[str | None, typer.Option(help="Only this mediator.")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """List mediation sessions.

    Example: presence-postale mediation list --from 2019-03-01 --to 2019-03-31
    """
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import mediation as service

    if start is not None and end is not None and end < start:
        raise InvalidData(f"invalid range: --to {end} is before --from {start}")
    with session(ctx) as db:
        rows = service.listing(
            db,
            start=start,
            end=end,
            site=sites.get(db, site).id if site else None,
            programme=programmes.get(db, programme).code if programme else None,
            mediator=agents.get(db, mediator).id if mediator else None,
        )
    emit(Listing(SESSION_COLUMNS, rows), fmt, output, lang)


@app.command("show")
def show(
    ctx: typer.Context,
    session_id: Annotated[int, typer.Argument(help="Session number.", min=1, max=MAX_INTEGER)],
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """One mediation session.

    Example: presence-postale mediation show 1
    """
    from presence_postale.services import mediation as service

    with session(ctx) as db:
        data = service.row(service.get(db, session_id))
    fields = (
        *SESSION_COLUMNS,
        Column("programme", "programme", "programme"),
        Column("age_bands", "tranches d'âge", "age bands"),
        Column("social_statuses", "statuts", "social statuses"),
        Column("equipment", "matériel", "equipment"),
        Column("device_model", "modèle", "device"),
        Column("autonomy", "autonomie", "autonomy"),
        Column("redirection", "orientation", "redirection"),
        Column("note", "note", "note"),
    )
    emit(Record(fields, data, title=f"Session #{session_id}"), fmt, output, lang)


@app.command("themes")
def themes(
    fmt: FormatOption = "table", output: OutputOption = None, lang: LangOption = "fr"
) -> None:
    """The national vocabularies (Coop de la médiation numérique) with their labels.

    Example: presence-postale mediation themes --format csv
    """
    from presence_postale.domain import vocab
    from presence_postale.formats import words

    rows = [
        {"vocabulary": name, "code": code, "label": words.label(name, code, lang)}
        for name in (
            "session_type",
            "theme",
            "autonomy",
            "age_band",
            "social_status",
            "equipment_used",
        )
        for code in vocab.VOCABULARIES[name]
    ]
    columns = (
        Column("vocabulary", "vocabulaire", "vocabulary"),
        Column("code", "code", "code"),
        Column("label", "libellé", "label"),
    )
    emit(Listing(columns, rows), fmt, output, lang)


@app.command("hours")
def hours(
    ctx: typer.Context,
    week: Annotated[
        IsoWeek, typer.Option(parser=parse_week, metavar="WEEK", help="2019-W12, this, next, last.")
    ] = "this",  # type: ignore[assignment]
    mediator: Annotated[str | None, typer.Option(help="One mediator (default: all).")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Each mediator's scheduled presence that week against the contracted hours.

    Example: presence-postale mediation hours --week 2019-W12
    """
    from presence_postale.services import agents
    from presence_postale.services import mediation as service

    with session(ctx) as db:
        rows = service.hours(db, week, agents.get(db, mediator) if mediator else None)
    status_fr = {"ok": "conforme", "deficit": "déficit", "unknown": "contrat inconnu"}
    for row in rows:
        row["status_label"] = row["status"] if lang == "en" else status_fr[row["status"]]
    columns = (
        Column("mediator", "médiateur", "mediator"),
        Column("week", "semaine", "week"),
        Column("scheduled_hours", "heures prévues", "scheduled hours"),
        Column("contracted_hours", "heures au contrat", "contracted hours"),
        Column("difference", "écart", "difference"),
        Column("lost_hours", "perdues (fériés, fermetures)", "lost (holidays, closures)"),
        Column("by_site", "par site", "by site"),
        Column("status_label", "statut", "status"),
    )
    emit(Listing(columns, rows), fmt, output, lang)


@app.command("report")
def report(
    ctx: typer.Context,
    start: Annotated[date, typer.Option("--from", parser=parse_date, metavar="DATE")],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE")],
    site: Annotated[str | None, typer.Option(help="Only this site.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, csv, json, html.")
    ] = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Sessions, people, hours by site, theme, type, age band and month; the share of
    seniors; the Ardoiz tablet's figures.

    Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 --format markdown
    """
    from presence_postale.formats.report import render_mediation
    from presence_postale.services import mediation as service
    from presence_postale.services import programmes, sites

    check_choice(fmt, ("table", "markdown", "csv", "json", "html"), "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    with session(ctx) as db:
        data = service.report(
            db,
            start=start,
            end=end,
            site=sites.get(db, site).id if site else None,
            programme=programmes.get(db, programme).code if programme else None,
        )
    write_text(render_mediation(data, fmt, lang), output)


def export_places(
    ctx: typer.Context,
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or json.")] = "csv",
    output: OutputOption = None,
) -> None:
    """The sites that offer digital mediation, in the national *lieux de médiation numérique*
    standard (LaMednum schema; multiple values joined by |, hours in OSM syntax).

    Example: presence-postale export mediation-places --format csv --output lieux.csv
    """
    from presence_postale.formats.render import to_json
    from presence_postale.formats.report import rows_csv
    from presence_postale.services import mediation as service

    check_choice(fmt, ("csv", "json"), "--format")
    with session(ctx) as db:
        rows = service.places(db, department=department)
    if fmt == "json":
        write_text(to_json(rows), output)
    else:
        write_text(rows_csv(service.PLACE_FIELDS, rows), output)
