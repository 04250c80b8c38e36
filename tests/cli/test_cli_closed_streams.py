"""Streams and files the command cannot use, said in the command's words: a standard output
closed by the shell (`>&-`, where Python gives no stream at all), and a file named on the
command line that this user may not read (refused by the command reading it, as any other
reason it cannot be read, never by the command line's library in its own English)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_cli_help import TREE

RUN = """
import sys
from presence_postale.cli.app import main
sys.argv = ["presence-postale", *sys.argv[1:]]
main()
"""
CLOSED = "erreur : la sortie standard est fermée : rien n'a pu y être écrit"


def _closed_stdout(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PRESENCE_POSTALE_DB": str(database)}
    environ.pop("PRESENCE_POSTALE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", RUN, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environ,
        preexec_fn=lambda: os.close(1),  # as the shell's `>&-`
        check=False,
    )


@pytest.mark.sqlite_only  # processes of their own, on the seeded file
@pytest.mark.parametrize(
    "args",
    [("sites", "list"), ("export", "records"), ("export", "records", "--department", "32")],
    ids=["listing", "records-through-sqlite", "records-through-sqlalchemy"],
)
def test_a_closed_standard_output_is_one_line_not_a_defect(
    seeded_db: Path, args: tuple[str, ...]
) -> None:
    done = _closed_stdout(seeded_db, *args)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [CLOSED]


def _path_parameters() -> list[tuple[str, str, Any]]:
    found = []
    for key, command, ctx in TREE:
        for param in command.get_params(ctx):
            described = getattr(param, "type_descriptor", None)
            if described is not None and "Path" in repr(described.annotation):
                found.append((key, param.name, described.parameter_info))
    return found


def test_no_file_parameter_is_refused_by_the_library_for_being_unreadable() -> None:
    found = _path_parameters()
    assert len(found) >= 5  # import's files, backup's, init's seed, feeds' directory, --output
    assert [(key, name) for key, name, info in found if info.readable] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_a_file_this_user_cannot_read_is_said_in_french(
    cli: Any, tmp_path: Path, seeded_db: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("sites: []\n", encoding="utf-8")
    secret.chmod(0)
    done = cli("import", "records", str(secret))
    assert done.exit_code == 1
    assert done.stderr.splitlines() == [
        f"erreur : impossible de lire « {secret} » : permission refusée"
    ]
