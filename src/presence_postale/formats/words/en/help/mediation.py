"""Help pages of `mediation`: digital mediation."""

HELP: dict[str, str] = {
    "mediation.add": (
        "Record a mediation session in the vocabulary of the Coop de la médiation numérique; "
        "odd ones (outside the mediator's presence, on a holiday, at a site without an îlot "
        "numérique, longer than the site is open) are warnings.\n\n"
        "Example: presence-postale mediation add --site 00518A --mediator allier-mediateur "
        "--date 2019-03-19 --start 10:00 --duration 90 --type individuel --themes "
        "email,navigation_sur_internet --equipment ordinateur --age-band soixante_dix_plus"
    ),
    "mediation.list": (
        "List mediation sessions.\n\n"
        "Example: presence-postale mediation list --from 2019-03-01 --to 2019-03-31"
    ),
    "mediation.show": ("One mediation session.\n\nExample: presence-postale mediation show 1"),
    "mediation.themes": (
        "Every vocabulary of the Coop de la médiation numérique a session is recorded in, "
        "with its labels: types, themes (the administrative ones apart), places, counters, "
        "equipment, autonomy, redirections, workshop levels, length bands.\n\n"
        "Example: presence-postale mediation themes --format csv"
    ),
    "mediation.hours": (
        "Each mediator's scheduled presence that week against the contracted hours.\n\n"
        "Example: presence-postale mediation hours --week 2019-W12"
    ),
    "mediation.report": (
        "The Coop's figures: sessions, people and hours by site and month; sessions by type, "
        "place, theme and family, equipment, autonomy, redirection and length; people by age "
        "band, status, gender and commune; the share of seniors; the Ardoiz tablet's figures.\n\n"
        "Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 "
        "--format markdown"
    ),
    "mediation.add.site": "Site (id or name).",
    "mediation.list.site": "Only at this site.",
    "mediation.report.site": "Only this site.",
    "mediation.hours.week": "2019-W12, this, next, last.",
    "mediation.add.start": "Start time.",
    "mediation.add.strict": "Refuse the session when it carries warnings.",
    "mediation.add.commune": "An individual's commune of residence (INSEE): 03254.",
    "mediation.add.equipment": "ordinateur, telephone, tablette, autre, aucun.",
    "mediation.add.programme": "Programme code.",
    "mediation.add.day": "Day.",
    "mediation.add.mediator": "Mediator (agent id or name).",
    "mediation.hours.mediator": "One mediator (default: all).",
    "mediation.add.device_model": "Device model: ardoiz.",
    "mediation.add.redirection_detail": "Which structure, in words: CCAS.",
    "mediation.add.duration": "Minutes.",
    "mediation.add.session_type": "individuel or collectif.",
    "mediation.add.themes": "Coop themes, comma-separated (see: mediation themes).",
    "mediation.add.details": (
        "Précisions on the administrative procedure (with the theme "
        "aide_aux_demarches_administratives)."
    ),
    "mediation.add.place": "lieu_activite (the site, by default), domicile, a_distance, autre.",
    "mediation.add.place_insee": "INSEE code of the commune, away from the site: 03254.",
    "mediation.add.participants": "People (a workshop).",
    "mediation.add.age_band": "An individual's age band: soixante_dix_plus.",
    "mediation.add.age_bands": (
        "A workshop's counts: soixante_soixante_neuf=3,soixante_dix_plus=2."
    ),
    "mediation.add.social_status": "An individual's status: retraite.",
    "mediation.add.social_statuses": "A workshop's counts: retraite=5.",
    "mediation.add.gender": "An individual's gender: feminin, masculin.",
    "mediation.add.genders": "A workshop's counts: feminin=3,masculin=2.",
    "mediation.add.communes": "A workshop's counts by commune: 03254=3,03190=2.",
    "mediation.add.autonomy": "entierement_accompagne, partiellement_autonome, autonome.",
    "mediation.add.redirection": "Where the person was sent on to (see: mediation themes).",
    "mediation.add.workshop_title": "A workshop's title.",
    "mediation.add.level": "A workshop's level: debutant, intermediaire, avance.",
    "mediation.show.session_id": "Session number.",
}
