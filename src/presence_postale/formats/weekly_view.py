"""The weekly report as people read it, before any layout: the summary's counts, the week at a
glance (one row per site, one cell per day with the opening hours and what happens there),
each site's details and the warnings; every word from the catalogue, every item with the
anchor the HTML page links to. `weekly_html` and `weekly_text` lay it out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from presence_postale.domain import schedule as sch
from presence_postale.errors import Label, Message
from presence_postale.formats import marks, words

if TYPE_CHECKING:
    from presence_postale.domain.hours import DayHours
    from presence_postale.domain.report import AgentName, Names, SiteWeek, WeeklyReport

PERMANENCE, BOOKING, SESSION = "permanence", "booking", "session"
KINDS = (PERMANENCE, BOOKING, SESSION)
SECTION_KEYS = {
    PERMANENCE: "weekly.permanences",
    BOOKING: "weekly.bookings",
    SESSION: "weekly.sessions",
}
# What each kind of item is called (HTML), its mark in the text grid, and the line that says
# which kinds a site has nothing of.
KIND_KEYS = {
    PERMANENCE: "weekly.kind_permanence",
    BOOKING: "weekly.kind_booking",
    SESSION: "weekly.kind_session",
}
MARK_KEYS = {
    PERMANENCE: "weekly.mark_permanence",
    BOOKING: "weekly.mark_booking",
    SESSION: "weekly.mark_session",
}
EMPTY_KEYS = {
    (PERMANENCE, BOOKING, SESSION): "weekly.empty_permanence_booking_session",
    (BOOKING, SESSION): "weekly.empty_booking_session",
    (PERMANENCE, SESSION): "weekly.empty_permanence_session",
    (PERMANENCE, BOOKING): "weekly.empty_permanence_booking",
    (PERMANENCE,): "weekly.empty_permanence",
    (BOOKING,): "weekly.empty_booking",
    (SESSION,): "weekly.empty_session",
}
# The order of the summary's counts; statuses other schedules may add come after.
STATUSES = (sch.SCHEDULED, sch.HELD, sch.SKIPPED, sch.CANCELLED, sch.MOVED, sch.ABSENT)
OPEN, CLOSED, HOLIDAY, CLOSURE, UNKNOWN = "open", "closed", "holiday", "closure", "unknown"


@dataclass(frozen=True)
class Item:
    """A permanence, a booking or a mediation session on one day."""

    kind: str
    anchor: str
    day: date
    start: time
    end: time
    status: str  # a code: an occurrence's status, a booking's, a session's type
    status_label: str
    who: str
    what: str
    note: str | None = None

    @property
    def quiet(self) -> bool:
        """Whether it does not take place (cancelled, skipped): shown struck through."""
        return self.kind == PERMANENCE and self.status not in sch.TAKING_PLACE


@dataclass(frozen=True)
class Cell:
    day: date
    state: str  # open, closed, holiday, closure or unknown
    intervals: tuple[tuple[time, time], ...]
    word: str  # « fermé », the holiday's name, the closure's reason, « inconnu »; "" when open
    items: tuple[Item, ...]


@dataclass(frozen=True)
class SiteView:
    anchor: str
    site_id: str
    name: str
    where: str  # « Vigny (95) »
    meta: str  # « Site 17510A, Vigny (95) — France Services »
    hours: str  # « Ouvert 29,5 h cette semaine. » or « Horaires inconnus. »
    cells: tuple[Cell, ...]
    items: dict[str, list[Item]]  # by kind
    empty: str | None  # the one line that says which sections have nothing


@dataclass(frozen=True)
class Count:
    text: str
    count: int
    anchor: str | None  # where the first of them is; None when there is none


@dataclass
class WeekView:
    title: str
    days: list[date]
    sites: list[SiteView]
    warnings: list[tuple[str, str]]  # anchor, text
    summary: list[Count] = field(default_factory=list)
    statuses: list[Count] = field(default_factory=list)  # the permanences by status
    lang: str = "fr"

    def say(self, key: str, **params: Any) -> str:
        return words.say(Message(key, params), self.lang)


def clock(moment: time) -> str:
    return f"{moment:%H:%M}"


def anchor(prefix: str, key: str) -> str:
    """An id for the page: letters, digits and hyphens only."""
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9-]+', '-', key).strip('-')}"


# An unnamed agent: by role, then rank (when several share role and home), then home commune.
AGENT_KEYS = {
    (False, False): "weekly.agent",
    (True, False): "weekly.agent_rank",
    (False, True): "weekly.agent_home",
    (True, True): "weekly.agent_rank_home",
}


def agent_label(agent: AgentName | None, agent_id: str, lang: str) -> str:
    """The agent's name; else « Chargée de clientèle nº 2 (Vigny) »: role, rank, home."""
    if agent is None:
        return agent_id
    if agent.name:
        return agent.name
    key = AGENT_KEYS[(bool(agent.rank), bool(agent.home))]
    return words.say(
        Message(key, {"role": agent.role, "rank": agent.rank, "home": agent.home}), lang
    )


