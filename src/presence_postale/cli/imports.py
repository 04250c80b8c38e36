"""`import`: La Poste's contact points, the ANCT's France Services list, records files.

Every import is all or nothing and can be rerun: a file with a rejected row changes nothing
(exit 1, the rows named with their line and reason), and importing the same file again
changes nothing. A one-line summary goes to stderr; `--format json` writes the whole summary
(every rejected row, every unmatched France Services) to stdout.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from presence_postale.cli.environment import current
from presence_postale.cli.options import SUMMARY, output_options
from presence_postale.cli.output import Output, say
from presence_postale.cli.params import DepartmentsOpt, today
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import session, state
from presence_postale.errors import Conflict, InvalidData, Message, UsageError
from presence_postale.formats.render import Column, Listing

if TYPE_CHECKING:
    from presence_postale.formats.read_ahead import ReadAhead
    from presence_postale.formats.seed import Records
    from presence_postale.services.imports import ImportSummary
    from presence_postale.services.records_summary import Summary

app = typer.Typer(cls=LazyGroup)

# Whether the file can be read is said by the command reading it, in its words (`readable`).
FileArg = Annotated[Path, typer.Argument(metavar="FILE", readable=False)]
DepartmentOpt = DepartmentsOpt
DryRunOpt = Annotated[bool, typer.Option("--dry-run")]
SUMMARY_COLUMNS = (Column("outcome", shown="outcome"), Column("count", "rows"))
UNMATCHED_COLUMNS = (
    Column("line"),
    Column("id_fs"),
    Column("name"),
    Column("insee_code", "insee"),
    Column("reason"),
)
SECTION_COLUMNS = (Column("section"), Column("created"), Column("updated"), Column("unchanged"))
CONFLICT_COLUMNS = (
    Column("line"),
    Column("record"),
    Column("field"),
    Column("ours", "in_database"),
    Column("theirs", "in_file"),
)


@contextmanager
def _progress(path: Path, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal (by line of the file), else nothing."""
    env = current()
    if not env.err_is_terminal:
        yield lambda _line: None
        return
    from rich.console import Console
    from rich.progress import Progress

    total = 0
    try:
        # Only a regular file is counted: a FIFO would wait for a writer, /dev/zero never end
        # (the import then refuses either in one line).
        if stat.S_ISREG(path.stat().st_mode):
            with path.open("rb") as handle:
                total = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        total = 0
    with Progress(console=Console(file=env.err), transient=True) as bar:
        task = bar.add_task(label, total=total or None)
        yield lambda line: bar.update(task, completed=line)


def summary_line(summary: ImportSummary) -> Message:
    """`created 17,212, updated 0, unchanged 0, rejected 0`, as people read it."""
    counts = {
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "rejected": len(summary.rejected),
    }
    extra = {"skipped": summary.skipped, "unmatched": len(summary.unmatched)}
    return _line(counts | {k: v for k, v in extra.items() if v}, summary.dry_run)


# How many rows had each outcome, in words.
COUNTS = {
    "created": "import.created",
    "updated": "import.updated",
    "unchanged": "import.unchanged",
    "rejected": "import.rejected",
    "skipped": "import.skipped",
    "unmatched": "import.unmatched",
}


def _line(counts: dict[str, int], dry_run: bool) -> Message:
    parts = [Message(COUNTS[outcome], {"count": count}) for outcome, count in counts.items()]
    line = Message("import.summary", {"counts": parts})
    return Message("import.dry_run", {"summary": line}) if dry_run else line


def refusal(summary: ImportSummary) -> InvalidData:
    """One line naming the first rejected rows."""
    from presence_postale.services import imports

    rows = [r.message for r in summary.rejected[: imports.REJECTIONS_SHOWN]]
    count = len(summary.rejected)
    more = count - imports.REJECTIONS_SHOWN
    key = "import.refused_more" if more > 0 else "import.refused"
    return InvalidData(key, source=summary.source, count=count, rows=rows, more=more)


def _report(summary: ImportSummary, out: Output) -> None:
    """The summary: one line on stderr, the details on stdout; exit 1 when rows were rejected."""
    from presence_postale.formats.render import to_json

    if out.format == "json":
        out.write(to_json(summary.as_dict()))
    else:
        out.emit(Listing(SUMMARY_COLUMNS, summary.rows(), title=Path(summary.source).name))
        if summary.unmatched and not summary.rejected:
            title = Message("import.unmatched_title")
            Output(out.format, None, out.lang, out.excel, out.env).emit(
                Listing(UNMATCHED_COLUMNS, summary.unmatched, title=title)
            )
    if summary.rejected:
        raise refusal(summary)
    say(summary_line(summary))


