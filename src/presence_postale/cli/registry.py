"""Joins the command groups to the root app."""

from __future__ import annotations

import typer

from presence_postale.cli import agents, db, programmes, sites


def register(app: typer.Typer) -> None:
    app.command("init")(db.init)
    app.add_typer(db.app, name="db")
    app.add_typer(sites.app, name="sites")
    app.add_typer(agents.app, name="agents")
    app.add_typer(programmes.app, name="programmes")
