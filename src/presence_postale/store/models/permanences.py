"""Permanences, and what changes or records one of their occurrences."""

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import agents, places, programmes  # noqa: F401
from presence_postale.store.models.base import Table, json_dict, record_uid


class Permanence(Table, table=True):
    """A recurring staffed slot: an agent, at a host site, on an RFC 5545 rule, between two
    times, within a validity period, for a programme. Occurrences are computed, never stored."""

    __tablename__ = "permanence"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="ck_permanence_times"),
        CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from", name="ck_permanence_validity"
        ),
        Index("ix_permanence_validity", "valid_from", "valid_until"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    programme_code: str = Field(foreign_key="programme.code", index=True)
    agent_id: str | None = Field(default=None, foreign_key="agent.id", index=True)
    site_id: str = Field(foreign_key="site.id", index=True)
    rrule: str
    start_time: time
    end_time: time
    valid_from: date
    valid_until: date | None = None
    note: str | None = None
    illustrative: bool = False
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None
    created_at: datetime


class PermanenceOperator(Table, table=True):
    """An operator whose services a permanence offers."""

    __tablename__ = "permanence_operator"

    permanence_id: int = Field(foreign_key="permanence.id", primary_key=True, ondelete="CASCADE")
    operator_code: str = Field(foreign_key="operator.code", primary_key=True)


class PermanenceException(Table, table=True):
    """One occurrence cancelled or moved; removing the row undoes it."""

    __tablename__ = "permanence_exception"
    __table_args__ = (
        UniqueConstraint("permanence_id", "occurrence_date", name="uq_exception_occurrence"),
        Index("ix_exception_new_date", "new_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    permanence_id: int = Field(foreign_key="permanence.id", ondelete="CASCADE")
    occurrence_date: date
    action: str  # cancelled | moved
    new_date: date | None = None
    new_start: time | None = None
    new_end: time | None = None
    reason: str | None = None
    created_at: datetime


class PermanenceOutcome(Table, table=True):
    """What happened at one occurrence: visitors and requests per operator."""

    __tablename__ = "permanence_outcome"
    __table_args__ = (
        UniqueConstraint("permanence_id", "occurrence_date", name="uq_outcome_occurrence"),
        CheckConstraint("visitors >= 0", name="ck_outcome_visitors"),
    )

    id: int | None = Field(default=None, primary_key=True)
    permanence_id: int = Field(foreign_key="permanence.id", ondelete="CASCADE")
    occurrence_date: date = Field(index=True)
    visitors: int
    # operator code -> number of requests
    requests: dict[str, int] = json_dict()
    note: str | None = None
    created_at: datetime


class OccurrenceRevision(Table, table=True):
    """How many times one occurrence (known by its original date) changed, and when it last
    did: a cancellation, a move, their undoing, an absence over it or its end, an outcome.

    Calendars read it: SEQUENCE is `sequence`, which only ever grows (undoing a change is a
    change too), and DTSTAMP / LAST-MODIFIED are `changed_at`."""

    __tablename__ = "occurrence_revision"

    permanence_id: int = Field(foreign_key="permanence.id", primary_key=True, ondelete="CASCADE")
    occurrence_date: date = Field(primary_key=True)
    sequence: int = 0
    changed_at: datetime
