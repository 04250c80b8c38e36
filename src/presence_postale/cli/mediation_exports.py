"""`export mediation-places` and `export mediation-sessions`: digital mediation for the national
tools (the LaMednum places standard, *La Coop de la médiation numérique*)."""

from __future__ import annotations

from typing import Annotated

import typer

from presence_postale.cli.options import PLACES_EXPORT, SESSIONS_EXPORT, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import DepartmentOpt, FromOption, ToOption, check_range, today
from presence_postale.cli.state import session
from presence_postale.errors import Message


@output_options(PLACES_EXPORT)
def export_places(
    ctx: typer.Context,
    out: Output,
    department: DepartmentOpt = None,
) -> None:
    from presence_postale.formats import lamednum
    from presence_postale.formats.exports import table_csv
    from presence_postale.formats.render import Listing, StandardColumn, to_json
    from presence_postale.services import mediation_places as service

    with session(ctx) as db:
        rows, left_out = lamednum.publishable(
            service.places(db, today=today(), department=department)
        )
    if out.format == "json":
        out.write(to_json(rows))
    elif out.format == "xlsx":
        columns = tuple(StandardColumn(name) for name in lamednum.FIELDS)
        out.emit(Listing(columns, rows, title="lieux"))
    else:
        out.write(table_csv(lamednum.FIELDS, rows, excel=out.excel))
    if left_out:  # said once written: a refused output is the one line an error gives
        say(Message("export.places_left_out", {"count": len(left_out), "sites": left_out}))


@output_options(SESSIONS_EXPORT)
def export_sessions(
    ctx: typer.Context,
    out: Output,
    start: FromOption = None,
    end: ToOption = None,
    site: Annotated[str | None, typer.Option()] = None,
    programme: Annotated[str | None, typer.Option()] = None,
    mediator: Annotated[str | None, typer.Option()] = None,
) -> None:
    from presence_postale.formats import coop
    from presence_postale.formats.render import to_json
    from presence_postale.services import coop as service
    from presence_postale.services import mediation

    check_range(start, end)
    with session(ctx) as db:
        chosen = mediation.selection(
            db, start=start, end=end, site=site, programme=programme, mediator=mediator
        )
        if out.format == "json":
            out.write(to_json(mediation.listing(db, **chosen)))
            return
        found = service.activities(db, **chosen)
    if out.format == "coop-json":
        out.write(coop.api_json(found))
    else:
        out.emit(coop.worksheet(found))
