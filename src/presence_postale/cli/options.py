"""Options several commands share, declared once: the output options (`--format`, `--output`,
`--lang`, `--excel`) of every listing and report, and any set of options a command gathers
into one value.

`gathered` adds the options to a command's signature (Typer reads it as usual) and hands the
command one value built from them; `output_options(FORMATS)` is the set every listing takes,
as sqlite-utils' `output_options` is:

    @app.command("list")
    @output_options(LISTING)
    def list_sites(ctx: typer.Context, ..., out: Output) -> None:
        out.emit(Listing(COLUMNS, rows))
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from presence_postale.cli import environment
from presence_postale.cli.output import Output

F = TypeVar("F", bound=Callable[..., Any])


def gathered(into: str, build: Callable[..., Any], params: Sequence[inspect.Parameter]) -> Any:
    """A decorator: the command takes `params` as options, and gets `build(**their values)` as
    its argument `into` instead."""
    names = [param.name for param in params]
    # An option `build` does not take acts through its callback only (as `--lang` does).
    accepted = inspect.signature(build).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted):
        taken = set(names)
    else:
        taken = {p.name for p in accepted}

    def decorate(command: F) -> F:
        # The command's own annotations, evaluated (all but the gathered value's, which may
        # name a type only imported for type checking).
        signature = inspect.signature(command)
        kept = [
            p.replace(annotation=_evaluated(p.annotation, command))
            for p in signature.parameters.values()
            if p.name != into
        ]

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name, None) for name in names}
            built = build(**{name: value for name, value in values.items() if name in taken})
            return command(*args, **kwargs, **{into: built})

        new = signature.replace(parameters=[*kept, *params])
        wrapper.__signature__ = new  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in new.parameters.values()}
        return wrapper  # type: ignore[return-value]

    return decorate


def _evaluated(annotation: Any, command: Callable[..., Any]) -> Any:
    if not isinstance(annotation, str):
        return annotation
    return eval(annotation, command.__globals__)


def option(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
    """A keyword-only parameter of a command, as `gathered` adds it."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


# ---- output --------------------------------------------------------------------------------


class Lang(StrEnum):
    fr = "fr"
    en = "en"


def _use_lang(value: Lang | None) -> None:
    """`--lang`: the command's language, from the start (its other options' errors read in
    it too)."""
    if value is not None:
        environment.current().lang = str(value)


# `--lang`, for the output options and for a command that writes no listing (its value acts
# through the callback: a command taking it as `lang: LangOption = None` ignores it).
LangOption = Annotated[
    Lang | None,
    typer.Option("--lang", callback=_use_lang, is_eager=True, expose_value=False),
]


def _formats(name: str, *values: str) -> type[StrEnum]:
    return StrEnum(name, {value: value for value in values})  # type: ignore[return-value]


# Each set of formats a command may write, as a choice typed once.
LISTING = _formats("ListingFormat", "table", "json", "csv", "markdown", "html", "xlsx")
SUMMARY = _formats("SummaryFormat", "table", "json", "csv", "markdown")
SCHEDULE = _formats("ScheduleFormat", "table", "json", "csv", "markdown", "html", "ics", "xlsx")
SITES_EXPORT = _formats("SitesExportFormat", "csv", "json", "geojson", "xlsx")
PLACES_EXPORT = _formats("PlacesExportFormat", "csv", "json", "xlsx")
SESSIONS_EXPORT = _formats("SessionsExportFormat", "coop-json", "xlsx", "json")
ACCESS = _formats("AccessFormat", "table", "markdown", "csv", "json", "geojson", "html", "xlsx")
RECORDS_EXPORT = _formats("RecordsExportFormat", "yaml", "json")
DATA = _formats("DataFormat", "csv", "json")
CALENDAR = _formats("CalendarFormat", "ics")


def output_options(formats: type[StrEnum], default: str | None = None) -> Any:
    """`--format` (one of `formats`, the first by default), `--output`, `--lang`, and
    `--excel` where CSV is one of them: gathered into `out`, an `Output`."""
    choices = [f.value for f in formats]
    first = default or choices[0]
    params = [
        option("fmt", Annotated[formats, typer.Option("--format", "-f")], formats(first)),
        option(
            "output",
            Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE", readable=False)],
        ),
        option("lang", LangOption),
    ]
    if "csv" in choices:
        params.append(option("excel", Annotated[bool, typer.Option("--excel")], False))
    return gathered("out", Output.of, params)
