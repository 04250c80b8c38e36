"""`sites`: the registry of post offices, agencies, mairies and other hosts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli.output import FormatOption, LangOption, OutputOption, emit, tell, warn
from presence_postale.cli.params import (
    StrictOpt,
    free_text,
    parse_date,
    parse_week,
    split_list,
    today,
)
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.domain.weeks import IsoWeek
from presence_postale.formats.render import Column, Listing, Record

if TYPE_CHECKING:
    from presence_postale.services.sites import SiteChanges

app = typer.Typer(
    cls=LazyGroup, help="Sites: post offices, communal agencies, mairies, France Services."
)

SiteArg = Annotated[str, typer.Argument(help='Site id (17510A) or name ("st gerand").')]
DepartmentOption = Annotated[
    str | None, typer.Option("--department", "-d", help="Department code: 03, 2A, 971.")
]

LIST_COLUMNS = (
    Column("id", "id", "id"),
    Column("name", "nom", "name"),
    Column("kind", "type", "kind"),
    Column("commune", "commune", "commune"),
    Column("department", "dép.", "dept"),
    Column("labels", "labels", "labels"),
)

DETAIL_FIELDS = (
    Column("id", "id", "id"),
    Column("name", "nom", "name"),
    Column("kind", "type", "kind"),
    Column("address", "adresse", "address"),
    Column("address_extra", "complément", "address (more)"),
    Column("locality", "lieu-dit", "locality"),
    Column("postcode", "code postal", "postcode"),
    Column("commune", "commune", "commune"),
    Column("insee_code", "code INSEE", "INSEE code"),
    Column("department", "département", "department"),
    Column("latitude", "latitude", "latitude"),
    Column("longitude", "longitude", "longitude"),
    Column("parent_id", "rattachement", "attached to"),
    Column("phone", "téléphone", "phone"),
    Column("email", "e-mail", "e-mail"),
    Column("opening_hours", "horaires", "opening hours"),
    Column("staff_count", "personnels polyvalents", "polyvalent staff"),
    Column("labels", "labels", "labels"),
    Column("equipment", "équipements", "equipment"),
    Column("operators", "opérateurs", "operators"),
    Column("spaces", "espaces", "spaces"),
    Column("note", "note", "note"),
    Column("source", "source", "source"),
)


@app.command("list")
def list_sites(
    ctx: typer.Context,
    department: DepartmentOption = None,
    kind: Annotated[str | None, typer.Option(help="bureau_de_poste, mairie, ...")] = None,
    label: Annotated[str | None, typer.Option(help="france_services or msap.")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """List sites, by department, kind or label.

    Example: presence-postale sites list --department 95 --format csv
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, kind=kind, label=label)
    emit(Listing(LIST_COLUMNS, rows), fmt, output, lang)


@app.command("search")
def search_sites(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Part of a name or commune: "st gerand".')],
    department: DepartmentOption = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Find sites by name or commune, whatever the accents, case or abbreviations.

    Example: presence-postale sites search "st gerand"
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, query=query)
    emit(Listing(LIST_COLUMNS, rows), fmt, output, lang)


def _detail_record(data: dict[str, Any], fmt: str, lang: str) -> Record:
    from presence_postale.formats import words

    shown = dict(data)
    if not data["opening_hours"]:  # unknown, not closed
        shown["opening_hours"] = "unknown" if fmt == "csv" else words.say("hours.unknown", lang)
    shown["labels"] = [
        lab["label"] + (f" ({lab['since']})" if lab.get("since") else "") for lab in data["labels"]
    ]
    shown["operators"] = [op["name"] for op in data["operators"]]
    if data.get("department_name"):
        shown["department"] = f"{data['department']} {data['department_name']}"
    if data.get("parent_name"):
        shown["parent_id"] = f"{data['parent_id']} {data['parent_name']}"
    closures = Listing(
        columns=(
            Column("start", "du", "from"),
            Column("end", "au", "to"),
            Column("reason", "motif", "reason"),
        ),
        rows=data["closures"],
        title="Fermetures" if lang != "en" else "Closures",
    )
    from presence_postale.formats.site_history import listings

    return Record(
        DETAIL_FIELDS, shown, title=str(data["name"]), sections=[closures, *listings(data, lang)]
    )


