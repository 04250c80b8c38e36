"""Schedules read from the seeded database: occurrences, changes, outcomes, conflicts, warnings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain import schedule as sch
from presence_postale.errors import Conflict, InvalidData, NotFound
from presence_postale.formats import words
from presence_postale.services import (
    agents,
    permanence_occurrences,
    permanences,
    programmes,
    site_changes,
    sites,
)
from presence_postale.services import schedule as schedule_service
from presence_postale.store import db as store
from refusals import english, refused

VIGNY_START, VIGNY_END = date(2021, 4, 27), date(2021, 7, 26)
TODAY = date(2021, 8, 1)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """One write session for a whole test; the tests read back what they wrote in it."""
    with store.session(engine, write=True) as session:
        yield session


def new_permanence(db: Session, **values: Any) -> permanences.NewPermanence:
    fields: dict[str, Any] = {
        "programme": "vigny-2021",
        "agent": None,
        "site": "17510A",
        "rule": "FREQ=WEEKLY;BYDAY=MO",
        "start": time(9),
        "end": time(11),
        "valid_from": VIGNY_START,
        "valid_until": None,
    }
    fields.update(values)
    return permanences.NewPermanence(
        programme=programmes.get(db, fields.pop("programme")),
        agent=agents.get(db, fields["agent"]) if fields["agent"] else None,
        site=sites.get(db, fields.pop("site")),
        **{k: v for k, v in fields.items() if k != "agent"},
    )


def statuses(schedule: schedule_service.Schedule) -> list[tuple[int, date, str]]:
    return [
        (e.occurrence.permanence_id, e.occurrence.date, e.occurrence.status)
        for e in schedule.entries
    ]


# ---- build ----------------------------------------------------------------------------------


def test_vigny_programme_schedule(db: Session) -> None:
    result = schedule_service.build(db, VIGNY_START, date(2021, 7, 27), programme="vigny-2021")
    occurrences = [e.occurrence for e in result.entries]
    tuesdays = [o.date for o in occurrences if o.permanence_id == 1]
    wednesdays = [o.date for o in occurrences if o.permanence_id == 2]
    assert len(tuesdays) == 13 and len(wednesdays) == 13
    assert (tuesdays[0], tuesdays[-1]) == (date(2021, 4, 27), date(2021, 7, 20))
    assert (wednesdays[0], wednesdays[-1]) == (date(2021, 4, 28), date(2021, 7, 21))
    assert all(d.weekday() == 1 for d in tuesdays) and all(d.weekday() == 2 for d in wednesdays)
    assert max(o.date for o in occurrences) <= VIGNY_END
    skipped = [o for o in occurrences if o.status == sch.SKIPPED]
    assert [(o.permanence_id, o.date, o.reason) for o in skipped] == [
        (2, date(2021, 7, 14), "Fête nationale")
    ]
    assert sum(o.takes_place for o in occurrences) == 25
    assert result.warnings == []
    # Sorted by date, then time.
    assert [o.date for o in occurrences] == sorted(o.date for o in occurrences)


def test_entry_rows_carry_site_agent_and_operators(db: Session) -> None:
    result = schedule_service.build(db, date(2021, 4, 26), date(2021, 5, 2), department="95")
    rows = [e.row() for e in result.entries]
    assert [(r["permanence_id"], r["date"], r["site_id"], r["agent_id"]) for r in rows] == [
        (1, date(2021, 4, 27), "mairie-grisy-les-platres", "vigny-conseillere-1"),
        (2, date(2021, 4, 28), "17443A", "vigny-conseillere-2"),
    ]
    assert rows[0]["site_name"] == "Mairie de Grisy-les-Plâtres"
    assert rows[1]["commune"] == "Cormeilles-en-Vexin"
    assert rows[0]["start"] == time(9) and rows[0]["end"] == time(12)
    assert rows[0]["status"] == "scheduled" and rows[0]["visitors"] is None
    assert "caf" in rows[0]["operators"]


def test_filters(db: Session) -> None:
    week = (date(2021, 4, 26), date(2021, 5, 2))
    everything = statuses(schedule_service.build(db, *week))
    assert [(pid, d) for pid, d, _ in everything] == [
        (3, date(2021, 4, 27)),
        (1, date(2021, 4, 27)),
        (2, date(2021, 4, 28)),
        (4, date(2021, 4, 29)),
        (5, date(2021, 4, 30)),
    ]
    assert [p for p, _, _ in statuses(schedule_service.build(db, *week, department="03"))] == [
        3,
        4,
        5,
    ]
    by_agent = schedule_service.build(db, *week, agent="vigny-conseillere-2")
    assert [p for p, _, _ in statuses(by_agent)] == [2]
    by_site = schedule_service.build(db, *week, site_ids=["00502A"])
    assert [p for p, _, _ in statuses(by_site)] == [4]
    assert schedule_service.build(db, *week, programme="agen-2021").entries == []


def test_programme_bounds_the_permanences(db: Session) -> None:
    # Vigny's permanences have no end of their own: the programme's planned end stops them.
    assert (
        schedule_service.build(
            db, date(2021, 7, 27), date(2021, 12, 31), programme="vigny-2021"
        ).entries
        == []
    )
    programmes.extend(
        db, programmes.get(db, "vigny-2021"), date(2021, 12, 31), TODAY, "retours des usagers"
    )
    later = schedule_service.build(db, date(2021, 7, 27), date(2021, 8, 8), programme="vigny-2021")
    assert [(p, d) for p, d, _ in statuses(later)] == [
        (1, date(2021, 7, 27)),
        (2, date(2021, 7, 28)),
        (1, date(2021, 8, 3)),
        (2, date(2021, 8, 4)),
    ]


def test_changes_and_outcomes_show_in_the_schedule(db: Session) -> None:
    grisy = permanences.get(db, 1)
    cormeilles = permanences.get(db, 2)
    permanence_occurrences.cancel(db, grisy, date(2021, 5, 4), "agent en formation")
    permanence_occurrences.move(
        db, cormeilles, date(2021, 5, 5), date(2021, 5, 11), time(14), time(16), "salle prise"
    )
    permanence_occurrences.log(db, grisy, date(2021, 4, 27), 6, {"caf": 2}, None, today=TODAY)
    permanence_occurrences.log(
        db, cormeilles, date(2021, 5, 11), 4, {}, None, today=TODAY
    )  # the moved one
    db.flush()
    week18 = schedule_service.build(db, date(2021, 5, 3), date(2021, 5, 9), department="95")
    assert [
        (e.occurrence.permanence_id, e.occurrence.status, e.occurrence.reason)
        for e in week18.entries
    ] == [
        (1, sch.CANCELLED, "agent en formation"),
    ]
    # The moved occurrence appears at its new date, with its visitors, keyed by its original.
    week19 = schedule_service.build(db, date(2021, 5, 10), date(2021, 5, 16), department="95")
    rows = [e.row() for e in week19.entries]
    assert [
        (r["permanence_id"], r["date"], r["original_date"], r["status"], r["visitors"])
        for r in rows
    ] == [
        (1, date(2021, 5, 11), date(2021, 5, 11), "scheduled", None),
        (2, date(2021, 5, 11), date(2021, 5, 5), "moved", 4),
        (2, date(2021, 5, 12), date(2021, 5, 12), "scheduled", None),
    ]
    assert (rows[1]["start"], rows[1]["end"]) == (time(14), time(16))
    week17 = schedule_service.build(db, date(2021, 4, 26), date(2021, 5, 2), department="95")
    assert [(p, s) for p, _, s in statuses(week17)] == [(1, sch.HELD), (2, sch.SCHEDULED)]
    assert week17.entries[0].occurrence.visitors == 6


def test_a_series_started_in_2000_gives_one_date_in_a_week_of_2030(db: Session) -> None:
    """The expansion follows the window, not the age of the series: exactly the right date."""
    programmes.add(
        db,
        {
            "code": "longue-serie",
            "title": "Permanence historique",
            "model": "permanence",
            "department_code": "95",
            "start_date": date(2000, 1, 1),
            "status": "running",
        },
    )
    new = new_permanence(
        db, programme="longue-serie", rule="FREQ=WEEKLY;BYDAY=TU", valid_from=date(2000, 1, 4)
    )
    created, _ = permanences.add(db, new, force=True)
    result = schedule_service.build(
        db, date(2030, 4, 22), date(2030, 4, 28), programme="longue-serie"
    )
    assert [
        (e.occurrence.permanence_id, e.occurrence.date, e.occurrence.status) for e in result.entries
    ] == [(created.id, date(2030, 4, 23), sch.SCHEDULED)]


# ---- add: refusals and warnings -------------------------------------------------------------


def test_add_refuses_an_agent_in_two_places_naming_the_permanence(db: Session) -> None:
    new = new_permanence(
        db, agent="vigny-conseillere-1", rule="FREQ=WEEKLY;BYDAY=TU", start=time(10), end=time(11)
    )
    with pytest.raises(Conflict) as caught:
        permanences.add(db, new)
    assert str(caught.value) == (
        "l'agent vigny-conseillere-1 tient déjà la permanence n° 1 à mairie-grisy-les-platres "
        "(Mairie de Grisy-les-Plâtres) le mardi 27/04/2021 de 09:00 à 12:00 ; --force pour la "
        "créer quand même"
    )
    assert words.say(caught.value.message, "en") == (
        "agent vigny-conseillere-1 already holds permanence #1 at mairie-grisy-les-platres "
        "(Mairie de Grisy-les-Plâtres) on Tuesday 27/04/2021 09:00-12:00; use --force to "
        "create it anyway"
    )


def test_add_refuses_a_host_not_open(db: Session) -> None:
    new = new_permanence(db, rule="FREQ=WEEKLY;BYDAY=SA", start=time(14), end=time(16))
    with refused(Conflict, match="host site 17510A is not open Saturday 15/05/2021 14:00-16:00"):
        permanences.add(db, new)


def test_add_refuses_a_closed_host_once(db: Session) -> None:
    site_changes.add_closure(
        db, sites.get(db, "17510A"), date(2021, 6, 1), date(2021, 6, 15), "travaux"
    )
    new = new_permanence(db, valid_from=date(2021, 5, 31), valid_until=date(2021, 6, 30))
    with pytest.raises(Conflict) as caught:
        permanences.add(db, new)
    # The closure is the problem; the host is open on Monday mornings otherwise.
    assert words.say(caught.value.message, "en") == (
        "host site 17510A is closed from 2021-06-01 to 2021-06-15 (travaux), on the occurrence "
        "of 2021-06-07; use --force to create it anyway"
    )


def test_add_with_force_keeps_the_problems_and_reports_warn(db: Session) -> None:
    new = new_permanence(
        db, agent="vigny-conseillere-1", rule="FREQ=WEEKLY;BYDAY=TU", start=time(10), end=time(11)
    )
    created, problems = permanences.add(db, new, force=True)
    assert created.id == 6
    assert [problem.key for problem in problems] == ["permanence.agent_busy"]
    assert problems[0].params["permanence"] == 1
    result = schedule_service.build(db, date(2021, 4, 26), date(2021, 5, 2), department="95")
    assert [words.say(warning) for warning in result.warnings] == [
        "agent vigny-conseillere-1 à deux endroits en même temps : permanence n° 1 "
        "(mairie-grisy-les-platres Mairie de Grisy-les-Plâtres, mardi 27/04/2021 09:00-12:00) / "
        "permanence n° 6 (17510A Bureau de poste de Vigny, mardi 27/04/2021 10:00-11:00)"
    ]


def test_forced_permanences_warn_about_closed_or_shut_hosts(db: Session) -> None:
    site_changes.add_closure(
        db, sites.get(db, "17510A"), date(2021, 6, 1), date(2021, 6, 15), "travaux"
    )
    permanences.add(
        db,
        new_permanence(db, rule="FREQ=WEEKLY;BYDAY=SA", start=time(14), end=time(16)),
        force=True,
    )
    permanences.add(db, new_permanence(db), force=True)
    result = schedule_service.build(db, date(2021, 6, 7), date(2021, 6, 13), department="95")
    assert [words.say(warning, "en") for warning in result.warnings] == [
        "permanence #7 (17510A Bureau de poste de Vigny, Monday 07/06/2021 09:00-11:00) skipped: "
        "site closed (travaux)",
        "permanence #6 (17510A Bureau de poste de Vigny, Saturday 12/06/2021 14:00-16:00) skipped: "
        "site closed (travaux)",
    ]
    later = schedule_service.build(db, date(2021, 6, 14), date(2021, 6, 20), department="95")
    assert [words.say(warning) for warning in later.warnings] == [
        "permanence n° 7 (17510A Bureau de poste de Vigny, lundi 14/06/2021 09:00-11:00) sautée : "
        "site fermé (travaux)",
        "permanence n° 6 (17510A Bureau de poste de Vigny, samedi 19/06/2021 14:00-16:00) hors "
        "des horaires d'ouverture du site",
    ]


def test_a_move_onto_a_holiday_warns(db: Session) -> None:
    permanence_occurrences.move(
        db, permanences.get(db, 2), date(2021, 7, 21), date(2021, 7, 14), None, None, None
    )
    db.flush()
    result = schedule_service.build(db, date(2021, 7, 12), date(2021, 7, 18), department="95")
    assert [(p, d, s) for p, d, s in statuses(result) if p == 2] == [
        (2, date(2021, 7, 14), sch.SKIPPED),
        (2, date(2021, 7, 14), sch.MOVED),
    ]
    assert [words.say(warning, "en") for warning in result.warnings] == [
        "permanence #2 (17443A Agence postale communale de Cormeilles-en-Vexin, Wednesday "
        "14/07/2021 09:00-12:00) moved onto a closed day (National Day)"
    ]


@pytest.mark.parametrize(
    ("values", "error", "fragment"),
    [
        (
            {"start": time(12), "end": time(9)},
            InvalidData,
            "invalid --end '09:00': end 09:00 is not after start 12:00",
        ),
        (
            {"rule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"},
            InvalidData,
            "rrule 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25' yields no occurrence between "
            "2021-04-27 and 2021-07-26",
        ),
        ({"valid_until": date(2021, 4, 1)}, InvalidData, "invalid --valid-until '2021-04-01'"),
        ({"rule": "FREQ=SOMETIMES"}, InvalidData, "invalid --rrule 'FREQ=SOMETIMES'"),
        ({"operators": ("nope",)}, NotFound, "operator 'nope' not found"),
    ],
)
def test_add_refuses_bad_values(
    db: Session, values: dict[str, Any], error: type[Exception], fragment: str
) -> None:
    operators = values.pop("operators", ())
    new = new_permanence(db, **values)
    new = permanences.NewPermanence(**{**new.__dict__, "operators": operators})
    with pytest.raises(error) as caught:
        permanences.add(db, new)
    assert fragment in english(caught.value)


# ---- cancel, move, undo, log ----------------------------------------------------------------


def test_cancel_move_undo(db: Session) -> None:
    grisy = permanences.get(db, 1)
    permanence_occurrences.cancel(db, grisy, date(2021, 5, 4), "agent en formation")
    db.flush()
    with refused(Conflict, match="already cancelled or moved"):
        permanence_occurrences.cancel(db, grisy, date(2021, 5, 4), None)
    with refused(Conflict, match="already cancelled or moved"):
        permanence_occurrences.move(db, grisy, date(2021, 5, 4), date(2021, 5, 5), None, None, None)
    assert permanence_occurrences.undo(db, grisy, date(2021, 5, 4)) == "cancelled"
    db.flush()
    with refused(NotFound, match="has no change to undo"):
        permanence_occurrences.undo(db, grisy, date(2021, 5, 4))
    with refused(InvalidData, match="permanence #1 has no occurrence on 2021-05-05"):
        permanence_occurrences.cancel(db, grisy, date(2021, 5, 5), None)
    with refused(InvalidData, match="nothing to move"):
        permanence_occurrences.move(db, grisy, date(2021, 5, 4), None, None, None, None)
    with refused(InvalidData, match="end 10:00 is not after start 11:00"):
        permanence_occurrences.move(db, grisy, date(2021, 5, 4), None, time(11), time(10), None)
    # A new start after the unchanged end is refused too.
    with refused(InvalidData, match="end 12:00 is not after start 14:00"):
        permanence_occurrences.move(db, grisy, date(2021, 5, 4), None, time(14), None, None)
    permanence_occurrences.move(db, grisy, date(2021, 5, 4), None, time(10), None, "plus tard")
    db.flush()
    (entry,) = schedule_service.build(
        db, date(2021, 5, 4), date(2021, 5, 4), programme="vigny-2021"
    ).entries
    o = entry.occurrence
    assert (o.status, o.date, o.start, o.end, o.reason) == (
        sch.MOVED,
        date(2021, 5, 4),
        time(10),
        time(12),
        "plus tard",
    )
    assert permanence_occurrences.undo(db, grisy, date(2021, 5, 4)) == "moved"


def test_log_refusals(db: Session) -> None:
    grisy = permanences.get(db, 1)
    permanence_occurrences.cancel(db, grisy, date(2021, 5, 4), None)
    permanence_occurrences.move(db, grisy, date(2021, 5, 11), date(2021, 5, 12), None, None, None)
    db.flush()
    with refused(Conflict, match="the occurrence of 2021-05-04 of permanence #1 was cancelled"):
        permanence_occurrences.log(db, grisy, date(2021, 5, 4), 3, {}, None, today=TODAY)
    with refused(Conflict, match="was moved to 2021-05-12"):
        permanence_occurrences.log(db, grisy, date(2021, 5, 11), 3, {}, None, today=TODAY)
    with refused(InvalidData, match="it is in the future"):
        permanence_occurrences.log(
            db, grisy, date(2021, 5, 18), 3, {}, None, today=date(2021, 5, 17)
        )
    with refused(InvalidData, match="invalid --visitors -3"):
        permanence_occurrences.log(db, grisy, date(2021, 5, 18), -3, {}, None, today=TODAY)
    with refused(NotFound, match="operator 'nope' not found"):
        permanence_occurrences.log(db, grisy, date(2021, 5, 18), 3, {"nope": 1}, None, today=TODAY)
    with refused(InvalidData, match="no occurrence on 2021-04-28"):
        permanence_occurrences.log(db, grisy, date(2021, 4, 28), 3, {}, None, today=TODAY)
    outcome, replaced = permanence_occurrences.log(
        db, grisy, date(2021, 5, 12), 3, {}, None, today=TODAY
    )
    assert (outcome.occurrence_date, replaced) == (date(2021, 5, 11), False)
    outcome, replaced = permanence_occurrences.log(
        db, grisy, date(2021, 5, 12), 5, {"caf": 1}, "corrigé", today=TODAY
    )
    assert (outcome.visitors, outcome.requests, replaced) == (5, {"caf": 1}, True)


def test_log_prefers_the_regular_occurrence_and_reaches_a_moved_one_by_its_first_date(
    engine: Engine,
) -> None:
    """Moving 04/05 onto 11/05 leaves two occurrences on 11/05: each can be logged."""
    with store.session(engine, write=True) as db:
        p1 = permanences.get(db, 1)
        permanence_occurrences.move(
            db, p1, date(2021, 5, 4), date(2021, 5, 11), None, None, "salle prise"
        )
    with store.session(engine, write=True) as db:
        p1 = permanences.get(db, 1)
        regular, _ = permanence_occurrences.log(
            db, p1, date(2021, 5, 11), 3, {}, None, today=date(2026, 1, 1)
        )
        moved, _ = permanence_occurrences.log(
            db,
            p1,
            date(2021, 5, 11),
            5,
            {},
            None,
            today=date(2026, 1, 1),
            moved_from=date(2021, 5, 4),
        )
        assert (regular.occurrence_date, regular.visitors) == (date(2021, 5, 11), 3)
        assert (moved.occurrence_date, moved.visitors) == (date(2021, 5, 4), 5)
        with refused(InvalidData, match="no occurrence of permanence #1 was moved from"):
            permanence_occurrences.log(
                db,
                p1,
                date(2021, 5, 11),
                1,
                {},
                None,
                today=date(2026, 1, 1),
                moved_from=date(2021, 4, 27),
            )
