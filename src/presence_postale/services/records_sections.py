"""What each section of a records file carries: its table, where each of its fields comes
from, its rows' order and defaults, its personal fields; and the tables and columns no section
carries, with the reason. A test holds these to the schema's tables and columns, so that a new
table or column cannot be forgotten by `records_export`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from presence_postale.domain.history import BEGINNING
from presence_postale.formats.seed_schema import PERSONAL

# A field's source: a column's name, or a function of the row and the lookups.
Source = str | Callable[[dict[str, Any], "Lookups"], Any]


@dataclass
class Lookups:
    """What a row refers to by row number, read once: the uids behind the numbers, and the
    link tables a site or a permanence lists."""

    permanence_uid: dict[int, str] = field(default_factory=dict)
    reservation_uid: dict[int, str] = field(default_factory=dict)
    links: dict[str, dict[Any, list[Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Section:
    table: str
    fields: dict[str, Source]
    order: tuple[str, ...]
    defaults: dict[str, Any] = field(default_factory=dict)
    personal: tuple[str, ...] = ()
    # The rows the section carries (None: every row of its table).
    keep: Callable[[dict[str, Any]], bool] | None = None


# How a value is written in a records file, by its type: instants and times as text, lists
# and mappings as copies; any other value as it is (see `written`).
AS_WRITTEN: dict[type, Callable[[Any], Any]] = {
    datetime: lambda value: value.isoformat(timespec="minutes" if value.second == 0 else "seconds"),
    time: lambda value: value.strftime("%H:%M"),
    list: list,
    dict: dict,
}


def written(value: Any) -> Any:
    """The value as a records file writes it (`AS_WRITTEN`)."""
    convert = AS_WRITTEN.get(value.__class__)
    return value if convert is None else convert(value)


def clean(values: dict[str, Any], defaults: dict[str, Any] | None = None) -> dict[str, Any]:
    """Leave out empty values and values at their default; the rest as written."""
    defaults = defaults or {}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or value == [] or value == {} or value == "":
            continue
        if key in defaults and value == defaults[key]:
            continue
        out[key] = written(value)
    return out


_ILLUSTRATIVE: dict[str, Source] = {
    "illustrative": "illustrative",
    "illustrative_reason": "illustrative_reason",
}
_NOT_ILLUSTRATIVE = {"illustrative": False}


def _label(row: dict[str, Any]) -> Any:
    if row["since"] is None and row["detail"] is None:
        return row["label"]
    return clean({"label": row["label"], "since": row["since"], "detail": row["detail"]})


def _site_links(name: str, pick: Callable[[dict[str, Any]], Any]) -> Source:
    def value(row: dict[str, Any], look: Lookups) -> list[Any]:
        found = look.links[name].get(row["id"])
        return [pick(link) for link in found] if found else []  # most sites: none

    return value


def _first(name: str, column: str) -> Source:
    """A site's value since the beginning, from its history `name` (None: unknown then)."""

    def value(row: dict[str, Any], look: Lookups) -> Any:
        found = look.links[name].get(row["id"], ())
        return found[0][column] if found else None

    return value


def later(row: dict[str, Any]) -> bool:
    """A version a site's own fields do not carry: dated, or a label withdrawn from the
    beginning."""
    return row["valid_from"] != BEGINNING or row.get("held") is False


def _version(value: str, *more: str) -> dict[str, Source]:
    return {
        "site": "site_id",
        **_same(*more[:1]),
        "from": "valid_from",
        **_same(value, *more[1:], "source", "recorded_at"),
    }


def _permanence(row: dict[str, Any], look: Lookups) -> str:
    return look.permanence_uid[row["permanence_id"]]


def _same(*names: str) -> dict[str, Source]:
    return {name: name for name in names}


