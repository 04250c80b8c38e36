"""A PostgreSQL server the tool cannot use, said in one French line: a host name that gives no
address, a port out of range, SSL the server lacks, something else than PostgreSQL answering,
nothing answering at all (libpq's own sentences are English)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from typer.testing import Result

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("host", "shown"),
    [("no-such-host.invalid", "no-such-host.invalid"), ("256.1.1.1", "256.1.1.1")],
)
def test_a_server_name_that_gives_no_address_is_one_french_line(
    cli: Cli, host: str, shown: str
) -> None:
    done = cli("--db", f"postgresql+psycopg://postgres@{host}:5432/presence", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : impossible de trouver le serveur PostgreSQL « {shown} » : ce nom d'hôte ne "
        "donne aucune adresse (faute de frappe, ou réseau absent ?)"
    ]


@pytest.mark.parametrize("port", ["0", "65536", "99999", "-1"])
def test_a_port_out_of_range_is_refused_before_any_connection(cli: Cli, port: str) -> None:
    done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    assert done.exit_code == 1
    [line] = done.stderr.splitlines()
    assert line.endswith("(un port est un nombre de 1 à 65535)")


def test_ssl_asked_of_a_server_without_it_is_said_in_french(cli: Cli, postgres: str) -> None:
    server = postgres.rsplit("/", 1)[0]
    host = server.rsplit("@", 1)[1]
    done = cli("--db", f"{server}/postgres?sslmode=require", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : le serveur PostgreSQL {host} n'accepte pas SSL, que l'URL demande (sslmode) "
        ": l'activer sur le serveur, ou changer sslmode"
    ]


@contextmanager
def _listener(answer: bytes | Callable[[socket.socket], None] | None) -> Iterator[int]:
    """A port where something else than PostgreSQL listens: it answers `answer` to whatever
    it is sent, then closes; or (None) accepts and never answers; or lets a function speak."""
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
        server.close()
        for connection in held:
            connection.close()


def test_a_port_where_something_else_answers_is_named(cli: Cli) -> None:
    with _listener(b"HTTP/1.0 400 Bad Request\r\n\r\n") as port:
        done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : ce qui répond à 127.0.0.1:{port} n'est pas un serveur PostgreSQL : vérifier "
        "l'hôte et le port de l'URL"
    ]


@pytest.mark.slow  # the connection's whole timeout, ten seconds
def test_a_port_where_nothing_answers_is_left_after_the_timeout(cli: Cli) -> None:
    with _listener(None) as port:
        done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        "erreur : le serveur PostgreSQL n'a pas répondu en 10 s : est-ce bien un serveur "
        "PostgreSQL, à cette adresse, et le réseau passe-t-il ?"
    ]


def _starting_up(connection: socket.socket) -> None:
    """What a PostgreSQL server says while it starts: no SSL, then, to the start-up message,
    FATAL 57P03 (the protocol's ErrorResponse)."""
    connection.recv(8)  # the SSL request
    connection.sendall(b"N")
    connection.recv(1024)  # the start-up message
    fields = b"".join(
        code + text + b"\0"
        for code, text in (
            (b"S", b"FATAL"),
            (b"V", b"FATAL"),
            (b"C", b"57P03"),
            (b"M", b"the database system is starting up"),
        )
    )
    body = fields + b"\0"
    connection.sendall(b"E" + (len(body) + 4).to_bytes(4, "big") + body)


def test_a_server_that_is_starting_says_to_try_again(cli: Cli) -> None:
    with _listener(_starting_up) as port:
        done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    assert done.exit_code == 75
    assert done.stderr.splitlines() == [
        f"erreur : le serveur PostgreSQL 127.0.0.1:{port} démarre ou s'arrête et n'accepte pas "
        "encore de connexion : rien n'est enregistré ; réessayer dans un instant"
    ]


def _hanging_up(connection: socket.socket) -> None:
    """A server that goes away as the connection starts (killed, restarted, a proxy)."""
    connection.recv(8)
    connection.sendall(b"N")
    connection.recv(1024)


def test_a_connection_the_server_drops_says_to_try_again(cli: Cli) -> None:
    with _listener(_hanging_up) as port:
        done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    assert done.exit_code == 75
    assert done.stderr.splitlines() == [
        "erreur : la connexion au serveur PostgreSQL a été perdue : rien n'est enregistré ; "
        "réessayer"
    ]
