"""The people who hold permanences and mediation sessions."""

from sqlmodel import Field

# Loaded first: the tables that this part's foreign keys point to.
from presence_postale.store.models import places  # noqa: F401
from presence_postale.store.models.base import Table


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
