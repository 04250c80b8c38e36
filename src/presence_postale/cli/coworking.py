"""`coworking`: the Saint-Clar shared office, and any bookable space like it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Annotated

import typer

from presence_postale.cli.output import (
    FormatOption,
    LangOption,
    OutputOption,
    emit,
    warn,
    write_text,
)
from presence_postale.cli.params import (
    MAX_INTEGER,
    StrictOpt,
    check_year,
    free_text,
    parse_date,
    parse_time,
    split_list,
    today,
)
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session, state
from presence_postale.errors import InvalidData
from presence_postale.formats.render import Column, Listing, Record

if TYPE_CHECKING:
    from presence_postale.services.coworking import Person

app = typer.Typer(
    cls=LazyGroup, help="Coworking: spaces, bookings, waitlist, attendance, usage, retention."
)

SpaceArg = Annotated[str, typer.Argument(help="Space id: saint-clar (see: coworking spaces).")]
IdArg = Annotated[int, typer.Argument(help="Reservation number.", min=1, max=MAX_INTEGER)]
PersonalOption = Annotated[
    bool, typer.Option("--include-personal", help="Show names and e-mails (personal data).")
]

SPACE_COLUMNS = (
    Column("id", "id", "id"),
    Column("name", "nom", "name"),
    Column("site_id", "site", "site"),
    Column("capacity", "capacité", "capacity"),
    Column("categories", "catégories", "categories"),
    Column("opening_hours", "heures réservables", "bookable hours"),
    Column("min_minutes", "durée min. (min)", "min (min)"),
    Column("max_minutes", "durée max. (min)", "max (min)"),
    Column("max_days_ahead", "jours d'avance max.", "max days ahead"),
    Column("max_hours_per_person_week", "h / pers. / sem.", "h / person / week"),
    Column("cancel_cutoff_hours", "annulation (h avant)", "cancel cut-off (h)"),
)
RESERVATION_COLUMNS = (
    Column("id", "n°", "no."),
    Column("space", "espace", "space"),
    Column("date", "jour", "day"),
    Column("start", "début", "start"),
    Column("end", "fin", "end"),
    Column("category", "catégorie", "category"),
    Column("organisation", "organisation", "organisation"),
    Column("status", "statut", "status"),
)
PERSONAL_COLUMNS = (Column("person_name", "nom", "name"), Column("email", "e-mail", "e-mail"))


def now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


@app.command("spaces")
def list_spaces(
    ctx: typer.Context,
    site: Annotated[str | None, typer.Option(help="Only the spaces of this site.")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """List bookable spaces and their rules.

    Example: presence-postale coworking spaces
    """
    from presence_postale.services import coworking, sites

    with session(ctx) as db:
        rows = coworking.spaces(db, today=today(), site=sites.get(db, site).id if site else None)
    columns = SPACE_COLUMNS if fmt != "table" else SPACE_COLUMNS[:6]
    emit(Listing(columns, rows), fmt, output, lang)


@app.command("configure")
def configure(
    ctx: typer.Context,
    space: SpaceArg,
    site: Annotated[str | None, typer.Option(help="Host site (to create a space).")] = None,
    name: Annotated[str | None, typer.Option(help="Display name.", callback=free_text)] = None,
    capacity: Annotated[int | None, typer.Option(help="People at once.")] = None,
    categories: Annotated[
        str | None, typer.Option(help="Eligible: soho_solo,association,other.")
    ] = None,
    equipment: Annotated[str | None, typer.Option(help="bureau_partage,imprimante,wifi...")] = None,
    hours: Annotated[str | None, typer.Option(help="Bookable hours (OSM opening_hours).")] = None,
    overnight: Annotated[
        bool, typer.Option("--overnight", help="--hours has spans past midnight (22:00-02:00).")
    ] = False,
    min_minutes: Annotated[int | None, typer.Option(help="Shortest booking.")] = None,
    max_minutes: Annotated[int | None, typer.Option(help="Longest booking.")] = None,
    max_days_ahead: Annotated[int | None, typer.Option(help="How far ahead one may book.")] = None,
    max_hours_per_week: Annotated[float | None, typer.Option(help="Hours a person a week.")] = None,
    cancel_cutoff_hours: Annotated[
        int | None, typer.Option(help="No cancelling within N hours.")
    ] = None,
    not_illustrative: Annotated[
        bool,
        typer.Option(
            "--not-illustrative", help="The rules are real now: remove the illustrative mark."
        ),
    ] = False,
    strict: StrictOpt = False,
) -> None:
    """Create a space or change its booking rules.

    After a change of its bookable hours, the bookings still to come (over the year ahead)
    that the new hours leave out are named at once (warnings; --strict refuses the change).

    Example: presence-postale coworking configure saint-clar --max-days-ahead 30 --min-minutes 60
    """
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
        message = f"{'created' if created else 'updated'} space {target.id}"
    typer.echo(message, err=True)
    warn(found)


@app.command("book")
def book(
    ctx: typer.Context,
    space: SpaceArg,
    day: Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE", help="Day.")],
    start: Annotated[
        time, typer.Option("--from", parser=parse_time, metavar="HH:MM", help="Start.")
    ],
    end: Annotated[time, typer.Option("--to", parser=parse_time, metavar="HH:MM", help="End.")],
    name: Annotated[str, typer.Option(help="Person's name.", callback=free_text)],
    category: Annotated[str, typer.Option(help="soho_solo, association or other.")],
    email: Annotated[str | None, typer.Option(help="Person's e-mail.")] = None,
    organisation: Annotated[
        str | None, typer.Option(help="Organisation or association.", callback=free_text)
    ] = None,
    channel: Annotated[str, typer.Option(help="How it arrived: email, phone, desk.")] = "email",
    record: Annotated[bool, typer.Option(help="Record a past booking (from the mailbox).")] = False,
    every: Annotated[
        str | None, typer.Option(help="Repeat: tuesday, 'mon,thu'... (with --until).")
    ] = None,
    until: Annotated[
        date | None, typer.Option(parser=parse_date, metavar="DATE", help="Last date of a repeat.")
    ] = None,
    all_or_nothing: Annotated[bool, typer.Option(help="Book no date if any conflicts.")] = False,
    waitlist: Annotated[bool, typer.Option(help="If the slot is full, join its waitlist.")] = False,
) -> None:
    """Book a space; refused with the reason and the conflicting reservation.

    A booking still to come that gives an e-mail is confirmed by e-mail: the confirmation is
    queued with the booking and sent by the next `notify` run.

    Example: presence-postale coworking book saint-clar --date 2019-05-14 --from 09:00 --to 12:00
    --name "Camille Martin" --email camille@example.org --category soho_solo --record
    """
    from presence_postale.domain.vocab import BOOKING_CHANNELS
    from presence_postale.errors import Conflict
    from presence_postale.services import coworking, notifications

    if channel not in BOOKING_CHANNELS:
        raise typer.BadParameter(
            f"'{channel}' is not one of {', '.join(BOOKING_CHANNELS)}", param_hint="--channel"
        )
    if (every is None) != (until is None):
        raise typer.BadParameter("--every and --until go together", param_hint="--every")
    from presence_postale.formats.words import say

    lang = state(ctx).env.lang or "fr"
    moment = now()
    person_given = coworking.Person(name, email, category, organisation, channel)
    if every is None:
        slot = (datetime.combine(day, start), datetime.combine(day, end))
        _check_before_the_lock(ctx, space, person_given, slot, moment, record, waitlist)
    with session(ctx, write=True) as db:
        target = coworking.get_space(db, space)
        person = coworking.check_person(person_given, target)
        if every is not None and until is not None:
            result = coworking.book_series(
                db,
                target,
                person,
                day,
                until,
                every,
                start,
                end,
                now=moment,
                record=record,
                all_or_nothing=all_or_nothing,
            )
            notifications.booked(db, result.booked, now=moment)
            lines = [
                say("booking.refused_day", lang, day=d.isoformat(), reason=r)
                for d, r in result.refused
            ]
            lines.append(
                f"booked {len(result.booked)} dates in series"
                + (f" (#{result.booked[0].id}-#{result.booked[-1].id})" if result.booked else "")
                + (f", {len(result.refused)} refused" if result.refused else "")
            )
        else:
            try:
                reservation = coworking.book_one(
                    db,
                    target,
                    person,
                    datetime.combine(day, start),
                    datetime.combine(day, end),
                    now=moment,
                    record=record,
                )
                notifications.booked(db, [reservation], now=moment)
                lines = [
                    f"booked reservation #{reservation.id}: "
                    f"{target.id} {day} {start:%H:%M}-{end:%H:%M}"
                ]
            except Conflict as error:
                if not (waitlist and _slot_full(error)):
                    raise
                entry, position = coworking.add_to_waitlist(
                    db, target, person, datetime.combine(day, start), datetime.combine(day, end)
                )
                lines = [
                    f"slot full ({say(error.message, lang)}); added to the "
                    f"waitlist as #{entry.id}, position {position}"
                ]
    for line in lines:
        typer.echo(line, err=True)


def _slot_full(error: Exception) -> bool:
    """Whether a refused booking was refused for a full slot (the waitlist's case)."""
    return getattr(error, "key", None) == "booking.full"


def _check_before_the_lock(
    ctx: typer.Context,
    space: str,
    person: Person,
    slot: tuple[datetime, datetime],
    moment: datetime,
    record: bool,
    waitlist: bool,
) -> None:
    """A booking's checks in a read transaction, before the write session checks them again
    under the write lock: one that conflicts is refused without queueing for the lock."""
    from presence_postale.errors import Conflict
    from presence_postale.services import coworking

    with session(ctx) as db:
        target = coworking.get_space(db, space)
        checked = coworking.check_person(person, target)
        try:
            coworking.check_booking(db, target, checked, *slot, now=moment, record=record)
        except Conflict as error:
            if not (waitlist and _slot_full(error)):
                raise


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    reservation_id: IdArg,
    force: Annotated[bool, typer.Option(help="Cancel even within the cut-off.")] = False,
) -> None:
    """Cancel a reservation (kept, with its time); the slot is offered to the waitlist.

    The person (and the one offered the slot) is told by e-mail with the next `notify` run.

    Example: presence-postale coworking cancel 1
    """
    from presence_postale.services import coworking, notifications

    moment = now()
    with session(ctx, write=True) as db:
        reservation = coworking.get_reservation(db, reservation_id)
        offered = coworking.cancel(db, reservation, now=moment, force=force)
        notifications.cancelled(db, reservation, offered, now=moment)
        lines = [f"cancelled reservation #{reservation_id}"]
        if offered is not None:
            who = offered.organisation or offered.category
            lines.append(
                f"slot offered to waitlist entry #{offered.id} ({who}, "
                f"{offered.start_at:%Y-%m-%d %H:%M}-{offered.end_at:%H:%M}): "
                "see coworking list --waitlist --include-personal"
            )
    for line in lines:
        typer.echo(line, err=True)


