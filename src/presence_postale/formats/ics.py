"""iCalendar output (RFC 5545, through the `icalendar` library): one event per occurrence.

UIDs are stable — the permanence and its occurrence's original date — so that importing a newer
calendar updates events (a moved occurrence keeps its UID) instead of duplicating them. DTSTAMP
comes from the database, not the clock: the same data gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import TZ
from presence_postale.formats import marks
from presence_postale.services.schedule import Entry

PRODID = "-//presence-postale//permanences//FR"
UID_DOMAIN = "presence-postale"


def uid(permanence_id: int, original: object) -> str:
    return f"permanence-{permanence_id}-{original:%Y%m%d}@{UID_DOMAIN}"


def _stamp(entry: Entry) -> datetime:
    created = entry.permanence.created_at
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return created.astimezone(UTC)


def event(entry: Entry, lang: str = "fr") -> Event:
    o = entry.occurrence
    site = entry.site
    fr = lang != "en"
    item = Event()
    item.add("uid", uid(o.permanence_id, o.original_date))
    item.add("dtstamp", _stamp(entry))
    item.add("dtstart", datetime.combine(o.date, o.start, tzinfo=TZ))
    item.add("dtend", datetime.combine(o.date, o.end, tzinfo=TZ))
    item.add("summary", f"Permanence — {site.name}")
    where = ", ".join(
        part for part in (site.name, site.address, site.postcode, site.commune) if part
    )
    item.add("location", where)
    colon = " : " if fr else ": "
    lines = [f"Programme{colon}{entry.permanence.programme_code}"]
    if entry.agent is not None:
        lines.append(f"Agent{colon}{entry.agent.name or entry.agent.id}")
    if entry.operators:
        label = "Opérateurs : " if fr else "Operators: "
        lines.append(label + ", ".join(entry.operators))
    if o.status == sch.MOVED:
        moved = (
            f"Déplacée du {o.original_date:%d/%m/%Y}"
            if fr
            else f"Moved from {o.original_date:%Y-%m-%d}"
        )
        lines.append(moved + (f" ({o.reason})" if o.reason else ""))
        item.add("sequence", 1)
    if o.status == sch.CANCELLED:
        lines.append(("Annulée" if fr else "Cancelled") + (f" ({o.reason})" if o.reason else ""))
        item.add("status", "CANCELLED")
        item.add("sequence", 1)
    else:
        item.add("status", "CONFIRMED")
    if entry.permanence.illustrative:
        lines.append(marks.note(None, entry.permanence.illustrative_reason, lang))
    item.add("description", "\n".join(lines))
    if site.latitude is not None and site.longitude is not None:
        item.add("geo", (site.latitude, site.longitude))
    return item


def calendar(entries: Iterable[Entry], lang: str = "fr") -> str:
    """A calendar of the occurrences that take place or were cancelled (skipped ones are not
    events: nothing was ever planned on a holiday or a closure)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-timezone", "Europe/Paris")
    cal.add_component(paris_timezone())
    for entry in entries:
        if entry.occurrence.status != sch.SKIPPED:
            cal.add_component(event(entry, lang))
    return cal.to_ical().decode("utf-8")


def paris_timezone() -> Timezone:
    """Europe/Paris as a compact VTIMEZONE: the EU summer-time rule in force since 1996."""
    zone = Timezone()
    zone.add("tzid", "Europe/Paris")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", datetime(1996, 3, 31, 2, 0))
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone
