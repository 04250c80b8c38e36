"""The English catalogue (`--lang en`, `PRESENCE_POSTALE_LANG=en`): the same keys as `fr`."""

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
YES, NO, NOTHING = "yes", "no", "nothing"
AT = "{day} at {time}"

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "error: {message}",
    "error.interrupted": "interrupted; nothing was changed by the unfinished command",
    "error.aborted": "aborted",
    "error.cannot_use": "cannot use '{path}': {reason}",
    "error.cannot_use_unnamed": "cannot proceed: {reason}",
    "error.database": "database error: {reason}",
    # ---- a value refused: what, where, why -------------------------------------------------
    "field.invalid": "invalid {field} '{value}': {reason}",
    "field.invalid_bare": "invalid {field}: {reason}",
    "text.missing": "it is required",
    "text.empty": "must not be empty",
    "text.not_text": "expected text",
    "text.too_long": "{length} characters, at most {limit}",
    "text.line_break": "a name is one line, without line breaks (only notes have them)",
    "text.control": "it contains a control character ({char})",
    "text.invisible": (
        "it contains an invisible formatting character ({char}), such as a direction override "
        "or a zero-width space"
    ),
    "text.not_unicode": "it contains bytes that are not text (invalid UTF-8)",
    "text.identifier": (
        "an identifier is 1 to {limit} letters, digits, '-', '_' or '.', starting and ending "
        "with a letter or a digit"
    ),
    "search.too_long": "a search of {length} characters: at most {limit}",
    "number.not_whole": "expected a whole number",
    "number.not_number": "expected a number",
    "number.not_bool": "expected true or false",
    "number.range": "must be between {low} and {high}",
    "date.not_date": "expected a date YYYY-MM-DD",
    "date.not_datetime": "expected a date and time YYYY-MM-DDTHH:MM",
    "date.not_time": "expected a time HH:MM",
    "date.year": "the year must be {first} to {last}",
    "order.before": "end {value} is before start {first}",
    "order.not_after": "end {value} is not after start {first}",
    "order.below_min": "the maximum {value} is below the minimum {first}",
    "email.shape": "not an e-mail address like name@domain.fr",
    "phone.shape": (
        "not a phone number: digits (2 to 15), spaces, dots, dashes, brackets and a leading '+'"
    ),
    "code.insee": (
        "not an INSEE commune code: five characters like 95658, 2A004 (Corsica) or 97105 (overseas)"
    ),
    "code.postcode": "not a postcode: five digits like 95450",
    "code.department": "not a department code like 03, 2A or 971",
    "code.department_mismatch": "INSEE code {insee} is a commune of department {derived}",
    "code.siret": "not a SIRET number: 14 digits with the right check digit",
    "list.twice": "an item is listed twice",
    "site.one_coordinate": "latitude and longitude go together: give both",
    "site.own_parent": "a site cannot be attached to itself",
    "vocab.unknown": "expected one of {expected}",
    # ---- recurrence rules -----------------------------------------------------------------
    "recurrence.too_long": "a rule of {length} characters: at most {limit}",
    "recurrence.one_rule": (
        "expected one rule such as FREQ=WEEKLY;BYDAY=TU (no DTSTART, no line break)"
    ),
    "recurrence.part": "'{part}' is not NAME=VALUE, as in FREQ=WEEKLY;BYDAY=TU",
    "recurrence.sub_daily": (
        "a permanence takes place at most once a day: {part} is not accepted "
        "(FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)"
    ),
    "recurrence.unknown_part": "{part} is not a part of a rule this tool knows ({known})",
    "recurrence.repeated_part": "{part} is given twice",
    "recurrence.no_freq": "FREQ is missing: DAILY, WEEKLY, MONTHLY or YEARLY",
    "recurrence.freq": "FREQ={value}: expected DAILY, WEEKLY, MONTHLY or YEARLY",
    "recurrence.interval": (
        "INTERVAL={value}: the interval is a whole number from 1 to {high} for FREQ={freq}"
    ),
    "recurrence.count": "COUNT={value}: expected a whole number from 1 to {high}",
    "recurrence.count_and_until": "COUNT and UNTIL exclude each other: give one of them",
    "recurrence.by_freq": "{part} does not go with FREQ={freq}",
    "recurrence.by_value": "{part}={value}: each value goes from {low} to {high}",
    "recurrence.byday": (
        "BYDAY={value}: expected days MO to SU, with a rank (1TU, -1FR) only in a MONTHLY or "
        "YEARLY rule"
    ),
    "recurrence.wkst": "WKST={value}: expected a day MO to SU",
    "recurrence.until": (
        "UNTIL={value}: expected a date (20210701), a local date and time (20210701T090000) "
        "or one in UTC (20210701T070000Z), from 1900 to 2199"
    ),
    "recurrence.unreadable": "the rule cannot be read",
    "recurrence.never": (
        "the rule never yields a date (a day that does not exist, such as 30 February)"
    ),
    "recurrence.window": (
        "a period of {days} days: a recurrence is expanded over at most {limit} days at once"
    ),
    "recurrence.every_empty": (
        "expected day names (tuesday, mardi, mon,thu), 'weekdays', or days of the month "
        "('1st,3rd thursday', 'last friday', '1er jeudi')"
    ),
    "recurrence.every_word": (
        "'{word}' is not understood: expected day names (tuesday, mardi, mon,thu), 'weekdays', "
        "or days of the month ('1st,3rd thursday', 'last friday', '1er jeudi')"
    ),
    # ---- opening hours --------------------------------------------------------------------
    "hours.empty": "expected opening hours like Mo-Fr 09:00-12:00",
    "hours.too_long": "opening hours of {length} characters: at most {limit}",
    "hours.invalid": "not OpenStreetMap opening hours: {problem}",
    "hours.syntax": "{advice}",
    "hours.syntax_at": "at character {column} ('{rest}'), {advice}",
    "hours.expect_times": "expected times like 09:00-12:00",
    "hours.ends_early": "the expression ends too early",
    "hours.expect_rules": "expected rules like Mo-Fr 09:00-12:00; Sa 09:00-12:00",
    "hours.reversed": (
        "the opening hours' span {span} ends before it starts; for an opening past midnight "
        "write 22:00-26:00 or 22:00-24:00, or add --overnight"
    ),
    "hours.empty_span": "the opening hours' span {span} is empty",
    # ---- digital mediation ----------------------------------------------------------------
    "mediation.duration": "a duration in minutes from 1 to {high} (a working day)",
    "mediation.collective_needs_participants": (
        "a collective workshop needs its number of participants (--participants)"
    ),
    "mediation.individual_one": "an individual session has 1 participant",
    "mediation.counts_total": (
        "the counts add up to {total}, not to the {participants} participants"
    ),
    "mediation.no_theme": "at least one theme (see: mediation themes)",
    "mediation.theme_twice": "a theme is listed twice",
    # ---- coworking bookings ---------------------------------------------------------------
    "booking.holder": "reservation #{id} {start}-{end} ({who})",
    "booking.same_day": "a booking starts and ends on the same day",
    "booking.too_long": "a booking lasts at most {hours} h",
    "booking.category": "category '{category}' may not book space {space} (eligible: {eligible})",
    "booking.holiday": "{day:day} is a public holiday ({holiday}): {site} is closed",
    "booking.closed": "{site} is closed on {day:day} ({reason})",
    "booking.outside_hours": (
        "{day:day} {start}-{end} is outside the bookable hours of space {space} ({open} that day)"
    ),
    "booking.closed_all_day": "closed all day",
    "booking.full": "{start}-{end} overlaps {holder} (capacity {capacity})",
    "booking.shorter_than": (
        "a booking of {minutes} min is shorter than this space's minimum ({limit} min)"
    ),
    "booking.longer_than": (
        "a booking of {minutes} min is longer than this space's maximum ({limit} min)"
    ),
    "booking.past": "the booking starts in the past; use --record to record a past booking",
    "booking.too_far_ahead": (
        "the booking is {days} days ahead; this space takes bookings at most {limit} days ahead"
    ),
    "booking.quota": (
        "this booking would bring the person to {hours} h that week; this space allows "
        "{limit} h a person a week"
    ),
    "booking.cutoff": "cancellation within {hours} h of the start; use --force to cancel anyway",
    # ---- records: sites, agents, programmes -----------------------------------------------
    "site.not_found": "site '{site}' not found (try: presence-postale sites search \"{site}\")",
    "site.no_id": "a new site needs an id, or a --name to make one from",
    "site.exists": "site '{site}' already exists",
    "department.not_found": "department '{department}' not found",
    "agent.no_id": "a new agent needs an id, or a --name to make one from",
    "agent.exists": "agent '{agent}' already exists",
    "period.too_long": "a period of {days} days: at most {limit} at once (ten years)",
    "programme.too_long": "a programme runs ten years at most: it ends on {last} at the latest",
    "programme.exists": "programme '{programme}' already exists",
    "permanence.no_occurrence": (
        "the rule {rule} yields no occurrence from {first} to {last} (validity and programme "
        "{programme} dates)"
    ),
    "permanence.move_nowhere": (
        "moving the occurrence of {day} to the same day and times changes nothing: give another "
        "day (--to) or other times (--start, --end)"
    ),
    # ---- records files and open data ------------------------------------------------------
    "records.field": "{source}: line {line}: {path} '{value}': {reason}",
    "records.refused": "{source}: line {line}: {path}: {reason}",
    "records.missing_reference": "'{value}' does not exist",
    "booking.refused_day": "refused {day}: {reason}",
    "booking.series_refused": (
        "{refused} of {total} dates refused, nothing booked (first: {day}: {reason})"
    ),
    "records.too_big": "{source}: a records file of {size:number} bytes: at most {limit:number}",
    "records.too_deep": "lists or mappings nested more than {limit} levels deep",
    "records.alias": "YAML anchors and aliases (& and *) are not taken",
    "records.key_not_text": "a mapping key must be text",
    "records.duplicate_key": "key '{key}' is given twice",
    "records.bad_date": "invalid date '{value}': no such day",
    "records.unreadable": "{source}: line {line}: {reason}",
    "records.yaml_syntax": (
        "not valid YAML or JSON (a bracket, a quote or the indentation is wrong)"
    ),
    "records.yaml_tab": "a tab at the start of a line: YAML indents with spaces only",
    "records.yaml_colon": "a ':' out of place (put the value in quotes)",
    "records.yaml_indent": "the indentation does not match the lines before",
    "records.yaml_unclosed": "a bracket, a brace or a quote is not closed",
    "records.yaml_escape": "an unknown escape sequence in quotes",
    "records.yaml_character": "a character that cannot be in a text file",
    "import.header": "{source}: line 1: {reason}",
    "import.row": "line {line}: {field}: {reason}",
    "import.row_bare": "line {line}: {reason}",
    "import.value": "'{value}': {reason}",
    "import.cell_too_long": "a cell is longer than {limit:number} characters",
    "import.malformed_csv": "malformed CSV (a quote is not closed, or a cell holds a NUL)",
    "import.refused": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: {rows}{more}"
    ),
    "import.more": "; and {count:number} more (--format json lists them all)",
    "copy.refused": "copy refused: table {table}, record {row}: {reason}",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.not_utf8": "argument {number} ('{value}') is not UTF-8 text",
    "usage.bad_lang": "unknown language '{value}': expected one of {expected}",
}