@app.command("laposte")
@output_options(SUMMARY)
def laposte(
    ctx: typer.Context,
    out: Output,
    file: FileArg,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    from presence_postale.services.import_laposte import import_laposte
    from presence_postale.store.bulk import writer as bulk_writer

    out.refuse_over(file)
    location = state(ctx).location()
    with (
        _progress(file, "La Poste") as progress,
        bulk_writer(location, lambda: session(ctx, write=True)) as sql,
    ):
        summary = import_laposte(
            sql, file, departments=department or (), dry_run=dry_run, progress=progress
        )
    _report(summary, out)


@app.command("france-services")
@output_options(SUMMARY)
def france_services(
    ctx: typer.Context,
    out: Output,
    file: FileArg,
    department: DepartmentOpt = None,
    dry_run: DryRunOpt = False,
) -> None:
    from presence_postale.services.import_france_services import import_france_services

    out.refuse_over(file)
    with _progress(file, "France Services") as progress, session(ctx, write=True) as db:
        summary = import_france_services(
            db,
            file,
            departments=department or (),
            dry_run=dry_run,
            progress=progress,
            today=today(),
        )
    _report(summary, out)


RECORD_KINDS = ["sites", "agents", "permanences", "reservations", "mediation_sessions"]


@app.command("records")
@output_options(SUMMARY)
def records(
    ctx: typer.Context,
    out: Output,
    file: FileArg,
    kind: Annotated[str | None, typer.Option()] = None,
    dry_run: DryRunOpt = False,
    replace: Annotated[bool, typer.Option("--replace")] = False,
) -> None:
    if kind is not None and kind not in RECORD_KINDS:
        raise UsageError("usage.bad_choice", option="--kind", value=kind, expected=RECORD_KINDS)
    out.refuse_over(file)
    if kind is None and file.suffix.lower() == ".csv":
        raise UsageError("import.csv_needs_kind")
    from presence_postale.formats import read_ahead, seed

    # A large file is read by a child while this process imports what loading it needs.
    with read_ahead.reading(file, seed.read_fast) if kind is None else nullcontext() as ahead:
        _records(ctx, out, file, kind, dry_run, replace, ahead)


def _records(
    ctx: typer.Context,
    out: Output,
    file: Path,
    kind: str | None,
    dry_run: bool,
    replace: bool,
    ahead: ReadAhead | None,
) -> None:
    from presence_postale.formats.render import to_json
    from presence_postale.store.bulk import uncollected

    try:
        with uncollected():
            summary = _import_records(ctx, file, kind, dry_run, replace, ahead)
    except Conflict as conflict:
        from presence_postale.services.records_merge import Clashing  # loaded once needed

        if dry_run and isinstance(conflict, Clashing):
            # Every difference listed, for the delegate to decide (the error follows).
            out.emit(Listing(CONFLICT_COLUMNS, conflict.rows, title=file.name))
        raise
    totals: dict[str, Any] = {o: summary.total(o) for o in ("created", "updated", "unchanged")}
    if out.format == "json":
        data = {"source": str(file), "dry_run": dry_run, **totals, "sections": summary.rows()}
        out.write(to_json(data))
    else:
        out.emit(Listing(SECTION_COLUMNS, summary.rows(), title=file.name))
    say(_line({**totals, "rejected": 0}, dry_run))


def _import_records(
    ctx: typer.Context,
    file: Path,
    kind: str | None,
    dry_run: bool,
    replace: bool,
    ahead: ReadAhead | None,
) -> Any:
    parsed, summary = _read_records(ctx, file, kind, ahead)
    if summary is not None:
        return summary
    from presence_postale.services.imports import import_records

    with session(ctx, write=True) as db:
        if kind is None:
            return import_records(db, parsed, dry_run=dry_run, replace=replace)
        from presence_postale.services.records_unchanged import emptying_refused

        return import_records(
            db, parsed, dry_run=dry_run, replace=replace, then=emptying_refused(db, parsed)
        )


def _read_records(
    ctx: typer.Context, file: Path, kind: str | None, ahead: ReadAhead | None
) -> tuple[Records, Summary | None]:
    """The file's records, and the summary of loading them when the database holds them all
    already (None when loading them changes something), found without the write lock."""
    from presence_postale.formats.seed import load
    from presence_postale.services.imports import held_records
    from presence_postale.services.records_unchanged import Held
    from presence_postale.store.raw import is_current_file

    location = state(ctx).location()
    if kind is None and location.path is not None and is_current_file(location):
        # A current SQLite file is read through SQLite's own driver: a file that changes
        # nothing never loads SQLAlchemy. Opening the file changes nothing in it (a file
        # refused creates or upgrades no database), so what it holds is read while a child
        # reads the file: both at once.
        from presence_postale.store.raw import sqlite_reader
        from presence_postale.store.rows import DriverRows

        with sqlite_reader(location.path) as connection:
            held = Held(DriverRows(connection))
            if ahead is not None:
                held.prefetch(ahead.busy)
                if not held.any("sites"):  # a first import: it will load, and needs SQLAlchemy
                    _ready_to_load(ctx, ahead.busy)
            parsed = load(file, exact=False, defer=True, ahead=ahead)
            return parsed, held_records(held, parsed)
    if kind is not None:
        from presence_postale.formats.exports import read_records_csv  # and the writers

        parsed = read_records_csv(file, kind)
    else:  # read fast, without lines: read again only to name a problem's
        parsed = load(file, exact=False, defer=True, ahead=ahead)
    from presence_postale.store.rows import SessionRows

    with session(ctx) as db:  # a file that changes nothing is found so, without the write lock
        summary = held_records(Held(SessionRows(db)), parsed)
    if summary is not None:
        with session(ctx, write=True, prepare=False) as db:
            db.connection()  # a write, though empty: refused as any other on a read-only database
    return parsed, summary


def _ready_to_load(ctx: typer.Context, busy: Callable[[], bool]) -> None:
    """What loading records needs (SQLAlchemy, the checks, the ORM's mappers, the database's
    engine), made ready while the child is still reading (`busy`): spent otherwise after it."""
    if busy():
        from presence_postale.services import records  # noqa: F401
    if busy():
        from presence_postale.services.database import prepare_to_write

        prepare_to_write()
    if busy():
        state(ctx).engine()  # a current file: opening it changes nothing