def item_line(item: Item, lang: str) -> str:
    """« mardi 27/04/2021, 09:00-12:00 · Prévue · programme · agent »: an item in details."""
    return words.say(
        "weekly.item_note" if item.note else "weekly.item",
        lang,
        day=item.day,
        start=clock(item.start),
        end=clock(item.end),
        status=item.status_label,
        what=item.what,
        who=item.who,
        note=item.note,
    )


def week_view(report: WeeklyReport, title: str, lang: str) -> WeekView:
    view = WeekView(title=title, days=list(report.week.days), sites=[], warnings=[], lang=lang)
    used: set[str] = set()
    for sw in report.sites:
        view.sites.append(_site(sw, report.names, view, used))
    view.warnings = [
        (f"alerte-{n}", words.value(warning, lang))
        for n, warning in enumerate(report.warnings, start=1)
    ]
    _summary(view)
    return view


def _site(sw: SiteWeek, names: Names, view: WeekView, used: set[str]) -> SiteView:
    site, lang = sw.site, view.lang
    site_anchor = anchor("site", site.id)
    while site_anchor in used:  # two ids that differ only by their punctuation
        site_anchor += "-"
    used.add(site_anchor)
    items = {
        PERMANENCE: [_permanence(e, names, lang) for e in sw.permanences],
        BOOKING: [_booking(r, names, lang) for r in sw.reservations],
        SESSION: [_session(s, names, lang) for s in sw.mediation],
    }
    by_day: dict[date, list[Item]] = {}
    for kind in KINDS:
        for item in items[kind]:
            by_day.setdefault(item.day, []).append(item)
    cells = tuple(
        _cell(day, tuple(sorted(by_day.get(day.day, []), key=_item_order)), view) for day in sw.days
    )
    where = (
        view.say("weekly.where", commune=site.commune, department=site.department_code or "")
        if site.commune
        else site.department_code or ""
    )
    labels = [Label("site_label", code) for code in sw.labels]
    meta = view.say(
        "weekly.site_meta_labels" if labels else "weekly.site_meta",
        id=site.id,
        where=where,
        labels=labels,
    )
    total = sw.hours_total  # counted over the seven days: once
    hours = (
        view.say("weekly.hours_total", hours=round(total, 2))
        if total is not None
        else view.say("weekly.hours_unknown")
    )
    if site.illustrative:  # marked wherever shown (formats.marks)
        hours += " " + words.say(marks.note(None, site.illustrative_reason), lang)
    empty_kinds = tuple(kind for kind in KINDS if not items[kind])
    empty = view.say(EMPTY_KEYS[empty_kinds]) if empty_kinds else None
    return SiteView(site_anchor, site.id, site.name, where, meta, hours, cells, items, empty)


def _item_order(item: Item) -> tuple[time, int, str]:
    return (item.start, KINDS.index(item.kind), item.anchor)


def _cell(day: DayHours, items: tuple[Item, ...], view: WeekView) -> Cell:
    if day.is_open:
        return Cell(day.day, OPEN, day.intervals, "", items)
    if day.holiday:
        return Cell(day.day, HOLIDAY, (), words.holiday(day.holiday, view.lang), items)
    if day.closure:
        return Cell(day.day, CLOSURE, (), day.closure, items)
    if day.unknown:  # unknown is not closed
        return Cell(day.day, UNKNOWN, (), view.say("weekly.unknown"), items)
    return Cell(day.day, CLOSED, (), view.say("weekly.closed"), items)


