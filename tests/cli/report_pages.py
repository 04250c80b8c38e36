"""The HTML reports the page tests look at, made on the seeded database through the CLI:
the Val-d'Oise week 2021-W17 as seeded; the Vigny evaluation after outcomes were logged for
eight weeks; the Allier mediation report of March 2019 with the README tour's session and two
more; coworking usage of May 2019 with the README tour's bookings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from typer.testing import CliRunner, Result

from presence_postale.cli.app import app
from presence_postale.cli.environment import Environment

Cli = Callable[..., Result]

WEEKLY = ("report", "weekly", "--week", "2021-W17", "--department", "95")
PROGRAMME = ("report", "programme", "vigny-2021")
MEDIATION = ("mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31")
USAGE = ("coworking", "usage", "--month", "2019-05")
TODAY = date(2021, 8, 2)


def run(*args: str, columns: int | None = None) -> Result:
    """The CLI with a fixed day and terminal width."""
    result = CliRunner().invoke(app, list(args), obj=Environment(today=TODAY, columns=columns))
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


def add_activity() -> None:
    """What the README tour records, and a little more, so that every chart has a series."""
    tuesdays = ("04-27", "05-04", "05-11", "05-18", "05-25", "06-01", "06-08", "06-15")
    for n, day in enumerate(tuesdays):
        run("permanences", "log", "1", "--date", f"2021-{day}", "--visitors", str(3 + n % 4),
            "--requests", "caf=2,cnav=1")  # fmt: skip
    for n, day in enumerate(("04-28", "05-05", "05-12", "05-19")):
        run("permanences", "log", "2", "--date", f"2021-{day}", "--visitors", str(2 + n),
            "--requests", "dgfip=1,pole_emploi=2")  # fmt: skip
    run("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur",
        "--date", "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
        "--themes", "email,navigation_sur_internet", "--equipment", "ordinateur",
        "--age-band", "soixante_dix_plus")  # fmt: skip
    run("mediation", "add", "--site", "00502A", "--mediator", "allier-mediateur",
        "--date", "2019-03-21", "--start", "14:00", "--duration", "60", "--type", "individuel",
        "--themes", "aide_aux_demarches_administratives", "--equipment", "ordinateur",
        "--age-band", "soixante_soixante_neuf")  # fmt: skip
    run("mediation", "add", "--site", "00486A", "--mediator", "allier-mediateur",
        "--date", "2019-03-26", "--start", "14:00", "--duration", "120", "--type", "collectif",
        "--participants", "5", "--age-bands", "soixante_soixante_neuf=3,soixante_dix_plus=2",
        "--themes", "email,securite_numerique", "--equipment", "tablette")  # fmt: skip
    run("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00",
        "--to", "12:00", "--name", "Camille Martin", "--email", "camille@example.org",
        "--category", "soho_solo", "--record")  # fmt: skip


def pages(folder: Path, *, activity: bool = True) -> dict[str, Path]:
    """The four HTML reports written to `folder`, by name; the weekly one made before any
    activity is added (the seeded week)."""
    made = {"weekly": folder / "weekly.html"}
    run(*WEEKLY, "--format", "html", "--output", str(made["weekly"]))
    if activity:
        add_activity()
        for name, args in (("programme", PROGRAMME), ("mediation", MEDIATION), ("usage", USAGE)):
            made[name] = folder / f"{name}.html"
            run(*args, "--format", "html", "--output", str(made[name]))
    return made
