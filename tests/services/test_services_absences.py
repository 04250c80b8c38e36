"""Absences on the seeded database: one record skips an agent's occurrences everywhere the
schedule is read (reports, mediation hours), is refused over what was recorded as held, and
`permanences cancel --from --to` cancels a range."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.services import (
    absences,
    agents,
    cancellations,
    mediation,
    permanence_occurrences,
    permanences,
    reports,
)
from presence_postale.services import schedule as schedule_service
from presence_postale.store import db as store

TODAY = date(2021, 8, 1)
MAY = (date(2021, 5, 3), date(2021, 5, 16))


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


def vigny(db: Session, start: date, end: date) -> list[tuple[int, date, str, str | None]]:
    found = schedule_service.build(db, start, end, programme="vigny-2021")
    return [
        (e.occurrence.permanence_id, e.occurrence.date, e.occurrence.status, e.occurrence.reason)
        for e in found.entries
    ]


def test_an_absence_skips_the_agents_occurrences_and_only_theirs(db: Session) -> None:
    outcome = absences.add(db, agents.get(db, "vigny-conseillere-1"), *MAY, "congés")
    assert [(e.occurrence.permanence_id, e.occurrence.date) for e in outcome.occurrences] == [
        (1, date(2021, 5, 4)),
        (1, date(2021, 5, 11)),
    ]
    assert vigny(db, *MAY) == [
        (1, date(2021, 5, 4), "absent", "congés"),
        (2, date(2021, 5, 5), "scheduled", None),
        (1, date(2021, 5, 11), "absent", "congés"),
        (2, date(2021, 5, 12), "scheduled", None),
    ]
    week = reports.weekly(db, IsoWeek(2021, 18), department="95")
    grisy = next(s for s in week.sites if s.site.id == "mairie-grisy-les-platres")
    assert [(e.occurrence.status, e.occurrence.reason) for e in grisy.permanences] == [
        ("absent", "congés")
    ]
    assert week.warnings == []  # an absence is not a problem to look at
    assert absences.listing(db) == [
        {
            "agent": "vigny-conseillere-1",
            "name": None,
            "from": date(2021, 5, 3),
            "to": date(2021, 5, 16),
            "days": 14,
            "reason": "congés",
        }
    ]


def test_undo_gives_the_occurrences_back(db: Session) -> None:
    agent = agents.get(db, "vigny-conseillere-1")
    absences.add(db, agent, *MAY, "congés")
    outcome = absences.undo(db, agent, *MAY)
    assert len(outcome.occurrences) == 2
    assert {status for _, _, status, _ in vigny(db, *MAY)} == {"scheduled"}
    with pytest.raises(NotFound) as missing:
        absences.undo(db, agent, *MAY)
    assert missing.value.key == "absence.not_found"


def test_an_absence_over_a_logged_occurrence_is_refused_naming_it(db: Session) -> None:
    grisy = permanences.get(db, 1)
    permanence_occurrences.log(db, grisy, date(2021, 5, 11), 5, {}, None, today=TODAY)
    with pytest.raises(Conflict) as refused:
        absences.add(db, agents.get(db, "vigny-conseillere-1"), *MAY, "congés")
    assert refused.value.key == "absence.over_logged"
    assert refused.value.params == {
        "agent": "vigny-conseillere-1",
        "permanence": 1,
        "date": date(2021, 5, 11),
        "site": "Mairie de Grisy-les-Plâtres",
    }
    assert absences.listing(db) == []


def test_overlapping_absences_and_logging_during_one_are_refused(db: Session) -> None:
    agent = agents.get(db, "vigny-conseillere-1")
    absences.add(db, agent, *MAY, None)
    with pytest.raises(Conflict) as overlap:
        absences.add(db, agent, date(2021, 5, 16), date(2021, 5, 20), None)
    assert overlap.value.key == "absence.overlaps"
    with pytest.raises(Conflict) as skipped:
        permanence_occurrences.log(
            db, permanences.get(db, 1), date(2021, 5, 4), 3, {}, None, today=TODAY
        )
    assert skipped.value.key == "absence.occurrence_skipped"
    with pytest.raises(InvalidData) as reversed_:
        absences.add(db, agent, date(2021, 6, 2), date(2021, 6, 1), None)
    assert reversed_.value.key == "value.range_reversed"


def test_a_mediators_absence_counts_towards_the_contract(db: Session) -> None:
    mediator = agents.get(db, "allier-mediateur")
    week = IsoWeek(2019, 12)
    absences.add(db, mediator, date(2019, 3, 19), date(2019, 3, 19), "formation")
    (figures,) = mediation.hours(db, week, mediator)
    assert figures["scheduled_hours"] == 12.0
    assert figures["absent_hours"] == 6.0
    assert figures["lost_hours"] == 0.0
    assert figures["difference"] == 0.0
    assert figures["status"] == "ok"
    assert mediation.deficits(db, week, {"allier-mediateur"}) == []


# ---- a range of one permanence ---------------------------------------------------------------


def test_cancel_a_range_then_restore_it(db: Session) -> None:
    grisy = permanences.get(db, 1)
    permanence_occurrences.move(
        db, grisy, date(2021, 5, 18), date(2021, 5, 19), None, None, "salle prise"
    )
    result = cancellations.cancel_range(db, grisy, date(2021, 5, 11), date(2021, 6, 1), "travaux")
    assert result.changed == [date(2021, 5, 11), date(2021, 5, 25), date(2021, 6, 1)]
    assert result.left == [date(2021, 5, 18)]  # moved: left as it was
    statuses = vigny(db, date(2021, 5, 10), date(2021, 6, 2))
    assert [(d, s) for p, d, s, _ in statuses if p == 1] == [
        (date(2021, 5, 11), "cancelled"),
        (date(2021, 5, 19), "moved"),
        (date(2021, 5, 25), "cancelled"),
        (date(2021, 6, 1), "cancelled"),
    ]
    restored = cancellations.restore_range(db, grisy, date(2021, 5, 1), date(2021, 6, 30))
    assert restored.changed == [date(2021, 5, 11), date(2021, 5, 25), date(2021, 6, 1)]
    with pytest.raises(NotFound) as nothing:
        cancellations.restore_range(db, grisy, date(2021, 5, 1), date(2021, 6, 30))
    assert nothing.value.key == "cancel.nothing_to_undo"


def test_a_range_over_a_logged_occurrence_is_refused_whole(db: Session) -> None:
    grisy = permanences.get(db, 1)
    permanence_occurrences.log(db, grisy, date(2021, 5, 25), 4, {}, None, today=TODAY)
    with pytest.raises(Conflict) as refused:
        cancellations.cancel_range(db, grisy, date(2021, 5, 11), date(2021, 6, 1), None)
    assert refused.value.key == "cancel.range_logged"
    assert refused.value.params == {"permanence": 1, "date": date(2021, 5, 25)}
    assert {s for p, _, s, _ in vigny(db, date(2021, 5, 10), date(2021, 6, 2)) if p == 1} == {
        "scheduled",
        "held",
    }
