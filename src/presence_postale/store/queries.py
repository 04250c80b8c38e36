"""Queries that several services share: plain rows of sites, closures, and the
permanences of a window with their exceptions, outcomes and operators.

They read plain rows (a tuple each) in set-based statements: a national report reads
thousands of sites and permanences, and building ORM objects for them would cost ten times
as much. The row types are the domain's (`domain.report`). The histories of hours, staff
and labels are read by `store.versions`.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, column, func, or_, table
from sqlalchemy import select as core_select
from sqlmodel import Session, col

from presence_postale.domain.hours import Closure
from presence_postale.domain.report import Horizon, Person, Place, Series
from presence_postale.errors import NotFound
from presence_postale.store import models as m

if TYPE_CHECKING:
    from presence_postale.domain import schedule as sch

CHUNK = 500  # SQLite's limit on bound parameters is far above; keeps statements small
MANY = 1000  # ids beyond which one unrestricted read beats binding every id


def _columns(model: Any, row: type[tuple[Any, ...]]) -> list[Any]:
    return [getattr(model, name) for name in row._fields]  # type: ignore[attr-defined]


PLACE_COLUMNS = _columns(m.Site, Place)


# The permanences' columns are built on first use: listing sites loads no table of theirs.
@functools.cache
def _series_columns() -> tuple[list[Any], list[Any]]:
    return _columns(m.Permanence, Series), _columns(m.Programme, Horizon)


def rows(db: Session, statement: Any) -> Any:
    """The plain rows of a Core `statement`, seeing what the session has not yet written (as
    an ORM query would: a service may change a programme, then schedule it)."""
    db.flush()
    return db.connection().execute(statement)


def rows_in(db: Session, statement: Any, column: Any, ids: Iterable[Any]) -> Iterator[Any]:
    """The rows of `statement` whose first column is one of `ids`, in the statement's order.

    A few ids are bound, a chunk at a time; many ids (a national report's thousands of
    sites) would cost more to bind than to read the rows without them and keep the ones asked.
    """
    wanted = set(ids)
    if len(wanted) > MANY:
        return (row for row in rows(db, statement) if row[0] in wanted)
    ordered = sorted(wanted)
    return (
        row
        for start in range(0, len(ordered), CHUNK)
        for row in rows(db, statement.where(column.in_(ordered[start : start + CHUNK])))
    )


# `sites show` lists a site's spaces by their ids, and defining the coworking tables for that
# would cost more than the rest of its reading: the two columns it reads, as a table clause
# (a test keeps them those of `models.Space`).
SPACE = table("space", column("id"), column("site_id"))


def space_ids(db: Session, site_id: str) -> list[str]:
    """The ids of the site's coworking spaces, in order."""
    statement = core_select(SPACE.c.id).where(SPACE.c.site_id == site_id).order_by(SPACE.c.id)
    return list(rows(db, statement).scalars())


def ids_in_any_case(db: Session, model: Any, ref: str, limit: int = 2) -> list[Any]:
    """The ids of `model` that are `ref` but for their case (`Vigny-2021` for `vigny-2021`),
    at most `limit`. People type ids as they remember them, and the commands find them so:
    a new id is refused when one of these exists."""
    key = model.__table__.primary_key.columns[0]
    statement = core_select(key).where(func.upper(key) == ref.upper()).limit(limit)
    return list(rows(db, statement).scalars())


def in_any_case(db: Session, model: Any, ref: str) -> Any:
    """The record of `model` whose id is `ref` but for its case, or None: none is, or
    several are."""
    found = ids_in_any_case(db, model, ref)
    return db.get(model, found[0]) if len(found) == 1 else None


def require_department(db: Session, code: str | None) -> m.Department | None:
    """The department `code` names (None for None), or NotFound."""
    if code is None:
        return None
    department = db.get(m.Department, code)
    if department is None:
        raise NotFound("department.not_found", department=code)
    return department


