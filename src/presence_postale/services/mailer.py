"""Sending mail: the SMTP settings, and one connection that sends messages one at a time.

Settings come from the environment (`PRESENCE_POSTALE_SMTP_HOST` …), else from the `[smtp]`
table of the configuration file (`config.toml` in the application directory, or the file
`PRESENCE_POSTALE_CONFIG` names). The password is never an option and never shown: it comes
from `PRESENCE_POSTALE_SMTP_PASSWORD` or from the file, which must then be readable by its
owner only.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from types import TracebackType
from typing import Any

from presence_postale.domain.contact import is_email
from presence_postale.errors import InvalidData, Message, os_reason

PREFIX = "PRESENCE_POSTALE_SMTP_"
NAMES = ("host", "port", "security", "user", "password", "sender", "ca_file", "timeout")
SECURITY = {"starttls": 587, "ssl": 465, "none": 25}


@dataclass(frozen=True)
class Settings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: str | None = None  # a CA bundle to trust besides the system's
    timeout: float = 30.0

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _file_values(path: Path) -> dict[str, Any]:
    """The `[smtp]` table of the configuration file (empty when there is no file). A device
    or a named pipe is refused before it is read: it would never end, or wait for a writer."""
    try:
        if not stat.S_ISREG(mode := path.stat().st_mode) and not stat.S_ISDIR(mode):
            reason = Message("file.not_regular")
            raise InvalidData("smtp.bad_config", path=str(path), reason=reason)
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise InvalidData("smtp.bad_config", path=str(path), reason=os_reason(error)) from None
    try:
        table = tomllib.loads(raw.decode("utf-8")).get("smtp", {})
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        reason = Message("file.not_utf8", {"line": line, "byte": error.start})
        raise InvalidData("smtp.bad_config", path=str(path), reason=reason) from None
    except tomllib.TOMLDecodeError as error:
        raise InvalidData("smtp.bad_config", path=str(path), reason=_toml_problem(error)) from None
    if not isinstance(table, dict):
        reason = Message("smtp.not_a_table")
        raise InvalidData("smtp.bad_config", path=str(path), reason=reason)
    if "password" in table and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise InvalidData("smtp.config_exposed", path=str(path))
    return table


def _toml_problem(error: tomllib.TOMLDecodeError) -> Message:
    """Where the file is not TOML, in the catalogue's words (the parser's are English)."""
    found = re.search(r"at line (\d+), column (\d+)", str(error))
    if found is None:
        return Message("smtp.not_toml")
    return Message("smtp.not_toml_at", {"line": int(found[1]), "column": int(found[2])})


def settings(environ: Mapping[str, str], config: Path) -> Settings | None:
    """The SMTP settings, or None when no server is named."""
    table = _file_values(config)

    def value(name: str) -> str | None:
        found = environ.get(PREFIX + name.upper()) or table.get(name)
        return str(found).strip() if found not in (None, "") else None

    host = value("host")
    if host is None:
        return None
    security = (value("security") or "starttls").lower()
    if security not in SECURITY:
        raise InvalidData(
            "smtp.bad_setting", name="security", value=security, expected=list(SECURITY)
        )
    sender = value("sender")
    if not is_email(sender):
        raise InvalidData("smtp.bad_sender", value=sender or "")
    assert sender is not None
    return Settings(
        host=host,
        port=_number("port", value("port"), SECURITY[security], int),
        security=security,
        sender=sender,
        user=value("user"),
        password=environ.get(PREFIX + "PASSWORD") or table.get("password"),
        ca_file=value("ca_file"),
        timeout=_number("timeout", value("timeout"), 30.0, float),
    )


def _number(name: str, text: str | None, default: Any, kind: type) -> Any:
    if text is None:
        return default
    try:
        number = kind(text)
    except ValueError:
        number = None
    if number is None or not 0 < number <= (65535 if kind is int else 600):
        raise InvalidData("smtp.bad_setting", name=name, value=text, expected=[str(default)])
    return number


class Refused(Exception):
    """The server refused one message (its recipient, its sender, its content)."""


class Mailer:
    """One connection to the server, opened on entry: `with Mailer(settings) as mail:`.

    A server that cannot be reached, or refuses the login, is one `InvalidData` before any
    message goes; a message the server refuses raises `Refused` (the next may go); a lost
    connection raises `InvalidData`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def _context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.settings.ca_file:
            context.load_verify_locations(cafile=self.settings.ca_file)
        return context

    def __enter__(self) -> Mailer:
        s = self.settings
        try:
            if s.security == "ssl":
                self.smtp = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=s.timeout, context=self._context()
                )
            else:
                self.smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                if s.security == "starttls":
                    self.smtp.starttls(context=self._context())
            if s.user:
                self.smtp.login(s.user, s.password or "")
        except smtplib.SMTPAuthenticationError as error:
            self._close()
            raise InvalidData(
                "smtp.login_refused", where=s.where, user=s.user, reason=_said(error, s.timeout)
            ) from None
        except (OSError, smtplib.SMTPException) as error:
            self._close()
            reason = _said(error, s.timeout)
            raise InvalidData("smtp.unreachable", where=s.where, reason=reason) from None
        return self

    def send(self, message: EmailMessage) -> None:
        assert self.smtp is not None
        del message["Date"], message["Message-ID"]
        message["Date"] = format_datetime(_now())
        message["Message-ID"] = make_msgid(domain=self.settings.sender.rpartition("@")[2])
        try:
            self.smtp.send_message(message)
        except (
            smtplib.SMTPRecipientsRefused,
            smtplib.SMTPSenderRefused,
            smtplib.SMTPDataError,
        ) as error:
            raise Refused(_said(error, self.settings.timeout)) from None
        except (OSError, smtplib.SMTPException) as error:
            reason = _said(error, self.settings.timeout)
            raise InvalidData("smtp.lost", where=self.settings.where, reason=reason) from None

    def _close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()


def _now() -> datetime:
    return datetime.now(UTC)


def _said(error: BaseException, timeout: float) -> Message | str:
    """What went wrong, in one line: the server's reply (its own words, with its code), or
    what happened to the connection in the catalogue's words (smtplib's are English)."""
    if isinstance(error, smtplib.SMTPServerDisconnected | TimeoutError):
        if isinstance(error, TimeoutError) or "timed out" in str(error):
            return Message("smtp.no_answer", {"seconds": timeout})
        return Message("smtp.closed")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return Message("smtp.no_starttls")
    if isinstance(error, smtplib.SMTPResponseException) and error.smtp_code == -1:
        return Message("smtp.not_smtp")  # a reply that does not begin with a code
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return f"{code} {text.decode('utf-8', 'replace')}"
    if isinstance(error, smtplib.SMTPResponseException):
        reply: bytes | str = error.smtp_error
        said = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return f"{error.smtp_code} {said}"
    if isinstance(error, OSError) and error.strerror:
        return os_reason(error)
    return str(error) or type(error).__name__
