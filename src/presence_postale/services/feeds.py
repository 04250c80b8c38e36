"""Published calendars: the occurrences of a window, one calendar per agent, per host site and
per programme that has permanences.

Every agent, site and programme that a permanence names gets its calendar, even when none of
its occurrences falls in the window: a subscriber's calendar is emptied, not left stale.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select as core_select
from sqlmodel import Session, col

from presence_postale.domain.report import Entry
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store import queries

KINDS = ("agent", "site", "programme")


@dataclass
class Feed:
    """One published calendar: whose it is and the occurrences it holds."""

    kind: str  # agent | site | programme
    key: str
    name: str
    entries: list[Entry] = field(default_factory=list)


def collect(db: Session, start: date, end: date) -> list[Feed]:
    """Every feed, in a stable order (kind, then key), with its occurrences of [start, end]."""
    feeds: dict[tuple[str, str], Feed] = {}
    for kind, key, name in _subjects(db):
        feeds[(kind, key)] = Feed(kind, key, name or key)
    entries: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in schedule_service.build(db, start, end).entries:
        entries[("site", entry.site.id)].append(entry)
        entries[("programme", entry.permanence.programme_code)].append(entry)
        if entry.permanence.agent_id is not None:
            entries[("agent", entry.permanence.agent_id)].append(entry)
    for subject, found in entries.items():
        if subject in feeds:
            feeds[subject].entries = found
    return [feeds[key] for key in sorted(feeds, key=lambda k: (KINDS.index(k[0]), k[1]))]


def _subjects(db: Session) -> list[tuple[str, str, str | None]]:
    """(kind, id, name) of every agent, site and programme a permanence names."""
    permanence = m.Permanence
    statements = (
        (
            "agent",
            core_select(col(m.Agent.id), col(m.Agent.name)).where(
                col(m.Agent.id).in_(core_select(col(permanence.agent_id)))
            ),
        ),
        (
            "site",
            core_select(col(m.Site.id), col(m.Site.name)).where(
                col(m.Site.id).in_(core_select(col(permanence.site_id)))
            ),
        ),
        (
            "programme",
            core_select(col(m.Programme.code), col(m.Programme.title)).where(
                col(m.Programme.code).in_(core_select(col(permanence.programme_code)))
            ),
        ),
    )
    return [
        (kind, key, name)
        for kind, statement in statements
        for key, name in queries.rows(db, statement)
    ]
