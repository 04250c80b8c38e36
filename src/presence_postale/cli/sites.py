"""`sites`: the registry of post offices, agencies, mairies and other hosts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli.options import LISTING, gathered, option, output_options
from presence_postale.cli.output import Output, say, warn
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
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, Record

if TYPE_CHECKING:
    from presence_postale.services.site_changes import SiteChanges

app = typer.Typer(
    cls=LazyGroup, help="Sites: post offices, communal agencies, mairies, France Services."
)

SiteArg = Annotated[str, typer.Argument(help='Site id (17510A) or name ("st gerand").')]
DepartmentOption = Annotated[
    str | None, typer.Option("--department", "-d", help="Department code: 03, 2A, 971.")
]

LIST_COLUMNS = (
    Column("id"),
    Column("name"),
    Column("kind", shown="site_kind"),
    Column("commune"),
    Column("department"),
    Column("labels", shown="site_label"),
)

DETAIL_FIELDS = (
    Column("id"),
    Column("name"),
    Column("kind", shown="site_kind"),
    Column("address"),
    Column("address_extra"),
    Column("locality"),
    Column("postcode"),
    Column("commune"),
    Column("insee_code"),
    Column("department", "department_full"),
    Column("latitude"),
    Column("longitude"),
    Column("parent_id"),
    Column("phone"),
    Column("email"),
    Column("opening_hours"),
    Column("staff_count"),
    Column("labels"),
    Column("equipment", shown="equipment"),
    Column("operators"),
    Column("spaces"),
    Column("note"),
    Column("source", shown="site_source"),
)
CLOSURE_COLUMNS = (Column("start", "from"), Column("end", "to"), Column("reason"))
HOURS_COLUMNS = (
    Column("date", "day"),
    Column("hours", "opening_hours"),
    Column("closed_because", "closed", shown="holiday"),
)


@app.command("list")
@output_options(LISTING)
def list_sites(
    ctx: typer.Context,
    out: Output,
    department: DepartmentOption = None,
    kind: Annotated[str | None, typer.Option(help="bureau_de_poste, mairie, ...")] = None,
    label: Annotated[str | None, typer.Option(help="france_services or msap.")] = None,
) -> None:
    """List sites, by department, kind or label.

    Example: presence-postale sites list --department 95 --format csv
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, kind=kind, label=label)
    out.emit(Listing(LIST_COLUMNS, rows))


