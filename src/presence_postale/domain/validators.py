"""One validator per record kind, used by every way a record comes in: the commands (through
the services), records files (`import records`, `init --seed`, the bundled seed), the
open-data imports and `db copy`.

Each takes the record's values by the store's field names and returns them checked, cleaned
(stripped, codes upper-cased) and completed with what can be derived (a site's department
from its INSEE code, the search keys of names). `partial=True` checks only the fields given,
for an update. A refusal is a `FieldError` naming the field (the caller renames it for the
command line or the file's line). References to other records (does the site exist?) are the
services' business: they need the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from presence_postale.domain import booking, codes, recurrence
from presence_postale.domain import field_checks as fc
from presence_postale.domain import fields as f
from presence_postale.domain import mediation as mediation_rules
from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData, Message

STAFF_MAX = 1000
WEEKLY_HOURS_MAX = 80.0
CAPACITY_MAX = 500
BOOKING_MINUTES_MAX = int(booking.MAX_BOOKING.total_seconds() // 60)
DAYS_AHEAD_MAX = 3660
CUTOFF_HOURS_MAX = 24 * 366
FUNDING_MAX = 10**12


# ---- places and people ----------------------------------------------------------------------

# A site's opening hours as a records file's version gives them (as its site's are checked).
SITE_HOURS = fc.opening_hours(overnight=False)

# The checks of values many sites share remember their answers (`field_checks.remembered`).
SITE: dict[str, fc.Check] = {
    "name": f.line,
    "kind": fc.remembered(fc.vocabulary("site_kind")),
    "id": f.identifier,
    "address": f.line,
    "address_extra": f.line,
    "locality": f.line,
    "postcode": fc.remembered(codes.postcode),
    "commune": f.line,
    "insee_code": codes.insee,
    "department_code": fc.remembered(codes.department),
    "latitude": fc.decimal(-90, 90),
    "longitude": fc.decimal(-180, 180),
    "parent_id": f.identifier,
    "phone": fc.remembered(f.phone),
    "email": f.email,
    "staff_count": fc.whole(0, STAFF_MAX),
    "note": f.note,
    "source": fc.remembered(fc.vocabulary("site_source")),
    "illustrative": f.flag,
    "illustrative_reason": f.note,
}


# A site's checks with its opening hours', by whether they may run past midnight.
_SITE_WITH_HOURS = {
    overnight: {**SITE, "opening_hours": fc.remembered(fc.opening_hours(overnight))}
    for overnight in (False, True)
}


def site(
    values: Mapping[str, Any],
    *,
    partial: bool = False,
    overnight: bool = False,
    current: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A site. Its department is derived from its INSEE code when not given (68066 gives 68,
    so Alsace's holidays apply); a given one must agree with it. `current` holds the stored
    values an update is checked against."""
    out = fc.checked(values, _SITE_WITH_HOURS[overnight], ("id", "name", "kind"), partial)
    if "name" in out:
        out["name_key"] = search_key(out["name"])
    if "commune" in out:
        out["commune_key"] = search_key(out["commune"]) if out["commune"] else None
    insee = out.get("insee_code") or (current or {}).get("insee_code")
    # The ANCT names the department a France Services structure serves, which may not be its
    # address's (the Eure's bus is housed in Rouen): that one is kept as the import stored it.
    serves = out.get("source") == "france_services" and out.get("department_code")
    if ("insee_code" in out or "department_code" in out) and not serves:
        out["department_code"] = codes.department_for(insee, out.get("department_code"))
    if not partial and (out["latitude"] is None) != (out["longitude"] is None):
        missing = "longitude" if out["longitude"] is None else "latitude"
        raise f.FieldError(missing, Message("site.one_coordinate"))
    if out.get("parent_id") is not None and out["parent_id"] == out.get("id"):
        raise f.FieldError("parent_id", Message("site.own_parent"), out["parent_id"])
    return out


AGENT: dict[str, fc.Check] = {
    "name": f.line,
    "role": fc.vocabulary("agent_role"),
    "id": f.identifier,
    "home_site_id": f.identifier,
    "weekly_hours": fc.decimal(0, WEEKLY_HOURS_MAX),
    "email": f.email,
    "active": f.flag,
    "note": f.note,
    "illustrative": f.flag,
    "illustrative_reason": f.note,
    "source": f.line,
}


