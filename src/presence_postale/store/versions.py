"""The histories of sites' opening hours, staff counts and labels (`domain.history`): what was
in force over a window, for many sites at once, and the writing of one version.

A window's versions are read in one set-based statement driven by the sites: for each site,
the first day of the version in force on the window's first day is one index seek (the
greatest `valid_from` on or before it), then the versions from that day to the window's last
day are one range of the primary key. The cost follows the sites and the window, never the
length of the histories: a national weekly report reads one or two versions a site whichever
number of years they span.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from presence_postale.domain import vocab
from presence_postale.domain.history import LabelState, Timeline, Version
from presence_postale.store import models as m
from presence_postale.store.queries import rows, rows_in


def _during(
    db: Session, model: Any, values: list[Any], site_ids: Iterable[str] | None, start: date,
    end: date, **match: Any,
) -> Iterable[Any]:  # fmt: skip
    """(site id, valid_from, *values, source) of the versions of `model` in force on at least
    one day of [start, end], by site then first day; `match` narrows the versions (a label)."""
    later = aliased(model)
    first = (
        core_select(func.max(col(later.valid_from)))
        .where(
            col(later.site_id) == col(m.Site.id),
            col(later.valid_from) <= start,
            *(getattr(later, key) == value for key, value in match.items()),
        )
        .scalar_subquery()
    )
    statement = (
        core_select(col(m.Site.id), col(model.valid_from), *values, col(model.source))
        .select_from(m.Site)
        .join(
            model,
            and_(
                col(model.site_id) == col(m.Site.id),
                col(model.valid_from) >= func.coalesce(first, start),
                col(model.valid_from) <= end,
                *(getattr(model, key) == value for key, value in match.items()),
            ),
        )
        .order_by(col(m.Site.id), col(model.valid_from))
    )
    if site_ids is None:
        return rows(db, statement)
    return rows_in(db, statement, col(m.Site.id), site_ids)


def _timelines(found: Iterable[Any]) -> dict[str, Timeline[Any]]:
    versions: dict[str, list[Version[Any]]] = defaultdict(list)
    for site_id, valid_from, value, source in found:
        versions[site_id].append(Version(valid_from, value, source))
    return {site_id: Timeline(tuple(found)) for site_id, found in versions.items()}


def hours_during(
    db: Session, site_ids: Iterable[str] | None, start: date, end: date
) -> dict[str, Timeline[str]]:
    """Each site's opening hours in force over [start, end] (a site without any is left out:
    its hours are unknown then). `site_ids` None: every site."""
    model = m.SiteHoursVersion
    return _timelines(_during(db, model, [col(model.opening_hours)], site_ids, start, end))


def staff_during(
    db: Session, site_ids: Iterable[str] | None, start: date, end: date
) -> dict[str, Timeline[int]]:
    """Each site's polyvalent staff count in force over [start, end], as `hours_during`."""
    model = m.SiteStaffVersion
    return _timelines(_during(db, model, [col(model.staff_count)], site_ids, start, end))


def labels_during(
    db: Session, site_ids: Iterable[str] | None, start: date, end: date
) -> dict[str, dict[str, Timeline[LabelState]]]:
    """Each site's labels (code -> history) as they stood over [start, end], held or
    withdrawn; one statement a label code of the vocabulary."""
    model = m.SiteLabelVersion
    values = [col(model.held), col(model.since), col(model.detail)]
    out: dict[str, dict[str, Timeline[LabelState]]] = defaultdict(dict)
    ids = None if site_ids is None else set(site_ids)
    for code in vocab.VOCABULARIES["site_label"]:
        versions: dict[str, list[Version[LabelState]]] = defaultdict(list)
        for site_id, valid_from, held, since, detail, source in _during(
            db, model, values, ids, start, end, label=code
        ):
            versions[site_id].append(Version(valid_from, LabelState(held, since, detail), source))
        for site_id, found in versions.items():
            out[site_id][code] = Timeline(tuple(found))
    return dict(out)


def labelled(codes: Iterable[str], start: date, end: date, *columns: Any) -> Any:
    """A statement of the sites holding one of the labels `codes` on at least one day of
    [start, end] (usable as a subquery; `columns`: what it selects of their versions, the
    site's id by default): the versions held from a day up to `end` that no later version
    ends before `start`. Labels are few: their versions are read without the sites' seeks."""
    model = m.SiteLabelVersion
    later = aliased(model)
    ended = (
        core_select(col(later.valid_from))
        .where(
            col(later.site_id) == col(model.site_id),
            col(later.label) == col(model.label),
            col(later.valid_from) > col(model.valid_from),
            col(later.valid_from) <= start,
        )
        .exists()
    )
    return core_select(*(columns or [col(model.site_id)])).where(
        col(model.label).in_(sorted(set(codes))),
        col(model.held).is_(True),
        col(model.valid_from) <= end,
        ~ended,
    )


