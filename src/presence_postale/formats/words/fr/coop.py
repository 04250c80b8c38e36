"""Les phrases des sessions de médiation (règles de la Coop), des classeurs et des marques."""

MESSAGES: dict[str, str] = {
    # ---- vocabularies and mediation sessions (the Coop's rules) ---------------------------
    "mediation.bad_duration": (
        "{field} {value} invalide : entre 1 et {most} minutes (une journée de travail)"
    ),
    "mediation.needs_participants": "une session collective demande {field}",
    "mediation.individual_is_one": (
        "{field} {value} invalide : un accompagnement individuel compte une personne"
    ),
    "mediation.bad_participants": "{field} {value} invalide : entre 1 et {most}",
    "mediation.counters_sum": (
        "{field} invalide : les effectifs font {total}, pas les {participants} participants"
    ),
    "mediation.negative_count": "{field} invalide : effectif négatif {key}={value}",
    "mediation.bad_insee": (
        "{field} « {value} » invalide : un code commune INSEE a 5 caractères (03254, 2A004)"
    ),
    "mediation.no_theme": "{field} invalide : au moins une thématique (voir : mediation themes)",
    "mediation.equipment_twice": "{field} invalide : un équipement figure deux fois",
    "mediation.theme_twice": "{field} invalide : une thématique figure deux fois",
    "mediation.administrative_alone": (
        "{field} invalide : la thématique administrative {theme} va avec "
        "aide_aux_demarches_administratives"
    ),
    "mediation.details_alone": ("{field} va avec la thématique aide_aux_demarches_administratives"),
    "mediation.place_needs_commune": (
        "{field} manque : le lieu {place} demande le code INSEE de la commune"
    ),
    "mediation.place_is_the_site": (
        "{field} vaut pour une session hors du site (lieu domicile, a_distance ou autre)"
    ),
    "mediation.workshop_only": "{field} vaut pour un atelier collectif (type collectif)",
    "mediation.recorded": "session de médiation n° {id} enregistrée à {site} le {day}",
    # ---- output ----------------------------------------------------------------------------
    "output.binary_to_terminal": (
        "--format {fmt} écrit un fichier binaire : donner --output FICHIER (ou rediriger la sortie)"
    ),
    "xlsx.sheet": "données",
    "xlsx.notes": "notes",
    "mediation.report.title": "Médiation numérique — du {start:day} au {end:day}",
    "mediation.report.summary": "Synthèse",
    "mediation.report.sessions": "Sessions : {n:number}",
    "mediation.report.people": "Personnes accompagnées : {n:number}",
    "mediation.report.hours": "Heures : {n:number}",
    "mediation.report.seniors": (
        "Personnes de 60 ans et plus : {n:number} ({share:percent} des âges connus)"
    ),
    "mediation.report.ardoiz": (
        "Tablette Ardoiz : {sessions} {sessions:plural:session|sessions}, "
        "{people} {people:plural:personne|personnes}, {hours} h"
    ),
    "mediation.report.seniors_unknown": "Personnes de 60 ans et plus : {n:number} (âges inconnus)",
    "mediation.report.by_site": "Par site",
    "mediation.report.by_month": "Par mois",
    "mediation.report.by_type": "Par type d’activité",
    "mediation.report.by_place_type": "Par type de lieu",
    "mediation.report.by_theme_family": "Par famille de thématiques",
    "mediation.report.by_theme": "Par thématique",
    "mediation.report.by_equipment": "Par matériel utilisé",
    "mediation.report.by_autonomy": "Par niveau d’autonomie",
    "mediation.report.by_redirection": "Par structure de redirection",
    "mediation.report.by_duration_band": "Par durée",
    "mediation.report.by_age_band": "Par tranche d’âge",
    "mediation.report.by_social_status": "Par statut",
    "mediation.report.by_gender": "Par genre",
    "mediation.report.by_commune": "Par commune de résidence",
    # ---- how sure a value is: illustrative records, unknown hours ------------------------
    "marks.illustrative": "[{n}] illustratif : {reason}",
    "marks.illustrative_unexplained": "[{n}] illustratif, sans raison donnée",
    "marks.record_illustrative": "Illustratif : {reason}",
    "marks.record_illustrative_unexplained": "Illustratif, sans raison donnée.",
    "hours.unknown": "horaires inconnus",
}
