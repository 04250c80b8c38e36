"""A port where something listens that is not what the tool expects (not PostgreSQL, not an
SMTP server, or a server that misbehaves): the tests of how the tool says so."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress


@contextmanager
def listener(answer: bytes | Callable[[socket.socket], None] | None) -> Iterator[int]:
    """A port on 127.0.0.1 (yielded) where a test's server listens: it answers `answer` to
    whatever it is sent, then closes; or (None) accepts and never answers; or a function
    speaks with each connection."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            if answer is None:
                held.append(connection)
                continue
            with connection:
                if callable(answer):
                    answer(connection)
                    continue
                connection.recv(1024)
                connection.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        # Closing a socket does not wake a thread blocked in its accept() (Linux): shutting it
        # down does, and the thread ends before the test does (a thread left behind would be
        # found by another test of the same process that counts threads).
        with suppress(OSError):
            server.shutdown(socket.SHUT_RDWR)
        server.close()
        thread.join(timeout=10)
        for connection in held:
            connection.close()
