"""`report`: the weekly report cron sends, a pilot's evaluation, the France Services charter."""

from __future__ import annotations

from typing import Annotated

import typer

from presence_postale.cli.environment import current
from presence_postale.cli.output import LangOption, OutputOption, check_choice, write_text
from presence_postale.cli.params import parse_week, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict

app = typer.Typer(
    cls=LazyGroup,
    help="Reports: weekly (for cron), programme evaluation, France Services charter, access.",
)

WeekOption = Annotated[
    IsoWeek,
    typer.Option(
        parser=parse_week, metavar="WEEK", help="2021-W17, this, next, last, or a date in the week."
    ),
]
DepartmentOption = Annotated[
    str | None, typer.Option("--department", "-d", help="Department code.")
]
StrictOption = Annotated[
    bool, typer.Option(help="Exit 1 when the report carries warnings (cron alerts).")
]


def _width(output: object, fmt: str) -> int | None:
    """The terminal's width for a table on standard output (None: not folded)."""
    if output is None and fmt == "table":
        return current().columns
    return None


@app.command("weekly")
def weekly(
    ctx: typer.Context,
    week: WeekOption = "this",  # type: ignore[assignment]
    department: DepartmentOption = None,
    site: Annotated[str | None, typer.Option(help="Only this site (id or name).")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, csv, json, html, ics or xlsx.")
    ] = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
    strict: StrictOption = False,
) -> None:
    """The week's hours, permanences, coworking bookings and mediation sessions, site by site,
    then the warnings. Same database and week: byte-identical output.

    Example (cron, every Friday): presence-postale report weekly --week next -d 95 --format html
    --output /srv/rapports/95.html --strict
    """
    from presence_postale.formats.report import render_weekly
    from presence_postale.services import reports, sites

    check_choice(fmt, ("table", "markdown", "csv", "json", "html", "ics", "xlsx"), "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    with session(ctx) as db:
        target = sites.get(db, site) if site else None
        report = reports.weekly(db, week, department=department, site=target, lang=lang)
    text: str | bytes
    if fmt == "ics":
        from presence_postale.formats.ics import calendar

        text = calendar([e for sw in report.sites for e in sw.permanences], lang)
    else:
        text = render_weekly(report, fmt, lang, _width(output, fmt))
    write_text(text, output, private=True)  # names agents and the organisations that booked
    if strict and report.warnings:
        raise Conflict(
            f"the report carries {len(report.warnings)} warning(s): {report.warnings[0]}"
        )


@app.command("compliance")
def compliance(
    ctx: typer.Context,
    week: WeekOption = "this",  # type: ignore[assignment]
    department: DepartmentOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, csv, json, html or xlsx.")
    ] = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
    strict: Annotated[bool, typer.Option(help="Exit 1 when a site fails the charter.")] = False,
) -> None:
    """The France Services charter (≥ 5 days, ≥ 24 h, ≥ 2 polyvalent staff) for every labelled
    site, from its hours that week; an unknown staff count is reported unknown, not passed.

    Example: presence-postale report compliance --week 2021-W17
    """
    from presence_postale.formats.report import REPORT_FORMATS, render_compliance
    from presence_postale.services import reports

    check_choice(fmt, REPORT_FORMATS, "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    with session(ctx) as db:
        rows = reports.compliance(db, week, department=department, lang=lang)
    write_text(render_compliance(rows, week.label, fmt, lang, _width(output, fmt)), output)
    failing = [r for r in rows if r["status"] == "fail"]
    if strict and failing:
        raise Conflict(
            f"{len(failing)} France Services site(s) fail the charter, "
            f"first: {failing[0]['site_id']}"
        )


@app.command("programme")
def programme(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Programme code: vigny-2021.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="markdown, table, csv, json, html or xlsx.")
    ] = "table",
    output: OutputOption = None,
    lang: LangOption = "fr",
) -> None:
    """A pilot's evaluation: period and extensions, occurrences planned / held / cancelled /
    skipped, visitors (total, per occurrence, per site, per week), requests per operator, and
    a short decision block.

    Example: presence-postale report programme vigny-2021 --format markdown
    """
    from presence_postale.formats.report import REPORT_FORMATS, render_programme
    from presence_postale.services import reports

    check_choice(fmt, REPORT_FORMATS, "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    with session(ctx) as db:
        data = reports.programme_evaluation(db, code, today=today(), lang=lang)
    write_text(render_programme(data, fmt, lang, _width(output, fmt)), output)
