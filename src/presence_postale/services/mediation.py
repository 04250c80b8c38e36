"""Digital mediation: sessions, and a mediator's hours against the contract."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import fields, validators
from presence_postale.domain import hours as oh
from presence_postale.domain import mediation as rules
from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import holidays_between
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Conflict, Message, NotFound
from presence_postale.services import schedule as schedule_service
from presence_postale.store import models as m
from presence_postale.store import queries, versions
from presence_postale.store.db import lock

MEDIATOR_ROLE = "mediateur_numerique"


@dataclass(frozen=True)
class NewSession:
    site: m.Site
    mediator: m.Agent
    programme: m.Programme | None
    day: date
    start: time
    # What the Coop records (type, length, counters, themes, place, redirection …), unchecked.
    given: rules.Given
    device_model: str | None = None
    redirection_detail: str | None = None
    note: str | None = None

    @property
    def minutes(self) -> int:
        return self.given.minutes


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
    return checks(db, new.site, new.mediator.id, new.day, new.start, new.minutes)


def checks(
    db: Session, site: m.Site, mediator_id: str, day: date, start: time, minutes: int
) -> list[Message]:
    """What is odd about a session at `site` (see `domain.mediation.warnings`), judged on the
    site's hours in force that day. One rule: a new session is warned about (or refused with
    `--strict`) with it, and a change of the site's hours or closures, of the mediator, or of
    a programme's end names the recorded sessions it now catches."""
    holidays = holidays_between(day, day, site.department_code)
    closures = queries.closures_by_site(db, [site.id], day, day).get(site.id, [])
    has_ilot = db.get(m.SiteEquipment, (site.id, "ilot_numerique")) is not None
    hours = versions.hours_during(db, [site.id], day, day).get(site.id)
    open_minutes = None
    if hours is not None and hours.at(day) is not None:
        open_minutes = oh.day_hours(hours, day, holidays, closures).minutes
    return rules.warnings(
        day=day,
        start=start,
        minutes=minutes,
        has_ilot=has_ilot,
        holiday=holidays.get(day),
        open_minutes=open_minutes,
        presence=presence(db, mediator_id, site.id, day),
    )


# How the command line names a session's texts (the Coop's rules name theirs:
# `mediation.OPTION_NAMES`).
TEXT_OPTIONS = {
    "procedure_details": "--details",
    "device_model": "--device-model",
    "redirection_detail": "--redirection-detail",
    "workshop_title": "--workshop-title",
    "note": "--note",
}


def add(db: Session, new: NewSession, *, strict: bool) -> tuple[m.MediationSession, list[Message]]:
    """Record a session; its warnings are returned, or refuse it with `strict`."""
    with fields.naming(TEXT_OPTIONS):
        texts = validators.session_texts(
            {
                "site_id": new.site.id,
                "mediator_id": new.mediator.id,
                "programme_code": new.programme.code if new.programme else None,
                "session_date": new.day,
                "start_time": new.start,
                "procedure_details": new.given.procedure_details,
                "device_model": new.device_model,
                "redirection_detail": new.redirection_detail,
                "workshop_title": new.given.workshop_title,
                "note": new.note,
            }
        )
    checked = rules.check_session(new.given)
    # The warnings compare with the mediator's other sessions: one writer per mediator.
    lock(db, m.Agent, new.mediator.id)
    found = session_warnings(db, new)
    if found and strict:
        raise Conflict("mediation.refused_strict", warnings=found)
    record = m.MediationSession(
        **{**session_values(checked), **texts}, created_at=datetime.now(UTC)
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
        "genders": dict(s.genders),
        "residence_communes": dict(s.residence_communes),
        "themes": list(s.themes),
        "procedure_details": s.procedure_details,
        "equipment": list(s.equipment),
        "device_model": s.device_model,
        "autonomy": s.autonomy,
        "place_type": s.place_type,
        "place_insee_code": s.place_insee_code,
        "redirection": s.redirection,
        "redirection_detail": s.redirection_detail,
        "workshop_title": s.workshop_title,
        "workshop_level": s.workshop_level,
        "note": s.note,
    }