# vocabulary -> code -> label, in display order (a test keeps the codes the domain's)
LABELS: dict[str, dict[str, str]] = {
    "site_kind": {
        "bureau_de_poste": "Post office",
        "agence_postale_communale": "Municipal postal agency",
        "agence_postale_intercommunale": "Intermunicipal postal agency",
        "relais_poste_commercant": "Retailer postal point",
        "mairie": "Town hall",
        "commerce": "Shop",
        "msap": "Public service centre (MSAP)",
        "autre": "Other",
    },
    "site_label": {
        "france_services": "France Services",
        "msap": "MSAP",
    },
    "equipment": {
        "ilot_numerique": "Digital kiosk",
        "comptoir_connecte": "Connected counter",
        "bureau_partage": "Shared desk",
        "imprimante": "Printer",
        "wifi": "Wi-Fi",
        "tablettes": "Tablets",
    },
    "site_source": {
        "seed": "Seed data",
        "laposte": "La Poste open data",
        "manual": "Entered by hand",
        "france_services": "ANCT France Services open data",
    },
    "operator": {
        "laposte": "La Poste",
        "caf": "Family allowance fund (CAF)",
        "pole_emploi": "Pôle emploi (employment agency)",
        "cnam": "Health insurance (CNAM)",
        "cnav": "Pension insurance (CNAV)",
        "msa": "Farmers' social insurance (MSA)",
        "interieur": "Ministry of the Interior",
        "justice": "Ministry of Justice",
        "dgfip": "Public finances (DGFiP)",
    },
    "agent_role": {
        "chargee_de_clientele": "Customer adviser",
        "facteur_services_expert": "Expert services postman",
        "mediateur_numerique": "Digital mediator",
        "animateur_france_services": "France Services host",
    },
    "programme_status": {
        "planned": "Planned",
        "running": "Running",
        "extended": "Extended",
        "ended": "Ended",
    },
    "programme_model": {
        "france_services_mobilite": "France Services on the move",
        "permanence": "Itinerant permanences",
        "coworking": "Shared workspace",
        "mediation_numerique": "Digital mediation",
        "accompagnement_numerique_seniors": "Digital support for seniors",
        "msap": "Public service centre (MSAP)",
        "autre": "Other",
    },
    "reservation_category": {
        "soho_solo": "Freelancer or remote worker",
        "association": "Association",
        "other": "Other",
    },
    "reservation_status": {
        "confirmed": "Confirmed",
        "cancelled": "Cancelled",
        "attended": "Attended",
        "no_show": "No-show",
    },
    "booking_channel": {
        "email": "E-mail",
        "phone": "Phone",
        "desk": "At the desk",
        "other": "Other",
    },
    "session_type": {
        "individuel": "Individual support",
        "collectif": "Group workshop",
    },
    "theme": {
        "diagnostic_numerique": "Digital skills assessment",
        "prendre_en_main_du_materiel": "Using a device",
        "maintenance_de_materiel": "Device maintenance",
        "gerer_ses_contenus_numeriques": "Managing digital content",
        "navigation_sur_internet": "Browsing the web",
        "email": "E-mail",
        "bureautique": "Office software",
        "reseaux_sociaux": "Social networks",
        "sante": "Health",
        "banque_et_achats_en_ligne": "Online banking and shopping",
        "entrepreneuriat": "Entrepreneurship",
        "insertion_professionnelle": "Finding work",
        "securite_numerique": "Online safety",
        "parentalite": "Parenting",
        "scolarite_et_numerique": "School and digital",
        "creer_avec_le_numerique": "Creating with digital tools",
        "culture_numerique": "Digital culture",
        "intelligence_artificielle": "Artificial intelligence",
        "aide_aux_demarches_administratives": "Help with administrative procedures",
    },
    "autonomy": {
        "entierement_accompagne": "Fully assisted",
        "partiellement_autonome": "Partly independent",
        "autonome": "Independent",
    },
    "age_band": {
        "<12": "Under 12",
        "12-17": "12-17",
        "18-24": "18-24",
        "25-39": "25-39",
        "40-59": "40-59",
        "60-69": "60-69",
        "70+": "70 and over",
        "non_communique": "Not given",
    },
    "social_status": {
        "scolarise": "In education",
        "sans_emploi": "Unemployed",
        "en_emploi": "Employed",
        "retraite": "Retired",
        "non_communique": "Not given",
    },
    "equipment_used": {
        "ordinateur": "Computer",
        "telephone": "Phone",
        "tablette": "Tablet",
        "autre": "Other",
        "aucun": "None",
    },
}
