"""A pilot's evaluation: period, occurrences by status, visitors, requests, and the facts a
decision rests on (the trend of attendance, what remains of the period).

Plain data, codes and numbers; `formats.reports.programme` writes the sentences. "Today" is
a parameter.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import schedule as sch
from presence_postale.domain.report import Entry
from presence_postale.domain.weeks import IsoWeek
from presence_postale.services import programmes as programme_service
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m


def programme_evaluation(db: Session, code: str, *, today: date) -> dict[str, Any]:
    """A pilot's evaluation: period, occurrences by status, visitors, requests, trend."""
    programme = programme_service.get(db, code)
    horizon = programme_service.horizon(programme)
    period_end = min(horizon, today) if horizon is not None else today
    period_end = max(period_end, programme.start_date)
    schedule = schedule_service.build(
        db, programme.start_date, period_end, programme=programme.code
    )
    entries = schedule.entries
    held = [e for e in entries if e.occurrence.visitors is not None]
    visitors_total = sum(e.occurrence.visitors or 0 for e in held)
    by_site, by_week = _attendance(entries)
    weeks = [by_week[k] for k in sorted(by_week)]
    detail = programme_service.detail(db, programme)
    return {
        "programme": {
            "code": programme.code,
            "title": programme.title,
            "department": programme.department_code,
            "status": programme.status,
            "start": programme.start_date,
            "start_precision": programme.start_precision,
            "planned_end": programme.planned_end,
            "ended_on": programme.ended_on,
            "funder": programme.funder,
            "funding_eur": programme.funding_eur,
            "illustrative": programme.illustrative,
            "illustrative_reason": programme.illustrative_reason,
        },
        "period": {"start": programme.start_date, "end": period_end},
        "changes": detail["changes"],
        "occurrences": _occurrences(entries, len(held)),
        "visitors": {
            "total": visitors_total,
            "per_held_occurrence": round(visitors_total / len(held), 2) if held else None,
        },
        "by_site": sorted(by_site.values(), key=lambda r: r["site_id"]),
        "by_week": weeks,
        "requests": _requests(db, held, programme.start_date, period_end),
        "decision": decision(weeks, programme),
        "trend": _trend(weeks),
        "warnings": schedule.warnings,
    }


def _trend(weeks: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The weeks the decision's trend compares (none with fewer than two logged weeks)."""
    logged = [w for w in weeks if w["held"]]
    if len(logged) < 2:
        return {"before": [], "recent": []}
    before, recent = trend_windows(logged)
    return {"before": [w["week"] for w in before], "recent": [w["week"] for w in recent]}


def trend_windows(
    logged: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The weeks the trend compares: the last four logged weeks against the four before;
    with fewer than eight, the later half against the earlier half (never overlapping)."""
    if len(logged) >= 8:
        return logged[-8:-4], logged[-4:]
    half = len(logged) // 2
    return logged[:half], logged[half:]


def _occurrences(entries: list[Entry], held: int) -> dict[str, int]:
    counts = Counter(e.occurrence.status for e in entries)
    return {
        "planned": sum(counts.values()),
        "held": held,
        "not_logged": sum(
            1 for e in entries if e.occurrence.takes_place and e.occurrence.visitors is None
        ),
        "moved": counts[sch.MOVED],
        "cancelled": counts[sch.CANCELLED],
        "skipped": counts[sch.SKIPPED],
        "absent": counts[sch.ABSENT],
    }


def _attendance(
    entries: list[Entry],
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """Occurrences, held occurrences and visitors by site and by ISO week."""
    by_site: dict[str, dict[str, Any]] = {}
    by_week: dict[str, dict[str, Any]] = {}
    for entry in entries:
        o = entry.occurrence
        site_row = by_site.setdefault(
            entry.site.id,
            {"site_id": entry.site.id, "site_name": entry.site.name},
        )
        week_label = IsoWeek.containing(o.date).label
        week_row = by_week.setdefault(week_label, {"week": week_label})
        for row in (site_row, week_row):
            row.setdefault("occurrences", 0)
            row.setdefault("held", 0)
            row.setdefault("visitors", 0)
            if o.takes_place:
                row["occurrences"] += 1
            if o.visitors is not None:
                row["held"] += 1
                row["visitors"] += o.visitors
    return by_site, by_week


def _requests(db: Session, held: list[Entry], start: date, end: date) -> list[dict[str, Any]]:
    """Requests per operator recorded at the held occurrences of the period, most first."""
    requests: Counter[str] = Counter()
    outcome_ids = sorted({e.permanence.id for e in held})
    if outcome_ids:
        for outcome in db.exec(
            select(m.PermanenceOutcome).where(
                col(m.PermanenceOutcome.permanence_id).in_(outcome_ids)
            )
        ):
            if start <= outcome.occurrence_date <= end:
                requests.update(outcome.requests)
    names = {op.code: op.name for op in db.exec(select(m.Operator))}
    return [
        {"operator": op, "name": names.get(op, op), "requests": n}
        for op, n in sorted(requests.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def decision(weeks: list[dict[str, Any]], programme: m.Programme) -> dict[str, Any]:
    """The facts to decide on: the trend of visitors per held occurrence over the last four
    weeks with outcomes against the four before (with fewer than eight, the later half
    against the earlier half, never overlapping), and what remains of the period."""
    logged = [w for w in weeks if w["held"]]
    facts: dict[str, Any] = {
        "trend": None,
        "recent": None,
        "before": None,
        "status": programme.status,
        "ended_on": programme.ended_on,
        "horizon": programme_service.horizon(programme),
    }
    if len(logged) < 2:
        return facts
    before, recent = trend_windows(logged)

    def rate(rows: list[dict[str, Any]]) -> float:
        held = sum(r["held"] for r in rows)
        return sum(r["visitors"] for r in rows) / held if held else 0.0

    now_rate, then_rate = rate(recent), rate(before)
    if then_rate == 0:
        trend = "up" if now_rate > 0 else "stable"
    else:
        change = (now_rate - then_rate) / then_rate
        trend = "up" if change > 0.1 else "down" if change < -0.1 else "stable"
    facts.update(trend=trend, recent=round(now_rate, 2), before=round(then_rate, 2))
    return facts
