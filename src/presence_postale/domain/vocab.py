"""The controlled vocabularies of the domain (DESIGN §3): their codes.

Codes are stored and exported; their labels, for people, are in `formats.words`. Mediation
vocabularies follow the national *Coop de la médiation numérique* activity reports.
"""

from __future__ import annotations

from presence_postale.domain.fields import FieldError
from presence_postale.errors import Message

# vocabulary -> codes, in display order (their labels: formats.words).
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "site_kind": (
        "bureau_de_poste",
        "agence_postale_communale",
        "agence_postale_intercommunale",
        "relais_poste_commercant",
        "mairie",
        "commerce",
        "msap",
        "autre",
    ),
    "site_label": (
        "france_services",
        "msap",
    ),
    "equipment": (
        "ilot_numerique",
        "comptoir_connecte",
        "bureau_partage",
        "imprimante",
        "wifi",
        "tablettes",
    ),
    "site_source": (
        "seed",
        "laposte",
        "manual",
        "france_services",
    ),
    "operator": (
        "laposte",
        "caf",
        "pole_emploi",
        "cnam",
        "cnav",
        "msa",
        "interieur",
        "justice",
        "dgfip",
    ),
    "agent_role": (
        "chargee_de_clientele",
        "facteur_services_expert",
        "mediateur_numerique",
        "animateur_france_services",
    ),
    "programme_status": (
        "planned",
        "running",
        "extended",
        "ended",
    ),
    "programme_model": (
        "france_services_mobilite",
        "permanence",
        "coworking",
        "mediation_numerique",
        "accompagnement_numerique_seniors",
        "msap",
        "autre",
    ),
    "reservation_category": (
        "soho_solo",
        "association",
        "other",
    ),
    "reservation_status": (
        "confirmed",
        "cancelled",
        "attended",
        "no_show",
    ),
    "booking_channel": (
        "email",
        "phone",
        "desk",
        "other",
    ),
    "session_type": (
        "individuel",
        "collectif",
    ),
    "theme": (
        "diagnostic_numerique",
        "prendre_en_main_du_materiel",
        "maintenance_de_materiel",
        "gerer_ses_contenus_numeriques",
        "navigation_sur_internet",
        "email",
        "bureautique",
        "reseaux_sociaux",
        "sante",
        "banque_et_achats_en_ligne",
        "entrepreneuriat",
        "insertion_professionnelle",
        "securite_numerique",
        "parentalite",
        "scolarite_et_numerique",
        "creer_avec_le_numerique",
        "culture_numerique",
        "intelligence_artificielle",
        "aide_aux_demarches_administratives",
    ),
    "autonomy": (
        "entierement_accompagne",
        "partiellement_autonome",
        "autonome",
    ),
    "age_band": (
        "<12",
        "12-17",
        "18-24",
        "25-39",
        "40-59",
        "60-69",
        "70+",
        "non_communique",
    ),
    "social_status": (
        "scolarise",
        "sans_emploi",
        "en_emploi",
        "retraite",
        "non_communique",
    ),
    "equipment_used": (
        "ordinateur",
        "telephone",
        "tablette",
        "autre",
        "aucun",
    ),
}

SITE_KINDS = VOCABULARIES["site_kind"]
SITE_LABELS = VOCABULARIES["site_label"]
EQUIPMENT = VOCABULARIES["equipment"]
SITE_SOURCES = VOCABULARIES["site_source"]
OPERATORS = VOCABULARIES["operator"]
AGENT_ROLES = VOCABULARIES["agent_role"]
PROGRAMME_STATUSES = VOCABULARIES["programme_status"]
PROGRAMME_MODELS = VOCABULARIES["programme_model"]
BOOKING_CHANNELS = VOCABULARIES["booking_channel"]
RESERVATION_CATEGORIES = VOCABULARIES["reservation_category"]
RESERVATION_STATUSES = VOCABULARIES["reservation_status"]
SESSION_TYPES = VOCABULARIES["session_type"]
THEMES = VOCABULARIES["theme"]
AUTONOMY = VOCABULARIES["autonomy"]
AGE_BANDS = VOCABULARIES["age_band"]
SOCIAL_STATUSES = VOCABULARIES["social_status"]
EQUIPMENT_USED = VOCABULARIES["equipment_used"]


def check(vocabulary_name: str, value: str, field: str) -> str:
    """The vocabulary's code for `value`; case, spaces and hyphens around words are forgiven."""
    codes = VOCABULARIES[vocabulary_name]
    if not isinstance(value, str):
        raise FieldError(field, Message("vocab.unknown", {"expected": list(codes)}), value)
    text = value.strip()
    if text in codes:
        return text
    # `Pole-Emploi`, `no show`: but not `12-17`, whose hyphen is part of the code.
    folded = text.lower().replace(" ", "_")
    for candidate in (folded, folded.replace("-", "_")):
        if candidate in codes:
            return candidate
    raise FieldError(field, Message("vocab.unknown", {"expected": list(codes)}), value)
