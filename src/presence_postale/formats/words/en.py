"""The English catalogue (`--lang en`, `PRESENCE_POSTALE_LANG=en`): the same keys as `fr`."""

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
YES, NO, NOTHING = "yes", "no", "nothing"
AT = "{day} at {time}"

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "error: {message}",
    "error.interrupted": "interrupted; nothing was changed by the unfinished command",
    "error.aborted": "aborted",
    "error.cannot_use": "cannot use '{path}': {reason}",
    "error.cannot_use_unnamed": "cannot proceed: {reason}",
    "error.database": "database error: {reason}",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.bad_lang": "unknown language '{value}': expected one of {expected}",
    # ---- vocabularies and mediation sessions (the Coop's rules) ---------------------------
    "mediation.bad_duration": (
        "invalid {field} {value}: minutes between 1 and {most} (a working day)"
    ),
    "mediation.needs_participants": "a collective session needs {field}",
    "mediation.individual_is_one": "invalid {field} {value}: an individual session has 1",
    "mediation.bad_participants": "invalid {field} {value}: between 1 and {most}",
    "mediation.counters_sum": (
        "invalid {field}: the counts add up to {total}, not to the {participants} participants"
    ),
    "mediation.negative_count": "invalid {field} count {key}={value}: a count is negative",
    "mediation.bad_insee": (
        "invalid {field} '{value}': an INSEE commune code has 5 characters (03254, 2A004)"
    ),
    "mediation.no_theme": "invalid {field}: at least one theme (see: mediation themes)",
    "mediation.theme_twice": "invalid {field}: a theme is listed twice",
    "mediation.administrative_alone": (
        "invalid {field}: the administrative theme {theme} goes with "
        "aide_aux_demarches_administratives"
    ),
    "mediation.details_alone": "{field} goes with the theme aide_aux_demarches_administratives",
    "mediation.place_needs_commune": (
        "{field} is missing: the place {place} needs the commune's INSEE code"
    ),
    "mediation.place_is_the_site": (
        "{field} is for a session away from the site (place domicile, a_distance or autre)"
    ),
    "mediation.workshop_only": "{field} is for a collective workshop (type collectif)",
    "mediation.recorded": "recorded mediation session #{id} at {site} on {day}",
    "records.at": "{source}: line {line}: {item}: {reason}",
    # ---- output ----------------------------------------------------------------------------
    "output.binary_to_terminal": (
        "--format {fmt} writes a binary file: give --output FILE (or redirect the output)"
    ),
    "xlsx.sheet": "data",
    "xlsx.notes": "notes",
    "xlsx.section": "section",
    "mediation.report.title": "Digital mediation — {start:day} → {end:day}",
    "mediation.report.summary": "Summary",
    "mediation.report.sessions": "Sessions: {n}",
    "mediation.report.people": "People accompanied: {n}",
    "mediation.report.hours": "Hours: {n}",
    "mediation.report.seniors": "People aged 60 and over: {n} ({share}% of known ages)",
    "mediation.report.ardoiz": (
        "Ardoiz tablet: {sessions} {sessions:plural:session|sessions}, "
        "{people} {people:plural:person|people}, {hours} h"
    ),
    "mediation.report.seniors_unknown": "People aged 60 and over: {n} (ages unknown)",
    "mediation.report.by_site": "By site",
    "mediation.report.by_month": "By month",
    "mediation.report.by_type": "By type of activity",
    "mediation.report.by_place_type": "By place type",
    "mediation.report.by_theme_family": "By theme family",
    "mediation.report.by_theme": "By theme",
    "mediation.report.by_equipment": "By equipment used",
    "mediation.report.by_autonomy": "By autonomy reached",
    "mediation.report.by_redirection": "By redirection",
    "mediation.report.by_duration_band": "By length",
    "mediation.report.by_age_band": "By age band",
    "mediation.report.by_social_status": "By social status",
    "mediation.report.by_gender": "By gender",
    "mediation.report.by_commune": "By commune of residence",
    "heading.site": "site",
    "heading.name": "name",
    "heading.sessions": "sessions",
    "heading.people": "people",
    "heading.hours": "hours",
    "heading.month": "month",
    "heading.percent": "%",
    "heading.session_type": "type",
    "heading.place_type": "place type",
    "heading.theme_family": "family",
    "heading.theme": "theme",
    "heading.equipment_used": "equipment",
    "heading.autonomy": "autonomy",
    "heading.redirection": "redirection",
    "heading.duration_band": "length",
    "heading.age_band": "age band",
    "heading.social_status": "social status",
    "heading.gender": "gender",
    "heading.insee_code": "INSEE code",
    "heading.commune": "commune",
    "heading.vocabulary": "vocabulary",
    "heading.code": "code",
    "heading.label": "label",
    "heading.place_insee_code": "place's INSEE code",
    "heading.age_bands": "age bands",
    "heading.social_statuses": "social statuses",
    "heading.genders": "genders",
    "heading.residence_communes": "communes of residence",
    "heading.procedure_details": "procedure details",
    "heading.device_model": "device",
    "heading.redirection_detail": "redirection (in words)",
    "heading.workshop_title": "workshop title",
    "heading.workshop_level": "workshop level",
    "heading.note": "note",
}

