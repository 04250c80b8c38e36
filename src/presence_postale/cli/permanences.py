"""`permanences`: recurring staffed slots, their occurrences, changes and outcomes."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, SCHEDULE, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import (
    MAX_INTEGER,
    check_range,
    free_text,
    one_of,
    parse_counts,
    parse_date,
    parse_time,
    parse_week,
    split_list,
    today,
)
from presence_postale.cli.ranges import cancel_range, one_day
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.domain.fields import MAX_PERIOD_DAYS
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import InvalidData, Label, Message, UsageError
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup, help="Permanences: recurring staffed slots (Vigny's Tuesday mornings in Grisy)."
)

IdArg = Annotated[
    int, typer.Argument(help="Permanence number (see: permanences list).", min=1, max=MAX_INTEGER)
]
DateOpt = Annotated[
    date, typer.Option("--date", parser=parse_date, metavar="DATE", help="The occurrence's date.")
]
ReasonOpt = Annotated[str | None, typer.Option(help="Why.", callback=free_text)]
UndoOpt = Annotated[bool, typer.Option("--undo", help="Remove the change recorded for that date.")]

LIST_COLUMNS = (
    Column("id", "number"),
    Column("programme"),
    Column("agent"),
    Column("site_id", "site"),
    Column("site_name"),
    Column("rrule", "recurrence", shown="rule"),
    Column("start"),
    Column("end"),
    Column("valid_from"),
    Column("valid_until"),
)
OCCURRENCE_COLUMNS = (
    Column("date", "day"),
    Column("start"),
    Column("end"),
    Column("site_id", "site"),
    Column("site_name"),
    Column("agent_id", "agent"),
    Column("programme"),
    Column("permanence_id", "number"),
    Column("status", shown="occurrence_status"),
    Column("reason", shown="holiday"),
)
EXCEPTION_COLUMNS = (
    Column("date", "occurrence"),
    Column("action", "change", shown="change_action"),
    Column("new_date"),
    Column("new_start", "start"),
    Column("new_end", "end"),
    Column("reason"),
)
OUTCOME_COLUMNS = (
    Column("date", "occurrence"),
    Column("visitors"),
    Column("requests"),
    Column("note"),
)
DepartmentOption = Annotated[
    str | None, typer.Option("--department", "-d", help="Department code.")
]


@app.command("list")
@output_options(LISTING)
def list_permanences(
    ctx: typer.Context,
    out: Output,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    agent: Annotated[str | None, typer.Option(help="Only this agent (id or name).")] = None,
    site: Annotated[str | None, typer.Option(help="Only at this site (id or name).")] = None,
    department: DepartmentOption = None,
) -> None:
    """List permanences.

    Example: presence-postale permanences list --programme vigny-2021
    """
    from presence_postale.services import agents, permanences, programmes, sites

    with session(ctx) as db:
        code = programmes.get(db, programme).code if programme else None
        agent_id = agents.get(db, agent).id if agent else None
        site_id = sites.get(db, site).id if site else None
        rows = permanences.listing(
            db, programme=code, agent=agent_id, site=site_id, department=department
        )
    out.emit(Listing(LIST_COLUMNS, rows))


@app.command("show")
@output_options(LISTING)
def show(ctx: typer.Context, out: Output, permanence_id: IdArg) -> None:
    """One permanence, its cancelled or moved occurrences, and its logged outcomes.

    Example: presence-postale permanences show 1
    """
    from presence_postale.services import permanences

    with session(ctx) as db:
        data = permanences.detail(db, permanences.get(db, permanence_id))
    fields = (*LIST_COLUMNS, Column("operators"), Column("note"))
    sections = [
        Listing(EXCEPTION_COLUMNS, data["exceptions"], title=Message("permanence.changes_title")),
        Listing(OUTCOME_COLUMNS, data["outcomes"], title=Message("permanence.outcomes_title")),
    ]
    title = Message("permanence.title", {"permanence": permanence_id})
    out.emit(Record(fields, data, title=title, sections=sections))


@app.command("add")
def add(
    ctx: typer.Context,
    programme: Annotated[str, typer.Option(help="Programme code: vigny-2021.")],
    site: Annotated[str, typer.Option(help="Host site (id or name).")],
    start: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM", help="Start time.")],
    end: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM", help="End time.")],
    valid_from: Annotated[date, typer.Option(parser=parse_date, metavar="DATE", help="First day.")],
    agent: Annotated[str | None, typer.Option(help="Agent (id or name).")] = None,
    every: Annotated[
        str | None, typer.Option(help="tuesday, mardi, mon,thu, weekdays, '1st,3rd thursday'.")
    ] = None,
    rrule: Annotated[
        str | None, typer.Option(help="Raw RFC 5545 rule: FREQ=WEEKLY;BYDAY=TU.")
    ] = None,
    valid_until: Annotated[
        date | None,
        typer.Option(
            parser=parse_date, metavar="DATE", help="Last day (default: the programme's end)."
        ),
    ] = None,
    operators: Annotated[
        str | None, typer.Option(help="Operators served: laposte,caf,msa.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free note.", callback=free_text)] = None,
    force: Annotated[
        bool, typer.Option(help="Create it despite conflicts (they are listed).")
    ] = False,
) -> None:
    """Add a permanence; refused when the agent is elsewhere or the host is closed, unless --force.

    Example: presence-postale permanences add --programme vigny-2021 --agent vigny-conseillere-1
    --site mairie-grisy-les-platres --every tuesday --start 14:00 --end 16:00
    --valid-from 2021-05-04
    """
    from presence_postale.domain.recurrence import from_every
    from presence_postale.services import agents, permanences, programmes, sites

    one_of(("--every", every), ("--rrule", rrule))
    rule = from_every(every) if every is not None else str(rrule)
    with session(ctx, write=True) as db:
        new = permanences.NewPermanence(
            programme=programmes.get(db, programme),
            agent=agents.get(db, agent) if agent else None,
            site=sites.get(db, site),
            rule=rule,
            start=start,
            end=end,
            valid_from=valid_from,
            valid_until=valid_until,
            operators=split_list(operators),
            note=note,
        )
        created, overridden = permanences.add(db, new, force=force)
        done = Message(
            "permanence.added",
            {
                "permanence": created.id,
                "rule": created.rrule,
                "start": start,
                "end": end,
                "site": new.site.id,
            },
        )
    for problem in overridden:
        say(Message("notice.warning", {"message": problem}))
    say(done)


@app.command("cancel")
def cancel(
    ctx: typer.Context,
    permanence_id: IdArg,
    day: Annotated[date | None, one_day("--date", "The occurrence's date.")] = None,
    start: Annotated[date | None, one_day("--from", "First day of a range.")] = None,
    end: Annotated[date | None, one_day("--to", "Last day of a range.")] = None,
    reason: ReasonOpt = None,
    undo: UndoOpt = False,
) -> None:
    """Cancel one occurrence, or every one from --from to --to (kept, with the reason);
    --undo restores them.

    Example: presence-postale permanences cancel 1 --date 2021-05-11 --reason "agent en formation"
    """
    from presence_postale.services import permanence_occurrences as occurrences
    from presence_postale.services import permanences

    if day is None:
        return cancel_range(ctx, permanence_id, start, end, reason, undo)
    if start is not None or end is not None:
        raise UsageError("usage.date_or_range")
    with session(ctx, write=True) as db:
        permanence = permanences.get(db, permanence_id)
        if undo:
            done = _restored(permanence_id, day, occurrences.undo(db, permanence, day))
        else:
            occurrences.cancel(db, permanence, day, reason)
            done = Message("permanence.cancelled", {"date": day, "permanence": permanence_id})
    say(done)


def _restored(permanence_id: int, day: date, action: str) -> Message:
    return Message(
        "permanence.restored",
        {"date": day, "permanence": permanence_id, "action": Label("change_action", action)},
    )


@app.command("move")
def move(
    ctx: typer.Context,
    permanence_id: IdArg,
    day: DateOpt,
    to: Annotated[date | None, one_day("--to", "New day.")] = None,
    start: Annotated[
        time | None, typer.Option(parser=parse_time, metavar="HH:MM", help="New start.")
    ] = None,
    end: Annotated[
        time | None, typer.Option(parser=parse_time, metavar="HH:MM", help="New end.")
    ] = None,
    reason: ReasonOpt = None,
    undo: UndoOpt = False,
) -> None:
    """Move one occurrence to another day or time; --undo puts it back.

    Example: presence-postale permanences move 1 --date 2021-05-11 --to 2021-05-12
    --reason "salle prise"
    """
    from presence_postale.services import permanence_occurrences as occurrences
    from presence_postale.services import permanences

    with session(ctx, write=True) as db:
        permanence = permanences.get(db, permanence_id)
        if undo:
            done = _restored(permanence_id, day, occurrences.undo(db, permanence, day))
        else:
            change = occurrences.move(db, permanence, day, to, start, end, reason)
            done = Message(
                "permanence.moved",
                {"date": day, "permanence": permanence_id, "to": change.new_date},
            )
    say(done)


def parse_requests(text: str | None) -> dict[str, int]:
    """`caf=3,msa=1` -> {"caf": 3, "msa": 1}."""
    return parse_counts(text, "--requests", "caf=3")


@app.command("log")
def log(
    ctx: typer.Context,
    permanence_id: IdArg,
    day: DateOpt,
    visitors: Annotated[int, typer.Option(help="People received.")],
    requests: Annotated[
        str | None, typer.Option(help="Requests per operator: caf=3,msa=1.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Free note.", callback=free_text)] = None,
    moved_from: Annotated[
        date | None,
        typer.Option(
            parser=parse_date,
            metavar="DATE",
            help="For an occurrence moved onto --date that also has a regular one: its first date.",
        ),
    ] = None,
) -> None:
    """Record what happened at an occurrence: visitors, requests per operator, a note.

    Example: presence-postale permanences log 1 --date 2021-04-27 --visitors 6
    --requests caf=2,cnav=1
    """
    from presence_postale.services import permanence_occurrences as occurrences
    from presence_postale.services import permanences

    counts = parse_requests(requests)
    with session(ctx, write=True) as db:
        permanence = permanences.get(db, permanence_id)
        outcome, replaced = occurrences.log(
            db, permanence, day, visitors, counts, note, today=today(), moved_from=moved_from
        )
        done = Message(
            "permanence.corrected" if replaced else "permanence.logged",
            {"permanence": permanence_id, "date": outcome.occurrence_date, "visitors": visitors},
        )
    say(done)


@app.command("schedule")
@output_options(SCHEDULE)
def schedule(
    ctx: typer.Context,
    out: Output,
    week: Annotated[
        IsoWeek | None,
        typer.Option(
            parser=parse_week, metavar="WEEK", help="2021-W17, this, next, last or a date."
        ),
    ] = None,
    start: Annotated[
        date | None, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day.")
    ] = None,
    end: Annotated[
        date | None, typer.Option("--to", parser=parse_date, metavar="DATE", help="Last day.")
    ] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    agent: Annotated[str | None, typer.Option(help="Only this agent.")] = None,
    site: Annotated[str | None, typer.Option(help="Only at this site.")] = None,
    department: DepartmentOption = None,
) -> None:
    """Occurrences in a window: held, scheduled, moved, cancelled, skipped (with the reason).

    Example: presence-postale permanences schedule --programme vigny-2021
    --from 2021-04-27 --to 2021-07-27
    """
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import schedule as schedule_service

    first, last = window(week, start, end)
    with session(ctx) as db:
        result = schedule_service.build(
            db,
            first,
            last,
            programme=programmes.get(db, programme).code if programme else None,
            agent=agents.get(db, agent).id if agent else None,
            site_ids=[sites.get(db, site).id] if site else None,
            department=department,
        )
    if out.format == "ics":
        from presence_postale.formats.ics import calendar

        out.write(calendar(result.entries, out.lang), private=True)  # names agents
        return
    rows = [entry.row() for entry in result.entries]
    title = Message("permanence.window", {"start": first, "end": last})
    listing = Listing(OCCURRENCE_COLUMNS, rows, title=title, notes=list(result.warnings))
    out.emit(listing, private=True)  # names agents


def window(week: IsoWeek | None, start: date | None, end: date | None) -> tuple[date, date]:
    """The dates a command covers: a week, or --from/--to (default: this week)."""
    if week is not None and (start is not None or end is not None):
        raise UsageError("usage.not_both", first="--week", second="--from/--to")
    if week is not None:
        return week.monday, week.sunday
    if start is None and end is None:
        current = IsoWeek.containing(today())
        return current.monday, current.sunday
    if start is None or end is None:
        raise UsageError("usage.both", first="--from", second="--to")
    check_range(start, end)
    if (end - start).days > MAX_PERIOD_DAYS:
        raise InvalidData("value.range_too_long", start=start, end=end)
    return start, end
