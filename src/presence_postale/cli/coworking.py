"""`coworking`: the Saint-Clar shared office, and any bookable space like it."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Annotated

import typer

from presence_postale.cli.environment import current
from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import (
    MAX_INTEGER,
    FromOption,
    StrictOpt,
    ToOption,
    check_range,
    free_text,
    parse_date,
    parse_month,
    parse_period,
    parse_time,
    split_list,
    today,
)
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session, state
from presence_postale.errors import Label, Message, UsageError
from presence_postale.formats.render import Column, Listing, Record

if TYPE_CHECKING:
    from presence_postale.services.coworking_bookings import Outcome

app = typer.Typer(cls=LazyGroup)

SpaceArg = Annotated[str, typer.Argument()]
IdArg = Annotated[int, typer.Argument(min=1, max=MAX_INTEGER)]
PersonalOption = Annotated[bool, typer.Option("--include-personal")]

SPACE_COLUMNS = (
    Column("id"),
    Column("name"),
    Column("site_id", "site"),
    Column("capacity"),
    Column("categories", shown="reservation_category"),
    Column("opening_hours", "bookable_hours"),
    Column("min_minutes"),
    Column("max_minutes"),
    Column("max_days_ahead"),
    Column("max_hours_per_person_week"),
    Column("cancel_cutoff_hours"),
)
RESERVATION_COLUMNS = (
    Column("id", "number"),
    Column("space"),
    Column("date", "day"),
    Column("start"),
    Column("end"),
    Column("category", shown="reservation_category"),
    Column("organisation"),
    Column("status", shown="reservation_status"),
)
WAITLIST_COLUMNS = (*RESERVATION_COLUMNS[:-1], Column("status", shown="waitlist_status"))
PERSONAL_COLUMNS = (Column("person_name", "name"), Column("email"))


@app.command("spaces")
@output_options(LISTING)
def list_spaces(
    ctx: typer.Context,
    out: Output,
    site: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.services import coworking, sites

    with session(ctx) as db:
        rows = coworking.spaces(db, today=today(), site=sites.get(db, site).id if site else None)
    columns = SPACE_COLUMNS if out.format != "table" else SPACE_COLUMNS[:6]
    out.emit(Listing(columns, rows))


@app.command("configure")
def configure(
    ctx: typer.Context,
    space: SpaceArg,
    site: Annotated[str | None, typer.Option()] = None,
    name: Annotated[str | None, typer.Option(callback=free_text)] = None,
    capacity: Annotated[int | None, typer.Option()] = None,
    categories: Annotated[str | None, typer.Option()] = None,
    equipment: Annotated[str | None, typer.Option()] = None,
    hours: Annotated[str | None, typer.Option()] = None,
    overnight: Annotated[bool, typer.Option("--overnight")] = False,
    min_minutes: Annotated[int | None, typer.Option()] = None,
    max_minutes: Annotated[int | None, typer.Option()] = None,
    max_days_ahead: Annotated[int | None, typer.Option()] = None,
    max_hours_per_week: Annotated[float | None, typer.Option()] = None,
    cancel_cutoff_hours: Annotated[int | None, typer.Option()] = None,
    not_illustrative: Annotated[bool, typer.Option("--not-illustrative")] = False,
    strict: StrictOpt = False,
) -> None:
    from presence_postale.services import consequences, coworking, sites

    with session(ctx, write=True) as db:
        target, created = coworking.configure(
            db,
            space,
            sites.get(db, site) if site else None,
            {
                "name": name,
                "capacity": capacity,
                "categories": list(split_list(categories)) if categories else None,
                "equipment": list(split_list(equipment)) if equipment else None,
                "opening_hours": hours,
                "overnight": overnight,
                "min_minutes": min_minutes,
                "max_minutes": max_minutes,
                "max_days_ahead": max_days_ahead,
                "max_hours_per_person_week": max_hours_per_week,
                "cancel_cutoff_hours": cancel_cutoff_hours,
                "illustrative": False if not_illustrative else None,
            },
        )
        found = consequences.of_space(db, target, today()) if hours is not None else []
        consequences.refuse_if_strict(strict, found)
        done = Message("space.created" if created else "space.updated", {"space": target.id})
    say(done)
    warn(found)


@app.command("book")
def book(
    ctx: typer.Context,
    space: SpaceArg,
    day: Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE")],
    start: Annotated[time, typer.Option("--from", parser=parse_time, metavar="HH:MM")],
    end: Annotated[time, typer.Option("--to", parser=parse_time, metavar="HH:MM")],
    name: Annotated[str, typer.Option(callback=free_text)],
    category: Annotated[str, typer.Option()],
    email: Annotated[str | None, typer.Option()] = None,
    organisation: Annotated[str | None, typer.Option(callback=free_text)] = None,
    channel: Annotated[str, typer.Option()] = "email",
    record: Annotated[bool, typer.Option()] = False,
    every: Annotated[str | None, typer.Option()] = None,
    until: Annotated[date | None, typer.Option(parser=parse_date, metavar="DATE")] = None,
    all_or_nothing: Annotated[bool, typer.Option()] = False,
    waitlist: Annotated[bool, typer.Option()] = False,
) -> None:
    from presence_postale.domain.vocab import VOCABULARIES
    from presence_postale.services import coworking
    from presence_postale.services import coworking_bookings as bookings

    channels = list(VOCABULARIES["booking_channel"])
    if channel not in channels:
        raise UsageError("usage.bad_choice", option="--channel", value=channel, expected=channels)
    if (every is None) != (until is None):
        raise UsageError("usage.together", first="--every", second="--until")
    request = bookings.Request(day, start, end, record, every, until, all_or_nothing, waitlist)
    given = coworking.Person(name, email, category, organisation, channel)
    moment = current().now()
    # Checked first in a read transaction: a booking that conflicts is refused without
    # queueing for the write lock, then checked again under it.
    with session(ctx) as db:
        target = coworking.get_space(db, space)
        bookings.precheck(db, target, coworking.check_person(given, target), request, now=moment)
    with session(ctx, write=True) as db:
        target = coworking.get_space(db, space)
        person = coworking.check_person(given, target)
        outcome = bookings.book(db, target, person, request, now=moment)
        lines = _booked(outcome, target.id)
    for line in lines:
        say(line)


def _booked(outcome: Outcome, space: str) -> list[Message]:
    """What a booking did, in lines for people."""
    if outcome.kind == "waitlisted":
        assert outcome.entry is not None
        return [
            Message(
                "booking.waitlisted",
                {"full": outcome.full, "entry": outcome.entry.id, "position": outcome.position},
            )
        ]
    if outcome.kind == "series":
        from presence_postale.services.coworking_bookings import refusal

        lines = [refusal(day, reason) for day, reason in outcome.refused]
        booked, refused = outcome.booked, len(outcome.refused)  # none booked is a refusal
        summary = {"count": len(booked), "first": booked[0].id, "last": booked[-1].id}
        if refused:
            return [*lines, Message("booking.series_refusals", {**summary, "refused": refused})]
        return [*lines, Message("booking.series", summary)]
    (reservation,) = outcome.booked
    return [
        Message(
            "booking.booked",
            {
                "reservation": reservation.id,
                "space": space,
                "date": reservation.start_at.date(),
                "start": reservation.start_at.time(),
                "end": reservation.end_at.time(),
            },
        )
    ]


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    reservation_id: IdArg,
    force: Annotated[bool, typer.Option()] = False,
) -> None:
    from presence_postale.services import coworking
    from presence_postale.services import coworking_bookings as bookings

    with session(ctx, write=True) as db:
        reservation = coworking.get_reservation(db, reservation_id)
        offered = bookings.cancel(db, reservation, now=current().now(), force=force)
        lines = [Message("reservation.cancelled", {"reservation": reservation_id})]
        if offered is not None:
            who = offered.organisation or Label("reservation_category", offered.category)
            lines.append(
                Message(
                    "reservation.offered",
                    {
                        "entry": offered.id,
                        "who": who,
                        "date": offered.start_at.date(),
                        "start": offered.start_at.time(),
                        "end": offered.end_at.time(),
                    },
                )
            )
    for line in lines:
        say(line)


@app.command("mark")
def mark(
    ctx: typer.Context,
    reservation_id: IdArg,
    attended: Annotated[bool, typer.Option("--attended")] = False,
    no_show: Annotated[bool, typer.Option("--no-show")] = False,
) -> None:
    from presence_postale.services import coworking
    from presence_postale.services import coworking_bookings as bookings

    if attended == no_show:
        raise UsageError("usage.one_of", first="--attended", second="--no-show")
    status = "attended" if attended else "no_show"
    with session(ctx, write=True) as db:
        reservation = coworking.get_reservation(db, reservation_id)
        bookings.mark(db, reservation, status, now=current().now())
    say(
        Message(
            "reservation.marked_as",
            {"reservation": reservation_id, "status": Label("reservation_status", status)},
        )
    )


@app.command("list")
@output_options(LISTING)
def list_reservations(
    ctx: typer.Context,
    out: Output,
    space: Annotated[str | None, typer.Option()] = None,
    start: FromOption = None,
    end: ToOption = None,
    status: Annotated[str | None, typer.Option()] = None,
    show_waitlist: Annotated[bool, typer.Option("--waitlist")] = False,
    include_personal: PersonalOption = False,
) -> None:
    from presence_postale.services import coworking, reservations

    check_range(start, end)
    with session(ctx) as db:
        space_id = coworking.get_space(db, space).id if space else None
        if show_waitlist:
            rows = reservations.waitlist(db, space=space_id, include_personal=include_personal)
        else:
            rows = reservations.reservations(
                db,
                space=space_id,
                start=start,
                end=end,
                status=status,
                include_personal=include_personal,
            )
    columns = WAITLIST_COLUMNS if show_waitlist else RESERVATION_COLUMNS
    # Bookings name organisations (a sole trader's is their name): a private file.
    listing = Listing((*columns, *(PERSONAL_COLUMNS if include_personal else ())), rows)
    out.emit(listing, private=True)


@app.command("show")
@output_options(LISTING)
def show(
    ctx: typer.Context,
    out: Output,
    reservation_id: IdArg,
    include_personal: PersonalOption = False,
) -> None:
    from presence_postale.services import coworking, reservations

    with session(ctx) as db:
        row = reservations.reservation_row(
            coworking.get_reservation(db, reservation_id), include_personal
        )
    fields = (
        *RESERVATION_COLUMNS,
        Column("channel", shown="channel"),
        Column("cancelled_at"),
        *(PERSONAL_COLUMNS if include_personal else ()),
    )
    title = Message("reservation.title", {"reservation": reservation_id})
    out.emit(Record(fields, row, title=title), private=True)


@app.command("usage")
@output_options(LISTING)
def usage(
    ctx: typer.Context,
    out: Output,
    space: Annotated[str | None, typer.Option()] = None,
    start: FromOption = None,
    end: ToOption = None,
    month: Annotated[date | None, typer.Option(parser=parse_month, metavar="YYYY-MM")] = None,
) -> None:
    import calendar as stdlib_calendar

    from presence_postale.formats.reports.usage import render_usage
    from presence_postale.services import coworking, reservations

    if month is not None and (start is not None or end is not None):
        raise UsageError("usage.not_both", first="--month", second="--from/--to")
    if month is not None:
        start = month
        end = month.replace(day=stdlib_calendar.monthrange(month.year, month.month)[1])
    if start is None or end is None:
        raise UsageError("usage.month_or_range")
    with session(ctx) as db:
        ids = (
            [coworking.get_space(db, space).id]
            if space
            else [r["id"] for r in coworking.spaces(db, today=start)]
        )
        data = reservations.usage(db, ids, start, end)
    out.render(render_usage, data)


@app.command("purge")
def purge(
    ctx: typer.Context,
    before: Annotated[
        date,
        typer.Option("--older-than", parser=parse_period, metavar="PERIOD"),
    ] = "12m",  # type: ignore[assignment]
    dry_run: Annotated[bool, typer.Option()] = False,
) -> None:
    from presence_postale.services import reservations
    from presence_postale.services.files import compact

    with session(ctx, write=not dry_run) as db:
        count, entries = reservations.purge(db, before, dry_run=dry_run)
    if not dry_run:
        # Always, even with nothing new to erase: a purge that a reader stopped half-way (it
        # then said so and exited 1) is finished by the next one.
        compact(state(ctx).engine(), rebuild=bool(count or entries))
    key = "reservation.would_purge" if dry_run else "reservation.purged"
    say(Message(key, {"reservations": count, "entries": entries, "date": before}))
