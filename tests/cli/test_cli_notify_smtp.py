"""How `notify` reaches the mail server: STARTTLS or TLS from the start against a server whose
certificate a CA of the test's signs (trustme), a login with a password that never shows, and
settings read from the configuration file."""

from __future__ import annotations

import os
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import trustme
from typer.testing import Result

from backends import Database, dump_database
from presence_postale.cli.environment import Environment
from smtp_box import Box, Logins, free_port, point_at, start

Cli = Callable[..., Result]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The shared runner, in English: these tests read the English catalogue's words."""

    def english(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return cli(*args, input=input, env=env or Environment(lang="en"))

    return english


PASSWORD = "s3cret-Grisy!"  # the test server's
# aiosmtpd sees TLS begun by STARTTLS only: over TLS from the start, or in the test of the
# configuration file (plain, on 127.0.0.1), it must be told to take a login anyway.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture
def ca(tmp_path: Path) -> Iterator[tuple[trustme.CA, Path]]:
    authority = trustme.CA()
    bundle = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    yield authority, bundle


def server_context(authority: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    return context


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def one_line(result: Result) -> str:
    assert result.exit_code == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), lines
    return lines[0]


def addresses(cli: Cli) -> None:
    ok(cli("agents", "update", "vigny-conseillere-1", "--email", "un@vigny.example"))


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_and_login(
    cli: Cli,
    seeded_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    ca: tuple[trustme.CA, Path],
    security: str,
) -> None:
    authority, bundle = ca
    box = Box("127.0.0.1", free_port())
    tls = server_context(authority)
    settings = (
        {"tls_context": tls, "require_starttls": True}
        if security == "starttls"
        else {"ssl_context": tls, "auth_require_tls": False}
    )
    controller = start(
        box, authenticator=Logins("delegue", PASSWORD), auth_required=True, **settings
    )
    try:
        addresses(cli)
        point_at(monkeypatch, box, security)
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_USER", "delegue")
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PASSWORD", "wrong password")
        # Without the CA, the server's certificate is refused: nothing goes.
        before = dump_database(seeded_db)
        line = one_line(cli("notify", "--day", "2021-04-27"))
        assert "cannot be used" in line and "CERTIFICATE" in line.upper()
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_CA_FILE", str(bundle))
        result = cli("notify", "--day", "2021-04-27")
        line = one_line(result)
        assert "refuses the login of delegue" in line
        assert "wrong password" not in result.stdout + result.stderr
        assert dump_database(seeded_db) == before and box.accepted == []
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PASSWORD", PASSWORD)
        result = ok(cli("notify", "--day", "2021-04-27"))
        assert PASSWORD not in result.stdout + result.stderr
        assert [a.recipients for a in box.accepted] == [["un@vigny.example"]]
    finally:
        controller.stop()


def test_settings_from_the_configuration_file(
    cli: Cli, seeded_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    box = Box("127.0.0.1", free_port())
    controller = start(
        box, authenticator=Logins("delegue", PASSWORD), auth_required=True, auth_require_tls=False
    )
    try:
        addresses(cli)
        for name in ("HOST", "PORT", "SECURITY", "SENDER", "USER", "PASSWORD"):
            monkeypatch.delenv(f"PRESENCE_POSTALE_SMTP_{name}", raising=False)
        config = tmp_path / "config.toml"
        config.write_text(
            "[smtp]\n"
            f'host = "127.0.0.1"\nport = {box.port}\nsecurity = "none"\n'
            f'sender = "presence@laposte.example"\nuser = "delegue"\npassword = "{PASSWORD}"\n',
            encoding="utf-8",
        )
        config.chmod(0o644)
        monkeypatch.setenv("PRESENCE_POSTALE_CONFIG", str(config))
        result = cli("notify", "--day", "2021-04-27")
        line = one_line(result)
        assert "chmod 600" in line and PASSWORD not in result.stderr
        config.chmod(0o600)
        ok(cli("notify", "--day", "2021-04-27"))
        assert [a.sender for a in box.accepted] == ["presence@laposte.example"]
        # The environment wins over the file.
        monkeypatch.setenv("PRESENCE_POSTALE_SMTP_SENDER", "not an address")
        assert "sender" in one_line(cli("notify", "--day", "2021-04-27"))
    finally:
        controller.stop()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("[smtp\nhost = 1", "config.toml': not TOML (line 1, column 6)"),
        ("smtp = 3\n", "config.toml': [smtp] must be a table"),
        (b'[smtp]\nhost = "\xe9"\n', "config.toml': line 2: not UTF-8 (byte 15)"),
        ('[smtp]\nhost = "127.0.0.1"\nsecurity = "tls13"\nsender = "a@b.fr"\n', "security"),
        ('[smtp]\nhost = "127.0.0.1"\nport = "huit"\nsender = "a@b.fr"\n', "port"),
        ('[smtp]\nhost = "127.0.0.1"\n', "sender"),
    ],
)
def test_bad_settings_are_one_line(
    cli: Cli,
    seeded_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    content: str | bytes,
    fragment: str,
) -> None:
    for name in ("HOST", "PORT", "SECURITY", "SENDER"):
        monkeypatch.delenv(f"PRESENCE_POSTALE_SMTP_{name}", raising=False)
    config = tmp_path / "config.toml"
    if isinstance(content, bytes):
        config.write_bytes(content)
    else:
        config.write_text(content, encoding="utf-8")
    monkeypatch.setenv("PRESENCE_POSTALE_CONFIG", str(config))
    before = dump_database(seeded_db)
    assert fragment in one_line(cli("notify", "--day", "2021-04-27"))
    assert dump_database(seeded_db) == before


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_configuration_file_that_is_no_file_is_one_line_not_a_hang(
    cli: Cli, seeded_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str
) -> None:
    """A named pipe would wait for a writer, /dev/zero would never end: both are refused."""
    config = tmp_path / "config.toml"
    if kind == "fifo":
        os.mkfifo(config)
    else:
        config = Path("/dev/zero")
    monkeypatch.setenv("PRESENCE_POSTALE_CONFIG", str(config))
    before = dump_database(seeded_db)
    line = one_line(cli("notify", "--day", "2021-04-27", "--dry-run"))
    assert line == (
        f"error: cannot read the settings file '{config}': "
        "it is not a regular file (a device, a pipe or a socket)"
    )
    assert dump_database(seeded_db) == before
