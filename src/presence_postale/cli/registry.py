"""The commands, built only when they are used.

A run imports the one command group it invokes and turns only the one command it runs into a
Click command: `sites list` never imports the other groups, nor inspects the signatures of the
other `sites` commands. The root's help and shell completion list every group from the short
help below, without loading any (a test keeps each short help equal to its group's own help);
a group's help lists its commands from their docstrings.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, NamedTuple

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class Entry(NamedTuple):
    module: str
    attribute: str
    short_help: str
    # Modules whose `app` holds more commands of this group (a command with a module of its
    # own, such as `report access`), joined to it when the group is loaded.
    more: tuple[str, ...] = ()


ENTRIES: dict[str, Entry] = {
    "init": Entry(
        "db",
        "init",
        "Create the database (or upgrade it) and load the bundled seed, or --seed FILE.",
    ),
    "db": Entry("db", "app", "The database: status, upgrade, backup, copy, integrity check."),
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
        "Reports: weekly (for cron), programme evaluation, France Services charter, access.",
        more=("access",),
    ),
    "import": Entry(
        "imports",
        "app",
        "Imports: open data (La Poste, France Services, communes) and records files.",
        more=("communes",),
    ),
    "export": Entry("export", "app", "Exports: calendars (iCalendar) and more."),
    "notify": Entry(
        "notify",
        "notify",
        "E-mail reminders of a day, to agents, host sites and bookers, for cron.",
    ),
}


def needs_coercion(param: Any, value: Any) -> bool:
    """Whether Typer must coerce `value`. A text, a flag or a value left out (None) is taken
    as the command line gives it: Typer's coercion, even of a plain string, builds a pydantic
    validator and loads pydantic to do it, a tenth of a second that help, shell completion and
    `sites list` should not pay. Other values (numbers, dates, paths) are coerced as usual."""
    return value is not None and param.type_descriptor.annotation not in (str, bool)


def take_as_given(param: Any, ctx: Any, value: Any) -> Any:
    """What Typer does with a value after coercing it: the check of a required value, then
    the parameter's callback."""
    if value is None and (param.multiple or param.nargs == -1):
        value = ()
    if param.required and param.value_is_missing(value):
        from typer._click.exceptions import MissingParameter

        raise MissingParameter(ctx=ctx, param=param)
    if param.callback is not None:
        value = param.callback(ctx, param, value)
    return value


# What pydantic found wrong with a number Typer coerced, as the catalogue says it.
_NUMBER_PROBLEMS = {
    "int_parsing": "usage.whole_number",
    "int_from_float": "usage.whole_number",
    "int_type": "usage.whole_number",
    "float_parsing": "usage.number",
    "float_type": "usage.number",
    "finite_number": "usage.number",
    "greater_than_equal": "usage.at_least",
    "less_than_equal": "usage.at_most",
}


def coerced(process: Any, param: Any, ctx: Any, value: Any) -> Any:
    """`process(ctx, value)` (Typer's coercion), a refusal in the tool's words: Typer has
    pydantic coerce numbers, and its refusals ("Input should be a valid integer, unable to
    parse string as an integer") would reach the user as they are."""
    from typer._click.exceptions import BadParameter

    try:
        return process(ctx, value)
    except BadParameter as error:
        problems = getattr(error.__cause__, "errors", None)
        if not callable(problems) or not problems():
            raise
        from presence_postale.cli.environment import current
        from presence_postale.domain.fields import shorten
        from presence_postale.errors import Message
        from presence_postale.formats.words import say

        first = problems()[0]
        limits = first.get("ctx") or {}
        message = Message(
            _NUMBER_PROBLEMS.get(first.get("type", ""), "usage.bad_value"),
            {
                "value": shorten(first.get("input")) or "",
                "low": limits.get("ge", ""),
                "high": limits.get("le", ""),
            },
        )
        lang = current().lang
        raise BadParameter(say(message, lang if lang == "en" else "fr"), ctx, param) from None


