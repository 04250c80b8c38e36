"""Notices as e-mails: a French plain-text body and an iCalendar attachment, built with the
standard library's `email` package; and the same as plain text, for `notify --dry-run`.

The words are the catalogue's (`mail.*`); an e-mail goes to people in France, so it is written
in French whatever the language of the command that sends it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.policy import SMTP

from presence_postale.domain import notices as kinds
from presence_postale.domain import schedule as sch
from presence_postale.errors import Message
from presence_postale.formats import ics, words
from presence_postale.formats.weekly_view import agent_label
from presence_postale.services.notifications import Notice, Visit

LANG = "fr"
BOOKING_INTROS = {
    kinds.BOOKING_REMINDER: "mail.booking_reminder_intro",
    kinds.BOOKING_CONFIRMED: "mail.booking_confirmed_intro",
    kinds.BOOKING_CANCELLED: "mail.booking_cancelled_intro",
    kinds.WAITLIST_OFFERED: "mail.waitlist_offered_intro",
}


@dataclass(frozen=True)
class Mail:
    subject: str
    body: str
    attachment_name: str
    attachment: str  # iCalendar text


def _say(key: str, **params: object) -> str:
    return words.say(Message(key, dict(params)), LANG)


def compose(notice: Notice) -> Mail:
    """The subject, body and attachment of `notice`."""
    day_notice = notice.kind in (kinds.AGENT_DAY, kinds.HOST_DAY)
    mail = _day(notice) if day_notice else _booking(notice)
    if notice.update:
        return replace(mail, subject=_say("mail.update", subject=mail.subject))
    return mail


# ---- a day's permanences --------------------------------------------------------------------


def _address(visit: Visit) -> str:
    site = visit.entry.site
    town = " ".join(part for part in (site.postcode, site.commune) if part)
    parts = [part for part in (site.address, town) if part]
    return _say("mail.address", address=", ".join(parts)) if parts else _say("mail.no_address")


def _hours(visit: Visit) -> str:
    if visit.hours is None:
        return _say("mail.hours_unknown")
    if visit.hours.is_open:
        return _say("mail.hours", hours=visit.hours.describe())
    closed = visit.hours.holiday or visit.hours.closure
    return _say("mail.closed_why", reason=closed) if closed else _say("mail.closed")


def _state(visit: Visit, day: object) -> str | None:
    """What became of the occurrence, if anything: cancelled, skipped, moved here or away."""
    o = visit.entry.occurrence
    why = {"reason": o.reason} if o.reason else {}
    if o.status == sch.CANCELLED:
        return _say("mail.cancelled_why" if why else "mail.cancelled", **why)
    if o.status == sch.ABSENT:  # never the absence's reason: see `agents absent --help`
        return _say("mail.absent")
    if o.status == sch.MOVED and o.date != day:
        key = "mail.moved_away_why" if why else "mail.moved_away"
        return _say(key, day=o.date, start=o.start, end=o.end, **why)
    if o.status == sch.MOVED and o.original_date != day:
        return _say("mail.moved_here_why" if why else "mail.moved_here", day=o.original_date, **why)
    return None


def _visit(visit: Visit, day: object, *, for_host: bool) -> list[str]:
    entry, o = visit.entry, visit.entry.occurrence
    # An occurrence moved away from the day is named by the time it had that day.
    away = o.date != day
    start = entry.permanence.start_time if away else o.start
    end = entry.permanence.end_time if away else o.end
    head = _say("mail.visit", start=start, end=end, site=entry.site.name)
    if for_host:
        head = _say("mail.hosted", start=start, end=end, programme=visit.programme)
    state = _state(visit, day)
    lines = [_wrapped(head + (f" — {state}" if state else ""), "• ")]
    if o.status not in sch.TAKING_PLACE or away:
        return lines
    if for_host:
        if entry.agent is not None:
            who = agent_label(visit.agent, entry.agent.id, LANG)
            lines.append(_say("mail.held_by", agent=who))
    else:
        lines += [_address(visit), _hours(visit)]
        lines.append(_say("mail.programme", programme=visit.programme))
    if entry.operators:
        names = [words.label("operator", code, LANG) for code in entry.operators]
        lines.append(_say("mail.operators", operators=names))
    return [lines[0], *(_wrapped(line, "  ") for line in lines[1:])]


def _wrapped(text: str, first: str) -> str:
    """A paragraph of the body, folded at 76 characters as plain-text mail reads best; the
    lines of an item (`first` not empty) are indented under it."""
    rest = "    " if first else ""
    return textwrap.fill(
        text, 76, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )


def _day(notice: Notice) -> Mail:
    host = notice.kind == kinds.HOST_DAY
    day = notice.day
    if host:
        subject = _say("mail.host_subject", day=day, site=notice.name)
        intro = _say("mail.host_intro", day=day, site=notice.name)
    else:
        subject = _say("mail.agent_subject", day=day)
        intro = _say("mail.agent_intro", day=day)
    lines = [_say("mail.greeting"), "", _wrapped(intro, ""), ""]
    for visit in notice.visits:
        lines += _visit(visit, day, for_host=host)
    name = f"permanences-{day}.ics"
    lines += ["", _wrapped(_say("mail.attached", name=name), "")]
    publication = ics.Publication(absence_reasons=False)
    attachment = ics.calendar((v.entry for v in notice.visits), LANG, publication)
    return Mail(subject, _signed(lines), name, attachment)


# ---- bookings -------------------------------------------------------------------------------


# Each notice of a booking, and its e-mail's subject.
BOOKING_SUBJECTS = {
    "booking-confirmed": "mail.booking_confirmed_subject",
    "booking-cancelled": "mail.booking_cancelled_subject",
    "booking-reminder": "mail.booking_reminder_subject",
    "waitlist-offered": "mail.waitlist_offered_subject",
}


def _booking(notice: Notice) -> Mail:
    booking = notice.booking
    assert booking is not None
    when = {"day": booking.start.date(), "space": booking.space_name}
    subject = _say(BOOKING_SUBJECTS[notice.kind], **when)
    hello = (
        _say("mail.greeting_name", name=booking.person_name)
        if booking.person_name
        else _say("mail.greeting")
    )
    site = booking.site
    town = " ".join(part for part in (site.postcode, site.commune) if part)
    place = ", ".join(part for part in (site.name, site.address, town) if part)
    lines = [hello, "", _say(BOOKING_INTROS[notice.kind]), ""]
    slot = {"day": booking.start.date(), "start": booking.start.time(), "end": booking.end.time()}
    lines.append(_wrapped(_say("mail.booking", space=booking.space_name, **slot), "• "))
    lines.append(_wrapped(_say("mail.booking_place", place=place), "  "))
    if booking.reservation_id is not None:
        lines.append("  " + _say("mail.booking_number", reservation=booking.reservation_id))
    lines.append("")
    if notice.kind == kinds.WAITLIST_OFFERED:
        key = "mail.waitlist_offered_next" if booking.contact else "mail.waitlist_offered_desk"
    elif notice.kind == kinds.BOOKING_CANCELLED:
        key = "mail.booking_cancelled_next" if booking.contact else ""
    else:
        key = "mail.booking_contact" if booking.contact else ""
    if key:
        lines.append(_wrapped(_say(key, contact=booking.contact), ""))
    name = (
        f"liste-attente-{booking.waitlist_id}.ics"
        if booking.waitlist_id is not None
        else f"reservation-{booking.reservation_id}.ics"
    )
    lines.append(_wrapped(_say("mail.attached_booking", name=name), ""))
    return Mail(subject, _signed(lines), name, ics.booking_calendar(booking, LANG))


def _signed(lines: list[str]) -> str:
    return "\n".join([*lines, "", "-- ", _wrapped(_say("mail.signature"), "")]) + "\n"


# ---- out ------------------------------------------------------------------------------------


def message(notice: Notice, sender: str) -> EmailMessage:
    """The e-mail of `notice`, from `sender`: plain text in UTF-8 and the .ics attached."""
    assert notice.address is not None
    mail = compose(notice)
    out = EmailMessage(policy=SMTP)
    out["From"] = sender
    out["To"] = notice.address
    out["Subject"] = mail.subject
    out["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-reply to it
    out.set_content(mail.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    out.add_attachment(
        mail.attachment.encode("utf-8"),
        maintype="text",
        subtype="calendar",
        filename=mail.attachment_name,
    )
    return out


def preview(notice: Notice, sender: str | None, number: int, total: int) -> str:
    """The message as `--dry-run` shows it: headers people read, the body, the attachment's
    name (not its encoded bytes)."""
    mail = compose(notice)
    head = [_say("mail.preview", number=number, total=total, who=notice.who)]
    if sender:
        head.append(_say("mail.preview_from", sender=sender))
    head += [
        _say("mail.preview_to", address=notice.address),
        _say("mail.preview_subject", subject=mail.subject),
        _say("mail.preview_attachment", name=mail.attachment_name),
    ]
    return "\n".join(head) + "\n\n" + mail.body + "\n"
