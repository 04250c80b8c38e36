"""`sites`: the registry of post offices, agencies, mairies and other hosts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli.options import LISTING, gathered, option, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import (
    DepartmentOpt,
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

app = typer.Typer(cls=LazyGroup)

SiteArg = Annotated[str, typer.Argument()]

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
    department: DepartmentOpt = None,
    kind: Annotated[str | None, typer.Option()] = None,
    label: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, kind=kind, label=label)
    out.emit(Listing(LIST_COLUMNS, rows))


@app.command("search")
@output_options(LISTING)
def search_sites(
    ctx: typer.Context,
    out: Output,
    query: Annotated[str, typer.Argument()],
    department: DepartmentOpt = None,
) -> None:
    from presence_postale.services import sites

    with session(ctx) as db:
        rows = sites.listing(db, today=today(), department=department, query=query)
    out.emit(Listing(LIST_COLUMNS, rows))


def _detail_record(data: dict[str, Any], fmt: str) -> Record:
    shown = dict(data)
    if not data["opening_hours"]:  # unknown, not closed
        shown["opening_hours"] = "unknown" if fmt == "csv" else Message("hours.unknown")
    if data.get("staff_count") is None:  # not given by the sources: unknown, not none
        shown["staff_count"] = "unknown" if fmt == "csv" else Message("value.unknown")
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
        typer.Option(parser=parse_week, metavar="WEEK"),
    ] = "this",  # type: ignore[assignment]
) -> None:
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
    start: Annotated[date, typer.Option("--from", parser=parse_date, metavar="DATE")],
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    reason: Annotated[str, typer.Option(callback=free_text)] = "fermeture",
    strict: StrictOpt = False,
) -> None:
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
    commune: Annotated[str | None, typer.Option()] = None,
    lat: Annotated[float | None, typer.Option()] = None,
    lon: Annotated[float | None, typer.Option()] = None,
    label: Annotated[str | None, typer.Option()] = None,
    kind: Annotated[str | None, typer.Option()] = None,
    limit: Annotated[int, typer.Option()] = 5,
) -> None:
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
    option("name", Annotated[str | None, typer.Option(callback=free_text)]),
    option("kind", Annotated[str | None, typer.Option()]),
    option("address", Annotated[str | None, typer.Option(callback=free_text)]),
    option("postcode", Annotated[str | None, typer.Option()]),
    option("commune", Annotated[str | None, typer.Option(callback=free_text)]),
    option("insee", Annotated[str | None, typer.Option()]),
    option("department", DepartmentOpt),
    option("lat", Annotated[float | None, typer.Option()]),
    option("lon", Annotated[float | None, typer.Option()]),
    option("hours", Annotated[str | None, typer.Option()]),
    option("overnight", Annotated[bool, typer.Option("--overnight")], False),
    option("staff", Annotated[int | None, typer.Option()]),
    option("email", Annotated[str | None, typer.Option(callback=free_text)]),
    option("note", Annotated[str | None, typer.Option(callback=free_text)]),
]
# The links a site has (labels, equipment, operators): each an option's stem.
LINKS = ("label", "equipment", "operator")


def _link_option(name: str) -> Any:
    return option(name, Annotated[str | None, typer.Option(f"--{name.replace('_', '-')}")])


ADD_OPTIONS = [*VALUE_OPTIONS, *(_link_option(stem) for stem in LINKS)]
UPDATE_OPTIONS = [
    *VALUE_OPTIONS,
    *(_link_option(f"add_{stem}") for stem in LINKS),
    *(_link_option(f"remove_{stem}") for stem in LINKS),
    option(
        "valid_from",
        Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")],
    ),
    option("not_illustrative", Annotated[bool, typer.Option("--not-illustrative")], False),
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
    site_id: Annotated[str | None, typer.Argument()] = None,
) -> None:
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
    from presence_postale.services import site_changes, sites

    with session(ctx, write=True) as db:
        target = sites.get(db, site)
        done = Message("site.removed", {"site": target.id, "name": target.name})
        site_changes.remove(db, target)
    say(done)
