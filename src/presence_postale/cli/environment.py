"""The one object through which a command meets the world: streams, terminal, clock, language.

Commands read "today", the terminal's width, whether the output is a terminal and the language
from here, never from `sys`, `os` or `date.today()` directly. The process's own environment is
the default; a test builds `Environment(today=date(2021, 4, 27), columns=80, lang="en")` and
hands it to the command (`CliRunner().invoke(app, args, obj=env)`): no module is patched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TextIO

LANG_ENV_VAR = "PRESENCE_POSTALE_LANG"


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False


@dataclass
class Environment:
    """What a command may know of where it runs. Every field defaults to the real process's
    value at the moment the object is made (inside the command, so a test runner's streams)."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    stdin_isatty: bool | None = None
    stdout_isatty: bool | None = None
    stderr_isatty: bool | None = None
    # The width tables fold at: the terminal's, or $COLUMNS; None when the output is piped and
    # no COLUMNS is set (nothing is folded then).
    columns: int | None = -1
    today: date = field(default_factory=date.today)
    # None: from PRESENCE_POSTALE_LANG, else French. `--lang` on a command sets it.
    lang: str | None = None

    def __post_init__(self) -> None:
        if self.stdin_isatty is None:
            self.stdin_isatty = _isatty(self.stdin)
        if self.stdout_isatty is None:
            self.stdout_isatty = _isatty(self.stdout)
        if self.stderr_isatty is None:
            self.stderr_isatty = _isatty(self.stderr)
        if self.columns == -1:
            self.columns = self._columns()
        if self.lang is None:
            self.lang = self.environ.get(LANG_ENV_VAR) or "fr"

    def _columns(self) -> int | None:
        text = self.environ.get("COLUMNS", "")
        if text.isdecimal() and int(text) > 0:
            return int(text)
        if self.stdout_isatty:
            try:
                return os.get_terminal_size(self.stdout.fileno()).columns
            except (OSError, ValueError, AttributeError):
                return None
        return None

    @property
    def colour(self) -> bool:
        """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
        return bool(self.stdout_isatty) and not self.environ.get("NO_COLOR")

    def now(self) -> datetime:
        """The current instant, in UTC (what records of *when something was done* hold)."""
        return datetime.now(UTC)


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
