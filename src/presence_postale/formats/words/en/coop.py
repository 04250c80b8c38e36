"""The sentences of mediation sessions (the Coop's rules), workbooks and marks."""

MESSAGES: dict[str, str] = {
    # ---- vocabularies and mediation sessions (the Coop's rules) ---------------------------
    "mediation.bad_duration": (
        "invalid {field} {value}: minutes between 1 and {most} (a working day)"
    ),
    "mediation.needs_participants": "a collective session needs {field}",
    "mediation.individual_is_one": "invalid {field} {value}: an individual session has 1",
    "mediation.bad_participants": "invalid {field} {value}: between 1 and {most}",
    "mediation.counters_sum": (
        "invalid {field}: the counts add up to {total}, not to the {participants} participants"
    ),
    "mediation.negative_count": "invalid {field} count {key}={value}: a count is negative",
    "mediation.bad_insee": (
        "invalid {field} '{value}': an INSEE commune code has 5 characters (03254, 2A004)"
    ),
    "mediation.no_theme": "invalid {field}: at least one theme (see: mediation themes)",
    "mediation.equipment_twice": "invalid {field}: a piece of equipment is listed twice",
    "mediation.theme_twice": "invalid {field}: a theme is listed twice",
    "mediation.administrative_alone": (
        "invalid {field}: the administrative theme {theme} goes with "
        "aide_aux_demarches_administratives"
    ),
    "mediation.details_alone": "{field} goes with the theme aide_aux_demarches_administratives",
    "mediation.place_needs_commune": (
        "{field} is missing: the place {place} needs the commune's INSEE code"
    ),
    "mediation.place_is_the_site": (
        "{field} is for a session away from the site (place domicile, a_distance or autre)"
    ),
    "mediation.workshop_only": "{field} is for a collective workshop (type collectif)",
    "mediation.recorded": "recorded mediation session #{id} at {site} on {day}",
    # ---- output ----------------------------------------------------------------------------
    "output.binary_to_terminal": (
        "--format {fmt} writes a binary file: give --output FILE (or redirect the output)"
    ),
    "xlsx.sheet": "data",
    "xlsx.notes": "notes",
    "mediation.report.title": "Digital mediation — {start:day} to {end:day}",
    "mediation.report.summary": "Summary",
    "mediation.report.sessions": "Sessions: {n:number}",
    "mediation.report.people": "People accompanied: {n:number}",
    "mediation.report.hours": "Hours: {n:number}",
    "mediation.report.seniors": (
        "People aged 60 and over: {n:number} ({share:percent} of known ages)"
    ),
    "mediation.report.ardoiz": (
        "Ardoiz tablet: {sessions} {sessions:plural:session|sessions}, "
        "{people} {people:plural:person|people}, {hours} h"
    ),
    "mediation.report.seniors_unknown": "People aged 60 and over: {n:number} (ages unknown)",
    "mediation.report.by_site": "By site",
    "mediation.report.by_month": "By month",
    "mediation.report.by_type": "By type of activity",
    "mediation.report.by_place_type": "By place type",
    "mediation.report.by_theme_family": "By theme family",
    "mediation.report.by_theme": "By theme",
    "mediation.report.by_equipment": "By equipment used",
    "mediation.report.by_autonomy": "By autonomy reached",
    "mediation.report.by_redirection": "By redirection",
    "mediation.report.by_duration_band": "By length",
    "mediation.report.by_age_band": "By age band",
    "mediation.report.by_social_status": "By social status",
    "mediation.report.by_gender": "By gender",
    "mediation.report.by_commune": "By commune of residence",
    # ---- how sure a value is: illustrative records, unknown hours ------------------------
    "marks.illustrative": "[{n}] illustrative: {reason}",
    "marks.illustrative_unexplained": "[{n}] illustrative, no reason given",
    "marks.record_illustrative": "Illustrative: {reason}",
    "marks.record_illustrative_unexplained": "Illustrative, no reason given.",
    "hours.unknown": "hours unknown",
}
