"""Les pages d'aide de `export` : les exports."""

HELP: dict[str, str] = {
    "export.calendar": (
        "Les permanences dans un fichier iCalendar qu'un agent charge dans son agenda (UID "
        "stables : charger un fichier plus récent met les événements à jour).\n\n"
        "Exemple : presence-postale export calendar --agent vigny-conseillere-1 --from "
        "2021-04-27 --to 2021-07-27 --output permanences.ics"
    ),
    "export.sites": (
        "Tous les sites avec leurs labels, équipements et opérateurs, en CSV, JSON, GeoJSON "
        "ou xlsx. Le CSV est destiné à d'autres systèmes (valeurs telles quelles) ; --excel "
        "en écrit un pour les personnes, et xlsx un classeur qui garde les zéros en tête des "
        "codes.\n\n"
        "Le GeoJSON est une FeatureCollection de points [longitude, latitude] qu'ouvrent uMap"
        " et QGIS ; les sites sans coordonnées en sont exclus (c'est dit sur la sortie "
        "d'erreur).\n\n"
        "Exemple : presence-postale export sites --department 03 --format geojson -o "
        "allier.geojson"
    ),
    "export.records": (
        "Toute la base dans un fichier d'enregistrements au schéma du jeu de données initial,"
        " que `import records` recharge (dans une base vide : de nouveau le même fichier).\n\n"
        "Chaque enregistrement saisi par une personne y figure, avec les identifiants qui "
        "permettent à `import records` de fusionner des fichiers venant de plusieurs bases. "
        "Les noms et e-mails des personnes qui ont réservé ou qui attendent sont omis, sauf "
        "avec --include-personal ; le `left_out` du fichier dit lesquels l'ont été.\n\n"
        "Exemple : presence-postale export records --output sauvegarde.yaml"
    ),
    "export.mediation-places": (
        "Les sites qui proposent de la médiation numérique, au standard national des *lieux "
        "de médiation numérique* (schéma LaMednum v1.0.2 : ses colonnes dans son ordre, "
        "valeurs multiples jointes par |, horaires en syntaxe OSM, téléphones en E.164). Le "
        "CSV est destiné à d'autres systèmes : valeurs telles quelles ; --excel en écrit un "
        "pour les personnes.\n\n"
        "Exemple : presence-postale export mediation-places --format csv --output lieux.csv"
    ),
    "export.mediation-sessions": (
        "Les séances de médiation pour La Coop de la médiation numérique : coop-json dans la "
        "forme de son API d'activités (ses noms de champs et ses codes), xlsx avec les "
        "colonnes de son export tableur (une ligne par personne accompagnée), json tel que "
        "cet outil les liste.\n\n"
        "Exemple : presence-postale export mediation-sessions --from 2019-03-01 --to "
        "2019-03-31 --format xlsx --output activites.xlsx"
    ),
    "export.feeds": (
        "Écrit un flux iCalendar par agent, par site d'accueil et par programme dans DIR, "
        "chacun remplacé d'un seul coup ; un flux dont le contenu n'a pas changé n'est pas "
        "touché.\n\n"
        "Exemple : presence-postale export feeds /var/www/calendriers --alarm 1h"
    ),
    "export.calendar.fmt": "Format de sortie.",
    "export.records.fmt": "Format de sortie.",
    "export.sites.department": "Seulement ce département.",
    "export.mediation-places.department": "Seulement ce département.",
    "export.calendar.site": "Les permanences tenues sur un site.",
    "export.mediation-sessions.site": "Seulement sur ce site.",
    "export.feeds.start": "Premier jour (par défaut : le lundi d'il y a quatre semaines).",
    "export.feeds.end": "Dernier jour (par défaut : dans un an).",
    "export.calendar.agent": "Les permanences d'un agent.",
    "export.calendar.programme": "Les permanences d'un programme.",
    "export.records.department": (
        "Seulement ce département (à répéter pour plusieurs) : ses sites et ce qui s'y "
        "rattache (versions, fermetures, permanences, espaces et réservations, séances de "
        "médiation), avec les enregistrements que tous partagent (départements, opérateurs, "
        "agents, programmes). Pour fusionner les départements sans toucher aux autres : le "
        "fichier se charge dans une base qui a déjà les sites des autres départements."
    ),
    "export.records.include_personal": (
        "Garder les noms et e-mails des personnes qui ont réservé (omis par défaut)."
    ),
    "export.feeds.directory": "Où vont les fichiers .ics (un répertoire web).",
    "export.feeds.alarm": "Une alarme, ce délai avant chaque événement : 15m (minutes), 1h, 1d.",
    "export.feeds.refresh": "À quelle fréquence les abonnés récupèrent les flux : 1h, 6h, 1d.",
}
