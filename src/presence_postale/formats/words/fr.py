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
    # ---- the database file: whose it is, who may write it, its state ---------------------
    "db.created": (
        "base créée : {path}, chargée avec les données de départ "
        "(--db ou PRESENCE_POSTALE_DB pour en choisir une autre)"
    ),
    "db.created_on_server": (
        "schéma créé dans {path}, chargé avec les données de départ "
        "(--db ou PRESENCE_POSTALE_DB pour en choisir une autre)"
    ),
    "db.backed_up": "sauvegardé {path} dans {target} ({pages} pages)",
    "db.not_sqlite": "base refusée : « {path} » n'est pas une base SQLite ; fichier laissé intact",
    "db.foreign_application": (
        "base refusée : « {path} » est la base SQLite d'un autre programme "
        "(application_id {id}) ; fichier laissé intact, choisir un autre --db"
    ),
    "db.foreign_tables": (
        "base refusée : « {path} » contient les tables d'un autre programme ({tables}) "
        "et pas celles de presence-postale ; rien n'a été modifié, choisir une autre base"
    ),
    "db.schema_newer": (
        "base refusée : son schéma (version « {version} ») est plus récent que cette version "
        "de presence-postale ; mettre l'outil à jour"
    ),
    "db.read_only": (
        "écriture refusée dans « {path} » : {reason} ; les commandes de lecture fonctionnent"
    ),
    "db.read_only_needs_upgrade": (
        "« {path} » demande une mise à jour de schéma que cet utilisateur ne peut pas faire : "
        "{reason} ; lancer « presence-postale db upgrade » en tant que propriétaire"
    ),
    "db.why_read_only_filesystem": "le système de fichiers est en lecture seule",
    "db.why_no_write_permission": (
        "le fichier (à {owner}) n'est pas modifiable par cet utilisateur"
    ),
    "db.why_not_owner": "le fichier appartient à {owner}, seul son propriétaire y écrit",
    "db.why_side_file": (
        "« {path} » appartient à {owner} et n'est pas modifiable "
        "(il peut être supprimé quand aucune commande ne tourne)"
    ),
    "db.why_directory": (
        "le dossier {directory} n'est pas modifiable (SQLite y crée ses fichiers -wal et -shm)"
    ),
    "db.damaged": (
        "écriture refusée : « {path} » est endommagée ({problem}) ; voir "
        "« presence-postale db check », et sauver ce qui peut l'être avec "
        "« presence-postale db backup FICHIER »"
    ),
    "db.header_page_size": "en-tête : taille de page {size} impossible",
    "db.header_format": "en-tête : octets de format incohérents",
    "db.header_size": "taille de {size} octets, pas un multiple de la page ({page_size} octets)",
    "db.header_truncated": "fichier tronqué : {pages} pages annoncées, {size} octets présents",
    "db.busy": (
        "base occupée, réessayez : « {path} » est restée verrouillée par une autre commande "
        "plus de {seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT pour attendre plus)"
    ),
    "db.busy_unnamed": (
        "base occupée, réessayez : elle est restée verrouillée par une autre commande "
        "plus de {seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT pour attendre plus)"
    ),
    "db.damage_found": (
        "base endommagée : « {path} » ({problem}) ; les écritures sont refusées jusqu'à ce "
        "que « presence-postale db check » passe ; sauver ce qui peut l'être avec "
        "« presence-postale db backup FICHIER »"
    ),
    "db.compact_blocked": (
        "effacement inachevé : une autre commande lit « {path} » depuis plus de {seconds} s, "
        "et les valeurs effacées restent dans le fichier tant qu'elle lit ; relancer "
        "la même commande quand elle aura fini"
    ),
    "file.stale_removed": ("supprimé « {path} », laissé par le processus {pid} qui ne tourne plus"),
    "file.cannot_create": "impossible de créer « {path} » : {reason}",
    "file.disk_full": "impossible d'écrire « {path} » : disque plein ; rien n'a été écrit",
    "backup.server_database": (
        "db backup ne sauvegarde que les fichiers SQLite : pour une base PostgreSQL, "
        "pg_dump --format=custom --file=FICHIER BASE"
    ),
    "backup.is_directory": "sauvegarde impossible dans « {path} » : c'est un dossier",
    "backup.no_directory": (
        "sauvegarde impossible dans « {path} » : le dossier « {directory} » n'existe pas"
    ),
    "backup.exists": (
        "sauvegarde impossible dans « {path} » : le fichier existe ; choisir un nouveau nom"
    ),
    "backup.onto_itself": "sauvegarde impossible : une base ne se sauvegarde pas sur elle-même",
    "backup.cannot_write": "sauvegarde impossible dans « {path} » : {reason}",
    "output.cannot_write": "impossible d'écrire « {path} » : {reason}",
    "output.is_directory": "impossible d'écrire « {path} » : c'est un dossier",
    "output.no_directory": (
        "impossible d'écrire « {path} » : le dossier « {directory} » n'existe pas"
    ),
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.bad_lang": "langue « {value} » inconnue : choisir parmi {expected}",
    "usage.empty_db": (
        "{option} est vide : donner le chemin ou l'URL d'une base, ou ne pas le définir "
        "pour la base par défaut"
    ),
    "usage.bad_busy_timeout": (
        "{variable}={value} : attendu un nombre de secondes entre 0 et 86400"
    ),
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
}