@app.command("mark")
def mark(
    ctx: typer.Context,
    reservation_id: IdArg,
    attended: Annotated[bool, typer.Option("--attended", help="The person came.")] = False,
    no_show: Annotated[bool, typer.Option("--no-show", help="The person did not come.")] = False,
) -> None:
    """Record whether the person came.

    Example: presence-postale coworking mark 1 --attended
    """
    from presence_postale.services import coworking

    if attended == no_show:
        raise typer.BadParameter("give --attended or --no-show", param_hint="--attended")
    with session(ctx, write=True) as db:
        reservation = coworking.get_reservation(db, reservation_id)
        coworking.mark(db, reservation, "attended" if attended else "no_show", now=now())
    typer.echo(
        f"marked reservation #{reservation_id} {'attended' if attended else 'no-show'}", err=True
    )


@app.command("list")
def list_reservations(
    ctx: typer.Context,
    space: Annotated[str | None, typer.Option(help="Only this space.")] = None,
    start: Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")] = None,
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    status: Annotated[
        str | None, typer.Option(help="confirmed, cancelled, attended, no_show.")
    ] = None,
    show_waitlist: Annotated[
        bool, typer.Option("--waitlist", help="The waitlist instead.")
    ] = False,
    include_personal: PersonalOption = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """List reservations (names and e-mails only with --include-personal), or the waitlist.

    Example: presence-postale coworking list --from 2019-05-01 --to 2019-05-31
    """
    from presence_postale.services import coworking

    if start is not None and end is not None and end < start:
        raise InvalidData(f"invalid range: --to {end} is before --from {start}")
    with session(ctx) as db:
        space_id = coworking.get_space(db, space).id if space else None
        if show_waitlist:
            rows = coworking.waitlist(db, space=space_id, include_personal=include_personal)
        else:
            rows = coworking.reservations(
                db,
                space=space_id,
                start=start,
                end=end,
                status=status,
                include_personal=include_personal,
            )
    columns = (*RESERVATION_COLUMNS, *(PERSONAL_COLUMNS if include_personal else ()))
    # Bookings name organisations (a sole trader's is their name): a private file.
    emit(Listing(columns, rows), fmt, output, lang, private=True)


@app.command("show")
def show(
    ctx: typer.Context,
    reservation_id: IdArg,
    include_personal: PersonalOption = False,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """One reservation.

    Example: presence-postale coworking show 1 --include-personal
    """
    from presence_postale.services import coworking

    with session(ctx) as db:
        row = coworking.reservation_row(
            coworking.get_reservation(db, reservation_id), include_personal
        )
    fields = (
        *RESERVATION_COLUMNS,
        Column("channel", "canal", "channel"),
        Column("cancelled_at", "annulée le", "cancelled at"),
        *(PERSONAL_COLUMNS if include_personal else ()),
    )
    emit(
        Record(
            fields,
            row,
            title=f"Réservation #{reservation_id}"
            if lang != "en"
            else f"Reservation #{reservation_id}",
        ),
        fmt,
        output,
        lang,
        private=True,
    )


@app.command("usage")
def usage(
    ctx: typer.Context,
    space: Annotated[str | None, typer.Option(help="Only this space (default: all).")] = None,
    start: Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")] = None,
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    month: Annotated[str | None, typer.Option(help="A month: 2019-05.")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Booked hours, occupancy of bookable hours, by category and month, distinct users,
    no-show rate: what the funders ask for.

    Example: presence-postale coworking usage --month 2019-05 --format markdown
    """
    import calendar as stdlib_calendar

    from presence_postale.domain.weeks import parse_month
    from presence_postale.formats.report import render_usage
    from presence_postale.services import coworking

    if month is not None and (start is not None or end is not None):
        raise typer.BadParameter("give --month or --from/--to, not both", param_hint="--month")
    if month is not None:
        try:
            year, number = parse_month(month, "--month")
            check_year(year, month, "--month")
        except InvalidData as error:
            raise typer.BadParameter(str(error), param_hint="--month") from None
        start = date(year, number, 1)
        end = date(year, number, stdlib_calendar.monthrange(year, number)[1])
    if start is None or end is None:
        raise typer.BadParameter("give --month, or both --from and --to", param_hint="--month")
    with session(ctx) as db:
        ids = (
            [coworking.get_space(db, space).id]
            if space
            else [r["id"] for r in coworking.spaces(db, today=start)]
        )
        data = coworking.usage(db, ids, start, end, lang)
    from presence_postale.cli.output import check_choice

    check_choice(fmt, ("table", "json", "csv", "markdown", "html", "xlsx"), "--format")
    write_text(render_usage(data, fmt, lang), output)


@app.command("purge")
def purge(
    ctx: typer.Context,
    older_than: Annotated[str, typer.Option(help="Retention: 12m, 2y, 90d.")] = "12m",
    dry_run: Annotated[bool, typer.Option(help="Count only.")] = False,
) -> None:
    """Anonymise the people of reservations that ended before the retention period (name,
    e-mail, organisation); usage figures stay right. The database is then compacted so that
    nothing lingers in free pages; if another command keeps reading the old pages past the
    busy timeout, the purge says so and exits 1 (run it again to finish).

    Example: presence-postale coworking purge --older-than 12m
    """
    from presence_postale.domain.weeks import parse_duration_ago
    from presence_postale.services import coworking
    from presence_postale.services.files import compact

    try:
        before = parse_duration_ago(older_than, today(), "--older-than")
    except InvalidData as error:
        raise typer.BadParameter(str(error), param_hint="--older-than") from None
    with session(ctx, write=not dry_run) as db:
        reservations, entries = coworking.purge(db, before, dry_run=dry_run)
    if not dry_run:
        # Always, even with nothing new to erase: a purge that a reader stopped half-way (it
        # then said so and exited 1) is finished by the next one.
        compact(state(ctx).engine(), rebuild=bool(reservations or entries))
    verb = "would anonymise" if dry_run else "anonymised"
    typer.echo(
        f"{verb} {reservations} reservations and {entries} "
        f"waitlist entries that ended before {before}",
        err=True,
    )
