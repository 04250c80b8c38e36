"""The controlled vocabularies of the domain (DESIGN §3): codes and their display labels.

Codes are stored and exported; labels are for people. Mediation vocabularies follow the
national *Coop de la médiation numérique* activity reports.
"""

from __future__ import annotations

from presence_postale.errors import InvalidData

# vocabulary -> ((code, French label, English label), ...), in display order.
_ENTRIES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "site_kind": (
        ("bureau_de_poste", "Bureau de poste", "Post office"),
        ("agence_postale_communale", "Agence postale communale", "Municipal postal agency"),
        (
            "agence_postale_intercommunale",
            "Agence postale intercommunale",
            "Intermunicipal postal agency",
        ),
        ("relais_poste_commercant", "Relais poste commerçant", "Retailer postal point"),
        ("mairie", "Mairie", "Town hall"),
        ("commerce", "Commerce", "Shop"),
        ("msap", "Maison de services au public", "Public service centre (MSAP)"),
        ("autre", "Autre", "Other"),
    ),
    "site_label": (
        ("france_services", "France Services", "France Services"),
        ("msap", "MSAP", "MSAP"),
    ),
    "equipment": (
        ("ilot_numerique", "Îlot numérique", "Digital kiosk"),
        ("comptoir_connecte", "Comptoir connecté", "Connected counter"),
        ("bureau_partage", "Bureau partagé", "Shared desk"),
        ("imprimante", "Imprimante", "Printer"),
        ("wifi", "Wi-Fi", "Wi-Fi"),
        ("tablettes", "Tablettes", "Tablets"),
    ),
    "site_source": (
        ("seed", "Données de départ", "Seed data"),
        ("laposte", "Open data La Poste", "La Poste open data"),
        ("manual", "Saisie manuelle", "Entered by hand"),
        ("france_services", "Open data ANCT France Services", "ANCT France Services open data"),
    ),
    "operator": (
        ("laposte", "La Poste", "La Poste"),
        ("caf", "Caisse d'allocations familiales (CAF)", "Family allowance fund (CAF)"),
        ("pole_emploi", "Pôle emploi", "Pôle emploi (employment agency)"),
        ("cnam", "Assurance maladie (CNAM)", "Health insurance (CNAM)"),
        ("cnav", "Assurance retraite (CNAV)", "Pension insurance (CNAV)"),
        ("msa", "Mutualité sociale agricole (MSA)", "Farmers' social insurance (MSA)"),
        ("interieur", "Ministère de l'Intérieur", "Ministry of the Interior"),
        ("justice", "Ministère de la Justice", "Ministry of Justice"),
        ("dgfip", "Finances publiques (DGFiP)", "Public finances (DGFiP)"),
    ),
    "agent_role": (
        ("chargee_de_clientele", "Chargée de clientèle", "Customer adviser"),
        ("facteur_services_expert", "Facteur services expert", "Expert services postman"),
        ("mediateur_numerique", "Médiateur numérique", "Digital mediator"),
        ("animateur_france_services", "Animateur France Services", "France Services host"),
    ),
    "programme_status": (
        ("planned", "Prévu", "Planned"),
        ("running", "En cours", "Running"),
        ("extended", "Prolongé", "Extended"),
        ("ended", "Terminé", "Ended"),
    ),
    "reservation_category": (
        ("soho_solo", "Indépendant ou télétravailleur", "Freelancer or remote worker"),
        ("association", "Association", "Association"),
        ("other", "Autre", "Other"),
    ),
    "reservation_status": (
        ("confirmed", "Confirmée", "Confirmed"),
        ("cancelled", "Annulée", "Cancelled"),
        ("attended", "Honorée", "Attended"),
        ("no_show", "Non honorée", "No-show"),
    ),
    "session_type": (
        ("individuel", "Accompagnement individuel", "Individual support"),
        ("collectif", "Atelier collectif", "Group workshop"),
    ),
    "theme": (
        ("diagnostic_numerique", "Diagnostic numérique", "Digital skills assessment"),
        ("prendre_en_main_du_materiel", "Prendre en main du matériel", "Using a device"),
        ("maintenance_de_materiel", "Maintenance de matériel", "Device maintenance"),
        (
            "gerer_ses_contenus_numeriques",
            "Gérer ses contenus numériques",
            "Managing digital content",
        ),
        ("navigation_sur_internet", "Navigation sur internet", "Browsing the web"),
        ("email", "E-mail", "E-mail"),
        ("bureautique", "Bureautique", "Office software"),
        ("reseaux_sociaux", "Réseaux sociaux", "Social networks"),
        ("sante", "Santé", "Health"),
        ("banque_et_achats_en_ligne", "Banque et achats en ligne", "Online banking and shopping"),
        ("entrepreneuriat", "Entrepreneuriat", "Entrepreneurship"),
        ("insertion_professionnelle", "Insertion professionnelle", "Finding work"),
        ("securite_numerique", "Sécurité numérique", "Online safety"),
        ("parentalite", "Parentalité", "Parenting"),
        ("scolarite_et_numerique", "Scolarité et numérique", "School and digital"),
        ("creer_avec_le_numerique", "Créer avec le numérique", "Creating with digital tools"),
        ("culture_numerique", "Culture numérique", "Digital culture"),
        ("intelligence_artificielle", "Intelligence artificielle", "Artificial intelligence"),
        (
            "aide_aux_demarches_administratives",
            "Aide aux démarches administratives",
            "Help with administrative procedures",
        ),
    ),
    "autonomy": (
        ("entierement_accompagne", "Entièrement accompagné", "Fully assisted"),
        ("partiellement_autonome", "Partiellement autonome", "Partly independent"),
        ("autonome", "Autonome", "Independent"),
    ),
    "age_band": (
        ("<12", "Moins de 12 ans", "Under 12"),
        ("12-17", "12-17 ans", "12-17"),
        ("18-24", "18-24 ans", "18-24"),
        ("25-39", "25-39 ans", "25-39"),
        ("40-59", "40-59 ans", "40-59"),
        ("60-69", "60-69 ans", "60-69"),
        ("70+", "70 ans et plus", "70 and over"),
        ("non_communique", "Non communiqué", "Not given"),
    ),
    "social_status": (
        ("scolarise", "Scolarisé", "In education"),
        ("sans_emploi", "Sans emploi", "Unemployed"),
        ("en_emploi", "En emploi", "Employed"),
        ("retraite", "Retraité", "Retired"),
        ("non_communique", "Non communiqué", "Not given"),
    ),
    "equipment_used": (
        ("ordinateur", "Ordinateur", "Computer"),
        ("telephone", "Téléphone", "Phone"),
        ("tablette", "Tablette", "Tablet"),
        ("autre", "Autre", "Other"),
        ("aucun", "Aucun", "None"),
    ),
}

