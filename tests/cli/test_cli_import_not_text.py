"""A file of another kind given where a text file is read (every import, records files and
CSV): named for what it is in one line, never read as garbled Windows-1252 text, and nothing
written.

A spreadsheet's « Texte Unicode » is UTF-16: read as Windows-1252 its header showed as
`ÿþ#\\x00I\\x00d\\x00…` in a line hundreds of characters long.
"""

from __future__ import annotations

import gzip
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
from typer.testing import Result

from backends import Database, dump_database

Cli = Callable[..., Result]

HEADER = "#Identifiant_du_site;Libellé_du_site;Caractéristique_du_site\r\n05712A;Saint-Clar;x\r\n"


def _sqlite(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["id", "name"])
    book.save(path)


# (file, how it is made, the reason people read)
FILES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "unicode.csv",
        lambda p: p.write_bytes(HEADER.encode("utf-16")),
        "le texte est en UTF-16 (« Texte Unicode » d'un tableur) ; l'enregistrer en UTF-8 "
        "(dans un tableur : « CSV UTF-8 »)",
    ),
    (
        "sans-marque.csv",
        lambda p: p.write_bytes(HEADER.encode("utf-16-le")),
        "le texte est en UTF-16",
    ),
    (
        "base.csv",
        _sqlite,
        "c'est une base SQLite, pas un fichier de texte (une base se donne avec --db)",
    ),
    (
        "classeur.csv",
        _workbook,
        "c'est une archive ZIP ou un classeur (xlsx, ods), pas un fichier de texte ; "
        "l'enregistrer en CSV UTF-8",
    ),
    (
        "liste.csv",
        lambda p: p.write_bytes(gzip.compress(HEADER.encode())),
        "c'est un fichier compressé ; le décompresser d'abord",
    ),
    ("liste.pdf.csv", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n"), "c'est un PDF"),
]
COMMANDS = [
    ("laposte",),
    ("france-services",),
    ("communes",),
    ("records", "--kind", "sites"),
    ("records",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize(("name", "make", "reason"), FILES, ids=[f[0] for f in FILES])
def test_a_file_that_is_no_text_is_named_for_what_it_is(
    cli: Cli,
    seeded_db: Database,
    tmp_path: Path,
    command: tuple[str, ...],
    name: str,
    make: Callable[[Path], None],
    reason: str,
) -> None:
    path = tmp_path / (name if command != ("records",) else name.replace(".csv", ".yaml"))
    make(path)
    before = dump_database(seeded_db)
    result = cli("import", *command, str(path))
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(f"erreur : impossible de lire « {path} » : {reason}")
    assert len(result.stderr.splitlines()) == 1
    assert dump_database(seeded_db) == before


@pytest.mark.parametrize("command", [("laposte",), ("france-services",)], ids=" ".join)
def test_a_named_pipe_is_refused_at_a_terminal_too(
    cli: Cli, seeded_db: Database, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """At a terminal the progress bar counts the file's lines first: a named pipe would wait
    there for a writer, before the import could refuse it."""
    from presence_postale.cli.environment import Environment

    pipe = tmp_path / "liste.csv"
    os.mkfifo(pipe)
    result = cli("import", *command, str(pipe), env=Environment(stderr_isatty=True))
    assert result.exit_code == 1
    # (the progress bar, gone, leaves an empty line on the terminal)
    assert result.stderr.strip() == (
        f"erreur : impossible de lire « {pipe} » : ce n'est pas un fichier ordinaire "
        "(un périphérique, un tube ou une socket)"
    )