# vocabulary -> code -> label, in display order (a test keeps the codes the domain's)
LABELS: dict[str, dict[str, str]] = {
    "site_kind": {
        "bureau_de_poste": "Post office",
        "agence_postale_communale": "Municipal postal agency",
        "agence_postale_intercommunale": "Intermunicipal postal agency",
        "relais_poste_commercant": "Retailer postal point",
        "mairie": "Town hall",
        "commerce": "Shop",
        "msap": "Public service centre (MSAP)",
        "autre": "Other",
    },
    "site_label": {
        "france_services": "France Services",
        "msap": "MSAP",
    },
    "equipment": {
        "ilot_numerique": "Digital kiosk",
        "comptoir_connecte": "Connected counter",
        "bureau_partage": "Shared desk",
        "imprimante": "Printer",
        "wifi": "Wi-Fi",
        "tablettes": "Tablets",
    },
    "site_source": {
        "seed": "Seed data",
        "laposte": "La Poste open data",
        "manual": "Entered by hand",
        "france_services": "ANCT France Services open data",
    },
    "operator": {
        "laposte": "La Poste",
        "caf": "Family allowance fund (CAF)",
        "pole_emploi": "Pôle emploi (employment agency)",
        "cnam": "Health insurance (CNAM)",
        "cnav": "Pension insurance (CNAV)",
        "msa": "Farmers' social insurance (MSA)",
        "interieur": "Ministry of the Interior",
        "justice": "Ministry of Justice",
        "dgfip": "Public finances (DGFiP)",
    },
    "agent_role": {
        "chargee_de_clientele": "Customer adviser",
        "facteur_services_expert": "Expert services postman",
        "mediateur_numerique": "Digital mediator",
        "animateur_france_services": "France Services host",
    },
    "programme_status": {
        "planned": "Planned",
        "running": "Running",
        "extended": "Extended",
        "ended": "Ended",
    },
    "reservation_category": {
        "soho_solo": "Freelancer or remote worker",
        "association": "Association",
        "other": "Other",
    },
    "reservation_status": {
        "confirmed": "Confirmed",
        "cancelled": "Cancelled",
        "attended": "Attended",
        "no_show": "No-show",
    },
    "session_type": {
        "individuel": "Individual support",
        "collectif": "Group workshop",
    },
    "theme": {
        "diagnostic_numerique": "Digital skills assessment",
        "prendre_en_main_du_materiel": "Using a device",
        "maintenance_de_materiel": "Device maintenance",
        "gere_ses_contenus_numeriques": "Managing digital content",
        "navigation_sur_internet": "Browsing the web",
        "email": "E-mail",
        "bureautique": "Office software",
        "reseaux_sociaux": "Social networks and communication",
        "sante": "Health",
        "banque_et_achats_en_ligne": "Online banking and shopping",
        "entrepreneuriat": "Supporting a professional",
        "insertion_professionnelle": "Finding work",
        "securite_numerique": "Online safety",
        "parentalite": "Parenting",
        "scolarite_et_numerique": "School and digital",
        "creer_avec_le_numerique": "Creating with digital tools",
        "culture_numerique": "Digital culture",
        "intelligence_artificielle": "Artificial intelligence (AI)",
        "aide_aux_demarches_administratives": "Help with administrative procedures",
        "papiers_elections_citoyennete": "Papers - Elections - Citizenship",
        "famille_scolarite": "Family - Schooling",
        "social_sante": "Social welfare - Health",
        "travail_formation": "Work - Training - Business",
        "logement": "Housing",
        "transports_mobilite": "Transport - Mobility",
        "argent_impots": "Money - Taxes",
        "justice": "Justice",
        "etrangers_europe": "Foreigners - Europe",
        "loisirs_sports_culture": "Leisure - Sport - Culture",
        "associations": "Associations",
    },
    "theme_family": {
        "numerique": "Digital skills",
        "demarches": "Administrative procedures",
    },
    "autonomy": {
        "entierement_accompagne": "Fully assisted",
        "partiellement_autonome": "Partly independent",
        "autonome": "Independent",
    },
    "age_band": {
        "moins_de_douze": "Under 12",
        "douze_dix_huit": "12-17",
        "dix_huit_vingt_quatre": "18-24",
        "vingt_cinq_trente_neuf": "25-39",
        "quarante_cinquante_neuf": "40-59",
        "soixante_soixante_neuf": "60-69",
        "soixante_dix_plus": "70 and over",
        "non_communique": "Not given",
    },
    "social_status": {
        "scolarise": "In education",
        "sans_emploi": "Unemployed",
        "en_emploi": "Employed",
        "retraite": "Retired",
        "non_communique": "Not given or mixed",
    },
    "gender": {
        "masculin": "Male",
        "feminin": "Female",
        "non_communique": "Not given",
    },
    "place_type": {
        "lieu_activite": "Place of activity",
        "domicile": "At home",
        "a_distance": "Remote",
        "autre": "Other place",
    },
    "redirection": {
        "administration": "Administration (town hall, prefecture…)",
        "mediation_numerique": "Another digital-mediation structure",
        "operateur_ou_organisme_en_charge": "Operator or body in charge of the procedure",
        "aide_sociale": "Social-support structure (social centre…)",
        "insertion_professionnelle": (
            "Employment-support structure (France Travail, mission locale, chamber of commerce…)"
        ),
        "aide_aux_demarches_administratives": (
            "Structure helping with administrative procedures (France Services…)"
        ),
        "autre": "Other",
    },
    "workshop_level": {
        "debutant": "Beginner",
        "intermediaire": "Intermediate",
        "avance": "Advanced",
    },
    "duration_band": {
        "30": "Under 30 min",
        "60": "30 min to 1 h",
        "120": "1 h to 2 h",
        "more": "2 h and more",
    },
    "equipment_used": {
        "ordinateur": "Computer",
        "telephone": "Phone",
        "tablette": "Tablet",
        "autre": "Other",
        "aucun": "No device",
    },
    "vocabulary": {
        "session_type": "Type of activity",
        "theme": "Support themes",
        "theme_administrative": "Administrative procedure themes",
        "theme_family": "Theme family",
        "place_type": "Place type",
        "age_band": "Age band",
        "social_status": "Social status",
        "gender": "Gender",
        "equipment_used": "Equipment used",
        "autonomy": "Autonomy reached",
        "redirection": "Redirection",
        "workshop_level": "Workshop level",
        "duration_band": "Length",
    },
}
