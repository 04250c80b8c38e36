"""`permanences`: recurring staffed slots, their occurrences, changes and outcomes."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, SCHEDULE, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import (
    MAX_INTEGER,
    DepartmentOpt,
    check_period,
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
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Label, Message, UsageError
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(cls=LazyGroup)

IdArg = Annotated[int, typer.Argument(min=1, max=MAX_INTEGER)]
DateOpt = Annotated[date, typer.Option("--date", parser=parse_date, metavar="DATE")]
ReasonOpt = Annotated[str | None, typer.Option(callback=free_text)]
UndoOpt = Annotated[bool, typer.Option("--undo")]

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


@app.command("list")
@output_options(LISTING)
def list_permanences(
    ctx: typer.Context,
    out: Output,
    programme: Annotated[str | None, typer.Option()] = None,
    agent: Annotated[str | None, typer.Option()] = None,
    site: Annotated[str | None, typer.Option()] = None,
    department: DepartmentOpt = None,
) -> None:
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
    programme: Annotated[str, typer.Option()],
    site: Annotated[str, typer.Option()],
    start: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM")],
    end: Annotated[time, typer.Option(parser=parse_time, metavar="HH:MM")],
    valid_from: Annotated[date, typer.Option(parser=parse_date, metavar="DATE")],
    agent: Annotated[str | None, typer.Option()] = None,
    every: Annotated[str | None, typer.Option()] = None,
    rrule: Annotated[str | None, typer.Option()] = None,
    valid_until: Annotated[date | None, typer.Option(parser=parse_date, metavar="DATE")] = None,
    operators: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option(callback=free_text)] = None,
    force: Annotated[bool, typer.Option()] = False,
) -> None:
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
            every=every,
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
    day: Annotated[date | None, one_day("--date")] = None,
    start: Annotated[date | None, one_day("--from")] = None,
    end: Annotated[date | None, one_day("--to")] = None,
    reason: ReasonOpt = None,
    undo: UndoOpt = False,
) -> None:
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
    to: Annotated[date | None, one_day("--to")] = None,
    start: Annotated[time | None, typer.Option(parser=parse_time, metavar="HH:MM")] = None,
    end: Annotated[time | None, typer.Option(parser=parse_time, metavar="HH:MM")] = None,
    reason: ReasonOpt = None,
    undo: UndoOpt = False,
) -> None:
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
    visitors: Annotated[int, typer.Option()],
    requests: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option(callback=free_text)] = None,
    moved_from: Annotated[
        date | None,
        typer.Option(parser=parse_date, metavar="DATE"),
    ] = None,
) -> None:
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
    week: Annotated[IsoWeek | None, typer.Option(parser=parse_week, metavar="WEEK")] = None,
    start: Annotated[date | None, typer.Option("--from", parser=parse_date, metavar="DATE")] = None,
    end: Annotated[date | None, typer.Option("--to", parser=parse_date, metavar="DATE")] = None,
    programme: Annotated[str | None, typer.Option()] = None,
    agent: Annotated[str | None, typer.Option()] = None,
    site: Annotated[str | None, typer.Option()] = None,
    department: DepartmentOpt = None,
) -> None:
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
    check_period(start, end)
    return start, end
