"""Apply a records file (the seed's schema) to the database: upserts, all or nothing.

Each record has a natural key; a record already present with the same values is left alone, so
loading a file twice changes nothing. References (a permanence's site, agent, programme) must
name records already in the database or earlier in the file; every error names the file's line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlmodel import Session, SQLModel, select

from presence_postale.domain import booking, fields, validators, vocab
from presence_postale.domain import mediation as mediation_rules
from presence_postale.domain.fields import FieldError
from presence_postale.domain.history import BEGINNING, RECORDS
from presence_postale.errors import Conflict, InvalidData, Message
from presence_postale.formats.seed import Item, Records
from presence_postale.services import records_history, records_sites, records_versions, site_history
from presence_postale.services import records_merge as merge
from presence_postale.store import models as m
from presence_postale.store.db import BULK_WRITE, exclusive


@dataclass
class Summary:
    """What a load did, per section: created / updated / unchanged."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, section: str, outcome: str) -> None:
        self.counts.setdefault(section, Counter())[outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total("created") or self.total("updated"))

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "section": section,
                "created": counter["created"],
                "updated": counter["updated"],
                "unchanged": counter["unchanged"],
            }
            for section, counter in self.counts.items()
        ]


def now() -> datetime:
    return datetime.now(UTC)


def apply(db: Session, records: Records) -> Summary:
    """Upsert every record of the file in `db` (the caller owns the transaction)."""
    exclusive(db, BULK_WRITE)  # upserts read, then insert what is missing: one load at a time
    summary = Summary()
    clashes: list[merge.Clash] = []
    for section, items in records:
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
        first = clashes[0]
        raise Conflict(
            "records.conflict",
            source=first.item.source,
            line=first.item.lines.get(first.field, first.item.line),
            item=f"{first.item.section}[{first.item.index}]",
            field=first.field,
            ours=merge.shown(first.ours),
            theirs=merge.shown(first.theirs),
            n=len(clashes),
        )
    return summary


def _sync(obj: SQLModel, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when anything changed."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _upsert(
    db: Session, model: type[SQLModel], key: Any, values: dict[str, Any], item: Item
) -> str:
    return merge.store(db, model, db.get(model, key), values, item)


def _require(db: Session, model: type[SQLModel], key: Any, item: Item, field: str) -> None:
    if key is not None and db.get(model, key) is None:
        raise item.error(field, Message("records.missing_reference", {"value": key}))


def _checked(
    item: Item,
    validate: Callable[..., dict[str, Any]],
    names: dict[str, str],
    **options: Any,
) -> dict[str, Any]:
    """The item's values through its kind's domain validator (`names`: the store's name of
    each field the file names otherwise); a refusal names the file's field and its line."""
    values = {names.get(key, key): value for key, value in item.values.items()}
    try:
        return validate(values, **options)
    except FieldError as error:
        back = {store: key for key, store in names.items()}
        raise item.error(back.get(error.field, error.field), error) from None


def _illustrative(v: dict[str, Any]) -> dict[str, Any]:
    """The illustrative flag and its reason; a reason alone marks the record illustrative."""
    reason = v["illustrative_reason"]
    return {
        "illustrative": bool(v["illustrative"]) or reason is not None,
        "illustrative_reason": reason,
    }


def _operators(db: Session, item: Item, field: str = "operators") -> list[str]:
    codes: list[str] = item.values[field] or []
    for code in codes:
        if db.get(m.Operator, code) is None:
            raise item.error(field, Message("records.missing_reference", {"value": code}))
    if len(set(codes)) != len(codes):
        raise item.error(field, Message("list.twice"))
    return codes


# ---- one loader per section -----------------------------------------------------------------


def _department(db: Session, item: Item) -> str:
    v = _checked(item, validators.department, {})
    return _upsert(db, m.Department, v["code"], v, item)


def _operator(db: Session, item: Item) -> str:
    v = _checked(item, validators.operator, {})
    return _upsert(db, m.Operator, v["code"], v, item)


SITE_FIELDS = {"department": "department_code", "parent": "parent_id"}


@dataclass
class SiteParts:
    """A site of a file, checked: its columns and its links (label -> since and detail,
    equipment, operators)."""

    values: dict[str, Any]
    labels: dict[str, dict[str, Any]]
    equipment: list[str]
    operators: list[str]
    hours: str | None = None
    staff: int | None = None


