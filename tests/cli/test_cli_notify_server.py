"""`notify` against mail servers that misbehave: one that is not an SMTP server, one that
never answers, one that hangs up half-way, one without the STARTTLS it is asked for. Each is
one French line naming the server and what happened (smtplib's sentences are English), and
nothing is recorded as sent: the next run against a working server sends everything."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from typer.testing import Result

from backends import Database, dump_database
from listeners import listener
from smtp_box import Box

Cli = Callable[..., Result]


def _speaking(hang_up_at: str | None, extensions: tuple[str, ...] = ()) -> Callable[..., None]:
    """An SMTP server that hangs up when it is sent the command `hang_up_at`."""

    def speak(connection: socket.socket) -> None:
        reader = connection.makefile("rb")
        connection.sendall(b"220 courrier.example ESMTP\r\n")
        for raw in reader:
            command = raw.decode("ascii", "replace").strip().upper()
            if hang_up_at is not None and command.startswith(hang_up_at):
                return
            if command.startswith("EHLO"):
                lines = ["courrier.example", *extensions]
                reply = "".join(f"250-{x}\r\n" for x in lines[:-1]) + f"250 {lines[-1]}\r\n"
                connection.sendall(reply.encode())
            elif command.startswith("DATA"):
                connection.sendall(b"354 go on\r\n")
                for line in reader:
                    if line.strip() == b".":
                        break
                connection.sendall(b"250 queued\r\n")
            elif command.startswith("QUIT"):
                connection.sendall(b"221 bye\r\n")
                return
            else:
                connection.sendall(b"250 OK\r\n")

    return speak


def _addresses(cli: Cli) -> None:
    done = cli("agents", "update", "vigny-conseillere-1", "--email", "un@vigny.example")
    assert done.exit_code == 0, done.stderr


UNUSABLE = "serveur d'envoi 127.0.0.1:{port} inutilisable : {why} ; rien n'a été envoyé"
LOST = (
    "connexion au serveur d'envoi 127.0.0.1:{port} perdue : le serveur a fermé la connexion ; "
    "les messages non envoyés partiront au prochain passage"
)
NOT_SMTP = "ce qui répond n'est pas un serveur SMTP (vérifier l'hôte et le port)"
CASES = [
    ("garbage", lambda c: c.sendall(b"HELLO THERE\r\n"), UNUSABLE, NOT_SMTP),
    ("silent", None, UNUSABLE, "le serveur n'a pas répondu en 1 s"),
    ("hangs up at MAIL", _speaking("MAIL"), LOST, ""),
    ("hangs up at DATA", _speaking("DATA"), LOST, ""),
]


@pytest.mark.parametrize(("name", "answer", "said", "why"), CASES, ids=[c[0] for c in CASES])
def test_a_server_that_misbehaves_is_one_line_and_nothing_is_marked(
    cli: Cli,
    seeded_db: Database,
    mail_server: Box,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    answer: Callable[..., None] | None,
    said: str,
    why: str,
) -> None:
    _addresses(cli)
    before = dump_database(seeded_db)
    with listener(answer) as port:
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(port))
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_TIMEOUT", "1")
        done = cli("notify", "--day", "2021-04-27")
    assert done.exit_code == 1
    assert done.stderr.splitlines()[-1] == "erreur : " + said.format(port=port, why=why)
    assert dump_database(seeded_db) == before
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(mail_server.port))
    assert cli("notify", "--day", "2021-04-27").exit_code == 0
    assert len(mail_server.accepted) == 1


def test_starttls_asked_of_a_server_without_it(
    cli: Cli, seeded_db: Database, monkeypatch: pytest.MonkeyPatch, mail_server: Box
) -> None:
    _addresses(cli)
    with listener(_speaking(None)) as port:
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(port))
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_SECURITY", "starttls")
        done = cli("notify", "--day", "2021-04-27")
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : serveur d'envoi 127.0.0.1:{port} inutilisable : le serveur ne propose pas "
        "STARTTLS ; régler PRESENCE_POSTALE_SMTP_SECURITY (ssl, ou none sur un réseau de "
        "confiance) ; rien n'a été envoyé"
    ]
