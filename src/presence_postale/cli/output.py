"""Options every listing shares, and the one function that writes what a command produced."""

from __future__ import annotations

import os
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
        help="table, json, csv, markdown or html.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of standard output."),
]
LangOption = Annotated[
    str, typer.Option("--lang", help="Language of headings and dates: fr or en.")
]

LISTING_FORMATS = ("table", "json", "csv", "markdown", "html")


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
) -> None:
    from presence_postale.formats.render import render

    check_choice(fmt, formats, "--format")
    check_choice(lang, ("fr", "en"), "--lang")
    width = None
    if output is None and fmt == "table" and sys.stdout.isatty():
        width = os.get_terminal_size().columns
    write_text(render(data, fmt, lang=lang, width=width), output)


def say(message: Message) -> None:
    """A line for people on standard error (what a command did), in the command's language."""
    from presence_postale.cli.environment import current
    from presence_postale.formats.words import say as words_say

    typer.echo(words_say(message, current().lang or "fr"), err=True)


def write_text(text: str, output: Path | None) -> None:
    """Standard output, or a file replaced whole (never left half-written)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.expanduser()
    if target.is_dir():
        raise InvalidData(f"cannot write output '{output}': it is a directory")
    if not target.parent.is_dir():
        raise InvalidData(
            f"cannot write output '{output}': directory '{target.parent}' does not exist"
        )
    try:
        replace_file(target, text.encode("utf-8"))
    except OSError as error:
        raise InvalidData(f"cannot write output '{output}': {error.strerror}") from None


def replace_file(target: Path, data: bytes) -> None:
    """Replace `target` whole: the bytes go to a temporary file beside it, reach the disk, and
    the file is renamed over the target, so a reader (a web server) sees the old file or the
    new one, never half of one."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
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
