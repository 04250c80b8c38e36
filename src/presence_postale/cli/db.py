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
from presence_postale.errors import Conflict, InvalidData, Message
from presence_postale.formats.render import Column, Listing, Record

app = typer.Typer(
    cls=LazyGroup,
    help="The database: status, upgrade, backup, copy, integrity check.",
)


@app.command("status")
def status(ctx: typer.Context, fmt: FormatOption = "table", output: OutputOption = None) -> None:
    """Where the database is, its schema version, and how many rows each table holds.

    Example: presence-postale db status
    """
    from presence_postale.services.database import describe, open_database

    # A look that changes nothing: pending migrations are listed, not applied.
    app_state = state(ctx)
    location = app_state.location()
    engine = open_database(location, notify=app_state.notify, upgrade=False)
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
    from presence_postale.services.database import open_database
    from presence_postale.store.schema import upgrade as run_upgrade

    app_state = state(ctx)
    location = app_state.location()
    if not location.exists:
        raise InvalidData(f"no database at {location}: run presence-postale init")
    # Refused, changing nothing, unless it is this tool's database.
    engine = open_database(location, notify=app_state.notify, upgrade=False)
    try:
        applied = run_upgrade(engine)
    finally:
        engine.dispose()
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
    from presence_postale.services.files import backup as run_backup

    app_state = state(ctx)
    if app_state.location().path is not None:
        app_state.engine()  # the source must exist and be current
    pages = run_backup(app_state.location(), target, notify=app_state.notify)
    app_state.notify(
        Message(
            "db.backed_up",
            {"path": str(app_state.location()), "target": str(target), "pages": pages},
        )
    )


@app.command("check")
def check(ctx: typer.Context) -> None:
    """Integrity and foreign-key checks (SQLite's, or the schema and references on
    PostgreSQL); exit 1 if anything is wrong.

    Example: presence-postale db check
    """
    from presence_postale.services.database import check as run_check

    result = run_check(state(ctx).engine())
    if not result.ok:
        problems = [p for p in result.integrity if p != "ok"] + result.foreign_keys
        raise Conflict(f"database check failed: {len(problems)} problems, first: {problems[0]}")
    typer.echo("ok: integrity and foreign keys", err=False)


@app.command("copy")
def copy(
    ctx: typer.Context,
    to: Annotated[
        str,
        typer.Option(
            "--to",
            help="The empty database to copy into: a postgresql+psycopg://user@host/dbname URL "
            "without the schema, or a SQLite file that does not exist yet.",
            metavar="PATH_OR_URL",
        ),
    ],
    fmt: FormatOption = "table",
) -> None:
    """Copy the whole database (--db) into an empty one, then compare both table by table:
    rows and a checksum of each side; exit 1 if any table differs. All or nothing: a failure
    leaves the target empty.

    Example: presence-postale --db gers.db db copy --to postgresql+psycopg://equipe@serveur/presence
    """
    from presence_postale.services.copy import copy_database
    from presence_postale.store.db import resolve

    check_choice(fmt, LISTING_FORMATS, "--format")
    app_state = state(ctx)
    source = app_state.location()
    target = resolve(to)

    # Progress on a terminal only: on a refusal, stderr holds the one line that says why.
    def progress(table: str, rows: int) -> None:
        if app_state.env.stderr_isatty:
            typer.echo(f"copied {table}: {rows} rows", err=True)

    results = copy_database(app_state.engine(), source, target, progress=progress)
    columns = (
        Column("table", "table", "table"),
        Column("rows_source", "lignes source", "rows source"),
        Column("rows_target", "lignes cible", "rows target"),
        Column("checksum_source", "somme source", "checksum source"),
        Column("checksum_target", "somme cible", "checksum target"),
        Column("status", "état", "status"),
    )
    rows = [r.row() for r in results]
    emit(Listing(columns, rows, title=f"{source} -> {target}"), fmt, None)
    differing = [r.table for r in results if not r.ok]
    if differing:
        raise Conflict(f"copy differs from the source in {len(differing)} tables: {differing[0]}")
    typer.echo(f"copied {source} to {target}: every table identical", err=True)


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
        create_on_server,
        database_is_missing,
        load_records,
        open_database,
    )
    from presence_postale.store.db import make_engine

    if seed is not None and no_seed:
        raise typer.BadParameter("--seed and --no-seed exclude each other", param_hint="--seed")
    check_choice(fmt, LISTING_FORMATS, "--format")
    source = None if no_seed else (seed or bundled_seed())
    location = state(ctx).location()
    created = False
    if location.path is not None and database_is_missing(location.path):
        try:
            summary = create_database(location.path, seed=source, notify=state(ctx).notify)
            created = True
            typer.echo(f"created database {location}", err=True)
        except DatabaseExists:
            pass  # another process created it meanwhile: load into that one, as below
    elif location.path is None:
        server = make_engine(location.url)
        try:
            summary = create_on_server(server, seed=source)
            created = True
            typer.echo(f"created the schema in {location}", err=True)
        except DatabaseExists:
            pass  # the schema is there: load into it, as into an existing file
        finally:
            server.dispose()
    if not created:
        engine = open_database(location)
        try:
            summary = load_records(engine, source) if source is not None else None
        finally:
            engine.dispose()
    if summary is not None:
        columns = (
            Column("section", "section", "section"),
            Column("created", "créés", "created"),
            Column("updated", "modifiés", "updated"),
            Column("unchanged", "inchangés", "unchanged"),
        )
        emit(Listing(columns, summary.rows(), title=f"seed: {source}"), fmt, None)
