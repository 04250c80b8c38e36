"""The errors a user sees, and the exit codes the program returns.

Every layer raises these; the CLI edge turns each into one line on stderr and its exit code.
An error carries a catalogue key and typed parameters (`InvalidData("site.not_found",
site="00518A")`), never a finished sentence: the words live in `formats.words`, one catalogue
per language, and are chosen at the edge (French by default, `--lang en` switches).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class ExitStatus(IntEnum):
    """Every code the program returns (documented once, in the README)."""

    SUCCESS = 0
    # Refused: not found, conflict, invalid data (one line on stderr says what, where, why).
    REFUSED = 1
    # Usage: an unknown option, a malformed option value.
    USAGE = 2
    # Busy: another program held the database's write lock past the wait: try again later
    # (EX_TEMPFAIL of sysexits.h), distinct from a refusal.
    BUSY = 75
    # A defect of the tool (EX_SOFTWARE of sysexits.h): one line says so, never a traceback
    # (PRESENCE_POSTALE_DEBUG=1 shows it, for a bug report).
    INTERNAL = 70
    # Interrupted by Ctrl-C; the unfinished command changed nothing.
    INTERRUPTED = 130


@dataclass(frozen=True)
class Message:
    """A sentence to be: its catalogue key and the values it names. A parameter may itself
    be a Message (a reason inside a sentence), a date, a number, a list or a `Label`."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        from presence_postale.formats.words import say

        return say(self)


@dataclass(frozen=True)
class Label:
    """A code of a vocabulary, shown to people as its label (`Label("agent_role",
    "chargee_de_clientele")` reads « chargée de clientèle »)."""

    vocabulary: str
    code: str


class PresencePostaleError(Exception):
    """Base of every error meant for the user."""

    exit_code: int = ExitStatus.REFUSED

    def __init__(self, key: str | Message, /, **params: Any) -> None:
        if isinstance(key, Message):
            params = {**key.params, **params}
            key = key.key
        super().__init__(key)
        self.key = key
        self.params = params

    @property
    def message(self) -> Message:
        return Message(self.key, self.params)

    def __str__(self) -> str:
        # French, as the user reads it by default; the edge renders in the chosen language.
        return str(self.message)


class NotFound(PresencePostaleError):
    """A record named by the user does not exist (or a name matches several)."""


class Conflict(PresencePostaleError):
    """The change would break a rule against existing records."""


class InvalidData(PresencePostaleError):
    """A value, a file or a record is malformed or out of range."""


class Ambiguous(NotFound):
    """A name matches several records; the message lists the candidates."""


class UsageError(PresencePostaleError):
    """An option's value is malformed (exit 2): raised by option parsers."""

    exit_code = ExitStatus.USAGE


class Busy(PresencePostaleError):
    """The database stayed locked by another writer for longer than the wait."""

    exit_code = ExitStatus.BUSY


class BadValue(ValueError):
    """A value a reader cannot read (a cell, a field of a records file): why, in words of the
    catalogue (`message`); the reader turns it into its refusal, naming the line and field."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.message = Message(key, params)


# The system's errors a person meets with files, disks and networks, said in the catalogue's
# words; the system's own sentence is English whatever the language.
_OS_ERRORS = {
    errno.ENOENT: "os.no_such_file",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.not_permitted",
    errno.EROFS: "os.read_only_filesystem",
    errno.ENOSPC: "os.disk_full",
    errno.EDQUOT: "os.quota_exceeded",
    errno.EFBIG: "os.file_too_large",
    errno.EISDIR: "os.is_directory",
    errno.ENOTDIR: "os.not_directory",
    errno.EEXIST: "os.exists",
    errno.ENOTEMPTY: "os.not_empty",
    errno.ELOOP: "os.link_loop",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.input_output",
    errno.EMFILE: "os.too_many_open",
    errno.ENFILE: "os.too_many_open_system",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.file_busy",
    errno.ENXIO: "os.no_device_address",
    errno.ENODEV: "os.no_device",
    errno.EINVAL: "os.invalid_argument",
    errno.ESTALE: "os.stale",
    errno.EAGAIN: "os.unavailable",
    errno.ECONNREFUSED: "os.connection_refused",
    errno.ECONNRESET: "os.connection_reset",
    errno.ETIMEDOUT: "os.timed_out",
    errno.EHOSTUNREACH: "os.host_unreachable",
    errno.ENETUNREACH: "os.network_unreachable",
}


def os_reason(error: OSError) -> Message | str:
    """Why the system refused, in the command's language when the catalogue has its words,
    else the system's sentence. Only the system's own errors: a library's (TLS's) numbers
    its own."""
    system = type(error).__module__ == "builtins"
    key = _OS_ERRORS.get(error.errno) if system and error.errno is not None else None
    if key is not None:
        return Message(key)
    return error.strerror or str(error) or type(error).__name__
