"""Reports from the seeded database: the weekly report, the charter check, a pilot's evaluation,
and their layouts (same data, same bytes)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, time

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import NotFound
from presence_postale.formats.reports.compliance import render_compliance
from presence_postale.formats.reports.programme import render_programme
from presence_postale.formats.reports.weekly import render_weekly
from presence_postale.services import (
    evaluation,
    permanence_occurrences,
    permanences,
    reports,
    site_changes,
    sites,
)
from presence_postale.store import db as store
from refusals import refused

W17 = IsoWeek(2021, 17)
TODAY = date(2021, 8, 1)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with store.session(engine, write=True) as session:
        yield session


# ---- weekly ---------------------------------------------------------------------------------


def test_weekly_val_d_oise(db: Session) -> None:
    report = reports.weekly(db, W17, department="95")
    assert report.department_name == "Val-d'Oise"
    assert [sw.site.id for sw in report.sites] == [
        "17443A",
        "17510A",
        "mairie-grisy-les-platres",
    ]
    by_id = {sw.site.id: sw for sw in report.sites}
    grisy = [e.occurrence for e in by_id["mairie-grisy-les-platres"].permanences]
    assert [(o.permanence_id, o.date, o.start, o.end, o.status) for o in grisy] == [
        (1, date(2021, 4, 27), time(9), time(12), "scheduled")
    ]
    cormeilles = [e.occurrence for e in by_id["17443A"].permanences]
    assert [(o.permanence_id, o.date, o.status) for o in cormeilles] == [
        (2, date(2021, 4, 28), "scheduled")
    ]
    vigny = by_id["17510A"]
    assert vigny.labels == ["france_services"]
    assert vigny.permanences == []
    assert [d.is_open for d in vigny.days] == [True, True, True, True, True, False, False]
    assert (vigny.days[5].day, vigny.days[5].holiday) == (date(2021, 5, 1), "Fête du Travail")
    assert vigny.days[6].holiday is None
    assert vigny.hours_total == 29.5
    assert report.warnings == []


def test_weekly_scope(db: Session) -> None:
    everything = reports.weekly(db, W17)
    ids = [sw.site.id for sw in everything.sites]
    # Every site hosting something, plus the labelled sites, each once.
    assert {"00486A", "00502A", "00518A", "10900A", "17510A", "17443A"} <= set(ids)
    assert len(ids) == len(set(ids))
    one = reports.weekly(db, W17, site=sites.get(db, "17443A"))
    assert [sw.site.id for sw in one.sites] == ["17443A"]
    assert one.site_id == "17443A"
    with refused(NotFound, match="department '00' not found"):
        reports.weekly(db, W17, department="00")


def test_weekly_renders_identically_in_every_format(db: Session) -> None:
    for fmt in ("table", "markdown", "csv", "json", "html"):
        first = render_weekly(reports.weekly(db, W17, department="95"), fmt, "fr")
        again = render_weekly(reports.weekly(db, W17, department="95"), fmt, "fr")
        assert first == again
        text = first.decode("utf-8") if isinstance(first, bytes) else first  # JSON: as written
        assert text.endswith("\n")


def _hours(db: Session, site_id: str, expression: str, valid_from: date) -> None:
    changes = site_changes.SiteChanges({"opening_hours": expression}, valid_from=valid_from)
    site_changes.update(db, sites.get(db, site_id), changes, today=TODAY)


def test_weekly_days_follow_the_expressions_in_force_not_the_histories(db: Session) -> None:
    """Two sites of the department given the same hours in versions of other first days have
    the same days that week; a third's new hours from the Wednesday count from that day."""
    vigny_hours = reports.weekly(db, W17, site=sites.get(db, "17510A")).sites[0].days
    vigny = "Mo-We,Fr 09:00-12:00,14:30-17:30; Th 09:00-12:00,15:00-17:30; Sa 09:00-12:00"
    _hours(db, "17443A", vigny, date(2021, 3, 1))
    _hours(db, "mairie-grisy-les-platres", "Mo-Su 10:00-11:00", date(2021, 1, 4))
    _hours(db, "mairie-grisy-les-platres", vigny, date(2021, 4, 28))
    by_id = {sw.site.id: sw for sw in reports.weekly(db, W17, department="95").sites}
    assert by_id["17443A"].days == by_id["17510A"].days == vigny_hours
    assert [(v.valid_from, v.value) for v in by_id["17443A"].hours] == [(date(2021, 3, 1), vigny)]
    grisy = by_id["mairie-grisy-les-platres"]
    assert [d.describe() for d in grisy.days] == [
        "10:00-11:00",
        "10:00-11:00",
        "09:00-12:00, 14:30-17:30",
        "09:00-12:00, 15:00-17:30",
        "09:00-12:00, 14:30-17:30",
        "",  # 1 May, a holiday: closed
        "",
    ]
    assert grisy.days[2:] == vigny_hours[2:]
    assert (grisy.days[5].holiday, grisy.hours_total) == ("Fête du Travail", 2 + 6 + 5.5 + 6)
    assert [v.valid_from for v in grisy.hours] == [date(2021, 1, 4), date(2021, 4, 28)]
    # A closure still closes only its own site's days.
    site_changes.add_closure(
        db, sites.get(db, "17443A"), date(2021, 4, 26), date(2021, 4, 26), "travaux"
    )
    by_id = {sw.site.id: sw for sw in reports.weekly(db, W17, department="95").sites}
    assert (by_id["17443A"].days[0].is_open, by_id["17443A"].days[0].closure) == (False, "travaux")
    assert by_id["17443A"].days[1:] == by_id["17510A"].days[1:]
    assert by_id["17510A"].days[0].is_open
    text = render_weekly(reports.weekly(db, W17, department="95"), "json", "fr")
    days = {s["id"]: s["days"] for s in json.loads(text)["sites"]}
    assert days["17510A"][1:] == days["17443A"][1:]
    assert days["17443A"][0]["closure"] == "travaux"