def places(db: Session, ids: Iterable[str]) -> dict[str, Place]:
    """The sites of `ids` (unknown ids are left out)."""
    statement = core_select(*PLACE_COLUMNS)
    return {row[0]: Place._make(row) for row in rows_in(db, statement, col(m.Site.id), ids)}


def places_in(db: Session, chosen: Any, department: str | None = None) -> dict[str, Place]:
    """The sites whose id a statement `chosen` selects (of `department`, if given), read with
    their rows in one statement: a national report's thousands of labelled sites would
    otherwise be bound by id, or found among every site read."""
    statement = core_select(*PLACE_COLUMNS).where(col(m.Site.id).in_(chosen))
    if department is not None:
        statement = statement.where(col(m.Site.department_code) == department)
    return {row[0]: Place._make(row) for row in rows(db, statement)}


def closures_by_site(
    db: Session, site_ids: Sequence[str], start: date, end: date
) -> dict[str, list[Closure]]:
    """Each site's closures that touch [start, end], by first day."""
    out: dict[str, list[Closure]] = defaultdict(list)
    statement = (
        core_select(
            col(m.Closure.site_id),
            col(m.Closure.start_date),
            col(m.Closure.end_date),
            col(m.Closure.reason),
        )
        .where(col(m.Closure.start_date) <= end, col(m.Closure.end_date) >= start)
        .order_by(col(m.Closure.start_date))
    )
    for site_id, first, last, reason in rows_in(db, statement, col(m.Closure.site_id), site_ids):
        out[site_id].append(Closure(start=first, end=last, reason=reason))
    return out


def people(db: Session, ids: Iterable[str]) -> dict[str, Person]:
    """The agents of `ids`, by id."""
    statement = core_select(col(m.Agent.id), col(m.Agent.name))
    return {row[0]: Person._make(row) for row in rows_in(db, statement, col(m.Agent.id), ids)}


# ---- the permanences of a window --------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Which permanences a schedule shows (None: any)."""

    programme: str | None = None
    agent: str | None = None
    site_ids: Sequence[str] | None = None
    department: str | None = None


