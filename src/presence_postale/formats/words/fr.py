"""Le catalogue français : chaque phrase et chaque libellé que lit une personne.

Keys are grouped by area (`usage.`, `db.`, `site.` …); a test keeps this catalogue and the
English one to the same keys and the same fields in each template.
"""

DAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
YES, NO, NOTHING = "oui", "non", "rien"
AT = "{day} à {time}"

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "erreur : {message}",
    "error.interrupted": "interrompu ; la commande inachevée n'a rien changé",
    "error.aborted": "abandonné",
    "error.cannot_use": "impossible d'utiliser « {path} » : {reason}",
    "error.cannot_use_unnamed": "opération impossible : {reason}",
    "error.database": "erreur de la base de données : {reason}",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.bad_lang": "langue « {value} » inconnue : choisir parmi {expected}",
    # ---- vocabularies and mediation sessions (the Coop's rules) ---------------------------
    "mediation.bad_duration": (
        "{field} {value} invalide : entre 1 et {most} minutes (une journée de travail)"
    ),
    "mediation.needs_participants": "une séance collective demande {field}",
    "mediation.individual_is_one": (
        "{field} {value} invalide : un accompagnement individuel compte une personne"
    ),
    "mediation.bad_participants": "{field} {value} invalide : entre 1 et {most}",
    "mediation.counters_sum": (
        "{field} invalide : les effectifs font {total}, pas les {participants} participants"
    ),
    "mediation.negative_count": "{field} invalide : effectif négatif {key}={value}",
    "mediation.bad_insee": (
        "{field} « {value} » invalide : un code commune INSEE a 5 caractères (03254, 2A004)"
    ),
    "mediation.no_theme": "{field} invalide : au moins une thématique (voir : mediation themes)",
    "mediation.theme_twice": "{field} invalide : une thématique figure deux fois",
    "mediation.administrative_alone": (
        "{field} invalide : la thématique administrative {theme} va avec "
        "aide_aux_demarches_administratives"
    ),
    "mediation.details_alone": ("{field} va avec la thématique aide_aux_demarches_administratives"),
    "mediation.place_needs_commune": (
        "{field} manque : le lieu {place} demande le code INSEE de la commune"
    ),
    "mediation.place_is_the_site": (
        "{field} vaut pour une séance hors du site (lieu domicile, a_distance ou autre)"
    ),
    "mediation.workshop_only": "{field} vaut pour un atelier collectif (type collectif)",
    "mediation.recorded": "séance de médiation n° {id} enregistrée à {site} le {day}",
    "records.at": "{source} : ligne {line} : {item} : {reason}",
    # ---- output ----------------------------------------------------------------------------
    "output.binary_to_terminal": (
        "--format {fmt} écrit un fichier binaire : donner --output FICHIER (ou rediriger la sortie)"
    ),
    "xlsx.sheet": "données",
    "xlsx.notes": "notes",
    "xlsx.section": "partie",
    "mediation.report.title": "Médiation numérique — {start:day} → {end:day}",
    "mediation.report.summary": "Synthèse",
    "mediation.report.sessions": "Sessions : {n}",
    "mediation.report.people": "Personnes accompagnées : {n}",
    "mediation.report.hours": "Heures : {n}",
    "mediation.report.seniors": "Personnes de 60 ans et plus : {n} ({share} % des âges connus)",
    "mediation.report.ardoiz": (
        "Tablette Ardoiz : {sessions} {sessions:plural:session|sessions}, "
        "{people} {people:plural:personne|personnes}, {hours} h"
    ),
    "mediation.report.seniors_unknown": "Personnes de 60 ans et plus : {n} (âges inconnus)",
    "mediation.report.by_site": "Par site",
    "mediation.report.by_month": "Par mois",
    "mediation.report.by_type": "Par type d’activité",
    "mediation.report.by_place_type": "Par type de lieu",
    "mediation.report.by_theme_family": "Par famille de thématiques",
    "mediation.report.by_theme": "Par thématique",
    "mediation.report.by_equipment": "Par matériel utilisé",
    "mediation.report.by_autonomy": "Par niveau d’autonomie",
    "mediation.report.by_redirection": "Par structure de redirection",
    "mediation.report.by_duration_band": "Par durée",
    "mediation.report.by_age_band": "Par tranche d’âge",
    "mediation.report.by_social_status": "Par statut",
    "mediation.report.by_gender": "Par genre",
    "mediation.report.by_commune": "Par commune de résidence",
    "heading.site": "site",
    "heading.name": "nom",
    "heading.sessions": "sessions",
    "heading.people": "personnes",
    "heading.hours": "heures",
    "heading.month": "mois",
    "heading.percent": "%",
    "heading.session_type": "type",
    "heading.place_type": "type de lieu",
    "heading.theme_family": "famille",
    "heading.theme": "thématique",
    "heading.equipment_used": "matériel",
    "heading.autonomy": "autonomie",
    "heading.redirection": "structure de redirection",
    "heading.duration_band": "durée",
    "heading.age_band": "tranche d’âge",
    "heading.social_status": "statut",
    "heading.gender": "genre",
    "heading.insee_code": "code INSEE",
    "heading.commune": "commune",
    "heading.vocabulary": "vocabulaire",
    "heading.code": "code",
    "heading.label": "libellé",
    "heading.place_insee_code": "code INSEE du lieu",
    "heading.age_bands": "tranches d’âge",
    "heading.social_statuses": "statuts",
    "heading.genders": "genres",
    "heading.residence_communes": "communes de résidence",
    "heading.procedure_details": "précisions sur la démarche",
    "heading.device_model": "modèle",
    "heading.redirection_detail": "orientation (en clair)",
    "heading.workshop_title": "titre de l’atelier",
    "heading.workshop_level": "niveau de l’atelier",
    "heading.note": "note",
}

