"""`export`: data out of the tool, for calendars and other systems."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.output import LangOption, OutputOption, write_text
from presence_postale.cli.params import parse_date
from presence_postale.cli.state import session

app = typer.Typer(help="Exports: calendars (iCalendar) and more.")


@app.command("calendar")
def calendar(
    ctx: typer.Context,
    start: Annotated[
        date, typer.Option("--from", parser=parse_date, metavar="DATE", help="First day.")
    ],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE", help="Last day.")],
    agent: Annotated[str | None, typer.Option(help="An agent's permanences.")] = None,
    site: Annotated[str | None, typer.Option(help="The permanences held at a site.")] = None,
    programme: Annotated[str | None, typer.Option(help="A programme's permanences.")] = None,
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """Permanences as an iCalendar file an agent loads into their calendar (stable UIDs:
    loading a newer file updates the events).

    Example: presence-postale export calendar --agent vigny-conseillere-1 --from 2021-04-27
    --to 2021-07-27 --output permanences.ics
    """
    from presence_postale.cli.permanences import window
    from presence_postale.errors import InvalidData
    from presence_postale.formats.ics import calendar as to_ics
    from presence_postale.services import agents, programmes, sites
    from presence_postale.services import schedule as schedule_service

    if sum(x is not None for x in (agent, site, programme)) != 1:
        raise InvalidData("give exactly one of --agent, --site or --programme")
    first, last = window(None, start, end)
    with session(ctx) as db:
        result = schedule_service.build(
            db,
            first,
            last,
            agent=agents.get(db, agent).id if agent else None,
            site_ids=[sites.get(db, site).id] if site else None,
            programme=programmes.get(db, programme).code if programme else None,
            lang=lang,
        )
    write_text(to_ics(result.entries, lang), output)