def _permanence(entry: Any, names: Names, lang: str) -> Item:
    o = entry.occurrence
    agent = (
        agent_label(names.agents.get(entry.agent.id), entry.agent.id, lang)
        if entry.agent
        else words.say("weekly.no_agent", lang)
    )
    programme = entry.permanence.programme_code
    note = o.reason
    if entry.permanence.illustrative:
        mark = words.say(marks.note(None, entry.permanence.illustrative_reason), lang)
        note = f"{note} — {mark}" if note else mark
    if o.status == sch.MOVED and o.original_date != o.date:
        moved = Message("weekly.moved_from", {"day": o.original_date})
        note = words.say(moved, lang) + (f" ({o.reason})" if o.reason else "")
    return Item(
        kind=PERMANENCE,
        anchor=f"p{o.permanence_id}-{o.original_date:%Y%m%d}",
        day=o.date,
        start=o.start,
        end=o.end,
        status=o.status,
        status_label=words.label("occurrence_status", o.status, lang),
        who=agent,
        what=names.programmes.get(programme, programme),
        note=note,
    )


def _booking(row: dict[str, Any], names: Names, lang: str) -> Item:
    return Item(
        kind=BOOKING,
        anchor=f"r{row['id']}",
        day=row["date"],
        start=row["start"],
        end=row["end"],
        status=row["status"],
        status_label=words.label("reservation_status", row["status"], lang),
        who=words.label("reservation_category", row["category"], lang),
        what=names.spaces.get(row["space"], row["space"]),
        note=row.get("organisation") or None,
    )


def _session(row: dict[str, Any], names: Names, lang: str) -> Item:
    start: time = row["start"]
    finish = datetime.combine(row["date"], start) + timedelta(minutes=row["duration_minutes"])
    end = finish.time() if finish.date() == row["date"] else time(23, 59)
    themes = [Label("theme", code) for code in row["themes"]]
    people = Message("weekly.participants", {"n": row["participants"]})
    return Item(
        kind=SESSION,
        anchor=f"m{row['id']}",
        day=row["date"],
        start=start,
        end=end,
        status=row["type"],
        status_label=words.label("session_type", row["type"], lang),
        who=agent_label(names.agents.get(row["mediator"]), row["mediator"], lang),
        what=words.say(people, lang),
        note=words.value(themes, lang) or None,
    )


def _summary(view: WeekView) -> None:
    earliest: dict[str, tuple[date, time, str]] = {}  # the first in time, of each kind
    counts: Counter[str] = Counter()
    statuses: Counter[str] = Counter()

    def seen(key: str, item: Item) -> None:
        moment = (item.day, item.start, item.anchor)
        earliest[key] = min(earliest.get(key, moment), moment)

    for site in view.sites:
        for kind in KINDS:
            for item in site.items[kind]:
                counts[kind] += 1
                seen(kind, item)
                if kind == PERMANENCE:
                    statuses[item.status] += 1
                    seen(item.status, item)
    firsts = {key: moment[2] for key, moment in earliest.items()}
    sites = len(view.sites)
    view.summary = [
        Count(view.say("weekly.count_sites", n=sites), sites, "apercu" if sites else None),
        Count(
            view.say("weekly.count_permanences", n=counts[PERMANENCE]),
            counts[PERMANENCE],
            firsts.get(PERMANENCE),
        ),
        Count(
            view.say("weekly.count_bookings", n=counts[BOOKING]),
            counts[BOOKING],
            firsts.get(BOOKING),
        ),
        Count(
            view.say("weekly.count_sessions", n=counts[SESSION]),
            counts[SESSION],
            firsts.get(SESSION),
        ),
        Count(
            view.say("weekly.count_warnings", n=len(view.warnings)),
            len(view.warnings),
            "alertes" if view.warnings else None,
        ),
    ]
    others = sorted(set(statuses) - set(STATUSES))
    view.statuses = [
        Count(_status_count(status, statuses[status], view), statuses[status], firsts.get(status))
        for status in (*STATUSES, *others)
    ]


# What the summary says of the permanences of each status.
STATUS_COUNTS = {
    sch.SCHEDULED: "weekly.count_scheduled",
    sch.HELD: "weekly.count_held",
    sch.SKIPPED: "weekly.count_skipped",
    sch.CANCELLED: "weekly.count_cancelled",
    sch.MOVED: "weekly.count_moved",
    sch.ABSENT: "weekly.count_absent",
}


def _status_count(status: str, n: int, view: WeekView) -> str:
    if status in STATUS_COUNTS:
        return view.say(STATUS_COUNTS[status], n=n)
    return view.say("weekly.count_status", n=n, status=status)
