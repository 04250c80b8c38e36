"""The sites of a records file, in bulk: a national export holds twenty thousand of them.

What is there is read once (every site, its links, and its hours, staff count and labels
since the beginning); a site the database lacks is inserted with the others through the
store's bulk door, its first versions too (as `site_history.set_beginning` would write them
for a site without history); a site held with the same values is left alone without a
write; only a site that differs goes through `records._site`, which updates it (or finds it
in conflict) one by one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session

from presence_postale.domain.history import BEGINNING, RECORDS
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.store import bulk, versions

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
    from presence_postale.services import records

    db.flush()
    held = _held(db)
    departments = {row["code"] for row in bulk.rows(db, "department", "code")}
    new: dict[str, Any] = {}
    for item in items:
        parts = records.site_parts(db, item, departments)
        site_id = parts.values["id"]
        if site_id not in held and site_id not in new:
            new[site_id] = parts
            add("created")
        elif site_id in held and _same(held[site_id], parts):
            add("unchanged")
        else:
            _write(db, new)
            try:
                add(records._site(db, item))
            except merge.Clashes as found:
                clashes.extend(found.clashes)
    _write(db, new)


def _first_versions(
    into: dict[str, list[dict[str, Any]]], site_id: str, parts: Any, stamp: Any
) -> None:
    """The versions valid since the beginning of a site the database lacked (so held no
    history of), as rows of their tables: what `site_history.set_beginning` writes for it."""
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
    from presence_postale.services.records import now

    if not new:
        return
    stamp = now()
    bulk.insert(
        db,
        "site",
        [{**parts.values, "created_at": stamp, "updated_at": stamp} for parts in new.values()],
    )
    for table, key, part in _LINKS:
        rows: list[dict[str, Any]] = []
        for site_id, parts in new.items():
            links = getattr(parts, part)
            extra = links if isinstance(links, dict) else {code: {} for code in links}
            rows.extend({"site_id": site_id, key: code, **more} for code, more in extra.items())
        bulk.insert(db, table, rows)
    versions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for site_id, parts in new.items():
        _first_versions(versions, site_id, parts, stamp)
    for table, rows in versions.items():
        bulk.insert(db, table, rows)
    new.clear()
