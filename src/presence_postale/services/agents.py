"""Agents: the people who hold permanences and mediation sessions."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain.text import matches, slugify
from presence_postale.errors import Ambiguous, Conflict, InvalidData, NotFound
from presence_postale.store import models as m
from presence_postale.store import queries


def get(db: Session, ref: str) -> m.Agent:
    """An agent by id, else by a name that matches one agent."""
    ref = ref.strip()
    if not ref:
        raise InvalidData("agent.empty_ref")
    agent = db.get(m.Agent, ref) or queries.in_any_case(db, m.Agent, ref)
    if agent is not None:
        return agent
    candidates = [
        a
        for a in db.exec(select(m.Agent).order_by(m.Agent.id))
        if a.name_key and matches(ref, a.name_key)
    ]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFound("agent.not_found", agent=ref)
    raise Ambiguous(
        "agent.ambiguous", agent=ref, candidates=[f"{a.id} {a.name}" for a in candidates[:8]]
    )


def listing(
    db: Session, *, role: str | None = None, site: str | None = None, department: str | None = None
) -> list[dict[str, Any]]:
    if role is not None:
        role = vocab.check("agent_role", role, "--role")
    queries.require_department(db, department)
    statement = select(m.Agent, m.Site).join(
        m.Site, col(m.Site.id) == col(m.Agent.home_site_id), isouter=True
    )
    if role is not None:
        statement = statement.where(m.Agent.role == role)
    if site is not None:
        statement = statement.where(m.Agent.home_site_id == site)
    if department is not None:
        statement = statement.where(m.Site.department_code == department)
    return [row(agent, home) for agent, home in db.exec(statement.order_by(m.Agent.id))]


def row(agent: m.Agent, home: m.Site | None) -> dict[str, Any]:
    return {
        "id": agent.id,
        "name": agent.name,
        "role": agent.role,
        "home_site": agent.home_site_id,
        "home_site_name": home.name if home else None,
        "weekly_hours": agent.weekly_hours,
        "email": agent.email,
        "active": agent.active,
        "illustrative": agent.illustrative,
        "illustrative_reason": agent.illustrative_reason,
        "note": agent.note,
    }


def detail(db: Session, agent: m.Agent) -> dict[str, Any]:
    home = db.get(m.Site, agent.home_site_id) if agent.home_site_id else None
    permanences = db.exec(
        select(m.Permanence).where(m.Permanence.agent_id == agent.id).order_by(col(m.Permanence.id))
    ).all()
    data = row(agent, home)
    data["permanences"] = [
        {
            "id": p.id,
            "programme": p.programme_code,
            "site": p.site_id,
            "rrule": p.rrule,
            "start": p.start_time,
            "end": p.end_time,
            "valid_from": p.valid_from,
            "valid_until": p.valid_until,
            "illustrative": p.illustrative,
            "illustrative_reason": p.illustrative_reason,
        }
        for p in permanences
    ]
    return data


OPTIONS = {
    "id": "agent id",
    "name": "--name",
    "role": "--role",
    "home_site_id": "--home-site",
    "weekly_hours": "--weekly-hours",
    "email": "--email",
    "note": "--note",
}


def _check(db: Session, values: dict[str, Any], *, partial: bool) -> dict[str, Any]:
    with fields.naming(OPTIONS):
        out = validators.agent(values, partial=partial)
    out = {k: v for k, v in out.items() if v is not None}
    if "home_site_id" in out and db.get(m.Site, out["home_site_id"]) is None:
        raise NotFound("site.not_found", site=out["home_site_id"])
    return out


def add(db: Session, agent_id: str | None, values: dict[str, Any]) -> m.Agent:
    """A new agent; without an id, one is made of the name. An id given empty is refused."""
    new_id = agent_id
    if agent_id is None:
        new_id = slugify(str(values.get("name") or ""))
        if not new_id:
            raise InvalidData("agent.no_id")
    checked = _check(db, {**values, "id": new_id}, partial=False)
    new_id = checked.pop("id")
    if db.get(m.Agent, new_id) is not None:
        raise Conflict("agent.exists", agent=new_id)
    twins = queries.ids_in_any_case(db, m.Agent, new_id, limit=1)
    if twins:
        raise Conflict("id.exists_in_other_case", new=new_id, existing=twins[0])
    agent = m.Agent(id=new_id, source="manual", **checked)
    db.add(agent)
    db.flush()
    return agent


def update(db: Session, agent: m.Agent, values: dict[str, Any]) -> m.Agent:
    checked = _check(db, values, partial=True)
    if not checked:
        raise InvalidData("value.nothing_to_update")
    for key, value in checked.items():
        setattr(agent, key, value)
    if checked.get("illustrative") is False:  # the values are real now: no reason left
        agent.illustrative_reason = None
    return agent