def sessions_between(
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


def selection(
    db: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    site: str | None = None,
    programme: str | None = None,
    mediator: str | None = None,
) -> dict[str, Any]:
    """The sessions a command asks for, its references found (a site by code or name, a
    programme, a mediator): the keywords of `listing` and `coop.activities`."""
    from presence_postale.services import agents, programmes, sites

    return {
        "start": start,
        "end": end,
        "site": sites.get(db, site).id if site else None,
        "programme": programmes.get(db, programme).code if programme else None,
        "mediator": agents.get(db, mediator).id if mediator else None,
    }


def listing(
    db: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    site: str | None = None,
    programme: str | None = None,
    mediator: str | None = None,
) -> list[dict[str, Any]]:
    return [row(s) for s in sessions_between(db, start, end, site, programme, mediator)]


# ---- hours ----------------------------------------------------------------------------------


def hours(db: Session, week: IsoWeek, mediator: m.Agent | None = None) -> list[dict[str, Any]]:
    """Each mediator's scheduled presence that week (permanences, holidays and closures taken
    off) against their contracted weekly hours; the hours their absences skip count towards
    the contract and are shown apart."""
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
        lost = away = 0
        for entry in schedule.entries:
            o = entry.occurrence
            length = (
                datetime.combine(o.date, o.end) - datetime.combine(o.date, o.start)
            ).seconds // 60
            if o.takes_place:
                minutes += length
                by_site[entry.site.id] += length
            elif o.status == sch.ABSENT:
                away += length
            else:
                lost += length
        scheduled = minutes / 60
        contracted = agent.weekly_hours
        # Illustrative contract or schedule: the comparison is shown marked, with every reason.
        reasons = [agent.illustrative_reason] if agent.illustrative else []
        for entry in schedule.entries:
            if entry.permanence.illustrative:
                reasons.append(entry.permanence.illustrative_reason)
        # The agent's absences count towards the contract (leave is not a gap in the
        # planning); holidays, closures and cancellations do not.
        covered = (minutes + away) / 60
        status = "unknown" if contracted is None else ("deficit" if covered < contracted else "ok")
        out.append(
            {
                "mediator": agent.id,
                "name": agent.name,
                "week": week.label,
                "scheduled_hours": round(scheduled, 2),
                "contracted_hours": contracted,
                "difference": round(covered - contracted, 2) if contracted is not None else None,
                "lost_hours": round(lost / 60, 2),
                "absent_hours": round(away / 60, 2),
                "status": status,
                "by_site": {k: round(v / 60, 2) for k, v in sorted(by_site.items())},
                "illustrative": bool(reasons),
                "illustrative_reason": " ; ".join(dict.fromkeys(r for r in reasons if r)) or None,
            }
        )
    return out


def deficits(db: Session, week: IsoWeek, agent_ids: set[str]) -> list[Message]:
    """Mediators among `agent_ids` scheduled below their contract that week. One rule: the
    weekly report warns with it, and a change of a mediator's hours, of a closure or of a
    programme's end names the weeks it now leaves short."""
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


def session_values(session: rules.Checked) -> dict[str, Any]:
    """The columns of a checked session (the command and a records file share them)."""
    counters = session.counters
    return {
        "duration_minutes": session.minutes,
        "session_type": session.session_type,
        "participants": counters.participants,
        "age_bands": counters.age_bands,
        "social_statuses": counters.social_statuses,
        "genders": counters.genders,
        "residence_communes": counters.residence_communes,
        "themes": session.themes,
        "procedure_details": session.procedure_details,
        "equipment": session.equipment,
        "autonomy": session.autonomy,
        "place_type": session.place_type,
        "place_insee_code": session.place_insee_code,
        "redirection": session.redirection,
        "workshop_title": session.workshop_title,
        "workshop_level": session.workshop_level,
    }
