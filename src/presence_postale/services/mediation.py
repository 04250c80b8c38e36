"""Digital mediation: sessions, a mediator's hours against the contract, reports, and the
national *lieux de médiation numérique* export."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import hours as oh
from presence_postale.domain import mediation as rules
from presence_postale.domain import vocab
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, InvalidData, Message, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store import queries
from presence_postale.store.db import lock

MEDIATOR_ROLE = "mediateur_numerique"


@dataclass(frozen=True)
class NewSession:
    site: m.Site
    mediator: m.Agent
    programme: m.Programme | None
    day: date
    start: time
    minutes: int
    session_type: str
    participants: int | None
    age_bands: dict[str, int]
    social_statuses: dict[str, int]
    themes: tuple[str, ...]
    equipment: tuple[str, ...]
    device_model: str | None
    autonomy: str | None
    redirection: str | None
    note: str | None


def get(db: Session, session_id: int) -> m.MediationSession:
    found = db.get(m.MediationSession, session_id)
    if found is None:
        raise NotFound("mediation.not_found", session=session_id)
    return found


def presence(db: Session, mediator_id: str, site_id: str, day: date) -> list[tuple[time, time]]:
    """When the mediator is scheduled at that site that day (their permanences)."""
    schedule = schedule_service.build(db, day, day, agent=mediator_id, site_ids=[site_id])
    return [
        (e.occurrence.start, e.occurrence.end) for e in schedule.entries if e.occurrence.takes_place
    ]


def session_warnings(db: Session, new: NewSession) -> list[Message]:
    site = new.site
    holidays = holidays_between(new.day, new.day, site.department_code)
    closures = queries.closures_by_site(db, [site.id], new.day, new.day).get(site.id, [])
    has_ilot = db.get(m.SiteEquipment, (site.id, "ilot_numerique")) is not None
    open_minutes = None
    if site.opening_hours:
        open_minutes = oh.day_hours(site.opening_hours, new.day, holidays, closures).minutes
    return rules.warnings(
        day=new.day,
        start=new.start,
        minutes=new.minutes,
        has_ilot=has_ilot,
        holiday=holidays.get(new.day),
        open_minutes=open_minutes,
        presence=presence(db, new.mediator.id, site.id, new.day),
    )


def add(db: Session, new: NewSession, *, strict: bool) -> tuple[m.MediationSession, list[Message]]:
    """Record a session; its warnings are returned, or refuse it with `strict`."""
    rules.check_duration(new.minutes)
    counters = rules.check_counters(
        new.session_type, new.participants, new.age_bands, new.social_statuses
    )
    session_type = vocab.check("session_type", new.session_type, "--type")
    themes = [vocab.check("theme", t, "--themes") for t in new.themes]
    equipment = [vocab.check("equipment_used", e, "--equipment") for e in new.equipment]
    autonomy = vocab.check("autonomy", new.autonomy, "--autonomy") if new.autonomy else None
    if not themes:
        raise InvalidData("mediation.no_theme")
    if len(set(themes)) != len(themes):
        raise InvalidData("mediation.theme_twice")
    # The warnings compare with the mediator's other sessions: one writer per mediator.
    lock(db, m.Agent, new.mediator.id)
    found = session_warnings(db, new)
    if found and strict:
        raise Conflict("mediation.refused_strict", warnings=found)
    record = m.MediationSession(
        site_id=new.site.id,
        mediator_id=new.mediator.id,
        programme_code=new.programme.code if new.programme else None,
        session_date=new.day,
        start_time=new.start,
        duration_minutes=new.minutes,
        session_type=session_type,
        participants=counters.participants,
        age_bands=counters.age_bands,
        social_statuses=counters.social_statuses,
        themes=themes,
        equipment=equipment,
        device_model=new.device_model.strip().lower() if new.device_model else None,
        autonomy=autonomy,
        redirection=new.redirection,
        note=new.note,
        created_at=datetime.now(UTC),
    )
    db.add(record)
    db.flush()
    return record, found


def row(s: m.MediationSession) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.session_date,
        "start": s.start_time,
        "duration_minutes": s.duration_minutes,
        "site_id": s.site_id,
        "mediator": s.mediator_id,
        "programme": s.programme_code,
        "type": s.session_type,
        "participants": s.participants,
        "age_bands": dict(s.age_bands),
        "social_statuses": dict(s.social_statuses),
        "themes": list(s.themes),
        "equipment": list(s.equipment),
        "device_model": s.device_model,
        "autonomy": s.autonomy,
        "redirection": s.redirection,
        "note": s.note,
    }


def _filtered(
    db: Session,
    start: date | None,
    end: date | None,
    site: str | None,
    programme: str | None,
    mediator: str | None = None,
) -> list[m.MediationSession]:
    statement = select(m.MediationSession)
    if start is not None:
        statement = statement.where(m.MediationSession.session_date >= start)
    if end is not None:
        statement = statement.where(m.MediationSession.session_date <= end)
    if site is not None:
        statement = statement.where(m.MediationSession.site_id == site)
    if programme is not None:
        statement = statement.where(m.MediationSession.programme_code == programme)
    if mediator is not None:
        statement = statement.where(m.MediationSession.mediator_id == mediator)
    return list(
        db.exec(
            statement.order_by(
                col(m.MediationSession.session_date),
                col(m.MediationSession.start_time),
                col(m.MediationSession.id),
            )
        )
    )


def listing(
    db: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    site: str | None = None,
    programme: str | None = None,
    mediator: str | None = None,
) -> list[dict[str, Any]]:
    return [row(s) for s in _filtered(db, start, end, site, programme, mediator)]


# ---- hours ----------------------------------------------------------------------------------


def hours(db: Session, week: IsoWeek, mediator: m.Agent | None = None) -> list[dict[str, Any]]:
    """Each mediator's scheduled presence that week (permanences, holidays and closures taken
    off) against their contracted weekly hours."""
    if mediator is not None:
        agents = [mediator]
    else:
        agents = list(
            db.exec(
                select(m.Agent)
                .where(m.Agent.role == MEDIATOR_ROLE, col(m.Agent.active).is_(True))
                .order_by(col(m.Agent.id))
            )
        )
    out = []
    for agent in agents:
        schedule = schedule_service.build(db, week.monday, week.sunday, agent=agent.id)
        minutes = 0
        by_site: Counter[str] = Counter()
        lost = 0
        for entry in schedule.entries:
            o = entry.occurrence
            length = (
                datetime.combine(o.date, o.end) - datetime.combine(o.date, o.start)
            ).seconds // 60
            if o.takes_place:
                minutes += length
                by_site[entry.site.id] += length
            else:
                lost += length
        scheduled = minutes / 60
        contracted = agent.weekly_hours
        status = (
            "unknown" if contracted is None else ("deficit" if scheduled < contracted else "ok")
        )
        out.append(
            {
                "mediator": agent.id,
                "name": agent.name,
                "week": week.label,
                "scheduled_hours": round(scheduled, 2),
                "contracted_hours": contracted,
                "difference": round(scheduled - contracted, 2) if contracted is not None else None,
                "lost_hours": round(lost / 60, 2),
                "status": status,
                "by_site": {k: round(v / 60, 2) for k, v in sorted(by_site.items())},
            }
        )
    return out


def deficit_warnings(db: Session, week: IsoWeek, agent_ids: set[str]) -> list[Message]:
    """Warnings for the weekly report: mediators scheduled below their contract."""
    found = []
    # Only mediators with contracted hours are checked: one query finds them among the
    # scheduled agents (thousands, in a national report), then each is measured.
    mediators = select(m.Agent).where(
        m.Agent.role == MEDIATOR_ROLE, col(m.Agent.weekly_hours).is_not(None)
    )
    for agent in db.exec(mediators.order_by(col(m.Agent.id))):
        if agent.id not in agent_ids:
            continue
        (figures,) = hours(db, week, agent)
        if figures["status"] == "deficit":
            found.append(
                Message(
                    "warning.mediator_deficit",
                    {
                        "agent": agent.id,
                        "scheduled": float(figures["scheduled_hours"]),
                        "contracted": float(figures["contracted_hours"]),
                    },
                )
            )
    return found


# ---- report ---------------------------------------------------------------------------------


def report(
    db: Session,
    *,
    start: date,
    end: date,
    site: str | None = None,
    programme: str | None = None,
) -> dict[str, Any]:
    """Sessions, people accompanied and hours, by site, theme, type, age band and month; the
    share of seniors (60+); the Ardoiz tablet's figures."""
    if end < start:
        raise InvalidData("value.range_reversed", start=start, end=end)
    sessions = _filtered(db, start, end, site, programme)
    ids = sorted({x.site_id for x in sessions})
    names = dict(db.exec(select(m.Site.id, m.Site.name).where(col(m.Site.id).in_(ids))).all())
    tally = _Tally()
    for session in sessions:
        tally.add(session)
    ages = tally.ages
    known_age = sum(v for k, v in ages.items() if k != "non_communique")
    seniors = sum(ages.get(band, 0) for band in rules.SENIOR_BANDS)
    return {
        "from": start,
        "to": end,
        "site": site,
        "programme": programme,
        "sessions": len(sessions),
        "people": sum(s.participants for s in sessions),
        "hours": round(sum(s.duration_minutes for s in sessions) / 60, 2),
        "seniors": seniors,
        "senior_share": round(seniors / known_age, 4) if known_age else None,
        "by_site": [
            {"site_id": k, "site_name": names.get(k), **_rounded(v)}
            for k, v in sorted(tally.by_site.items())
        ],
        "by_month": [{"month": k, **_rounded(v)} for k, v in sorted(tally.by_month.items())],
        "by_theme": [
            {"theme": k, "sessions": v}
            for k, v in sorted(tally.themes.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "by_type": [{"type": k, "sessions": v} for k, v in sorted(tally.types.items())],
        "by_age_band": [
            {"age_band": band, "people": ages.get(band, 0)} for band in vocab.AGE_BANDS
        ],
        "by_autonomy": [{"autonomy": k, "sessions": v} for k, v in sorted(tally.autonomy.items())],
        "ardoiz": _rounded(tally.ardoiz),
    }


@dataclass
class _Tally:
    """Sessions, people and hours counted by site, month, theme, type, age band and autonomy."""

    by_site: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_month: dict[str, dict[str, Any]] = field(default_factory=dict)
    themes: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    ages: Counter[str] = field(default_factory=Counter)
    autonomy: Counter[str] = field(default_factory=Counter)
    ardoiz: dict[str, Any] = field(
        default_factory=lambda: {"sessions": 0, "people": 0, "hours": 0.0}
    )

    def add(self, s: m.MediationSession) -> None:
        buckets = [
            self.by_site.setdefault(s.site_id, _totals()),
            self.by_month.setdefault(f"{s.session_date:%Y-%m}", _totals()),
        ]
        if s.device_model == "ardoiz":
            buckets.append(self.ardoiz)
        for bucket in buckets:
            bucket["sessions"] += 1
            bucket["people"] += s.participants
            bucket["hours"] += s.duration_minutes / 60
        self.themes.update(s.themes)
        self.types[s.session_type] += 1
        self.ages.update(s.age_bands)
        if s.autonomy:
            self.autonomy[s.autonomy] += 1


def _totals() -> dict[str, Any]:
    return {"sessions": 0, "people": 0, "hours": 0.0}


def _rounded(values: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in values.items()}
