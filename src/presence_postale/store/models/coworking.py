"""Coworking: bookable spaces, their reservations and waiting lists."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import places  # noqa: F401
from presence_postale.store.models.base import Table, json_list, record_uid, wall_clock


class Space(Table, table=True):
    """A bookable coworking resource at a site, with its booking rules."""

    __tablename__ = "space"
    __table_args__ = (CheckConstraint("capacity >= 1", name="ck_space_capacity"),)

    id: str = Field(primary_key=True)
    site_id: str = Field(foreign_key="site.id", index=True)
    name: str
    capacity: int = 1
    equipment: list[str] = json_list()
    categories: list[str] = json_list()
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
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None


class Reservation(Table, table=True):
    __tablename__ = "reservation"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="ck_reservation_range"),
        Index("ix_reservation_space_time", "space_id", "start_at", "end_at"),
        Index("ix_reservation_start", "start_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    space_id: str = Field(foreign_key="space.id")
    start_at: datetime = wall_clock()
    end_at: datetime = wall_clock()
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
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    space_id: str = Field(foreign_key="space.id")
    start_at: datetime = wall_clock()
    end_at: datetime = wall_clock()
    person_name: str | None = None
    email: str | None = None
    category: str
    organisation: str | None = None
    status: str = "waiting"  # waiting | offered | booked | withdrawn
    offered_reservation_id: int | None = Field(default=None, foreign_key="reservation.id")
    created_at: datetime
    offered_at: datetime | None = None
    anonymised_at: datetime | None = None
