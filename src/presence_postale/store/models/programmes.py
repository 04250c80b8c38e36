"""Programmes (a France Services desk, a mediation scheme) and the history of their dates."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import places  # noqa: F401
from presence_postale.store.models.base import Table, record_uid


class Programme(Table, table=True):
    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint(
            "planned_end IS NULL OR planned_end >= start_date", name="ck_programme_range"
        ),
    )

    code: str = Field(primary_key=True)
    title: str
    model: str
    department_code: str | None = Field(default=None, foreign_key="department.code", index=True)
    start_date: date
    # How much of `start_date` a source gives: day, month (« mars 2019 ») or year.
    start_precision: str = Field(default="day", sa_column_kwargs={"server_default": "day"})
    planned_end: date | None = None
    ended_on: date | None = None
    status: str
    funder: str | None = None
    funding_eur: int | None = None
    description: str | None = None
    source_document: str | None = None
    illustrative: bool = False
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None


class ProgrammeChange(Table, table=True):
    """History of a programme's extensions and end, for evaluations."""

    __tablename__ = "programme_change"

    id: int | None = Field(default=None, primary_key=True)
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    programme_code: str = Field(foreign_key="programme.code", index=True, ondelete="CASCADE")
    changed_on: date
    action: str  # extend | end
    previous_end: date | None = None
    new_end: date | None = None
    reason: str | None = None
    created_at: datetime
