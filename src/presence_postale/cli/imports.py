"""`import`: La Poste's contact points, the ANCT's France Services list, records files.

Every import is all or nothing and can be rerun: a file with a rejected row changes nothing
(exit 1, the rows named with their line and reason), and importing the same file again
changes nothing. A one-line summary goes to stderr; `--format json` writes the whole summary
(every rejected row, every unmatched France Services) to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli import environment
from presence_postale.cli.output import OutputOption, check_choice, emit, write_text
from presence_postale.cli.params import today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session, state
from presence_postale.errors import InvalidData
from presence_postale.formats.render import Column, Listing

if TYPE_CHECKING:
    from presence_postale.services.imports import ImportSummary
    from presence_postale.store.raw import Sql

app = typer.Typer(
    cls=LazyGroup,
    help="Imports: open data (La Poste, France Services, communes) and records files.",
)

FileArg = Annotated[Path, typer.Argument(help="The file to import.", metavar="FILE")]
DepartmentOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--department", "-d", help="Only this department (repeat for several).", metavar="CODE"
    ),
]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
]
SummaryFormat = Annotated[
    str, typer.Option("--format", "-f", help="Summary as table, json, csv or markdown.")
]
SUMMARY_FORMATS = ("table", "json", "csv", "markdown")
SUMMARY_COLUMNS = (Column("outcome", "résultat", "outcome"), Column("count", "lignes", "rows"))
UNMATCHED_COLUMNS = (
    Column("line", "ligne", "line"),
    Column("id_fs", "id ANCT", "ANCT id"),
    Column("name", "nom", "name"),
    Column("insee_code", "INSEE", "INSEE"),
    Column("reason", "raison", "reason"),
)


@contextmanager
def _progress(path: Path, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal (by line of the file), else nothing."""
    if not sys.stderr.isatty():
        yield lambda _line: None
        return
    from rich.console import Console
    from rich.progress import Progress

    try:
        with path.open("rb") as handle:
            total = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        total = 0
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total or None)
        yield lambda line: bar.update(task, completed=line)


@contextmanager
def _bulk_writer(ctx: typer.Context) -> Iterator[Sql]:
    """Where a bulk import writes (the store's one door chooses how)."""
    from presence_postale.store import bulk

    with bulk.writer(state(ctx).location(), lambda: session(ctx, write=True)) as sql:
        yield sql


def _report(summary: ImportSummary, fmt: str, output: Path | None) -> None:
    """The summary: one line on stderr, the details on stdout; exit 1 when rows were rejected."""
    from presence_postale.formats.render import to_json

    if fmt == "json":
        from presence_postale.errors import Message
        from presence_postale.formats.words import say

        data = summary.as_dict()
        lang = environment.current().lang or "fr"
        for row in data["rejected"]:
            if isinstance(row["reason"], Message):
                row["reason"] = say(row["reason"], lang)
        write_text(to_json(data), output)
    else:
        listing = Listing(SUMMARY_COLUMNS, summary.rows(), title=Path(summary.source).name)
        emit(listing, fmt, output, formats=SUMMARY_FORMATS)
        if summary.unmatched and not summary.rejected:
            unmatched = Listing(
                UNMATCHED_COLUMNS,
                summary.unmatched,
                title="France Services hébergées par La Poste sans site correspondant",
            )
            emit(unmatched, fmt, None, formats=SUMMARY_FORMATS)
    if summary.rejected:
        raise InvalidData(summary.refusal())
    typer.echo(summary.line(), err=True)


@app.command("laposte")
def laposte(
    ctx: typer.Context,
    file: FileArg,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
    fmt: SummaryFormat = "table",
    output: OutputOption = None,
) -> None:
    """La Poste's open-data list of contact points (laposte_poincont2, `;`-separated).

    Creates the contact points that are new and refreshes the open-data fields (kind, address,
    postcode, INSEE code, department, coordinates, attachment site, phone) of the others; never
    touches hours, labels, equipment, operators, staff or notes. A site's name and commune are
    refreshed only on sites this import created.

    Example: presence-postale import laposte laposte_poincont2.csv --department 03
    """
    from presence_postale.services.imports import import_laposte

    check_choice(fmt, SUMMARY_FORMATS, "--format")
    with _progress(file, "La Poste") as progress, _bulk_writer(ctx) as sql:
        summary = import_laposte(
            sql, file, departments=department or (), dry_run=dry_run, progress=progress
        )
    _report(summary, fmt, output)


