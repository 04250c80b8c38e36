"""What a report needs to name things for people rather than by code: agents (their name, or
their role, home commune and rank when the records give no name), programme titles and
coworking space names. A few set-based queries, whatever the size of the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select as core_select
from sqlmodel import Session, col

from presence_postale.domain.report import AgentName, Names
from presence_postale.store import models as m
from presence_postale.store.queries import rows, rows_in


def names(
    db: Session, agent_ids: Iterable[str], programme_codes: Iterable[str], space_ids: Iterable[str]
) -> Names:
    return Names(
        agents=_agents(db, set(agent_ids)),
        programmes=_pairs(db, m.Programme.code, m.Programme.title, programme_codes),
        spaces=_pairs(db, m.Space.id, m.Space.name, space_ids),
    )


def _pairs(db: Session, key: Any, value: Any, ids: Iterable[str]) -> dict[str, str]:
    statement = core_select(col(key), col(value))
    return {k: v for k, v in rows_in(db, statement, col(key), ids)}


def _agents(db: Session, ids: set[str]) -> dict[str, AgentName]:
    if not ids:
        return {}
    # Each agent with their home site's commune, read in the same statement (a national
    # report names thousands of agents).
    statement = core_select(
        col(m.Agent.id),
        col(m.Agent.name),
        col(m.Agent.role),
        col(m.Agent.home_site_id),
        col(m.Site.commune),
    ).outerjoin(m.Site, col(m.Site.id) == col(m.Agent.home_site_id))
    found = list(rows_in(db, statement, col(m.Agent.id), ids))
    unnamed = [(i, role, home) for i, name, role, home, _ in found if not name]
    homes = {home for _, _, home in unnamed if home}
    ranks = _ranks(db, {role for _, role, _ in unnamed}, homes) if unnamed else {}
    return {
        i: AgentName(
            i,
            name or None,
            role,
            commune if home in homes else None,  # the communes of unnamed agents' homes
            None if name else ranks.get(i),
        )
        for i, name, role, home, commune in found
    }


def _ranks(db: Session, roles: set[str], homes: set[str]) -> dict[str, int]:
    """The rank of each unnamed agent among those of the same role and home site, where
    several share them."""
    statement = (
        core_select(col(m.Agent.id), col(m.Agent.role), col(m.Agent.home_site_id))
        .where(col(m.Agent.name).is_(None) | (col(m.Agent.name) == ""))
        .where(col(m.Agent.role).in_(sorted(roles)))
        .order_by(col(m.Agent.id))
    )
    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for agent_id, role, home in rows(db, statement):
        if home is None or home in homes:
            groups[(role, home)].append(agent_id)
    return {
        agent_id: rank
        for members in groups.values()
        if len(members) > 1
        for rank, agent_id in enumerate(members, start=1)
    }
