"""The past stays: a site's hours, staff count and labels are dated, and a report of a past
week reads what was in force that week, whatever was entered since (issue 14, part 5)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain.history import BEGINNING
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import UsageError
from presence_postale.formats.reports.weekly import render_weekly
from presence_postale.services import reports, site_changes, site_history, sites
from presence_postale.services.site_changes import SiteChanges
from presence_postale.store import db as store

VIGNY = "17510A"
SEED_HOURS = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"
SHORT = "Mo-Fr 14:00-15:00"
W17, W18, W19 = IsoWeek(2021, 17), IsoWeek(2021, 18), IsoWeek(2021, 19)
TODAY = date(2021, 8, 1)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


def update(db: Session, valid_from: date | None, **changes: Any) -> list[site_history.Outcome]:
    values = {k: changes.pop(k) for k in ("opening_hours", "staff_count") if k in changes}
    given = SiteChanges(values=values, valid_from=valid_from, **changes)
    return site_changes.update(db, sites.get(db, VIGNY), given, today=TODAY)


def vigny(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((r for r in rows if r["site_id"] == VIGNY), None)


def test_reports_of_past_weeks_read_what_was_in_force_then(db: Session) -> None:
    update(db, date(2021, 1, 1), staff_count=2)
    before = vigny(reports.compliance(db, W17))
    update(db, date(2021, 5, 3), opening_hours=SHORT, staff_count=1)
    update(db, date(2021, 5, 10), remove_labels=("france_services",))
    # Week 17 is judged on the hours, staff and label of week 17, as it was before the changes.
    assert vigny(reports.compliance(db, W17)) == before
    assert before is not None and (before["hours"], before["staff"], before["status"]) == (
        32.5,
        2,
        "pass",
    )
    w18 = vigny(reports.compliance(db, W18))
    assert w18 is not None
    assert (w18["days_open"], w18["hours"], w18["staff"], w18["status"]) == (5, 5.0, 1, "fail")
    # From 10 May Vigny no longer holds the label: the charter no longer applies to it.
    assert vigny(reports.compliance(db, W19)) is None


def test_the_weekly_report_of_a_past_week_is_unchanged_by_later_hours(db: Session) -> None:
    def week_17() -> str | bytes:
        return render_weekly(reports.weekly(db, W17, department="95"), "json", "fr")

    before = week_17()
    update(db, date(2021, 5, 3), opening_hours=SHORT)
    assert week_17() == before
    # A version that begins inside the week is named with its first day; each day has its hours.
    update(db, date(2021, 4, 29), opening_hours="Mo-Sa 10:00-11:00")
    report = reports.weekly(db, W17, department="95")
    (site,) = [s for s in report.sites if s.site.id == VIGNY]
    assert [v.value for v in site.hours] == [SEED_HOURS, "Mo-Sa 10:00-11:00"]
    assert [day.minutes for day in site.days[:5]] == [360, 360, 360, 60, 60]


def test_a_past_date_is_inserted_and_a_later_version_stays(db: Session) -> None:
    update(db, date(2021, 6, 1), opening_hours=SHORT)
    (outcome,) = update(db, date(2021, 5, 1), opening_hours="Mo-Sa 10:00-11:00")
    assert outcome.change.until == date(2021, 5, 31)
    listed = site_history.history(db, VIGNY)["hours_history"]
    assert [(r["from"], r["until"], r["opening_hours"]) for r in listed] == [
        (None, date(2021, 4, 30), SEED_HOURS),  # since the beginning
        (date(2021, 5, 1), date(2021, 5, 31), "Mo-Sa 10:00-11:00"),
        (date(2021, 6, 1), None, SHORT),
    ]
    assert [r["source"] for r in listed] == ["records", "manual", "manual"]


def test_the_same_first_day_replaces_that_version_and_the_same_value_changes_nothing(
    db: Session,
) -> None:
    update(db, date(2021, 6, 1), opening_hours=SHORT)
    (again,) = update(db, date(2021, 7, 1), opening_hours=SHORT)
    assert again.change.unchanged
    (fixed,) = update(db, date(2021, 6, 1), opening_hours="Mo-Fr 14:00-16:00")
    assert fixed.change.replaced is not None and fixed.change.replaced.value == SHORT
    listed = site_history.history(db, VIGNY)["hours_history"]
    assert [r["opening_hours"] for r in listed] == [SEED_HOURS, "Mo-Fr 14:00-16:00"]


def test_without_a_date_a_change_holds_from_today(db: Session) -> None:
    update(db, None, staff_count=3)
    staff = site_history.history(db, VIGNY)["staff_history"]
    assert [(r["from"], r["staff_count"]) for r in staff] == [(TODAY, 3)]
    assert site_history.in_force(db, VIGNY, TODAY)["staff_count"] == 3
    assert site_history.in_force(db, VIGNY, date(2021, 7, 31))["staff_count"] is None


def test_a_label_withdrawn_keeps_the_time_it_was_held(db: Session) -> None:
    update(db, date(2021, 5, 10), remove_labels=("france_services",))
    rows = site_history.history(db, VIGNY)["label_history"]
    assert [(r["label"], r["from"], r["until"], r["held"]) for r in rows] == [
        ("france_services", None, date(2021, 5, 9), True),
        ("france_services", date(2021, 5, 10), None, False),
    ]
    assert site_history.in_force(db, VIGNY, date(2021, 5, 9))["labels"][0]["label"] == (
        "france_services"
    )
    assert site_history.in_force(db, VIGNY, date(2021, 5, 10))["labels"] == []


def test_a_date_with_nothing_dated_is_a_usage_error(db: Session) -> None:
    with pytest.raises(UsageError):
        site_changes.update(
            db,
            sites.get(db, VIGNY),
            SiteChanges(values={"note": "x"}, valid_from=date(2021, 5, 1)),
            today=TODAY,
        )


def test_a_new_site_starts_its_histories_since_the_beginning(db: Session) -> None:
    values = {"name": "Mairie de Vigny", "kind": "mairie", "department_code": "95",
              "opening_hours": SHORT}  # fmt: skip
    site = site_changes.add(db, None, SiteChanges(values=values, add_labels=("msap",)))
    history = site_history.history(db, site.id)
    assert [(r["from"], r["label"]) for r in history["label_history"]] == [(None, "msap")]
    assert [(r["from"], r["opening_hours"]) for r in history["hours_history"]] == [(None, SHORT)]
    assert site_history.in_force(db, site.id, BEGINNING)["opening_hours"] == SHORT
