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
    # ---- the database file: whose it is, who may write it, its state ---------------------
    "db.created": (
        "created database {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another file)"
    ),
    "db.created_on_server": (
        "created the schema in {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another database)"
    ),
    "db.backed_up": "backed up {path} to {target} ({pages} pages)",
    "db.not_sqlite": "cannot use database '{path}': it is not a SQLite database; left unchanged",
    "db.foreign_application": (
        "cannot use database '{path}': it is another program's SQLite database "
        "(application_id {id}); left unchanged, choose another --db"
    ),
    "db.foreign_tables": (
        "cannot use database '{path}': it holds another program's tables ({tables}) "
        "and not presence-postale's; nothing was changed, choose another database"
    ),
    "db.schema_newer": (
        "database schema version '{version}' is newer than this version of "
        "presence-postale: upgrade the tool"
    ),
    "db.read_only": "cannot write to '{path}': {reason}; read commands work",
    "db.read_only_needs_upgrade": (
        "'{path}' needs a schema upgrade this user cannot make: {reason}; "
        "run 'presence-postale db upgrade' as its owner"
    ),
    "db.why_read_only_filesystem": "the file system is read-only",
    "db.why_no_write_permission": "the file (owned by {owner}) is not writable by this user",
    "db.why_not_owner": "the file belongs to {owner}, and only its owner writes to it",
    "db.why_side_file": (
        "'{path}' belongs to {owner} and is not writable "
        "(it may be deleted when no command is running)"
    ),
    "db.why_directory": (
        "directory {directory} is not writable (SQLite makes its -wal and -shm files there)"
    ),
    "db.damaged": (
        "cannot write to '{path}': it is damaged ({problem}); see "
        "'presence-postale db check', and save what can be saved with "
        "'presence-postale db backup FILE'"
    ),
    "db.header_page_size": "header: impossible page size {size}",
    "db.header_format": "header: inconsistent format bytes",
    "db.header_size": "size of {size} bytes, not a multiple of the page ({page_size} bytes)",
    "db.header_truncated": "truncated file: {pages} pages announced, {size} bytes present",
    "db.busy": (
        "database busy, try again: '{path}' stayed locked by another command for more than "
        "{seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT to wait longer)"
    ),
    "db.busy_unnamed": (
        "database busy, try again: it stayed locked by another command for more than "
        "{seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT to wait longer)"
    ),
    "db.damage_found": (
        "database damaged: '{path}' ({problem}); writes are refused until "
        "'presence-postale db check' passes; save what can be saved with "
        "'presence-postale db backup FILE'"
    ),
    "db.compact_blocked": (
        "erasure unfinished: another command has been reading '{path}' for more than "
        "{seconds} s, and the erased values stay in the file while it reads; run the same "
        "command again once it is done"
    ),
    "file.stale_removed": "removed '{path}', left by process {pid} which no longer runs",
    "file.cannot_create": "cannot create '{path}': {reason}",
    "file.disk_full": "cannot write '{path}': the disk is full; nothing was written",
    "backup.server_database": (
        "db backup works on SQLite files only: back up a PostgreSQL database with pg_dump "
        "(pg_dump --format=custom --file=FILE DBNAME)"
    ),
    "backup.is_directory": "cannot write backup '{path}': it is a directory",
    "backup.no_directory": ("cannot write backup '{path}': directory '{directory}' does not exist"),
    "backup.exists": "cannot write backup '{path}': the file exists; choose a new name",
    "backup.onto_itself": "cannot back up a database onto itself",
    "backup.cannot_write": "cannot write backup '{path}': {reason}",
    "output.cannot_write": "cannot write output '{path}': {reason}",
    "output.is_directory": "cannot write output '{path}': it is a directory",
    "output.no_directory": "cannot write output '{path}': directory '{directory}' does not exist",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.bad_lang": "unknown language '{value}': expected one of {expected}",
    "usage.empty_db": (
        "{option} is empty: give a database path or URL, or leave it unset for the default database"
    ),
    "usage.bad_busy_timeout": "{variable}={value}: expected a number of seconds from 0 to 86400",
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
        "gerer_ses_contenus_numeriques": "Managing digital content",
        "navigation_sur_internet": "Browsing the web",
        "email": "E-mail",
        "bureautique": "Office software",
        "reseaux_sociaux": "Social networks",
        "sante": "Health",
        "banque_et_achats_en_ligne": "Online banking and shopping",
        "entrepreneuriat": "Entrepreneurship",
        "insertion_professionnelle": "Finding work",
        "securite_numerique": "Online safety",
        "parentalite": "Parenting",
        "scolarite_et_numerique": "School and digital",
        "creer_avec_le_numerique": "Creating with digital tools",
        "culture_numerique": "Digital culture",
        "intelligence_artificielle": "Artificial intelligence",
        "aide_aux_demarches_administratives": "Help with administrative procedures",
    },
    "autonomy": {
        "entierement_accompagne": "Fully assisted",
        "partiellement_autonome": "Partly independent",
        "autonome": "Independent",
    },
    "age_band": {
        "<12": "Under 12",
        "12-17": "12-17",
        "18-24": "18-24",
        "25-39": "25-39",
        "40-59": "40-59",
        "60-69": "60-69",
        "70+": "70 and over",
        "non_communique": "Not given",
    },
    "social_status": {
        "scolarise": "In education",
        "sans_emploi": "Unemployed",
        "en_emploi": "Employed",
        "retraite": "Retired",
        "non_communique": "Not given",
    },
    "equipment_used": {
        "ordinateur": "Computer",
        "telephone": "Phone",
        "tablette": "Tablet",
        "autre": "Other",
        "aucun": "None",
    },
}
