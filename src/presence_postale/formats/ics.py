"""iCalendar output (RFC 5545, through the `icalendar` library): one event per occurrence.

UIDs are stable — the permanence's record identifier and its occurrence's original date — so that
importing a newer calendar updates events (a moved occurrence keeps its UID) instead of duplicating
them. They never rest on a database's row numbers: the same permanence has the same UIDs in every
database that holds it (one exported with `export records` and imported into another), and a row
number reused after a delete never gives a new event an old one's UID. DTSTAMP
and LAST-MODIFIED are the occurrence's last change and SEQUENCE the number of its changes, which
only grows (see `domain.revisions`): they come from the database, not the clock, so the same
data gives byte-identical files. An occurrence cancelled, or skipped by its agent's absence,
stays in the calendar as STATUS:CANCELLED, so that a calendar which had it drops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import (
    Alarm,
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vDuration,
)

from presence_postale.domain import schedule as sch
from presence_postale.domain.calendar import TZ
from presence_postale.domain.report import Booking, Entry, Place
from presence_postale.domain.revisions import Revision, utc
from presence_postale.formats import marks, words

PRODID = "-//presence-postale//permanences//FR"
UID_DOMAIN = "presence-postale"


def uid(permanence_uid: str, original: object) -> str:
    """An occurrence's UID: its permanence's record identifier and its original date."""
    return f"permanence-{permanence_uid}-{original:%Y%m%d}@{UID_DOMAIN}"


@dataclass(frozen=True)
class Publication:
    """How a calendar is published (`export feeds`): its name, how often a subscriber should
    fetch it again, an alarm before each event, and whether absences say their reason."""

    name: str | None = None
    refresh: timedelta | None = None
    alarm: timedelta | None = None
    absence_reasons: bool = True


def revision(entry: Entry) -> Revision:
    if entry.revision is not None:
        return entry.revision
    return Revision(0, utc(entry.permanence.created_at))


def event(
    entry: Entry, lang: str = words.DEFAULT_LANG, publication: Publication | None = None
) -> Event:
    o = entry.occurrence
    site = entry.site
    publication = publication or Publication()
    item = Event()
    item.add("uid", uid(entry.permanence.uid, o.original_date))
    sequence, changed = revision(entry)
    item.add("dtstamp", changed)
    item.add("last-modified", changed)
    item.add("sequence", sequence)
    item.add("dtstart", datetime.combine(o.date, o.start, tzinfo=TZ))
    item.add("dtend", datetime.combine(o.date, o.end, tzinfo=TZ))
    item.add("summary", f"Permanence — {site.name}")
    item.add("location", where(site))
    lines = _description(entry, lang)
    why = {"reason": o.reason} if o.reason else {}
    if o.status == sch.CANCELLED:
        lines.append(
            words.say("calendar.cancelled_why" if o.reason else "calendar.cancelled", lang, **why)
        )
        item.add("status", "CANCELLED")
    elif o.status == sch.ABSENT:
        if o.reason and publication.absence_reasons:
            lines.append(words.say("calendar.absent_why", lang, reason=o.reason))
        else:
            lines.append(words.say("calendar.absent", lang))
        item.add("status", "CANCELLED")
    else:
        item.add("status", "CONFIRMED")
        if publication.alarm is not None:
            item.add_component(_alarm(publication.alarm, site.name, lang))
    if entry.permanence.illustrative:
        lines.append(words.say(marks.note(None, entry.permanence.illustrative_reason), lang))
    item.add("description", "\n".join(lines))
    if site.latitude is not None and site.longitude is not None:
        item.add("geo", (site.latitude, site.longitude))
    return item


def _description(entry: Entry, lang: str) -> list[str]:
    """The event's programme, agent, operators, and where it moved from."""
    o = entry.occurrence
    lines = [words.say("calendar.programme", lang, programme=entry.permanence.programme_code)]
    if entry.agent is not None:
        lines.append(words.say("calendar.agent", lang, agent=entry.agent.name or entry.agent.id))
    if entry.operators:
        lines.append(words.say("calendar.operators", lang, operators=list(entry.operators)))
    if o.status == sch.MOVED:
        why = {"reason": o.reason} if o.reason else {}
        key = "calendar.moved_why" if o.reason else "calendar.moved"
        lines.append(words.say(key, lang, date=o.original_date, **why))
    return lines


def _alarm(before: timedelta, where: str, lang: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -before)
    alarm.add("description", words.say("calendar.alarm", lang, site=where))
    return alarm


def calendar(
    entries: Iterable[Entry], lang: str = words.DEFAULT_LANG, publication: Publication | None = None
) -> str:
    """A calendar of the occurrences that take place or were called off (skipped ones are not
    events: nothing was ever planned on a holiday or a closure)."""
    cal = _calendar(publication)
    for entry in entries:
        if entry.occurrence.status != sch.SKIPPED:
            cal.add_component(event(entry, lang, publication))
    return cal.to_ical().decode("utf-8")


def _calendar(publication: Publication | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if publication is not None and publication.name:
        cal.add("name", publication.name)
        cal.add("x-wr-calname", publication.name)
    if publication is not None and publication.refresh is not None:
        # RFC 7986's REFRESH-INTERVAL, and the older X-PUBLISHED-TTL Outlook reads.
        cal.add("refresh-interval", publication.refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(publication.refresh))
    cal.add("x-wr-timezone", "Europe/Paris")
    cal.add_component(paris_timezone())
    return cal


BOOKING_STATUS = {"cancelled": "CANCELLED", "offered": "TENTATIVE"}


def booking_calendar(booking: Booking, lang: str = words.DEFAULT_LANG) -> str:
    """One booking (or a slot offered to someone waiting) as a calendar of one event, whose UID
    stays the same whatever becomes of it."""
    item = Event()
    if booking.waitlist_id is not None:
        item.add("uid", f"waitlist-{booking.uid}@{UID_DOMAIN}")
    else:
        item.add("uid", f"reservation-{booking.uid}@{UID_DOMAIN}")
    item.add("dtstamp", utc(booking.changed_at))
    item.add("last-modified", utc(booking.changed_at))
    item.add("sequence", 1 if booking.status == "cancelled" else 0)
    item.add("dtstart", booking.start.replace(tzinfo=TZ))
    item.add("dtend", booking.end.replace(tzinfo=TZ))
    item.add("summary", words.say("calendar.booking", lang, space=booking.space_name))
    item.add("location", where(booking.site))
    item.add("status", BOOKING_STATUS.get(booking.status, "CONFIRMED"))
    cal = _calendar(None)
    cal.add_component(item)
    return cal.to_ical().decode("utf-8")


def where(site: Place) -> str:
    """A site as a calendar's LOCATION: its name, address, postcode and commune."""
    return ", ".join(
        part for part in (site.name, site.address, site.postcode, site.commune) if part
    )


def paris_timezone() -> Timezone:
    """Europe/Paris as a compact VTIMEZONE: the EU summer-time rule in force since 1996."""
    zone = Timezone()
    zone.add("tzid", "Europe/Paris")
    # Summer time from the last Sunday of March at 02:00, winter time from October's at 03:00;
    # the offsets from UTC (hours) before and after each change.
    for part, name, start, before, after in (
        (TimezoneDaylight(), "CEST", datetime(1996, 3, 31, 2, 0), 1, 2),
        (TimezoneStandard(), "CET", datetime(1996, 10, 27, 3, 0), 2, 1),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": start.month, "byday": "-1su"})
        zone.add_component(part)
    return zone
