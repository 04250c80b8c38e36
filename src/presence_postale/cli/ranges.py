"""`permanences cancel ID --from D --to D`: every occurrence of a range at once."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer

from presence_postale.cli.output import say
from presence_postale.cli.params import parse_date
from presence_postale.cli.state import session
from presence_postale.errors import Message, UsageError


def one_day(option: str) -> Any:
    """An optional date option (`--date`, `--from`, `--to`)."""
    return typer.Option(option, parser=parse_date, metavar="DATE")


def cancel_range(
    ctx: typer.Context,
    permanence_id: int,
    start: date | None,
    end: date | None,
    reason: str | None,
    undo: bool,
) -> None:
    """Cancel (or, with `undo`, restore) the occurrences of a permanence from `start` to `end`
    (both needed: a range, when no single --date is given)."""
    from presence_postale.services import cancellations, permanences

    if start is None or end is None:
        raise UsageError("usage.date_or_range")
    with session(ctx, write=True) as db:
        permanence = permanences.get(db, permanence_id)
        if undo:
            result = cancellations.restore_range(db, permanence, start, end)
        else:
            result = cancellations.cancel_range(db, permanence, start, end, reason)
    key = "cancel.range_restored" if undo else "cancel.range_done"
    done = {"permanence": permanence_id, "n": len(result.changed), "start": start, "end": end}
    say(Message(key, done))
    if result.left:
        say(Message("cancel.range_left", {"n": len(result.left)}))