@app.command("france-services")
def france_services(
    ctx: typer.Context,
    file: FileArg,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
    fmt: SummaryFormat = "table",
    output: OutputOption = None,
) -> None:
    """The ANCT's list of France Services (`,`-separated, one hours column per weekday).

    A structure hosted by La Poste labels its La Poste site france_services (matched by INSEE
    code and name: import laposte first); any other structure gets a site of its own, id
    fs-<ANCT id>. The ANCT's hours and label become a site's first versions when it has none;
    a later change in the list adds a version from today over the list's own only (what a
    delegate entered stays). Unmatched La Poste-hosted structures are listed.

    Example: presence-postale import france-services france_services_20240801.csv
    """
    from presence_postale.services.imports import import_france_services

    check_choice(fmt, SUMMARY_FORMATS, "--format")
    with _progress(file, "France Services") as progress, session(ctx, write=True) as db:
        summary = import_france_services(
            db,
            file,
            departments=department or (),
            dry_run=dry_run,
            progress=progress,
            today=today(),
        )
    _report(summary, fmt, output)


RECORD_KINDS = ("sites", "agents", "permanences", "reservations", "mediation_sessions")


@app.command("records")
def records(
    ctx: typer.Context,
    file: FileArg,
    kind: Annotated[
        str | None,
        typer.Option(
            help="The file is a CSV of this kind: sites, agents, permanences, reservations "
            "or mediation_sessions (columns: the records schema's field names; lists "
            "separated by |; labels as label or label@YYYY-MM-DD)."
        ),
    ] = None,
    dry_run: DryRunOpt = False,
    fmt: SummaryFormat = "table",
    output: OutputOption = None,
) -> None:
    """A records file in the seed's schema (YAML or JSON, any sections), or a CSV of one kind.

    A permanence, closure, space or session may name its site by id or by a name that matches
    one site only.

    Example: presence-postale import records permanences.csv --kind permanences --dry-run
    """
    from presence_postale.formats.exports import read_records_csv
    from presence_postale.formats.render import to_json
    from presence_postale.formats.seed import load
    from presence_postale.services.imports import import_records

    check_choice(fmt, SUMMARY_FORMATS, "--format")
    if kind is not None:
        check_choice(kind, RECORD_KINDS, "--kind")
        parsed = read_records_csv(file, kind)
    elif file.suffix.lower() == ".csv":
        raise typer.BadParameter("a CSV file needs --kind", param_hint="--kind")
    else:
        parsed = load(file, exact=False)  # lines are read again only to name a problem's
    with session(ctx, write=True) as db:
        summary = import_records(db, parsed, dry_run=dry_run)
    created, updated = summary.total("created"), summary.total("updated")
    unchanged = summary.total("unchanged")
    data: dict[str, Any] = {
        "source": str(file),
        "dry_run": dry_run,
        "created": created,
        "updated": updated,
        "unchanged": unchanged,
        "sections": summary.rows(),
    }
    if fmt == "json":
        write_text(to_json(data), output)
    else:
        columns = (
            Column("section", "section", "section"),
            Column("created", "créés", "created"),
            Column("updated", "modifiés", "updated"),
            Column("unchanged", "inchangés", "unchanged"),
        )
        emit(
            Listing(columns, summary.rows(), title=file.name), fmt, output, formats=SUMMARY_FORMATS
        )
    line = f"created {created:,}, updated {updated:,}, unchanged {unchanged:,}, rejected 0"
    typer.echo(f"dry run, nothing written: {line}" if dry_run else line, err=True)
