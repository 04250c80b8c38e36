"""`programmes`: the pilots, their dates, funding, extensions and end."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import MAX_INTEGER, DepartmentOpt, free_text, parse_date, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(cls=LazyGroup)

CodeArg = Annotated[str, typer.Argument()]
COLUMNS = (
    Column("code"),
    Column("title"),
    Column("department"),
    Column("start"),
    Column("planned_end"),
    Column("status", shown="programme_status"),
    Column("funder"),
    Column("funding_eur"),
)
DETAIL = (
    *COLUMNS,
    Column("model"),
    Column("ended_on"),
    Column("permanences"),
    Column("description"),
    Column("source_document", "source"),
    Column("illustrative"),
)
CHANGE_COLUMNS = (
    Column("date"),
    Column("action", shown="programme_action"),
    Column("previous_end"),
    Column("new_end"),
    Column("reason"),
)


@app.command("list")
@output_options(LISTING)
def list_programmes(
    ctx: typer.Context,
    out: Output,
    department: DepartmentOpt = None,
    status: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.services import programmes

    with session(ctx) as db:
        rows = programmes.listing(db, department=department, status=status)
    out.emit(Listing(COLUMNS, rows))


@app.command("show")
@output_options(LISTING)
def show(ctx: typer.Context, out: Output, code: CodeArg) -> None:
    from presence_postale.services import programmes

    with session(ctx) as db:
        data = programmes.detail(db, programmes.get(db, code))
    title = Message("programme.changes")
    sections = [Listing(CHANGE_COLUMNS, data["changes"], title=title)]
    out.emit(Record(DETAIL, data, title=data["title"], sections=sections))


@app.command("add")
def add(
    ctx: typer.Context,
    code: CodeArg,
    title: Annotated[str, typer.Option(callback=free_text)],
    start: Annotated[date, typer.Option(parser=parse_date, metavar="DATE")],
    model: Annotated[str, typer.Option()] = "autre",
    department: DepartmentOpt = None,
    planned_end: Annotated[date | None, typer.Option(parser=parse_date, metavar="DATE")] = None,
    status: Annotated[str, typer.Option()] = "planned",
    funder: Annotated[str | None, typer.Option(callback=free_text)] = None,
    funding: Annotated[int | None, typer.Option(max=MAX_INTEGER)] = None,
    description: Annotated[str | None, typer.Option(callback=free_text)] = None,
) -> None:
    from presence_postale.services import programmes

    with session(ctx, write=True) as db:
        created = programmes.add(
            db,
            {
                "code": code,
                "title": title,
                "model": model,
                "department_code": department,
                "start_date": start,
                "planned_end": planned_end,
                "status": status,
                "funder": funder,
                "funding_eur": funding,
                "description": description,
            },
        )
        done = Message("programme.added", {"programme": created.code})
    say(done)


@app.command("extend")
def extend(
    ctx: typer.Context,
    code: CodeArg,
    until: Annotated[date, typer.Option(parser=parse_date, metavar="DATE")],
    reason: Annotated[str | None, typer.Option(callback=free_text)] = None,
) -> None:
    from presence_postale.services import programmes

    with session(ctx, write=True) as db:
        target = programmes.extend(db, programmes.get(db, code), until, today(), reason)
        done = Message("programme.extended", {"programme": target.code, "date": target.planned_end})
    say(done)


@app.command("end")
def end(
    ctx: typer.Context,
    code: CodeArg,
    on: Annotated[date | None, typer.Option(parser=parse_date, metavar="DATE")] = None,
    reason: Annotated[str | None, typer.Option(callback=free_text)] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
) -> None:
    from presence_postale.services import consequences, programmes

    with session(ctx, write=True) as db:
        programme = programmes.get(db, code)
        former = programmes.horizon(programme)
        target = programmes.end(db, programme, on or today(), reason)
        found = consequences.after_end(db, target, former, today())
        consequences.refuse_if_strict(strict, found)
        done = Message("programme.ended", {"programme": target.code, "date": target.ended_on})
    say(done)
    warn(found)
