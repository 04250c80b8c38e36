"""Bad input: a non-zero exit code (1 refused, 2 usage), exactly one line on stderr naming the
problem, never a traceback, and the database unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from presence_postale.cli.environment import Environment
from presence_postale.errors import Message
from presence_postale.formats.words import say
from refusals import LIBRARY_WORDS

Cli = Callable[..., Result]
Dump = Callable[[Path], list[str]]


def assert_refused(result: Result, code: int, *fragments: str) -> str:
    """The result failed with `code` and one stderr line holding every fragment; returns it."""
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("erreur : ")
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    assert result.stdout == ""
    # A user error is handled, not crashed on.
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return line


BAD_COMMANDS = [
    pytest.param(
        ["sites", "update", "17510A", "--hours", "Mo-Fr 9h-12h"],
        1,
        ["--hours « Mo-Fr 9h-12h » invalide", "09:00-12:00"],
        id="bad-hours",
    ),
    pytest.param(["sites", "show", "XYZ"], 1, ["site « XYZ » introuvable"], id="unknown-site"),
    pytest.param(
        ["sites", "show", "bureau de poste"],
        1,
        ["site « bureau de poste » ambigu", "05651A Bureau de poste d'Aignan", "7 autres"],
        id="ambiguous-site",
    ),
    pytest.param(
        ["sites", "hours", "17510A", "--week", "2021-W60"],
        2,
        ["--week", "2021-W60", "52 semaines ISO"],
        id="bad-week",
    ),
    pytest.param(
        ["sites", "list", "--format", "xml"], 2, ["--format", "« xml »", "json"], id="bad-format"
    ),
    pytest.param(["sites", "list", "--lang", "de"], 2, ["--lang", "« de »"], id="bad-lang"),
    pytest.param(
        ["sites", "close", "17510A", "--from", "2021-05-10", "--to", "2021-05-01"],
        1,
        ["la fin 2021-05-01 précède le début 2021-05-10"],
        id="closure-backwards",
    ),
    pytest.param(
        ["sites", "close", "17510A", "--from", "2021-13-01"],
        2,
        ["--from", "2021-13-01"],
        id="bad-date",
    ),
    pytest.param(
        ["programmes", "extend", "vigny-2021", "--until", "2020-01-01"],
        1,
        ["--until 2020-01-01 invalide", "avant le début du programme, le 27 avril 2021"],
        id="extend-backwards",
    ),
    pytest.param(
        ["programmes", "extend", "nope", "--until", "2022-01-01"],
        1,
        ["programme « nope » introuvable"],
        id="unknown-programme",
    ),
    pytest.param(
        ["sites", "remove", "17443A"],
        1,
        ["le site 17443A sert encore à 1 permanence"],
        id="remove-referenced",
    ),
    pytest.param(
        ["sites", "update", "17510A", "--postcode", "123"],
        1,
        ["--postcode « 123 » invalide"],
        id="bad-postcode",
    ),
    pytest.param(
        ["sites", "add", "x-984", "--name", "X", "--kind", "mairie", "--department", "984"],
        1,
        ["département « 984 » introuvable"],
        id="unknown-department",
    ),
    pytest.param(["sites", "update", "17510A"], 1, ["rien à modifier"], id="nothing-to-update"),
    pytest.param(
        ["sites", "nearest", "--label", "france_services"],
        1,
        ["donner soit --commune, soit à la fois --lat et --lon"],
        id="nearest-without-origin",
    ),
    pytest.param(["sites", "list", "--nope"], 2, ["option inconnue : --nope"], id="unknown-option"),
    pytest.param(
        ["sites", "frobnicate"], 2, ["commande inconnue : frobnicate"], id="unknown-command"
    ),
    pytest.param(["agents", "show", "nobody"], 1, ["agent « nobody » introuvable"], id="agent"),
    pytest.param(
        ["agents", "add", "x", "--role", "boss"], 1, ["--role « boss » invalide"], id="bad-role"
    ),
]


@pytest.mark.parametrize(("args", "code", "fragments"), BAD_COMMANDS)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Cli, seeded_db: Path, dump: Dump, args: list[str], code: int, fragments: list[str]
) -> None:
    before = dump(seeded_db)
    result = cli(*args)
    assert_refused(result, code, *fragments)
    assert dump(seeded_db) == before


def test_missing_directory_for_db(cli: Cli) -> None:
    result = cli("--db", "/nonexistent/dir/x.db", "sites", "list")
    assert_refused(result, 1, "/nonexistent/dir", "n'existe pas")
    assert not Path("/nonexistent/dir").exists()


def test_directory_as_db(cli: Cli, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path), "sites", "list")
    assert_refused(result, 1, str(tmp_path), "c'est un répertoire")


def test_a_file_that_is_not_a_database(cli: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello, not a database\n", encoding="utf-8")
    result = cli("--db", str(notes), "sites", "list")
    assert_refused(result, 1, str(notes), "n'est pas une base SQLite")
    assert notes.read_text(encoding="utf-8") == "hello, not a database\n"


BAD_SEED = """\
version: 1
departments:
  - {code: "95", name: Val-d'Oise}
sites:
  - id: "17510A"
    name: Bureau de poste de Vigny
    kind: bureau_de_poste
    latitude: abc
"""
BAD_LINE = BAD_SEED.splitlines().index("    latitude: abc") + 1


def _bad_seed(tmp_path: Path) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_SEED, encoding="utf-8")
    return path


def test_init_with_a_bad_seed_on_a_new_path_creates_nothing(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "data" / "new.db"
    target.parent.mkdir()
    seed = _bad_seed(tmp_path)

    result = cli("--db", str(target), "init", "--seed", str(seed))

    line = assert_refused(result, 1, str(seed), f"ligne {BAD_LINE} :", "latitude", "« abc »")
    assert line == (
        f"erreur : {seed} : ligne {BAD_LINE} : sites[0].latitude : un nombre est attendu, et "
        "non « abc »"
    )
    assert list(target.parent.iterdir()) == []


def test_init_with_a_bad_seed_leaves_an_existing_database_unchanged(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Dump
) -> None:
    before = dump(seeded_db)
    result = cli("init", "--seed", str(_bad_seed(tmp_path)))
    assert_refused(result, 1, f"ligne {BAD_LINE} :", "latitude")
    assert dump(seeded_db) == before


def test_init_with_a_seed_that_breaks_a_reference_changes_nothing(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Dump
) -> None:
    # The first record is valid and would change Vigny; the second is refused: nothing applies.
    text = (
        "sites:\n"
        '  - id: "17510A"\n'
        "    name: Bureau de poste de Vigny (renommé)\n"
        "    kind: bureau_de_poste\n"
        '  - id: "NEW01"\n'
        "    name: Nouveau\n"
        "    kind: mairie\n"
        '    department: "984"\n'
    )
    path = tmp_path / "ref.yaml"
    path.write_text(text, encoding="utf-8")
    before = dump(seeded_db)
    result = cli("init", "--seed", str(path))
    assert_refused(result, 1, "ligne 8 :", "sites[1].department", "« 984 » n'existe pas")
    assert dump(seeded_db) == before


def test_init_with_a_missing_seed_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    result = cli("--db", str(target), "init", "--seed", str(tmp_path / "absent.yaml"))
    assert_refused(result, 1, "fichier introuvable")
    assert not target.exists()


def test_error_message_on_several_lines_is_shown_on_one(cli: Cli, seeded_db: Path) -> None:
    # A value with a newline in it must not split the error over two lines.
    result = cli("sites", "show", "XY\nZ")
    assert_refused(result, 1, "introuvable")


def test_an_output_file_that_cannot_be_written_is_one_line(cli: Cli, seeded_db: Path) -> None:
    """/proc refuses new files even to root: the error names the output, not a temp file."""
    result = cli("sites", "list", "--output", "/proc/presence-postale.txt")
    line = assert_refused(result, 1, "impossible d'écrire « /proc/presence-postale.txt »")
    assert ".tmp" not in line and "presence-postale.txt." not in line


# ---- usage errors in the command's language ---------------------------------------------


USAGE = [
    pytest.param(
        ["sites", "list", "--nope"],
        "option inconnue : --nope (voir « presence-postale sites list --help »)",
        "no such option: --nope (see 'presence-postale sites list --help')",
        id="unknown-option",
    ),
    pytest.param(
        ["sites", "list", "--departement", "95"],
        "option inconnue : --departement (peut-être : --department) (voir « presence-postale "
        "sites list --help »)",
        "no such option: --departement (did you mean --department?) (see 'presence-postale "
        "sites list --help')",
        id="near-miss",
    ),
    pytest.param(
        ["sites", "close", "17510A", "--from"],
        "l'option --from attend une valeur (voir « presence-postale sites close --help »)",
        "option --from needs a value (see 'presence-postale sites close --help')",
        id="missing-value",
    ),
    pytest.param(
        ["sites", "close", "17510A"],
        "l'option --from est obligatoire (voir « presence-postale sites close --help »)",
        "option --from is required (see 'presence-postale sites close --help')",
        id="missing-option",
    ),
    pytest.param(
        ["sites", "show"],
        "l'argument SITE est obligatoire (voir « presence-postale sites show --help »)",
        "argument SITE is required (see 'presence-postale sites show --help')",
        id="missing-argument",
    ),
    pytest.param(
        ["sites", "nearest", "--lat", "x", "--lon", "2"],
        "--lat « x » invalide : un nombre est attendu (voir « presence-postale sites nearest "
        "--help »)",
        "invalid --lat 'x': expected a number (see 'presence-postale sites nearest --help')",
        id="bad-number",
    ),
    pytest.param(
        ["permanences", "show", "one"],
        "PERMANENCE_ID « one » invalide : un nombre entier est attendu (voir « presence-postale "
        "permanences show --help »)",
        "invalid PERMANENCE_ID 'one': expected a whole number (see 'presence-postale "
        "permanences show --help')",
        id="bad-integer",
    ),
    pytest.param(
        ["permanences", "show", "99999999999999999999999"],
        "PERMANENCE_ID « 99999999999999999999999 » invalide : au plus 9223372036854775807 (voir "
        "« presence-postale permanences show --help »)",
        "invalid PERMANENCE_ID '99999999999999999999999': at most 9223372036854775807 (see "
        "'presence-postale permanences show --help')",
        id="huge-integer",
    ),
    pytest.param(
        ["sites", "close", "17510A", "--from", "2021-02-30"],
        "--from : date « 2021-02-30 » invalide : cette date n'existe pas (voir « presence-postale "
        "sites close --help »)",
        "--from: invalid date '2021-02-30': no such date (see 'presence-postale sites close "
        "--help')",
        id="bad-date",
    ),
    pytest.param(
        ["sites", "list", "extra"],
        "argument en trop : extra (voir « presence-postale sites list --help »)",
        "unexpected extra argument: extra (see 'presence-postale sites list --help')",
        id="extra-argument",
    ),
    pytest.param(
        ["coworking", "mark", "1", "--attended=yes"],
        "l'option --attended ne prend pas de valeur (voir « presence-postale coworking mark "
        "--help »)",
        "option --attended takes no value (see 'presence-postale coworking mark --help')",
        id="flag-with-a-value",
    ),
]


@pytest.mark.parametrize(("args", "french", "english"), USAGE)
def test_usage_errors_are_said_in_the_commands_language(
    cli: Cli, seeded_db: Path, args: list[str], french: str, english: str
) -> None:
    assert assert_refused(cli(*args), 2) == f"erreur : {french}"
    english_result = cli(*args, env=Environment(lang="en"))
    assert english_result.exit_code == 2
    assert english_result.stderr == f"error: {english}\n"


def test_the_language_comes_from_lang_or_the_environment(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("sites", "show", "XYZ").stderr.startswith("erreur : site « XYZ » introuvable")
    assert cli("sites", "show", "XYZ", "--lang", "en").stderr.startswith(
        "error: site 'XYZ' not found"
    )
    monkeypatch.setenv("PRESENCE_POSTALE_LANG", "en")
    assert cli("sites", "show", "XYZ").stderr.startswith("error: site 'XYZ' not found")
    monkeypatch.setenv("PRESENCE_POSTALE_LANG", "de")
    result = cli("sites", "list")
    assert result.exit_code == 2
    assert result.stderr == "erreur : langue « de » inconnue : choisir parmi fr, en\n"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["sites", "update", "00518A", "--staff", "douze"],
            Message("usage.whole_number", {"option": "--staff"}),
        ),
        (
            ["sites", "update", "00518A", "--staff", "\u0663"],
            Message("usage.whole_number", {"option": "--staff"}),
        ),
        (
            ["sites", "nearest", "--lon", "3", "--lat", "4,5"],
            Message("usage.number", {"option": "--lat"}),
        ),
        (
            ["permanences", "show", "--", "0"],
            Message("usage.at_least", {"option": "PERMANENCE_ID", "low": 1}),
        ),
        (
            ["permanences", "show", "--", str(2**63)],
            Message("usage.at_most", {"option": "PERMANENCE_ID", "high": 2**63 - 1}),
        ),
    ],
)
def test_a_number_typed_wrong_is_refused_in_the_catalogue_words(
    seeded_db: Path, lang: str, args: list[str], message: Message
) -> None:
    """Typer coerces numbers through pydantic; its refusal ("Input should be a valid
    integer, unable to parse string as an integer") is told in the command's language."""
    from typer.testing import CliRunner

    from presence_postale.cli.app import app
    from presence_postale.cli.environment import Environment

    value = args[-1]
    expected = say(Message(message.key, {"value": value, **message.params}), lang)
    result = CliRunner().invoke(app, args, obj=Environment(lang=lang, columns=100))
    assert result.exit_code == 2, result.stderr
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert expected in line, (expected, line)
    for words in LIBRARY_WORDS:
        assert words not in line


BROKEN = """
import sys
from presence_postale.services import sites
def broken(*args, **kwargs):
    raise RuntimeError("un défaut\\nsur deux lignes")
sites.listing = broken  # a defect of the tool, on demand
from presence_postale.cli.app import main
sys.argv = ["presence-postale", "sites", "list"]
main()
"""


@pytest.mark.sqlite_only  # a process of its own, on the seeded file
def test_a_defect_of_the_tool_is_one_line_and_exit_70_never_a_traceback(
    seeded_db: Path,
) -> None:
    import os
    import subprocess
    import sys

    environ = {**os.environ, "PRESENCE_POSTALE_DB": str(seeded_db)}
    environ.pop("PRESENCE_POSTALE_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", BROKEN], capture_output=True, text=True, env=environ, check=False
    )
    assert done.returncode == 70
    assert done.stderr.splitlines() == [
        "erreur : défaut interne de presence-postale (RuntimeError : un défaut sur deux lignes), "
        "à signaler ; PRESENCE_POSTALE_DEBUG=1 montre où il se produit"
    ]
    shown = subprocess.run(
        [sys.executable, "-c", BROKEN],
        capture_output=True,
        text=True,
        env={**environ, "PRESENCE_POSTALE_DEBUG": "1"},
        check=False,
    )
    assert shown.returncode != 0 and "RuntimeError" in shown.stderr
    assert "Traceback" in shown.stderr or "traceback" in shown.stderr.lower()
