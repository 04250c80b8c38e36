"""`export mediation-places` against the national standard's own schema (LaMednum v1.0.2,
validated with frictionless): a place the schema would refuse is left out and named."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "lamednum_schema_v1.0.2.json"


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def test_a_site_the_standard_would_refuse_is_left_out_and_named(cli: Cli, tmp_path: Path) -> None:
    """`sites add` asks for no address: a place without one made the whole file fail the
    official schema. Left out, and named on stderr; the file stays valid."""
    from frictionless import Resource, Schema, validate

    site = ("salle-b", "--name", "Salle B", "--kind", "mairie", "-d", "03", "--commune", "Molinet")
    ok(cli("sites", "add", *site, "--postcode", "03510", "--equipment", "ilot_numerique"))
    target = tmp_path / "lieux.csv"
    done = ok(cli("export", "mediation-places", "--output", str(target)))
    assert done.stderr == (
        "1 site laissé de côté, que le standard des lieux de médiation numérique refuserait "
        "sans adresse, commune ou code postal à cinq chiffres : salle-b\n"
    )
    schema = Schema.from_descriptor(json.loads(SCHEMA.read_text(encoding="utf-8")))
    report = validate(Resource(path=target.name, basepath=str(tmp_path), schema=schema))
    assert report.valid, [error.message for error in report.tasks[0].errors][:5]
    ids = [row["id"] for row in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))]
    assert "salle-b" not in ids and "00518A" in ids
    ok(cli("sites", "update", "salle-b", "--address", "Le Bourg"))
    again = ok(cli("export", "mediation-places", "--format", "json"))
    assert again.stderr == ""
    assert "salle-b" in {place["id"] for place in json.loads(again.stdout)}
