"""`export mediation-places` and `export mediation-sessions`: digital mediation for the national
tools (the LaMednum places standard, *La Coop de la médiation numérique*)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.output import OutputOption, check_binary, check_choice, write_text
from presence_postale.cli.params import parse_date, today
from presence_postale.cli.state import session

PLACE_FORMATS = ("csv", "json", "xlsx")
SESSION_FORMATS = ("coop-json", "xlsx", "json")
ExcelOption = Annotated[
    bool,
    typer.Option("--excel", help="CSV for people in a French Excel: BOM, ';', no formula cells."),
]


def export_places(
    ctx: typer.Context,
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.")] = "csv",
    excel: ExcelOption = False,
    output: OutputOption = None,
) -> None:
    """The sites that offer digital mediation, in the national *lieux de médiation numérique*
    standard (LaMednum schema v1.0.2: its columns in its order, multiple values joined by |,
    hours in OSM syntax, phones in E.164). The CSV is for other systems: values as they are;
    --excel writes one for people.

    Example: presence-postale export mediation-places --format csv --output lieux.csv
    """
    from presence_postale.formats import lamednum
    from presence_postale.formats.exports import table_csv
    from presence_postale.formats.render import Listing, to_json
    from presence_postale.services import mediation_places as service

    check_choice(fmt, PLACE_FORMATS, "--format")
    if excel and fmt != "csv":
        raise typer.BadParameter("--excel goes with --format csv", param_hint="--excel")
    check_binary(fmt, output)
    with session(ctx) as db:
        rows = service.places(db, today=today(), department=department)
    if fmt == "json":
        write_text(to_json(rows), output)
    elif fmt == "xlsx":
        from presence_postale.formats import xlsx
        from presence_postale.formats.render import Column

        columns = tuple(Column(name, name, name) for name in lamednum.FIELDS)
        write_text(xlsx.listing(Listing(columns, rows, title="lieux"), "fr"), output)
    else:
        write_text(table_csv(lamednum.FIELDS, rows, excel=excel), output)


def export_sessions(
    ctx: typer.Context,
    start: Annotated[
        date | None, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day.")
    ] = None,
    end: Annotated[
        date | None, typer.Option("--to", parser=parse_date, metavar="DATE", help="Last day.")
    ] = None,
    site: Annotated[str | None, typer.Option(help="Only at this site.")] = None,
    programme: Annotated[str | None, typer.Option(help="Only this programme.")] = None,
    mediator: Annotated[str | None, typer.Option(help="Only this mediator.")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="coop-json, xlsx or json.")
    ] = "coop-json",
    output: OutputOption = None,
) -> None:
    """Mediation sessions for La Coop de la médiation numérique: coop-json in the shape of
    its activity API (its field names and codes), xlsx with the columns of its spreadsheet
    export (one row per person accompanied), json as this tool lists them.

    Example: presence-postale export mediation-sessions --from 2019-03-01 --to 2019-03-31
    --format xlsx --output activites.xlsx
    """
    from presence_postale.errors import InvalidData
    from presence_postale.formats import coop
    from presence_postale.formats.render import to_json
    from presence_postale.services import agents, mediation, programmes, sites
    from presence_postale.services import coop as service

    check_choice(fmt, SESSION_FORMATS, "--format")
    check_binary(fmt, output)
    if start is not None and end is not None and end < start:
        raise InvalidData(f"invalid range: --to {end} is before --from {start}")
    with session(ctx) as db:
        site_id = sites.get(db, site).id if site else None
        code = programmes.get(db, programme).code if programme else None
        agent_id = agents.get(db, mediator).id if mediator else None
        if fmt == "json":
            rows = mediation.listing(
                db, start=start, end=end, site=site_id, programme=code, mediator=agent_id
            )
            write_text(to_json(rows), output)
            return
        found = service.activities(
            db, start=start, end=end, site=site_id, programme=code, mediator=agent_id
        )
    if fmt == "coop-json":
        write_text(coop.api_json(found), output)
        return
    from presence_postale.formats import xlsx

    write_text(xlsx.listing(coop.worksheet(found), "fr"), output)
