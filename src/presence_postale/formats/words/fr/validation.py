"""Les phrases des valeurs refusées : quoi, où, pourquoi (champs, codes, règles de
récurrence, horaires, réservations, fichiers d'enregistrements et données ouvertes)."""

MESSAGES: dict[str, str] = {
    "field.invalid": "{field} « {value} » invalide : {reason}",
    "field.invalid_bare": "{field} invalide : {reason}",
    "text.missing": "ce champ est obligatoire",
    "text.empty": "il ne doit pas être vide",
    "text.not_text": "un texte est attendu",
    "text.too_long": "{length} caractères, {limit} au plus",
    "text.line_break": "un nom tient sur une ligne, sans saut de ligne (seules les notes en ont)",
    "text.odd_line_break": (
        "il contient un saut de ligne d'un autre genre ({char}) : une note passe à la ligne "
        "par un saut de ligne ordinaire"
    ),
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
        "ce n'est pas un code INSEE de commune : cinq caractères comme 95658, 2A004 (Corse) ou "
        "97105 (outre-mer)"
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
        "UNTIL={value} : une date (20210701), une date et heure locales (20210701T090000) ou en "
        "UTC (20210701T070000Z) sont attendues, entre 1900 et 2199"
    ),
    "recurrence.unreadable": "la règle ne peut pas être lue",
    "recurrence.never": (
        "la règle ne donne aucune date (un jour qui n'existe pas, comme le 30 février)"
    ),
    "recurrence.window": (
        "une période de {days} jours : une récurrence se calcule sur {limit} jours au plus à la "
        "fois"
    ),
    "recurrence.every_empty": (
        "des noms de jours sont attendus (mardi, lun,jeu), « semaine » ou des jours du mois (« "
        "1er,3e jeudi », « dernier vendredi »)"
    ),
    "recurrence.every_word": (
        "« {word} » n'est pas compris : des noms de jours (mardi, lun,jeu), « semaine » ou des "
        "jours du mois (« 1er,3e jeudi », « dernier vendredi ») sont attendus"
    ),
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
    "booking.same_day": "une réservation commence et finit le même jour",
    "booking.too_long": "une réservation dure {hours} h au plus",
    "booking.past": (
        "la réservation commence dans le passé ; --record enregistre une réservation passée"
    ),
    "site.no_id": "un nouveau site a besoin d'un identifiant, ou d'un --name dont le tirer",
    "agent.no_id": "un nouvel agent a besoin d'un identifiant, ou d'un --name dont le tirer",
    "period.too_long": "une période de {days} jours : {limit} au plus à la fois (dix ans)",
    "closure.too_long": (
        "une fermeture de plus de {years} ans est une fermeture définitive : celle-ci finit au "
        "plus tard le {last:day} ; un site qui ne rouvre pas se supprime (presence-postale "
        "sites remove)"
    ),
    "programme.too_long": "un programme dure dix ans au plus : il finit au plus tard le {last}",
    "permanence.move_nowhere": (
        "déplacer l'occurrence du {day} au même jour et aux mêmes heures ne change rien : "
        "donner un autre jour (--to) ou d'autres heures (--start, --end)"
    ),
    "records.field": "{source} : ligne {line} : {place} « {value} » : {reason}",
    "records.missing_reference": "« {value} » n'existe pas",
    "records.too_big": (
        "{source} : un fichier d'enregistrements de {size:number} octets : {limit:number} au plus"
    ),
    "records.twice": (
        "le même enregistrement que {first} ({key}) : un fichier donne chaque enregistrement "
        "une fois"
    ),
    "records.too_deep": "des listes ou des tables imbriquées sur plus de {limit} niveaux",
    "records.alias": "les ancres et alias YAML (& et *) ne sont pas acceptés",
    "records.bad_date": "date « {value} » invalide : ce jour n'existe pas",
    "records.unreadable": "{source} : ligne {line} : {reason}",
    "records.yaml_syntax": (
        "ce n'est pas du YAML ou du JSON valide (un crochet, un guillemet ou une indentation ne "
        "va pas)"
    ),
    "records.yaml_tag": (
        "étiquette YAML {tag} : les fichiers d'enregistrements n'en ont pas ; écrire la valeur "
        "telle quelle"
    ),
    "records.yaml_tab": "une tabulation en début de ligne : YAML n'indente qu'avec des espaces",
    "records.yaml_colon": "un « : » mal placé (écrire la valeur entre guillemets)",
    "records.yaml_indent": "l'indentation ne correspond pas à celle des lignes précédentes",
    "records.yaml_unclosed": "un crochet, une accolade ou un guillemet n'est pas refermé",
    "records.yaml_escape": "une séquence d'échappement inconnue entre guillemets",
    "records.yaml_character": "un caractère qui ne peut pas figurer dans un fichier texte",
    "import.value": "« {value} » : {reason}",
    "import.cell_too_long": "une cellule dépasse {limit:number} caractères",
    "records.csv_would_empty": (
        "la colonne {column} manque au fichier, et la base en a une valeur pour cet "
        "enregistrement : un CSV donne des enregistrements entiers et la viderait ; ajouter "
        "la colonne avec ses valeurs"
    ),
    "import.bad_sep_line": (
        "la première ligne « sep={value} » nomme un séparateur que l'outil ne lit pas : "
        "« sep=; », « sep=, » ou « sep= » suivi d'une tabulation"
    ),
    "import.malformed_csv": (
        "CSV mal formé (un guillemet n'est pas refermé, ou une cellule contient un caractère nul)"
    ),
    "copy.refused": "copie refusée : table {table}, enregistrement {row} : {reason}",
    "usage.not_utf8": "l'argument {number} (« {value} ») n'est pas du texte UTF-8",
    "db.not_a_url": (
        "impossible d'utiliser l'URL de base « {scheme}://… » : ce n'est pas une URL comme "
        "postgresql+psycopg://utilisateur@hôte:5432/base (un port est un nombre de 1 à 65535)"
    ),
}
