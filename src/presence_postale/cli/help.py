"""Help that reads as help, in the command's language, and usage errors in it too.

Every text of a help page comes from the catalogue's help modules (`formats/words/fr/help/`
and `en/help/`, one per command group): a command's or group's by its path (`sites.list`), an
option's by its command's path and its name (`sites.list.department`, else
`option.department`), and the page's own words (`Usage:`, `Options`, `default:` ...), which
Click writes in English, are replaced through Click's public hooks (`format_usage`,
`format_help_text`, `format_options`, `get_short_help_str`). The language is the command's:
`PRESENCE_POSTALE_LANG`, or `--lang` when the command line gives it before `--help` (Click
handles eager options in the order they are typed).

Every command and group shows its options as `-f, --format [table|json|csv]  What to write.
[default: table]` and its arguments as `PERMANENCE_ID`: the names a person types, the kind of
value, the default, whether it is required; never a type's internal name or a number's range.

A usage error (an unknown option, a missing or malformed value, an extra argument, an unknown
command) becomes one sentence of the catalogue, in the command's language.
"""

from __future__ import annotations

import inspect
import re
from datetime import date, time
from enum import Enum
from pathlib import Path
from typing import Any

from typer.core import TyperCommand, TyperGroup

from presence_postale.cli import environment
from presence_postale.errors import Message, PresencePostaleError, UsageError

# The kind of value an option takes, when no metavar says it.
METAVARS: dict[Any, str] = {
    str: "TEXT",
    int: "INTEGER",
    float: "NUMBER",
    Path: "PATH",
    date: "DATE",
    time: "HH:MM",
}


def language() -> str:
    """The command's language, else French (an unknown language is itself the error being
    shown)."""
    try:
        return environment.current().language
    except PresencePostaleError:
        return "fr"


def words(key: str) -> str | None:
    """The help catalogue's text for `key` in the command's language, or None."""
    from presence_postale.formats.words import help_text

    return help_text(key, language())


# French puts a space before `:` `;` `?` `!`; a line is never folded there (English has none).
_BEFORE_PUNCTUATION = re.compile(r" (?=[:;?!](?:\s|$))")


def unbreakable(text: str) -> str:
    """`text` with the spaces before `:` `;` `?` `!` made non-breaking, so that a folded line
    never starts with one."""
    return _BEFORE_PUNCTUATION.sub("\u00a0", text)


def frame(key: str, **fields: Any) -> str:
    """The help page's own words (`usage`, `options`, `default` ...)."""
    return str(words(f"frame.{key}")).format(**fields)


def summary(key: str) -> str:
    """The first paragraph of a command's or group's help: its line in a list of commands."""
    return unbreakable((words(key) or "").split("\n\n")[0])


def short_help(text: str, limit: int) -> str:
    """A help's first sentence, cut to `limit` characters, as Click shortens it."""
    from typer._click.utils import make_default_short_help

    return unbreakable(str(make_default_short_help(text, limit)).strip())


def param_help(command_key: str | None, param: Any) -> str:
    """An option's or argument's help: its command's own, else the one every command with
    that option shares."""
    name = str(param.name)
    found = words(f"{command_key}.{name}") if command_key else None
    if found is None:
        found = words(f"option.{name}")
    return found if found is not None else str(param.help or "")


def _choices(param: Any) -> list[str]:
    choices = getattr(param.type_descriptor, "choices", None) or ()
    return [c.value if isinstance(c, Enum) else str(c) for c in choices]


def metavar(param: Any) -> str:
    """What a parameter's value is called in help: its metavar, its choices, or its kind."""
    if param.metavar:
        return str(param.metavar)
    if param.param_type_name == "argument":
        return str(param.name).upper()
    choices = _choices(param)
    if choices:
        return "[" + "|".join(choices) + "]"
    return METAVARS.get(param.type_descriptor.annotation, "TEXT")


def option_names(param: Any) -> str:
    """`-f, --format`: the short names first, as they are typed."""
    names = ", ".join(sorted(param.opts, key=lambda name: name.startswith("--")))
    if getattr(param, "secondary_opts", None):
        names += " / " + ", ".join(param.secondary_opts)
    return names


