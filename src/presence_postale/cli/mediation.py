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
    tell,
    write_text,
)
from presence_postale.cli.params import (
    MAX_INTEGER,
    free_text,
    parse_counters,
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
from presence_postale.formats.render import catalogue_columns as heading_columns

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
# What `show` adds to the listing's columns: field -> catalogue key of its heading.
SESSION_DETAIL = {
    "place_type": "heading.place_type",
    "place_insee_code": "heading.place_insee_code",
    "age_bands": "heading.age_bands",
    "social_statuses": "heading.social_statuses",
    "genders": "heading.genders",
    "residence_communes": "heading.residence_communes",
    "procedure_details": "heading.procedure_details",
    "equipment": "heading.equipment_used",
    "device_model": "heading.device_model",
    "autonomy": "heading.autonomy",
    "redirection": "heading.redirection",
    "redirection_detail": "heading.redirection_detail",
    "workshop_title": "heading.workshop_title",
    "workshop_level": "heading.workshop_level",
    "note": "heading.note",
}
# The vocabularies a session is recorded in, as `themes` lists them.
MEDIATION_VOCABULARIES = (
    "session_type",
    "theme",
    "theme_family",
    "place_type",
    "age_band",
    "social_status",
    "gender",
    "equipment_used",
    "autonomy",
    "redirection",
    "workshop_level",
    "duration_band",
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
    details: Annotated[
        str | None,
        typer.Option(
            help="Précisions on the administrative procedure (with the theme "
            "aide_aux_demarches_administratives).",
            callback=free_text,
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(help="lieu_activite (the site, by default), domicile, a_distance, autre."),
    ] = None,
    place_insee: Annotated[
        str | None, typer.Option(help="INSEE code of the commune, away from the site: 03254.")
    ] = None,
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
    age_band: Annotated[
        str | None, typer.Option(help="An individual's age band: soixante_dix_plus.")
    ] = None,
    age_bands: Annotated[
        str | None,
        typer.Option(help="A workshop's counts: soixante_soixante_neuf=3,soixante_dix_plus=2."),
    ] = None,
    social_status: Annotated[
        str | None, typer.Option(help="An individual's status: retraite.")
    ] = None,
    social_statuses: Annotated[
        str | None, typer.Option(help="A workshop's counts: retraite=5.")
    ] = None,
    gender: Annotated[
        str | None, typer.Option(help="An individual's gender: feminin, masculin.")
    ] = None,
    genders: Annotated[
        str | None, typer.Option(help="A workshop's counts: feminin=3,masculin=2.")
    ] = None,
    commune: Annotated[
        str | None, typer.Option(help="An individual's commune of residence (INSEE): 03254.")
    ] = None,
    communes: Annotated[
        str | None, typer.Option(help="A workshop's counts by commune: 03254=3,03190=2.")
    ] = None,
    autonomy: Annotated[
        str | None, typer.Option(help="entierement_accompagne, partiellement_autonome, autonome.")
    ] = None,
    redirection: Annotated[
        str | None,
        typer.Option(help="Where the person was sent on to (see: mediation themes): aide_sociale."),
    ] = None,
    redirection_detail: Annotated[
        str | None, typer.Option(help="Which structure, in words: CCAS.", callback=free_text)
    ] = None,
    workshop_title: Annotated[
        str | None, typer.Option(help="A workshop's title.", callback=free_text)
    ] = None,
    level: Annotated[
        str | None, typer.Option(help="A workshop's level: debutant, intermediaire, avance.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free note.", callback=free_text)] = None,
    strict: Annotated[
        bool, typer.Option(help="Refuse the session when it carries warnings.")
    ] = False,
) -> None:
    """Record a mediation session in the vocabulary of the Coop de la médiation numérique;
    odd ones (outside the mediator's presence, on a holiday, at a site without an îlot
    numérique, longer than the site is open) are warnings.

    Example: presence-postale mediation add --site 00518A --mediator allier-mediateur
    --date 2019-03-19 --start 10:00 --duration 90 --type individuel
    --themes email,navigation_sur_internet --equipment ordinateur --age-band soixante_dix_plus
    """
    from presence_postale.domain.mediation import Given
    from presence_postale.errors import Message
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import mediation as service

    counts = parse_counters(
        participants,
        {
            "age_bands": (age_band, age_bands),
            "social_statuses": (social_status, social_statuses),
            "genders": (gender, genders),
            "residence_communes": (commune, communes),
        },
    )
    given = Given(
        session_type=session_type,
        minutes=duration,
        participants=participants,
        counts=counts,
        themes=split_list(themes),
        procedure_details=details,
        equipment=split_list(equipment),
        autonomy=autonomy,
        place_type=place,
        place_insee_code=place_insee,
        redirection=redirection,
        workshop_title=workshop_title,
        workshop_level=level,
    )
    with session(ctx, write=True) as db:
        new = service.NewSession(
            site=sites.get(db, site),
            mediator=agents.get(db, mediator),
            programme=programmes.get(db, programme) if programme else None,
            day=day,
            start=start,
            given=given,
            device_model=device_model,
            redirection_detail=redirection_detail,
            note=note,
        )
        record, warnings = service.add(db, new, strict=strict)
        message = Message("mediation.recorded", {"id": record.id, "site": new.site.id, "day": day})
    for warning in warnings:
        tell(Message("notice.warning", {"message": warning}))
    tell(message)


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
        *heading_columns(SESSION_DETAIL),
    )
    emit(Record(fields, data, title=f"Session #{session_id}"), fmt, output, lang)


@app.command("themes")
def themes(
    fmt: FormatOption = "table", output: OutputOption = None, lang: LangOption = "fr"
) -> None:
    """Every vocabulary of the Coop de la médiation numérique a session is recorded in, with
    its labels: types, themes (the administrative ones apart), places, counters, equipment,
    autonomy, redirections, workshop levels, length bands.

    Example: presence-postale mediation themes --format csv
    """
    from presence_postale.domain import vocab
    from presence_postale.formats import words

    def group(name: str, code: str) -> str:
        # The Coop lists the administrative themes apart from the digital ones.
        return "theme_administrative" if code in vocab.ADMINISTRATIVE_THEMES else name

    rows = [
        {
            "vocabulary": name,
            "code": code,
            "label": words.label(name, code, lang),
            "vocabulary_label": words.label("vocabulary", group(name, code), lang),
        }
        for name in MEDIATION_VOCABULARIES
        for code in vocab.VOCABULARIES[name]
    ]
    columns = heading_columns(
        {"vocabulary_label": "heading.vocabulary", "code": "heading.code", "label": "heading.label"}
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
        Column("absent_hours", "absences", "absences"),
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
        str, typer.Option("--format", "-f", help="table, markdown, csv, json, html, xlsx.")
    ] = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """The Coop's figures: sessions, people and hours by site and month; sessions by type,
    place, theme and family, equipment, autonomy, redirection and length; people by age
    band, status, gender and commune; the share of seniors; the Ardoiz tablet's figures.

    Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 --format markdown
    """
    from presence_postale.formats.mediation_report import render_mediation
    from presence_postale.formats.report import REPORT_FORMATS
    from presence_postale.services import mediation_report as service
    from presence_postale.services import programmes, sites

    check_choice(fmt, REPORT_FORMATS, "--format")
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
