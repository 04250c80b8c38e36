"""Help pages: French by default, English with PRESENCE_POSTALE_LANG=en or a `--lang en` typed
before `--help`; every command, group, option and argument has its help in both catalogues
(walked from the command tree: a new command or option without help fails here)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from presence_postale.cli.app import app
from presence_postale.formats.words import HELP_MODULES, LANGS, help_text


def _catalogue(lang: str) -> dict[str, str]:
    """Every help text of a language, from all its modules."""
    package = f"presence_postale.formats.words.{lang}.help"
    texts = dict(importlib.import_module(package).HELP)
    for module in HELP_MODULES.values():
        texts.update(importlib.import_module(f"{package}.{module}").HELP)
    return texts


FR, EN = _catalogue("fr"), _catalogue("en")

# What Click writes on a help page in English, which a French page must not show.
CLICK_WORDS = ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message", "default:")


def _help(*args: str, lang: str | None = None) -> str:
    env = {"PRESENCE_POSTALE_LANG": lang} if lang else None
    result = CliRunner().invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_root_help_is_french() -> None:
    text = _help()
    assert text.startswith("Utilisation : presence-postale [OPTIONS] COMMANDE [ARGUMENTS]...")
    flat = _flat(text)
    assert "La présence territoriale de La Poste" in flat
    assert "Exemples :" in flat and "presence-postale sites list --department 95" in flat
    assert "Commandes :" in text and "Options :" in text
    assert "-h, --help Afficher cette aide et quitter." in flat
    assert "--db CHEMIN_OU_URL Fichier ou URL de la base." in flat
    assert "sites Sites : bureaux de poste, agences postales communales" in flat
    assert not [word for word in CLICK_WORDS if word in text]


def test_group_help_is_french() -> None:
    text = _help("sites")
    assert text.startswith("Utilisation : presence-postale sites [OPTIONS] COMMANDE [ARGUMENTS]...")
    flat = _flat(text)
    assert "Sites : bureaux de poste, agences postales communales, mairies" in flat
    assert "list Liste les sites, par département, nature ou label." in flat
    assert not [word for word in CLICK_WORDS if word in text]


def test_command_help_is_french() -> None:
    text = _help("sites", "add")
    assert text.startswith("Utilisation : presence-postale sites add [OPTIONS] [SITE_ID]")
    flat = _flat(text)
    assert "Ajoute un site (une mairie, un commerce" in flat
    assert 'Exemple : presence-postale sites add --name "Mairie de Vigny"' in flat
    assert "Arguments :" in text and "Options :" in text
    assert "--name TEXTE Nom affiché." in flat
    assert "--staff ENTIER Agents polyvalents présents." in flat
    assert "-d, --department TEXTE Code du département : 03, 2A, 971." in flat
    permanences = _flat(_help("permanences", "cancel"))
    assert "PERMANENCE_ID Numéro de la permanence (voir : permanences list). [obligatoire]" in (
        permanences
    )
    listing = _flat(_help("sites", "list"))
    assert "[par défaut : table]" in listing
    assert not [word for word in CLICK_WORDS if word in text]


def test_english_help_with_the_environment_variable() -> None:
    root = _help(lang="en")
    assert root.startswith("Usage: presence-postale [OPTIONS] COMMAND [ARGS]...")
    assert "Commands:" in root and "Show this message and exit." in root
    assert "La Poste's territorial presence" in _flat(root)
    group = _flat(_help("sites", lang="en"))
    assert "list List sites, by department, kind or label." in group
    command = _flat(_help("permanences", "cancel", lang="en"))
    assert "PERMANENCE_ID Permanence number (see: permanences list). [required]" in command
    assert "--reason TEXT Why." in command
    assert "Example: presence-postale permanences cancel 1" in command


def test_english_help_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "presence_postale", "sites", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PRESENCE_POSTALE_LANG": "en"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: python -m presence_postale sites")
    assert "Sites: post offices, communal agencies" in _flat(done.stdout)


def test_lang_typed_before_help_switches_the_page() -> None:
    english = _flat(_help("sites", "list", "--lang", "en"))
    assert english.startswith("Usage: presence-postale sites list")
    assert "List sites, by department, kind or label." in english
    # After --help, --lang comes too late: Click shows the help as soon as it reads --help.
    result = CliRunner().invoke(app, ["sites", "list", "--help", "--lang", "en"])
    assert result.stdout.startswith("Utilisation : presence-postale sites list")


def test_an_unknown_language_shows_the_help_in_french() -> None:
    text = _help("sites", lang="de")
    assert text.startswith("Utilisation : presence-postale sites")


# ---- every command and option, in both catalogues --------------------------------------------


def _tree() -> Iterator[tuple[str, Any, Any]]:
    """Every command and group with its catalogue key, and a context to read its parameters."""

    def walk(command: Any, name: str) -> Iterator[tuple[str, Any, Any]]:
        ctx = command.make_context(name, [], resilient_parsing=True)
        yield command.help_key, command, ctx
        if hasattr(command, "list_commands"):
            for sub in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, sub), sub)

    yield from walk(typer.main.get_command(app), "presence-postale")


TREE = list(_tree())


def _option_help(key: str, name: str, lang: str) -> str | None:
    return help_text(f"{key}.{name}", lang) or help_text(f"option.{name}", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_and_group_has_help(lang: str) -> None:
    assert len(TREE) > 60
    missing = [key for key, _, _ in TREE if not (help_text(key, lang) or "").strip()]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_shows_an_example(lang: str) -> None:
    word = {"fr": "Exemple", "en": "Example"}[lang]
    leaves = [key for key, command, _ in TREE if not hasattr(command, "list_commands")]
    assert [key for key in leaves if word not in str(help_text(key, lang))] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_option_and_argument_has_help(lang: str) -> None:
    missing = []
    for key, command, ctx in TREE:
        for param in command.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            if not (_option_help(key, str(param.name), lang) or "").strip():
                missing.append(f"{key}.{param.name}")
    assert missing == []


def test_both_catalogues_hold_the_same_keys_and_no_stray_one() -> None:
    assert list(FR) == list(EN)
    for lang in LANGS:  # each text where a page looks for it
        assert all(help_text(key, lang) is not None for key in FR)
    used = {"root"}
    shared = set()
    for key, command, ctx in TREE:
        used.add(key)
        for param in command.get_params(ctx):
            if f"{key}.{param.name}" in FR:
                used.add(f"{key}.{param.name}")
            else:
                shared.add(f"option.{param.name}")
    helps = {key for key in FR if not key.startswith(("frame.", "metavar."))}
    assert helps - used - shared == set()


def test_every_help_page_shows_no_english_frame_in_french() -> None:
    """Nor a folded line that starts with the `:` or `;` of the line before (French puts a
    space before them, which must not be a place to fold)."""
    runner = CliRunner(env={"COLUMNS": "60"})
    for key, _, _ in TREE:
        path = [] if key == "root" else key.split(".")
        text = runner.invoke(app, [*path, "--help"]).stdout
        assert not [word for word in CLICK_WORDS if word in text], key
        assert not [line for line in text.splitlines() if line.strip()[:1] in (":", ";")], key


PROBE = """
import sys
from presence_postale.cli.app import app
try:
    app(args=sys.argv[1:], prog_name="presence-postale")
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("presence_postale.formats.words.")))
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["--help"], ["fr", "fr.help"]),
        (["sites", "--help"], ["fr", "fr.help", "fr.help.sites"]),
    ],
)
def test_a_help_page_loads_only_its_help_module(args: list[str], loaded: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PRESENCE_POSTALE_LANG"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=True
    )
    modules = done.stdout.splitlines()[-1]
    assert modules == repr([f"presence_postale.formats.words.{name}" for name in loaded])
