"""`report access`: who lives how far from a point, and what a change would do.

A command of the `report` group (see `registry`), in a module of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated

import typer

from presence_postale.cli.options import ACCESS, output_options
from presence_postale.cli.output import Output
from presence_postale.cli.params import DepartmentsOpt, parse_week, today
from presence_postale.cli.state import session
from presence_postale.domain.vocab import VOCABULARIES
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import UsageError

if TYPE_CHECKING:
    from presence_postale.services.access import Addition

app = typer.Typer()

# Farther than any commune of France (overseas included) is from a contact point: a larger
# distance is a typing error, not a question.
MAX_KM = 200.0
_NUMBER = r"\s*[+-]?[0-9]+(?:\.[0-9]+)?\s*"
_POSITION_RE = re.compile(f"({_NUMBER}),({_NUMBER})")


def parse_within(value: str) -> float:
    """`5`, `2.5` or `2,5` kilometres, more than 0 and at most MAX_KM (usage error)."""
    try:
        km = float(value.strip().replace(",", "."))
    except ValueError:
        km = float("nan")
    if not 0 < km <= MAX_KM:  # also refuses nan and inf
        raise UsageError("access.bad_within", value=value, max=int(MAX_KM))
    return km


def parse_points(value: str) -> str:
    labels = VOCABULARIES["site_label"]
    if value != "contact" and value not in labels:
        raise UsageError("access.bad_points", value=value, labels=list(labels))
    return value


def parse_addition(value: str) -> Addition:
    """`LAT,LON` (decimal degrees, with a dot) or a site's id or name."""
    from presence_postale.services.access import Addition

    found = _POSITION_RE.fullmatch(value)
    if found is None:
        return Addition(site=value)
    latitude, longitude = float(found[1]), float(found[2])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise UsageError("access.bad_position", value=value)
    return Addition(latitude=latitude, longitude=longitude)


@app.command("access")
@output_options(ACCESS)
def access(
    ctx: typer.Context,
    out: Output,
    department: DepartmentsOpt = None,
    within: Annotated[str, typer.Option(metavar="KM")] = "5",
    points: Annotated[str, typer.Option()] = "contact",
    without: Annotated[list[str] | None, typer.Option(metavar="SITE")] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option("--with", metavar="LAT,LON|SITE"),
    ] = None,
    week: Annotated[IsoWeek | None, typer.Option(parser=parse_week, metavar="WEEK")] = None,
) -> None:
    from presence_postale.formats.access import render_access
    from presence_postale.services.access import access_report

    km = parse_within(within)
    kind = parse_points(points)
    added = [parse_addition(value) for value in with_ or ()]
    with session(ctx) as db:
        report = access_report(
            db,
            departments=department or (),
            within_km=km,
            points=kind,
            without=without or (),
            added=added,
            week=week,
            today=today(),
        )
    out.render(render_access, report)
