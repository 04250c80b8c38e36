"""`report`: the weekly report cron sends, a pilot's evaluation, the France Services charter."""

from __future__ import annotations

from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, SCHEDULE, output_options
from presence_postale.cli.output import Output
from presence_postale.cli.params import DepartmentOpt, parse_week, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict

app = typer.Typer(cls=LazyGroup)

WeekOption = Annotated[IsoWeek, typer.Option(parser=parse_week, metavar="WEEK")]


@app.command("weekly")
@output_options(SCHEDULE)
def weekly(
    ctx: typer.Context,
    out: Output,
    week: WeekOption = "this",  # type: ignore[assignment]
    department: DepartmentOpt = None,
    site: Annotated[str | None, typer.Option()] = None,
    strict: Annotated[bool, typer.Option()] = False,
) -> None:
    from presence_postale.formats.reports.weekly import render_weekly
    from presence_postale.services import reports, sites
    from presence_postale.store.bulk import uncollected

    # A national report makes a million objects, and no cycle: the collector would only scan
    # them (6 per cent of its work, measured).
    with uncollected():
        with session(ctx) as db:
            target = sites.get(db, site) if site else None
            report = reports.weekly(db, week, department=department, site=target)
        if out.format == "ics":
            from presence_postale.formats.ics import calendar

            text = calendar([e for sw in report.sites for e in sw.permanences], out.lang)
            out.write(text, private=True)  # names agents
        else:
            out.render(render_weekly, report, private=True)  # names agents, organisations
    if strict and report.warnings:
        raise Conflict("report.strict", count=len(report.warnings), first=report.warnings[0])


@app.command("compliance")
@output_options(LISTING)
def compliance(
    ctx: typer.Context,
    out: Output,
    week: WeekOption = "this",  # type: ignore[assignment]
    department: DepartmentOpt = None,
    strict: Annotated[bool, typer.Option()] = False,
) -> None:
    from presence_postale.formats.reports.compliance import render_compliance
    from presence_postale.services import reports

    with session(ctx) as db:
        rows = reports.compliance(db, week, department=department)
    out.render(render_compliance, rows, week.label)
    failing = [r for r in rows if r["status"] == "fail"]
    if strict and failing:
        raise Conflict("report.charter_failing", count=len(failing), site=failing[0]["site_id"])


@app.command("programme")
@output_options(LISTING)
def programme(
    ctx: typer.Context,
    out: Output,
    code: Annotated[str, typer.Argument()],
) -> None:
    from presence_postale.formats.reports.programme import render_programme
    from presence_postale.services import evaluation

    with session(ctx) as db:
        data = evaluation.programme_evaluation(db, code, today=today())
    out.render(render_programme, data)