@dataclass
class Found:
    """The permanences of a window, their host and programme, and what was recorded of
    their occurrences there."""

    series: list[tuple[Series, Horizon, Place]]
    changes: dict[int, dict[date, sch.Change]]
    visitors: dict[int, dict[date, int]]
    operators: dict[int, list[str]]
    # When each occurrence's exception or outcome was recorded (its calendar revision).
    changed_at: dict[tuple[int, date], list[datetime]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # The ids of the permanences found, and the permanences valid in the window whatever the
    # filters, as a subquery of their table alone (see `records_of`).
    ids: list[int] = field(default_factory=list)
    valid: Any = None


def permanences(db: Session, start: date, end: date, filters: Filters) -> Found:
    """Every permanence valid in [start, end] that matches `filters`, in id order, with its
    exceptions, outcomes and operators (`records_of`)."""
    statement = _series(start, end, filters)
    series_columns, horizon_columns = _series_columns()
    split, tail = len(series_columns), len(series_columns) + len(horizon_columns)
    found = Found(
        series=[
            (Series._make(row[:split]), Horizon._make(row[split:tail]), Place._make(row[tail:]))
            for row in rows(db, statement.order_by(col(m.Permanence.id)))
        ],
        changes=defaultdict(dict),
        visitors=defaultdict(dict),
        operators=defaultdict(list),
    )
    if found.series:
        found.ids = [series.id for series, _, _ in found.series]
        found.valid = core_select(col(m.Permanence.id)).where(*_valid_in(start, end))
        _read_changes(db, start, end, found)
        _read_outcomes(db, start, end, found)
        _read_operators(db, found)
    return found


def records_of(db: Session, found: Found, statement: Any, column: Any) -> Iterator[Any]:
    """The rows of `statement` whose first column (`column`) is a permanence `found`.

    A few are bound by id, a chunk at a time. Many (a national report's thousands) would cost
    more to bind, and the statement that found them, as a subquery, would run its joins again:
    the rows are narrowed by the permanences valid in the window (one table, no join), then
    kept here by id.
    """
    if len(found.ids) <= MANY:
        return rows_in(db, statement, column, found.ids)
    wanted = set(found.ids)
    return (row for row in rows(db, statement.where(column.in_(found.valid))) if row[0] in wanted)


def _valid_in(start: date, end: date) -> tuple[Any, ...]:
    return (
        col(m.Permanence.valid_from) <= end,
        or_(col(m.Permanence.valid_until).is_(None), col(m.Permanence.valid_until) >= start),
    )


def _series(start: date, end: date, filters: Filters) -> Any:
    series_columns, horizon_columns = _series_columns()
    statement = (
        core_select(*series_columns, *horizon_columns, *PLACE_COLUMNS)
        .join(m.Programme, col(m.Programme.code) == col(m.Permanence.programme_code))
        .join(m.Site, col(m.Site.id) == col(m.Permanence.site_id))
        .where(
            *_valid_in(start, end),
            col(m.Programme.start_date) <= end,
            or_(
                and_(col(m.Programme.ended_on).is_(None), col(m.Programme.planned_end).is_(None)),
                col(m.Programme.ended_on) >= start,
                and_(col(m.Programme.ended_on).is_(None), col(m.Programme.planned_end) >= start),
            ),
        )
    )
    if filters.programme is not None:
        statement = statement.where(col(m.Permanence.programme_code) == filters.programme)
    if filters.agent is not None:
        statement = statement.where(col(m.Permanence.agent_id) == filters.agent)
    if filters.department is not None:
        statement = statement.where(col(m.Site.department_code) == filters.department)
    if filters.site_ids is not None:
        statement = statement.where(col(m.Permanence.site_id).in_(sorted(set(filters.site_ids))))
    return statement


def _read_changes(db: Session, start: date, end: date, found: Found) -> None:
    # Imported here: a listing of sites reads this module and never expands a rule.
    from presence_postale.domain.schedule import Change

    exception = m.PermanenceException
    statement = core_select(
        col(exception.permanence_id),
        col(exception.occurrence_date),
        col(exception.action),
        col(exception.new_date),
        col(exception.new_start),
        col(exception.new_end),
        col(exception.reason),
        col(exception.created_at),
    ).where(
        or_(
            col(exception.occurrence_date).between(start, end),
            col(exception.new_date).between(start, end),
        ),
    )
    found_rows = records_of(db, found, statement, col(exception.permanence_id))
    for pid, original, action, new_date, new_start, new_end, reason, created in found_rows:
        found.changes[pid][original] = Change(
            original, action, new_date, new_start, new_end, reason
        )
        found.changed_at[(pid, original)].append(created)


def _read_outcomes(db: Session, start: date, end: date, found: Found) -> None:
    outcome = m.PermanenceOutcome
    columns = (
        col(outcome.permanence_id),
        col(outcome.occurrence_date),
        col(outcome.visitors),
        col(outcome.created_at),
    )
    window = col(outcome.occurrence_date).between(start, end)
    statement = core_select(*columns).where(window)
    for pid, day, count, created in records_of(db, found, statement, col(outcome.permanence_id)):
        found.visitors[pid][day] = count
        found.changed_at[(pid, day)].append(created)
    # Moved occurrences may come from anywhere before or after: their outcome is keyed by the
    # original date, which the window above may not cover.
    for pid, by_date in found.changes.items():
        for original in by_date:
            if start <= original <= end:
                continue
            moved = core_select(col(outcome.visitors), col(outcome.created_at)).where(
                col(outcome.permanence_id) == pid, col(outcome.occurrence_date) == original
            )
            recorded = rows(db, moved).first()
            if recorded is not None:
                found.visitors[pid][original] = recorded[0]
                found.changed_at[(pid, original)].append(recorded[1])


def _read_operators(db: Session, found: Found) -> None:
    link = m.PermanenceOperator
    statement = core_select(col(link.permanence_id), col(link.operator_code)).order_by(
        col(link.operator_code)
    )
    for pid, code in records_of(db, found, statement, col(link.permanence_id)):
        found.operators[pid].append(code)
