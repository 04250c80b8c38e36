"""The national *lieux de médiation numérique* standard (LaMednum, schema v1.0.2).

Its fields in the schema's order (a validator reads columns by position), its vocabularies
(the values are the standard's own French words, not labels of ours), and the shapes it asks
for: phone numbers in E.164 with a French or overseas calling code, `|` between several values.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

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

# The standard's values.
FIXED, ROAMING = "Fixe", "Itinérant"
PROCEDURES = "Aide aux démarches administratives"
EVERYDAY = "Maîtrise des outils numériques du quotidien"
ACCESS = "Accès internet et matériel informatique"
# The sites' SIRET is in no source: the standard's placeholder for an unknown pivot.
PIVOT_UNKNOWN = "00000000000000"

# The region whose numbering an overseas department's numbers follow (metropolitan France
# and Corsica: FR). The standard's pattern accepts these calling codes.
_OVERSEAS_REGIONS = {
    "971": "GP",
    "972": "MQ",
    "973": "GF",
    "974": "RE",
    "975": "PM",
    "976": "YT",
    "977": "BL",
    "978": "MF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
}


def e164(phone: str | None, department: str | None) -> str | None:
    """`04 70 90 12 34` -> `+33470901234`; None when the number is not a valid French or
    overseas line (La Poste's national short number `3631`, a typo)."""
    if not phone:
        return None
    import phonenumbers

    region = _OVERSEAS_REGIONS.get(department or "", "FR")
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def update_day(updated_at: datetime) -> date:
    """The day, in France, a record was last changed (stored as UTC, naive on SQLite)."""
    moment = updated_at if updated_at.tzinfo else updated_at.replace(tzinfo=UTC)
    return moment.astimezone(TZ).date()


def itinerance(france_services_format: str | None) -> str:
    """`Itinérant` for the ANCT's mobile formats (`Bus_équivalent`, `Itinérante`)."""
    return ROAMING if france_services_format in ("Bus_équivalent", "Itinérante") else FIXED
