"""Apply a records file (the seed's schema) to the database: upserts, all or nothing.

Each record has a natural key; a record already present with the same values is left alone, so
loading a file twice changes nothing. References (a permanence's site, agent, programme) must
name records already in the database or earlier in the file; every error names the file's line.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from sqlmodel import Session, col, select

from presence_postale.domain import booking, validators
from presence_postale.domain import mediation as mediation_rules
from presence_postale.domain.fields import FieldError
from presence_postale.errors import Conflict, InvalidData
from presence_postale.formats.seed import Item, Records
from presence_postale.services import records_history, records_sites, records_versions
from presence_postale.services import records_merge as merge
from presence_postale.services import records_rules as rules
from presence_postale.services.records_summary import Summary
from presence_postale.services.records_unchanged import refuse_twice
from presence_postale.store import models as m
from presence_postale.store.db import BULK_WRITE, exclusive


def apply(db: Session, records: Records, summary: Summary | None = None) -> Summary:
    """Upsert every record of the file in `db` (the caller owns the transaction), counted
    in `summary` (a new one when not given)."""
    exclusive(db, BULK_WRITE)  # upserts read, then insert what is missing: one load at a time
    summary = summary if summary is not None else Summary()
    clashes: list[merge.Clash] = []
    for section, items in records:
        if not items:
            continue
        refuse_twice(section, items)
        if section == "sites":  # most of a national file: in bulk
            records_sites.load(db, items, lambda outcome: summary.add("sites", outcome), clashes)
            continue
        if section in records_versions.SECTIONS:  # thousands of labels' histories: in bulk
            records_versions.load(db, section, items, partial(summary.add, section), clashes)
            continue
        loader = _LOADERS[section]
        for item in items:
            try:
                summary.add(section, loader(db, item))
            except merge.Clashes as found:
                clashes.extend(found.clashes)
        db.flush()
    if clashes:
        raise merge.Clashing(clashes)
    return summary


# ---- one loader per section -----------------------------------------------------------------


def _department(db: Session, item: Item) -> str:
    v = rules.checked(item, validators.department, {})
    return rules.upsert(db, m.Department, v["code"], v, item)


def _operator(db: Session, item: Item) -> str:
    v = rules.checked(item, validators.operator, {})
    return rules.upsert(db, m.Operator, v["code"], v, item)


CLOSURE_FIELDS = {"site": "site_id", "start": "start_date", "end": "end_date"}


def _closure(db: Session, item: Item) -> str:
    v = item.values
    rules.require(db, m.Site, v["site"], item, "site")
    checked = rules.checked(item, validators.closure, CLOSURE_FIELDS)
    key = {"site_id": v["site"], "start_date": v["start"], "end_date": v["end"]}
    existing, uid = merge.find(
        db,
        m.Closure,
        item,
        "closure",
        key,
        m.Closure.site_id == v["site"],
        m.Closure.start_date == v["start"],
        m.Closure.end_date == v["end"],
        one_per_key=(),
    )
    values = {**key, "uid": uid, "reason": checked["reason"], "created_at": rules.stamp(v)}
    return merge.store(db, m.Closure, existing, values, item)


AGENT_FIELDS = {"home_site": "home_site_id"}


def _agent(db: Session, item: Item) -> str:
    v = item.values
    values = rules.checked(item, validators.agent, AGENT_FIELDS)
    rules.require(db, m.Site, v["home_site"], item, "home_site")
    values["active"] = True if values["active"] is None else values["active"]
    values.update(rules.illustrative(values))
    values["source"] = item.values["source"] or "seed"
    return rules.upsert(db, m.Agent, values["id"], values, item)


PROGRAMME_FIELDS = {"department": "department_code", "start": "start_date"}


def _programme(db: Session, item: Item) -> str:
    values = rules.checked(item, validators.programme, PROGRAMME_FIELDS)
    rules.require(db, m.Department, values["department_code"], item, "department")
    values["start_precision"] = values["start_precision"] or "day"
    values.update(rules.illustrative(values))
    return rules.upsert(db, m.Programme, values["code"], values, item)


PERMANENCE_FIELDS = {
    "programme": "programme_code",
    "agent": "agent_id",
    "site": "site_id",
    "start": "start_time",
    "end": "end_time",
}


def _same_agent(agent: str | None) -> Any:
    """A permanence's agent is this one (or none, as given)."""
    column = col(m.Permanence.agent_id)
    return column.is_(None) if agent is None else column == agent


