"""The one object through which a command meets the world: streams, terminal, clock, language.

Commands read "today", the time, the terminal's width, whether the output is a terminal and
the language from here, never from `sys`, `os` or `date.today()` directly. Each field left
out is the running process's own, looked up when it is used (so that a test runner's streams
are the ones seen); a test builds `Environment(today=date(2021, 4, 27), columns=80,
lang="en")` and hands it to the command (`CliRunner().invoke(app, args, obj=env)`): no module
is patched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from typing import TextIO

LANG_ENV_VAR = "PRESENCE_POSTALE_LANG"
DETECT = -1  # `columns`: from $COLUMNS, else the terminal's width, else no width


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False


@dataclass
class Environment:
    """What a command may know of where it runs (None: the process's own)."""

    stdin: TextIO | None = None
    stdout: TextIO | None = None
    stderr: TextIO | None = None
    environ: Mapping[str, str] | None = None
    stdout_isatty: bool | None = None
    stderr_isatty: bool | None = None
    # The width tables fold at; None: not folded.
    columns: int | None = DETECT
    today: date | None = None
    # The wall-clock time of the command (local, to the minute): booking rules compare with it.
    clock: datetime | None = None
    # `--lang` sets it; else PRESENCE_POSTALE_LANG, else French.
    lang: str | None = None
    # `--db` as given (None: the database PRESENCE_POSTALE_DB names, else the default file).
    database: str | None = None

    def __post_init__(self) -> None:
        if self.today is None:
            self.today = self.clock.date() if self.clock is not None else date.today()

    @property
    def out(self) -> TextIO:
        return self.stdout or sys.stdout

    @property
    def err(self) -> TextIO:
        return self.stderr or sys.stderr

    @property
    def variables(self) -> Mapping[str, str]:
        return self.environ if self.environ is not None else os.environ

    @property
    def out_is_terminal(self) -> bool:
        return self.stdout_isatty if self.stdout_isatty is not None else _isatty(self.out)

    @property
    def err_is_terminal(self) -> bool:
        return self.stderr_isatty if self.stderr_isatty is not None else _isatty(self.err)

    @property
    def width(self) -> int | None:
        """The width tables fold at: given, else $COLUMNS, else the terminal's; None when the
        output is piped and no COLUMNS is set (nothing is folded then)."""
        if self.columns != DETECT:
            return self.columns
        text = self.variables.get("COLUMNS", "")
        if text.isdecimal() and int(text) > 0:
            return int(text)
        if self.out_is_terminal:
            try:
                return os.get_terminal_size(self.out.fileno()).columns
            except (OSError, ValueError, AttributeError):
                return None
        return None

    @property
    def language(self) -> str:
        """The language of what people read: `--lang`, else PRESENCE_POSTALE_LANG, else
        French; a value that names no language of the tool is a usage error."""
        from presence_postale.formats.words import DEFAULT_LANG, check_lang

        return check_lang(self.lang or self.variables.get(LANG_ENV_VAR) or DEFAULT_LANG)

    @property
    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
        return self.out_is_terminal and not self.variables.get("NO_COLOR")

    def now(self) -> datetime:
        """The local wall-clock time, to the minute (what booking rules compare with)."""
        if self.clock is not None:
            return self.clock
        now = datetime.now().replace(second=0, microsecond=0)
        assert self.today is not None
        return datetime.combine(self.today, now.time())


_CURRENT: ContextVar[Environment | None] = ContextVar("presence_postale_environment", default=None)


def current() -> Environment:
    """The running command's environment (the process's own outside a command)."""
    env = _CURRENT.get()
    if env is None:
        env = Environment()
        _CURRENT.set(env)
    return env


def use(env: Environment) -> None:
    """Make `env` the running command's environment (the root command does, at its start)."""
    _CURRENT.set(env)
