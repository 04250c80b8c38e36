"""Options every listing shares, and the one function that writes what a command produced."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from presence_postale.errors import InvalidData, Message

if TYPE_CHECKING:
    from presence_postale.formats.render import Listing, Record

FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="table, json, csv, markdown, html or xlsx (a spreadsheet: with --output).",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output."),
]
LangOption = Annotated[
    str, typer.Option("--lang", help="Language of headings and dates: fr or en.")
]

LISTING_FORMATS = ("table", "json", "csv", "markdown", "html", "xlsx")


def check_choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(choices)}", param_hint=option)
    return value


def emit(
    data: Listing | Record,
    fmt: str,
    output: Path | None,
    lang: str = "fr",
    formats: tuple[str, ...] = LISTING_FORMATS,
    *,
    private: bool = False,
) -> None:
    from presence_postale.formats.render import render

    check_choice(fmt, formats, "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    check_binary(fmt, output)
    width = None
    if output is None and fmt == "table" and sys.stdout.isatty():
        width = os.get_terminal_size().columns
    write_text(render(data, fmt, lang=lang, width=width), output, private=private)


def check_binary(fmt: str, output: Path | None) -> None:
    """A spreadsheet is bytes: to a file (`--output`) or a pipe, never to a terminal."""
    from presence_postale.cli import environment
    from presence_postale.errors import UsageError

    if fmt == "xlsx" and output is None and environment.current().stdout_isatty:
        raise UsageError("output.binary_to_terminal", fmt=fmt)


def write_text(text: str | bytes, output: Path | None, *, private: bool = False) -> None:
    """Standard output (no `--output`, or `-`), or the file `output`; bytes (a spreadsheet)
    as they are.

    A regular file, or a new one, is replaced whole, never left half-written: a finished
    twin is renamed over it. A symbolic link is followed, and the file it points to is
    replaced the same way in its own directory: the link stays a link. A character device,
    a FIFO or a socket (`/dev/null`, a named pipe) is written directly: renaming over it
    would replace a system's /dev/null with a plain file. A file that can hold personal data
    (`private`) is made readable by its owner only, whatever the umask; any other gets the
    permissions the umask gives. Every error names `output`, never the twin.
    """
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            check_binary("xlsx", None)
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target = Path(os.path.realpath(output.expanduser()))
    try:
        kind = stat.S_IFMT(os.stat(target).st_mode)
    except FileNotFoundError:
        kind = stat.S_IFREG
    except OSError as error:
        raise InvalidData("output.cannot_write", path=str(output), reason=_reason(error)) from None
    if kind == stat.S_IFDIR:
        raise InvalidData("output.is_directory", path=str(output))
    try:
        if kind != stat.S_IFREG:
            with target.open("wb") as handle:
                handle.write(data)
            return
        if not target.parent.is_dir():
            raise InvalidData("output.no_directory", path=str(output), directory=str(target.parent))
        replace_file(target, data, private=private)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise InvalidData("file.disk_full", path=str(output)) from None
        raise InvalidData("output.cannot_write", path=str(output), reason=_reason(error)) from None


def replace_file(target: Path, data: bytes, *, private: bool = False) -> None:
    """Replace the regular file `target` whole: the bytes go to a temporary file beside it,
    reach the disk, and the file is renamed over the target, so a reader (a web server) sees
    the old file or the new one, never half of one. A `private` file is readable by its owner
    only; any other gets the permissions the umask gives."""
    mode = 0o600 if private else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_if_changed(target: Path, data: bytes) -> bool:
    """`replace_file` unless `target` already holds exactly `data` (its bytes and its
    modification time then stay as they are); True when it was written."""
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    replace_file(target, data)
    return True


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def tell(message: Message) -> None:
    """One line for the person at the terminal, on stderr, in the command's language."""
    from presence_postale.cli import environment
    from presence_postale.formats.words import say

    typer.echo(say(message, environment.current().lang or "fr"), err=True)


WARNINGS_SHOWN = 20


def warn(found: list[Message]) -> None:
    """Warnings for the person at the terminal, on stderr: the first `WARNINGS_SHOWN`, then
    how many more."""
    for message in found[:WARNINGS_SHOWN]:
        tell(Message("notice.warning", {"message": message}))
    if len(found) > WARNINGS_SHOWN:
        tell(Message("change.more", {"count": len(found) - WARNINGS_SHOWN}))