def site_parts(db: Session, item: Item, departments: set[str] | None = None) -> SiteParts:
    """The item's site checked as `_site` loads it (`departments`: the codes there are, when
    the caller read them once)."""
    v = item.values
    values = _checked(item, validators.site, SITE_FIELDS)
    if departments is None:
        _require(db, m.Department, values["department_code"], item, "department")
    elif values["department_code"] is not None and values["department_code"] not in departments:
        raise item.error(
            "department", Message("records.missing_reference", {"value": values["department_code"]})
        )
    labels = {}
    for label in v["labels"] or []:
        try:
            code = vocab.check("site_label", label["label"], "labels")
            detail = fields.line(label["detail"], "labels")
        except FieldError as error:
            raise item.error("labels", error) from None
        labels[code] = {"since": label["since"], "detail": detail}
    try:
        equipment = validators.SPACE["equipment"](v["equipment"], "equipment") or []
    except FieldError as error:
        raise item.error("equipment", error) from None
    operators = _operators(db, item)
    values["source"] = values["source"] or "seed"
    values.update(_illustrative(values))
    hours, staff = values.pop("opening_hours", None), values.pop("staff_count", None)
    return SiteParts(values, labels, equipment, operators, hours, staff)


def _site(db: Session, item: Item) -> str:
    v = item.values
    parts = site_parts(db, item)
    values, equipment, operators = parts.values, parts.equipment, parts.operators
    site = db.get(m.Site, v["id"])
    stamp = now()
    outcome = merge.store(
        db, m.Site, site, {**values, "created_at": stamp, "updated_at": stamp}, item
    )
    db.flush()
    # The file's hours, staff count and labels are the site's since the beginning.
    if site is not None and item.merging:
        _clash_from_the_beginning(db, item, parts)
    links_changed = site_history.set_beginning(
        db,
        v["id"],
        parts.hours,
        parts.staff,
        {code: (label["since"], label["detail"]) for code, label in parts.labels.items()},
        source=RECORDS,
        now=stamp,
    )
    for model, key_field, name, wanted in (
        (m.SiteEquipment, "equipment", "equipment", equipment),
        (m.SiteOperator, "operator_code", "operators", operators),
    ):
        changed = _replace_links(db, model, v["id"], {key: {} for key in wanted}, key_field)
        if changed and site is not None and item.merging:
            raise merge.Clashes([merge.Clash(item, name, changed, sorted(wanted))])
        links_changed |= bool(changed)
    if outcome == "unchanged" and links_changed:
        outcome = "updated"
    if outcome == "updated" and site is not None:
        site.updated_at = stamp
    return outcome


def _clash_from_the_beginning(db: Session, item: Item, parts: SiteParts) -> None:
    """Another database's site whose hours, staff count or labels since the beginning differ
    from this one's: a conflict naming both."""
    held = site_history.in_force(db, parts.values["id"], BEGINNING)
    labels = {label.pop("label"): label for label in held["labels"]}
    found = [
        merge.Clash(item, name, ours, theirs)
        for name, ours, theirs in (
            ("opening_hours", held["opening_hours"], parts.hours),
            ("staff_count", held["staff_count"], parts.staff),
            ("labels", sorted(labels), sorted(parts.labels)),
        )
        if (labels if name == "labels" else ours) != (parts.labels if name == "labels" else theirs)
    ]
    if found:
        raise merge.Clashes(found)


def _replace_links(
    db: Session,
    model: Any,
    site_id: str,
    wanted: dict[str, dict[str, Any]],
    key_field: str,
) -> list[str]:
    """Make the site's links exactly `wanted` (key -> extra values); the links there were
    before when that changed anything (else nothing)."""
    current = {
        getattr(row, key_field): row
        for row in db.exec(select(model).where(model.site_id == site_id))
    }
    changed = False
    for key, row in current.items():
        if key not in wanted:
            db.delete(row)
            changed = True
    for key, extra in wanted.items():
        if key in current:
            changed |= _sync(current[key], extra)
        else:
            db.add(model(site_id=site_id, **{key_field: key}, **extra))
            changed = True
    return (sorted(current) or ["(nothing)"]) if changed else []


