"""`mediation`: digital-mediation sessions, mediators' hours, reports, the national vocabulary."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli.options import LISTING, gathered, option, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import (
    MAX_INTEGER,
    FromOption,
    ToOption,
    check_range,
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
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, Record

if TYPE_CHECKING:
    from presence_postale.domain.mediation import Given

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
    Column("place_type", shown="place_type"),
    Column("place_insee_code"),
    Column("age_bands"),
    Column("social_statuses"),
    Column("genders"),
    Column("residence_communes"),
    Column("procedure_details"),
    Column("equipment", "equipment_used", shown="equipment_used"),
    Column("device_model"),
    Column("autonomy", shown="autonomy"),
    Column("redirection", shown="redirection"),
    Column("redirection_detail"),
    Column("workshop_title"),
    Column("workshop_level", shown="workshop_level"),
    Column("note"),
)
HOURS_COLUMNS = (
    Column("mediator"),
    Column("week"),
    Column("scheduled_hours"),
    Column("contracted_hours"),
    Column("difference"),
    Column("lost_hours"),
    Column("absent_hours"),
    Column("by_site"),
    Column("status", shown="hours_status"),
)
THEME_COLUMNS = (Column("vocabulary_label", "vocabulary"), Column("code"), Column("label"))
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


def _text(help_text: str, **extra: Any) -> Any:
    return Annotated[str | None, typer.Option(help=help_text, **extra)]


# What the Coop records of a session, as options: gathered into a `Given` (checked by the
# domain, which names the option at fault).
SESSION_OPTIONS = [
    option("duration", Annotated[int, typer.Option(help="Minutes.")], ...),
    option(
        "session_type",
        Annotated[str, typer.Option("--type", help="individuel or collectif.")],
        ...,
    ),
    option(
        "themes",
        Annotated[str, typer.Option(help="Coop themes, comma-separated (see: mediation themes).")],
        ...,
    ),
    option(
        "details",
        _text(
            "Précisions on the administrative procedure (with the theme "
            "aide_aux_demarches_administratives).",
            callback=free_text,
        ),
    ),
    option("place", _text("lieu_activite (the site, by default), domicile, a_distance, autre.")),
    option("place_insee", _text("INSEE code of the commune, away from the site: 03254.")),
    option("equipment", _text("ordinateur, telephone, tablette, autre, aucun.")),
    option("participants", Annotated[int | None, typer.Option(help="People (a workshop).")]),
    option("age_band", _text("An individual's age band: soixante_dix_plus.")),
    option(
        "age_bands", _text("A workshop's counts: soixante_soixante_neuf=3,soixante_dix_plus=2.")
    ),
    option("social_status", _text("An individual's status: retraite.")),
    option("social_statuses", _text("A workshop's counts: retraite=5.")),
    option("gender", _text("An individual's gender: feminin, masculin.")),
    option("genders", _text("A workshop's counts: feminin=3,masculin=2.")),
    option("commune", _text("An individual's commune of residence (INSEE): 03254.")),
    option("communes", _text("A workshop's counts by commune: 03254=3,03190=2.")),
    option("autonomy", _text("entierement_accompagne, partiellement_autonome, autonome.")),
    option("redirection", _text("Where the person was sent on to (see: mediation themes).")),
    option("workshop_title", _text("A workshop's title.", callback=free_text)),
    option("level", _text("A workshop's level: debutant, intermediaire, avance.")),
]


def _given(**o: Any) -> Given:
    """The session as the options give it (the domain checks it)."""
    from presence_postale.domain.mediation import Given

    pairs = {
        "age_bands": (o["age_band"], o["age_bands"]),
        "social_statuses": (o["social_status"], o["social_statuses"]),
        "genders": (o["gender"], o["genders"]),
        "residence_communes": (o["commune"], o["communes"]),
    }
    return Given(
        session_type=o["session_type"],
        minutes=o["duration"],
        participants=o["participants"],
        counts=parse_counters(o["participants"], pairs),
        themes=split_list(o["themes"]),
        procedure_details=o["details"],
        equipment=split_list(o["equipment"]),
        autonomy=o["autonomy"],
        place_type=o["place"],
        place_insee_code=o["place_insee"],
        redirection=o["redirection"],
        workshop_title=o["workshop_title"],
        workshop_level=o["level"],
    )


@app.command("add")
@gathered("given", _given, SESSION_OPTIONS)
def add(
    ctx: typer.Context,
    given: Given,
    site: Annotated[str, typer.Option(help="Site (id or name).")],
    mediator: Annotated[str, typer.Option(help="Mediator (agent id or name).")],
    day: Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE", help="Day.")],
    start: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM", help="Start time.")],
    device_model: Annotated[
        str | None, typer.Option(help="Device model: ardoiz.", callback=free_text)
    ] = None,
    programme: Annotated[str | None, typer.Option(help="Programme code.")] = None,
    redirection_detail: Annotated[
        str | None, typer.Option(help="Which structure, in words: CCAS.", callback=free_text)
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
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import mediation as service

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
        done = Message("mediation.recorded", {"id": record.id, "site": new.site.id, "day": day})
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

    check_range(start, end)
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
    session_id: Annotated[int, typer.Argument(help="Session number.", min=1, max=MAX_INTEGER)],
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

    rows: list[dict[str, Any]] = [
        {
            "vocabulary": name,
            "code": code,
            "label": words.label(name, code, out.lang),
            "vocabulary_label": words.label("vocabulary", group(name, code), out.lang),
        }
        for name in MEDIATION_VOCABULARIES
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
    """The Coop's figures: sessions, people and hours by site and month; sessions by type,
    place, theme and family, equipment, autonomy, redirection and length; people by age
    band, status, gender and commune; the share of seniors; the Ardoiz tablet's figures.

    Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 --format markdown
    """
    from presence_postale.formats.reports.mediation import render_mediation
    from presence_postale.services import mediation_report as service
    from presence_postale.services import programmes, sites

    check_range(start, end)
    with session(ctx) as db:
        data = service.report(
            db,
            start=start,
            end=end,
            site=sites.get(db, site).id if site else None,
            programme=programmes.get(db, programme).code if programme else None,
        )
    out.render(render_mediation, data)
