"""`agents absent` and `agents absences`: an agent's leave, one record that skips every
occurrence of their permanences (and a mediator's presences) inside it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, say, warn
from presence_postale.cli.params import (
    FromOption,
    StrictOpt,
    ToOption,
    free_text,
    parse_date,
    today,
)
from presence_postale.cli.state import session
from presence_postale.errors import Message
from presence_postale.formats.render import Column, Listing

AgentArg = Annotated[str, typer.Argument()]
COLUMNS = (
    Column("agent"),
    Column("name"),
    Column("from", "from_day"),
    Column("to", "to_day"),
    Column("days"),
    Column("reason"),
)


def absent(
    ctx: typer.Context,
    agent: AgentArg,
    start: Annotated[date, typer.Option("--from", parser=parse_date, metavar="DATE")],
    end: Annotated[date, typer.Option("--to", parser=parse_date, metavar="DATE")],
    reason: Annotated[str | None, typer.Option(callback=free_text)] = None,
    undo: Annotated[bool, typer.Option("--undo")] = False,
    strict: StrictOpt = False,
) -> None:
    from presence_postale.services import absences, agents, consequences

    with session(ctx, write=True) as db:
        person = agents.get(db, agent)
        if undo:
            outcome = absences.undo(db, person, start, end)
        else:
            outcome = absences.add(db, person, start, end, reason)
        found = consequences.of_absence(db, person, start, end, today())
        consequences.refuse_if_strict(strict, found)
        done = Message(
            "absence.removed" if undo else "absence.recorded",
            {"agent": person.id, "start": start, "end": end, "n": len(outcome.occurrences)},
        )
    say(done)
    warn(found)


@output_options(LISTING)
def list_absences(
    ctx: typer.Context,
    out: Output,
    agent: Annotated[str | None, typer.Option()] = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    from presence_postale.domain.absences import check_order
    from presence_postale.services import absences, agents

    if start is not None and end is not None:
        check_order(start, end)
    with session(ctx) as db:
        person = agents.get(db, agent) if agent else None
        rows = absences.listing(db, agent=person, start=start, end=end)
    out.emit(Listing(COLUMNS, rows), private=True)  # names agents
