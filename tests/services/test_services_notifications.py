"""Who is told what about a day, and the log that sends each notice once (the mails themselves
are tested through a real SMTP server in tests/cli/test_cli_notify.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain import notices as kinds
from presence_postale.errors import Message
from presence_postale.services import (
    absences,
    agents,
    notifications,
    permanence_occurrences,
    permanences,
)
from presence_postale.store import db as store
from presence_postale.store import models as m

DAY = date(2021, 4, 27)
NOW = datetime(2021, 4, 26, 18, 0)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        agent = session.get(m.Agent, "vigny-conseillere-1")
        mairie = session.get(m.Site, "mairie-grisy-les-platres")
        assert agent is not None and mairie is not None
        agent.email, mairie.email = "un@vigny.example", "mairie@grisy.example"
        yield session


def summary(plan: notifications.Plan) -> list[tuple[str, str, list[tuple[int, str]]]]:
    return [
        (
            n.kind,
            n.recipient,
            [(v.entry.occurrence.permanence_id, v.entry.occurrence.status) for v in n.visits],
        )
        for n in plan.notices
    ]


def test_the_day_of_agents_and_hosts(db: Session) -> None:
    plan = notifications.plan(db, DAY, now=NOW)
    assert summary(plan) == [
        ("agent-day", "agent:vigny-conseillere-1", [(1, "scheduled")]),
        ("host-day", "site:mairie-grisy-les-platres", [(1, "scheduled")]),
    ]
    assert plan.unaddressed == [Message("notify.who_agent", {"agent": "allier-mediateur"})]
    assert plan.malformed == [] and plan.already == 0
    (grisy,) = plan.notices[0].visits
    assert grisy.hours is None  # the mairie's hours are not known
    assert grisy.programme == "France Services en mobilité — Vigny"


def test_sent_once_then_again_only_when_the_day_changed(db: Session) -> None:
    first = notifications.plan(db, DAY, now=NOW)
    for notice in first.notices:
        notifications.mark_sent(db, notice)
    again = notifications.plan(db, DAY, now=NOW)
    assert again.notices == [] and again.already == 2
    permanence_occurrences.cancel(db, permanences.get(db, 1), DAY, "salle prise")
    changed = notifications.plan(db, DAY, now=NOW)
    assert [(n.recipient, n.update) for n in changed.notices] == [
        ("agent:vigny-conseillere-1", True),
        ("site:mairie-grisy-les-platres", True),
    ]
    assert {n.digest for n in changed.notices}.isdisjoint({n.digest for n in first.notices})


def test_an_absence_is_told_to_the_host_not_to_the_agent(db: Session) -> None:
    absences.add(db, agents.get(db, "vigny-conseillere-1"), DAY, DAY, "arrêt maladie")
    plan = notifications.plan(db, DAY, now=NOW)
    assert summary(plan) == [("host-day", "site:mairie-grisy-les-platres", [(1, "absent")])]


def test_a_malformed_address_is_named_not_sent(db: Session) -> None:
    site = db.get(m.Site, "mairie-grisy-les-platres")
    assert site is not None
    site.email = "mairie@grisy"
    plan = notifications.plan(db, DAY, now=NOW)
    assert plan.malformed == [
        Message(
            "notify.who_site",
            {"site": "mairie-grisy-les-platres", "name": "Mairie de Grisy-les-Plâtres"},
        )
    ]
    assert [n.recipient for n in plan.notices] == ["agent:vigny-conseillere-1"]


def test_queued_notices_expire_once_the_booking_has_begun(db: Session) -> None:
    booking = m.Reservation(
        space_id="saint-clar",
        start_at=datetime(2021, 4, 28, 9),
        end_at=datetime(2021, 4, 28, 12),
        person_name="Camille Martin",
        email="camille@example.org",
        category="soho_solo",
        created_at=datetime.now(UTC),
    )
    db.add(booking)
    db.flush()
    notifications.booked(db, [booking], now=NOW)
    queued = notifications.plan(db, date(2021, 5, 3), now=NOW)
    assert [(n.kind, n.recipient) for n in queued.notices] == [
        (kinds.BOOKING_CONFIRMED, f"reservation:{booking.id}")
    ]
    late = notifications.plan(db, date(2021, 5, 3), now=datetime(2021, 4, 28, 9, 30))
    assert late.notices == [] and len(late.expired) == 1
    notifications.expire(db, late.expired)
    row = db.get(m.Notification, late.expired[0])
    assert row is not None and row.status == kinds.EXPIRED
