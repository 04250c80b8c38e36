"""Start-up: every command documented, `--help` and completion without SQLAlchemy, `--version`,
and `python -m presence_postale`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from presence_postale import __version__
from presence_postale.cli.app import app

Cli = Callable[..., Result]

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "yaml", "holidays", "opening_hours")

# Runs the app in a fresh interpreter, then reports which heavy modules got imported.
PROBE = """
import sys
from presence_postale.cli.app import app
try:
    app(args=sys.argv[1:], prog_name="presence-postale", standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print("HEAVY=" + ",".join(heavy))
"""


def _walk(command: Any, path: str = "presence-postale") -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, f"{path} {name}")


def _commands() -> list[tuple[str, Any]]:
    return list(_walk(typer.main.get_command(app)))


def test_the_contract_commands_exist() -> None:
    paths = {path for path, _ in _commands()}
    for expected in (
        "presence-postale init",
        "presence-postale db status",
        "presence-postale db upgrade",
        "presence-postale db backup",
        "presence-postale db check",
        "presence-postale sites list",
        "presence-postale sites show",
        "presence-postale sites add",
        "presence-postale sites update",
        "presence-postale sites remove",
        "presence-postale sites hours",
        "presence-postale sites close",
        "presence-postale sites nearest",
        "presence-postale sites search",
        "presence-postale agents list",
        "presence-postale agents show",
        "presence-postale agents add",
        "presence-postale agents update",
        "presence-postale programmes list",
        "presence-postale programmes show",
        "presence-postale programmes add",
        "presence-postale programmes extend",
        "presence-postale programmes end",
    ):
        assert expected in paths


def test_every_command_and_group_has_help_text() -> None:
    commands = _commands()
    assert len(commands) > 20
    missing = [path for path, command in commands if not (command.help or "").strip()]
    assert missing == []


def test_every_leaf_command_shows_an_example() -> None:
    leaves = [(p, c) for p, c in _commands() if not getattr(c, "commands", None)]
    missing = [path for path, command in leaves if "Example" not in (command.help or "")]
    assert missing == []


@pytest.mark.parametrize("args", [["--help"], ["sites", "--help"], ["sites", "list", "--help"]])
def test_help_in_process(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: presence-postale ")
    assert result.stderr == ""


def test_no_arguments_shows_the_whole_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2  # Click's convention: help shown for a missing command
    lines = result.stderr.splitlines()
    assert lines[0] == "Usage: presence-postale [OPTIONS] COMMAND [ARGS]..."
    assert "Commands:" in lines
    assert any(line.split()[:1] == ["sites"] for line in lines)
    assert not result.stderr.startswith("error:")
    assert "Traceback" not in result.stdout + result.stderr


def _probe(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("args", [["--help"], ["sites", "--help"], ["sites", "hours", "--help"]])
def test_help_does_not_import_sqlalchemy(args: list[str]) -> None:
    done = _probe(args)
    assert done.returncode == 0, done.stderr
    assert "Usage: presence-postale" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1] == "HEAVY="


def test_shell_completion_does_not_import_sqlalchemy() -> None:
    done = _probe(
        [],
        {
            "_PRESENCE_POSTALE_COMPLETE": "complete_bash",
            "COMP_WORDS": "presence-postale si",
            "COMP_CWORD": "1",
        },
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "sites" in lines
    assert lines[-1] == "HEAVY="


def test_shell_completion_of_a_sub_command() -> None:
    done = _probe(
        [],
        {
            "_PRESENCE_POSTALE_COMPLETE": "complete_bash",
            "COMP_WORDS": "presence-postale sites ne",
            "COMP_CWORD": "2",
        },
    )
    assert "nearest" in done.stdout.splitlines()
    assert done.stdout.splitlines()[-1] == "HEAVY="


def test_python_m_version(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    workdir.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "presence_postale", "--version"],
        capture_output=True,
        text=True,
        cwd=workdir,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"presence-postale {__version__}\n"
    assert done.stderr == ""
    assert list(workdir.iterdir()) == []
    assert not (tmp_path / "presence-postale.db").exists()  # --version opens no database


def test_python_m_error_exit_code(tmp_path: Path, seeded_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "presence_postale", "sites", "show", "XYZ"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: site 'XYZ' not found (try: presence-postale sites search \"XYZ\")"
    ]
    assert done.stdout == ""


def test_version_in_process(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"presence-postale {__version__}\n"


def test_an_aborted_command_is_one_line_and_exit_1() -> None:
    # The root group's error handling on a command that aborts (as a prompt does on end of
    # input): one line, exit 1, no traceback.
    from presence_postale.cli.app import Group

    demo = typer.Typer(cls=Group)

    @demo.command()
    def ask() -> None:
        """Ask something."""
        raise typer.Abort()

    @demo.command()
    def other() -> None:
        """Another command, so that `ask` stays a sub-command."""

    result = CliRunner().invoke(demo, ["ask"])
    assert result.exit_code == 1
    assert result.stderr == "error: aborted\n"
    assert "Traceback" not in result.stdout + result.stderr
    # It ends through SystemExit, as a command-line program should, not an escaping exception.
    assert isinstance(result.exception, SystemExit)
