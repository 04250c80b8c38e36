"""Digital-mediation sessions."""

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import agents, places, programmes  # noqa: F401
from presence_postale.store.models.base import Table, json_dict, json_list


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
    age_bands: dict[str, int] = json_dict()
    social_statuses: dict[str, int] = json_dict()
    themes: list[str] = json_list()
    equipment: list[str] = json_list()
    device_model: str | None = None
    autonomy: str | None = None
    redirection: str | None = None
    note: str | None = None
    created_at: datetime
