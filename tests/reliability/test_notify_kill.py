"""`notify` killed (SIGKILL, a real process) between two messages, then run again: every
message reaches the server once — none twice, none lost.

The kill point is made exact by the test's SMTP server itself: it kills the sending process
when the second message begins (the first one accepted, and recorded as sent by then), or when
the first message's content arrives, before the server accepts it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

import pytest
from typer.testing import Result

from backends import Database, query, url_of
from smtp_box import Box

Cli = Callable[..., Result]
RECIPIENTS = {
    "mediateur@allier.example",  # agent allier-mediateur: the first message
    "un@vigny.example",  # agent vigny-conseillere-1
    "mairie@grisy.example",  # site mairie-grisy-les-platres
}


def ok(result: Result) -> None:
    assert result.exit_code == 0, result.stderr


def notify(database: Database) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PRESENCE_POSTALE_DB": url_of(database)}
    return subprocess.Popen(
        [sys.executable, "-m", "presence_postale", "notify", "--day", "2021-04-27"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def sent_in_log(database: Database) -> int:
    ((count,),) = query(database, "SELECT count(*) FROM notification WHERE status = 'sent'")
    return int(count)


@pytest.mark.parametrize(
    "point",
    [
        "second-message-begins",
        pytest.param("first-message-not-yet-accepted", marks=pytest.mark.slow),
    ],
)
def test_a_killed_run_then_a_rerun_send_each_message_once(
    cli: Cli, seeded_db: Database, mail_server: Box, point: str
) -> None:
    ok(cli("agents", "update", "allier-mediateur", "--email", "mediateur@allier.example"))
    ok(cli("agents", "update", "vigny-conseillere-1", "--email", "un@vigny.example"))
    ok(cli("sites", "update", "mairie-grisy-les-platres", "--email", "mairie@grisy.example"))
    started = threading.Event()
    running: list[subprocess.Popen[bytes]] = []

    def kill(accepted: int) -> str | None:
        wanted = 1 if point == "second-message-begins" else 0
        if accepted != wanted or not running:
            return None
        started.wait(10)
        running[0].kill()  # SIGKILL: no clean-up, no handler
        running[0].wait(30)
        return "421 4.3.0 closing"

    if point == "second-message-begins":
        mail_server.on_mail = kill
    else:
        mail_server.on_data = kill
    first = notify(seeded_db)
    running.append(first)
    started.set()
    first.communicate(timeout=120)
    assert first.returncode == -signal.SIGKILL
    killed_after = len(mail_server.accepted)
    assert killed_after == (1 if point == "second-message-begins" else 0)
    assert sent_in_log(seeded_db) == killed_after  # what was accepted is recorded, no more

    mail_server.on_mail = mail_server.on_data = None
    rerun = notify(seeded_db)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    recipients = [r for a in mail_server.accepted for r in a.recipients]
    assert sorted(recipients) == sorted(RECIPIENTS)  # none twice, none lost
    assert sent_in_log(seeded_db) == len(RECIPIENTS)
    again = notify(seeded_db)
    again.communicate(timeout=120)
    assert again.returncode == 0 and len(mail_server.accepted) == len(RECIPIENTS)