VOCABULARIES: dict[str, tuple[str, ...]] = {
    name: tuple(code for code, _fr, _en in entries) for name, entries in _ENTRIES.items()
}
LABELS_FR: dict[str, dict[str, str]] = {
    name: {code: fr for code, fr, _en in entries} for name, entries in _ENTRIES.items()
}
LABELS_EN: dict[str, dict[str, str]] = {
    name: {code: en for code, _fr, en in entries} for name, entries in _ENTRIES.items()
}

SITE_KINDS = VOCABULARIES["site_kind"]
SITE_LABELS = VOCABULARIES["site_label"]
EQUIPMENT = VOCABULARIES["equipment"]
SITE_SOURCES = VOCABULARIES["site_source"]
OPERATORS = VOCABULARIES["operator"]
OPERATOR_NAMES = LABELS_FR["operator"]
AGENT_ROLES = VOCABULARIES["agent_role"]
PROGRAMME_STATUSES = VOCABULARIES["programme_status"]
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
    text = value.strip()
    if text in codes:
        return text
    # `Pole-Emploi`, `no show`: but not `12-17`, whose hyphen is part of the code.
    folded = text.lower().replace(" ", "_")
    for candidate in (folded, folded.replace("-", "_")):
        if candidate in codes:
            return candidate
    raise InvalidData(f"invalid {field} '{value}': expected one of {', '.join(codes)}")


def label(vocabulary_name: str, code: str, lang: str = "fr") -> str:
    """The display label of a code, or the code itself when it has none."""
    labels = LABELS_EN if lang == "en" else LABELS_FR
    return labels[vocabulary_name].get(code, code)
