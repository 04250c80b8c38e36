"""The root command: global options, the command groups, and the one place errors are shown.

Nothing heavy is imported here: `--help` and shell completion must not load SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import sys
from typing import Annotated, Any

import typer

from presence_postale import __version__
from presence_postale.cli import environment, registry
from presence_postale.cli.help import Group, frame, language, message_of, summary
from presence_postale.cli.state import AppState
from presence_postale.errors import ExitStatus, Message, PresencePostaleError, os_reason

# The longest error line: its start says what and where, its end why.
_LONGEST = 1000


def _say(message: Message) -> None:
    """One line on stderr, in the command's language, whatever the message holds: a user
    error never spills over several lines, and control characters a user typed (a terminal
    escape) are shown escaped, never sent as such."""
    from presence_postale.cli.output import one_line, put
    from presence_postale.formats.words import say

    lang = language()
    line = one_line(say(message, lang))
    if len(line) > _LONGEST:  # a value given 100,000 characters long is not echoed whole
        line = f"{line[: _LONGEST * 2 // 3]} … {line[-_LONGEST // 3 :]}"

    env = environment.current()
    put(env.err, say("error.line", lang, message=line) + "\n", terminal=env.err_is_terminal)


def _fail(message: Message, code: int) -> None:
    _say(message)
    raise typer.Exit(code)


# SQLite's primary result code for a lock held too long (a damaged file: `sqlite_file`).
SQLITE_BUSY = 5


def _database_error(error: Exception, ctx: Any) -> tuple[Message, int] | None:
    """A one-line message, and the exit status, for a database failure the user can act on:
    a lock held past the busy timeout (exit 75: try again), a damaged file (remembered, so
    that writes are refused until a check passes), anything else the driver says (exit 1)."""
    orig: Any = None
    if "sqlite3" in sys.modules:
        import sqlite3

        if isinstance(error, sqlite3.Error):  # a bulk import's own connection (`store.raw`)
            orig = error
    if orig is None and "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import DBAPIError

        if isinstance(error, DBAPIError):
            orig = error.orig if error.orig is not None else error
    if orig is None:
        return None
    reason = str(orig).splitlines()[0] if str(orig) else type(orig).__name__
    code = getattr(orig, "sqlite_errorcode", 0) & 0xFF
    if code == SQLITE_BUSY:
        from presence_postale.store.db import busy_timeout_ms

        path, seconds = _sqlite_path(ctx), busy_timeout_ms() // 1000
        if path is None:
            return Message("db.busy_unnamed", {"seconds": seconds}), ExitStatus.BUSY
        return Message("db.busy", {"path": str(path), "seconds": seconds}), ExitStatus.BUSY
    path = _sqlite_path(ctx)
    problem = _damage(orig) if path is not None else None
    if problem is not None:
        from presence_postale.store import sqlite_file

        assert path is not None
        sqlite_file.record_damage(path, problem)
        # The header says how, when it can: a file cut short, or of a size no page fits.
        with contextlib.suppress(OSError):
            problem = sqlite_file.read_header(path).problem or problem
        return Message("db.damage_found", {"path": str(path), "problem": problem}), 1
    refused = _server_state(getattr(orig, "sqlstate", None))
    if refused is not None:
        return refused
    return _server_failure(reason) or (Message("error.database", {"reason": reason}), 1)


def _damage(orig: Any) -> Message | None:
    if "sqlite3" not in sys.modules:
        return None
    from presence_postale.store.sqlite_file import damage_problem

    return damage_problem(orig)


# What a PostgreSQL server says by its SQLSTATE, said in the catalogue's words (a code's class
# when no code of it is named): the key, and the exit status (75: try again later).
_PG_STATES = {
    "25006": ("db.server_read_only", 1),
    "42501": ("db.server_not_allowed", 1),
    "53100": ("db.server_disk_full", 1),
    "53200": ("db.server_out_of_memory", ExitStatus.BUSY),
    "53300": ("db.server_too_many", ExitStatus.BUSY),
    "40001": ("db.server_busy", ExitStatus.BUSY),
    "40P01": ("db.server_busy", ExitStatus.BUSY),
    "55P03": ("db.server_busy", ExitStatus.BUSY),
    "57014": ("db.server_cancelled", 1),
    "57P": ("db.server_stopped", ExitStatus.BUSY),
    "08": ("db.server_lost", ExitStatus.BUSY),
}


def _server_state(state: str | None) -> tuple[Message, int] | None:
    """A PostgreSQL refusal whose SQLSTATE the catalogue names (what, and what to do)."""
    if not state:
        return None
    found = _PG_STATES.get(state) or _PG_STATES.get(state[:3]) or _PG_STATES.get(state[:2])
    return None if found is None else (Message(found[0]), found[1])


# How libpq says it could not reach or enter a PostgreSQL server (its words are English).
_PG_SERVER = re.compile(
    r'connection to server (?:at "(?P<host>[^"]+)"(?: \([^)]*\))?, port (?P<port>\d+)'
    r'|on socket "(?P<socket>[^"]+)") failed: (?P<why>.*)'
)
# What libpq says after it, in the catalogue's words, and the exit status (75: try again).
_PG_WHY = (
    (re.compile(r'database "(?P<name>[^"]+)" does not exist'), "db.server_no_database", 1),
    (re.compile(r'role "(?P<name>[^"]+)" does not exist'), "db.server_no_role", 1),
    (re.compile(r"password authentication failed|no password supplied"), "db.server_password", 1),
    (
        re.compile(r"Connection refused|No such file or directory|timeout expired"),
        "db.server_down",
        1,
    ),
    (re.compile(r"server does not support SSL, but SSL was required"), "db.server_no_ssl", 1),
    (
        re.compile(r"received invalid response to SSL negotiation|expected authentication request"),
        "db.server_not_postgres",
        1,
    ),
    (
        re.compile(r"the database system is (?:starting up|shutting down|in recovery mode|not)"),
        "db.server_starting",
        ExitStatus.BUSY,
    ),
)
# psycopg's and libpq's words for a connection that broke during the command (no SQLSTATE).
_PG_LOST = re.compile(
    r"the connection is lost|server closed the connection unexpectedly"
    r"|consuming input failed|connection already closed|SSL SYSCALL error"
)
# libpq's words when it could not find the server's address at all.
_PG_HOST = re.compile(
    r"failed to resolve host '(?P<host>[^']*)'|could not translate host name \"(?P<name>[^\"]*)\""
)


def _server_failure(reason: str) -> tuple[Message, int] | None:
    """A PostgreSQL server that cannot be reached or entered, or a connection lost, said in
    the catalogue's words, and the exit status."""
    if _PG_LOST.search(reason):
        return Message("db.server_lost"), ExitStatus.BUSY
    if reason.startswith("connection timeout expired"):  # libpq names no server then
        from presence_postale.store.db import CONNECT_SECONDS

        return Message("db.server_timeout", {"seconds": CONNECT_SECONDS}), 1
    unknown = _PG_HOST.search(reason)
    if unknown is not None:
        return Message("db.server_unknown_host", {"host": unknown["host"] or unknown["name"]}), 1
    found = _PG_SERVER.search(reason)
    if found is None:
        return None
    server = found["socket"] or f"{found['host']}:{found['port']}"
    for pattern, key, status in _PG_WHY:
        why = pattern.search(found["why"])
        if why is not None:
            return Message(key, {"server": server, **why.groupdict()}), status
    return None


