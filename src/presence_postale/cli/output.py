"""Where a command's output goes, and in which form: the one function that writes it."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.cli import environment
from presence_postale.cli.environment import Environment
from presence_postale.errors import InvalidData, Message, UsageError, os_reason

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
        check_destination(output, env)
        return cls(str(fmt), output, env.language, excel, env)

    def refuse_over(self, source: Path) -> None:
        """Refuse, before any work, an output that is a file the command reads or makes
        (`import laposte list.csv --output list.csv`, `db copy --to new.db --output new.db`):
        its summary would replace the file imported, or the copy just made."""
        if self.path is None or str(self.path) == "-":
            return
        target = Path(os.path.realpath(self.path.expanduser()))
        if _same_file(target, source) or target == Path(os.path.realpath(source)):
            raise InvalidData("output.is_input", path=str(self.path), source=str(source))

    @property
    def width(self) -> int | None:
        """The width a table folds at: the terminal's, for a table on standard output."""
        return self.env.width if self.path is None and self.format == "table" else None

    def emit(self, data: Listing | Record, *, private: bool = False) -> None:
        """`data` in the output's format (`private`: see `write_text`)."""
        from presence_postale.formats.render import render

        text = render(data, self.format, lang=self.lang, width=self.width, excel=self.excel)
        self.write(text, private=private)

    def render(
        self, report: Callable[..., str | bytes], data: Any, *args: Any, private: bool = False
    ) -> None:
        """A report's text (`report(data, *args, format, lang, width)`), written."""
        self.write(report(data, *args, self.format, self.lang, self.width), private=private)

    def write(self, text: str | bytes, *, private: bool = False) -> None:
        check_binary(self.format, self.path, self.env)
        write_text(text, self.path, self.env, private=private)


def say(message: Message, env: Environment | None = None) -> None:
    """A line for people on standard error (what a command did), in the command's language:
    one line whatever its values hold (a path with a line break in it)."""
    from presence_postale.formats.words import say as words_say

    env = env or environment.current()
    line = one_line(words_say(message, env.language))
    put(env.err, line + "\n", terminal=env.err_is_terminal)


def one_line(text: str) -> str:
    """`text` on one line: its line breaks and runs of spaces or tabs as one space, and any
    other control character a user typed (a terminal escape) shown escaped, never sent as
    such. The spaces that hold a number together (`17 195`, U+202F) stay as they are."""
    from presence_postale.domain.fields import visible

    joined = " ".join(part.strip(" \t") for part in text.splitlines())
    return visible(_BLANKS.sub(" ", joined).strip(" "))


_BLANKS = re.compile(r"[ \t]+")


def check_binary(fmt: str, output: Path | None, env: Environment) -> None:
    """A spreadsheet is bytes: to a file (`--output`) or a pipe, never to a terminal."""
    if fmt in BINARY_FORMATS and output is None and env.out_is_terminal:
        raise UsageError("output.binary_to_terminal", fmt=fmt)


def check_destination(output: Path | None, env: Environment | None = None) -> None:
    """Refuse at once, before any work, a file that cannot be written: a directory, one in a
    directory that does not exist, the database (`write_text` says the same of any other
    problem)."""
    if output is None or str(output) == "-":
        return
    target = Path(os.path.realpath(output.expanduser()))
    refuse_database(target, output, env or environment.current())
    if target.is_dir():
        raise InvalidData("output.is_directory", path=str(output))
    if not target.exists() and not target.parent.is_dir():
        raise InvalidData("output.no_directory", path=str(output), directory=str(target.parent))


def write_text(
    text: str | bytes,
    output: Path | None,
    env: Environment | None = None,
    *,
    private: bool = False,
) -> None:
    """Standard output (no `--output`, or `-`), or the file `output`; bytes (a spreadsheet,
    or text already in UTF-8) as they are.

    A regular file, or a new one, is replaced whole, never left half-written: a finished
    twin is renamed over it. A symbolic link is followed, and the file it points to is
    replaced the same way in its own directory: the link stays a link. A character device,
    a FIFO or a socket (`/dev/null`, a named pipe) is written directly: renaming over it
    would replace a system's /dev/null with a plain file. A file that can hold personal data
    (`private`) is made readable by its owner only, whatever the umask; any other keeps the
    permissions of the file it replaces, or gets those the umask gives. Every error names
    `output`, never the twin.
    """
    env = env or environment.current()
    if output is None or str(output) == "-":
        _to_stdout(text, env)
        return
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target = Path(os.path.realpath(output.expanduser()))
    refuse_database(target, output, env)
    try:
        kind = stat.S_IFMT(os.stat(target).st_mode)
    except FileNotFoundError:
        kind = stat.S_IFREG
    except OSError as error:
        raise InvalidData(
            "output.cannot_write", path=str(output), reason=os_reason(error)
        ) from None
    if kind == stat.S_IFDIR:
        raise InvalidData("output.is_directory", path=str(output))
    try:
        if kind != stat.S_IFREG:
            with _open_special(target, output, fifo=kind == stat.S_IFIFO) as handle:
                handle.write(data)
            return
        if not target.parent.is_dir():
            raise InvalidData("output.no_directory", path=str(output), directory=str(target.parent))
        refuse_read_only(target, output)
        replace_file(target, data, private=private)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise InvalidData("file.disk_full", path=str(output)) from None
        raise InvalidData(
            "output.cannot_write", path=str(output), reason=os_reason(error)
        ) from None


