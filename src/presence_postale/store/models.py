"""The tables: the whole domain model of DESIGN §3.

Dates and times are local wall-clock values in Europe/Paris (the only time zone the tool
serves); instants that record *when something was done* (`created_at`, `cancelled_at`) are UTC.
Vocabularies (kinds, statuses, themes) are checked by the services against `domain.vocab`
rather than by CHECK constraints, so that a new value never needs a table rebuild. Lists that
are only ever read whole (a space's equipment, a session's themes) are JSON columns; lists
that are queried (a site's labels, equipment, operators) are link tables.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from pydantic import ConfigDict
from sqlalchemy import JSON, CheckConstraint, Column, DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


class Table(SQLModel):
    """The base of every table. Rows come from the database or from the services, which check
    their values themselves: pydantic's validators are built only if something asks for them,
    which saves a fifth of the time it takes to define the tables at each start."""

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]


def _json_list() -> Any:
    return Field(default_factory=list, sa_column=Column(JSON, nullable=False))


def _json_dict() -> Any:
    return Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


def _wall_clock() -> Any:
    """A naive local (Europe/Paris) date and time; other datetimes are UTC instants."""
    return Field(sa_type=DateTime)


class Department(Table, table=True):
    __tablename__ = "department"

    code: str = Field(primary_key=True, max_length=3)
    name: str


class Operator(Table, table=True):
    __tablename__ = "operator"

    code: str = Field(primary_key=True)
    name: str


class Site(Table, table=True):
    """A place: a La Poste contact point (id = La Poste's `Identifiant_du_site`) or another
    host (a mairie, a shop) with a readable id of its own."""

    __tablename__ = "site"
    __table_args__ = (
        Index("ix_site_department_name", "department_code", "name_key"),
        Index("ix_site_insee", "insee_code"),
        CheckConstraint("staff_count IS NULL OR staff_count >= 0", name="ck_site_staff"),
    )

    id: str = Field(primary_key=True)
    name: str
    # search_key(name): accent-, case- and abbreviation-free, for look-ups by name.
    name_key: str = Field(index=True)
    kind: str
    address: str | None = None
    address_extra: str | None = None
    locality: str | None = None
    postcode: str | None = None
    commune: str | None = None
    commune_key: str | None = Field(default=None, index=True)
    insee_code: str | None = None
    department_code: str | None = Field(default=None, foreign_key="department.code")
    latitude: float | None = None
    longitude: float | None = None
    # La Poste's attachment site (Site_Acores_de_rattachement); not a foreign key because the
    # open data names sites outside the imported scope.
    parent_id: str | None = Field(default=None, index=True)
    phone: str | None = None
    email: str | None = None
    # Delegate-owned fields: an open-data re-import never overwrites them.
    opening_hours: str | None = None
    staff_count: int | None = None
    note: str | None = None
    source: str = "manual"
    illustrative: bool = False
    created_at: datetime
    updated_at: datetime


class SiteLabel(Table, table=True):
    """A label such as France Services, with the date it was granted and its format."""

    __tablename__ = "site_label"

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    label: str = Field(primary_key=True, index=True)
    since: date | None = None
    detail: str | None = None


class SiteEquipment(Table, table=True):
    __tablename__ = "site_equipment"

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    equipment: str = Field(primary_key=True)


class SiteOperator(Table, table=True):
    """A partner operator whose services the site offers."""

    __tablename__ = "site_operator"

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    operator_code: str = Field(foreign_key="operator.code", primary_key=True)


class Closure(Table, table=True):
    __tablename__ = "closure"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="ck_closure_range"),
        Index("ix_closure_site_dates", "site_id", "start_date", "end_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    site_id: str = Field(foreign_key="site.id", ondelete="CASCADE")
    start_date: date
    end_date: date
    reason: str
    created_at: datetime


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
    note: str | None = None
    source: str = "manual"


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
    planned_end: date | None = None
    ended_on: date | None = None
    status: str
    funder: str | None = None
    funding_eur: int | None = None
    description: str | None = None
    source_document: str | None = None
    illustrative: bool = False


class ProgrammeChange(Table, table=True):
    """History of a programme's extensions and end, for evaluations."""

    __tablename__ = "programme_change"

    id: int | None = Field(default=None, primary_key=True)
    programme_code: str = Field(foreign_key="programme.code", index=True, ondelete="CASCADE")
    changed_on: date
    action: str  # extend | end
    previous_end: date | None = None
    new_end: date | None = None
    reason: str | None = None
    created_at: datetime


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
    requests: dict[str, int] = _json_dict()
    note: str | None = None
    created_at: datetime


class Space(Table, table=True):
    """A bookable coworking resource at a site, with its booking rules."""

    __tablename__ = "space"
    __table_args__ = (CheckConstraint("capacity >= 1", name="ck_space_capacity"),)

    id: str = Field(primary_key=True)
    site_id: str = Field(foreign_key="site.id", index=True)
    name: str
    capacity: int = 1
    equipment: list[str] = _json_list()
    categories: list[str] = _json_list()
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_days_ahead: int | None = None
    max_hours_per_person_week: float | None = None
    cancel_cutoff_hours: int | None = None
    # Bookable hours (OSM opening_hours); None: the host site's opening hours.
    opening_hours: str | None = None
    booking_email: str | None = None
    note: str | None = None
    illustrative: bool = False


class Reservation(Table, table=True):
    __tablename__ = "reservation"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ck_reservation_range"),
        Index("ix_reservation_space_time", "space_id", "start_at", "end_at"),
        Index("ix_reservation_start", "start_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    space_id: str = Field(foreign_key="space.id")
    start_at: datetime = _wall_clock()
    end_at: datetime = _wall_clock()
    person_name: str | None = None
    email: str | None = None
    category: str
    organisation: str | None = None
    status: str = "confirmed"
    channel: str = "email"
    series_id: str | None = Field(default=None, index=True)
    # Set when the person's name and e-mail are purged, the same for all of one person's
    # bookings, so that usage still counts distinct people.
    person_key: str | None = None
    created_at: datetime
    cancelled_at: datetime | None = None
    marked_at: datetime | None = None
    anonymised_at: datetime | None = None


class WaitlistEntry(Table, table=True):
    """Someone waiting for a slot; offered the slot when a reservation is cancelled."""

    __tablename__ = "waitlist_entry"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ck_waitlist_range"),
        Index("ix_waitlist_space_time", "space_id", "start_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    space_id: str = Field(foreign_key="space.id")
    start_at: datetime = _wall_clock()
    end_at: datetime = _wall_clock()
    person_name: str | None = None
    email: str | None = None
    category: str
    organisation: str | None = None
    status: str = "waiting"  # waiting | offered | booked | withdrawn
    offered_reservation_id: int | None = Field(default=None, foreign_key="reservation.id")
    created_at: datetime
    offered_at: datetime | None = None
    anonymised_at: datetime | None = None


class MediationSession(Table, table=True):
    """One digital-mediation accompaniment, in the national Coop vocabulary. A collective
    workshop records anonymous counters only."""

    __tablename__ = "mediation_session"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="ck_mediation_duration"),
        CheckConstraint("participants >= 1", name="ck_mediation_participants"),
        Index("ix_mediation_site_date", "site_id", "session_date"),
        Index("ix_mediation_date", "session_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    site_id: str = Field(foreign_key="site.id")
    mediator_id: str = Field(foreign_key="agent.id", index=True)
    programme_code: str | None = Field(default=None, foreign_key="programme.code", index=True)
    session_date: date
    start_time: time
    duration_minutes: int
    session_type: str  # individuel | collectif
    participants: int = 1
    age_bands: dict[str, int] = _json_dict()
    social_statuses: dict[str, int] = _json_dict()
    themes: list[str] = _json_list()
    equipment: list[str] = _json_list()
    device_model: str | None = None
    autonomy: str | None = None
    redirection: str | None = None
    note: str | None = None
    created_at: datetime


ALL_TABLES = SQLModel.metadata
