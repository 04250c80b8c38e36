"""Mediation sessions to record in service tests: the README's Allier session and an Ardoiz
workshop, on the seeded database."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, time
from typing import Any

from sqlmodel import Session, select

from presence_postale.domain.mediation import Given
from presence_postale.services import agents, programmes, sites
from presence_postale.services import mediation as service
from presence_postale.store import models as m

GIVEN_FIELDS = {f.name for f in fields(Given)}


def new_session(db: Session, **changes: Any) -> service.NewSession:
    """An individual session at Saint-Gérand-le-Puy on Tuesday 19/03/2019 at 10:00, 90 min:
    inside the mediator's Tuesday presence. `changes` name NewSession's fields, Given's fields
    (`themes`, `minutes` …) or a counter (`age_bands`, `genders` …)."""
    counts = {"age_bands": {"soixante_dix_plus": 1}}
    for counter in ("age_bands", "social_statuses", "genders", "residence_communes"):
        if counter in changes:
            counts[counter] = changes.pop(counter)
    given = Given(
        session_type="individuel",
        minutes=90,
        counts=counts,
        themes=("email", "navigation_sur_internet"),
        equipment=("ordinateur",),
    )
    given = replace(given, **{k: changes.pop(k) for k in list(changes) if k in GIVEN_FIELDS})
    base = service.NewSession(
        site=sites.get(db, "00518A"),
        mediator=agents.get(db, "allier-mediateur"),
        programme=programmes.get(db, "allier-mediation-2019"),
        day=date(2019, 3, 19),
        start=time(10),
        given=given,
    )
    site = changes.pop("site", None)
    if site is not None:
        changes["site"] = sites.get(db, site)
    return replace(base, **changes)


def ardoiz_workshop(db: Session, **changes: Any) -> service.NewSession:
    values: dict[str, Any] = {
        "start": time(13),
        "minutes": 120,
        "session_type": "collectif",
        "participants": 5,
        "age_bands": {"soixante_soixante_neuf": 3, "soixante_dix_plus": 2},
        "themes": ("prendre_en_main_du_materiel",),
        "equipment": ("tablette",),
        "device_model": "Ardoiz",
    }
    values.update(changes)
    return new_session(db, **values)


def count_sessions(db: Session) -> int:
    return len(list(db.exec(select(m.MediationSession))))