# How long a FIFO may take to get its reader (one started beside the command, `reader < p &`).
FIFO_READER_SECONDS = 5.0


def _open_special(target: Path, output: Path, *, fifo: bool) -> Any:
    """A device, a FIFO or a socket opened to be written. A FIFO that no process reads within
    `FIFO_READER_SECONDS` is refused: opening it would wait until one does, for ever under
    cron."""
    deadline = time.monotonic() + FIFO_READER_SECONDS
    while True:
        try:
            fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as error:
            if error.errno != errno.ENXIO or not fifo:
                raise
            if time.monotonic() >= deadline:
                raise InvalidData("output.no_reader", path=str(output)) from None
            time.sleep(0.05)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "wb")


def _to_stdout(text: str | bytes, env: Environment) -> None:
    """`text` on standard output; bytes to its binary buffer (a spreadsheet never comes here
    for a terminal: `check_binary`), or, on a stream of text alone, as the UTF-8 text they
    hold (a spreadsheet's bytes are none). A closed standard output (`>&-`) is said so."""
    if env.out is None:  # Python gives no stream for a descriptor closed at start
        raise InvalidData("output.stdout_closed")
    if isinstance(text, bytes):
        stream = getattr(env.out, "buffer", None)
        if stream is not None:
            env.out.flush()
            stream.write(text)
            stream.flush()
            return
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("output.binary_to_terminal", fmt=BINARY_FORMATS[0]) from None
    put(env.out, text, terminal=env.out_is_terminal)


def put(out: Any, text: str, *, terminal: bool) -> None:
    """`text` on a stream of the process (standard output or error). One set to an encoding
    that lacks the tool's characters (PYTHONIOENCODING, an old locale) gets UTF-8 all the same
    down a pipe or into a file, as every file the tool writes (a character the encoding lacks
    would stop the command, or be lost); on a terminal, where a person reads it, the
    terminal's encoding, a character it lacks shown as « ? »."""
    stream = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None) or "utf-8"
    if stream is None or codecs.lookup(encoding).name == "utf-8":
        out.write(text)
        out.flush()
        return
    out.flush()
    stream.write(text.encode(encoding, "replace") if terminal else text.encode("utf-8"))
    stream.flush()


def replace_file(target: Path, data: bytes, *, private: bool = False) -> None:
    """Replace the regular file `target` whole: the bytes go to a temporary file beside it,
    reach the disk, and the file is renamed over the target, so a reader (a web server) sees
    the old file or the new one, never half of one. It keeps the owner and group of the file
    it replaces as far as the system allows, as the shell's `>` keeps them. A `private` file
    is readable by its owner only; any other keeps the permissions of the file it replaces
    (a report shared with a group stays readable by it), or gets those the umask gives."""
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        if before is not None:
            _keep_owner(fd, before)
        if private:
            os.fchmod(fd, 0o600)
        elif before is None:
            os.fchmod(fd, 0o666 & ~_umask())
        else:
            os.fchmod(fd, stat.S_IMODE(before.st_mode) & 0o777)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner(fd: int, before: os.stat_result) -> None:
    """Give the new file the replaced file's owner and group, as far as the system lets this
    process: the owner only to root (another user's file, written by root, stays theirs), a
    group the user belongs to; otherwise the new file keeps those the system gave it."""
    for owner in (before.st_uid, -1):
        try:
            os.fchown(fd, owner, before.st_gid)
            return
        except PermissionError:
            continue


def refuse_database(target: Path, output: Path, env: Environment) -> None:
    """Refuse to write `target` (`output`, its links followed) when it is the database the
    command uses, or a file SQLite keeps beside it (its log, its shared memory, its journal),
    under any name: an export given the database's own name would replace it whole, and one
    given its log's would lose what was not yet folded into it."""
    from presence_postale.store.db import database_file

    database = database_file(env.database)
    if database is None:
        return
    real = Path(os.path.realpath(database))
    for suffix in ("", "-wal", "-shm", "-journal"):
        one = real.with_name(real.name + suffix)
        if target == one or _same_file(target, one):
            key = "output.beside_database" if suffix else "output.is_database"
            raise InvalidData(key, path=str(output), database=str(database))


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # either is missing or cannot be looked at: not the same existing file
        return False


def refuse_read_only(target: Path, output: Path) -> None:
    """Refuse to replace a file this user may not write (made read-only to keep it), as the
    shell's `>` would: renaming a new file over it needs only the directory's permission."""
    if target.exists() and not os.access(target, os.W_OK):
        raise InvalidData(
            "output.cannot_write", path=str(output), reason=Message("os.permission_denied")
        )


def replace_if_changed(target: Path, data: bytes) -> bool:
    """`replace_file` unless `target` already holds exactly `data` (its bytes and its
    modification time then stay as they are); True when it was written. Never a file this
    user may not write; the caller has refused the database's files (`refuse_database`)."""
    try:
        # Only a regular file is read: a FIFO of that name would wait for a writer.
        if stat.S_ISREG(os.stat(target).st_mode) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    refuse_read_only(target, target)
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


WARNINGS_SHOWN = 20


def warn(found: list[Message], env: Environment | None = None) -> None:
    """Warnings for the person at the terminal, on stderr: the first `WARNINGS_SHOWN`, then
    how many more."""
    for message in found[:WARNINGS_SHOWN]:
        say(Message("notice.warning", {"message": message}), env)
    if len(found) > WARNINGS_SHOWN:
        say(Message("change.more", {"count": len(found) - WARNINGS_SHOWN}), env)
