"""`agents`: customer advisers, facteurs services-experts, digital mediators."""

from __future__ import annotations

from typing import Annotated

import typer

from presence_postale.cli.absences import absent, list_absences
from presence_postale.cli.output import FormatOption, LangOption, OutputOption, emit, warn
from presence_postale.cli.params import StrictOpt, free_text, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup, help="Agents: the people who hold permanences and mediation sessions."
)

AgentArg = Annotated[str, typer.Argument(help="Agent id or name.")]
COLUMNS = (
    Column("id", "id", "id"),
    Column("name", "nom", "name"),
    Column("role", "rôle", "role"),
    Column("home_site", "site de rattachement", "home site"),
    Column("weekly_hours", "heures / semaine", "hours / week"),
)
DETAIL = (
    *COLUMNS,
    Column("home_site_name", "nom du site", "home site name"),
    Column("email", "e-mail", "e-mail"),
    Column("active", "actif", "active"),
    Column("illustrative", "illustratif", "illustrative"),
    Column("note", "note", "note"),
)
PERMANENCE_COLUMNS = (
    Column("id", "n°", "no."),
    Column("programme", "programme", "programme"),
    Column("site", "site", "site"),
    Column("rrule", "récurrence", "recurrence"),
    Column("start", "début", "start"),
    Column("end", "fin", "end"),
    Column("valid_from", "à partir du", "from"),
    Column("valid_until", "jusqu'au", "until"),
)

NameOpt = Annotated[str | None, typer.Option(help="Full name.", callback=free_text)]
RoleOpt = Annotated[
    str | None,
    typer.Option(
        help="chargee_de_clientele, facteur_services_expert, mediateur_numerique, "
        "animateur_france_services."
    ),
]
HomeOpt = Annotated[str | None, typer.Option("--home-site", help="Site the agent belongs to.")]
HoursOpt = Annotated[float | None, typer.Option("--weekly-hours", help="Contracted hours a week.")]
EmailOpt = Annotated[str | None, typer.Option(help="Work e-mail.", callback=free_text)]
NoteOpt = Annotated[str | None, typer.Option(help="Free note.", callback=free_text)]
NotIllustrativeOpt = Annotated[
    bool,
    typer.Option(
        "--not-illustrative", help="The values are real now: remove the illustrative mark."
    ),
]


@app.command("list")
def list_agents(
    ctx: typer.Context,
    role: Annotated[str | None, typer.Option(help="Only this role.")] = None,
    site: Annotated[str | None, typer.Option(help="Only agents of this home site.")] = None,
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """List agents.

    Example: presence-postale agents list --role mediateur_numerique
    """
    from presence_postale.services import agents, sites

    with session(ctx) as db:
        site_id = sites.get(db, site).id if site else None
        rows = agents.listing(db, role=role, site=site_id, department=department)
    emit(Listing(COLUMNS, rows), fmt, output, lang, private=True)  # names people


@app.command("show")
def show(
    ctx: typer.Context,
    agent: AgentArg,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """One agent and their permanences.

    Example: presence-postale agents show allier-mediateur
    """
    from presence_postale.services import agents

    with session(ctx) as db:
        data = agents.detail(db, agents.get(db, agent))
    sections = [Listing(PERMANENCE_COLUMNS, data["permanences"], title="Permanences")]
    emit(
        Record(DETAIL, data, title=data["name"] or data["id"], sections=sections),
        fmt,
        output,
        lang,
        private=True,
    )


@app.command("add")
def add(
    ctx: typer.Context,
    agent_id: Annotated[str | None, typer.Argument(help="Id (default: from the name).")] = None,
    name: NameOpt = None,
    role: RoleOpt = None,
    home_site: HomeOpt = None,
    weekly_hours: HoursOpt = None,
    email: EmailOpt = None,
    note: NoteOpt = None,
) -> None:
    """Add an agent.

    Example: presence-postale agents add --name "Camille Durand" --role mediateur_numerique
    --weekly-hours 18
    """
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
        message = f"added agent {created.id}"
    typer.echo(message, err=True)


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
    active: Annotated[
        bool | None, typer.Option("--active/--inactive", help="Still in post?")
    ] = None,
    not_illustrative: NotIllustrativeOpt = False,
    strict: StrictOpt = False,
) -> None:
    """Change an agent's details.

    After a change of post (--inactive), home site or weekly hours, what the agent's schedule
    conflicts with over the year ahead is named at once (warnings; --strict refuses the
    change then): occurrences an inactive agent still holds, their sessions, the weeks a
    mediator is scheduled below the contract.

    Example: presence-postale agents update allier-mediateur --weekly-hours 21
    """
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
        message = f"updated agent {target.id}"
    typer.echo(message, err=True)
    warn(found)


# An agent's leave (built with the absence commands).
app.command("absent")(absent)
app.command("absences")(list_absences)
