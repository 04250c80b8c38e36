"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, for the tests of
`notify`: no mock of smtplib, the messages go through a socket and are parsed back.

`mail_server` starts one and points the tool at it (the PRESENCE_POSTALE_SMTP_* variables);
the test reads `box.accepted`. A test may give `box.on_mail` a hook, called when a client
starts a message (MAIL FROM) with the number of messages accepted so far, and `box.on_data`
one called when a message's content arrives, before it is accepted.
"""

from __future__ import annotations

import email
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Accepted:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def body(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content()).replace("\r\n", "\n")

    def attachment(self) -> tuple[str, bytes]:
        (part,) = list(self.message.iter_attachments())
        assert part.get_content_type() == "text/calendar"
        return str(part.get_filename()), bytes(part.get_payload(decode=True))


@dataclass
class Box:
    host: str
    port: int
    accepted: list[Accepted] = field(default_factory=list)
    on_mail: Callable[[int], str | None] | None = None
    on_data: Callable[[int], str | None] | None = None
    refuse: set[str] = field(default_factory=set)  # recipients refused with 550

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.on_mail is not None:
            reply = self.on_mail(len(self.accepted))
            if reply is not None:
                return reply
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.on_data is not None:
            reply = self.on_data(len(self.accepted))
            if reply is not None:
                return reply
        message = email.message_from_bytes(envelope.original_content, policy=default)
        assert isinstance(message, EmailMessage)
        self.accepted.append(Accepted(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK: queued"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(box: Box, **settings: Any) -> Controller:
    controller = Controller(box, hostname=box.host, port=box.port, **settings)
    controller.start()
    return controller


def point_at(monkeypatch: pytest.MonkeyPatch, box: Box, security: str = "none") -> None:
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_HOST", box.host)
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(box.port))
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_SECURITY", security)
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_SENDER", "presence@laposte.example")


@pytest.fixture
def mail_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Box]:
    """A plain SMTP server on 127.0.0.1, and the tool pointed at it."""
    box = Box("127.0.0.1", free_port())
    controller = start(box)
    point_at(monkeypatch, box)
    try:
        yield box
    finally:
        controller.stop()


class Logins:
    """An authenticator that knows one user and its password."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user.encode(), password.encode()

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            self.user,
            self.password,
        )
        return AuthResult(success=ok, handled=False)
