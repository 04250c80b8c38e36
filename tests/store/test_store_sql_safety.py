"""No SQL is built from values: every statement is a literal with bound parameters.

The few statements that are assembled (from schema identifiers, never from user input) are
listed here after review; a new one fails this test until someone has looked at it.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "presence_postale"
SQL_CALLS = {"execute", "executemany", "exec_driver_sql", "text", "executescript", "rows"}

# (file, enclosing function): why it is safe.
REVIEWED = {
    ("services/import_laposte.py", "_drop_indexes"): "index names read from sqlite_master",
    ("services/import_laposte.py", "__init__"): "column names from the _OPEN_DATA constant",
    ("services/import_france_services.py", "_matched"): "a run of ? placeholders, values bound",
    ("services/communes.py", "__init__"): "column names from the _HALL_FIELDS constant",
    ("services/communes.py", "import_communes"): "column names from the commune constants",
    ("store/bulk.py", "selected"): "a table and its columns, from the schema (its metadata, or "
    "the file's own), quoted",
    ("store/rows.py", "_types"): "PRAGMA table_info of a table named by the records sections",
    # Not SQL: the drawing's own `text` (an SVG <text> element), found by name alone.
    ("formats/svg.py", "legend"): "an SVG text element",
    ("formats/svg.py", "scale_bar"): "an SVG text element",
    ("formats/charts.py", "bars"): "an SVG text element",
}


def _assembled_sql() -> set[tuple[str, str]]:
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name not in SQL_CALLS or not node.args:
                    continue
                first = node.args[0]
                assembled = isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.BinOp) and isinstance(first.op, ast.Mod | ast.Add)
                )
                if assembled or (
                    isinstance(first, ast.Call) and getattr(first.func, "attr", "") == "format"
                ):
                    found.add((path.relative_to(SRC).as_posix(), function.name))
    return found


def test_no_statement_is_assembled_outside_the_reviewed_places() -> None:
    assert _assembled_sql() <= set(REVIEWED), sorted(_assembled_sql() - set(REVIEWED))


def test_the_scan_finds_an_assembled_statement(tmp_path: Path) -> None:
    """The scan itself works: the reviewed places are found, so a new one would be too."""
    assert set(REVIEWED) <= _assembled_sql()
