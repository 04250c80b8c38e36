"""The national *lieux de médiation numérique* standard (LaMednum, schema v1.0.2).

Its fields in the schema's order (a validator reads columns by position), its vocabularies
(the values are the standard's own French words, not labels of ours), and the shapes it asks
for: phone numbers in E.164 with a French or overseas calling code, `|` between several values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from presence_postale.domain import fields
from presence_postale.domain.calendar import TZ

# The schema's fields, in its order.
FIELDS = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente",
    "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
    "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
    "autres_formations_labels", "modalites_acces", "modalites_accompagnement",
    "fiche_acces_libre", "prise_rdv",
)  # fmt: skip

# The fields the schema requires (a row without one of them fails its validation), and the
# shape it asks of the postcode.
REQUIRED = ("id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj")
_POSTCODE = re.compile(r"[0-9]{5}")

# The standard's values.
FIXED, ROAMING = "Fixe", "Itinérant"
PROCEDURES = "Aide aux démarches administratives"
EVERYDAY = "Maîtrise des outils numériques du quotidien"
ACCESS = "Accès internet et matériel informatique"
# The sites' SIRET is in no source: the standard's placeholder for an unknown pivot.
PIVOT_UNKNOWN = "00000000000000"


def e164(phone: str | None, department: str | None) -> str | None:
    """`04 70 90 12 34` -> `+33470901234`; None when the number is not a valid French or
    overseas line (La Poste's national short number `3631`, a typo): the domain's rule."""
    return fields.e164(phone, department)


def update_day(updated_at: datetime) -> date:
    """The day, in France, a record was last changed (stored as UTC, naive on SQLite)."""
    moment = updated_at if updated_at.tzinfo else updated_at.replace(tzinfo=UTC)
    return moment.astimezone(TZ).date()


def itinerance(france_services_format: str | None) -> str:
    """`Itinérant` for the ANCT's mobile formats (`Bus_équivalent`, `Itinérante`)."""
    return ROAMING if france_services_format in ("Bus_équivalent", "Itinérante") else FIXED


def publishable(rows: Iterable[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], list[str]]:
    """The rows the standard accepts, and the ids of those it would refuse: a site entered
    without an address, a commune or a five-digit postcode (`sites add` asks for none)."""
    kept: list[Mapping[str, Any]] = []
    left_out: list[str] = []
    for row in rows:
        complete = all(row.get(name) not in (None, "") for name in REQUIRED)
        if complete and _POSTCODE.fullmatch(str(row["code_postal"])):
            kept.append(row)
        else:
            left_out.append(str(row["id"]))
    return kept, left_out
