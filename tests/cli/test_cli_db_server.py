"""A PostgreSQL server the tool cannot use, said in one French line: a host name that gives no
address, a port out of range, SSL the server lacks, something else than PostgreSQL answering,
nothing answering at all (libpq's own sentences are English)."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from typer.testing import Result

from listeners import listener

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


def _listing(
    cli: Cli, answer: Callable[[socket.socket], None] | bytes | None
) -> tuple[Result, int]:
    """`sites list` against what listens on a port of 127.0.0.1, and the port."""
    with listener(answer) as port:
        done = cli("--db", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", "sites", "list")
    return done, port


def test_a_port_where_something_else_answers_is_named(cli: Cli) -> None:
    done, port = _listing(cli, b"HTTP/1.0 400 Bad Request\r\n\r\n")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : ce qui répond à 127.0.0.1:{port} n'est pas un serveur PostgreSQL : "
        "vérifier l'hôte et le port de l'URL"
    ]


@pytest.mark.slow  # the connection's whole timeout, ten seconds
def test_a_port_where_nothing_answers_is_left_after_the_timeout(cli: Cli) -> None:
    done, _ = _listing(cli, None)
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


def _hanging_up(connection: socket.socket) -> None:
    """A server that goes away as the connection starts (killed, restarted, a proxy)."""
    connection.recv(8)
    connection.sendall(b"N")
    connection.recv(1024)


def _hanging_up(connection: socket.socket) -> None:
    """A server that goes away as the connection starts (killed, restarted, a proxy)."""
    connection.recv(8)
    connection.sendall(b"N")
    connection.recv(1024)


TRY_AGAIN = [
    (
        _starting_up,
        "erreur : le serveur PostgreSQL 127.0.0.1:{port} démarre ou s'arrête et n'accepte pas "
        "encore de connexion : rien n'est enregistré ; réessayer dans un instant",
    ),
    (
        _hanging_up,
        "erreur : la connexion au serveur PostgreSQL a été perdue : rien n'est enregistré ; "
        "réessayer",
    ),
]


@pytest.mark.parametrize(("server", "said"), TRY_AGAIN, ids=["starting", "hanging up"])
def test_a_server_starting_or_dropping_the_connection_says_to_try_again(
    cli: Cli, server: Callable[[socket.socket], None], said: str
) -> None:
    done, port = _listing(cli, server)
    assert done.exit_code == 75
    assert done.stderr.splitlines() == [said.format(port=port)]