@app.command("show")
def show(
    ctx: typer.Context,
    site: SiteArg,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Everything about one site: address, hours, labels, equipment, operators, closures.

    Example: presence-postale sites show 17510A --format json
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        data = sites.detail(db, sites.get(db, site), today=today())
    if fmt == "json":
        emit(Record(DETAIL_FIELDS, data), fmt, output, lang)
    else:
        emit(_detail_record(data, fmt, lang), fmt, output, lang)


@app.command("hours")
def hours(
    ctx: typer.Context,
    site: SiteArg,
    week: Annotated[
        IsoWeek,
        typer.Option(
            parser=parse_week,
            help="2021-W18, this, next, last, or a date inside the week.",
            metavar="WEEK",
        ),
    ] = "this",  # type: ignore[assignment]
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Each day's opening hours in a week, public holidays and closures applied.

    Example: presence-postale sites hours 17510A --week 2021-W18
    """
    from presence_postale.formats import marks, words
    from presence_postale.services import sites

    with session(ctx) as db:
        target = sites.get(db, site)
        result = sites.week_hours(db, target, week, lang)
    # A day whose hours are unknown is not closed: `unknown` in CSV, null in JSON.
    unknown = {"csv": "unknown", "json": None}.get(fmt, words.say("hours.unknown", lang))
    rows = [
        {
            **marks.day_fields(day),
            "hours": day.describe() if day.is_open else unknown if day.unknown else None,
            "closed_because": None
            if day.is_open or day.unknown
            else day.closure or day.holiday or ("fermé" if lang != "en" else "closed"),
        }
        for day in result.days
    ]
    if result.total_hours is None:
        note = words.say("hours.unknown", lang)
    else:
        total = f"{result.total_hours:g}".replace(".", "," if lang != "en" else ".")
        note = (
            f"Total : {total} h sur {result.open_days} jours"
            if lang != "en"
            else f"Total: {total} h over {result.open_days} days"
        )
    title = f"{target.id} {target.name} — {week.label}"
    columns = (
        Column("date", "jour", "day"),
        Column("hours", "horaires", "hours"),
        Column("closed_because", "fermé", "closed"),
    )
    emit(Listing(columns, rows, title=title, notes=[note]), fmt, output, lang)


@app.command("close")
def close(
    ctx: typer.Context,
    site: SiteArg,
    start: Annotated[
        date, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day closed.")
    ],
    end: Annotated[
        date | None,
        typer.Option(
            "--to", parser=parse_date, metavar="DATE", help="Last day closed (default: --from)."
        ),
    ] = None,
    reason: Annotated[
        str, typer.Option(help="Why: travaux, congés, ...", callback=free_text)
    ] = "fermeture",
    strict: StrictOpt = False,
) -> None:
    """Record a closure (works, holidays); permanences and bookings there are skipped.

    The permanences, bookings and mediation sessions it catches are named at once (warnings;
    --strict refuses the closure then).

    Example: presence-postale sites close 17510A --from 2021-06-01 --to 2021-06-15 --reason travaux
    """
    from presence_postale.services import consequences, sites

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        closure = sites.add_closure(db, target, start, end or start, reason)
        found = consequences.of_closure(db, target, closure.start_date, closure.end_date, today())
        consequences.refuse_if_strict(strict, found)
        message = (
            f"closed {target.id} from {closure.start_date} to {closure.end_date}: {closure.reason}"
        )
    typer.echo(message, err=True)
    warn(found)


@app.command("nearest")
def nearest(
    ctx: typer.Context,
    commune: Annotated[str | None, typer.Option(help="From this commune.")] = None,
    lat: Annotated[float | None, typer.Option(help="From this latitude.")] = None,
    lon: Annotated[float | None, typer.Option(help="From this longitude.")] = None,
    label: Annotated[str | None, typer.Option(help="Only sites with this label.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only sites of this kind.")] = None,
    limit: Annotated[int, typer.Option(help="How many sites.")] = 5,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """The closest sites to a commune or a point, with distances in km.

    Example: presence-postale sites nearest --commune "Grisy-les-Plâtres" --label france_services
    """
    from presence_postale.errors import InvalidData
    from presence_postale.services import sites

    if (commune is None) == (lat is None or lon is None):
        raise InvalidData("give either --commune, or both --lat and --lon")
    with session(ctx) as db:
        if commune is not None:
            lat, lon, _name = sites.commune_position(db, commune)
        assert lat is not None and lon is not None
        rows = sites.nearest(db, lat, lon, today=today(), label=label, kind=kind, limit=limit)
    columns = (Column("distance_km", "distance (km)", "distance (km)"), *LIST_COLUMNS)
    emit(Listing(columns, rows), fmt, output, lang)


def _changes(
    *,
    name: str | None,
    kind: str | None,
    address: str | None,
    postcode: str | None,
    commune: str | None,
    insee: str | None,
    department: str | None,
    lat: float | None,
    lon: float | None,
    hours: str | None,
    overnight: bool,
    staff: int | None,
    email: str | None,
    note: str | None,
    add_label: str | None,
    remove_label: str | None,
    add_equipment: str | None,
    remove_equipment: str | None,
    add_operator: str | None,
    remove_operator: str | None,
) -> SiteChanges:

    from presence_postale.services.sites import SiteChanges

    return SiteChanges(
        values={
            "name": name,
            "kind": kind,
            "address": address,
            "postcode": postcode,
            "commune": commune,
            "insee_code": insee,
            "department_code": department,
            "latitude": lat,
            "longitude": lon,
            "opening_hours": hours,
            "overnight": overnight or None,
            "staff_count": staff,
            "email": email,
            "note": note,
        },
        add_labels=split_list(add_label),
        remove_labels=split_list(remove_label),
        add_equipment=split_list(add_equipment),
        remove_equipment=split_list(remove_equipment),
        add_operators=split_list(add_operator),
        remove_operators=split_list(remove_operator),
    )


NameOpt = Annotated[str | None, typer.Option(help="Display name.", callback=free_text)]
KindOpt = Annotated[
    str | None, typer.Option(help="bureau_de_poste, agence_postale_communale, mairie, ...")
]
AddressOpt = Annotated[str | None, typer.Option(help="Street address.", callback=free_text)]
PostcodeOpt = Annotated[str | None, typer.Option(help="Five-digit postcode.")]
CommuneOpt = Annotated[str | None, typer.Option(help="Commune name.", callback=free_text)]
InseeOpt = Annotated[str | None, typer.Option(help="INSEE code of the commune.")]
LatOpt = Annotated[float | None, typer.Option(help="Latitude (WGS 84).")]
LonOpt = Annotated[float | None, typer.Option(help="Longitude (WGS 84).")]
HoursOpt = Annotated[
    str | None,
    typer.Option(help='OpenStreetMap opening_hours: "Mo-Fr 09:00-12:00,14:00-17:00; PH off".'),
]
OvernightOpt = Annotated[
    bool,
    typer.Option(
        "--overnight",
        help="--hours has spans past midnight (22:00-02:00), stored as 22:00-26:00.",
    ),
]
StaffOpt = Annotated[int | None, typer.Option(help="Polyvalent staff present.")]
EmailOpt = Annotated[str | None, typer.Option(help="Contact e-mail.", callback=free_text)]
NoteOpt = Annotated[str | None, typer.Option(help="Free note.", callback=free_text)]
LabelOpt = Annotated[
    str | None, typer.Option(help="Labels to add, comma-separated: france_services,msap.")
]
EquipmentOpt = Annotated[
    str | None, typer.Option(help="Equipment to add, comma-separated: ilot_numerique,wifi.")
]
OperatorOpt = Annotated[
    str | None, typer.Option(help="Operators to add, comma-separated: caf,msa.")
]
NotIllustrativeOpt = Annotated[
    bool,
    typer.Option(
        "--not-illustrative", help="The values are real now: remove the illustrative mark."
    ),
]


@app.command("add")
def add(
    ctx: typer.Context,
    site_id: Annotated[
        str | None, typer.Argument(help="Id: La Poste's id for a contact point, else a short slug.")
    ] = None,
    name: NameOpt = None,
    kind: KindOpt = None,
    address: AddressOpt = None,
    postcode: PostcodeOpt = None,
    commune: CommuneOpt = None,
    insee: InseeOpt = None,
    department: DepartmentOption = None,
    lat: LatOpt = None,
    lon: LonOpt = None,
    hours: HoursOpt = None,
    overnight: OvernightOpt = False,
    staff: StaffOpt = None,
    email: EmailOpt = None,
    note: NoteOpt = None,
    label: LabelOpt = None,
    equipment: EquipmentOpt = None,
    operator: OperatorOpt = None,
) -> None:
    """Add a site (a mairie, a shop, a contact point not yet imported).

    Example: presence-postale sites add --name "Mairie de Vigny" --kind mairie --department 95
    """
    from presence_postale.services import sites

    changes = _changes(
        name=name,
        kind=kind,
        address=address,
        postcode=postcode,
        commune=commune,
        insee=insee,
        department=department,
        lat=lat,
        lon=lon,
        hours=hours,
        overnight=overnight,
        staff=staff,
        email=email,
        note=note,
        add_label=label,
        remove_label=None,
        add_equipment=equipment,
        remove_equipment=None,
        add_operator=operator,
        remove_operator=None,
    )
    with session(ctx, write=True) as db:
        site = sites.add(
            db, site_id, {k: v for k, v in changes.values.items() if v is not None}, changes
        )
        message = f"added site {site.id} {site.name}"
    typer.echo(message, err=True)


@app.command("update")
def update(
    ctx: typer.Context,
    site: SiteArg,
    name: NameOpt = None,
    kind: KindOpt = None,
    address: AddressOpt = None,
    postcode: PostcodeOpt = None,
    commune: CommuneOpt = None,
    insee: InseeOpt = None,
    department: DepartmentOption = None,
    lat: LatOpt = None,
    lon: LonOpt = None,
    hours: HoursOpt = None,
    overnight: OvernightOpt = False,
    staff: StaffOpt = None,
    email: EmailOpt = None,
    note: NoteOpt = None,
    add_label: LabelOpt = None,
    remove_label: Annotated[str | None, typer.Option(help="Labels to remove.")] = None,
    add_equipment: EquipmentOpt = None,
    remove_equipment: Annotated[str | None, typer.Option(help="Equipment to remove.")] = None,
    add_operator: OperatorOpt = None,
    remove_operator: Annotated[str | None, typer.Option(help="Operators to remove.")] = None,
    not_illustrative: NotIllustrativeOpt = False,
    valid_from: Annotated[
        date | None,
        typer.Option(
            "--from",
            parser=parse_date,
            metavar="DATE",
            help="The day --hours, --staff and the labels hold from (default: today). Earlier "
            "versions stay; a date between two versions holds until the next one.",
        ),
    ] = None,
    strict: StrictOpt = False,
) -> None:
    """Change a site's details, hours, labels, equipment or operators.

    Hours, staff count and labels are histories: a change holds from --from (default today)
    and reports of earlier weeks keep what was in force then. The permanences, bookings and
    mediation sessions that the new hours now conflict with are named at once (warnings;
    --strict refuses the change then).

    Example: presence-postale sites update 00518A --hours "Mo-Fr 09:00-12:00; PH off" --staff 2
    """
    from presence_postale.errors import Message
    from presence_postale.services import consequences, site_history, sites

    changes = _changes(
        name=name,
        kind=kind,
        address=address,
        postcode=postcode,
        commune=commune,
        insee=insee,
        department=department,
        lat=lat,
        lon=lon,
        hours=hours,
        overnight=overnight,
        staff=staff,
        email=email,
        note=note,
        add_label=add_label,
        remove_label=remove_label,
        add_equipment=add_equipment,
        remove_equipment=remove_equipment,
        add_operator=add_operator,
        remove_operator=remove_operator,
    )
    if not_illustrative:
        changes.values["illustrative"] = False
    changes.valid_from = valid_from
    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        outcomes = sites.update(db, target, changes, today=today())
        found = consequences.of_hours(db, target, outcomes, today())
        consequences.refuse_if_strict(strict, found)
        said = [Message("site.updated", {"site": target.id, "name": target.name})]
        said += [site_history.describe(target.id, outcome) for outcome in outcomes]
    for message in said:
        tell(message)
    warn(found)


@app.command("remove")
def remove(ctx: typer.Context, site: SiteArg) -> None:
    """Remove a site; refused while permanences, agents, spaces or sessions refer to it.

    Example: presence-postale sites remove mairie-de-vigny
    """
    from presence_postale.services import sites

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        label = f"{target.id} {target.name}"
        sites.remove(db, target)
    typer.echo(f"removed site {label}", err=True)
