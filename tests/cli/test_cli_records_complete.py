"""Records files carry everything a person wrote: the README tour's writing commands, then an
export, an import into an empty database, and every table holds as many rows as before and
exports to the same bytes. On SQLite and on PostgreSQL (PRESENCE_POSTALE_TEST_POSTGRES)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from backends import Database, dump_database, table_counts
from records_files import export, location, round_trip
from smtp_box import Box

Cli = Callable[..., Result]

# The README tour's commands that write, in its order (reads left out), and what they add.
TOUR: tuple[tuple[str, ...], ...] = (
    ("sites", "close", "17510A", "--from", "2021-06-01", "--to", "2021-06-15",
     "--reason", "travaux"),
    ("sites", "update", "00518A", "--hours", "Mo-Fr 09:00-12:00; Sa 09:00-12:00; PH off",
     "--staff", "2"),
    ("sites", "update", "17510A", "--remove-label", "france_services", "--from", "2022-01-01"),
    ("sites", "update", "17510A", "--hours", "Mo-Fr 09:00-12:00", "--staff", "1",
     "--add-label", "msap", "--from", "2021-09-01"),  # dated versions: the site's history
    ("programmes", "extend", "vigny-2021", "--until", "2021-12-31",
     "--reason", "retours des usagers"),
    ("permanences", "add", "--programme", "vigny-2021", "--agent", "vigny-conseillere-1",
     "--site", "17510A", "--every", "thursday", "--start", "09:00", "--end", "11:00",
     "--valid-from", "2021-05-06", "--force"),  # the closure above falls on a Thursday
    ("permanences", "cancel", "1", "--date", "2021-05-04", "--reason", "agent en formation"),
    ("permanences", "cancel", "2", "--from", "2021-07-01", "--to", "2021-07-31",
     "--reason", "fermeture d'été"),
    ("agents", "absent", "vigny-conseillere-1", "--from", "2021-05-10", "--to", "2021-05-21",
     "--reason", "congés"),
    ("permanences", "move", "1", "--date", "2021-05-11", "--to", "2021-05-12",
     "--reason", "salle prise"),
    ("permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6",
     "--requests", "caf=2,cnav=1"),
    ("notify", "--day", "2021-04-27"),
    ("coworking", "configure", "saint-clar", "--hours", "Mo-Fr 08:00-18:00",
     "--max-hours-per-week", "10"),  # the space's rules (not in the tour: what it would lose)
    ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00",
     "--to", "12:00", "--name", "Camille Martin", "--email", "camille@example.org",
     "--category", "soho_solo", "--record"),
    ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00",
     "--to", "12:00", "--name", "Jo Durand", "--email", "jo@example.org",
     "--category", "soho_solo", "--record", "--waitlist"),
    ("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "14:00",
     "--to", "16:00", "--name", "Asso Les Amis", "--category", "association", "--record",
     "--every", "tuesday", "--until", "2019-06-25"),
    ("coworking", "mark", "2", "--attended"),
    ("coworking", "cancel", "1"),
    ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
     "--date", "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
     "--themes", "email,navigation_sur_internet", "--equipment", "ordinateur",
     "--age-band", "soixante_dix_plus"),
    ("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
     "--date", "2019-03-26", "--start", "13:00", "--duration", "120", "--type", "collectif",
     "--participants", "3", "--themes", "aide_aux_demarches_administratives,social_sante",
     "--details", "Mon espace santé", "--age-bands", "soixante_soixante_neuf=2,soixante_dix_plus=1",
     "--genders", "feminin=2,masculin=1", "--communes", "03235=2,03173=1",
     "--workshop-title", "Mes démarches de santé", "--level", "debutant"),
    ("programmes", "end", "vigny-2021", "--on", "2021-11-30", "--reason", "fin du financement"),
    ("coworking", "purge", "--older-than", "12m"),
)  # fmt: skip

# Tables a tour fills besides the seed's: each must hold rows, or the test proves nothing.
WRITTEN_BY_THE_TOUR = (
    "closure",
    "programme_change",
    "permanence_exception",
    "permanence_outcome",
    "occurrence_revision",
    "agent_absence",
    "reservation",
    "waitlist_entry",
    "mediation_session",
    "notification",
)


def test_the_seed_round_trips_every_table(
    cli: Cli, seeded_db: Database, empty_database: Callable[[], Database], tmp_path: Path
) -> None:
    round_trip(cli, seeded_db, empty_database(), tmp_path)


def test_the_readme_tour_round_trips_every_table(
    cli: Cli,
    seeded_db: Database,
    empty_database: Callable[[], Database],
    tmp_path: Path,
    mail_server: Box,
) -> None:
    for command in TOUR:
        done = cli(*command)
        assert done.exit_code == 0, (command, done.stderr)
    counts = table_counts(seeded_db)
    assert all(counts[table] for table in WRITTEN_BY_THE_TOUR), counts
    # The dated versions travel in their sections, the ones since the beginning with the site.
    written = yaml.safe_load(export(cli, None, tmp_path / "tour.yaml"))
    assert {(v["site"], str(v["from"])) for v in written["hours_versions"]} >= {
        ("17510A", "2021-09-01")
    }
    assert {(v["site"], v["label"], v.get("held", True)) for v in written["label_versions"]} == {
        ("17510A", "france_services", False),
        ("17510A", "msap", True),
    }
    assert written["staff_versions"]
    empty = empty_database()
    round_trip(cli, seeded_db, empty, tmp_path)
    # The space's bookable hours came along: 02:00 on a Sunday is still refused there.
    sunday = cli("--db", location(empty), "coworking", "book", "saint-clar", "--date",
                 "2019-05-19", "--from", "02:00", "--to", "03:00", "--name", "Nuit",
                 "--category", "soho_solo", "--record")  # fmt: skip
    assert sunday.exit_code == 1, sunday.stderr


def test_without_include_personal_the_file_says_what_it_left_out(
    cli: Cli, seeded_db: Database, tmp_path: Path, mail_server: Box
) -> None:
    for command in TOUR[13:16]:  # two bookings and a waitlist entry, named
        assert cli(*command).exit_code == 0
    shared = yaml.safe_load(export(cli, None, tmp_path / "shared.yaml"))
    assert shared["left_out"] == [
        "reservations.email",
        "reservations.person_name",
        "waitlist.email",
        "waitlist.person_name",
    ]
    for section in ("reservations", "waitlist"):
        assert all("email" not in r and "person_name" not in r for r in shared[section])
    personal = yaml.safe_load(export(cli, None, tmp_path / "personal.yaml", "--include-personal"))
    assert "left_out" not in personal
    assert {r.get("person_name") for r in personal["waitlist"]} == {"Jo Durand"}


def test_an_export_without_personal_values_loads_back_and_keeps_them(
    cli: Cli, seeded_db: Database, tmp_path: Path, mail_server: Box
) -> None:
    """What `left_out` names, the database keeps: the file never said it (re-importing an
    export made without --include-personal was refused as a conflict on every name, and
    --replace then erased the names)."""
    for command in TOUR[13:16]:  # two bookings and a waitlist entry, named
        assert cli(*command).exit_code == 0
    before = dump_database(seeded_db)
    for fmt in ("yaml", "json"):
        path = tmp_path / f"shared.{fmt}"
        export(cli, None, path, "--format", fmt)
        for replace in ((), ("--replace",)):
            done = cli("import", "records", str(path), "--format", "json", *replace)
            assert done.exit_code == 0, (fmt, replace, done.stderr)
            summary = json.loads(done.stdout)
            assert (summary["created"], summary["updated"]) == (0, 0), (fmt, replace)
            assert dump_database(seeded_db) == before, (fmt, replace)


def test_left_out_may_name_only_the_fields_that_name_people(
    cli: Cli, seeded_db: Database, tmp_path: Path, mail_server: Box
) -> None:
    for command in TOUR[13:16]:
        assert cli(*command).exit_code == 0
    text = export(cli, None, tmp_path / "shared.yaml")
    before = dump_database(seeded_db)
    for wrong in ("sites.name", "reservations.category", "reservations", "agents.name", "1",
                  "{a: 1}", "[reservations.email]"):  # fmt: skip
        spoiled = tmp_path / "spoiled.yaml"
        spoiled.write_text(
            text.replace("  - reservations.email\n", f"  - {wrong}\n", 1), encoding="utf-8"
        )
        done = cli("import", "records", str(spoiled))
        assert done.exit_code == 1, wrong
        [line] = done.stderr.splitlines()
        assert line.startswith("erreur : ") and " : ligne 5 : left_out : " in line, line
        assert "n'est pas un champ qui nomme des personnes" in line or (
            "une liste des champs laissés de côté est attendue" in line
        )
        assert "__line" not in line
        assert dump_database(seeded_db) == before


def test_a_name_the_file_gives_despite_left_out_is_loaded(
    cli: Cli, seeded_db: Database, tmp_path: Path, mail_server: Box
) -> None:
    for command in TOUR[13:16]:
        assert cli(*command).exit_code == 0
    text = export(cli, None, tmp_path / "shared.yaml")
    document = yaml.safe_load(text)
    document["reservations"][0]["person_name"] = "Nouveau Nom"
    given = tmp_path / "given.yaml"
    given.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    refused = cli("import", "records", str(given))
    assert refused.exit_code == 1
    assert "person_name" in refused.stderr and "Nouveau Nom" in refused.stderr
    assert cli("import", "records", str(given), "--replace").exit_code == 0
    shown = cli("coworking", "list", "--include-personal", "--format", "json")
    assert "Nouveau Nom" in shown.stdout
