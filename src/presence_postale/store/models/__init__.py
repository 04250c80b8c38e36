"""The tables: the whole domain model of DESIGN §3.

Dates and times are local wall-clock values in Europe/Paris (the only time zone the tool
serves); instants that record *when something was done* (`created_at`, `cancelled_at`) are UTC.
Vocabularies (kinds, statuses, themes) are checked by the services against `domain.vocab`
rather than by CHECK constraints, so that a new value never needs a table rebuild. Lists that
are only ever read whole (a space's equipment, a session's themes) are JSON columns; lists
that are queried (a site's labels, equipment, operators) are link tables.

The tables are defined in parts, one module per part of the domain, and a part is loaded the
first time one of its tables is asked for: `models.Site` loads `places`, and `sites list`
defines 7 tables rather than 18. Defining a table costs SQLModel a few milliseconds, and
defining all of them used to be most of what a read command adds to its libraries' import.
A part first loads the parts its foreign keys point to. `metadata()` loads them all, for
whatever needs the whole schema (migrations, checks, copies).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import MetaData

    from presence_postale.store.models.agents import Agent as Agent
    from presence_postale.store.models.agents import AgentAbsence as AgentAbsence
    from presence_postale.store.models.communes import Commune as Commune
    from presence_postale.store.models.coworking import Reservation as Reservation
    from presence_postale.store.models.coworking import Space as Space
    from presence_postale.store.models.coworking import WaitlistEntry as WaitlistEntry
    from presence_postale.store.models.mediation import MediationSession as MediationSession
    from presence_postale.store.models.notifications import Notification as Notification
    from presence_postale.store.models.permanences import (
        OccurrenceRevision as OccurrenceRevision,
    )
    from presence_postale.store.models.permanences import Permanence as Permanence
    from presence_postale.store.models.permanences import (
        PermanenceException as PermanenceException,
    )
    from presence_postale.store.models.permanences import (
        PermanenceOperator as PermanenceOperator,
    )
    from presence_postale.store.models.permanences import PermanenceOutcome as PermanenceOutcome
    from presence_postale.store.models.places import Closure as Closure
    from presence_postale.store.models.places import Department as Department
    from presence_postale.store.models.places import Operator as Operator
    from presence_postale.store.models.places import Site as Site
    from presence_postale.store.models.places import SiteEquipment as SiteEquipment
    from presence_postale.store.models.places import SiteHoursVersion as SiteHoursVersion
    from presence_postale.store.models.places import SiteLabelVersion as SiteLabelVersion
    from presence_postale.store.models.places import SiteOperator as SiteOperator
    from presence_postale.store.models.places import SiteStaffVersion as SiteStaffVersion
    from presence_postale.store.models.programmes import Programme as Programme
    from presence_postale.store.models.programmes import ProgrammeChange as ProgrammeChange

# Each table's part. A test keeps this equal to what the parts define, and to the imports above.
PARTS = {
    "places": (
        "Department",
        "Operator",
        "Site",
        "SiteHoursVersion",
        "SiteStaffVersion",
        "SiteLabelVersion",
        "SiteEquipment",
        "SiteOperator",
        "Closure",
    ),
    "agents": ("Agent", "AgentAbsence"),
    "programmes": ("Programme", "ProgrammeChange"),
    "permanences": (
        "Permanence",
        "PermanenceOperator",
        "PermanenceException",
        "PermanenceOutcome",
        "OccurrenceRevision",
    ),
    "coworking": ("Space", "Reservation", "WaitlistEntry"),
    "mediation": ("MediationSession",),
    "notifications": ("Notification",),
    "communes": ("Commune",),
}
_PART_OF = {table: part for part, tables in PARTS.items() for table in tables}


def __getattr__(name: str) -> Any:
    part = _PART_OF.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    table = getattr(import_module(f"{__name__}.{part}"), name)
    globals()[name] = table  # found directly from now on
    return table


def __dir__() -> list[str]:
    return sorted({*globals(), *_PART_OF})


def metadata() -> MetaData:
    """Every table of the schema, all parts loaded."""
    from sqlmodel import SQLModel

    for part in PARTS:
        import_module(f"{__name__}.{part}")
    return SQLModel.metadata
