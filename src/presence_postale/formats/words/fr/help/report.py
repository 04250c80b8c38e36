"""Les pages d'aide de `report` : les rapports."""

HELP: dict[str, str] = {
    "report.weekly": (
        "Les heures d'ouverture, les permanences, les réservations de coworking et les "
        "séances de médiation de la semaine, site par site, puis les avertissements. Même "
        "base et même semaine : sortie identique à l'octet près.\n\n"
        "Exemple (cron, chaque vendredi) : presence-postale report weekly --week next -d 95 "
        "--format html --output /srv/rapports/95.html --strict"
    ),
    "report.compliance": (
        "La charte France Services (≥ 5 jours, ≥ 24 h, ≥ 2 agents polyvalents) pour chaque "
        "site labellisé, d'après ses horaires de la semaine ; un effectif inconnu est signalé"
        " inconnu, pas validé.\n\n"
        "Exemple : presence-postale report compliance --week 2021-W17"
    ),
    "report.programme": (
        "L'évaluation d'une expérimentation : période et prolongations, occurrences prévues /"
        " tenues / annulées / sautées, personnes reçues (au total, par occurrence, par site, "
        "par semaine), demandes par opérateur, et un court bloc d'aide à la décision.\n\n"
        "Exemple : presence-postale report programme vigny-2021 --format markdown"
    ),
    "report.access": (
        "La population à moins d'une distance donnée (à vol d'oiseau depuis la mairie) du "
        "point le plus proche, par département et au total, si la règle des 10 % est tenue, "
        "les communes au-delà, et ce que changerait la fermeture ou l'ouverture d'un point. "
        "Demande d'abord `import communes`.\n\n"
        "Exemple : presence-postale report access --department 32 --without 05712A --format "
        "html --output gers.html"
    ),
    "report.access.department": "Seulement ce département (à répéter pour plusieurs).",
    "report.weekly.site": "Seulement ce site (identifiant ou nom).",
    "report.access.week": (
        "Compter aussi les sites d'accueil des permanences tenues cette semaine-là (2021-W17,"
        " this, next, last ou une date), à côté des chiffres quotidiens."
    ),
    "report.weekly.strict": (
        "Sortir avec le code 1 si le rapport porte des avertissements (alertes cron)."
    ),
    "report.compliance.strict": "Sortir avec le code 1 si un site ne respecte pas la charte.",
    "report.access.within": "La distance, en km (la règle de la mission : 5).",
    "report.access.points": (
        "Les points : contact (les points de contact de La Poste) ou un label "
        "(france_services, msap)."
    ),
    "report.access.without": "Et si ce site fermait (identifiant ou nom ; à répéter) ?",
    "report.access.with_": (
        "Et si un point ouvrait ici : LAT,LON ou un site (identifiant ou nom ; à répéter) ?"
    ),
}
