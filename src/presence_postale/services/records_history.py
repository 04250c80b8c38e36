"""Loaders of the sections that record what happened to records: agents' absences, programme
changes, changed occurrences and their outcomes and revisions, waiting lists, notices.

Each checks its references (a permanence named by its uid, an agent by its id...) and its
vocabulary, then meets the database through `records_merge`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session, select

from presence_postale.domain import fields, vocab
from presence_postale.domain.fields import FieldError
from presence_postale.domain.notices import EXPIRED, QUEUED_STATUS, SENT
from presence_postale.domain.schedule import MOVED
from presence_postale.errors import Message
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.services import records_rules as rules
from presence_postale.store import models as m

# The codes these records use (the services write them; no person chooses among them).
PROGRAMME_ACTIONS = ("extend", "end")
OCCURRENCE_ACTIONS = ("cancelled", MOVED)
WAITLIST_STATUSES = ("waiting", "offered", "booked", "withdrawn")
NOTIFICATION_STATUSES = (QUEUED_STATUS, SENT, EXPIRED)


def _by_uid(db: Session, model: Any, uid: str, item: Item, name: str) -> int:
    """The row number of the record `uid` names."""
    found = db.exec(select(model.id).where(model.uid == uid)).first()
    if found is None:
        raise item.error(name, Message("records.missing_reference", {"value": uid}))
    return int(found)


def _text(item: Item, name: str) -> str | None:
    return rules.checked_field(item, name, fields.line)


def _code(item: Item, name: str, vocabulary: str | tuple[str, ...]) -> str:
    """The item's code `name`, from a vocabulary of the domain's or a list of codes."""
    if isinstance(vocabulary, str):
        return rules.checked_field(
            item, name, lambda value, field: vocab.check(vocabulary, value, field)
        )
    value = item.values[name]
    if value not in vocabulary:
        expected = Message("vocab.unknown", {"expected": list(vocabulary)})
        raise item.error(name, FieldError(name, expected, value))
    return str(value)


def _ordered(item: Item, first: str = "start", last: str = "end") -> None:
    start, end = item.values[first], item.values[last]
    if end < start:
        raise item.error(last, Message("order.before", {"value": end, "first": start}))


def _absence(db: Session, item: Item) -> str:
    v = item.values
    rules.require(db, m.Agent, v["agent"], item, "agent")
    _ordered(item)
    key = {"agent_id": v["agent"], "start_date": v["start"], "end_date": v["end"]}
    existing, uid = merge.find(
        db,
        m.AgentAbsence,
        item,
        "agent_absence",
        key,
        *(getattr(m.AgentAbsence, name) == value for name, value in key.items()),
        one_per_key=(),
    )
    values = {
        **key,
        "uid": uid,
        "reason": _text(item, "reason"),
        "created_at": rules.stamp(item.values),
    }
    return merge.store(db, m.AgentAbsence, existing, values, item)


def _programme_change(db: Session, item: Item) -> str:
    v = item.values
    rules.require(db, m.Programme, v["programme"], item, "programme")
    key = {
        "programme_code": v["programme"],
        "changed_on": v["changed_on"],
        "action": _code(item, "action", PROGRAMME_ACTIONS),
        "new_end": v["new_end"],
    }
    change = m.ProgrammeChange
    existing, uid = merge.find(
        db,
        change,
        item,
        "programme_change",
        key,
        *(getattr(change, name) == value for name, value in key.items()),
    )
    values = {
        **key,
        "uid": uid,
        "previous_end": v["previous_end"],
        "reason": _text(item, "reason"),
        "created_at": rules.stamp(item.values),
    }
    return merge.store(db, change, existing, values, item)


def _occurrence(db: Session, model: Any, item: Item, values: dict[str, Any]) -> str:
    """A row about one occurrence of a permanence (named by its uid and first date)."""
    permanence_id = _by_uid(db, m.Permanence, item.values["permanence"], item, "permanence")
    day = item.values["date"]
    existing = db.exec(
        select(model).where(model.permanence_id == permanence_id, model.occurrence_date == day)
    ).first()
    values = {"permanence_id": permanence_id, "occurrence_date": day, **values}
    return merge.store(db, model, existing, values, item)


def _occurrence_change(db: Session, item: Item) -> str:
    v = item.values
    action = _code(item, "action", OCCURRENCE_ACTIONS)
    if action == "moved" and v["new_date"] is None:
        raise item.error("new_date", Message("records.moved_without_date"))
    values = {
        "action": action,
        "new_date": v["new_date"],
        "new_start": v["new_start"],
        "new_end": v["new_end"],
        "reason": _text(item, "reason"),
        "created_at": rules.stamp(item.values),
    }
    return _occurrence(db, m.PermanenceException, item, values)


def _outcome(db: Session, item: Item) -> str:
    v = item.values
    if v["visitors"] < 0:
        raise item.error("visitors", Message("number.range", {"low": 0, "high": "∞"}))
    for code in v["requests"] or {}:
        rules.require(db, m.Operator, code, item, "requests")
    values = {
        "visitors": v["visitors"],
        "requests": v["requests"] or {},
        "note": _text(item, "note"),
        "created_at": rules.stamp(item.values),
    }
    return _occurrence(db, m.PermanenceOutcome, item, values)


def _revision(db: Session, item: Item) -> str:
    """How often an occurrence changed: calendars only ever see the count grow, so a file
    with a higher count raises it and a lower one leaves it."""
    v = item.values
    permanence_id = _by_uid(db, m.Permanence, v["permanence"], item, "permanence")
    existing = db.get(m.OccurrenceRevision, (permanence_id, v["date"]))
    if existing is None:
        db.add(
            m.OccurrenceRevision(
                permanence_id=permanence_id,
                occurrence_date=v["date"],
                sequence=v["sequence"],
                changed_at=v["changed_at"],
            )
        )
        return "created"
    if (v["sequence"], v["changed_at"]) <= (existing.sequence, existing.changed_at):
        return "unchanged"
    existing.sequence, existing.changed_at = v["sequence"], v["changed_at"]
    return "updated"


def _waitlist(db: Session, item: Item) -> str:
    from presence_postale.domain import validators

    v = item.values
    rules.require(db, m.Space, v["space"], item, "space")
    _ordered(item)
    try:
        person = validators.booker(v, named=False)
    except FieldError as error:
        raise item.error(error.field, error) from None
    entry = m.WaitlistEntry
    values = {
        "space_id": v["space"],
        "start_at": v["start"],
        "end_at": v["end"],
        "person_name": person.get("person_name"),
        "email": person.get("email"),
        "category": _code(item, "category", "reservation_category"),
        "organisation": person.get("organisation"),
        "status": _code(item, "status", WAITLIST_STATUSES) if v["status"] else "waiting",
        "offered_reservation_id": None
        if v["offered_reservation"] is None
        else _by_uid(db, m.Reservation, v["offered_reservation"], item, "offered_reservation"),
        "offered_at": v["offered_at"],
        "anonymised_at": v["anonymised_at"],
    }
    existing, values["uid"] = merge.find(
        db,
        entry,
        item,
        "waitlist_entry",
        values,
        entry.space_id == values["space_id"],
        entry.start_at == values["start_at"],
        entry.end_at == values["end_at"],
        entry.email == values["email"],
        entry.person_name == values["person_name"],
    )
    return merge.store(
        db, entry, existing, {**values, "created_at": rules.stamp(item.values)}, item
    )


def _notification(db: Session, item: Item) -> str:
    v = item.values
    notice = m.Notification
    digest = v["digest"] or ""
    existing = db.exec(
        select(notice).where(notice.topic == v["topic"], notice.digest == digest)
    ).first()
    values = {
        "topic": v["topic"],
        "digest": digest,
        "kind": v["kind"],
        "recipient": v["recipient"],
        "day": v["day"],
        "status": _code(item, "status", NOTIFICATION_STATUSES) if v["status"] else "queued",
        "created_at": rules.stamp(item.values),
        "sent_at": v["sent_at"],
    }
    return merge.store(db, notice, existing, values, item)


LOADERS: dict[str, Callable[[Session, Item], str]] = {
    "absences": _absence,
    "programme_changes": _programme_change,
    "occurrence_changes": _occurrence_change,
    "outcomes": _outcome,
    "revisions": _revision,
    "waitlist": _waitlist,
    "notifications": _notification,
}