def labelled_during(db: Session, codes: Iterable[str], start: date, end: date) -> set[str]:
    """The ids of the sites `labelled` says."""
    return {site_id for (site_id,) in rows(db, labelled(codes, start, end))}


def held_during(
    db: Session, site_ids: Iterable[str], start: date, end: date
) -> dict[str, list[str]]:
    """Each site's labels held on at least one day of [start, end], by code (sites holding
    none are left out): `labels_held` of `labels_during`, in one statement of the held
    versions rather than one a label of every site's."""
    model = m.SiteLabelVersion
    codes = vocab.VOCABULARIES["site_label"]
    statement = labelled(codes, start, end, col(model.site_id), col(model.label))
    found: dict[str, set[str]] = defaultdict(set)
    for site_id, code in rows_in(db, statement, col(model.site_id), site_ids):
        found[site_id].add(code)
    return {site_id: sorted(held) for site_id, held in found.items()}


# ---- one site's whole history ----------------------------------------------------------------


def site_history(
    db: Session, site_id: str
) -> tuple[Timeline[str], Timeline[int], dict[str, Timeline[LabelState]]]:
    """Every version of the site's hours, staff count and labels."""
    hours, staff, labels, _ = site_history_recorded(db, site_id)
    return hours, staff, labels


def site_history_recorded(
    db: Session, site_id: str
) -> tuple[
    Timeline[str], Timeline[int], dict[str, Timeline[LabelState]], dict[tuple[str, date], datetime]
]:
    """`site_history`, and when each version was entered: (`hours`, `staff` or
    `label:<code>`, first day) -> instant (UTC); one statement a table."""
    when: dict[tuple[str, date], datetime] = {}
    hours = list(db.exec(select(m.SiteHoursVersion).where(m.SiteHoursVersion.site_id == site_id)))
    staff = list(db.exec(select(m.SiteStaffVersion).where(m.SiteStaffVersion.site_id == site_id)))
    for kind, found in (("hours", hours), ("staff", staff)):
        when.update(((kind, v.valid_from), v.recorded_at) for v in found)
    labels: dict[str, list[Version[LabelState]]] = defaultdict(list)
    for row in db.exec(select(m.SiteLabelVersion).where(m.SiteLabelVersion.site_id == site_id)):
        state = LabelState(row.held, row.since, row.detail)
        labels[row.label].append(Version(row.valid_from, state, row.source))
        when[(f"label:{row.label}", row.valid_from)] = row.recorded_at
    return (
        Timeline(tuple(Version(v.valid_from, v.opening_hours, v.source) for v in hours)),
        Timeline(tuple(Version(v.valid_from, v.staff_count, v.source) for v in staff)),
        {code: Timeline(tuple(found)) for code, found in sorted(labels.items())},
        when,
    )


# ---- writing ---------------------------------------------------------------------------------


def save_hours(db: Session, site_id: str, version: Version[str], now: datetime) -> None:
    """Write `version` of the site's hours (replacing the one of its first day, if any)."""
    _save(db, m.SiteHoursVersion, (site_id, version.valid_from), version.source, now,
          opening_hours=version.value)  # fmt: skip


def save_staff(db: Session, site_id: str, version: Version[int], now: datetime) -> None:
    _save(db, m.SiteStaffVersion, (site_id, version.valid_from), version.source, now,
          staff_count=version.value)  # fmt: skip


def save_label(
    db: Session, site_id: str, code: str, version: Version[LabelState], now: datetime
) -> None:
    state = version.value
    _save(db, m.SiteLabelVersion, (site_id, code, version.valid_from), version.source, now,
          held=state.held, since=state.since, detail=state.detail)  # fmt: skip


def _save(
    db: Session, model: Any, key: tuple[Any, ...], source: str, now: datetime, **values: Any
) -> None:
    row = db.get(model, key)
    if row is None:
        names = [c.name for c in model.__table__.primary_key.columns]
        db.add(model(**dict(zip(names, key, strict=True)), **values, source=source,
                     recorded_at=now))  # fmt: skip
        return
    for name, value in values.items():
        setattr(row, name, value)
    row.source, row.recorded_at = source, now


def delete_version(db: Session, model: Any, key: tuple[Any, ...]) -> None:
    """Remove one version (a records file that no longer gives a value since the beginning)."""
    row = db.get(model, key)
    if row is not None:
        db.delete(row)


def labels_on(db: Session, site_ids: Iterable[str], day: date) -> dict[str, list[str]]:
    """Each site's labels held on `day`, by code (sites holding none are left out)."""
    return held_during(db, site_ids, day, day)