def test_weekly_json_layout(db: Session) -> None:
    data = json.loads(render_weekly(reports.weekly(db, W17, department="95"), "json", "fr"))
    assert (data["week"], data["from"], data["to"], data["department"]) == (
        "2021-W17",
        "2021-04-26",
        "2021-05-02",
        "95",
    )
    vigny = next(s for s in data["sites"] if s["id"] == "17510A")
    assert vigny["hours_total"] == 29.5
    assert vigny["days"][0] == {
        "date": "2021-04-26",
        "status": "open",
        "open": True,
        "hours": "09:00-12:00, 14:30-17:30",
        "minutes": 360,
        "holiday": None,
        "closure": None,
    }
    assert vigny["days"][5]["open"] is False
    assert vigny["days"][5]["holiday"] == "Fête du Travail"
    grisy = next(s for s in data["sites"] if s["id"] == "mairie-grisy-les-platres")
    (occurrence,) = grisy["permanences"]
    assert occurrence["date"] == "2021-04-27"
    assert (occurrence["start"], occurrence["end"]) == ("09:00", "12:00")
    assert occurrence["agent_id"] == "vigny-conseillere-1"
    # Which adviser goes where is not in the source: marked, with the reason.
    assert occurrence["illustrative"] is True
    assert "ne dit pas laquelle des deux chargées" in occurrence["illustrative_reason"]
    # Grisy's mairie: hours unknown, not closed; no total.
    assert grisy["hours_total"] is None
    assert {day["status"] for day in grisy["days"]} == {"unknown"}
    assert {day["open"] for day in grisy["days"]} == {None}
    assert {day["minutes"] for day in grisy["days"]} == {None}
    assert grisy["days"][5]["holiday"] == "Fête du Travail"  # named, still not called closed


def test_weekly_in_english(db: Session) -> None:
    report = reports.weekly(db, W17, department="95")
    vigny = next(sw for sw in report.sites if sw.site.id == "17510A")
    assert vigny.days[5].holiday == "Fête du Travail"  # data: the official name
    text = render_weekly(report, "markdown", "en")
    assert text.startswith("# Weekly report 2021-W17 — 95 Val-d'Oise (Monday 26/04/2021 to")
    assert "| Labour Day | closed |" in text
    french = render_weekly(report, "markdown", "fr")
    assert french.startswith("# Rapport hebdomadaire 2021-W17 — 95 Val-d'Oise (du lundi")
    assert "| Fête du Travail | fermé |" in french


# ---- compliance -----------------------------------------------------------------------------


def _vigny_staff(db: Session, staff: int) -> None:
    """The delegate enters Vigny's polyvalent staff, which no source gives, as it has been
    since the start of 2021."""
    changes = site_changes.SiteChanges(values={"staff_count": staff}, valid_from=date(2021, 1, 1))
    site_changes.update(db, sites.get(db, "17510A"), changes, today=TODAY)


