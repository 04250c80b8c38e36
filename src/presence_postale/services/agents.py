"""Agents: the people who hold permanences and mediation sessions."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import vocab
from presence_postale.domain.text import matches, search_key, slugify
from presence_postale.errors import Ambiguous, Conflict, InvalidData, NotFound
from presence_postale.store import models as m

FIELDS = ("name", "role", "home_site_id", "weekly_hours", "email", "active", "note")


def get(db: Session, ref: str) -> m.Agent:
    """An agent by id, else by a name that matches one agent."""
    ref = ref.strip()
    if not ref:
        raise InvalidData("empty agent: give an agent id or name")
    agent = db.get(m.Agent, ref)
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
        raise NotFound(f"agent '{ref}' not found (see: presence-postale agents list)")
    raise Ambiguous(
        f"agent '{ref}' is ambiguous: " + ", ".join(f"{a.id} {a.name}" for a in candidates[:8])
    )


def listing(
    db: Session, *, role: str | None = None, site: str | None = None, department: str | None = None
) -> list[dict[str, Any]]:
    if role is not None:
        role = vocab.check("agent_role", role, "--role")
    if department is not None and db.get(m.Department, department) is None:
        raise NotFound(f"department '{department}' not found")
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


def _check(db: Session, values: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in values.items() if v is not None}
    if "role" in out:
        out["role"] = vocab.check("agent_role", out["role"], "--role")
    if "home_site_id" in out and db.get(m.Site, out["home_site_id"]) is None:
        raise NotFound(f"site '{out['home_site_id']}' not found")
    if "weekly_hours" in out and not 0 <= out["weekly_hours"] <= 80:
        raise InvalidData(f"invalid --weekly-hours {out['weekly_hours']}: must be between 0 and 80")
    if "email" in out and ("@" not in out["email"] or " " in out["email"].strip()):
        raise InvalidData(f"invalid --email '{out['email']}': expected name@domain")
    if "name" in out:
        out["name"] = out["name"].strip()
        if not out["name"]:
            raise InvalidData("invalid --name: must not be empty")
        out["name_key"] = search_key(out["name"])
    return out


def add(db: Session, agent_id: str | None, values: dict[str, Any]) -> m.Agent:
    if not values.get("role"):
        raise InvalidData("a new agent needs --role")
    checked = _check(db, values)
    new_id = (agent_id or slugify(checked.get("name", ""))).strip()
    if not new_id:
        raise InvalidData("a new agent needs an id or --name")
    if any(ch.isspace() or not ch.isprintable() for ch in new_id):
        raise InvalidData(f"invalid agent id {new_id!r}: no spaces or control characters")
    if db.get(m.Agent, new_id) is not None:
        raise Conflict(f"agent '{new_id}' already exists")
    agent = m.Agent(id=new_id, source="manual", **checked)
    db.add(agent)
    db.flush()
    return agent


def update(db: Session, agent: m.Agent, values: dict[str, Any]) -> m.Agent:
    checked = _check(db, values)
    if not checked:
        raise InvalidData("nothing to update: give at least one option to change")
    for key, value in checked.items():
        setattr(agent, key, value)
    if checked.get("illustrative") is False:  # the values are real now: no reason left
        agent.illustrative_reason = None
    return agent
