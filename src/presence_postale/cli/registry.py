"""The commands, built only when they are used.

A run imports the one command group it invokes and turns only the one command it runs into a
Click command: `sites list` never imports the other groups, nor inspects the signatures of the
other `sites` commands. The root's help and shell completion list every group from the short
help in the help catalogue, without loading any; a group's help lists its commands from the
catalogue too, without building them.
"""

from __future__ import annotations

import copy
import importlib
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand

from presence_postale.cli.help import Command, Group, frame, short_help, words


class Entry(NamedTuple):
    module: str
    attribute: str
    # Modules whose `app` holds more commands of this group (a command with a module of its
    # own, such as `report access`), joined to it when the group is loaded.
    more: tuple[str, ...] = ()


# Each command of the root, in the order of its help; what each does is in the help
# catalogue, under its name.
ENTRIES: dict[str, Entry] = {
    "init": Entry("db", "init"),
    "db": Entry("db", "app"),
    "sites": Entry("sites", "app"),
    "agents": Entry("agents", "app"),
    "programmes": Entry("programmes", "app"),
    "permanences": Entry("permanences", "app"),
    "coworking": Entry("coworking", "app"),
    "mediation": Entry("mediation", "app"),
    "report": Entry("reports", "app", more=("access",)),
    "import": Entry("imports", "app", more=("communes",)),
    "export": Entry("export", "app"),
    "notify": Entry("notify", "notify"),
}


class LazyGroup(Group):
    """A command group (`typer.Typer(cls=LazyGroup)`) whose commands are built when invoked,
    each with clean help (`help.Command`) unless it asks for another class.

    `load` hands it the group's command definitions; until then it behaves as a plain group.
    """

    pending: dict[str, Any]

    def list_commands(self, ctx: Any) -> list[str]:
        return list(getattr(self, "pending", {})) or super().list_commands(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        info = getattr(self, "pending", {}).get(cmd_name)
        if cmd_name not in self.commands and info is not None:
            if info.cls in (None, TyperCommand):  # Typer's default: ours, with clean help
                info = copy.copy(info)
                info.cls = Command
            command = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
            )
            command.help_key = f"{self.help_key}.{cmd_name}"  # type: ignore[attr-defined]
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def short_helps(self, limit: int) -> list[tuple[str, str]]:
        """Each command's short help, as Click would show it, without building the command."""
        return [
            (name, short_help(words(f"{self.help_key}.{name}") or "", limit))
            for name, info in getattr(self, "pending", {}).items()
            if not info.hidden
        ]

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        if not getattr(self, "pending", None):
            return super().format_commands(ctx, formatter)
        limit = formatter.width - 6 - max(len(name) for name in self.pending)
        with formatter.section(frame("commands")):
            formatter.write_dl(self.short_helps(limit))

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        return complete(self, ctx, incomplete, self.short_helps(45))


def complete(group: Any, ctx: Any, incomplete: str, commands: list[tuple[str, str]]) -> list[Any]:
    """Shell completion of a group: its commands (from their short help, none built), then
    its own options, as Click completes them."""
    from typer._click.core import Command as ClickCommand
    from typer._click.shell_completion import CompletionItem

    names = [
        CompletionItem(name, help=text) for name, text in commands if name.startswith(incomplete)
    ]
    return names + ClickCommand.shell_complete(group, ctx, incomplete)


def _command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__))


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
    if not isinstance(target, typer.Typer):
        holder.command(name, cls=Command)(target)
        command = typer.main.get_group(holder).commands[name]
        command.help_key = name  # type: ignore[attr-defined]
        return command
    # The group alone (its commands set aside), then its commands handed over, unbuilt.
    shell = typer.Typer()
    shell.info = target.info
    shell.registered_callback = target.registered_callback
    holder.add_typer(shell, name=name)
    group = typer.main.get_group(holder).commands[name]
    group.help_key = name  # type: ignore[attr-defined]
    if isinstance(group, LazyGroup):
        infos = list(target.registered_commands)
        for module in entry.more:
            infos += importlib.import_module(
                f"presence_postale.cli.{module}"
            ).app.registered_commands
        group.pending = {_command_name(info): info for info in infos}
    return group
