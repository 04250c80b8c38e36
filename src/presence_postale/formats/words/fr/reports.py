"""reports"""

MESSAGES: dict[str, str] = {
    # ---- calendars -------------------------------------------------------------------------
    "calendar.programme": "Programme : {programme}",
    "calendar.agent": "Agent : {agent}",
    "calendar.operators": "Opérateurs : {operators}",
    "calendar.moved": "Déplacée du {date:short}",
    "calendar.moved_why": "Déplacée du {date:short} ({reason})",
    "calendar.cancelled": "Annulée",
    "calendar.cancelled_why": "Annulée ({reason})",
    "table.empty": "aucune ligne",
    # ---- the weekly report -----------------------------------------------------------------
    "report.weekly_title": (
        "Rapport hebdomadaire {week} — {scope} (du {monday:day} au {sunday:day})"
    ),
    "report.scope_site": "site {site}",
    "report.scope_department": "{department}",
    "report.scope_france": "France entière",
    "report.permanences": "Permanences",
    "report.closed": "fermé",
    "report.warnings": "Alertes",
    "report.strict": (
        "le rapport porte {count} {count:plural:alerte|alertes} ; la première : {first}"
    ),
    # ---- the France Services charter -------------------------------------------------------
    "report.charter_title": "Charte France Services — semaine {week}",
    "report.charter_rule": (
        "Règle : ouvert au moins 5 jours et 24 heures par semaine, avec au moins deux "
        "personnels polyvalents."
    ),
    "report.sites": "Sites",
    "report.charter_summary": (
        "{sites} {sites:plural:site|sites} France Services : {passing} "
        "{passing:plural:conforme|conformes}, {failing} {failing:plural:non conforme|non "
        "conformes}, {unknown} {unknown:plural:inconnu|inconnus}."
    ),
    "report.charter_failing": (
        "{count} {count:plural:site France Services ne respecte|sites France Services ne "
        "respectent} pas la charte ; le premier : {site}"
    ),
    "charter.too_few_days": "ouvert {days} {days:plural:jour|jours} (minimum {minimum_days})",
    "charter.too_few_hours": "ouvert {hours:number} h (minimum {minimum_hours:number} h)",
    "charter.too_few_staff": (
        "{staff} {staff:plural:personnel polyvalent|personnels polyvalents} (minimum "
        "{minimum_staff})"
    ),
    "charter.hours_unknown": "horaires inconnus",
    "charter.staff_unknown": "effectif polyvalent inconnu",
    # ---- a programme's evaluation ----------------------------------------------------------
    "report.evaluation_title": "Évaluation — {title} ({code})",
    "report.period_and_extensions": "Période et prolongations",
    "report.period": "Période : du {start:day} au {end:day}",
    "report.period_from": "Période : de {start} au {end:day}",
    "report.status": "Statut : {status}",
    "report.planned_end": "Fin prévue : {end:day}",
    "report.no_planned_end": "Fin prévue : —",
    "report.funder": "Financeur : {funder}",
    "report.funder_amount": "Financeur : {funder} ({amount:number} €)",
    "report.change": "{date:day} : {action}, fin au {end:day}",
    "report.change_why": "{date:day} : {action}, fin au {end:day} ({reason})",
    "report.occurrences": "Occurrences",
    "report.occurrences_planned": "prévues",
    "report.occurrences_held": "tenues (bilan saisi)",
    "report.occurrences_not_logged": "sans bilan",
    "report.occurrences_moved": "déplacées",
    "report.occurrences_cancelled": "annulées",
    "report.occurrences_skipped": "sautées (fériés, fermetures)",
    "report.attendance": "Fréquentation",
    "report.visitors": "Visiteurs : {total}",
    "report.per_held": "Par permanence tenue : {value:number}",
    "report.per_held_none": "Par permanence tenue : —",
    "report.requests": "Demandes par opérateur",
    "report.decision": "Décision",
    "report.no_trend": "Pas assez de bilans saisis pour dégager une tendance.",
    "report.trend": (
        "Fréquentation récente : {recent:number:1} visiteurs par permanence tenue (contre "
        "{before:number:1} auparavant) — tendance : {trend}."
    ),
    "report.ended_on": "Programme terminé le {date}.",
    "report.decide_by": "Fin prévue le {date} : décider de prolonger ou d'arrêter.",
    # ---- coworking usage -------------------------------------------------------------------
    "report.usage_title": "Utilisation des espaces de coworking — du {start:day} au {end:day}",
    "report.summary": "Synthèse",
    "report.booked_hours": "Heures réservées : {hours:number}",
    "report.bookable_hours": "Heures réservables : {hours:number}",
    "report.bookable_hours_unknown": "Heures réservables : inconnues",
    "report.occupancy": "Taux d'occupation : {ratio:percent}",
    "report.distinct_users": "Usagers distincts : {users}",
    "report.no_shows": "Réservations non honorées : {no_show} / {marked} ({ratio:percent})",
    "report.by_space": "Par espace",
    "report.by_category": "Par catégorie",
    "report.by_month": "Par mois",
    # ---- digital mediation -----------------------------------------------------------------
    "report.occurrences_absent": "sautées (agent absent)",
}