def _sqlite_path(ctx: Any) -> Any:
    """The SQLite file the command works on, if it names one."""
    app_state = ctx.find_root().obj
    if not isinstance(app_state, AppState):
        return None
    try:
        return app_state.location().path
    except PresencePostaleError:
        return None


# The tool's own temporary twins of a file it writes in one step (`.NAME.PID.tmp`, with its
# journal; `.NAME.XXXXXXXX` from mkstemp): never named to the user, who asked for NAME.
_TEMPORARY = re.compile(r"\.(?P<name>.+?)\.(?:[0-9]+\.tmp(?:-wal|-shm|-journal)?|[a-z0-9_]{8})")


def _shown_path(error: OSError) -> str | None:
    """The file a failure is about, as the user named it (a move's target before its
    source; a temporary twin as the file it stands for)."""
    name = error.filename2 or error.filename
    if not name:
        return None
    path = os.fsdecode(name)
    found = _TEMPORARY.fullmatch(os.path.basename(path))
    return os.path.join(os.path.dirname(path), found["name"]) if found else path


def _os_error(error: OSError) -> Message:
    reason = os_reason(error)
    path = _shown_path(error)
    if path:
        return Message("error.cannot_use", {"path": path, "reason": reason})
    return Message("error.cannot_use_unnamed", {"reason": reason})


def _check_text(argv: Any) -> None:
    """Refuse a command line holding bytes that are not UTF-8 (Python keeps them as lone
    surrogates, which no database, file or terminal takes), naming the argument."""
    from presence_postale.errors import UsageError

    for number, arg in enumerate(sys.argv[1:] if argv is None else argv, start=1):
        if isinstance(arg, str) and any("\ud800" <= ch <= "\udfff" for ch in arg):
            try:  # the bytes as given (`\xff`), as the shell passed them
                raw = arg.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                raw = arg.encode("utf-8", "backslashreplace")
            shown = raw.decode("utf-8", "backslashreplace")
            raise UsageError("usage.not_utf8", number=number, value=shown)