def help_record(param: Any, command_key: str | None = None) -> tuple[str, str] | None:
    """The left and right columns of one parameter in the help."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        names = metavar(param)
    else:
        names = option_names(param)
        if not param.is_flag:
            kind = metavar(param)
            names += f" {words(f'metavar.{kind}') or kind}"
    extras = []
    default = param.default
    if isinstance(default, Enum):
        default = default.value
    shown = getattr(param, "show_default", True)
    if shown and default not in (None, False, (), []) and not callable(default):
        extras.append(frame("default", default=default))
    if param.required:
        extras.append(frame("required"))
    text = param_help(command_key, param)
    if extras:
        text = f"{text}  [{'; '.join(extras)}]" if text else f"[{'; '.join(extras)}]"
    return names, unbreakable(text)


class CleanHelp:
    """The help of a command or group: its usage line, its text and its parameters, as help
    reads, in the command's language.

    `help_key` is its path in the help catalogue (`sites.list`), set when it is built."""

    help_key: str | None = None

    def help_text(self) -> str:
        found = words(self.help_key) if self.help_key else None
        return found if found is not None else inspect.cleandoc(self.help or "")  # type: ignore[attr-defined]

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self.help_text(), limit)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=frame("usage"))

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        text = unbreakable(self.help_text())
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                name = metavar(param)
                pieces.append(name if param.required else f"[{name}]")
        commands = getattr(self, "subcommand_metavar", None)
        if commands:
            pieces.append(words(f"metavar.{commands}") or commands)
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        for kind, section in (("argument", "arguments"), ("option", "options")):
            records = [
                record
                for param in params
                if param.param_type_name == kind
                and (record := help_record(param, self.help_key)) is not None
            ]
            if records:
                with formatter.section(frame(section)):
                    formatter.write_dl(records)
        if hasattr(self, "format_commands"):
            self.format_commands(ctx, formatter)


class Command(CleanHelp, TyperCommand):
    """A command: clean help, and extra arguments refused in words."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except Exception as error:
            if getattr(error, "ctx", False) is None:  # the parser's own errors: say where
                error.ctx = ctx  # type: ignore[attr-defined]
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise usage(ctx, Message("usage.extra_arguments", {"arguments": " ".join(rest)}))
        return rest


class Group(CleanHelp, TyperGroup):
    """A group: clean help, and an unknown command refused in words."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and not ctx.resilient_parsing
            and self.get_command(ctx, name) is None
        ):
            raise usage(ctx, Message("usage.no_such_command", {"command": name}))
        return super().resolve_command(ctx, args)


def usage(ctx: Any, message: Message) -> UsageError:
    """A usage error, pointing to the command's help."""
    return UsageError("usage.line", message=message, command=ctx.command_path)


# ---- usage errors ------------------------------------------------------------------------


def hint(param: Any) -> str:
    """How a person names the parameter: its longest option, or its argument's name."""
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return metavar(param)
    return max(param.opts, key=len)


def message_of(error: Any) -> Message:
    """The catalogue's sentence for a usage error of the command line's library."""
    kind = type(error).__name__
    param = getattr(error, "param", None)
    if kind == "NoSuchOption":
        if getattr(error, "possibilities", None):
            suggestions = sorted(error.possibilities)
            return Message(
                "usage.no_such_option_hint",
                {"option": error.option_name, "suggestions": suggestions},
            )
        return Message("usage.no_such_option", {"option": error.option_name})
    if kind == "BadOptionUsage":
        return _bad_option_usage(error)
    if kind == "MissingParameter" and param is not None:
        if param.param_type_name == "argument":
            return Message("usage.missing_argument", {"argument": hint(param)})
        return Message("usage.missing_option", {"option": hint(param)})
    if kind == "BadParameter" or isinstance(getattr(error, "words", None), Message):
        return _bad_value(error, param)
    return Message("usage.invalid", {"detail": error.format_message()})


def _bad_option_usage(error: Any) -> Message:
    ctx = getattr(error, "ctx", None)
    params = ctx.command.get_params(ctx) if ctx is not None else []
    flag = any(error.option_name in p.opts and getattr(p, "is_flag", False) for p in params)
    return Message(
        "usage.takes_no_value" if flag else "usage.needs_value", {"option": error.option_name}
    )


def _bad_value(error: Any, param: Any) -> Message:
    option = hint(param)
    words = getattr(error, "words", None)
    if isinstance(words, Message):
        return Message("usage.bad_value", {"option": option, "reason": words})
    problem = _validation_problem(error)
    value = problem.get("input")
    choices = _choices(param) if param is not None else []
    if choices:
        return Message("usage.bad_choice", {"option": option, "value": value, "expected": choices})
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if annotation in (int, float):
        kind = problem.get("type", "")
        fields = {"option": option, "value": value}
        if kind.startswith("less_than") and getattr(param, "max", None) is not None:
            return Message("usage.at_most", {**fields, "high": param.max})
        if kind.startswith("greater_than") and getattr(param, "min", None) is not None:
            return Message("usage.at_least", {**fields, "low": param.min})
        return Message("usage.whole_number" if annotation is int else "usage.number", fields)
    return Message("usage.bad_value", {"option": option, "reason": error.format_message()})


def _validation_problem(error: Any) -> dict[str, Any]:
    """The first problem pydantic found in a value Typer coerced (its input and its type)."""
    cause = error.__cause__
    try:
        problems = cause.errors() if cause is not None else []
    except (AttributeError, TypeError):
        return {}
    return dict(problems[0]) if problems else {}