def _permanence(db: Session, item: Item) -> str:
    v = item.values
    rules.require(db, m.Programme, v["programme"], item, "programme")
    rules.require(db, m.Agent, v["agent"], item, "agent")
    rules.require(db, m.Site, v["site"], item, "site")
    checked = rules.checked(item, validators.permanence, PERMANENCE_FIELDS)
    v = {**v, **{key: checked[key] for key in ("rrule", "note", "illustrative_reason")}}
    operators = rules.operators(db, item)
    values = {
        "programme_code": v["programme"],
        "agent_id": v["agent"],
        "site_id": v["site"],
        "rrule": v["rrule"],
        "start_time": v["start"],
        "end_time": v["end"],
        "valid_from": v["valid_from"],
        "valid_until": v["valid_until"],
        "note": v["note"],
        **rules.illustrative(v),
    }
    existing, uid = merge.find(
        db,
        m.Permanence,
        item,
        "permanence",
        values,
        m.Permanence.programme_code == v["programme"],
        m.Permanence.site_id == v["site"],
        m.Permanence.rrule == v["rrule"],
        m.Permanence.start_time == v["start"],
        m.Permanence.valid_from == v["valid_from"],
        one_per_key=(_same_agent(v["agent"]),),
    )
    clashes: list[merge.Clash] = []
    outcome = "unchanged"
    with merge.gathered(clashes):
        outcome = merge.store(
            db, m.Permanence, existing, {**values, "uid": uid, "created_at": rules.stamp(v)}, item
        )
    db.flush()
    permanence = existing or db.exec(select(m.Permanence).where(m.Permanence.uid == uid)).one()
    with merge.gathered(clashes):
        if _permanence_operators(db, permanence, operators, item) and outcome == "unchanged":
            outcome = "updated"
    if clashes:
        raise merge.Clashes(clashes)
    return outcome


def _permanence_operators(
    db: Session, permanence: m.Permanence, operators: list[str], item: Item
) -> bool:
    """Make the permanence's operators `operators`; True when that changed."""
    link = m.PermanenceOperator
    current = set(db.exec(select(link.operator_code).where(link.permanence_id == permanence.id)))
    if current == set(operators):
        return False
    if item.merging and current:
        raise merge.Clashes([merge.Clash(item, "operators", sorted(current), operators)])
    for row in db.exec(select(link).where(link.permanence_id == permanence.id)):
        db.delete(row)
    db.flush()
    assert permanence.id is not None
    for code in operators:
        db.add(link(permanence_id=permanence.id, operator_code=code))
    return True


def _space(db: Session, item: Item) -> str:
    v = item.values
    rules.require(db, m.Site, v["site"], item, "site")
    values = rules.checked(item, validators.space, {"site": "site_id"})
    values["capacity"] = 1 if values["capacity"] is None else values["capacity"]
    values["categories"] = values["categories"] or []
    values["equipment"] = values["equipment"] or []
    values.update(rules.illustrative(values))
    return rules.upsert(db, m.Space, values["id"], values, item)


RESERVATION_FIELDS = {"space": "space_id", "start": "start_at", "end": "end_at"}


