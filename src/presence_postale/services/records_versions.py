"""Loaders of a site's later versions of its hours, staff count and labels (the sections
`hours_versions`, `staff_versions`, `label_versions`; the versions valid since the beginning
are the site's own fields).

Each version is checked as a change of the site checks it, then written with the first day,
source and time of entry the file gives: a new one with the section's others through the
store's bulk door, one replacing a version held through the site histories
(`site_history.restore`). A version of the same day held here with another value is replaced
by a file of its records, and is a conflict naming both when the file is another database's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain.history import RECORDS, LabelState, Version, check_first_day
from presence_postale.errors import InvalidData, Message
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.services import records_rules as rules
from presence_postale.services import site_history
from presence_postale.store import bulk


class _Section:
    """What one section's load needs to know, read once: the sites there are, the versions
    held (first day's key -> version) and the new versions not yet written (key -> row)."""

    def __init__(self, db: Session, what: str) -> None:
        self.db, self.what, self.table = db, what, _TABLES[what]
        self.sites = {row["id"] for row in bulk.rows(db, "site", "id")}
        self.held = {_key(what, row): _version(what, row) for row in bulk.rows(db, self.table)}
        self.new: dict[tuple[Any, ...], dict[str, Any]] = {}

    def write(self) -> None:
        """Insert the new versions, then forget them."""
        bulk.insert(self.db, self.table, list(self.new.values()))
        self.new.clear()


_TABLES = {
    site_history.HOURS: "site_hours_version",
    site_history.STAFF: "site_staff_version",
    site_history.LABEL: "site_label_version",
}
_FIELDS = {site_history.HOURS: "opening_hours", site_history.STAFF: "staff_count"}


def _key(what: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if what == site_history.LABEL:
        return (row["site_id"], row["label"], row["valid_from"])
    return (row["site_id"], row["valid_from"])


def _version(what: str, row: dict[str, Any]) -> Version[Any]:
    if what == site_history.LABEL:
        value: Any = LabelState(row["held"], row["since"], row["detail"])
    else:
        value = row[_FIELDS[what]]
    return Version(row["valid_from"], value, row["source"])


def _row(
    what: str, site_id: str, code: str | None, version: Version[Any], stamp: datetime
) -> dict[str, Any]:
    row = {"site_id": site_id, "valid_from": version.valid_from, "source": version.source,
           "recorded_at": stamp}  # fmt: skip
    if what == site_history.LABEL:
        state = version.value
        return {**row, "label": code, "held": state.held, "since": state.since,
                "detail": state.detail}  # fmt: skip
    return {**row, _FIELDS[what]: version.value}


def _load(section: _Section, item: Item, value: Any, code: str | None = None) -> str:
    v, what = item.values, section.what
    if v["site"] not in section.sites:
        raise item.error("site", Message("records.missing_reference", {"value": v["site"]}))
    try:
        check_first_day(v["from"])
    except InvalidData as error:
        raise item.error("from", error) from None
    source = rules.checked_field(
        item, "source", lambda text, field: vocab.check("version_source", text or RECORDS, field)
    )
    version = Version(v["from"], value, source)
    key = (
        (v["site"], code, version.valid_from)
        if code is not None
        else (v["site"], version.valid_from)
    )
    held = section.held.get(key)
    if held is not None and (held.value, held.source) == (value, source):
        return "unchanged"
    if held is not None and item.merging:
        field = "held" if what == site_history.LABEL else _FIELDS[what]
        ours = held.value.held if isinstance(held.value, LabelState) else held.value
        theirs = value.held if isinstance(value, LabelState) else value
        raise merge.Clashes([merge.Clash(item, field, ours, theirs)])
    section.held[key] = version
    if held is None:  # a new version: written with the others
        stamp = v["recorded_at"] or datetime.now(UTC)
        section.new[key] = _row(what, v["site"], code, version, stamp)
        return "created"
    if key in section.new:  # given twice by the file: the first is written, then replaced
        section.write()
    site_history.restore(section.db, v["site"], what, version, v["recorded_at"], code)
    return "updated"


def _hours(section: _Section, item: Item) -> str:
    hours = rules.checked_field(item, "opening_hours", validators.SITE_HOURS)
    return _load(section, item, hours)


def _staff(section: _Section, item: Item) -> str:
    staff = rules.checked_field(item, "staff_count", validators.SITE["staff_count"])
    return _load(section, item, staff)


def _label(section: _Section, item: Item) -> str:
    v = item.values
    code = rules.checked_field(
        item, "label", lambda value, field: vocab.check("site_label", value, field)
    )
    held = True if v["held"] is None else v["held"]
    state = LabelState(held, v["since"], rules.checked_field(item, "detail", fields.line))
    return _load(section, item, state, code)


_SECTIONS: dict[str, tuple[str, Callable[[_Section, Item], str]]] = {
    "hours_versions": (site_history.HOURS, _hours),
    "staff_versions": (site_history.STAFF, _staff),
    "label_versions": (site_history.LABEL, _label),
}


def load(
    db: Session, section: str, items: list[Item], add: Callable[[str], None],
    clashes: list[merge.Clash],
) -> None:  # fmt: skip
    """Load one of the sections of versions (`add(outcome)` counts each one): what is held
    is read once, the new versions are inserted together."""
    db.flush()
    what, loader = _SECTIONS[section]
    state = _Section(db, what)
    for item in items:
        try:
            add(loader(state, item))
        except merge.Clashes as found:
            clashes.extend(found.clashes)
    state.write()


SECTIONS = tuple(_SECTIONS)