# vocabulary -> code -> label, in display order (a test keeps the codes the domain's)
LABELS: dict[str, dict[str, str]] = {
    "site_kind": {
        "bureau_de_poste": "Bureau de poste",
        "agence_postale_communale": "Agence postale communale",
        "agence_postale_intercommunale": "Agence postale intercommunale",
        "relais_poste_commercant": "Relais poste commerçant",
        "mairie": "Mairie",
        "commerce": "Commerce",
        "msap": "Maison de services au public",
        "autre": "Autre",
    },
    "site_label": {
        "france_services": "France Services",
        "msap": "MSAP",
    },
    "equipment": {
        "ilot_numerique": "Îlot numérique",
        "comptoir_connecte": "Comptoir connecté",
        "bureau_partage": "Bureau partagé",
        "imprimante": "Imprimante",
        "wifi": "Wi-Fi",
        "tablettes": "Tablettes",
    },
    "site_source": {
        "seed": "Données de départ",
        "laposte": "Open data La Poste",
        "manual": "Saisie manuelle",
        "france_services": "Open data ANCT France Services",
    },
    "operator": {
        "laposte": "La Poste",
        "caf": "Caisse d'allocations familiales (CAF)",
        "pole_emploi": "Pôle emploi",
        "cnam": "Assurance maladie (CNAM)",
        "cnav": "Assurance retraite (CNAV)",
        "msa": "Mutualité sociale agricole (MSA)",
        "interieur": "Ministère de l'Intérieur",
        "justice": "Ministère de la Justice",
        "dgfip": "Finances publiques (DGFiP)",
    },
    "agent_role": {
        "chargee_de_clientele": "Chargée de clientèle",
        "facteur_services_expert": "Facteur services expert",
        "mediateur_numerique": "Médiateur numérique",
        "animateur_france_services": "Animateur France Services",
    },
    "programme_status": {
        "planned": "Prévu",
        "running": "En cours",
        "extended": "Prolongé",
        "ended": "Terminé",
    },
    "reservation_category": {
        "soho_solo": "Indépendant ou télétravailleur",
        "association": "Association",
        "other": "Autre",
    },
    "reservation_status": {
        "confirmed": "Confirmée",
        "cancelled": "Annulée",
        "attended": "Honorée",
        "no_show": "Non honorée",
    },
    "session_type": {
        "individuel": "Accompagnement individuel",
        "collectif": "Atelier collectif",
    },
    "theme": {
        "diagnostic_numerique": "Diagnostic numérique",
        "prendre_en_main_du_materiel": "Prendre en main du matériel",
        "maintenance_de_materiel": "Maintenance de matériel",
        "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
        "navigation_sur_internet": "Navigation sur internet",
        "email": "E-mail",
        "bureautique": "Bureautique",
        "reseaux_sociaux": "Réseaux sociaux communication",
        "sante": "Santé",
        "banque_et_achats_en_ligne": "Banque et achats en ligne",
        "entrepreneuriat": "Accompagner un professionnel",
        "insertion_professionnelle": "Insertion professionnelle",
        "securite_numerique": "Prévention en sécurité numérique",
        "parentalite": "Parentalité",
        "scolarite_et_numerique": "Scolarité et numérique",
        "creer_avec_le_numerique": "Créer avec le numérique",
        "culture_numerique": "Culture numérique",
        "intelligence_artificielle": "Intelligence artificielle (IA)",
        "aide_aux_demarches_administratives": "Aide aux démarches administratives",
        "papiers_elections_citoyennete": "Papiers - Élections - Citoyenneté",
        "famille_scolarite": "Famille - Scolarité",
        "social_sante": "Social - Santé",
        "travail_formation": "Travail - Formation - Entreprise",
        "logement": "Logement",
        "transports_mobilite": "Transports - Mobilité",
        "argent_impots": "Argent - Impôts",
        "justice": "Justice",
        "etrangers_europe": "Étrangers - Europe",
        "loisirs_sports_culture": "Loisirs - Sports - Culture",
        "associations": "Associations",
    },
    "theme_family": {
        "numerique": "Numérique",
        "demarches": "Démarches administratives",
    },
    "autonomy": {
        "entierement_accompagne": "Entièrement accompagné",
        "partiellement_autonome": "Partiellement autonome",
        "autonome": "Autonome",
    },
    "age_band": {
        "moins_de_douze": "Moins de 12 ans",
        "douze_dix_huit": "12 - 17 ans",
        "dix_huit_vingt_quatre": "18 - 24 ans",
        "vingt_cinq_trente_neuf": "25 - 39 ans",
        "quarante_cinquante_neuf": "40 - 59 ans",
        "soixante_soixante_neuf": "60 - 69 ans",
        "soixante_dix_plus": "70 ans et plus",
        "non_communique": "Non communiqué",
    },
    "social_status": {
        "scolarise": "Scolarisé",
        "sans_emploi": "Sans emploi",
        "en_emploi": "En emploi",
        "retraite": "Retraité",
        "non_communique": "Non communiqué ou hétérogène",
    },
    "gender": {
        "masculin": "Masculin",
        "feminin": "Féminin",
        "non_communique": "Non communiqué",
    },
    "place_type": {
        "lieu_activite": "Lieu d’activité",
        "domicile": "À domicile",
        "a_distance": "À distance",
        "autre": "Autre lieu",
    },
    "redirection": {
        "administration": "Administration (mairie, préfecture…)",
        "mediation_numerique": "Autre structure de médiation numérique",
        "operateur_ou_organisme_en_charge": (
            "Opérateur ou organisme en charge de la démarche administrative"
        ),
        "aide_sociale": "Structure d’aide sociale (maison des solidarités, centre social…)",
        "insertion_professionnelle": (
            "Structure d’insertion professionnelle (France Travail, mission locale, "
            "chambre de commerce…)"
        ),
        "aide_aux_demarches_administratives": (
            "Structure d’aide aux démarches administratives (France Services…)"
        ),
        "autre": "Autre",
    },
    "workshop_level": {
        "debutant": "Débutant",
        "intermediaire": "Intermédiaire",
        "avance": "Avancé",
    },
    "duration_band": {
        "30": "Moins de 30 min",
        "60": "30min à 1 h",
        "120": "1 h à 2 h",
        "more": "2 h et plus",
    },
    "equipment_used": {
        "ordinateur": "Ordinateur",
        "telephone": "Téléphone",
        "tablette": "Tablette",
        "autre": "Autre",
        "aucun": "Pas de matériel",
    },
    "vocabulary": {
        "session_type": "Type d’activité",
        "theme": "Thématiques d’accompagnement",
        "theme_administrative": "Thématiques des démarches administratives",
        "theme_family": "Famille de thématiques",
        "place_type": "Type de lieu",
        "age_band": "Tranche d’âge",
        "social_status": "Statut",
        "gender": "Genre",
        "equipment_used": "Matériel utilisé",
        "autonomy": "Niveau d’autonomie",
        "redirection": "Structure de redirection",
        "workshop_level": "Niveau de l’atelier",
        "duration_band": "Durée",
    },
}
