"""Loaders of a site's later versions of its hours, staff count and labels (the sections
`hours_versions`, `staff_versions`, `label_versions`; the versions valid since the beginning
are the site's own fields).

Each version is checked as a change of the site checks it, then written through the site
histories (`site_history.restore`) with the first day, source and time of entry the file
gives. A version of the same day held here with another value is replaced by a file of its
records, and is a conflict naming both when the file is another database's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from presence_postale.domain import fields, validators, vocab
from presence_postale.domain.fields import FieldError
from presence_postale.domain.history import RECORDS, LabelState, Version, check_first_day
from presence_postale.errors import InvalidData, Message
from presence_postale.formats.seed import Item
from presence_postale.services import records_merge as merge
from presence_postale.services import site_history
from presence_postale.store import models as m


def _checked(item: Item, name: str, check: Callable[[Any, str], Any]) -> Any:
    try:
        return check(item.values[name], name)
    except FieldError as error:
        raise item.error(name, error) from None


def _load(db: Session, item: Item, what: str, value: Any, code: str | None = None) -> str:
    v = item.values
    if db.get(m.Site, v["site"]) is None:
        raise item.error("site", Message("records.missing_reference", {"value": v["site"]}))
    try:
        check_first_day(v["from"])
    except InvalidData as error:
        raise item.error("from", error) from None
    source = _checked(
        item, "source", lambda text, field: vocab.check("version_source", text or RECORDS, field)
    )
    version = Version(v["from"], value, source)
    stamp: datetime | None = v["recorded_at"]
    held = site_history.version_on(db, v["site"], what, version.valid_from, code)
    if held is not None and (held.value, held.source) == (value, source):
        return "unchanged"
    if held is not None and item.merging:
        field = "held" if what == site_history.LABEL else _FIELDS[what]
        ours = held.value.held if isinstance(held.value, LabelState) else held.value
        theirs = value.held if isinstance(value, LabelState) else value
        raise merge.Clashes([merge.Clash(item, field, ours, theirs)])
    site_history.restore(db, v["site"], what, version, stamp, code)
    return "created" if held is None else "updated"


_FIELDS = {site_history.HOURS: "opening_hours", site_history.STAFF: "staff_count"}


def _hours(db: Session, item: Item) -> str:
    hours = _checked(item, "opening_hours", validators.SITE_HOURS)
    return _load(db, item, site_history.HOURS, hours)


def _staff(db: Session, item: Item) -> str:
    staff = _checked(item, "staff_count", validators.SITE["staff_count"])
    return _load(db, item, site_history.STAFF, staff)


def _label(db: Session, item: Item) -> str:
    v = item.values
    code = _checked(item, "label", lambda value, field: vocab.check("site_label", value, field))
    held = True if v["held"] is None else v["held"]
    state = LabelState(held, v["since"], _checked(item, "detail", fields.line))
    return _load(db, item, site_history.LABEL, state, code)


LOADERS: dict[str, Callable[[Session, Item], str]] = {
    "hours_versions": _hours,
    "staff_versions": _staff,
    "label_versions": _label,
}
