"""Les pages d'aide : celle de la racine, la liste de ses commandes et les mots communs à toutes."""

# Keys: a group or command by its path (`sites`, `sites.list`), an option or argument by
# its command's path and its parameter's name (`sites.list.department`), else shared by
# every command that has it (`option.output`); `frame.*`: the help page's own words (a
# heading without its colon, which Click adds); `metavar.*`: the kind of an option's value.
# A group's commands and their options are in the group's module (`sites.py`), read only
# for that group's pages.
HELP: dict[str, str] = {
    "frame.usage": "Utilisation : ",
    "frame.arguments": "Arguments ",
    "frame.options": "Options ",
    "frame.commands": "Commandes ",
    "frame.default": "par défaut : {default}",
    "frame.required": "obligatoire",
    "metavar.TEXT": "TEXTE",
    "metavar.INTEGER": "ENTIER",
    "metavar.NUMBER": "NOMBRE",
    "metavar.PATH": "CHEMIN",
    "metavar.FILE": "FICHIER",
    "metavar.DAY": "JOUR",
    "metavar.PATH_OR_URL": "CHEMIN_OU_URL",
    "metavar.PERIOD": "DURÉE",
    "metavar.WEEK": "SEMAINE",
    "metavar.YEAR": "ANNÉE",
    "metavar.YYYY-MM": "AAAA-MM",
    "metavar.COMMAND [ARGS]...": "COMMANDE [ARGUMENTS]...",
    "root": (
        "La présence territoriale de La Poste : sites, France Services, permanences mobiles, "
        "coworking et médiation numérique, dans une base de données locale.\n\n"
        "Exemples :\n\n"
        "  presence-postale sites list --department 95\n\n"
        "  presence-postale sites hours 17510A --week 2021-W18\n\n"
        "  presence-postale report weekly --week next -d 32 --format html --output 32.html"
    ),
    "init": (
        "Crée la base de données (ou met son schéma à jour) et charge le jeu de données "
        "fourni, ou celui de --seed.\n\n"
        "Charger de nouveau le même fichier ne change rien.\n\n"
        "Exemple : presence-postale init --seed mon-departement.yaml"
    ),
    "db": (
        "La base de données : état, mise à jour du schéma, sauvegarde, copie, contrôle d'intégrité."
    ),
    "sites": "Sites : bureaux de poste, agences postales communales, mairies, France Services.",
    "agents": "Agents : les personnes qui tiennent les permanences et les séances de médiation.",
    "programmes": "Programmes : les expérimentations (vigny-2021, allier-mediation-2019, ...).",
    "permanences": (
        "Permanences : créneaux récurrents tenus par un agent (les mardis matin de Vigny à Grisy)."
    ),
    "coworking": (
        "Coworking : espaces, réservations, liste d'attente, présence, fréquentation, "
        "conservation des données."
    ),
    "mediation": (
        "Médiation numérique : séances, heures des médiateurs, bilans (vocabulaire de la Coop)."
    ),
    "report": (
        "Rapports : hebdomadaire (pour cron), évaluation d'un programme, charte France "
        "Services, accessibilité."
    ),
    "import": (
        "Imports : données ouvertes (La Poste, France Services, communes) et fichiers "
        "d'enregistrements."
    ),
    "export": "Exports : calendriers (iCalendar) et plus encore.",
    "notify": (
        "Rappels par e-mail d'une journée, aux agents, aux sites d'accueil et aux personnes "
        "qui ont réservé, pour cron.\n\n"
        "Chaque avis part une seule fois : relancer n'envoie rien de nouveau (une journée "
        "modifiée depuis est renvoyée, comme mise à jour), et une exécution interrompue ne "
        "renvoie rien de ce que le serveur a accepté. Les messages attendent dans le journal "
        "jusqu'à ce que le serveur les prenne. Le serveur se règle avec "
        "PRESENCE_POSTALE_SMTP_HOST, _PORT, _SECURITY (starttls, ssl, none), _USER, "
        "_PASSWORD, _SENDER, ou dans la table [smtp] de config.toml, dans le répertoire de "
        "l'application.\n\n"
        "Exemple : presence-postale notify --day tomorrow"
    ),
    "root.db": (
        "Fichier ou URL de la base. Par défaut : $PRESENCE_POSTALE_DB, sinon le répertoire de"
        " l'application de l'utilisateur."
    ),
    "root.version": "Afficher la version.",
    "root.install_completion": "Installer la complétion pour le shell courant.",
    "root.show_completion": (
        "Afficher la complétion pour le shell courant, pour la copier ou adapter l'installation."
    ),
    "init.seed": "Charger ce fichier d'enregistrements au lieu du jeu de données fourni.",
    "init.no_seed": "Créer une base vide.",
    "notify.dry_run": "Afficher les messages ; ne rien envoyer, ne rien enregistrer.",
    "notify.day_text": "tomorrow, today ou une date : 2021-04-27.",
    "option.fmt": "Format de sortie (xlsx, un classeur : avec --output).",
    "option.output": "Écrire dans ce fichier plutôt que sur la sortie standard.",
    "option.lang": (
        "Langue de ce que lisent les personnes (par défaut : $PRESENCE_POSTALE_LANG, sinon fr)."
    ),
    "option.excel": "CSV pour un Excel français : UTF-8 avec BOM, ';' et virgules décimales.",
    "option.department": "Code du département.",
    "option.kind": "bureau_de_poste, agence_postale_communale, mairie, ...",
    "option.site": 'Identifiant du site (17510A) ou nom ("st gerand").',
    "option.week": "2021-W17, this, next, last, ou une date dans la semaine.",
    "option.start": "Premier jour.",
    "option.end": "Dernier jour.",
    "option.reason": "Motif.",
    "option.strict": "Refuser le changement s'il entre en conflit avec ce qui est prévu.",
    "option.commune": "Nom de la commune.",
    "option.lat": "Latitude (WGS 84).",
    "option.lon": "Longitude (WGS 84).",
    "option.name": "Nom affiché.",
    "option.address": "Adresse (numéro et voie).",
    "option.postcode": "Code postal à cinq chiffres.",
    "option.insee": "Code INSEE de la commune.",
    "option.hours": (
        "Horaires au format opening_hours d'OpenStreetMap : \"Mo-Fr 09:00-12:00,14:00-17:00; "
        'PH off".'
    ),
    "option.overnight": (
        "--hours a des plages qui passent minuit (22:00-02:00), enregistrées comme 22:00-26:00."
    ),
    "option.staff": "Agents polyvalents présents.",
    "option.email": "E-mail de contact.",
    "option.note": "Note libre.",
    "option.not_illustrative": (
        "Les valeurs sont désormais réelles : retirer la mention « exemple »."
    ),
    "option.role": (
        "chargee_de_clientele, facteur_services_expert, mediateur_numerique, "
        "animateur_france_services."
    ),
    "option.agent": "Identifiant ou nom de l'agent.",
    "option.home_site": "Site de rattachement de l'agent.",
    "option.weekly_hours": "Heures hebdomadaires du contrat.",
    "option.undo": "Retirer le changement enregistré pour cette date.",
    "option.status": "planned, running, extended, ended.",
    "option.code": "Code du programme : vigny-2021.",
    "option.programme": "Seulement ce programme.",
    "option.permanence_id": "Numéro de la permanence (voir : permanences list).",
    "option.day": "La date de l'occurrence.",
    "option.space": "Identifiant de l'espace : saint-clar (voir : coworking spaces).",
    "option.reservation_id": "Numéro de la réservation.",
    "option.include_personal": "Afficher les noms et e-mails (données personnelles).",
    "option.dry_run": "Dire ce qui changerait ; ne rien écrire.",
    "option.mediator": "Seulement ce médiateur.",
    "option.file": "Le fichier à importer.",
    "option.help": "Afficher cette aide et quitter.",
}
