"""Les pages d'aide de `coworking` : le coworking."""

HELP: dict[str, str] = {
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
    "coworking.spaces.site": "Seulement les espaces de ce site.",
    "coworking.configure.site": "Site d'accueil (pour créer un espace).",
    "coworking.book.start": "Début.",
    "coworking.book.end": "Fin.",
    "coworking.book.name": "Nom de la personne.",
    "coworking.configure.hours": "Heures réservables (opening_hours d'OSM).",
    "coworking.configure.overnight": "--hours a des plages qui passent minuit (22:00-02:00).",
    "coworking.book.email": "E-mail de la personne.",
    "coworking.configure.equipment": "bureau_partage,imprimante,wifi...",
    "coworking.configure.not_illustrative": (
        "Les règles sont désormais réelles : retirer la mention « exemple »."
    ),
    "coworking.list.status": "confirmed, cancelled, attended, no_show.",
    "coworking.book.until": "Dernière date d'une répétition.",
    "coworking.book.every": "Répétition : tuesday, 'mon,thu'... (avec --until).",
    "coworking.cancel.force": "Annuler même après le délai d'annulation.",
    "coworking.book.day": "Jour.",
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
    "coworking.usage.month": "Un mois : 2019-05.",
    "coworking.purge.before": "Durée de conservation : 12m, 2y, 90d.",
    "coworking.purge.dry_run": "Compter seulement.",
}