SECTIONS: dict[str, Section] = {
    "departments": Section("department", _same("code", "name"), ("code",)),
    "operators": Section("operator", _same("code", "name"), ("code",)),
    "sites": Section(
        "site",
        {
            **_same("id", "name", "kind", "address", "address_extra", "locality", "postcode"),
            **_same("commune", "insee_code"),
            "department": "department_code",
            **_same("latitude", "longitude"),
            "parent": "parent_id",
            **_same("phone", "email"),
            "opening_hours": _first("site_hours_version", "opening_hours"),
            "staff_count": _first("site_staff_version", "staff_count"),
            "labels": _site_links("site_label_version", _label),
            "equipment": _site_links("site_equipment", lambda link: link["equipment"]),
            "operators": _site_links("site_operator", lambda link: link["operator_code"]),
            **_same("note", "source"),
            **_ILLUSTRATIVE,
        },
        ("id",),
        _NOT_ILLUSTRATIVE,
    ),
    "hours_versions": Section(
        "site_hours_version",
        _version("opening_hours"),
        ("site_id", "valid_from"),
        keep=later,
    ),
    "staff_versions": Section(
        "site_staff_version",
        _version("staff_count"),
        ("site_id", "valid_from"),
        keep=later,
    ),
    "label_versions": Section(
        "site_label_version",
        _version("held", "label", "since", "detail"),
        ("site_id", "label", "valid_from"),
        {"held": True},
        keep=later,
    ),
    "closures": Section(
        "closure",
        {
            "uid": "uid",
            "site": "site_id",
            "start": "start_date",
            "end": "end_date",
            **_same("reason", "created_at"),
        },
        ("site_id", "start_date", "end_date", "uid"),
    ),
    "agents": Section(
        "agent",
        {
            **_same("id", "name", "role"),
            "home_site": "home_site_id",
            **_same("weekly_hours", "email", "active", "note", "source"),
            **_ILLUSTRATIVE,
        },
        ("id",),
        {"active": True, **_NOT_ILLUSTRATIVE},
    ),
    "absences": Section(
        "agent_absence",
        {
            "uid": "uid",
            "agent": "agent_id",
            "start": "start_date",
            "end": "end_date",
            **_same("reason", "created_at"),
        },
        ("agent_id", "start_date", "end_date", "uid"),
    ),
    "programmes": Section(
        "programme",
        {
            **_same("code", "title", "model"),
            "department": "department_code",
            "start": "start_date",
            **_same("start_precision", "planned_end", "ended_on", "status", "funder"),
            **_same("funding_eur", "description", "source_document"),
            **_ILLUSTRATIVE,
        },
        ("code",),
        {**_NOT_ILLUSTRATIVE, "start_precision": "day"},
    ),
    "programme_changes": Section(
        "programme_change",
        {
            "uid": "uid",
            "programme": "programme_code",
            **_same("changed_on", "action", "previous_end", "new_end", "reason", "created_at"),
        },
        ("programme_code", "changed_on", "created_at", "uid"),
    ),
    "permanences": Section(
        "permanence",
        {
            "uid": "uid",
            "programme": "programme_code",
            "agent": "agent_id",
            "site": "site_id",
            "rrule": "rrule",
            "start": "start_time",
            "end": "end_time",
            **_same("valid_from", "valid_until"),
            "operators": lambda row, look: look.links["permanence_operator"].get(row["id"], []),
            "note": "note",
            **_ILLUSTRATIVE,
            "created_at": "created_at",
        },
        ("programme_code", "site_id", "valid_from", "start_time", "rrule", "uid"),
        _NOT_ILLUSTRATIVE,
    ),
    "occurrence_changes": Section(
        "permanence_exception",
        {
            "permanence": _permanence,
            "date": "occurrence_date",
            **_same("action", "new_date", "new_start", "new_end", "reason", "created_at"),
        },
        ("permanence_id", "occurrence_date"),
    ),
    "outcomes": Section(
        "permanence_outcome",
        {
            "permanence": _permanence,
            "date": "occurrence_date",
            **_same("visitors", "requests", "note", "created_at"),
        },
        ("permanence_id", "occurrence_date"),
    ),
    "revisions": Section(
        "occurrence_revision",
        {"permanence": _permanence, "date": "occurrence_date", **_same("sequence", "changed_at")},
        ("permanence_id", "occurrence_date"),
    ),
    "spaces": Section(
        "space",
        {
            "id": "id",
            "site": "site_id",
            **_same("name", "capacity", "equipment", "categories", "booking_email"),
            **_same("min_minutes", "max_minutes", "max_days_ahead"),
            **_same("max_hours_per_person_week", "cancel_cutoff_hours", "opening_hours", "note"),
            **_ILLUSTRATIVE,
        },
        ("id",),
        {**_NOT_ILLUSTRATIVE, "capacity": 1},
    ),
    "reservations": Section(
        "reservation",
        {
            "uid": "uid",
            "space": "space_id",
            "start": "start_at",
            "end": "end_at",
            **_same("person_name", "email", "category", "organisation", "status", "channel"),
            "series": "series_id",
            **_same("person_key", "created_at", "cancelled_at", "marked_at", "anonymised_at"),
        },
        ("space_id", "start_at", "end_at", "uid"),
        {"status": "confirmed", "channel": "email"},
        PERSONAL["reservations"],
    ),
    "waitlist": Section(
        "waitlist_entry",
        {
            "uid": "uid",
            "space": "space_id",
            "start": "start_at",
            "end": "end_at",
            **_same("person_name", "email", "category", "organisation", "status"),
            "offered_reservation": lambda row, look: look.reservation_uid.get(
                row["offered_reservation_id"]
            ),
            **_same("created_at", "offered_at", "anonymised_at"),
        },
        ("space_id", "start_at", "created_at", "uid"),
        {"status": "waiting"},
        PERSONAL["waitlist"],
    ),
    "mediation_sessions": Section(
        "mediation_session",
        {
            "uid": "uid",
            "site": "site_id",
            "mediator": "mediator_id",
            "programme": "programme_code",
            "date": "session_date",
            "start": "start_time",
            "duration_minutes": "duration_minutes",
            "type": "session_type",
            "participants": "participants",
            **_same("age_bands", "social_statuses", "genders", "residence_communes", "themes"),
            **_same("procedure_details", "equipment", "device_model", "autonomy", "place_type"),
            **_same("place_insee_code", "redirection", "redirection_detail", "workshop_title"),
            **_same("workshop_level", "note", "created_at"),
        },
        ("session_date", "start_time", "site_id", "mediator_id", "uid"),
        {"participants": 1, "place_type": "lieu_activite"},
    ),
    "notifications": Section(
        "notification",
        _same("topic", "digest", "kind", "recipient", "day", "status", "created_at", "sent_at"),
        ("topic", "digest"),
        {"status": "queued"},
    ),
}

# Tables no section carries, and why. A test holds SECTIONS and this to the whole schema.
NOT_EXPORTED = {
    "commune": "reference data, imported from the communes file (`import communes`)",
    "site_equipment": "carried by its site (`equipment`)",
    "site_operator": "carried by its site (`operators`)",
    "permanence_operator": "carried by its permanence (`operators`)",
}
# Columns no field carries (any table's, or one table's: `table column`), and why.
NOT_EXPORTED_COLUMNS = {
    "id": "the row number: a record is known by its id, code or uid",
    "name_key": "derived from the name when loaded",
    "commune_key": "derived from the commune when loaded",
    "site created_at": "stamped when the site is loaded",
    "site updated_at": "stamped when the site is loaded",
}
