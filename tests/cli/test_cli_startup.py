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
from presence_postale.cli import registry
from presence_postale.cli.app import app
from presence_postale.cli.help import summary

Cli = Callable[..., Result]

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "yaml", "holidays", "opening_hours", "pydantic")
# What a group's help and shell completion may load: Typer checks the root's options with
# pydantic (it is Typer's own coercion), but nothing of the database.
HEAVY_BUT_PYDANTIC = "HEAVY=pydantic"

# Runs the app in a fresh interpreter, then reports which heavy modules got imported.
PROBE = """
import sys
from presence_postale.cli.app import app
from presence_postale.cli.help import summary
try:
    app(args=sys.argv[1:], prog_name="presence-postale", standalone_mode=False)
except SystemExit:
    pass
sys.stdout.flush()
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
groups = sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("presence_postale.cli."))
print("GROUPS=" + ",".join(groups))
print("HEAVY=" + ",".join(heavy))
"""

# The CLI's own modules every run needs, whatever the command.
CORE_MODULES = {"app", "registry", "state", "environment", "help"}


def _walk(command: Any, path: str = "presence-postale") -> Iterator[tuple[str, Any]]:
    yield path, command
    if hasattr(command, "list_commands"):
        ctx = command.make_context(path, [], resilient_parsing=True)
        for name in command.list_commands(ctx):
            yield from _walk(command.get_command(ctx, name), f"{path} {name}")


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


@pytest.mark.parametrize("args", [["--help"], ["sites", "--help"], ["sites", "list", "--help"]])
def test_help_in_process(cli: Cli, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Utilisation : presence-postale ")
    assert result.stderr == ""


def test_no_arguments_shows_the_whole_help(cli: Cli) -> None:
    result = cli()
    assert result.exit_code == 2  # Click's convention: help shown for a missing command
    lines = result.stderr.splitlines()
    assert lines[0] == "Utilisation : presence-postale [OPTIONS] COMMANDE [ARGUMENTS]..."
    assert "Commandes :" in lines
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


@pytest.mark.parametrize(
    ("args", "heavy"),
    [
        (["--help"], "HEAVY="),
        (["sites", "--help"], HEAVY_BUT_PYDANTIC),
        (["sites", "hours", "--help"], HEAVY_BUT_PYDANTIC),
    ],
)
def test_help_does_not_import_sqlalchemy(args: list[str], heavy: str) -> None:
    done = _probe(args)
    assert done.returncode == 0, done.stderr
    assert "Utilisation : presence-postale" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1] == heavy


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
    assert lines[-1] == HEAVY_BUT_PYDANTIC


def test_the_registry_lists_each_group_with_its_own_help() -> None:
    for name in registry.ENTRIES:
        command = registry.load(name)
        assert command.name == name
        assert command.get_short_help_str(limit=200) == summary(name)


# The groups (`init` and `notify` are commands of their own).
GROUPS = [name for name, entry in registry.ENTRIES.items() if entry.attribute == "app"]


@pytest.mark.parametrize("name", GROUPS)
def test_a_group_lists_its_commands_as_click_would(name: str) -> None:
    group = registry.load(name)
    lazy = group.short_helps(50)
    assert group.commands == {}  # listing built nothing
    ctx = group.make_context(name, [], resilient_parsing=True)
    built = [
        (n, group.get_command(ctx, n).get_short_help_str(50)) for n in group.list_commands(ctx)
    ]
    assert lazy == built
    assert len(built) >= 2


def test_running_a_command_builds_only_that_command() -> None:
    group = registry.load("sites")
    ctx = group.make_context("sites", [], resilient_parsing=True)
    assert group.get_command(ctx, "list") is not None
    assert list(group.commands) == ["list"]
    assert group.get_command(ctx, "no-such-command") is None


