"""Places: departments, partner operators, and sites with their labels, equipment,
operators and closures."""

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
    # Why the record is illustrative: which values no source gives, and what they rest on.
    illustrative_reason: str | None = None
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
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    site_id: str = Field(foreign_key="site.id", ondelete="CASCADE")
    start_date: date
    end_date: date
    reason: str
    created_at: datetime
