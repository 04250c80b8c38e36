"""The notification log: every notice sent (or waiting to be), so that each goes out once."""

from datetime import date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from presence_postale.store.models.base import Table


class Notification(Table, table=True):
    """One notice. `topic` says what it is about (`agent-day:vigny-conseillere-1:2021-04-27`,
    `booking-confirmed:12`) and `digest` what it said: the same topic with the same content is
    never sent twice, a changed content is sent again as an update.

    No address is kept: `recipient` names the record the address is read from when the notice
    is sent (`agent:…`, `site:…`, `reservation:12`, `waitlist:3`), so that purging a booking's
    personal data leaves nothing here."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("topic", "digest", name="uq_notification_topic_digest"),
        Index("ix_notification_status", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    topic: str = Field(index=True)
    digest: str = ""
    kind: str
    recipient: str
    day: date | None = None
    status: str = "queued"  # queued | sent | expired
    created_at: datetime
    sent_at: datetime | None = None