def test_root_help_lists_every_group_with_its_help(cli: Cli) -> None:
    result = cli("--help")
    text = "".join(result.stdout.split())  # folded lines, and words folded at hyphens, joined
    for name in registry.ENTRIES:
        assert "".join(f"{name}{summary(name)}".split()) in text


def _loaded_groups(done: subprocess.CompletedProcess[str]) -> set[str]:
    line = next(line for line in done.stdout.splitlines() if line.startswith("GROUPS="))
    return set(line.removeprefix("GROUPS=").split(",")) - CORE_MODULES


def test_a_command_loads_only_its_own_group() -> None:
    done = _probe(["sites", "--help"])
    assert done.returncode == 0, done.stderr
    assert _loaded_groups(done) <= {"sites", "output", "params", "options"}
    assert "sites" in _loaded_groups(done)


def test_root_help_and_completion_load_no_group() -> None:
    done = _probe(["--help"])
    assert done.returncode == 0, done.stderr
    assert _loaded_groups(done) == set()
    done = _probe(
        [],
        {
            "_PRESENCE_POSTALE_COMPLETE": "complete_bash",
            "COMP_WORDS": "presence-postale ",
            "COMP_CWORD": "1",
        },
    )
    assert set(done.stdout.splitlines()[:-2]) == set(registry.ENTRIES)
    assert _loaded_groups(done) == set()


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
    assert done.stdout.splitlines()[-1] == HEAVY_BUT_PYDANTIC


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
        'erreur : site « XYZ » introuvable (essayer : presence-postale sites search "XYZ")'
    ]
    assert done.stdout == ""


def test_version_in_process(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"presence-postale {__version__}\n"


def test_an_aborted_command_is_one_line_and_exit_1() -> None:
    # The root group's error handling on a command that aborts (as a prompt does on end of
    # input): one line, exit 1, no traceback.
    from presence_postale.cli.app import Root

    demo = typer.Typer(cls=Root)

    @demo.command()
    def ask() -> None:
        """Ask something."""
        raise typer.Abort()

    @demo.command()
    def other() -> None:
        """Another command, so that `ask` stays a sub-command."""

    result = CliRunner().invoke(demo, ["ask"])
    assert result.exit_code == 1
    assert result.stderr == "erreur : abandonné\n"
    assert "Traceback" not in result.stdout + result.stderr
    # It ends through SystemExit, as a command-line program should, not an escaping exception.
    assert isinstance(result.exception, SystemExit)


def test_help_reads_as_help(cli: Cli) -> None:
    """Options and arguments by the names a person types, the kind of value, the default and
    whether it is required; no type names, braces or number ranges."""
    text = cli("permanences", "cancel", "--help").stdout
    assert "Utilisation : presence-postale permanences cancel [OPTIONS] PERMANENCE_ID" in text
    text = " ".join(text.split())
    assert "PERMANENCE_ID Numéro de la permanence (voir : permanences list). [obligatoire]" in text
    assert "--date DATE" in text and "--reason TEXTE" in text
    listing = " ".join(cli("sites", "list", "--help").stdout.split())
    assert (
        "-f, --format [table|json|csv|markdown|html|xlsx] Format de sortie (xlsx, un classeur : "
        "avec --output). [par défaut : table]"
    ) in listing
    assert "--lang [fr|en]" in listing and "-o, --output FICHIER" in listing
    for path, command in _commands():
        ctx = command.make_context(path.split()[-1], [], resilient_parsing=True)
        help_text = command.get_help(ctx)
        for sign in ("<str>", "<int", "{", "x<=", "x>="):
            assert sign not in help_text, (path, sign)


# A Ctrl-C while Python loads the tool: a real SIGINT, sent when Typer is about to be imported.
INTERRUPTED_WHILE_LOADING = """
import os, signal, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
sys.argv = ["presence-postale", "sites", "list"]
from presence_postale.cli.start import main
main()
"""


def test_a_ctrl_c_while_the_tool_loads_is_exit_130_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_LOADING],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 130
    assert done.stderr == ""
