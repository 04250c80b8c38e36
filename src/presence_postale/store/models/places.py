"""Places: departments, partner operators, and sites with their equipment, operators and
closures, and the histories of their opening hours, polyvalent staff and labels.

A site's hours, staff count and labels change over time and a report of a past week must say
what was in force then: each is a history of versions (`domain.history`), one row a version,
keyed by the site (and label) and the version's first day. A version holds until the next
one's first day; `valid_from` 0001-01-01 is "since the beginning".
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

from presence_postale.store.models.base import Table, record_uid


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
    # Delegate-owned, as are the histories of hours, staff and labels below: an open-data
    # re-import never overwrites them.
    note: str | None = None
    source: str = "manual"
    illustrative: bool = False
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None
    created_at: datetime
    updated_at: datetime


class SiteHoursVersion(Table, table=True):
    """A site's opening hours (an OSM `opening_hours` expression) from `valid_from` on."""

    __tablename__ = "site_hours_version"

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    valid_from: date = Field(primary_key=True)
    opening_hours: str
    # Who entered it (`version_source`: manual, records, france_services, communes, migrated).
    source: str
    recorded_at: datetime


class SiteStaffVersion(Table, table=True):
    """A site's polyvalent staff count from `valid_from` on."""

    __tablename__ = "site_staff_version"
    __table_args__ = (CheckConstraint("staff_count >= 0", name="ck_site_staff_version"),)

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    valid_from: date = Field(primary_key=True)
    staff_count: int
    source: str
    recorded_at: datetime


class SiteLabelVersion(Table, table=True):
    """Whether a site holds a label (France Services, MSAP) from `valid_from` on; `held` false
    from the day it was withdrawn. `since` is the date the label was granted, as its source
    gives it, and `detail` its format."""

    __tablename__ = "site_label_version"

    site_id: str = Field(foreign_key="site.id", primary_key=True, ondelete="CASCADE")
    label: str = Field(primary_key=True, index=True)
    valid_from: date = Field(primary_key=True)
    held: bool = True
    since: date | None = None
    detail: str | None = None
    source: str
    recorded_at: datetime


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
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    site_id: str = Field(foreign_key="site.id", ondelete="CASCADE")
    start_date: date
    end_date: date
    reason: str
    created_at: datetime