def test_compliance_week_17(db: Session) -> None:
    rows = reports.compliance(db, W17)
    by_id = {r["site_id"]: r for r in rows}
    assert set(by_id) == {"10900A", "17510A"}
    # The seed gives no staff count for Vigny: unknown, never a pass.
    assert (by_id["17510A"]["status"], by_id["17510A"]["reasons"]) == (
        "unknown",
        ["staff_unknown"],
    )
    _vigny_staff(db, 2)
    vigny = next(r for r in reports.compliance(db, W17) if r["site_id"] == "17510A")
    # 1 May is a holiday: the charter still counts Saturday as the regular day it is.
    assert {k: vigny[k] for k in ("days_open", "hours", "staff", "status", "reasons")} == {
        "days_open": 6,
        "hours": 32.5,
        "staff": 2,
        "status": "pass",
        "reasons": [],
    }
    assert vigny["holidays_counted"] == [{"date": date(2021, 5, 1), "holiday": "Fête du Travail"}]
    assert vigny["week"] == "2021-W17"
    mortagne = by_id["10900A"]
    assert mortagne["status"] == "unknown"
    assert mortagne["reasons"] == ["hours_unknown", "staff_unknown"]
    assert mortagne["staff"] is None
    # Unknown hours total nothing: null, not 0 days and 0 h.
    assert (mortagne["days_open"], mortagne["hours"]) == (None, None)
    assert [r["site_id"] for r in reports.compliance(db, W17, department="95")] == ["17510A"]
    with pytest.raises(NotFound):
        reports.compliance(db, W17, department="00")


def test_compliance_counts_closures_against_the_site(db: Session) -> None:
    _vigny_staff(db, 2)
    site_changes.add_closure(
        db, sites.get(db, "17510A"), date(2021, 4, 26), date(2021, 4, 27), "travaux"
    )
    (vigny,) = reports.compliance(db, W17, department="95")
    assert (vigny["days_open"], vigny["hours"], vigny["status"]) == (4, 20.5, "fail")
    assert vigny["reasons"] == ["too_few_days", "too_few_hours"]
    text = render_compliance([vigny], "2021-W17", "markdown", "en")
    assert "open 4 days (at least 5), open 20.5 h (at least 24 h)" in text


def test_compliance_renders(db: Session) -> None:
    _vigny_staff(db, 2)
    rows = reports.compliance(db, W17)
    data = json.loads(render_compliance(rows, "2021-W17", "json", "fr"))
    assert data["week"] == "2021-W17"
    assert [s["status"] for s in data["sites"]] == [r["status"] for r in rows]
    text = render_compliance(rows, "2021-W17", "markdown", "fr")
    assert "2 sites France Services : 1 conforme, 0 non conforme, 1 inconnu." in text
    csv_lines = render_compliance(rows, "2021-W17", "csv", "fr").splitlines()
    assert csv_lines[0] == (
        "site_id,name,commune,department,week,days_open,hours,staff,status,reasons,"
        "illustrative,illustrative_reason"
    )
    # Mortagne's unknown hours: empty cells, not 0.
    assert csv_lines[1].startswith("10900A,Bureau de poste de Mortagne-du-Nord,")
    assert ",59,2021-W17,,,,unknown," in csv_lines[1]


def test_compliance_never_judges_an_illustrative_site(db: Session) -> None:
    vigny = sites.get(db, "17510A")
    _vigny_staff(db, 2)
    vigny.illustrative, vigny.illustrative_reason = True, "effectif supposé"
    row = next(r for r in reports.compliance(db, W17) if r["site_id"] == "17510A")
    # The figures are shown, marked; the verdict is unknown, never « conforme ».
    assert (row["days_open"], row["hours"], row["staff"]) == (6, 32.5, 2)
    assert (row["status"], row["reasons"]) == ("unknown", ["hours_unknown", "staff_unknown"])
    assert (row["illustrative"], row["illustrative_reason"]) == (True, "effectif supposé")
    table = render_compliance([row], "2021-W17", "table", "fr")
    assert re.search(r"17510A .* inconnu .* \[1\]", table)
    assert "[1] illustratif : effectif supposé" in table
    # A closure that breaks the charter on illustrative hours is no failure either.
    site_changes.add_closure(db, vigny, date(2021, 4, 26), date(2021, 4, 29), "travaux")
    row = next(r for r in reports.compliance(db, W17) if r["site_id"] == "17510A")
    assert row["status"] == "unknown"


