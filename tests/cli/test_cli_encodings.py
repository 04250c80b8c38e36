"""Standard output set to an encoding that lacks the tool's characters (PYTHONIOENCODING, an
old locale): the command stopped with a traceback at the first « é ». Down a pipe the text is
UTF-8 all the same, as every file the tool writes; on a terminal it is shown in the terminal's
encoding, a character it lacks as « ? »."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only  # a process of its own, on the seeded file


def _environ(encoding: str, db: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": encoding, "PRESENCE_POSTALE_DB": str(db)}


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_down_a_pipe_the_text_is_utf8_whatever_the_encoding(seeded_db: Path, encoding: str) -> None:
    for args in (("sites", "list", "-d", "95"), ("report", "weekly", "--week", "2021-W17")):
        done = subprocess.run(
            [sys.executable, "-m", "presence_postale", *args, "--format", "json"],
            capture_output=True,
            env=_environ(encoding, seeded_db),
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in done.stderr
        text = done.stdout.decode("utf-8")  # UTF-8, every character kept
        assert "Plâtres" in text and "Traceback" not in text
        json.loads(text)
    done = subprocess.run(
        [sys.executable, "-m", "presence_postale", "sites", "list", "-d", "95"],
        capture_output=True,
        env=_environ(encoding, seeded_db),
        check=False,
    )
    assert done.returncode == 0
    assert "Grisy-les-Plâtres" in done.stdout.decode("utf-8")
    refused = subprocess.run(
        [sys.executable, "-m", "presence_postale", "sites", "show", "Vigny-é"],
        capture_output=True,
        env=_environ(encoding, seeded_db),
        check=False,
    )
    assert refused.returncode == 1
    assert refused.stderr.decode("utf-8").startswith("erreur : site « Vigny-é » introuvable")


def test_on_a_terminal_a_character_its_encoding_lacks_is_a_question_mark(
    seeded_db: Path,
) -> None:
    main, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "presence_postale", "sites", "list", "-d", "95"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            env={**_environ("ascii", seeded_db), "COLUMNS": "200"},
            check=False,
            timeout=60,
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal's other end is closed: all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Grisy-les-Pl?tres" in shown
    assert shown.isascii()
