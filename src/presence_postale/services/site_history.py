"""A site's opening hours, staff count and labels as histories (`domain.history`): the dated
changes a delegate makes, and the history a site shows.

A change is dated (`--from`, default today) and applies to every value it names; what it does
to each history is `domain.history.plan`: inserted between two versions, replacing the version
of its very day, or nothing when the value is already in force. A label is withdrawn from a
day by a version that does not hold it, so the time it was held stays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from presence_postale.domain import vocab
from presence_postale.domain.history import (
    BEGINNING,
    MANUAL,
    Change,
    LabelState,
    Timeline,
    Version,
    check_first_day,
    plan,
)
from presence_postale.errors import Message, NotFound
from presence_postale.store import models as m
from presence_postale.store import versions
from presence_postale.store.db import lock

HOURS, STAFF, LABEL = "hours", "staff", "label"


@dataclass(frozen=True)
class Dated:
    """The values one change sets, from `valid_from` on (checked already)."""

    valid_from: date
    hours: str | None = None
    staff: int | None = None
    add_labels: tuple[str, ...] = ()
    remove_labels: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        given = (self.add_labels, self.remove_labels)
        return self.hours is not None or self.staff is not None or any(given)


@dataclass(frozen=True)
class Outcome:
    """What a change did to one history: `what` is `hours`, `staff` or `label` (`code`)."""

    what: str
    change: Change[Any]
    code: str | None = None


def apply(
    db: Session, site: m.Site, dated: Dated, *, source: str = MANUAL, now: datetime | None = None
) -> list[Outcome]:
    """Write the versions `dated` sets on the site; return what each history became."""
    check_first_day(dated.valid_from)
    lock(db, m.Site, site.id)  # read the histories, then write: one change of a site at a time
    stamp = now or datetime.now(UTC)
    hours, staff, labels = versions.site_history(db, site.id)
    out: list[Outcome] = []
    if dated.hours is not None:
        change = plan(hours, Version(dated.valid_from, dated.hours, source))
        if not change.unchanged:
            versions.save_hours(db, site.id, change.version, stamp)
        out.append(Outcome(HOURS, change))
    if dated.staff is not None:
        staff_change = plan(staff, Version(dated.valid_from, dated.staff, source))
        if not staff_change.unchanged:
            versions.save_staff(db, site.id, staff_change.version, stamp)
        out.append(Outcome(STAFF, staff_change))
    for code, held in [(c, True) for c in dated.add_labels] + [
        (c, False) for c in dated.remove_labels
    ]:
        out.append(_label(db, site, labels, code, held, dated.valid_from, source, stamp))
    return out


def _label(
    db: Session,
    site: m.Site,
    labels: dict[str, Timeline[LabelState]],
    code: str,
    held: bool,
    valid_from: date,
    source: str,
    stamp: datetime,
) -> Outcome:
    code = vocab.check("site_label", code, "--label" if held else "--remove-label")
    timeline = labels.get(code, Timeline[LabelState]())
    current = timeline.at(valid_from)
    holding = current is not None and current.held
    if held == holding:
        if not held:
            raise NotFound("site.no_label_on", site=site.id, label=code, date=valid_from)
        assert current is not None  # already held that day: its date and format stay
        return Outcome(LABEL, Change(Version(valid_from, current, source), None, None, True), code)
    kept = current or LabelState(False)
    change = plan(timeline, Version(valid_from, LabelState(held, kept.since, kept.detail), source))
    if not change.unchanged:
        versions.save_label(db, site.id, code, change.version, stamp)
        labels[code] = timeline.with_version(change.version)
    return Outcome(LABEL, change, code)


def set_beginning(
    db: Session,
    site_id: str,
    hours: str | None,
    staff: int | None,
    labels: dict[str, tuple[date | None, str | None]],
    *,
    source: str,
    now: datetime,
) -> bool:
    """Make the site's versions valid since the beginning exactly these (a records file's
    site: its hours, staff count and labels, code -> (since, detail)); later versions stay as
    they are. True when anything changed."""
    hours_now, staff_now, labels_now = versions.site_history(db, site_id)
    changed = False
    plain: tuple[tuple[Timeline[Any], Any, Any, Callable[..., None]], ...] = (
        (hours_now, hours, m.SiteHoursVersion, versions.save_hours),
        (staff_now, staff, m.SiteStaffVersion, versions.save_staff),
    )
    for timeline, wanted, model, save in plain:
        if timeline.at(BEGINNING) != wanted:
            if wanted is None:
                versions.delete_version(db, model, (site_id, BEGINNING))
            else:
                save(db, site_id, Version(BEGINNING, wanted, source), now)
            changed = True
    for code, timeline in labels_now.items():
        first_label = timeline.at(BEGINNING)
        if first_label is not None and first_label.held and code not in labels:
            versions.delete_version(db, m.SiteLabelVersion, (site_id, code, BEGINNING))
            changed = True
    for code, (since, detail) in labels.items():
        state = LabelState(True, since, detail)
        existing = labels_now.get(code, Timeline[LabelState]()).at(BEGINNING)
        if existing != state:
            versions.save_label(db, site_id, code, Version(BEGINNING, state, source), now)
            changed = True
    return changed


def version_on(
    db: Session, site_id: str, what: str, day: date, code: str | None = None
) -> Version[Any] | None:
    """The version of the site's hours, staff count or label `code` whose first day is `day`
    (one row read by its key: a records file asks it of each of its versions)."""
    if what == HOURS:
        hours = db.get(m.SiteHoursVersion, (site_id, day))
        return None if hours is None else Version(day, hours.opening_hours, hours.source)
    if what == STAFF:
        staff = db.get(m.SiteStaffVersion, (site_id, day))
        return None if staff is None else Version(day, staff.staff_count, staff.source)
    label = db.get(m.SiteLabelVersion, (site_id, code or "", day))
    if label is None:
        return None
    return Version(day, LabelState(label.held, label.since, label.detail), label.source)


def restore(
    db: Session,
    site_id: str,
    what: str,
    version: Version[Any],
    recorded_at: datetime | None,
    code: str | None = None,
) -> None:
    """Write one version as a records file gives it: its first day, value, source and the
    time it was entered (None: now); it replaces the version of that very day, if any."""
    check_first_day(version.valid_from)
    stamp = recorded_at or datetime.now(UTC)
    if what == HOURS:
        versions.save_hours(db, site_id, version, stamp)
    elif what == STAFF:
        versions.save_staff(db, site_id, version, stamp)
    else:
        assert code is not None
        versions.save_label(db, site_id, code, version, stamp)


def describe(site_id: str, outcome: Outcome) -> Message:
    """What a change did to one history, as the command tells it."""
    change = outcome.change
    version = change.version
    since = (
        Message("history.from_beginning")
        if version.valid_from == BEGINNING
        else Message("history.from_day", {"date": version.valid_from})
    )
    common = {"site": site_id, "from": since}
    if outcome.what == LABEL:
        key = "history.label_held" if version.value.held else "history.label_withdrawn"
        said = Message(key, {**common, "label": outcome.code})
    else:
        key = "history.hours" if outcome.what == HOURS else "history.staff"
        said = Message(key, {**common, "value": version.value})
    if change.unchanged:
        return Message("history.unchanged", {"change": said})
    if change.until is not None:
        said = Message(
            "history.until",
            {"change": said, "until": change.until, "next": change.until + timedelta(days=1)},
        )
    if change.replaced is not None and outcome.what != LABEL:
        said = Message("history.replacing", {"change": said, "old": change.replaced.value})
    return said


# ---- the history a site shows ----------------------------------------------------------------


def shown(
    db: Session, site_id: str, day: date
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """What a site shows of its histories, read once: its values in force on `day`
    (`in_force`) and every version (`history`)."""
    hours, staff, labels, when = versions.site_history_recorded(db, site_id)
    return _held(hours, staff, labels, day), _listed(hours, staff, labels, when)


def history(db: Session, site_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every version of the site's hours, staff count and labels, oldest first, each with the
    last day it is in force (None: still in force), who entered it and when."""
    return _listed(*versions.site_history_recorded(db, site_id))


