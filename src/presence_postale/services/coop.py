"""Mediation sessions as *La Coop de la médiation numérique* exchanges them: each session with
its site, its mediator and the communes it names (where it took place, where people live),
ready for the Coop's activity API shape or its spreadsheet (`formats.coop`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.services.mediation import sessions_between
from presence_postale.store import models as m


@dataclass(frozen=True)
class Commune:
    insee_code: str
    name: str | None
    postcode: str | None


@dataclass(frozen=True)
class Activity:
    session: m.MediationSession
    site: m.Site
    mediator: m.Agent
    # Where it took place when not at the site (the site's own commune for a remote session
    # given none, as the Coop takes the mediator's structure's).
    place: Commune | None
    # Communes of residence by INSEE code.
    communes: dict[str, Commune]


def activities(
    db: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    site: str | None = None,
    programme: str | None = None,
    mediator: str | None = None,
) -> list[Activity]:
    sessions = sessions_between(db, start, end, site, programme, mediator)
    sites = _by_id(db, m.Site, {s.site_id for s in sessions})
    agents = _by_id(db, m.Agent, {s.mediator_id for s in sessions})
    codes = {s.place_insee_code for s in sessions if s.place_insee_code}
    for s in sessions:
        codes.update(code for code in s.residence_communes if code != "non_communique")
    communes = _communes(db, codes)
    out = []
    for s in sessions:
        place = None
        if s.place_insee_code:
            place = communes[s.place_insee_code]
        elif s.place_type != "lieu_activite":
            here = sites[s.site_id]
            if here.insee_code:
                place = Commune(here.insee_code, here.commune, here.postcode)
        mine = {c: communes[c] for c in s.residence_communes if c in communes}
        out.append(Activity(s, sites[s.site_id], agents[s.mediator_id], place, mine))
    return out


def _by_id(db: Session, model: Any, ids: set[str]) -> dict[str, Any]:
    if not ids:
        return {}
    return {row.id: row for row in db.exec(select(model).where(col(model.id).in_(sorted(ids))))}


def _communes(db: Session, codes: set[str]) -> dict[str, Commune]:
    """Each INSEE code with the name and postcode of a site in that commune, where one is."""
    found = {code: Commune(code, None, None) for code in codes}
    if codes:
        statement = (
            select(m.Site.insee_code, m.Site.commune, m.Site.postcode)
            .where(col(m.Site.insee_code).in_(sorted(codes)), col(m.Site.commune).is_not(None))
            .order_by(col(m.Site.id))
        )
        for code, name, postcode in db.exec(statement):
            if code and found[code].name is None:
                found[code] = Commune(code, name, postcode)
    return found
