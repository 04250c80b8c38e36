"""Agents: look-ups, listings, additions and changes, with their validation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.errors import Ambiguous, Conflict, InvalidData, NotFound
from presence_postale.services import agents
from presence_postale.store import db as store
from presence_postale.store import models as m
from refusals import refused


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


def test_get_by_id(db: Session) -> None:
    agent = agents.get(db, "vigny-conseillere-1")
    assert agent.role == "chargee_de_clientele"
    assert agent.home_site_id == "17510A"


def test_unknown_agent(db: Session) -> None:
    with refused(NotFound, match="agent 'nobody' not found"):
        agents.get(db, "nobody")


def test_listing_by_role_site_and_department(db: Session) -> None:
    assert [row["id"] for row in agents.listing(db)] == [
        "agen-conseiller",
        "allier-mediateur",
        "saint-amand-facteur",
        "vigny-conseillere-1",
        "vigny-conseillere-2",
    ]
    mediators = agents.listing(db, role="mediateur_numerique")
    assert [(r["id"], r["weekly_hours"]) for r in mediators] == [("allier-mediateur", 18)]
    assert [r["id"] for r in agents.listing(db, site="17510A")] == [
        "vigny-conseillere-1",
        "vigny-conseillere-2",
    ]
    vigny = agents.listing(db, department="95")
    assert {r["home_site_name"] for r in vigny} == {"Bureau de poste de Vigny"}


def test_listing_bad_role(db: Session) -> None:
    with refused(InvalidData, match="invalid --role 'boss'"):
        agents.listing(db, role="boss")


def test_detail_lists_the_agents_permanences(db: Session) -> None:
    data = agents.detail(db, agents.get(db, "allier-mediateur"))
    assert [p["site"] for p in data["permanences"]] == ["00518A", "00502A", "00486A"]


def test_add_then_find_by_name(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        agent = agents.add(
            db,
            None,
            {
                "name": "Élodie Martin",
                "role": "Mediateur Numerique",
                "home_site_id": "00518A",
                "weekly_hours": 18.0,
                "email": "elodie.martin@example.org",
            },
        )
        assert agent.id == "elodie-martin"
    with store.session(engine) as db:
        found = agents.get(db, "elodie martin")
        assert found.id == "elodie-martin"
        assert found.role == "mediateur_numerique"
        assert found.source == "manual"
        assert agents.get(db, "ELODIE").id == "elodie-martin"


def test_ambiguous_agent_name(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        agents.add(db, "a1", {"name": "Marie Dupont", "role": "chargee_de_clientele"})
        agents.add(db, "a2", {"name": "Marie Durand", "role": "chargee_de_clientele"})
    with store.session(engine) as db, refused(Ambiguous, match="a1 Marie Dupont, a2"):
        agents.get(db, "marie")


@pytest.mark.parametrize(
    ("agent_id", "values", "error", "message"),
    [
        ("x", {"name": "X"}, InvalidData, "invalid --role: it is required"),
        ("x", {"role": "boss"}, InvalidData, "invalid --role 'boss'"),
        ("x", {"role": "chargee_de_clientele", "home_site_id": "NOPE"}, NotFound, "site 'NOPE'"),
        ("x", {"role": "chargee_de_clientele", "weekly_hours": 90.0}, InvalidData, "between 0"),
        ("x", {"role": "chargee_de_clientele", "email": "nope"}, InvalidData, "--email 'nope'"),
        (
            None,
            {"role": "chargee_de_clientele"},
            InvalidData,
            "a new agent needs an id, or a --name",
        ),
        ("allier-mediateur", {"role": "chargee_de_clientele"}, Conflict, "already exists"),
    ],
)
def test_add_validation(
    engine: Engine,
    agent_id: str | None,
    values: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    with refused(error, match=message), store.session(engine, write=True) as db:
        agents.add(db, agent_id, values)
    with store.session(engine) as db:
        assert db.get(m.Agent, "x") is None
        assert db.get(m.Agent, "allier-mediateur").role == "mediateur_numerique"  # type: ignore[union-attr]


def test_update(engine: Engine) -> None:
    with store.session(engine, write=True) as db:
        agents.update(db, agents.get(db, "vigny-conseillere-1"), {"weekly_hours": 35.0})
    with store.session(engine) as db:
        assert agents.get(db, "vigny-conseillere-1").weekly_hours == 35.0


def test_update_with_nothing_is_refused(db: Session) -> None:
    with refused(InvalidData, match="nothing to update"):
        agents.update(db, agents.get(db, "vigny-conseillere-1"), {"name": None})