def agent(values: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    out = fc.checked(values, AGENT, ("id", "role"), partial)
    if "name" in out:
        out["name_key"] = search_key(out["name"] or "")
    return out


def department(values: Mapping[str, Any]) -> dict[str, Any]:
    checks: dict[str, fc.Check] = {"code": codes.department, "name": f.line}
    return fc.checked(values, checks, ("code", "name"), False)


def operator(values: Mapping[str, Any]) -> dict[str, Any]:
    return fc.checked(values, {"code": f.identifier, "name": f.line}, ("code", "name"), False)


def closure(values: Mapping[str, Any]) -> dict[str, Any]:
    checks: dict[str, fc.Check] = {
        "site_id": f.identifier,
        "start_date": f.day,
        "end_date": f.day,
        "reason": f.line,
    }
    out = fc.checked(values, checks, tuple(checks), False)
    f.in_order(out["start_date"], out["end_date"], "end_date")
    closure_end(out["start_date"], out["end_date"], "end_date")
    return out


# A closure is temporary: works, holidays, a desk moved while its office is rebuilt (Agen's
# took months). Five years is longer than any of these; a site that stays shut longer is
# closed for good, which is not a closure hiding it from every schedule but its removal.
CLOSURE_YEARS_MAX = 5


def closure_end(start: date, end: date, field: str) -> date:
    """A closure's last day: within `CLOSURE_YEARS_MAX` years of its first."""
    try:
        after = start.replace(year=start.year + CLOSURE_YEARS_MAX)
    except ValueError:  # 29 February, in a year that has none
        after = start.replace(year=start.year + CLOSURE_YEARS_MAX, day=28)
    last = after - timedelta(days=1)
    if end > last:
        reason = Message("closure.too_long", {"years": CLOSURE_YEARS_MAX, "last": last})
        raise f.FieldError(field, reason, end.isoformat())
    return end


# ---- programmes and permanences -------------------------------------------------------------

PROGRAMME: dict[str, fc.Check] = {
    "code": f.identifier,
    "title": f.line,
    "model": fc.vocabulary("programme_model"),
    "department_code": codes.department,
    "start_date": f.day,
    "start_precision": fc.vocabulary("date_precision"),
    "planned_end": f.day,
    "ended_on": f.day,
    "status": fc.vocabulary("programme_status"),
    "funder": f.line,
    "funding_eur": fc.whole(0, FUNDING_MAX),
    "description": f.note,
    "source_document": f.line,
    "illustrative": f.flag,
    "illustrative_reason": f.note,
}


def programme(values: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    out = fc.checked(values, PROGRAMME, ("code", "title", "model", "start_date", "status"), partial)
    f.in_order(out.get("start_date"), out.get("planned_end"), "planned_end")
    if out.get("start_date") and out.get("planned_end"):
        programme_end(out["start_date"], out["planned_end"], "planned_end")
    f.in_order(out.get("start_date"), out.get("ended_on"), "ended_on")
    return out


def programme_end(start: date, end: date, field: str) -> date:
    """A programme's planned end: ten years after its start at most (its schedule and its
    evaluation are computed over the whole of it)."""
    last = start + timedelta(days=f.MAX_PERIOD_DAYS)
    if end > last:
        raise f.FieldError(field, Message("programme.too_long", {"last": last}), end.isoformat())
    return end


PERMANENCE: dict[str, fc.Check] = {
    "programme_code": f.identifier,
    "agent_id": f.identifier,
    "site_id": f.identifier,
    "rrule": fc.rule,
    "start_time": f.clock,
    "end_time": f.clock,
    "valid_from": f.day,
    "valid_until": f.day,
    "note": f.note,
    "illustrative": f.flag,
    "illustrative_reason": f.note,
}


def permanence(values: Mapping[str, Any]) -> dict[str, Any]:
    required = ("programme_code", "site_id", "rrule", "start_time", "end_time", "valid_from")
    out = fc.checked(values, PERMANENCE, required, False)
    f.in_order(out["start_time"], out["end_time"], "end_time", strict=True)
    f.in_order(out["valid_from"], out["valid_until"], "valid_until")
    _occurs(out)
    return out


def _occurs(permanence: Mapping[str, Any]) -> None:
    """A permanence whose rule yields no date while it is valid (an UNTIL before its first
    day, a 5th Friday in a month without one) is refused, however it comes in."""
    first, until = permanence["valid_from"], permanence["valid_until"]
    last = first + timedelta(days=recurrence.MAX_WINDOW_DAYS)
    last = min(until, last) if until is not None else last
    rule = permanence["rrule"]
    if not recurrence.dates_between(rule, first, first, last, at=permanence["start_time"]):
        reason = Message("permanence.never_valid", {"first": first, "last": last})
        raise f.FieldError("rrule", reason, rule)


# ---- coworking ------------------------------------------------------------------------------

SPACE: dict[str, fc.Check] = {
    "id": f.identifier,
    "site_id": f.identifier,
    "name": f.line,
    "capacity": fc.whole(1, CAPACITY_MAX),
    "equipment": fc.codes_of("equipment"),
    "categories": fc.codes_of("reservation_category"),
    "booking_email": f.email,
    "min_minutes": fc.whole(0, BOOKING_MINUTES_MAX),
    "max_minutes": fc.whole(0, BOOKING_MINUTES_MAX),
    "max_days_ahead": fc.whole(0, DAYS_AHEAD_MAX),
    "max_hours_per_person_week": fc.decimal(0, 168),
    "cancel_cutoff_hours": fc.whole(0, CUTOFF_HOURS_MAX),
    "note": f.note,
    "illustrative": f.flag,
    "illustrative_reason": f.note,
}


def space(
    values: Mapping[str, Any], *, partial: bool = False, overnight: bool = False
) -> dict[str, Any]:
    checks = {**SPACE, "opening_hours": fc.opening_hours(overnight)}
    out = fc.checked(values, checks, ("id", "site_id", "name"), partial)
    if out.get("min_minutes") and out.get("max_minutes"):
        f.in_order(out["min_minutes"], out["max_minutes"], "max_minutes", key="order.below_min")
    return out


BOOKER: dict[str, fc.Check] = {
    "person_name": f.line,
    "email": f.email,
    "category": fc.vocabulary("reservation_category"),
    "organisation": f.line,
    "channel": fc.vocabulary("booking_channel"),
}
RESERVATION: dict[str, fc.Check] = {
    "space_id": f.identifier,
    "start_at": f.moment,
    "end_at": f.moment,
    **BOOKER,
    "status": fc.vocabulary("reservation_status"),
}


def booker(values: Mapping[str, Any], *, named: bool = True) -> dict[str, Any]:
    """Who books: a name (none once purged: `named=False`), an e-mail, a category, an
    organisation, the channel the booking came by."""
    required = ("person_name", "category") if named else ("category",)
    out = fc.checked(values, BOOKER, required, False)
    out["channel"] = out["channel"] or "email"
    return out


def reservation(values: Mapping[str, Any]) -> dict[str, Any]:
    """A booking's own values: a range on one day, a category, the person's name and e-mail.
    The rules of its space (hours, holidays, closures, capacity) are `booking.check_place`."""
    out = fc.checked(values, RESERVATION, ("space_id", "start_at", "end_at", "category"), False)
    booking.check_range(out["start_at"], out["end_at"], "end_at")
    out["status"] = out["status"] or "confirmed"
    out["channel"] = out["channel"] or "email"
    return out


# ---- digital mediation ----------------------------------------------------------------------

SESSION_TEXTS: dict[str, fc.Check] = {
    "site_id": f.identifier,
    "mediator_id": f.identifier,
    "programme_code": f.identifier,
    "session_date": f.day,
    "start_time": f.clock,
    "procedure_details": f.line,
    "device_model": f.line,
    "redirection_detail": f.line,
    "workshop_title": f.line,
    "note": f.note,
}
# A session's fields as the Coop's rules (`mediation.check_session`) name them.
SESSION_NAMES = {
    **{name: name for name in mediation_rules.OPTION_NAMES},
    "type": "session_type",
    "duration": "duration_minutes",
}


def session_texts(values: Mapping[str, Any]) -> dict[str, Any]:
    """A session's references, date, time and free texts (its vocabularies and counters are
    the Coop's rules: `mediation.check_session`)."""
    out = fc.checked(
        values, SESSION_TEXTS, ("site_id", "mediator_id", "session_date", "start_time"), False
    )
    if out["device_model"]:
        out["device_model"] = out["device_model"].lower()
    return out


def mediation_session(values: Mapping[str, Any]) -> dict[str, Any]:
    """A session in the Coop's vocabulary (`mediation.check_session`: types, themes, counters
    that add up, place, workshop), its texts by the rules of every record."""
    out = session_texts(values)
    try:
        checked = mediation_rules.check_session(
            mediation_rules.Given(
                session_type=values.get("session_type") or "",
                minutes=f.whole(values.get("duration_minutes"), "duration_minutes", 1, 10**6) or 0,
                participants=values.get("participants"),
                counts={name: values.get(name) or {} for name in mediation_rules.COUNTERS},
                themes=values.get("themes") or [],
                procedure_details=out["procedure_details"],
                equipment=values.get("equipment") or [],
                autonomy=values.get("autonomy"),
                place_type=values.get("place_type"),
                place_insee_code=values.get("place_insee_code"),
                redirection=values.get("redirection"),
                workshop_title=out["workshop_title"],
                workshop_level=values.get("workshop_level"),
            ),
            SESSION_NAMES,
        )
    except f.FieldError:
        raise
    except InvalidData as error:  # the Coop's rules name their field in `field`
        raise f.FieldError(str(error.params.get("field", "")), error.message) from None
    return {**out, "checked": checked}
