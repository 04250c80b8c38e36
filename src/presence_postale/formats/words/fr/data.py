"""data"""

MESSAGES: dict[str, str] = {
    # ---- the database ------------------------------------------------------------------------
    "db.exists": "la base de données « {database} » existe déjà",
    "db.not_sqlite": "base refusée : « {path} » n'est pas une base SQLite ; fichier laissé intact",
    "db.is_directory": "impossible d'utiliser la base « {path} » : c'est un répertoire",
    "db.side_file_name": (
        "impossible d'utiliser la base « {path} » : SQLite donne ce nom à un fichier qu'il tient "
        "à côté de la base « {base} » et l'effacerait en l'ouvrant ; choisir un autre nom"
    ),
    "db.no_directory": (
        "impossible d'utiliser la base « {path} » : le répertoire « {directory} » n'existe pas"
    ),
    "db.bad_scheme": (
        "impossible d'utiliser l'URL de base « {scheme}://… » : donner un fichier SQLite ou une "
        "URL postgresql+psycopg://utilisateur@hôte/base"
    ),
    "db.no_database_name": (
        "impossible d'utiliser l'URL de base « {url} » : elle ne nomme aucune base "
        "(postgresql+psycopg://utilisateur@hôte/base)"
    ),
    "db.schema_newer": (
        "base refusée : son schéma (version « {version} ») est plus récent que cette version "
        "de presence-postale ; mettre l'outil à jour"
    ),
    "db.migration_breaks": (
        "la migration casserait {count} {count:plural:référence|références} ; rien n'a changé"
    ),
    "file.cannot_write": "impossible d'écrire « {path} » : {reason}",
    "file.not_regular": (
        "ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket)"
    ),
    "file.is_directory": "c'est un répertoire",
    "file.no_directory": "le répertoire « {directory} » n'existe pas",
    "file.exists": "le fichier existe ; choisir un nouveau nom",
    # ---- db copy -----------------------------------------------------------------------------
    "copy.onto_itself": "impossible de copier une base sur elle-même",
    "copy.source_not_current": (
        "le schéma de la source est à la version « {version} », et non « {head} »"
    ),
    "copy.target_not_empty": (
        "impossible de copier dans {target} : elle a déjà {count} {count:plural:table|tables} de "
        "presence-postale ({tables}) ; la cible doit être une base vide"
    ),
    "copy.target_appeared": (
        "impossible de copier dans « {target} » : le fichier est apparu entre-temps"
    ),
    "copy.uncomparable": "impossible de comparer une valeur de type {kind}",
    # ---- files ---------------------------------------------------------------------------------
    "file.cannot_read": "impossible de lire « {path} » : {reason}",
    "file.no_such_file": "fichier introuvable",
    "file.not_utf8": (
        "ligne {line} : ce n'est pas de l'UTF-8 (octet {byte}) ; l'enregistrer en UTF-8"
    ),
    "file.utf16": (
        "le texte est en UTF-16 (« Texte Unicode » d'un tableur) ; l'enregistrer en UTF-8 "
        "(dans un tableur : « CSV UTF-8 »)"
    ),
    "file.is_sqlite": (
        "c'est une base SQLite, pas un fichier de texte (une base se donne avec --db)"
    ),
    "file.is_zip": (
        "c'est une archive ZIP ou un classeur (xlsx, ods), pas un fichier de texte ; "
        "l'enregistrer en CSV UTF-8"
    ),
    "file.is_workbook": "c'est un classeur Excel (xls) ; l'enregistrer en CSV UTF-8",
    "file.is_compressed": "c'est un fichier compressé ; le décompresser d'abord",
    "file.is_pdf": "c'est un PDF, pas un fichier de données",
    "file.empty": "le fichier est vide",
    # ---- records files -------------------------------------------------------------------------
    "records.at": "{source} : ligne {line} : {place} : {reason}",
    "records.moved_without_date": "une occurrence déplacée demande sa new_date",
    "records.conflict": (
        "{source} : ligne {line} : {item}.{field} : « {ours} » dans la base, « {theirs} » "
        "dans le fichier : l'enregistrement diffère, et rien ne dit de quel côté il a changé ; {n} "
        "{n:plural:conflit|conflits}, rien n'est importé (--dry-run les liste, --replace "
        "prend les valeurs du fichier)"
    ),
    "records.twin": (
        "{source} : ligne {line} : {item} : la base a déjà le même enregistrement sous "
        "l'identifiant {uid} : saisi dans chaque base ? Donner cet uid à celui du fichier, ou "
        "retirer son uid ; rien n'est importé"
    ),
    "records.no_value": "(vide)",
    "records.left_out_not_a_list": (
        "left_out : une liste des champs laissés de côté est attendue (reservations.email, …)"
    ),
    "records.bad_left_out": (
        "left_out : « {value} » n'est pas un champ qui nomme des personnes "
        "(reservations.person_name, reservations.email, waitlist.person_name ou waitlist.email)"
    ),
    "records.at_line": "{source} : ligne {line} : {reason}",
    "records.in_file": "{source} : {reason}",
    "records.key_not_text": "les clés doivent être du texte",
    "records.duplicate_key": "clé « {key} » en double",
    "records.expected_sections": "des sections ({sections}) sont attendues",
    "records.bad_version": "la version {version} n'est pas prise en charge (attendue : {expected})",
    "records.bad_exported": (
        "exported vaut {value} : true (le fichier d'une autre base, écrit par export records) "
        "ou false"
    ),
    "records.unknown_section": "section « {section} » inconnue (attendues : {sections})",
    "records.not_a_list": "{section} doit être une liste",
    "records.not_a_mapping": "{place} doit être un ensemble de champs",
    "records.unknown_field": "champ inconnu (attendus : {expected})",
    "records.missing_field": "{field} manque",
    "records.unknown_column": "colonne « {column} » inconnue pour {kind} (attendues : {expected})",
    "records.duplicate_column": "la colonne « {column} » est donnée deux fois",
    "records.huge_number": (
        "un nombre de {digits} chiffres, au-delà de toute valeur d'un enregistrement"
    ),
    "records.missing_column": "la colonne « {column} » manque",
    "records.cell_count": "{cells} colonnes au lieu de {expected}",
    # ---- open-data imports ---------------------------------------------------------------
    "import.cannot": "impossible d'importer « {path} » : {reason}",
    "import.not_text": (
        "ligne {line} : ni du texte UTF-8 ni du Windows-1252 ; l'enregistrer en UTF-8"
    ),
    "import.broken_accents": (
        "les accents sont cassés (texte UTF-8 réenregistré en Windows-1252, par exemple "
        "« LibellÃ© ») ; exporter à nouveau la liste en UTF-8"
    ),
    "import.not_laposte": (
        "ce n'est pas la liste des points de contact de La Poste (laposte_poincont2) : "
        "l'en-tête #{expected};… est attendu, et non « {got} »"
    ),
    "import.not_france_services": (
        "ce n'est pas la liste ANCT des France Services : colonnes manquantes {missing}"
    ),
    "import.empty": "est vide",
    "import.not_site_id": "« {value} » n'est pas un identifiant de site comme 00518A",
    "import.not_parent_id": "« {value} » n'est pas un identifiant de site",
    "import.unknown_kind": "type « {value} » inconnu (attendus : {expected})",
    "import.not_postcode": "« {value} » ne fait pas cinq chiffres",
    "import.not_postcode_zero": (
        "« {value} » ne fait pas cinq chiffres (un tableur a pu supprimer le zéro initial)"
    ),
    "import.not_insee": "« {value} » n'est pas un code commune INSEE",
    "import.not_department": "« {value} » n'est pas un code de département",
    "import.not_number": "« {value} » n'est pas un nombre",
    "import.out_of_range": "{value} est hors des limites (de -{bound} à {bound})",
    "import.one_coordinate": "est vide alors que l'autre coordonnée est donnée",
    "import.expected_interval": "« {value} » n'est pas un intervalle comme 09:00 - 12:00",
    "import.bad_interval": "« {value} » n'est pas un intervalle valable",
    "import.no_label_date": (
        "« {value} » ne porte pas de date comme « Espace labellisé 01/02/2020 »"
    ),
    "import.duplicate": "« {value} » figure aussi à la ligne {earlier}",
    "import.no_such_department": (
        "le département « {department} » (du code INSEE {insee}) n'existe pas"
    ),
    "import.no_contact_point": "aucun point de contact La Poste de code INSEE {insee}",
    "import.no_single_match": (
        "{count} points de contact La Poste de code INSEE {insee}, aucun seul nommé comme "
        "« {place} »"
    ),
    "import.hosts_another": "son site La Poste {site} accueille aussi la ligne {line}",
    "export.places_left_out": (
        "{count:number} {count:plural:site laissé|sites laissés} de côté, que le standard des "
        "lieux de médiation numérique refuserait sans adresse, commune ou code postal à cinq "
        "chiffres : {sites}"
    ),
    "export.left_out": (
        "{count:number} {count:plural:site sans coordonnées laissé|sites sans coordonnées "
        "laissés} de côté"
    ),
    "import.created": "{count:number} {count:plural:créé|créés}",
    "import.updated": "{count:number} {count:plural:modifié|modifiés}",
    "import.unchanged": "{count:number} {count:plural:inchangé|inchangés}",
    "import.rejected": "{count:number} {count:plural:refusé|refusés}",
    "import.skipped": "{count:number} hors des départements demandés",
    "import.unmatched": (
        "{count:number} {count:plural:hébergée|hébergées} par La Poste sans site correspondant"
    ),
    "import.summary": "{counts}",
    "import.dry_run": "essai, rien n'est écrit : {summary}",
    "import.row": "ligne {line} : {field} : {reason}",
    "import.row_anywhere": "ligne {line} : {reason}",
    "import.refused": (
        "{source} : {count:number} {count:plural:ligne refusée|lignes refusées}, rien n'est "
        "importé : {rows:semicolons}"
    ),
    "import.refused_more": (
        "{source} : {count:number} {count:plural:ligne refusée|lignes refusées}, rien n'est "
        "importé : {rows:semicolons} ; et {more:number} autres (--format json les liste toutes)"
    ),
    "import.unmatched_title": "France Services hébergées par La Poste sans site correspondant",
    "import.csv_needs_kind": "un fichier CSV demande --kind",
    "db.missing": "aucune base de données à {location} : lancer presence-postale init",
    "db.created": (
        "base créée : {path}, chargée avec les données de départ "
        "(--db ou PRESENCE_POSTALE_DB pour en choisir une autre)"
    ),
    "db.created_schema": "schéma créé dans {location}",
    "db.upgraded": "migrations appliquées : {applied}",
    "db.up_to_date": "le schéma est déjà à jour",
    "db.backed_up": "sauvegardé {path} dans {target} ({pages} pages)",
    "db.check_failed": (
        "la vérification de la base a échoué : {count} {count:plural:problème|problèmes}, le "
        "premier : {first}"
    ),
    "db.check_ok": "ok : intégrité et clés étrangères",
    "db.seed_title": "données : {source}",
    "copy.table": "{table} copiée : {rows:number} {rows:plural:ligne|lignes}",
    "copy.differs": (
        "la copie diffère de la source dans {count} {count:plural:table|tables} : {table}"
    ),
    "copy.done": "{source} copiée dans {target} : chaque table est identique",
    "db.initialised": "base de données {location} créée",
}
