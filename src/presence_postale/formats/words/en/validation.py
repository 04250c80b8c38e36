"""The sentences of refused values: what, where, why (fields, codes, recurrence rules,
opening hours, bookings, records files and open data)."""

MESSAGES: dict[str, str] = {
    "field.invalid": "invalid {field} '{value}': {reason}",
    "field.invalid_bare": "invalid {field}: {reason}",
    "text.missing": "it is required",
    "text.empty": "must not be empty",
    "text.not_text": "expected text",
    "text.too_long": "{length} characters, at most {limit}",
    "text.line_break": "a name is one line, without line breaks (only notes have them)",
    "text.odd_line_break": (
        "it contains a line break of another kind ({char}): a note's lines end with an "
        "ordinary line break"
    ),
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
    "recurrence.too_long": "a rule of {length} characters: at most {limit}",
    "recurrence.one_rule": (
        "expected one rule such as FREQ=WEEKLY;BYDAY=TU (no DTSTART, no line break)"
    ),
    "recurrence.part": "'{part}' is not NAME=VALUE, as in FREQ=WEEKLY;BYDAY=TU",
    "recurrence.sub_daily": (
        "a permanence takes place at most once a day: {part} is not accepted (FREQ=DAILY, "
        "WEEKLY, MONTHLY or YEARLY)"
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
        "UNTIL={value}: expected a date (20210701), a local date and time (20210701T090000) or "
        "one in UTC (20210701T070000Z), from 1900 to 2199"
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
    "booking.same_day": "a booking starts and ends on the same day",
    "booking.too_long": "a booking lasts at most {hours} h",
    "booking.past": "the booking starts in the past; use --record to record a past booking",
    "site.no_id": "a new site needs an id, or a --name to make one from",
    "agent.no_id": "a new agent needs an id, or a --name to make one from",
    "period.too_long": "a period of {days} days: at most {limit} at once (ten years)",
    "closure.too_long": (
        "a closure of more than {years} years is a definitive one: this one ends on {last:day} "
        "at the latest; a site that does not reopen is removed (presence-postale sites remove)"
    ),
    "programme.too_long": "a programme runs ten years at most: it ends on {last} at the latest",
    "permanence.move_nowhere": (
        "moving the occurrence of {day} to the same day and times changes nothing: give another "
        "day (--to) or other times (--start, --end)"
    ),
    "records.field": "{source}: line {line}: {place} '{value}': {reason}",
    "records.missing_reference": "'{value}' does not exist",
    "records.too_big": "{source}: a records file of {size:number} bytes: at most {limit:number}",
    "records.twice": "the same record as {first} ({key}): a file gives each record once",
    "records.too_deep": "lists or mappings nested more than {limit} levels deep",
    "records.alias": "YAML anchors and aliases (& and *) are not taken",
    "records.bad_date": "invalid date '{value}': no such day",
    "records.unreadable": "{source}: line {line}: {reason}",
    "records.yaml_syntax": (
        "not valid YAML or JSON (a bracket, a quote or the indentation is wrong)"
    ),
    "records.yaml_tag": "YAML tag {tag}: records files have none; write the value as it is",
    "records.yaml_tab": "a tab at the start of a line: YAML indents with spaces only",
    "records.yaml_colon": "a ':' out of place (put the value in quotes)",
    "records.yaml_indent": "the indentation does not match the lines before",
    "records.yaml_unclosed": "a bracket, a brace or a quote is not closed",
    "records.yaml_escape": "an unknown escape sequence in quotes",
    "records.yaml_character": "a character that cannot be in a text file",
    "import.value": "'{value}': {reason}",
    "import.cell_too_long": "a cell is longer than {limit:number} characters",
    "records.csv_would_empty": (
        "column {column} is missing from the file, and the database holds a value of it for "
        "this record: a CSV gives whole records and would empty it; add the column with its "
        "values"
    ),
    "import.bad_sep_line": (
        "the first line 'sep={value}' names a separator the tool does not read: "
        "'sep=;', 'sep=,' or 'sep=' followed by a tab"
    ),
    "import.malformed_csv": "malformed CSV (a quote is not closed, or a cell holds a NUL)",
    "copy.refused": "copy refused: table {table}, record {row}: {reason}",
    "usage.not_utf8": "argument {number} ('{value}') is not UTF-8 text",
    "db.not_a_url": (
        "cannot use database URL '{scheme}://…': it is not a URL like "
        "postgresql+psycopg://user@host:5432/dbname (a port is a number from 1 to 65535)"
    ),
}