class PlainOption(TyperOption):
    """An option whose value is taken as given when it needs no coercion; its help names its
    value as a word (`--site SITE`), never as a Python type (`<str>`, `<int range>`)."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        if needs_coercion(self, value):
            return coerced(super().process_value, self, ctx, value)
        return take_as_given(self, ctx, value)

    def display_type(self, ctx: Any) -> str:
        shown = super().display_type(ctx)
        return str(self.name or "value").upper() if shown else shown

    def _get_number_range_help_str(self) -> str | None:
        return None  # `[x<=9223372036854775807]`: the refusal of a value out of range says it


class PlainArgument(TyperArgument):
    """An argument whose value is taken as given when it needs no coercion; its help names it
    in capitals (`SITE`), never `{site} <str> [required]`."""

    def process_value(self, ctx: Any, value: Any) -> Any:
        if needs_coercion(self, value):
            return coerced(super().process_value, self, ctx, value)
        return take_as_given(self, ctx, value)

    def display_type(self, ctx: Any) -> str:
        return ""

    def _rich_display_name(self) -> str:
        return super()._rich_display_name().upper()

    def _usage_display_name(self) -> str:
        name = self.display_name_raw.upper()
        name = name if self.required else f"[{name}]"
        return name if self.nargs == 1 else f"{name}..."

    def _get_number_range_help_str(self) -> str | None:
        return None

    def get_help_record(self, ctx: Any) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        name, text = record  # an argument is required: the usage line shows it
        return name, text.replace("; required]", "]").replace("  [required]", "")


PLAIN: dict[type, type] = {TyperOption: PlainOption, TyperArgument: PlainArgument}


def plain(params: list[Any]) -> list[Any]:
    """`params`, each taking a value that needs no coercion as it is (see `needs_coercion`)."""
    for param in params:
        param.__class__ = PLAIN.get(type(param), type(param))
    return params


class PlainCommand(TyperCommand):
    """A command whose parameters, its help option included, are plain (see `plain`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return plain(super().get_params(ctx))


class LazyGroup(TyperGroup):
    """A command group (`typer.Typer(cls=LazyGroup)`) whose commands are built when invoked.

    `load` hands it the group's command definitions; until then it behaves as a plain group.
    """

    pending: dict[str, Any]

    def list_commands(self, ctx: Any) -> list[str]:
        return list(getattr(self, "pending", {})) or super().list_commands(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        info = getattr(self, "pending", {}).get(cmd_name)
        if cmd_name not in self.commands and info is not None:
            command = typer.main.get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self.rich_markup_mode
            )
            if type(command) is TyperCommand:
                command.__class__ = PlainCommand
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def get_params(self, ctx: Any) -> list[Any]:
        return plain(super().get_params(ctx))

    def short_helps(self, limit: int) -> list[tuple[str, str]]:
        """Each command's short help, as Click would show it, without building the command."""
        from typer._click.utils import make_default_short_help

        rows = []
        for name, info in getattr(self, "pending", {}).items():
            if info.hidden:
                continue
            if info.short_help:
                text = inspect.cleandoc(info.short_help)
            else:
                full = info.help if info.help is not None else inspect.getdoc(info.callback)
                text = make_default_short_help(inspect.cleandoc(full or ""), limit)
            rows.append((name, text.strip()))
        return rows

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        if not getattr(self, "pending", None):
            return super().format_commands(ctx, formatter)
        limit = formatter.width - 6 - max(len(name) for name in self.pending)
        with formatter.section("Commands"):
            formatter.write_dl(self.short_helps(limit))

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        from typer._click.core import Command
        from typer._click.shell_completion import CompletionItem

        names = [
            CompletionItem(name, help=text)
            for name, text in self.short_helps(45)
            if name.startswith(incomplete)
        ]
        return names + Command.shell_complete(self, ctx, incomplete)


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
        holder.command(name, cls=PlainCommand)(target)
        return typer.main.get_group(holder).commands[name]
    # The group alone (its commands set aside), then its commands handed over, unbuilt.
    shell = typer.Typer()
    shell.info = target.info
    shell.registered_callback = target.registered_callback
    holder.add_typer(shell, name=name)
    group = typer.main.get_group(holder).commands[name]
    if isinstance(group, LazyGroup):
        infos = list(target.registered_commands)
        for module in entry.more:
            infos += importlib.import_module(
                f"presence_postale.cli.{module}"
            ).app.registered_commands
        group.pending = {_command_name(info): info for info in infos}
    return group
