"""`db` and `init`: create, upgrade, check and back up the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presence_postale.cli.output import (
    LISTING_FORMATS,
    FormatOption,
    OutputOption,
    check_choice,
    emit,
)
from presence_postale.cli.registry import LazyGroup
from presence_postale.cli.state import state
from presence_postale.errors import Conflict, InvalidData
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup,
    help="The database: status, upgrade, backup, integrity check.",
)


@app.command("status")
def status(ctx: typer.Context, fmt: FormatOption = "table", output: OutputOption = None) -> None:
    """Where the database is, its schema version, and how many rows each table holds.

    Example: presence-postale db status
    """
    from presence_postale.services.database import describe, open_database

    # A look that changes nothing: pending migrations are listed, not applied.
    location = state(ctx).location()
    engine = open_database(location, notify=lambda m: typer.echo(m, err=True), upgrade=False)
    try:
        data = describe(location, engine)
    finally:
        engine.dispose()
    fields = (
        Column("location", "emplacement", "location"),
        Column("schema_version", "version du schéma", "schema version"),
        Column("schema_head", "dernière version", "latest version"),
        Column("pending", "migrations en attente", "pending migrations"),
    )
    counts = Listing(
        (Column("table", "table", "table"), Column("rows", "lignes", "rows")),
        [{"table": name, "rows": rows} for name, rows in data["tables"].items()],  # type: ignore[attr-defined]
        title="Tables",
    )
    emit(Record(fields, data, title="presence-postale", sections=[counts]), fmt, output)


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply pending schema migrations (done automatically on every open too).

    Example: presence-postale db upgrade
    """
    from presence_postale.store.db import make_engine
    from presence_postale.store.schema import upgrade as run_upgrade

    location = state(ctx).location()
    if not location.exists:
        raise InvalidData(f"no database at {location}: run presence-postale init")
    applied = run_upgrade(make_engine(location.url))
    typer.echo(
        f"applied {', '.join(applied)}" if applied else "schema already up to date", err=True
    )


@app.command("backup")
def backup(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="New file to write the copy to.")],
) -> None:
    """A consistent copy of the database, even while others write to it.

    Example: presence-postale db backup ~/sauvegardes/presence-2021-05-07.db
    """
    from presence_postale.services.database import backup as run_backup

    app_state = state(ctx)
    app_state.engine()  # the source must exist and be current
    pages = run_backup(app_state.location(), target)
    typer.echo(f"backed up {app_state.location()} to {target} ({pages} pages)", err=True)


@app.command("check")
def check(ctx: typer.Context) -> None:
    """SQLite's integrity and foreign-key checks; exit 1 if anything is wrong.

    Example: presence-postale db check
    """
    from presence_postale.services.database import check as run_check

    result = run_check(state(ctx).engine())
    if not result.ok:
        problems = [p for p in result.integrity if p != "ok"] + result.foreign_keys
        raise Conflict(f"database check failed: {len(problems)} problems, first: {problems[0]}")
    typer.echo("ok: integrity and foreign keys", err=False)


def init(
    ctx: typer.Context,
    seed: Annotated[
        Path | None, typer.Option(help="Load this records file instead of the bundled seed.")
    ] = None,
    no_seed: Annotated[bool, typer.Option("--no-seed", help="Create an empty database.")] = False,
    fmt: FormatOption = "table",
) -> None:
    """Create the database (or upgrade it) and load the bundled seed, or --seed FILE.

    Loading the same file again changes nothing.

    Example: presence-postale init --seed my-department.yaml
    """
    from presence_postale.formats.seed import bundled_seed
    from presence_postale.services.database import (
        DatabaseExists,
        create_database,
        load_records,
        open_database,
    )

    if seed is not None and no_seed:
        raise typer.BadParameter("--seed and --no-seed exclude each other", param_hint="--seed")
    check_choice(fmt, LISTING_FORMATS, "--format")
    source = None if no_seed else (seed or bundled_seed())
    location = state(ctx).location()
    created = False
    if location.path is not None and not location.path.exists():
        try:
            summary = create_database(location.path, seed=source)
            created = True
            typer.echo(f"created database {location}", err=True)
        except DatabaseExists:
            pass  # another process created it meanwhile: load into that one, as below
    if not created:
        engine = open_database(location)
        summary = load_records(engine, source) if source is not None else None
    if summary is not None:
        columns = (
            Column("section", "section", "section"),
            Column("created", "créés", "created"),
            Column("updated", "modifiés", "updated"),
            Column("unchanged", "inchangés", "unchanged"),
        )
        emit(Listing(columns, summary.rows(), title=f"seed: {source}"), fmt, None)
