"""Where a command's output goes, and in which form: the one function that writes it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.cli import environment
from presence_postale.cli.environment import Environment
from presence_postale.errors import InvalidData, Message, UsageError

if TYPE_CHECKING:
    from presence_postale.formats.render import Listing, Record

# Formats written as bytes (a spreadsheet), not text.
BINARY_FORMATS = ("xlsx",)


@dataclass(frozen=True)
class Output:
    """A command's output options: its format, its file (None: standard output), the
    language people read it in, and whether a CSV is for Excel."""

    format: str
    path: Path | None = None
    lang: str = "fr"
    excel: bool = False
    env: Environment = field(default_factory=environment.current, repr=False, compare=False)

    @classmethod
    def of(cls, fmt: Any, output: Path | None, excel: bool = False) -> Output:
        """The options as given (`--lang` has already set the command's language)."""
        env = environment.current()
        if excel and str(fmt) != "csv":
            raise UsageError("usage.excel_needs_csv")
        check_binary(str(fmt), output, env)
        return cls(str(fmt), output, env.language, excel, env)

    @property
    def width(self) -> int | None:
        """The width a table folds at: the terminal's, for a table on standard output."""
        return self.env.width if self.path is None and self.format == "table" else None

    def emit(self, data: Listing | Record) -> None:
        from presence_postale.formats.render import render

        self.write(render(data, self.format, lang=self.lang, width=self.width, excel=self.excel))

    def render(self, report: Callable[..., str | bytes], data: Any, *args: Any) -> None:
        """A report's text (`report(data, *args, format, lang, width)`), written."""
        self.write(report(data, *args, self.format, self.lang, self.width))

    def write(self, text: str | bytes) -> None:
        write_text(text, self.path, self.env)


def say(message: Message, env: Environment | None = None) -> None:
    """A line for people on standard error (what a command did), in the command's language."""
    from presence_postale.formats.words import say as words_say

    env = env or environment.current()
    env.err.write(words_say(message, env.language) + "\n")
    env.err.flush()


def check_binary(fmt: str, output: Path | None, env: Environment) -> None:
    """A spreadsheet is bytes: to a file (`--output`) or a pipe, never to a terminal."""
    if fmt in BINARY_FORMATS and output is None and env.out_is_terminal:
        raise UsageError("output.binary_to_terminal", fmt=fmt)


def write_text(text: str | bytes, output: Path | None, env: Environment | None = None) -> None:
    """Standard output, or a file replaced whole (never left half-written); bytes (a
    spreadsheet) as they are."""
    env = env or environment.current()
    if output is None:
        if isinstance(text, bytes):
            check_binary(BINARY_FORMATS[0], None, env)
            env.out.flush()
            stream = getattr(env.out, "buffer", None)
            if stream is None:
                raise UsageError("output.binary_to_terminal", fmt=BINARY_FORMATS[0])
            stream.write(text)
            stream.flush()
            return
        env.out.write(text)
        env.out.flush()
        return
    from presence_postale.formats.files import check_writable

    target = output.expanduser()
    check_writable(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise InvalidData(
            "file.cannot_write", path=str(output), reason=error.strerror or ""
        ) from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
