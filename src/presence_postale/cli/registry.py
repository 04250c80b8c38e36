"""The root command's sub-commands, loaded only when they are used.

A run builds the one command group it invokes: `sites list` never imports, nor turns into
Click commands, the fifty other commands. The root's help and shell completion list every
group from the short help below, without loading any (a test keeps each short help equal to
its group's own help).
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

import typer


class Entry(NamedTuple):
    module: str
    attribute: str
    short_help: str


ENTRIES: dict[str, Entry] = {
    "init": Entry(
        "db",
        "init",
        "Create the database (or upgrade it) and load the bundled seed, or --seed FILE.",
    ),
    "db": Entry("db", "app", "The database: status, upgrade, backup, integrity check."),
    "sites": Entry(
        "sites", "app", "Sites: post offices, communal agencies, mairies, France Services."
    ),
    "agents": Entry(
        "agents", "app", "Agents: the people who hold permanences and mediation sessions."
    ),
    "programmes": Entry(
        "programmes", "app", "Programmes: the pilots (vigny-2021, allier-mediation-2019, ...)."
    ),
    "permanences": Entry(
        "permanences",
        "app",
        "Permanences: recurring staffed slots (Vigny's Tuesday mornings in Grisy).",
    ),
    "coworking": Entry(
        "coworking", "app", "Coworking: spaces, bookings, waitlist, attendance, usage, retention."
    ),
    "mediation": Entry(
        "mediation",
        "app",
        "Digital mediation: sessions, mediators' hours, reports (Coop vocabulary).",
    ),
    "report": Entry(
        "reports",
        "app",
        "Reports: weekly (for cron), programme evaluation, France Services charter.",
    ),
    "import": Entry(
        "imports", "app", "Imports: open data (La Poste, France Services) and records files."
    ),
    "export": Entry("export", "app", "Exports: calendars (iCalendar) and more."),
}


def load(name: str, **settings: Any) -> Any:
    """The Click command for `name` (a key of ENTRIES), built from its module on first use.

    `settings` are the root Typer's (rich_markup_mode, ...), so that a group built alone
    behaves as it would inside the whole tree.
    """
    entry = ENTRIES[name]
    target = getattr(
        importlib.import_module(f"presence_postale.cli.{entry.module}"), entry.attribute
    )
    holder = typer.Typer(**settings)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    return typer.main.get_group(holder).commands[name]
