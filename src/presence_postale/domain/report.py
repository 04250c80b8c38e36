"""What schedules and reports are made of: plain rows read from the store, the occurrences
that the schedule computes from them, and the weekly report's sites.

Schedules and reports read thousands of sites and permanences at national scale: they read
them as plain rows (a tuple each), not as ORM objects, which cost ten times as much to build.
The store fills these rows (`store.queries`); services compose them; formats lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, NamedTuple

from presence_postale.domain import hours as oh
from presence_postale.domain.history import Timeline, Version
from presence_postale.domain.revisions import Revision
from presence_postale.domain.weeks import IsoWeek
from presence_postale.errors import Message

if TYPE_CHECKING:  # a site's listing reads places without loading the recurrence rules
    from presence_postale.domain import schedule as sch


class Place(NamedTuple):
    """A site as schedules and reports show it."""

    id: str
    name: str
    name_key: str
    address: str | None
    postcode: str | None
    commune: str | None
    department_code: str | None
    latitude: float | None
    longitude: float | None
    illustrative: bool
    illustrative_reason: str | None


class Series(NamedTuple):
    """A permanence as its occurrences need it."""

    id: int
    programme_code: str
    agent_id: str | None
    site_id: str
    rrule: str
    start_time: time
    end_time: time
    valid_from: date
    valid_until: date | None
    created_at: datetime
    illustrative: bool
    illustrative_reason: str | None
    # What names the permanence in every database (see domain.identity): its calendar UIDs.
    uid: str


class Person(NamedTuple):
    """An agent as a schedule names them."""

    id: str
    name: str | None


class Horizon(NamedTuple):
    """A programme's dates, which bound its permanences' occurrences."""

    start_date: date
    planned_end: date | None
    ended_on: date | None


@dataclass(frozen=True)
class Entry:
    """An occurrence with what a reader needs to know about its permanence."""

    occurrence: sch.Occurrence
    permanence: Series
    site: Place
    agent: Person | None
    operators: tuple[str, ...]
    # SEQUENCE and last change, for calendars (see domain.revisions).
    revision: Revision | None = None

    def row(self, *, site: bool = True) -> dict[str, Any]:
        """The occurrence as a row; `site` False: without its host's fields (for a report
        that lists the occurrences under their site)."""
        o = self.occurrence
        row = {
            "permanence_id": o.permanence_id,
            "date": o.date,
            "original_date": o.original_date,
            "start": o.start,
            "end": o.end,
            "status": o.status,
            "reason": o.reason,
            "visitors": o.visitors,
            "programme": self.permanence.programme_code,
        }
        if site:
            row["site_id"] = self.site.id
            row["site_name"] = self.site.name
            row["commune"] = self.site.commune
            row["department"] = self.site.department_code
        agent = self.agent
        row["agent_id"] = agent.id if agent else None
        row["agent_name"] = agent.name if agent else None
        row["operators"] = list(self.operators)
        row["illustrative"] = self.permanence.illustrative
        row["illustrative_reason"] = self.permanence.illustrative_reason
        return row


@dataclass
class Schedule:
    """The occurrences of a window, in date order, and what a delegate must look at."""

    start: date
    end: date
    entries: list[Entry] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    # The host sites' opening hours in force over the window (a site without any: unknown).
    hours: dict[str, Timeline[str]] = field(default_factory=dict)


@dataclass
class SiteWeek:
    """One site's week in the weekly report."""

    site: Place
    labels: list[str]
    # Shared by the sites of the same hours and holidays that week (none may change it).
    days: Sequence[oh.DayHours]
    # The versions of the site's opening hours in force that week, oldest first.
    hours: tuple[Version[str], ...] = ()
    permanences: list[Entry] = field(default_factory=list)
    reservations: list[dict[str, Any]] = field(default_factory=list)
    mediation: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hours_total(self) -> float | None:
        return oh.total_hours(self.days)  # None: unknown hours


@dataclass(frozen=True)
class AgentName:
    """An agent as people are shown them: the name when the records hold one; else the role,
    the home site's commune and, when several unnamed agents share both, a rank (1, 2 …, in
    the order of their ids, the same every week)."""

    id: str
    name: str | None
    role: str
    home: str | None = None
    rank: int | None = None


@dataclass
class Names:
    agents: dict[str, AgentName] = field(default_factory=dict)
    programmes: dict[str, str] = field(default_factory=dict)
    spaces: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Booking:
    reservation_id: int | None
    waitlist_id: int | None
    space_id: str
    space_name: str
    site: Place
    start: datetime  # local wall clock
    end: datetime
    status: str  # confirmed, cancelled, attended, no_show; offered (a waitlist entry)
    person_name: str | None
    email: str | None
    contact: str | None  # where to write about it: the space's booking e-mail
    changed_at: datetime  # UTC: when it was made, cancelled or offered
    uid: str  # the reservation's or waitlist entry's, the same in every database


@dataclass
class WeeklyReport:
    week: IsoWeek
    department: str | None
    site_id: str | None
    sites: list[SiteWeek]
    warnings: list[Message]
    department_name: str | None = None
    # Agents, programmes and spaces as people name them (formats show no codes).
    names: Names = field(default_factory=Names)