CLOSURE_FIELDS = {"site": "site_id", "start": "start_date", "end": "end_date"}


def _closure(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Site, v["site"], item, "site")
    checked = _checked(item, validators.closure, CLOSURE_FIELDS)
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
    )
    values = {**key, "uid": uid, "reason": checked["reason"], "created_at": _stamp(v)}
    return merge.store(db, m.Closure, existing, values, item)


def _stamp(values: dict[str, Any], name: str = "created_at") -> datetime:
    """When the record was written: as the file says, or now."""
    stamp: datetime | None = values.get(name)
    return stamp if stamp is not None else now()


AGENT_FIELDS = {"home_site": "home_site_id"}


def _agent(db: Session, item: Item) -> str:
    v = item.values
    values = _checked(item, validators.agent, AGENT_FIELDS)
    _require(db, m.Site, v["home_site"], item, "home_site")
    values["active"] = True if values["active"] is None else values["active"]
    values.update(_illustrative(values))
    values["source"] = item.values["source"] or "seed"
    return _upsert(db, m.Agent, values["id"], values, item)


PROGRAMME_FIELDS = {"department": "department_code", "start": "start_date"}


def _programme(db: Session, item: Item) -> str:
    values = _checked(item, validators.programme, PROGRAMME_FIELDS)
    _require(db, m.Department, values["department_code"], item, "department")
    values["start_precision"] = values["start_precision"] or "day"
    values.update(_illustrative(values))
    return _upsert(db, m.Programme, values["code"], values, item)


PERMANENCE_FIELDS = {
    "programme": "programme_code",
    "agent": "agent_id",
    "site": "site_id",
    "start": "start_time",
    "end": "end_time",
}


def _permanence(db: Session, item: Item) -> str:
    v = item.values
    _require(db, m.Programme, v["programme"], item, "programme")
    _require(db, m.Agent, v["agent"], item, "agent")
    _require(db, m.Site, v["site"], item, "site")
    checked = _checked(item, validators.permanence, PERMANENCE_FIELDS)
    v = {**v, **{key: checked[key] for key in ("rrule", "note", "illustrative_reason")}}
    operators = _operators(db, item)
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
        **_illustrative(v),
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
    )
    outcome = merge.store(
        db, m.Permanence, existing, {**values, "uid": uid, "created_at": _stamp(v)}, item
    )
    db.flush()
    permanence = existing or db.exec(select(m.Permanence).where(m.Permanence.uid == uid)).one()
    if _permanence_operators(db, permanence, operators, item) and outcome == "unchanged":
        outcome = "updated"
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
    _require(db, m.Site, v["site"], item, "site")
    values = _checked(item, validators.space, {"site": "site_id"})
    values["capacity"] = 1 if values["capacity"] is None else values["capacity"]
    values["categories"] = values["categories"] or []
    values["equipment"] = values["equipment"] or []
    values.update(_illustrative(values))
    return _upsert(db, m.Space, values["id"], values, item)


RESERVATION_FIELDS = {"space": "space_id", "start": "start_at", "end": "end_at"}


def _reservation(db: Session, item: Item) -> str:
    """A booking, held to the rules `coworking book` applies (category, bookable hours,
    holidays, closures, capacity): a file that breaks one is refused whole."""
    from presence_postale.services import coworking

    v = item.values
    _require(db, m.Space, v["space"], item, "space")
    values = _checked(item, validators.reservation, RESERVATION_FIELDS)
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
    return merge.store(db, m.Reservation, existing, {**values, "created_at": _stamp(v)}, item)


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
    _require(db, m.Site, v["site"], item, "site")
    _require(db, m.Agent, v["mediator"], item, "mediator")
    _require(db, m.Programme, v["programme"], item, "programme")
    texts = _checked(item, validators.session_texts, _SESSION_TEXTS)
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
    return merge.store(db, m.MediationSession, existing, {**values, "created_at": _stamp(v)}, item)


_LOADERS: dict[str, Callable[[Session, Item], str]] = {
    "departments": _department,
    "operators": _operator,
    "sites": _site,
    "closures": _closure,
    "agents": _agent,
    "programmes": _programme,
    "permanences": _permanence,
    "spaces": _space,
    "reservations": _reservation,
    "mediation_sessions": _mediation_session,
    **records_history.LOADERS,
}
