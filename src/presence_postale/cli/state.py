"""What every command shares: its environment, and the database, opened once and only when a
command needs it (by the services: no command builds an engine)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

from presence_postale.cli import environment
from presence_postale.cli.environment import Environment

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from presence_postale.store.db import Location


@dataclass
class AppState:
    db_option: str | None
    env: Environment = field(default_factory=environment.current)
    _engine: Engine | None = field(default=None, repr=False)
    _closes_with: object | None = field(default=None, repr=False)

    def close(self) -> None:
        """Close the database connections (a server's would otherwise stay open until the
        process ends, and a command run in-process would leak them)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def location(self) -> Location:
        from presence_postale.store.db import resolve

        return resolve(self.db_option)

    def engine(self) -> Engine:
        """The database, created and seeded on first use, its schema brought up to date."""
        if self._engine is None:
            from presence_postale.cli.output import say
            from presence_postale.services.database import open_database

            self._engine = open_database(self.location(), notify=say)
        return self._engine


def state(ctx: typer.Context) -> AppState:
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):  # a sub-app invoked on its own, as in some tests
        root.obj = AppState(db_option=None)
    if root.obj._closes_with is not root:
        root.obj._closes_with = root
        root.call_on_close(root.obj.close)
    return root.obj


def session(ctx: typer.Context, *, write: bool = False, prepare: bool = True):  # type: ignore[no-untyped-def]
    """A database session in one transaction (see `store.db.session`). A writer's imports are
    done before its transaction takes the write lock (unless it will write nothing: `prepare`
    false). The writer of a command run with `--dry-run` changes nothing (it rolls back), so
    it works on a database this process may only read: on a copy of it (`store.rehearsal`)."""
    from presence_postale.store.db import session as open_session

    engine = state(ctx).engine()
    if write and prepare:
        from presence_postale.services.database import prepare_to_write

        prepare_to_write()
    if write and ctx.params.get("dry_run"):
        # A dry run's writer that will write nothing is a reader; one that will write, writes
        # where it may (the database itself, or a copy of one this process may only read).
        return _rehearsed(engine) if prepare else open_session(engine)
    return open_session(engine, write=write)


@contextmanager
def _rehearsed(engine: Engine) -> Iterator[Session]:
    from presence_postale.store.db import session as open_session
    from presence_postale.store.rehearsal import rehearsal

    with rehearsal(engine) as bind, open_session(bind, write=True) as db:
        yield db
