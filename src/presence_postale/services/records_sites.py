"""The sites of a records file, in bulk: a national export holds twenty thousand of them.

What is there is read once (every site, its links, and its hours, staff count and labels
since the beginning); a site the database lacks is inserted with the others through the
store's bulk door, its first versions too (as `site_history.set_beginning` would write them
for a site without history); a site held with the same values is left alone without a
write; only a site that differs goes through `site`, which updates it (or finds it
in conflict) one by one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain.fields import FieldError
from presence_postale.domain.history import BEGINNING, RECORDS
from presence_postale.errors import Message
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.services import records_rules as rules
from presence_postale.services import site_history
from presence_postale.store import bulk, versions
from presence_postale.store import models as m

# The link tables of a site: the table, its key column, and the part of a site they hold.
_LINKS = (
    ("site_equipment", "equipment", "equipment"),
    ("site_operator", "operator_code", "operators"),
)


def _held(db: Session) -> dict[str, dict[str, Any]]:
    """Every site there is: its columns, and its links as a site's parts give them."""
    held = {row["id"]: {"row": row} for row in bulk.rows(db, "site")}
    for table, key, part in _LINKS:
        grouped: dict[str, dict[str, Any]] = defaultdict(dict)
        for link in bulk.rows(db, table):
            site_id, code = link.pop("site_id"), link.pop(key)
            grouped[site_id][code] = link
        for site_id, links in grouped.items():
            if site_id in held:
                held[site_id][part] = links
    first: dict[str, dict[str, Any]] = {
        "hours": versions.hours_during(db, None, BEGINNING, BEGINNING),
        "staff": versions.staff_during(db, None, BEGINNING, BEGINNING),
    }
    for part, timelines in first.items():
        for site_id, timeline in timelines.items():
            if site_id in held:
                held[site_id][part] = timeline.at(BEGINNING)
    for site_id, labels in versions.labels_during(db, None, BEGINNING, BEGINNING).items():
        held_labels = {
            code: {"since": state.since, "detail": state.detail}
            for code, timeline in labels.items()
            if (state := timeline.at(BEGINNING)) is not None and state.held
        }
        if site_id in held:
            held[site_id]["labels"] = held_labels
    return held


def _same(held: dict[str, Any], parts: Any) -> bool:
    row = held["row"]
    if any(row[key] != value for key, value in parts.values.items()):
        return False
    return (
        held.get("labels", {}) == parts.labels
        and held.get("hours") == parts.hours
        and held.get("staff") == parts.staff
        and sorted(held.get("equipment", {})) == sorted(parts.equipment)
        and sorted(held.get("operators", {})) == sorted(parts.operators)
    )


def load(db: Session, items: list[Item], add: Any, clashes: list[merge.Clash]) -> None:
    """Load the sites section (`add(outcome)` counts each one)."""
    db.flush()
    held = _held(db)
    departments = {row["code"] for row in bulk.rows(db, "department", "code")}
    new: dict[str, Any] = {}
    # The commands find 17510A when given 17510a: a new id differing from another only in
    # case could not be told apart from it.
    known = {site_id.upper(): site_id for site_id in held}
    for item in items:
        parts = site_parts(db, item, departments)
        site_id = parts.values["id"]
        if site_id not in held and site_id not in new:
            if (other := known.setdefault(site_id.upper(), site_id)) != site_id:
                reason = Message("site.exists_in_other_case", {"site": site_id, "existing": other})
                raise item.error("id", reason)
            new[site_id] = parts
            add("created")
        elif site_id in held and _same(held[site_id], parts):
            add("unchanged")
        else:
            _write(db, new)
            try:
                add(site(db, item))
            except merge.Clashes as found:
                clashes.extend(found.clashes)
    _write(db, new)


def _first_versions(
    into: dict[str, list[dict[str, Any]]], site_id: str, parts: Any, stamp: Any
) -> None:
    """The versions valid since the beginning of a site the database lacked (so held no
    history of), as rows of their tables: what `site_history.set_beginning` writes for it."""
    if parts.hours is None and parts.staff is None and not parts.labels:
        return  # most sites of a national file: no hours, no staff count, no label
    common = {"site_id": site_id, "valid_from": BEGINNING, "source": RECORDS, "recorded_at": stamp}
    if parts.hours is not None:
        into["site_hours_version"].append({**common, "opening_hours": parts.hours})
    if parts.staff is not None:
        into["site_staff_version"].append({**common, "staff_count": parts.staff})
    for code, label in parts.labels.items():
        into["site_label_version"].append(
            {**common, "label": code, "held": True, "since": label["since"],
             "detail": label["detail"]}
        )  # fmt: skip


def _write(db: Session, new: dict[str, Any]) -> None:
    """Insert the new sites and their links, then forget them."""
    if not new:
        return
    stamp = rules.now()
    rows = [parts.values for parts in new.values()]
    for row in rows:  # the new sites' own values, stamped in place: they are written once
        row["created_at"] = row["updated_at"] = stamp
    bulk.insert(db, "site", rows)
    for table, key, part in _LINKS:
        links: list[dict[str, Any]] = []
        for site_id, parts in new.items():
            given = getattr(parts, part)
            if not given:  # most sites: no equipment, no operator
                continue
            extra = given if isinstance(given, dict) else {code: {} for code in given}
            links.extend({"site_id": site_id, key: code, **more} for code, more in extra.items())
        bulk.insert(db, table, links)
    versions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for site_id, parts in new.items():
        _first_versions(versions, site_id, parts, stamp)
    for table, rows in versions.items():
        bulk.insert(db, table, rows)
    new.clear()


# ---- one site, read and written as a record ------------------------------------------------


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
    values = rules.checked(item, validators.site, SITE_FIELDS)
    if departments is None:
        rules.require(db, m.Department, values["department_code"], item, "department")
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
        if code in labels:  # which of the two should stay was never said, as for equipment
            raise item.error("labels", FieldError("labels", Message("list.twice"), code))
        labels[code] = {"since": label["since"], "detail": detail}
    try:
        equipment = validators.SPACE["equipment"](v["equipment"], "equipment") or []
    except FieldError as error:
        raise item.error("equipment", error) from None
    operators = rules.operators(db, item) if v["operators"] else []  # most sites: none
    values["source"] = values["source"] or "seed"
    values.update(rules.illustrative(values))
    hours, staff = values.pop("opening_hours", None), values.pop("staff_count", None)
    return SiteParts(values, labels, equipment, operators, hours, staff)


def site(db: Session, item: Item) -> str:
    v = item.values
    parts = site_parts(db, item)
    values, equipment, operators = parts.values, parts.equipment, parts.operators
    site = db.get(m.Site, v["id"])
    stamp = rules.now()
    clashes: list[merge.Clash] = []
    outcome = "unchanged"
    with merge.gathered(clashes):
        outcome = merge.store(
            db, m.Site, site, {**values, "created_at": stamp, "updated_at": stamp}, item
        )
    db.flush()
    # The file's hours, staff count and labels are the site's since the beginning.
    if site is not None and item.merging:
        with merge.gathered(clashes):
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
            clashes.append(merge.Clash(item, name, changed, sorted(wanted)))
        links_changed |= bool(changed)
    if clashes:
        raise merge.Clashes(clashes)
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
            changed |= rules.sync(current[key], extra)
        else:
            db.add(model(site_id=site_id, **{key_field: key}, **extra))
            changed = True
    return (sorted(current) or ["(nothing)"]) if changed else []
