"""`import communes`: the communes file (population, town-hall position), and town halls.

A command of the `import` group (see `registry`), in a module of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presence_postale.cli.imports import DepartmentOpt, DryRunOpt, FileArg, _progress
from presence_postale.cli.options import SUMMARY, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import today
from presence_postale.cli.state import session, state
from presence_postale.errors import InvalidData, Message, UsageError
from presence_postale.formats.render import Column

app = typer.Typer()

SUMMARY_COLUMNS = (Column("outcome", shown="communes_outcome"), Column("count", "rows"))
FIRST_YEAR, LAST_YEAR = 1800, 2199


@app.command("communes")
@output_options(SUMMARY)
def communes(
    ctx: typer.Context,
    out: Output,
    file: FileArg,
    mairies: Annotated[bool, typer.Option("--mairies")] = False,
    vintage: Annotated[int | None, typer.Option(metavar="YEAR")] = None,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    from presence_postale.formats.render import Listing, to_json
    from presence_postale.services.communes import import_communes
    from presence_postale.store.bulk import writer as bulk_writer

    if vintage is not None and not FIRST_YEAR <= vintage <= LAST_YEAR:
        raise UsageError("communes.bad_year", value=vintage, first=FIRST_YEAR, last=LAST_YEAR)
    out.refuse_over(file)
    location = state(ctx).location()
    with (
        _progress(file, "Communes") as progress,
        bulk_writer(location, lambda: session(ctx, write=True)) as sql,
    ):
        summary = import_communes(
            sql,
            file,
            town_halls=mairies,
            population_year=vintage,
            departments=department or (),
            dry_run=dry_run,
            progress=progress,
            today=today(),
        )
    if out.format == "json":
        out.write(to_json(summary.as_dict()))
    else:
        rows = [{"outcome": outcome, "count": n} for outcome, n in summary.counts().items()]
        title = Message("communes.summary_title", {"source": Path(file).name})
        out.emit(Listing(SUMMARY_COLUMNS, rows, title=title))
    if summary.rejected:
        refusal = summary.refusal()
        raise InvalidData(refusal.key, **refusal.params)
    say(summary.line())
