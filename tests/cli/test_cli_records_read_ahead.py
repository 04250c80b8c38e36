"""`import records` with every file read by a child process (`read_ahead`, which reads only
large files otherwise) and, into a current SQLite file, what the database holds read while
the child reads: the tests of round trips (into empty databases), re-imports and merges
again, with the same results; a file whose shape is refused opens no database (creating or
upgrading it), as without a child."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli_records_complete import *  # noqa: F403 - run again here, every file read ahead
from test_cli_records_merge import *  # noqa: F403 - the same
from test_cli_records_unchanged import *  # noqa: F403 - the same
from typer.testing import Result

from presence_postale.formats import read_ahead


@pytest.fixture(autouse=True)
def every_file_read_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_ahead, "SMALLEST", 0)


@pytest.mark.parametrize(
    "text",
    [
        "sites:\n  - id: X1\n    kind: mairie\n    name: [1, 2]\n",
        "versions: 1\n",
        "\x00\x01binaire",
    ],
)
def test_a_file_of_the_wrong_shape_creates_no_database(
    cli: Callable[..., Result], tmp_path: Path, text: str
) -> None:
    path = tmp_path / "refuse.yaml"
    path.write_text(text, encoding="utf-8")
    database = tmp_path / "jamais.db"
    done = cli("--db", str(database), "import", "records", str(path))
    assert done.exit_code == 1, done.stdout
    assert "refuse.yaml" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not database.exists()
