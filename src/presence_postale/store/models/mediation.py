"""Digital-mediation sessions."""

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import agents, places, programmes  # noqa: F401
from presence_postale.store.models.base import Table, json_dict, json_list, record_uid


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
    # The record's stable identifier (domain.identity); `id` is its short number here.
    uid: str = record_uid()
    site_id: str = Field(foreign_key="site.id")
    mediator_id: str = Field(foreign_key="agent.id", index=True)
    programme_code: str | None = Field(default=None, foreign_key="programme.code", index=True)
    session_date: date
    start_time: time
    duration_minutes: int
    session_type: str  # individuel | collectif
    participants: int = 1
    # Anonymous counters, each adding up to the participants: by the Coop's age band, social
    # status and gender, and by commune of residence (INSEE code, or `non_communique`).
    age_bands: dict[str, int] = json_dict()
    social_statuses: dict[str, int] = json_dict()
    genders: dict[str, int] = json_dict()
    residence_communes: dict[str, int] = json_dict()
    themes: list[str] = json_list()
    # The Coop's « précisions » on the administrative procedure.
    procedure_details: str | None = None
    equipment: list[str] = json_list()
    device_model: str | None = None
    autonomy: str | None = None
    # Where it took place: the site (`lieu_activite`), or a commune given by its INSEE code.
    place_type: str = "lieu_activite"
    place_insee_code: str | None = None
    # Where the person was sent on to (the Coop's fixed list), and in their own words.
    redirection: str | None = None
    redirection_detail: str | None = None
    workshop_title: str | None = None
    workshop_level: str | None = None
    note: str | None = None
    created_at: datetime
