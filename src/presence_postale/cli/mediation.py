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

app = typer.Typer(cls=LazyGroup)

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


def _text(**extra: Any) -> Any:
    return Annotated[str | None, typer.Option(**extra)]


# What the Coop records of a session, as options: gathered into a `Given` (checked by the
# domain, which names the option at fault).
SESSION_OPTIONS = [
    option("duration", Annotated[int, typer.Option()], ...),
    option("session_type", Annotated[str, typer.Option("--type")], ...),
    option("themes", Annotated[str, typer.Option()], ...),
    option("details", _text(callback=free_text)),
    option("place", _text()),
    option("place_insee", _text()),
    option("equipment", _text()),
    option("participants", Annotated[int | None, typer.Option()]),
    option("age_band", _text()),
    option("age_bands", _text()),
    option("social_status", _text()),
    option("social_statuses", _text()),
    option("gender", _text()),
    option("genders", _text()),
    option("commune", _text()),
    option("communes", _text()),
    option("autonomy", _text()),
    option("redirection", _text()),
    option("workshop_title", _text(callback=free_text)),
    option("level", _text()),
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
    site: Annotated[str, typer.Option()],
    mediator: Annotated[str, typer.Option()],
    day: Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE")],
    start: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM")],
    device_model: Annotated[str | None, typer.Option(callback=free_text)] = None,
    programme: Annotated[str | None, typer.Option()] = None,
    redirection_detail: Annotated[str | None, typer.Option(callback=free_text)] = None,
    note: Annotated[str | None, typer.Option(callback=free_text)] = None,
    strict: Annotated[bool, typer.Option()] = False,
) -> None:
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
    site: Annotated[str | None, typer.Option()] = None,
    programme: Annotated[str | None, typer.Option()] = None,
    mediator: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.services import mediation as service

    check_range(start, end)
    with session(ctx) as db:
        chosen = service.selection(
            db, start=start, end=end, site=site, programme=programme, mediator=mediator
        )
        rows = service.listing(db, **chosen)
    out.emit(Listing(SESSION_COLUMNS, rows))


@app.command("show")
@output_options(LISTING)
def show(
    ctx: typer.Context,
    out: Output,
    session_id: Annotated[int, typer.Argument(min=1, max=MAX_INTEGER)],
) -> None:
    from presence_postale.services import mediation as service

    with session(ctx) as db:
        data = service.row(service.get(db, session_id))
    title = Message("mediation.title", {"session": session_id})
    out.emit(Record(DETAIL_FIELDS, data, title=title))


@app.command("themes")
@output_options(LISTING)
def themes(out: Output) -> None:
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
    week: Annotated[IsoWeek, typer.Option(parser=parse_week, metavar="WEEK")] = "this",  # type: ignore[assignment]
    mediator: Annotated[str | None, typer.Option()] = None,
) -> None:
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
    start: Annotated[date, typer.Option("--from", parser=parse_date, metavar="DATE")],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE")],
    site: Annotated[str | None, typer.Option()] = None,
    programme: Annotated[str | None, typer.Option()] = None,
) -> None:
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