def _reservation(db: Session, item: Item) -> str:
    """A booking, held to the rules `coworking book` applies (category, bookable hours,
    holidays, closures, capacity): a file that breaks one is refused whole."""
    from presence_postale.services import coworking

    v = item.values
    rules.require(db, m.Space, v["space"], item, "space")
    values = rules.checked(item, validators.reservation, RESERVATION_FIELDS)
    values.update(
        uid=None,
        series_id=v["series"],
        person_key=v["person_key"],
        cancelled_at=v["cancelled_at"],
        marked_at=v["marked_at"],
        anonymised_at=v["anonymised_at"],
    )
    existing, values["uid"] = merge.find(
        db,
        m.Reservation,
        item,
        "reservation",
        values,
        m.Reservation.space_id == values["space_id"],
        m.Reservation.start_at == values["start_at"],
        m.Reservation.end_at == values["end_at"],
        m.Reservation.email == values["email"],
        m.Reservation.person_name == values["person_name"],
    )
    if values["status"] in booking.TAKING_PLACE:
        space = db.get(m.Space, values["space_id"])
        assert space is not None
        start, end = values["start_at"], values["end_at"]
        day = start.date()
        held = [
            h
            for h in coworking.held(db, space, start, end)
            if existing is None or h.id != existing.id
        ]
        try:
            booking.check_place(
                coworking.place(db, space, day, day), values["category"], start, end, held
            )
        except (Conflict, FieldError) as error:
            raise item.error(None, error) from None
    return merge.store(db, m.Reservation, existing, {**values, "created_at": rules.stamp(v)}, item)


_SESSION_FIELDS = {
    **{name: name for name in mediation_rules.OPTION_NAMES},
    "type": "type",
    "duration": "duration_minutes",
}
# The file's names of a session's texts and references, the store's.
_SESSION_TEXTS = {
    "site": "site_id",
    "mediator": "mediator_id",
    "programme": "programme_code",
    "date": "session_date",
    "start": "start_time",
}


def _mediation_session(db: Session, item: Item) -> str:
    from presence_postale.services.mediation import session_values

    v = item.values
    rules.require(db, m.Site, v["site"], item, "site")
    rules.require(db, m.Agent, v["mediator"], item, "mediator")
    rules.require(db, m.Programme, v["programme"], item, "programme")
    texts = rules.checked(item, validators.session_texts, _SESSION_TEXTS)
    # A redirection written in words (older files) is read into the Coop's list.
    redirection, words = mediation_rules.read_redirection(v["redirection"])
    try:
        session = mediation_rules.check_session(
            mediation_rules.Given(
                session_type=v["type"],
                minutes=v["duration_minutes"],
                # The schema's default: a record without participants counts one person.
                participants=1 if v["participants"] is None else v["participants"],
                counts={name: v[name] or {} for name in mediation_rules.COUNTERS},
                themes=v["themes"] or [],
                procedure_details=texts["procedure_details"],
                equipment=v["equipment"] or [],
                autonomy=v["autonomy"],
                place_type=v["place_type"],
                place_insee_code=v["place_insee_code"],
                redirection=redirection,
                workshop_title=texts["workshop_title"],
                workshop_level=v["workshop_level"],
            ),
            _SESSION_FIELDS,
        )
    except InvalidData as error:
        raise item.error(error.params.get("field"), error) from None
    values = {
        **session_values(session),
        **texts,
        "redirection_detail": texts["redirection_detail"] or words,
    }
    existing, values["uid"] = merge.find(
        db,
        m.MediationSession,
        item,
        "mediation_session",
        values,
        m.MediationSession.site_id == v["site"],
        m.MediationSession.mediator_id == v["mediator"],
        m.MediationSession.session_date == v["date"],
        m.MediationSession.start_time == v["start"],
    )
    return merge.store(
        db, m.MediationSession, existing, {**values, "created_at": rules.stamp(v)}, item
    )


_LOADERS: dict[str, Callable[[Session, Item], str]] = {
    "departments": _department,
    "operators": _operator,
    "sites": records_sites.site,
    "closures": _closure,
    "agents": _agent,
    "programmes": _programme,
    "permanences": _permanence,
    "spaces": _space,
    "reservations": _reservation,
    "mediation_sessions": _mediation_session,
    **records_history.LOADERS,
}
