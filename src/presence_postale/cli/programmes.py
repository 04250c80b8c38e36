"""`programmes`: the pilots, their dates, funding, extensions and end."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import MAX_INTEGER, free_text, parse_date, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup, help="Programmes: the pilots (vigny-2021, allier-mediation-2019, ...)."
)

CodeArg = Annotated[str, typer.Argument(help="Programme code: vigny-2021.")]
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
DepartmentOption = Annotated[
    str | None, typer.Option("--department", "-d", help="Department code.")
]


@app.command("list")
@output_options(LISTING)
def list_programmes(
    ctx: typer.Context,
    out: Output,
    department: DepartmentOption = None,
    status: Annotated[str | None, typer.Option(help="planned, running, extended, ended.")] = None,
) -> None:
    """List programmes.

    Example: presence-postale programmes list --format csv
    """
    from presence_postale.services import programmes

    with session(ctx) as db:
        rows = programmes.listing(db, department=department, status=status)
    out.emit(Listing(COLUMNS, rows))


@app.command("show")
@output_options(LISTING)
def show(ctx: typer.Context, out: Output, code: CodeArg) -> None:
    """One programme, with its extensions and end.

    Example: presence-postale programmes show vigny-2021
    """
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
    title: Annotated[str, typer.Option(help="Title.", callback=free_text)],
    start: Annotated[date, typer.Option(parser=parse_date, metavar="DATE", help="First day.")],
    model: Annotated[
        str, typer.Option(help="france_services_mobilite, coworking, mediation_numerique, ...")
    ] = "autre",
    department: DepartmentOption = None,
    planned_end: Annotated[
        date | None, typer.Option(parser=parse_date, metavar="DATE", help="Planned last day.")
    ] = None,
    status: Annotated[str, typer.Option(help="planned, running, extended, ended.")] = "planned",
    funder: Annotated[str | None, typer.Option(help="Who pays.", callback=free_text)] = None,
    funding: Annotated[int | None, typer.Option(help="Funding in euros.", max=MAX_INTEGER)] = None,
    description: Annotated[
        str | None, typer.Option(help="What the pilot does.", callback=free_text)
    ] = None,
) -> None:
    """Add a programme.

    Example: presence-postale programmes add agen-2022 --title "Agen" --start 2022-01-03 -d 47
    """
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
    until: Annotated[
        date, typer.Option(parser=parse_date, metavar="DATE", help="New planned end.")
    ],
    reason: Annotated[
        str | None, typer.Option(help="Why: users' feedback, ...", callback=free_text)
    ] = None,
) -> None:
    """Extend a programme; its permanences run until the new end.

    Example: presence-postale programmes extend vigny-2021 --until 2021-12-31 --reason "retours"
    """
    from presence_postale.services import programmes

    with session(ctx, write=True) as db:
        target = programmes.extend(db, programmes.get(db, code), until, today(), reason)
        done = Message("programme.extended", {"programme": target.code, "date": target.planned_end})
    say(done)


@app.command("end")
def end(
    ctx: typer.Context,
    code: CodeArg,
    on: Annotated[
        date | None,
        typer.Option(parser=parse_date, metavar="DATE", help="Last day (default: today)."),
    ] = None,
    reason: Annotated[str | None, typer.Option(help="Why it ends.", callback=free_text)] = None,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Refuse the end when it conflicts with what is recorded."),
    ] = False,
) -> None:
    """End a programme (default: today); no permanence occurs after its last day.

    What it leaves behind is named at once (warnings; --strict refuses the end then): the
    outcomes, cancellations and moves recorded after its last day, which no report shows any
    more, its sessions there, and the weeks its mediators fall below their contract.

    Example: presence-postale programmes end saint-amand-2021 --on 2021-07-07
    """
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
