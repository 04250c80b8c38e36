"""A large records file read by a child process while this one gets ready to load it.

Reading a national export takes as long as everything the command does before it needs the
records: importing the database layer and the checks (a quarter of a second), then opening
the database. On a machine with two cores or more both can be done at once: the command forks
a child, which reads the file and parses it (`seed.fast_document`), then sends the document
back through a pipe, pickled (a few hundredths of a second for a national file); the command
meanwhile imports what it needs, then takes the document.

The child only reads: it writes nothing, opens no database and takes no lock. Whatever goes
wrong in it (a file that cannot be read, one the fast readers leave to the exact reader, a
child killed) makes `document` say so, and the command reads the file itself as it would
have without a child, with the same refusals in the same words. No child is made where
forking is unsafe or pointless: on systems other than Linux, with one core to run on, when
threads run (a lock one of them holds would never be released in the child), for a file that
is not a regular one (a pipe is read once), or for a small file, read faster than a process
is made.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

# Below this size a file is read in the command itself: a fork costs about a millisecond.
SMALLEST = 256 * 1024
_CHUNK = 1 << 20
# What the child sends: a document, or word that the exact reader must read the file.
_DOCUMENT, _EXACT = b"D", b"E"


class Unread(Exception):
    """The child gave nothing: the command reads the file itself, fast readers first."""


class ReadAhead:
    """A child reading a records file; `document` waits for what it found."""

    def __init__(self, pid: int, fd: int) -> None:
        self._pid: int | None = pid
        self._fd = fd

    def busy(self) -> bool:
        """Whether the child is still reading (it sends everything once done)."""
        import select

        # poll, not select: select refuses a descriptor numbered 1024 or more (a process
        # started with many open files inherits them, and the pipe comes after them).
        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        return not poller.poll(0)

    def document(self) -> Any:
        """The document read fast (`seed.fast_document`), or None when only the exact reader
        may read the file. Raises `Unread` when the child gave nothing."""
        chunks = []
        with suppress(OSError):
            while chunk := os.read(self._fd, _CHUNK):
                chunks.append(chunk)
        healthy = self._reap()
        sent = b"".join(chunks)
        import pickle

        if not healthy or sent[:1] not in (_DOCUMENT, _EXACT):
            raise Unread
        return pickle.loads(sent[1:]) if sent[:1] == _DOCUMENT else None

    def _reap(self) -> bool:
        """Close the pipe and wait for the child; whether it ended well."""
        pid, self._pid = self._pid, None
        with suppress(OSError):
            os.close(self._fd)
        if pid is None:
            return False
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def abandon(self) -> None:
        """Stop the child if it still runs (the command ended before taking the document)."""
        if self._pid is not None:
            with suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()


def _worth_a_child(path: Path) -> bool:
    if not sys.platform.startswith("linux"):  # elsewhere a fork may be unsafe (macOS) or absent
        return False
    if len(os.sched_getaffinity(0)) < 2:  # one core: the child would only take turns with it
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    try:
        status = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_size >= SMALLEST


@contextmanager
def reading(
    path: Path, read: Callable[[Path], Any], *, force: bool = False
) -> Iterator[ReadAhead | None]:
    """A child reading `path` with `read` (a document, or None for the exact reader) for the
    duration of the block, or None when no child is worth making (`force`: any regular file,
    threads or not, for the tests). The child is stopped when the block ends without having
    taken its document."""
    if not (_worth_a_child(path) or (force and path.is_file())):
        yield None
        return
    import pickle  # noqa: F401 - imported here, never in the child

    try:
        reader, writer = os.pipe()
    except OSError:  # no descriptor left: the command reads the file itself
        yield None
        return
    try:
        pid = os.fork()
    except OSError:  # no process or memory left for a child: likewise
        os.close(reader)
        os.close(writer)
        yield None
        return
    if pid == 0:  # the child: read, send, end without running anything of the parent's
        os.close(reader)
        _child(path, read, writer)
    os.close(writer)
    ahead = ReadAhead(pid, reader)
    try:
        yield ahead
    finally:
        ahead.abandon()


def _child(path: Path, read: Callable[[Path], Any], fd: int) -> None:
    import pickle

    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly: the parent says
        document = read(path)
        sent = _EXACT if document is None else _DOCUMENT + pickle.dumps(document, protocol=5)
        view = memoryview(sent)
        while view:
            view = view[os.write(fd, view) :]
        status = 0
    except BaseException:  # the parent reads the file again, and says what is wrong
        status = 1
    finally:
        os._exit(status)
