"""Les pages d'aide de `mediation` : la médiation numérique."""

HELP: dict[str, str] = {
    "mediation.add": (
        "Enregistre une séance de médiation dans le vocabulaire de la Coop de la médiation "
        "numérique ; les cas singuliers (hors de la présence du médiateur, un jour férié, sur"
        " un site sans îlot numérique, plus longue que l'ouverture du site) sont des "
        "avertissements.\n\n"
        "Exemple : presence-postale mediation add --site 00518A --mediator allier-mediateur "
        "--date 2019-03-19 --start 10:00 --duration 90 --type individuel --themes "
        "email,navigation_sur_internet --equipment ordinateur --age-band soixante_dix_plus"
    ),
    "mediation.list": (
        "Liste les séances de médiation.\n\n"
        "Exemple : presence-postale mediation list --from 2019-03-01 --to 2019-03-31"
    ),
    "mediation.show": ("Une séance de médiation.\n\nExemple : presence-postale mediation show 1"),
    "mediation.themes": (
        "Tous les vocabulaires de la Coop de la médiation numérique dans lesquels une séance "
        "est enregistrée, avec leurs libellés : types, thématiques (les démarches "
        "administratives à part), lieux, compteurs, matériel, autonomie, réorientations, "
        "niveaux d'atelier, tranches de durée.\n\n"
        "Exemple : presence-postale mediation themes --format csv"
    ),
    "mediation.hours": (
        "La présence planifiée de chaque médiateur dans la semaine, face aux heures de son "
        "contrat.\n\n"
        "Exemple : presence-postale mediation hours --week 2019-W12"
    ),
    "mediation.report": (
        "Les chiffres de la Coop : séances, personnes et heures par site et par mois ; "
        "séances par type, lieu, thématique et famille, matériel, autonomie, réorientation et"
        " durée ; personnes par tranche d'âge, statut, genre et commune ; la part des seniors"
        " ; les chiffres de la tablette Ardoiz.\n\n"
        "Exemple : presence-postale mediation report --from 2019-03-01 --to 2019-03-31 "
        "--format markdown"
    ),
    "mediation.add.site": "Site (identifiant ou nom).",
    "mediation.list.site": "Seulement sur ce site.",
    "mediation.report.site": "Seulement ce site.",
    "mediation.hours.week": "2019-W12, this, next, last.",
    "mediation.add.start": "Heure de début.",
    "mediation.add.strict": "Refuser la séance si elle porte des avertissements.",
    "mediation.add.commune": "Commune de résidence d'une personne (code INSEE) : 03254.",
    "mediation.add.equipment": "ordinateur, telephone, tablette, autre, aucun.",
    "mediation.add.programme": "Code du programme.",
    "mediation.add.day": "Jour.",
    "mediation.add.mediator": "Médiateur (identifiant ou nom de l'agent).",
    "mediation.hours.mediator": "Un seul médiateur (par défaut : tous).",
    "mediation.add.device_model": "Modèle de l'appareil : ardoiz.",
    "mediation.add.redirection_detail": "Quelle structure, en toutes lettres : CCAS.",
    "mediation.add.duration": "Minutes.",
    "mediation.add.session_type": "individuel ou collectif.",
    "mediation.add.themes": (
        "Thématiques de la Coop, séparées par des virgules (voir : mediation themes)."
    ),
    "mediation.add.details": (
        "Précisions sur la démarche administrative (avec la thématique "
        "aide_aux_demarches_administratives)."
    ),
    "mediation.add.place": "lieu_activite (le site, par défaut), domicile, a_distance, autre.",
    "mediation.add.place_insee": "Code INSEE de la commune, hors du site : 03254.",
    "mediation.add.participants": "Personnes (un atelier).",
    "mediation.add.age_band": "Tranche d'âge d'une personne : soixante_dix_plus.",
    "mediation.add.age_bands": (
        "Effectifs d'un atelier : soixante_soixante_neuf=3,soixante_dix_plus=2."
    ),
    "mediation.add.social_status": "Statut d'une personne : retraite.",
    "mediation.add.social_statuses": "Effectifs d'un atelier : retraite=5.",
    "mediation.add.gender": "Genre d'une personne : feminin, masculin.",
    "mediation.add.genders": "Effectifs d'un atelier : feminin=3,masculin=2.",
    "mediation.add.communes": "Effectifs d'un atelier par commune : 03254=3,03190=2.",
    "mediation.add.autonomy": "entierement_accompagne, partiellement_autonome, autonome.",
    "mediation.add.redirection": (
        "Structure vers laquelle la personne a été réorientée (voir : mediation themes)."
    ),
    "mediation.add.workshop_title": "Intitulé d'un atelier.",
    "mediation.add.level": "Niveau d'un atelier : debutant, intermediaire, avance.",
    "mediation.show.session_id": "Numéro de la séance.",
}
