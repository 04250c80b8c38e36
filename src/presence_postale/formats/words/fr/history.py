"""Le passé d'un site (horaires, effectif et labels datés) et ce qu'un changement contrarie."""

MESSAGES: dict[str, str] = {
    # ---- l'historique d'un site : horaires, effectif et labels datés ----------------------
    "history.too_early": "date {date} invalide : une version commence en {earliest:short} ou après",
    "site.from_alone": (
        "--from date --hours, --staff, --add-label et --remove-label : en donner au moins un"
    ),
    "site.no_label_on": "le site {site} n'a pas le label {label:label:site_label} le {date}",
    "history.from_day": "à partir du {date}",
    "history.from_beginning": "depuis l'origine",
    "history.hours": "horaires de {site} {from} : {value}",
    "history.staff": "personnels polyvalents de {site} {from} : {value}",
    "history.label_held": "{site} a le label {label:label:site_label} {from}",
    "history.label_withdrawn": "{site} n'a plus le label {label:label:site_label} {from}",
    "history.until": "{change}, jusqu'au {until} (la version du {next} demeure)",
    "history.replacing": "{change} (à la place de : {old})",
    "history.unchanged": "{change} : c'était déjà le cas, rien n'a changé",
    "history.beginning": "l'origine",
    "history.in_force": "en vigueur",
    "history.hours_title": "Horaires : historique",
    "history.staff_title": "Personnels polyvalents : historique",
    "history.labels_title": "Labels : historique",
    "history.col.from": "du",
    "history.col.until": "au",
    "history.col.hours": "horaires",
    "history.col.staff": "personnels polyvalents",
    "history.col.source": "saisi par",
    "history.col.label": "label",
    "history.col.held": "état",
    "history.col.detail": "format",
    # ---- ce qu'un changement contrarie désormais (avertissements immédiats) ---------------
    "change.more": "attention : et {count} autres",
    "change.refused_strict": (
        "refusé (--strict), rien n'a changé : {count} {count:plural:conflit|conflits}, "
        "le premier : {first}"
    ),
    "warning.in_week": "semaine {week} : {warning}",
    "warning.booking": "réservation n° {reservation} : {problem}",
    "warning.session": (
        "session de médiation n° {session} à {site}, {date:day} {start} : {problems}"
    ),
    "warning.agent_inactive_here": "l'agent {agent} n'est plus en poste",
    "warning.agent_inactive": (
        "permanence n° {permanence} ({site} {site_name}) : {count} "
        "{count:plural:occurrence|occurrences} du {first:day} au {last:day} encore tenues par "
        "l'agent {agent}, qui n'est plus en poste"
    ),
    "warning.after_end": (
        "permanence n° {permanence}, {date:day} : {record} saisi après la fin du programme "
        "{programme} ({end}) ; aucun rapport ne le montre plus"
    ),
}
