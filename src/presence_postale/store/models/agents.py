"""The people who hold permanences and mediation sessions, and when they are away."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import places  # noqa: F401
from presence_postale.store.models.base import Table, record_uid


class Agent(Table, table=True):
    __tablename__ = "agent"

    id: str = Field(primary_key=True)
    # The documents rarely name people: a name is never invented, so it may be missing.
    name: str | None = None
    name_key: str = Field(default="", index=True)
    role: str
    home_site_id: str | None = Field(default=None, foreign_key="site.id", index=True)
    weekly_hours: float | None = None
    email: str | None = None
    active: bool = True
    illustrative: bool = False
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None
    note: str | None = None
    source: str = "manual"


class AgentAbsence(Table, table=True):
    """An agent away from `start_date` to `end_date` (both included): every occurrence of their
    permanences inside is skipped, with the reason. One record for the whole stretch."""

    __tablename__ = "agent_absence"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="ck_absence_range"),
        Index("ix_absence_agent_dates", "agent_id", "start_date", "end_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    agent_id: str = Field(foreign_key="agent.id")
    start_date: date
    end_date: date
    reason: str | None = None
    created_at: datetime