@app.command("search")
@output_options(LISTING)
def search_sites(
    ctx: typer.Context,
    out: Output,
    query: Annotated[str, typer.Argument(help='Part of a name or commune: "st gerand".')],
    department: DepartmentOption = None,
) -> None:
    """Find sites by name or commune, whatever the accents, case or abbreviations.

    Example: presence-postale sites search "st gerand"
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, query=query)
    out.emit(Listing(LIST_COLUMNS, rows))


def _detail_record(data: dict[str, Any], fmt: str) -> Record:
    shown = dict(data)
    if not data["opening_hours"]:  # unknown, not closed
        shown["opening_hours"] = "unknown" if fmt == "csv" else Message("hours.unknown")
    shown["labels"] = [
        Message("site.label_since", {"label": lab["label"], "since": lab["since"]})
        if lab.get("since")
        else Message("site.label", {"label": lab["label"]})
        for lab in data["labels"]
    ]
    shown["operators"] = [op["name"] for op in data["operators"]]
    if data.get("department_name"):
        shown["department"] = f"{data['department']} {data['department_name']}"
    if data.get("parent_name"):
        shown["parent_id"] = f"{data['parent_id']} {data['parent_name']}"
    from presence_postale.formats.site_history import listings

    closures = Listing(CLOSURE_COLUMNS, data["closures"], title=Message("site.closures"))
    return Record(
        DETAIL_FIELDS, shown, title=str(data["name"]), sections=[closures, *listings(data)]
    )


@app.command("show")
@output_options(LISTING)
def show(ctx: typer.Context, out: Output, site: SiteArg) -> None:
    """Everything about one site: address, hours, labels, equipment, operators, closures.

    Example: presence-postale sites show 17510A --format json
    """
    from presence_postale.services import sites

    with session(ctx) as db:
        data = sites.detail(db, sites.get(db, site), today=today())
    if out.format == "json":
        out.emit(Record(DETAIL_FIELDS, data))
    else:
        out.emit(_detail_record(data, out.format))


@app.command("hours")
@output_options(LISTING)
def hours(
    ctx: typer.Context,
    out: Output,
    site: SiteArg,
    week: Annotated[
        IsoWeek,
        typer.Option(
            parser=parse_week,
            help="2021-W18, this, next, last, or a date inside the week.",
            metavar="WEEK",
        ),
    ] = "this",  # type: ignore[assignment]
) -> None:
    """Each day's opening hours in a week, public holidays and closures applied.

    Example: presence-postale sites hours 17510A --week 2021-W18
    """
    from presence_postale.formats import marks
    from presence_postale.services import sites

    with session(ctx) as db:
        target = sites.get(db, site)
        result = sites.week_hours(db, target, week)
    # A day whose hours are unknown is not closed: `unknown` in CSV, null in JSON.
    unknown = {"csv": "unknown", "json": None}.get(out.format, Message("hours.unknown"))
    rows = [
        {
            **marks.day_fields(day),
            "hours": day.describe() if day.is_open else unknown if day.unknown else None,
            "closed_because": None
            if day.is_open or day.unknown
            else day.closure or day.holiday or Message("report.closed"),
        }
        for day in result.days
    ]
    if result.total_hours is None:
        note = Message("hours.unknown")
    else:
        note = Message(
            "site.week_total", {"hours": float(result.total_hours), "days": result.open_days}
        )
    title = f"{target.id} {target.name} — {week.label}"
    out.emit(Listing(HOURS_COLUMNS, rows, title=title, notes=[note]))


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
    from presence_postale.services import consequences, site_changes, sites

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        closure = site_changes.add_closure(db, target, start, end or start, reason)
        found = consequences.of_closure(db, target, closure.start_date, closure.end_date, today())
        consequences.refuse_if_strict(strict, found)
        done = Message(
            "site.closed",
            {
                "site": target.id,
                "start": closure.start_date,
                "end": closure.end_date,
                "reason": closure.reason,
            },
        )
    say(done)
    warn(found)


@app.command("nearest")
@output_options(LISTING)
def nearest(
    ctx: typer.Context,
    out: Output,
    commune: Annotated[str | None, typer.Option(help="From this commune.")] = None,
    lat: Annotated[float | None, typer.Option(help="From this latitude.")] = None,
    lon: Annotated[float | None, typer.Option(help="From this longitude.")] = None,
    label: Annotated[str | None, typer.Option(help="Only sites with this label.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only sites of this kind.")] = None,
    limit: Annotated[int, typer.Option(help="How many sites.")] = 5,
) -> None:
    """The closest sites to a commune or a point, with distances in km.

    Example: presence-postale sites nearest --commune "Grisy-les-Plâtres" --label france_services
    """
    from presence_postale.errors import InvalidData
    from presence_postale.services import sites

    if (commune is None) == (lat is None or lon is None):
        raise InvalidData("site.commune_or_position")
    with session(ctx) as db:
        if commune is not None:
            lat, lon, _name = sites.commune_position(db, commune)
        assert lat is not None and lon is not None
        rows = sites.nearest(db, lat, lon, today=today(), label=label, kind=kind, limit=limit)
    out.emit(Listing((Column("distance_km"), *LIST_COLUMNS), rows))


# ---- add and update: one set of options, parsed once ------------------------------------

# option -> the site's field it sets
FIELDS = {
    "name": "name",
    "kind": "kind",
    "address": "address",
    "postcode": "postcode",
    "commune": "commune",
    "insee": "insee_code",
    "department": "department_code",
    "lat": "latitude",
    "lon": "longitude",
    "hours": "opening_hours",
    "staff": "staff_count",
    "email": "email",
    "note": "note",
}
VALUE_OPTIONS = [
    option("name", Annotated[str | None, typer.Option(help="Display name.", callback=free_text)]),
    option(
        "kind",
        Annotated[
            str | None, typer.Option(help="bureau_de_poste, agence_postale_communale, mairie, ...")
        ],
    ),
    option(
        "address", Annotated[str | None, typer.Option(help="Street address.", callback=free_text)]
    ),
    option("postcode", Annotated[str | None, typer.Option(help="Five-digit postcode.")]),
    option(
        "commune", Annotated[str | None, typer.Option(help="Commune name.", callback=free_text)]
    ),
    option("insee", Annotated[str | None, typer.Option(help="INSEE code of the commune.")]),
    option("department", DepartmentOption),
    option("lat", Annotated[float | None, typer.Option(help="Latitude (WGS 84).")]),
    option("lon", Annotated[float | None, typer.Option(help="Longitude (WGS 84).")]),
    option(
        "hours",
        Annotated[
            str | None,
            typer.Option(
                help='OpenStreetMap opening_hours: "Mo-Fr 09:00-12:00,14:00-17:00; PH off".'
            ),
        ],
    ),
    option(
        "overnight",
        Annotated[
            bool,
            typer.Option(
                "--overnight",
                help="--hours has spans past midnight (22:00-02:00), stored as 22:00-26:00.",
            ),
        ],
        False,
    ),
    option("staff", Annotated[int | None, typer.Option(help="Polyvalent staff present.")]),
    option(
        "email", Annotated[str | None, typer.Option(help="Contact e-mail.", callback=free_text)]
    ),
    option("note", Annotated[str | None, typer.Option(help="Free note.", callback=free_text)]),
]
# The links a site has: option's stem, what its values are, an example.
LINKS = (
    ("label", "Labels", "france_services,msap"),
    ("equipment", "Equipment", "ilot_numerique,wifi"),
    ("operator", "Operators", "caf,msa"),
)


def _link_option(name: str, flag: str, text: str) -> Any:
    return option(name, Annotated[str | None, typer.Option(flag, help=text)])


ADD_OPTIONS = [
    *VALUE_OPTIONS,
    *(
        _link_option(stem, f"--{stem}", f"{what} to add, comma-separated: {example}.")
        for stem, what, example in LINKS
    ),
]
UPDATE_OPTIONS = [
    *VALUE_OPTIONS,
    *(
        _link_option(f"add_{stem}", f"--add-{stem}", f"{what} to add, comma-separated: {example}.")
        for stem, what, example in LINKS
    ),
    *(
        _link_option(f"remove_{stem}", f"--remove-{stem}", f"{what} to remove.")
        for stem, what, _example in LINKS
    ),
    option(
        "valid_from",
        Annotated[
            date | None,
            typer.Option(
                "--from",
                parser=parse_date,
                metavar="DATE",
                help="The day --hours, --staff and the labels hold from (default: today). "
                "Earlier versions stay; a date between two versions holds until the next one.",
            ),
        ],
    ),
    option(
        "not_illustrative",
        Annotated[
            bool,
            typer.Option(
                "--not-illustrative", help="The values are real now: remove the illustrative mark."
            ),
        ],
        False,
    ),
]


def site_changes(**given: Any) -> SiteChanges:
    """The changes the options ask for: fields to set, links to add and remove."""
    from presence_postale.services.site_changes import SiteChanges

    def codes(name: str) -> tuple[str, ...]:
        return split_list(given.get(name))

    values = {field: given[name] for name, field in FIELDS.items()}
    if given.get("overnight"):
        values["overnight"] = True
    if given.get("not_illustrative"):
        values["illustrative"] = False
    return SiteChanges(
        values=values,
        valid_from=given.get("valid_from"),
        add_labels=codes("label") or codes("add_label"),
        remove_labels=codes("remove_label"),
        add_equipment=codes("equipment") or codes("add_equipment"),
        remove_equipment=codes("remove_equipment"),
        add_operators=codes("operator") or codes("add_operator"),
        remove_operators=codes("remove_operator"),
    )


@app.command("add")
@gathered("changes", site_changes, ADD_OPTIONS)
def add(
    ctx: typer.Context,
    changes: SiteChanges,
    site_id: Annotated[
        str | None, typer.Argument(help="Id: La Poste's id for a contact point, else a short slug.")
    ] = None,
) -> None:
    """Add a site (a mairie, a shop, a contact point not yet imported).

    Example: presence-postale sites add --name "Mairie de Vigny" --kind mairie --department 95
    """
    from presence_postale.services import site_changes as service

    with session(ctx, write=True) as db:
        site = service.add(db, site_id, changes)
        done = Message("site.added", {"site": site.id, "name": site.name})
    say(done)


@app.command("update")
@gathered("changes", site_changes, UPDATE_OPTIONS)
def update(
    ctx: typer.Context, changes: SiteChanges, site: SiteArg, strict: StrictOpt = False
) -> None:
    """Change a site's details, hours, labels, equipment or operators.

    Hours, staff count and labels are histories: a change holds from --from (default today)
    and reports of earlier weeks keep what was in force then. The permanences, bookings and
    mediation sessions that the new hours now conflict with are named at once (warnings;
    --strict refuses the change then).

    Example: presence-postale sites update 00518A --hours "Mo-Fr 09:00-12:00; PH off" --staff 2
    """
    from presence_postale.services import consequences, site_history, sites
    from presence_postale.services import site_changes as service

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        outcomes = service.update(db, target, changes, today=today())
        found = consequences.of_hours(db, target, outcomes, today())
        consequences.refuse_if_strict(strict, found)
        said = [Message("site.updated", {"site": target.id, "name": target.name})]
        said += [site_history.describe(target.id, outcome) for outcome in outcomes]
    for message in said:
        say(message)
    warn(found)


@app.command("remove")
def remove(ctx: typer.Context, site: SiteArg) -> None:
    """Remove a site; refused while permanences, agents, spaces or sessions refer to it.

    Example: presence-postale sites remove mairie-de-vigny
    """
    from presence_postale.services import site_changes, sites

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        done = Message("site.removed", {"site": target.id, "name": target.name})
        site_changes.remove(db, target)
    say(done)
