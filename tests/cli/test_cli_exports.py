"""`export sites` and `export records`: GeoJSON, CSV for Excel, and the records round trip."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]


def test_geojson_is_a_feature_collection_of_lon_lat_points(cli: Cli, seeded_db: Path) -> None:
    result = cli("export", "sites", "--department", "95", "--format", "geojson")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection"
    vigny = next(f for f in data["features"] if f["id"] == "17510A")
    assert vigny["geometry"] == {"type": "Point", "coordinates": [1.927508, 49.077425]}
    assert vigny["properties"]["labels"] == "france_services"
    # The mairie of Grisy has no coordinates: left out, and said so.
    assert "mairie-grisy-les-platres" not in {f["id"] for f in data["features"]}
    assert result.stderr == "1 site sans coordonnées laissé de côté\n"


def test_export_csv_keeps_values_and_excel_csv_neutralises_formulas(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    assert cli("sites", "update", "17510A", "--note", "x").exit_code == 0
    renamed = cli("sites", "update", "17443A", "--name", '=HYPERLINK("http://x")')
    assert renamed.exit_code == 0, renamed.stderr
    # For other systems: the values exactly as they are.
    result = cli("export", "sites", "--department", "95")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert next(r for r in rows if r["id"] == "17443A")["name"] == '=HYPERLINK("http://x")'
    assert next(r for r in rows if r["id"] == "17510A")["postcode"] == "95450"
    # For people in a French Excel: no cell runs as a formula.
    target = tmp_path / "sites.csv"
    excel = cli("export", "sites", "--department", "95", "--excel", "-o", str(target))
    assert excel.exit_code == 0, excel.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;name;kind;")
    assert b";49,077425;1,927508;" in raw
    assert raw.count(b"\r\n") == raw.count(b"\n")
    text = raw.decode("utf-8-sig")
    excel_rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert next(r for r in excel_rows if r["id"] == "17443A")["name"].startswith("'=")


def test_excel_needs_csv(cli: Cli, seeded_db: Path) -> None:
    assert cli("export", "sites", "--format", "json", "--excel").exit_code == 2


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_records_round_trip_is_identical(
    cli: Cli, seeded_db: Path, tmp_path: Path, fmt: str
) -> None:
    first = tmp_path / f"first.{fmt}"
    result = cli("export", "records", "--format", fmt, "--include-personal", "-o", str(first))
    assert result.exit_code == 0, result.stderr
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "init", "--no-seed").exit_code == 0
    loaded = cli("--db", str(empty), "import", "records", str(first))
    assert loaded.exit_code == 0, loaded.stderr
    second = tmp_path / f"second.{fmt}"
    again = cli("--db", str(empty), "export", "records", "--format", fmt, "--include-personal",
                "-o", str(second))  # fmt: skip
    assert again.exit_code == 0, again.stderr
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert "17510A" in text and "vigny-2021" in text


def test_personal_data_left_out_unless_asked(cli: Cli, seeded_db: Path) -> None:
    import yaml

    shared = yaml.safe_load(cli("export", "records").stdout)
    personal = yaml.safe_load(cli("export", "records", "--include-personal").stdout)
    for reservation in shared.get("reservations", []):
        assert "person_name" not in reservation and "email" not in reservation
    assert shared["sites"] == personal["sites"]


def test_a_json_records_file_read_fast_still_names_the_line_of_a_problem(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """JSON is read by the json module, without lines; a problem sends the file through the
    exact reader, so the refusal names its line as for YAML, and nothing is written."""
    exported = cli("export", "records", "--format", "json").stdout
    lines = exported.splitlines()
    at = next(n for n, line in enumerate(lines) if '"postcode": "95450",' in line)
    lines[at] = lines[at].replace('"95450"', '"9545"', 1)
    broken = tmp_path / "broken.json"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.db"
    assert cli("--db", str(empty), "init", "--no-seed").exit_code == 0
    refused = cli("--db", str(empty), "import", "records", str(broken))
    assert refused.exit_code == 1
    assert f"ligne {at + 1} :" in refused.stderr and "9545" in refused.stderr
    assert cli("--db", str(empty), "sites", "list", "--format", "json").stdout.strip() == "[]"
