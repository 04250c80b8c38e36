"""`db` and `init`: create, upgrade, check, copy and back up the database."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from presence_postale.cli.options import LISTING, output_options
from presence_postale.cli.output import Output, refuse_database, say
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import AppState, state
from presence_postale.errors import Conflict, Message, UsageError
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(cls=LazyGroup)

STATUS_FIELDS = (
    Column("location"),
    Column("schema_version"),
    Column("schema_head"),
    Column("pending"),
)
COPY_COLUMNS = (
    Column("table"),
    Column("rows_source"),
    Column("rows_target"),
    Column("checksum_source"),
    Column("checksum_target"),
    Column("status", "state", shown="copy_status"),
)
SECTION_COLUMNS = (Column("section"), Column("created"), Column("updated"), Column("unchanged"))


@app.command("status")
@output_options(LISTING)
def status(ctx: typer.Context, out: Output) -> None:
    from presence_postale.services import database

    data = database.status(state(ctx).location(), notify=say)
    tables: dict[str, int] = data["tables"]  # type: ignore[assignment]
    counts = Listing(
        (Column("table"), Column("rows")),
        [{"table": name, "rows": rows} for name, rows in tables.items()],
        title="Tables",
    )
    out.emit(Record(STATUS_FIELDS, data, title="presence-postale", sections=[counts]))


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    from presence_postale.services import database

    applied = database.upgrade(state(ctx).location(), notify=say)
    say(Message("db.upgraded", {"applied": applied}) if applied else Message("db.up_to_date"))


@app.command("backup")
def backup(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(metavar="FILE", readable=False)],
) -> None:
    from presence_postale.services.files import backup as run_backup

    app_state = state(ctx)
    _not_beside_the_database(target, app_state)
    if app_state.location().path is not None:
        app_state.engine()  # the source must exist and be current
    pages = run_backup(app_state.location(), target, notify=say)
    say(
        Message(
            "db.backed_up",
            {"path": str(app_state.location()), "target": str(target), "pages": pages},
        )
    )


def _not_beside_the_database(target: Path, app_state: AppState) -> None:
    """Refuse a copy into a file SQLite keeps beside the database (its log, its journal), or
    into the database under another name (a hard link): it would take that file's place. A
    copy onto the database's own path is refused by the copy itself."""
    real = Path(os.path.realpath(target.expanduser()))
    database = app_state.location().path
    if database is None or real != Path(os.path.realpath(database)):
        refuse_database(real, target, app_state.env)


@app.command("check")
def check(ctx: typer.Context) -> None:
    from presence_postale.formats.words import say as words_say
    from presence_postale.services.database import check as run_check

    result = run_check(state(ctx).engine())
    if not result.ok:
        problems = result.integrity + result.foreign_keys
        raise Conflict("db.check_failed", count=len(problems), first=problems[0])
    env = state(ctx).env
    env.out.write(words_say("db.check_ok", env.language) + "\n")


@app.command("copy")
@output_options(LISTING)
def copy(
    ctx: typer.Context,
    out: Output,
    to: Annotated[str, typer.Option("--to", metavar="PATH_OR_URL")],
) -> None:
    from presence_postale.services.copy import copy_database
    from presence_postale.store.db import resolve

    app_state = state(ctx)
    source = app_state.location()
    target = resolve(to)
    if target.path is not None:
        _not_beside_the_database(target.path, app_state)
        out.refuse_over(target.path)  # the summary would replace the copy just made

    # Progress on a terminal only: on a refusal, stderr holds the one line that says why.
    def progress(table: str, rows: int) -> None:
        if app_state.env.err_is_terminal:
            say(Message("copy.table", {"table": table, "rows": rows}))

    results = copy_database(
        app_state.engine(),
        source,
        target,
        progress=progress,
    )
    rows = [r.row() for r in results]
    out.emit(Listing(COPY_COLUMNS, rows, title=f"{source} -> {target}"))
    differing = [r.table for r in results if not r.ok]
    if differing:
        raise Conflict("copy.differs", count=len(differing), table=differing[0])
    say(Message("copy.done", {"source": str(source), "target": str(target)}))


@output_options(LISTING)
def init(
    ctx: typer.Context,
    out: Output,
    seed: Annotated[Path | None, typer.Option(metavar="FILE", readable=False)] = None,
    no_seed: Annotated[bool, typer.Option("--no-seed")] = False,
) -> None:
    from presence_postale.formats.seed import bundled_seed
    from presence_postale.services.database import initialise

    if seed is not None and no_seed:
        raise UsageError("usage.not_both", first="--seed", second="--no-seed")
    if seed is not None:
        out.refuse_over(seed)
    source = None if no_seed else (seed or bundled_seed())
    summary = initialise(state(ctx).location(), source, notify=say)
    if summary is not None:
        title = Message("db.seed_title", {"source": str(source)})
        out.emit(Listing(SECTION_COLUMNS, summary.rows(), title=title))