class Root(Group):
    """The root: loads each command group when it is used (see `registry`), and turns the
    errors every command may raise into one line on stderr."""

    help_key = "root"

    def list_commands(self, ctx: Any) -> list[str]:
        return list(registry.ENTRIES)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in registry.ENTRIES:
            self.commands[cmd_name] = registry.load(cmd_name, rich_markup_mode=None)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The list is the registry's: showing it loads no command group.
        with formatter.section(frame("commands")):
            formatter.write_dl([(name, summary(name)) for name in registry.ENTRIES])

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        commands = [(name, summary(name)) for name in registry.ENTRIES]
        return registry.complete(self, ctx, incomplete, commands)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PresencePostaleError as error:
            _fail(error.message, error.exit_code)
        except KeyboardInterrupt:
            _fail(Message("error.interrupted"), ExitStatus.INTERRUPTED)
        except MemoryError:  # a limit of the system (ulimit -v, a full machine), not a defect
            _fail(Message("error.out_of_memory"), ExitStatus.REFUSED)
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, without a flush error at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(ExitStatus.REFUSED) from None
        except OSError as error:
            _fail(_os_error(error), ExitStatus.REFUSED)
        except Exception as error:
            found = _database_error(error, ctx)
            if found is None:
                raise
            _fail(*found)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # The environment of this run: the one a caller (a test) hands in, else the process's.
        given = kwargs.get("obj")
        environment.use(
            given if isinstance(given, environment.Environment) else environment.Environment()
        )
        standalone = kwargs.pop("standalone_mode", True)
        kwargs["standalone_mode"] = False
        try:
            _check_text(kwargs.get("args", args[0] if args else None))
            result = super().main(*args, **kwargs)
        except PresencePostaleError as error:
            _say(error.message)
            result = error.exit_code
        except typer.Abort:
            _say(Message("error.aborted"))
            result = ExitStatus.REFUSED
        except Exception as error:
            result = _usage(error)
        code = result if isinstance(result, int) else ExitStatus.SUCCESS
        if not standalone:
            return code
        sys.exit(code)


def _usage(error: Exception) -> int:
    """A usage error of the command line's library, said in one line; its exit code."""
    # Typer's bundled Click raises its own usage errors: they carry an exit code.
    if not hasattr(error, "exit_code") or not hasattr(error, "format_message"):
        raise error
    usage: Any = error
    if type(error).__name__ == "NoArgsIsHelpError":
        # No arguments: the whole help, as Click shows it, not squeezed onto one line.
        usage.show()
        return int(usage.exit_code)
    message = message_of(usage)
    ctx = getattr(usage, "ctx", None)
    if ctx is not None:
        message = Message("usage.line", {"message": message, "command": ctx.command_path})
    _say(message)
    return int(usage.exit_code)


app = typer.Typer(
    name="presence-postale",
    cls=Root,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"presence-postale {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", metavar="PATH_OR_URL")] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True),
    ] = False,
) -> None:
    env = environment.current()
    env.database = db  # no output may replace it (see `output.refuse_database`)
    ctx.obj = AppState(db_option=db, env=env)


def tune_garbage_collector() -> None:
    """A command lives for a moment, yet builds tens of thousands of objects as it imports its
    libraries and reads a national report: collecting cycles every 700 new objects (Python's
    default) would cost up to a third of its time, and frees almost nothing."""
    gc.set_threshold(100_000, 50, 100)
    bulk_lives_with_command()


def bulk_lives_with_command() -> None:
    """What a bulk read or write builds (a national file's hundreds of thousands of mappings)
    lives until the command ends or is freed by reference counting: the collector need never
    scan it again (`store.bulk.uncollected`). Only in a command's own process: one that runs
    many commands (the tests) keeps collecting everything."""
    from presence_postale.store import bulk

    bulk.FREEZE_AFTER = True


# Set, a defect of the tool shows its traceback (for a bug report) instead of one line.
DEBUG_VARIABLE = "PRESENCE_POSTALE_DEBUG"


def main() -> None:
    tune_garbage_collector()
    try:
        app()
    except Exception as error:  # a defect of the tool: every foreseen failure is said above
        if os.environ.get(DEBUG_VARIABLE):
            raise
        detail = " ".join(str(error).split())[:200]
        _say(Message("error.internal", {"kind": type(error).__name__, "detail": detail}))
        sys.exit(ExitStatus.INTERNAL)
    finally:
        # The process ends: Python's last collection, at exit, would scan every object left
        # (37 ms after a national import) to free what the system is about to take back.
        gc.freeze()
