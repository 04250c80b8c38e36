"""Every dry run works on a database its user may only read: it changes nothing, so nothing
need be writable. The database is the reader's own file made read-only (0444, in a read-only
directory), then another user's: each `--dry-run` succeeds and says what it would do, the file
keeps every byte and nothing is left beside it, and the same command without `--dry-run` is
refused in one line. With real system users (see `tests/system_users.py`)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from presence_postale.formats import laposte
from system_users import OWNER, READER, Runner, User, _beside, _digest, _dir, _ok

pytestmark = pytest.mark.sqlite_only  # the SQLite file and its permissions

COMMUNES = Path(__file__).resolve().parents[1] / "data" / "communes_extract.csv"
INPUTS = {
    "records.yaml": (
        "agents:\n  - id: a-9\n    name: Camille Martin\n    role: mediateur_numerique\n"
    ),
    "agents.csv": "sep=;\r\nid;name;role\r\na-9;Camille Martin;mediateur_numerique\r\n",
    "laposte.csv": ";".join(laposte.COLUMNS) + "\n" + (
        "00518A;ST GERAND LE PUY BP;Bureau de Poste;;5 RUE DU COMMERCE;;;03150;ST GERAND LE PUY;"
        "03235;FRANCE;46.257372;3.512178;Géocodé au numéro;3631;46.257372, 3.512178\n"
    ),
    "france-services.csv": (
        '"id_fs","insee_dep","lib_fs","adresse","complement_adresse","insee_com","code_postal",'
        '"lib_com","latitude","longitude","mail","telephone","h_lundi","h_mardi","h_mercredi",'
        '"h_jeudi","h_vendredi","h_samedi","prise_rdv","commentaire","type_fs","format_fs",'
        '"groupe_fs","labellisation_fs"\n'
        '"1","01","France services de Valserhône","5-9 Rue des Papetiers",,"01033","01200",'
        '"Valserhône",46.1060711578546,5.8260084241619,"franceservices@ccpb01.fr",'
        '"04 50 56 87 49","13:30 - 17:00","09:00 - 12:00 / 13:30 - 17:00",'
        '"09:00 - 12:00 / 13:30 - 17:00","09:00 - 12:00 / 13:30 - 17:00",'
        '"09:00 - 12:00 / 13:30 - 16:00",,"Non",,"Principal","Fixe",,'
        '"Espace labellisé 01/01/2020"\n'
    ),
}  # fmt: skip
DRY_RUNS: list[tuple[str, ...]] = [
    ("import", "records", "{out}/records.yaml"),
    ("import", "records", "{out}/agents.csv", "--kind", "agents"),
    ("import", "laposte", "{out}/laposte.csv"),
    ("import", "france-services", "{out}/france-services.csv"),
    ("import", "communes", str(COMMUNES), "--mairies"),
]


def _database(runner: Runner, user: User, directory: Path) -> Path:
    db = directory / "presence.db"
    _ok(runner.run(user, "--db", str(db), "init", cwd=directory), "init")
    return db


@pytest.mark.parametrize(
    "whose", ["own-read-only", pytest.param("another-users", marks=pytest.mark.slow)]
)
def test_every_dry_run_works_on_a_database_its_user_may_only_read(
    users: tuple[User, User], runner: Runner, place: Path, whose: str
) -> None:
    owner, reader = users
    out = _dir(place / "out", reader, 0o755)
    for name, text in INPUTS.items():
        (out / name).write_text(text, encoding="utf-8")
        (out / name).chmod(0o644)
    if whose == "own-read-only":
        home = _dir(place / "home", reader, 0o755)
        db = _database(runner, reader, home)
        db.chmod(0o444)
        home.chmod(0o555)
    else:
        home = _dir(place / "home", owner, 0o755)
        db = _database(runner, owner, home)
        db.chmod(0o644)
    digest, beside = _digest(db), _beside(db)
    for args in DRY_RUNS:
        command = [a.format(out=out) for a in args]
        done = runner.run(reader, "--db", str(db), *command, "--dry-run", cwd=out)
        _ok(done, args)
        assert done.stderr.startswith("dry run, nothing written: "), (args, done.stderr)
        assert re.search(r"(created|updated|unchanged) [1-9]", done.stderr), (args, done.stderr)
        refused = runner.run(reader, "--db", str(db), *command, cwd=out)
        assert refused.returncode == 1, (args, refused.stderr)
        assert refused.stderr.startswith(f"error: cannot write to '{db}': "), args
        assert len(refused.stderr.splitlines()) == 1, args
        assert _beside(db) == beside and _digest(db) == digest, args
    assert {who for _name, who in beside} == {READER if whose == "own-read-only" else OWNER}
    assert os.access(db, os.R_OK)