# ---- programme evaluation -------------------------------------------------------------------


def _log_vigny(db: Session) -> None:
    grisy, cormeilles = permanences.get(db, 1), permanences.get(db, 2)
    permanence_occurrences.log(
        db, grisy, date(2021, 4, 27), 6, {"caf": 2, "cnav": 1}, None, today=TODAY
    )
    permanence_occurrences.log(
        db, cormeilles, date(2021, 4, 28), 4, {"caf": 1, "laposte": 3}, None, today=TODAY
    )
    permanence_occurrences.log(db, grisy, date(2021, 5, 4), 8, {"cnav": 2}, None, today=TODAY)
    permanence_occurrences.cancel(db, cormeilles, date(2021, 5, 5), "agent malade")
    permanence_occurrences.move(
        db, grisy, date(2021, 5, 11), date(2021, 5, 12), None, None, "salle prise"
    )
    permanence_occurrences.log(db, grisy, date(2021, 5, 12), 2, {"msa": 1}, None, today=TODAY)
    db.flush()


def test_programme_evaluation(db: Session) -> None:
    _log_vigny(db)
    data = evaluation.programme_evaluation(db, "vigny-2021", today=TODAY)
    assert data["period"] == {"start": date(2021, 4, 27), "end": date(2021, 7, 26)}
    assert data["occurrences"] == {
        "planned": 26,
        "held": 4,
        "not_logged": 20,
        "moved": 1,
        "cancelled": 1,
        "skipped": 1,
        "absent": 0,
    }
    assert data["visitors"] == {"total": 20, "per_held_occurrence": 5.0}
    assert data["by_site"] == [
        {
            "site_id": "17443A",
            "site_name": "Agence postale communale de Cormeilles-en-Vexin",
            "occurrences": 11,
            "held": 1,
            "visitors": 4,
        },
        {
            "site_id": "mairie-grisy-les-platres",
            "site_name": "Mairie de Grisy-les-Plâtres",
            "occurrences": 13,
            "held": 3,
            "visitors": 16,
        },
    ]
    assert data["by_week"][:3] == [
        {"week": "2021-W17", "occurrences": 2, "held": 2, "visitors": 10},
        {"week": "2021-W18", "occurrences": 1, "held": 1, "visitors": 8},
        {"week": "2021-W19", "occurrences": 2, "held": 1, "visitors": 2},
    ]
    assert data["requests"] == [
        {"operator": "caf", "name": "Caisse d'allocations familiales (CAF)", "requests": 3},
        {"operator": "cnav", "name": "Assurance retraite (CNAV)", "requests": 3},
        {"operator": "laposte", "name": "La Poste", "requests": 3},
        {"operator": "msa", "name": data["requests"][3]["name"], "requests": 1},
    ]
    assert data["decision"]["horizon"] == date(2021, 7, 26)
    assert data["decision"]["trend"] == "stable"  # 5 visitors a held occurrence, then 5
    assert data["warnings"] == []


def test_programme_evaluation_stops_at_today(db: Session) -> None:
    data = evaluation.programme_evaluation(db, "vigny-2021", today=date(2021, 5, 5))
    assert data["period"]["end"] == date(2021, 5, 5)
    assert data["occurrences"]["planned"] == 4
    assert data["visitors"] == {"total": 0, "per_held_occurrence": None}
    assert data["decision"]["trend"] is None  # not enough outcomes for a trend
    with refused(NotFound, match="programme 'nope' not found"):
        evaluation.programme_evaluation(db, "nope", today=TODAY)


def test_programme_renders(db: Session) -> None:
    _log_vigny(db)
    data = evaluation.programme_evaluation(db, "vigny-2021", today=TODAY)
    text = render_programme(data, "markdown", "fr")
    assert text.startswith("# Évaluation — France Services en mobilité — Vigny (vigny-2021)\n")
    assert "- Visiteurs : 20\n" in text
    assert "| Caisse d'allocations familiales (CAF) | 3 |" in text
    assert "## Décision" in text
    assert render_programme(data, "markdown", "fr") == text
    csv_lines = render_programme(data, "csv", "fr").splitlines()
    assert "visitors,total,20,," in csv_lines
    assert "requests,msa,1,," in csv_lines
