"""activity"""

MESSAGES: dict[str, str] = {
    # ---- booking rules ---------------------------------------------------------------------
    "booking.too_short": (
        "une réservation de {minutes} min est plus courte que le minimum de cet espace "
        "({minimum} min)"
    ),
    "booking.over_maximum": (
        "une réservation de {minutes} min est plus longue que le maximum de cet espace "
        "({maximum} min)"
    ),
    "booking.too_far_ahead": (
        "la réservation est dans {days} jours ; cet espace prend les réservations au plus "
        "{maximum} jours à l'avance"
    ),
    "booking.weekly_quota": (
        "cette réservation porterait la personne à {hours:number} h cette semaine ; cet espace "
        "permet {maximum:number} h par personne et par semaine"
    ),
    "booking.cancel_cutoff": (
        "annulation à moins de {hours} h du début ; --force pour annuler quand même"
    ),
    # ---- mediation sessions ---------------------------------------------------------------
    "mediation.on_holiday": "jour férié ({holiday:holiday})",
    "mediation.no_ilot": "site sans îlot numérique",
    "mediation.longer_than_open": "plus long que l'ouverture du site ce jour-là ({minutes} min)",
    "mediation.past_midnight": "déborde sur le lendemain",
    "mediation.outside_presence": "hors de la présence prévue du médiateur",
    # ---- permanences -----------------------------------------------------------------------
    "permanence.not_found": (
        "permanence n° {permanence} introuvable (voir : presence-postale permanences list)"
    ),
    "permanence.no_occurrence": (
        "la règle « {rule} » ne donne aucune occurrence entre le {start} et le {end} "
        "(validité et dates du programme {programme})"
    ),
    "permanence.outside_programme": (
        "la permanence, valable à partir du {valid_from}{valid_until:until}, ne tombe pas dans "
        "les dates de son programme {programme} (à partir du {start}{until:until})"
    ),
    "permanence.never_valid": (
        "la règle ne donne aucune date entre le {first} et le {last}, quand la permanence est "
        "valable"
    ),
    "permanence.conflict": "{first} ; --force pour la créer quand même",
    "permanence.conflicts": (
        "{first} (et {more} {more:plural:autre|autres}) ; --force pour la créer quand même"
    ),
    "permanence.host_closed": (
        "le site d'accueil {site} est fermé du {start} au {end} ({reason}), le jour de "
        "l'occurrence du {date}"
    ),
    "permanence.host_not_open": (
        "le site d'accueil {site} n'est pas ouvert le {date:day} de {start} à {end} "
        "(horaires : {hours})"
    ),
    "permanence.agent_busy": (
        "l'agent {agent} tient déjà la permanence n° {permanence} à {site} ({site_name}) le "
        "{date:day} de {start} à {end}"
    ),
    "permanence.no_such_occurrence": (
        "la permanence n° {permanence} n'a pas d'occurrence le {date} ({rule:rule}, à partir "
        "du {start}{until:until})"
    ),
    "permanence.move_outside": (
        "impossible de déplacer une occurrence de la permanence n° {permanence} au {date} : "
        "elle court à partir du {start}{until:until} (sa validité et les dates de son "
        "programme) ; prolonger d'abord le programme ou la permanence"
    ),
    "permanence.already_changed": (
        "l'occurrence du {date} de la permanence n° {permanence} est déjà annulée ou déplacée ; "
        "l'annuler d'abord (--undo)"
    ),
    "permanence.nothing_to_move": "rien à déplacer : donner --to DATE et/ou --start/--end",
    "permanence.nothing_to_undo": (
        "l'occurrence du {date} de la permanence n° {permanence} n'a aucun changement à annuler"
    ),
    "permanence.was_cancelled": (
        "l'occurrence du {date} de la permanence n° {permanence} a été annulée"
    ),
    "permanence.was_moved": (
        "l'occurrence du {date} de la permanence n° {permanence} a été déplacée au {to}"
    ),
    "permanence.bad_visitors": "--visitors {visitors} invalide : entre 0 et {maximum}",
    "permanence.log_in_future": (
        "--date {date:iso} invalide : elle est dans l'avenir ; saisir le bilan une fois la "
        "permanence tenue"
    ),
    "permanence.unknown_operator": "opérateur « {operator} » introuvable (dans --requests)",
    "permanence.bad_requests": "--requests {operator}={count} invalide : entre 0 et {maximum}",
    "permanence.not_moved": (
        "aucune occurrence de la permanence n° {permanence} n'a été déplacée du {start} au {date}"
    ),
    # ---- what reports warn about -----------------------------------------------------------
    "warning.occurrence": (
        "permanence n° {permanence} ({site} {site_name}, {date:day} {start}-{end})"
    ),
    "warning.agent_overlap": "agent {agent} à deux endroits en même temps : {first} / {second}",
    "warning.skipped_closed": "{occurrence} sautée : site fermé ({reason})",
    "warning.moved_closed": "{occurrence} déplacée sur un jour de fermeture ({reason:holiday})",
    "warning.outside_hours": "{occurrence} hors des horaires d'ouverture du site",
    "warning.mediator_deficit": (
        "médiateur {agent} : {scheduled:number} h prévues pour {contracted:number} h au contrat"
    ),
    "mediation.not_found": "session de médiation n° {session} introuvable",
    "mediation.refused_strict": "session refusée (--strict) : {warnings}",
    # ---- coworking -------------------------------------------------------------------------
    "space.not_found": "espace « {space} » introuvable (espaces : {known})",
    "space.needs_site_and_name": (
        "l'espace « {space} » n'existe pas : donner --site et --name pour le créer"
    ),
    "space.nothing_to_update": (
        "rien à modifier pour l'espace {space} : donner une option à changer"
    ),
    "space.category_refused": (
        "la catégorie « {category} » ne peut pas réserver l'espace {space} (admises : {eligible})"
    ),
    "reservation.not_found": "réservation n° {reservation} introuvable",
    "reservation.already_cancelled": "la réservation n° {reservation} est déjà annulée",
    "reservation.marked": (
        "la réservation n° {reservation} est marquée « {status} » ; elle ne peut pas être annulée"
    ),
    "reservation.cancelled_not_marked": (
        "la réservation n° {reservation} a été annulée ; elle ne peut pas être marquée"
    ),
    "reservation.not_started": (
        "la réservation n° {reservation} n'a pas encore commencé ({start})"
    ),
    "booking.holder": "la réservation n° {reservation} de {start} à {end} ({who})",
    "booking.full": ("le {date:day} de {start} à {end} chevauche {holder} ; capacité {capacity}"),
    "booking.holiday": "le {date:day} est un jour férié ({holiday:holiday}) : {site} est fermé",
    "booking.site_closed": "{site} est fermé le {date} ({reason})",
    "booking.outside_hours": (
        "le {date:day} de {start} à {end} est hors des heures réservables de l'espace {space} "
        "({hours} ce jour-là)"
    ),
    "booking.closed_all_day": "fermé toute la journée",
    "booking.every_no_date": (
        "--every « {every} » ne donne aucune date entre le {start} et le {end}"
    ),
    "booking.series_too_long": (
        "une réservation répétée de {count} dates est trop longue (au plus {maximum})"
    ),
    "booking.series_refused": (
        "{refused} {refused:plural:date|dates} sur {total} en conflit, rien n'est réservé "
        "(la première : {first})"
    ),
    "permanence.title": "Permanence n° {permanence}",
    "permanence.changes_title": "Occurrences annulées ou déplacées",
    "permanence.outcomes_title": "Bilans",
    "permanence.window": "Du {start:day} au {end:day}",
    "permanence.added": (
        "permanence n° {permanence} ajoutée ({rule:rule}, de {start} à {end}, à {site})"
    ),
    "permanence.cancelled": "occurrence du {date} de la permanence n° {permanence} annulée",
    "permanence.restored": (
        "occurrence du {date} de la permanence n° {permanence} rétablie (elle était : {action})"
    ),
    "permanence.moved": ("occurrence du {date} de la permanence n° {permanence} déplacée au {to}"),
    "permanence.logged": (
        "bilan de la permanence n° {permanence} du {date} saisi : {visitors} "
        "{visitors:plural:visiteur|visiteurs}"
    ),
    "permanence.corrected": (
        "bilan de la permanence n° {permanence} du {date} corrigé : {visitors} "
        "{visitors:plural:visiteur|visiteurs}"
    ),
    "space.created": "espace {space} créé",
    "space.updated": "espace {space} modifié",
    "booking.booked": (
        "réservation n° {reservation} enregistrée : {space}, le {date:day} de {start} à {end}"
    ),
    "booking.series": (
        "{count} {count:plural:date réservée|dates réservées} en série (n° {first} à n° {last})"
    ),
    "booking.series_refusals": (
        "{count} {count:plural:date réservée|dates réservées} en série (n° {first} à n° {last}), "
        "{refused} {refused:plural:refusée|refusées}"
    ),
    "booking.date_refused": "le {date:day} est refusé : {reason}",
    "booking.waitlisted": (
        "créneau complet ({full}) ; inscription en liste d'attente n° {entry}, au rang {position}"
    ),
    "reservation.title": "Réservation n° {reservation}",
    "reservation.cancelled": "réservation n° {reservation} annulée",
    "reservation.offered": (
        "créneau proposé à l'inscription n° {entry} de la liste d'attente ({who}, le {date:day} de "
        "{start} à {end}) : voir coworking list --waitlist --include-personal"
    ),
    "reservation.marked_as": "réservation n° {reservation} marquée « {status} »",
    "reservation.purged": (
        "{reservations} {reservations:plural:réservation|réservations} et {entries} "
        "{entries:plural:inscription|inscriptions} en liste d'attente terminées avant le {date} "
        "rendues anonymes"
    ),
    "reservation.would_purge": (
        "{reservations} {reservations:plural:réservation|réservations} et {entries} "
        "{entries:plural:inscription|inscriptions} en liste d'attente terminées avant le {date} "
        "seraient rendues anonymes"
    ),
    "mediation.title": "Session n° {session}",
}
