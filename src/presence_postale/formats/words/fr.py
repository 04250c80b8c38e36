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
    "hours.empty_span": "la plage {span} des horaires est vide",
    # ---- digital mediation ----------------------------------------------------------------
    "mediation.duration": "une durée en minutes de 1 à {high} (une journée de travail)",
    "mediation.collective_needs_participants": (
        "un atelier collectif a besoin de son nombre de participants (--participants)"
    ),
    "mediation.individual_one": "un accompagnement individuel a 1 participant",
    "mediation.counts_total": (
        "les effectifs font {total} au total, et non les {participants} participants"
    ),
    "mediation.no_theme": "au moins une thématique (voir : mediation themes)",
    "mediation.theme_twice": "une thématique est donnée deux fois",
    # ---- coworking bookings ---------------------------------------------------------------
    "booking.holder": "la réservation n° {id} de {start} à {end} ({who})",
    "booking.same_day": "une réservation commence et finit le même jour",
    "booking.too_long": "une réservation dure {hours} h au plus",
    "booking.category": (
        "la catégorie « {category} » ne peut pas réserver l'espace {space} "
        "(catégories admises : {eligible})"
    ),
    "booking.holiday": "le {day:day} est férié ({holiday}) : {site} est fermé",
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
    "permanence.no_occurrence": (
        "la règle {rule} ne donne aucune occurrence du {first} au {last} (validité et dates "
        "du programme {programme})"
    ),
    "permanence.move_nowhere": (
        "déplacer l'occurrence du {day} au même jour et aux mêmes heures ne change rien : "
        "donner un autre jour (--to) ou d'autres heures (--start, --end)"
    ),
    # ---- records files and open data ------------------------------------------------------
    "records.field": "{source} : ligne {line} : {path} « {value} » : {reason}",
    "records.refused": "{source} : ligne {line} : {path} : {reason}",
    "records.missing_reference": "« {value} » n'existe pas",
    "booking.refused_day": "refusée le {day} : {reason}",
    "booking.series_refused": (
        "{refused} {refused:plural:date|dates} sur {total} {refused:plural:refusée|refusées}, "
        "aucune réservée (la première, le {day} : {reason})"
    ),
    "records.too_big": (
        "{source} : un fichier d'enregistrements de {size:number} octets : {limit:number} au plus"
    ),
    "records.too_deep": "des listes ou des tables imbriquées sur plus de {limit} niveaux",
    "records.alias": "les ancres et alias YAML (& et *) ne sont pas acceptés",
    "records.key_not_text": "une clé de table doit être un texte",
    "records.duplicate_key": "la clé « {key} » est donnée deux fois",
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
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.not_utf8": "l'argument {number} (« {value} ») n'est pas du texte UTF-8",
    "usage.bad_lang": "langue « {value} » inconnue : choisir parmi {expected}",
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
