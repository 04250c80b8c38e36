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
    # ---- how sure a value is: illustrative records, unknown hours ------------------------
    "marks.column": "illustratif",
    "marks.field_illustrative": "illustratif",
    "marks.field_illustrative_reason": "pourquoi illustratif",
    "marks.illustrative": "[{n}] illustratif : {reason}",
    "marks.illustrative_unexplained": "[{n}] illustratif, sans raison donnée",
    "marks.record_illustrative": "Illustratif : {reason}",
    "marks.record_illustrative_unexplained": "Illustratif, sans raison donnée.",
    "hours.unknown": "horaires inconnus",
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
        "gerer_ses_contenus_numeriques": "Gérer ses contenus numériques",
        "navigation_sur_internet": "Navigation sur internet",
        "email": "E-mail",
        "bureautique": "Bureautique",
        "reseaux_sociaux": "Réseaux sociaux",
        "sante": "Santé",
        "banque_et_achats_en_ligne": "Banque et achats en ligne",
        "entrepreneuriat": "Entrepreneuriat",
        "insertion_professionnelle": "Insertion professionnelle",
        "securite_numerique": "Sécurité numérique",
        "parentalite": "Parentalité",
        "scolarite_et_numerique": "Scolarité et numérique",
        "creer_avec_le_numerique": "Créer avec le numérique",
        "culture_numerique": "Culture numérique",
        "intelligence_artificielle": "Intelligence artificielle",
        "aide_aux_demarches_administratives": "Aide aux démarches administratives",
    },
    "autonomy": {
        "entierement_accompagne": "Entièrement accompagné",
        "partiellement_autonome": "Partiellement autonome",
        "autonome": "Autonome",
    },
    "age_band": {
        "<12": "Moins de 12 ans",
        "12-17": "12-17 ans",
        "18-24": "18-24 ans",
        "25-39": "25-39 ans",
        "40-59": "40-59 ans",
        "60-69": "60-69 ans",
        "70+": "70 ans et plus",
        "non_communique": "Non communiqué",
    },
    "social_status": {
        "scolarise": "Scolarisé",
        "sans_emploi": "Sans emploi",
        "en_emploi": "En emploi",
        "retraite": "Retraité",
        "non_communique": "Non communiqué",
    },
    "equipment_used": {
        "ordinateur": "Ordinateur",
        "telephone": "Téléphone",
        "tablette": "Tablette",
        "autre": "Autre",
        "aucun": "Aucun",
    },
    "date_precision": {
        "day": "Jour",
        "month": "Mois",
        "year": "Année",
    },
}
