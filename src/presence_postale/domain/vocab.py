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
        "communes",
    ),
    # Who entered a version of a site's hours, staff count or label (`domain.history`).
    "version_source": (
        "manual",
        "records",
        "france_services",
        "communes",
        "migrated",
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
    # The Coop's Thematique, in its order: 19 digital themes, then the 11 administrative ones
    # (which the Coop allows only with `aide_aux_demarches_administratives`).
    "theme": (
        "diagnostic_numerique",
        "prendre_en_main_du_materiel",
        "maintenance_de_materiel",
        "gere_ses_contenus_numeriques",
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
        "papiers_elections_citoyennete",
        "famille_scolarite",
        "social_sante",
        "travail_formation",
        "logement",
        "transports_mobilite",
        "argent_impots",
        "justice",
        "etrangers_europe",
        "loisirs_sports_culture",
        "associations",
    ),
    # Themes by family: digital skills, or help with administrative procedures.
    "theme_family": (
        "numerique",
        "demarches",
    ),
    "autonomy": (
        "entierement_accompagne",
        "partiellement_autonome",
        "autonome",
    ),
    # The Coop's TrancheAge (`douze_dix_huit` is 12 to 17 years, as the Coop labels it).
    "age_band": (
        "moins_de_douze",
        "douze_dix_huit",
        "dix_huit_vingt_quatre",
        "vingt_cinq_trente_neuf",
        "quarante_cinquante_neuf",
        "soixante_soixante_neuf",
        "soixante_dix_plus",
        "non_communique",
    ),
    "social_status": (
        "scolarise",
        "sans_emploi",
        "en_emploi",
        "retraite",
        "non_communique",
    ),
    "gender": (
        "masculin",
        "feminin",
        "non_communique",
    ),
    # Where a session took place (the Coop's TypeLieu).
    "place_type": (
        "lieu_activite",
        "domicile",
        "a_distance",
        "autre",
    ),
    # Where the person was sent on to (the Coop's StructureDeRedirection).
    "redirection": (
        "administration",
        "mediation_numerique",
        "operateur_ou_organisme_en_charge",
        "aide_sociale",
        "insertion_professionnelle",
        "aide_aux_demarches_administratives",
        "autre",
    ),
    "workshop_level": (
        "debutant",
        "intermediaire",
        "avance",
    ),
    # The Coop's statistics ranges of a session's length: under 30 min, 30 min to 1 h,
    # 1 h to 2 h, 2 h and more (each from its lower bound, up to but excluding the next).
    "duration_band": (
        "30",
        "60",
        "120",
        "more",
    ),
    "equipment_used": (
        "ordinateur",
        "telephone",
        "tablette",
        "autre",
        "aucun",
    ),
    # How much of a date a source gives (« depuis le mois de mars »: month).
    "date_precision": (
        "day",
        "month",
        "year",
    ),
}

# The vocabularies the services and tests walk in their order.
SESSION_TYPES = VOCABULARIES["session_type"]
THEMES = VOCABULARIES["theme"]
AUTONOMY = VOCABULARIES["autonomy"]
AGE_BANDS = VOCABULARIES["age_band"]
SOCIAL_STATUSES = VOCABULARIES["social_status"]
GENDERS = VOCABULARIES["gender"]
PLACE_TYPES = VOCABULARIES["place_type"]
WORKSHOP_LEVELS = VOCABULARIES["workshop_level"]
DURATION_BANDS = VOCABULARIES["duration_band"]
ADMINISTRATIVE_THEMES = THEMES[THEMES.index("aide_aux_demarches_administratives") + 1 :]

# Codes of an older cut of the Coop's vocabulary, still read in records files and options.
FORMER_CODES: dict[str, dict[str, str]] = {
    "theme": {"gerer_ses_contenus_numeriques": "gere_ses_contenus_numeriques"},
    "age_band": {
        "<12": "moins_de_douze",
        "12-17": "douze_dix_huit",
        "18-24": "dix_huit_vingt_quatre",
        "25-39": "vingt_cinq_trente_neuf",
        "40-59": "quarante_cinquante_neuf",
        "60-69": "soixante_soixante_neuf",
        "70+": "soixante_dix_plus",
    },
}


def check(vocabulary_name: str, value: str, field: str) -> str:
    """The vocabulary's code for `value`; case, spaces and hyphens around words are forgiven,
    and a former code (`70+`) gives today's (`soixante_dix_plus`)."""
    codes = VOCABULARIES[vocabulary_name]
    if not isinstance(value, str):
        raise FieldError(field, Message("vocab.unknown", {"expected": list(codes)}), value)
    text = value.strip()
    if text in codes:
        return text
    former = FORMER_CODES.get(vocabulary_name, {})
    # `Pole-Emploi`, `no show`: but not `12-17`, whose hyphen is part of the code.
    folded = text.lower().replace(" ", "_")
    for candidate in (text, folded, folded.replace("-", "_")):
        if candidate in codes:
            return candidate
        if candidate in former:
            return former[candidate]
    raise FieldError(field, Message("vocab.unknown", {"expected": list(codes)}), value)
