"""Les valeurs tapées ou lues : dates, semaines, heures, codes, horaires, règles."""

MESSAGES: dict[str, str] = {
    "value.in_month": "{date:month}",
    "value.in_year": "{date.year}",
    "value.unknown": "inconnu",
    # ---- dates, weeks, times ---------------------------------------------------------------
    "value.bad_date": "date « {value} » invalide : {reason}",
    "value.bad_week": "semaine « {value} » invalide : {reason}",
    "value.bad_time": "heure « {value} » invalide : {reason}",
    "value.bad_month": "mois « {value} » invalide : {reason}",
    "value.bad_duration": "durée « {value} » invalide : {reason}",
    "value.expected_date": "une date comme 2021-04-27 est attendue",
    "value.expected_week": (
        "une semaine ISO comme 2021-W17, this, next, last ou une date comme 2021-04-27 est attendue"
    ),
    "value.expected_time": "une heure comme 09:00 ou 9h30 est attendue",
    "value.expected_month": "un mois comme 2019-05 est attendu",
    "value.expected_duration": (
        "un nombre et une unité d, w, m ou y (jours, semaines, mois, années) sont attendus, "
        "comme 12m"
    ),
    "value.no_such_date": "cette date n'existe pas",
    "value.beyond_calendar": "au-delà des dates du calendrier",
    "value.year_range": "l'année doit être entre {first} et {last}",
    "value.weeks_in_year": "{year} compte {weeks} semaines ISO",
    "value.hour_range": "l'heure doit être entre 0 et 23",
    "value.minute_range": "les minutes doivent être entre 00 et 59",
    "value.month_range": "le mois doit être entre 01 et 12",
    "value.before_year_one": "remonte avant l'an 1",
    # ---- recurrence ------------------------------------------------------------------------
    "rule.weekly": "chaque {days}",
    "rule.monthly": "{days} du mois",
    # ---- codes and opening hours ----------------------------------------------------------
    "value.not_in_vocabulary": "{field} « {value} » invalide : choisir parmi {expected}",
    "value.range_reversed": "période invalide : --to {end:iso} précède --from {start:iso}",
    "value.range_too_long": "période invalide du {start} au {end} : dix ans au plus à la fois",
    # ---- text --------------------------------------------------------------------------------
    "value.empty": "{option} invalide : ne doit pas être vide",
    "value.at_least": "{option} {value} invalide : au moins {minimum}",
    "value.nothing_to_update": "rien à modifier : donner au moins une option à changer",
    # ---- values read from files ------------------------------------------------------------
    "value.got_nothing": "rien",
    "value.got_text": "« {text} »",
    "value.got_list": "une liste",
    "value.got_mapping": "un ensemble de champs",
    "value.got_boolean": "le booléen {value}",
    "value.got_number": "le nombre {number}",
    "value.got_date": "la date {date}",
    "value.got_moment": "l'instant {stamp}",
    "value.got_other": "la valeur {value}",
    "value.expected_text": "du texte est attendu, et non {got}",
    "value.must_not_be_empty": "ne doit pas être vide",
    "value.text_too_long": "fait {length} caractères ; au plus {maximum}",
    "value.has_control_characters": "contient des caractères de contrôle",
    "value.expected_quoted_code": (
        'un code entre guillemets est attendu, et non le nombre {number} : écrire "{number}"'
    ),
    "value.expected_whole_number": "un nombre entier est attendu, et non {got}",
    "value.number_out_of_range": "{number} est hors des limites",
    "value.expected_number": "un nombre est attendu, et non {got}",
    "value.expected_boolean": "true ou false est attendu, et non {got}",
    "value.expected_date_not_time": "une date est attendue, et non une date et heure {stamp}",
    "value.expected_iso_date": "une date AAAA-MM-JJ est attendue, et non {got}",
    "value.expected_quoted_time": (
        "une heure entre guillemets « HH:MM » est attendue, et non le nombre {number}"
    ),
    "value.expected_hhmm": "une heure « HH:MM » est attendue, et non {got}",
    "value.expected_datetime": "une date et heure AAAA-MM-JJTHH:MM est attendue, et non {got}",
    "value.expected_list": "une liste est attendue, et non {got}",
    "value.expected_counts": "des nombres par code sont attendus, et non {got}",
    "value.count_negative": "le nombre de « {code} » est négatif",
    "value.expected_label": "un label ou {{label, since, detail}} est attendu, et non {got}",
    "value.label_unknown_key": "clé « {field} » inconnue dans le label",
    "value.label_missing": "le label manque",
    "value.expected_count_cells": "des nombres comme 18-24=2|25-39=1 sont attendus, et non {got}",
    "value.count_not_whole": "le nombre de « {code} » n'est pas un nombre entier",
    "value.bad_counts": (
        "{option} « {value} » invalide : valeur=nombre est attendu, comme {example}"
    ),
}
