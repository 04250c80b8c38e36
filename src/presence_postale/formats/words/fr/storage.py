"""Les phrases de la base et de ses fichiers (occupée, sauvegarde, purge), des absences,
des annulations, des flux et des courriels."""

MESSAGES: dict[str, str] = {
    "db.created_on_server": (
        "schéma créé dans {path}, chargé avec les données de départ "
        "(--db ou PRESENCE_POSTALE_DB pour en choisir une autre)"
    ),
    "db.foreign_application": (
        "base refusée : « {path} » est la base SQLite d'un autre programme "
        "(application_id {id}) ; fichier laissé intact, choisir un autre --db"
    ),
    "db.foreign_tables": (
        "base refusée : « {path} » contient les tables d'un autre programme ({tables}) "
        "et pas celles de presence-postale ; rien n'a été modifié, choisir une autre base"
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
    "db.sqlite_corrupt": "SQLite y trouve des pages incohérentes",
    "db.sqlite_not_a_database": "SQLite n'y reconnaît pas une base",
    "db.sqlite_says": "SQLite signale « {detail} »",
    "db.check_schema_version": "schéma en version {current}, {expected} attendue",
    "db.check_table_missing": "la table {table} manque",
    "db.check_not_validated": "la contrainte {name} ({kind}) n'est pas validée",
    "db.check_trigger_disabled": "le déclencheur de clé étrangère {name} de {table} est désactivé",
    "db.check_orphan": "{table}, ligne {row} : renvoie à une ligne absente de {parent}",
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
        "db backup ne sauvegarde que les fichiers SQLite : sauvegarder une base PostgreSQL "
        "avec pg_dump (pg_dump --format=custom --file=FICHIER BASE)"
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
    "output.is_database": (
        "impossible d'écrire « {path} » : c'est la base de données ; choisir un autre fichier"
    ),
    "output.beside_database": (
        "impossible d'écrire « {path} » : SQLite tient ce fichier à côté de la base de "
        "données « {database} » ; choisir un autre fichier"
    ),
    "output.is_input": (
        "impossible d'écrire « {path} » : c'est « {source} », que la commande lit ou crée, "
        "et la sortie le remplacerait ; choisir un autre fichier"
    ),
    "output.stdout_closed": "la sortie standard est fermée : rien n'a pu y être écrit",
    "output.no_reader": (
        "impossible d'écrire « {path} » : c'est un tube nommé que personne ne lit ; lancer "
        "d'abord le programme qui le lit, ou choisir un fichier"
    ),
    "output.no_directory": (
        "impossible d'écrire « {path} » : le dossier « {directory} » n'existe pas"
    ),
    "usage.empty_db": (
        "{option} est vide : donner le chemin ou l'URL d'une base, ou ne pas le définir "
        "pour la base par défaut"
    ),
    "usage.bad_busy_timeout": (
        "{variable}={value} : attendu un nombre de secondes entre 0 et 86400"
    ),
    "weekly.count_absent": "{n} {n:plural:sautée|sautées} pour une absence",
    "calendar.absent": "Annulée : agent absent",
    "calendar.absent_why": "Annulée : agent absent ({reason})",
    "calendar.alarm": "Permanence à {site}",
    "calendar.booking": "Réservation : {space}",
    "absence.too_long": (
        "absence invalide du {start:short} au {end:short} : {maximum} jours au plus"
    ),
    "absence.overlaps": (
        "une absence de {agent} couvre déjà du {start:short} au {end:short} : la retirer "
        "d'abord (agents absent … --undo)"
    ),
    "absence.over_logged": (
        "absence refusée : la permanence n° {permanence} du {date:day} à {site} a un bilan "
        "saisi ({agent} y était)"
    ),
    "absence.over_session": (
        "absence refusée : la session de médiation n° {session} du {date:day} est enregistrée "
        "pour {agent}"
    ),
    "absence.not_found": (
        "aucune absence de {agent} du {start:short} au {end:short} (voir : presence-postale "
        "agents absences)"
    ),
    "absence.occurrence_skipped": (
        "la permanence n° {permanence} n'a pas eu lieu le {date:day} : l'absence de {agent} du "
        "{start:short} au {end:short} la couvre"
    ),
    "absence.recorded": (
        "absence de {agent} enregistrée du {start:day} au {end:day} : {n} {n:plural:occurrence "
        "sautée|occurrences sautées}"
    ),
    "absence.removed": (
        "absence de {agent} du {start:day} au {end:day} retirée : {n} {n:plural:occurrence "
        "rétablie|occurrences rétablies}"
    ),
    "usage.date_or_range": "donner --date, ou --from et --to",
    "cancel.range_logged": (
        "annulation refusée : l'occurrence du {date:day} de la permanence n° {permanence} a un "
        "bilan saisi"
    ),
    "cancel.range_done": (
        "permanence n° {permanence} : {n} {n:plural:occurrence annulée|occurrences annulées} du "
        "{start:day} au {end:day}"
    ),
    "cancel.range_left": (
        "{n} {n:plural:autre laissée telle quelle|autres laissées telles quelles} (déjà "
        "annulées ou déplacées, fériés, site fermé)"
    ),
    "cancel.nothing_to_undo": (
        "aucune occurrence annulée de la permanence n° {permanence} du {start:day} au {end:day}"
    ),
    "cancel.range_restored": (
        "permanence n° {permanence} : {n} {n:plural:occurrence rétablie|occurrences rétablies} "
        "du {start:day} au {end:day}"
    ),
    "duration.invalid": (
        "{option} « {value} » invalide : une durée comme 15m, 1h ou 1d (quatre semaines au plus)"
    ),
    "feeds.name_agent": "Permanences de {name}",
    "feeds.name_site": "Permanences à {name}",
    "feeds.name_programme": "Permanences — {name}",
    "feeds.written": (
        "{written} {written:plural:calendrier écrit|calendriers écrits}, {unchanged} "
        "{unchanged:plural:inchangé|inchangés} dans {path}"
    ),
    "feeds.not_a_directory": (
        "impossible d'écrire les calendriers dans « {path} » : ce n'est pas un répertoire"
    ),
    "feeds.no_parent": (
        "impossible d'écrire les calendriers dans « {path} » : le répertoire « {parent} » "
        "n'existe pas"
    ),
    "feeds.not_writable": "impossible d'écrire les calendriers dans « {path} » : {reason}",
    "notify.bad_date": "--day « {value} » invalide : {reason}",
    "notify.bad_day": "--day « {value} » invalide : une date (2021-04-27), today ou tomorrow",
    "notify.who_agent": "l'agent {agent}",
    "notify.who_site": "le site {site} ({name})",
    "notify.who_booking": "la réservation n° {reservation}",
    "notify.who_waitlist": "l'inscription n° {entry} en liste d'attente",
    "notify.no_address": "avertissement : pas d'adresse e-mail pour {who} : rien ne lui est envoyé",
    "notify.bad_address": (
        "l'adresse e-mail de {who} n'est pas une adresse valide ; corriger la fiche : rien n'a "
        "été envoyé"
    ),
    "notify.no_smtp": (
        "aucun serveur d'envoi configuré : définir PRESENCE_POSTALE_SMTP_HOST (ou [smtp] host "
        "dans {path}), ou utiliser --dry-run ; rien n'a été envoyé"
    ),
    "notify.refused": "avertissement : le serveur a refusé le message pour {who} : {reason}",
    "notify.summary": (
        "{day:day} : {sent} {sent:plural:message envoyé|messages envoyés}, {already} déjà "
        "{already:plural:envoyé|envoyés} auparavant"
    ),
    "notify.dry_run_summary": (
        "{day:day} : {n} {n:plural:message serait envoyé|messages seraient envoyés} ; --dry-run "
        ": rien n'est envoyé ni enregistré"
    ),
    "notify.some_refused": (
        "{n} {n:plural:message refusé|messages refusés} par le serveur ; {sent} "
        "{sent:plural:envoyé|envoyés}"
    ),
    "smtp.bad_config": "fichier de réglages « {path} » illisible : {reason}",
    "init.would_replace": (
        "init ne remplace pas ce que la base contient : {count:number} "
        "{count:plural:enregistrement diffère|enregistrements diffèrent} de « {source} » "
        "({sections}) ; rien n'a été chargé (« presence-postale import records {source} » "
        "les remplacerait)"
    ),
    "smtp.not_toml": "ce n'est pas du TOML",
    "smtp.not_toml_at": "ce n'est pas du TOML (ligne {line}, colonne {column})",
    "smtp.not_a_table": "[smtp] doit être une table (smtp.host = …, ou une section [smtp])",
    "smtp.config_exposed": (
        "le fichier de réglages « {path} » contient un mot de passe et d'autres peuvent le lire "
        ": chmod 600 {path}"
    ),
    "smtp.bad_setting": "réglage SMTP {name} « {value} » invalide : attendu {expected}",
    "smtp.bad_sender": (
        "adresse d'expédition « {value} » invalide : définir PRESENCE_POSTALE_SMTP_SENDER (ou "
        "[smtp] sender), comme presence@exemple.fr"
    ),
    "smtp.no_answer": "le serveur n'a pas répondu en {seconds:number} s",
    "smtp.closed": "le serveur a fermé la connexion",
    "smtp.no_starttls": (
        "le serveur ne propose pas STARTTLS ; régler PRESENCE_POSTALE_SMTP_SECURITY (ssl, ou "
        "none sur un réseau de confiance)"
    ),
    "smtp.not_smtp": "ce qui répond n'est pas un serveur SMTP (vérifier l'hôte et le port)",
    "smtp.unreachable": "serveur d'envoi {where} inutilisable : {reason} ; rien n'a été envoyé",
    "smtp.login_refused": (
        "le serveur d'envoi {where} refuse l'identification de {user} : {reason} ; rien n'a été "
        "envoyé"
    ),
    "smtp.lost": (
        "connexion au serveur d'envoi {where} perdue : {reason} ; les messages non envoyés "
        "partiront au prochain passage"
    ),
    "mail.update": "Mise à jour : {subject}",
    "mail.greeting": "Bonjour,",
    "mail.greeting_name": "Bonjour {name},",
    "mail.signature": (
        "Message automatique de presence-postale, l'outil de présence territoriale de La Poste."
    ),
    "mail.agent_subject": "Vos permanences du {day:day}",
    "mail.agent_intro": "Voici vos permanences du {day:day} :",
    "mail.host_subject": "Permanences accueillies le {day:day} — {site}",
    "mail.host_intro": "Voici les permanences prévues le {day:day} dans vos locaux ({site}) :",
    "mail.visit": "{start}-{end} — {site}",
    "mail.hosted": "{start}-{end} — {programme}",
    "mail.address": "Adresse : {address}",
    "mail.no_address": "Adresse : non renseignée",
    "mail.hours": "Horaires du site ce jour-là : {hours}",
    "mail.hours_unknown": "Horaires du site : non renseignés",
    "mail.closed": "Le site est fermé ce jour-là",
    "mail.closed_why": "Le site est fermé ce jour-là ({reason})",
    "mail.cancelled": "ANNULÉE",
    "mail.cancelled_why": "ANNULÉE ({reason})",
    "mail.absent": "ANNULÉE (agent absent)",
    "mail.moved_away": "DÉPLACÉE au {day:day}, {start}-{end}",
    "mail.moved_away_why": "DÉPLACÉE au {day:day}, {start}-{end} ({reason})",
    "mail.moved_here": "déplacée ici depuis le {day:day}",
    "mail.moved_here_why": "déplacée ici depuis le {day:day} ({reason})",
    "mail.programme": "Programme : {programme}",
    "mail.operators": "Opérateurs : {operators}",
    "mail.held_by": "Tenue par : {agent}",
    "mail.attached": (
        "Le fichier joint ({name}) ajoute ces permanences à votre agenda, ou les y met à jour."
    ),
    "mail.attached_booking": (
        "Le fichier joint ({name}) l'ajoute à votre agenda, ou l'y met à jour."
    ),
    "mail.booking_reminder_subject": "Rappel : votre réservation du {day:day} — {space}",
    "mail.booking_confirmed_subject": "Réservation confirmée : {space}, {day:day}",
    "mail.booking_cancelled_subject": "Réservation annulée : {space}, {day:day}",
    "mail.waitlist_offered_subject": "Une place s'est libérée : {space}, {day:day}",
    "mail.booking_reminder_intro": "Nous vous rappelons votre réservation :",
    "mail.booking_confirmed_intro": "Votre réservation est enregistrée :",
    "mail.booking_cancelled_intro": "Votre réservation est annulée :",
    "mail.waitlist_offered_intro": "Une place s'est libérée sur le créneau que vous attendiez :",
    "mail.booking": "{space} — {day:day}, {start}-{end}",
    "mail.booking_place": "Lieu : {place}",
    "mail.booking_number": "Réservation n° {reservation}",
    "mail.booking_contact": "Pour la modifier ou l'annuler, écrivez à {contact}.",
    "mail.booking_cancelled_next": "Pour réserver un autre créneau, écrivez à {contact}.",
    "mail.waitlist_offered_next": "Pour la réserver, répondez à {contact}.",
    "mail.waitlist_offered_desk": "Pour la réserver, adressez-vous au bureau de poste.",
    "mail.preview": "===== message {number}/{total} : {who} =====",
    "mail.preview_from": "De : {sender}",
    "mail.preview_to": "À : {address}",
    "mail.preview_subject": "Objet : {subject}",
    "mail.preview_attachment": "Pièce jointe : {name}",
    # Les erreurs du système, dites par leur nom (errno) : `errors.os_reason`.
    "os.no_such_file": "aucun fichier ou dossier de ce nom",
    "os.permission_denied": "permission refusée",
    "os.not_permitted": "opération non permise",
    "os.read_only_filesystem": "système de fichiers en lecture seule",
    "os.disk_full": "plus de place sur le disque",
    "os.quota_exceeded": "quota de disque dépassé",
    "os.file_too_large": "fichier trop gros",
    "os.is_directory": "c'est un dossier",
    "os.not_directory": "un élément du chemin n'est pas un dossier",
    "os.exists": "le fichier existe déjà",
    "os.not_empty": "le dossier n'est pas vide",
    "os.link_loop": "trop de liens symboliques à suivre",
    "os.name_too_long": "nom de fichier trop long",
    "os.input_output": "erreur d'entrée-sortie (disque ou réseau)",
    "os.too_many_open": "trop de fichiers ouverts",
    "os.too_many_open_system": "trop de fichiers ouverts sur le système",
    "os.busy": "ressource occupée",
    "os.file_busy": "fichier occupé",
    "os.no_device_address": "aucun périphérique à cette adresse",
    "os.no_device": "aucun périphérique de ce type",
    "os.invalid_argument": "argument invalide",
    "os.stale": "fichier réseau périmé",
    "os.unavailable": "ressource momentanément indisponible",
    "os.connection_refused": "connexion refusée",
    "os.connection_reset": "connexion interrompue par l'autre côté",
    "os.timed_out": "délai de connexion dépassé",
    "os.host_unreachable": "hôte injoignable",
    "os.network_unreachable": "réseau injoignable",
}