def _listed(
    hours: Timeline[str],
    staff: Timeline[int],
    labels: dict[str, Timeline[LabelState]],
    when: dict[tuple[str, date], datetime],
) -> dict[str, list[dict[str, Any]]]:
    def listed(kind: str, timeline: Timeline[Any], field: str) -> list[dict[str, Any]]:
        return [
            {
                "from": None if v.valid_from == BEGINNING else v.valid_from,
                "until": timeline.last_day(v),
                field: v.value,
                "source": v.source,
                "recorded_at": when.get((kind, v.valid_from)),
            }
            for v in timeline.versions
        ]

    label_rows = []
    for code, timeline in labels.items():
        for row in listed(f"label:{code}", timeline, "state"):
            state: LabelState = row.pop("state")
            label_rows.append(
                {"label": code, **row, "held": state.held, "since": state.since,
                 "detail": state.detail}
            )  # fmt: skip
    return {
        "hours_history": listed(HOURS, hours, "opening_hours"),
        "staff_history": listed(STAFF, staff, "staff_count"),
        "label_history": label_rows,
    }


def in_force(db: Session, site_id: str, day: date) -> dict[str, Any]:
    """The site's hours, staff count and labels in force on `day`."""
    return _held(*versions.site_history(db, site_id), day)


def _held(
    hours: Timeline[str],
    staff: Timeline[int],
    labels: dict[str, Timeline[LabelState]],
    day: date,
) -> dict[str, Any]:
    held = [
        (code, state)
        for code, timeline in sorted(labels.items())
        if (state := timeline.at(day)) is not None and state.held
    ]
    return {
        "opening_hours": hours.at(day),
        "staff_count": staff.at(day),
        "labels": [
            {"label": code, "since": state.since, "detail": state.detail} for code, state in held
        ],
    }
