"""Joins the command groups to the root app."""

from __future__ import annotations

import typer

from presence_postale.cli import (
    agents,
    coworking,
    db,
    export,
    imports,
    mediation,
    permanences,
    programmes,
    reports,
    sites,
)


def register(app: typer.Typer) -> None:
    app.command("init")(db.init)
    app.add_typer(db.app, name="db")
    app.add_typer(sites.app, name="sites")
    app.add_typer(agents.app, name="agents")
    app.add_typer(programmes.app, name="programmes")
    app.add_typer(permanences.app, name="permanences")
    app.add_typer(coworking.app, name="coworking")
    app.add_typer(mediation.app, name="mediation")
    app.add_typer(reports.app, name="report")
    export.app.command("mediation-places")(mediation.export_places)
    app.add_typer(imports.app, name="import")
    app.add_typer(export.app, name="export")
