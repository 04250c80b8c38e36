"""`agents`: customer advisers, facteurs services-experts, digital mediators."""

from __future__ import annotations

from typing import Annotated

import typer

from presence_postale.cli.absences import absent, list_absences
from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import DepartmentOpt, StrictOpt, free_text, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(cls=LazyGroup)

AgentArg = Annotated[str, typer.Argument()]
COLUMNS = (
    Column("id"),
    Column("name"),
    Column("role", shown="agent_role"),
    Column("home_site"),
    Column("weekly_hours"),
)
DETAIL = (
    *COLUMNS,
    Column("home_site_name"),
    Column("email"),
    Column("active"),
    Column("illustrative"),
    Column("note"),
)
PERMANENCE_COLUMNS = (
    Column("id", "number"),
    Column("programme"),
    Column("site"),
    Column("rrule", "recurrence", shown="rule"),
    Column("start"),
    Column("end"),
    Column("valid_from"),
    Column("valid_until"),
)

NameOpt = Annotated[str | None, typer.Option(callback=free_text)]
RoleOpt = Annotated[str | None, typer.Option()]
HomeOpt = Annotated[str | None, typer.Option("--home-site")]
HoursOpt = Annotated[float | None, typer.Option("--weekly-hours")]
EmailOpt = Annotated[str | None, typer.Option(callback=free_text)]
NoteOpt = Annotated[str | None, typer.Option(callback=free_text)]
NotIllustrativeOpt = Annotated[bool, typer.Option("--not-illustrative")]


@app.command("list")
@output_options(LISTING)
def list_agents(
    ctx: typer.Context,
    out: Output,
    role: Annotated[str | None, typer.Option()] = None,
    site: Annotated[str | None, typer.Option()] = None,
    department: DepartmentOpt = None,
) -> None:
    from presence_postale.services import agents, sites

    with session(ctx) as db:
        site_id = sites.get(db, site).id if site else None
        rows = agents.listing(db, role=role, site=site_id, department=department)
    out.emit(Listing(COLUMNS, rows), private=True)  # names people


@app.command("show")
@output_options(LISTING)
def show(ctx: typer.Context, out: Output, agent: AgentArg) -> None:
    from presence_postale.services import agents

    with session(ctx) as db:
        data = agents.detail(db, agents.get(db, agent))
    sections = [
        Listing(PERMANENCE_COLUMNS, data["permanences"], title=Message("report.permanences"))
    ]
    record = Record(DETAIL, data, title=data["name"] or data["id"], sections=sections)
    out.emit(record, private=True)


@app.command("add")
def add(
    ctx: typer.Context,
    agent_id: Annotated[str | None, typer.Argument()] = None,
    name: NameOpt = None,
    role: RoleOpt = None,
    home_site: HomeOpt = None,
    weekly_hours: HoursOpt = None,
    email: EmailOpt = None,
    note: NoteOpt = None,
) -> None:
    from presence_postale.services import agents, sites

    with session(ctx, write=True) as db:
        home = sites.get(db, home_site).id if home_site else None
        created = agents.add(
            db,
            agent_id,
            {
                "name": name,
                "role": role,
                "home_site_id": home,
                "weekly_hours": weekly_hours,
                "email": email,
                "note": note,
            },
        )
        done = Message("agent.added", {"agent": created.id})
    say(done)


@app.command("update")
def update(
    ctx: typer.Context,
    agent: AgentArg,
    name: NameOpt = None,
    role: RoleOpt = None,
    home_site: HomeOpt = None,
    weekly_hours: HoursOpt = None,
    email: EmailOpt = None,
    note: NoteOpt = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive")] = None,
    not_illustrative: NotIllustrativeOpt = False,
    strict: StrictOpt = False,
) -> None:
    from presence_postale.services import agents, consequences, sites

    with session(ctx, write=True) as db:
        home = sites.get(db, home_site).id if home_site else None
        target = agents.update(
            db,
            agents.get(db, agent),
            {
                "name": name,
                "role": role,
                "home_site_id": home,
                "weekly_hours": weekly_hours,
                "email": email,
                "note": note,
                "active": active,
                "illustrative": False if not_illustrative else None,
            },
        )
        found = []
        if active is not None or home is not None or weekly_hours is not None:
            found = consequences.of_agent(db, target, today())
            consequences.refuse_if_strict(strict, found)
        done = Message("agent.updated", {"agent": target.id})
    say(done)
    warn(found)


# An agent's leave (built with the absence commands).
app.command("absent")(absent)
app.command("absences")(list_absences)
