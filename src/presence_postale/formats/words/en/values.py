"""Values typed or read: dates, weeks, times, codes, opening hours, rules."""

MESSAGES: dict[str, str] = {
    "value.in_month": "{date:month}",
    "value.in_year": "{date.year}",
    "value.unknown": "unknown",
    # ---- dates, weeks, times ---------------------------------------------------------------
    "value.bad_date": "invalid date '{value}': {reason}",
    "value.bad_week": "invalid week '{value}': {reason}",
    "value.bad_time": "invalid time '{value}': {reason}",
    "value.bad_month": "invalid month '{value}': {reason}",
    "value.bad_duration": "invalid period '{value}': {reason}",
    "value.expected_date": "expected a date like 2021-04-27",
    "value.expected_week": (
        "expected an ISO week like 2021-W17, this, next, last or a date like 2021-04-27"
    ),
    "value.expected_time": "expected a time like 09:00 or 9h30",
    "value.expected_month": "expected a month like 2019-05",
    "value.expected_duration": "expected a number and a unit d, w, m or y, like 12m",
    "value.no_such_date": "no such date",
    "value.beyond_calendar": "beyond the calendar's range",
    "value.year_range": "year must be {first} to {last}",
    "value.weeks_in_year": "{year} has {weeks} ISO weeks",
    "value.hour_range": "hour must be 0 to 23",
    "value.minute_range": "minutes must be 00 to 59",
    "value.month_range": "month must be 01 to 12",
    "value.before_year_one": "goes back before year 1",
    # ---- recurrence ------------------------------------------------------------------------
    "value.bad_rrule": "invalid rrule '{value}': {reason}",
    "value.expected_rrule": "expected one RRULE such as FREQ=WEEKLY;BYDAY=TU",
    "value.rrule_unreadable": "unreadable rule ({detail})",
    "value.rrule_single": "expected a single rule",
    "value.rrule_frequency": "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
    "value.bad_every": "invalid --every '{value}': {reason}",
    "value.expected_every": (
        "expected day names (tuesday, mardi, mon,thu), 'weekdays', or days of the month "
        "('1st,3rd thursday', 'last friday', '1er jeudi')"
    ),
    "value.every_word": (
        "'{word}' is not understood; use day names (tuesday, mon,thu), 'weekdays', or days "
        "of the month ('1st,3rd thursday')"
    ),
    "rule.weekly": "every {days}",
    "rule.monthly": "{days} of the month",
    # ---- codes and opening hours ----------------------------------------------------------
    "value.not_in_vocabulary": "invalid {field} '{value}': expected one of {expected}",
    "value.bad_hours": "invalid opening hours '{value}': {reason}",
    "value.expected_hours": "expected rules like Mo-Fr 09:00-12:00; Sa 09:00-12:00",
    "value.hours_expected_times": "expected times like 09:00-12:00",
    "value.hours_end_early": "the expression ends too early",
    "value.hours_at": "at character {column} '{text}', {advice}",
    "value.range_reversed": "invalid range: --to {end:iso} is before --from {start:iso}",
    "value.range_too_long": "invalid range {start:iso} to {end:iso}: at most ten years at once",
    # ---- text --------------------------------------------------------------------------------
    "value.empty": "invalid {option}: must not be empty",
    "value.too_long": "invalid {option}: {length} characters, at most {maximum}",
    "value.bad_email": "invalid {option} '{value}': expected name@domain.tld",
    "value.control_characters": "invalid text: control characters are not allowed",
    "value.out_of_range": "invalid {option} {value}: must be between {minimum} and {maximum}",
    "value.at_least": "invalid {option} {value}: must be at least {minimum}",
    "value.bad_postcode": "invalid {option} '{value}': expected 5 digits",
    "value.nothing_to_update": "nothing to update: give at least one option to change",
    "value.negative": "invalid {option}: must not be negative",
    # ---- values read from files ------------------------------------------------------------
    "value.got_nothing": "nothing",
    "value.got_text": "'{text}'",
    "value.got_list": "a list",
    "value.got_mapping": "a mapping",
    "value.got_other": "{kind} {value}",
    "value.expected_text": "expected text, got {got}",
    "value.must_not_be_empty": "must not be empty",
    "value.text_too_long": "is {length} characters long; at most {maximum}",
    "value.has_control_characters": "contains control characters",
    "value.expected_quoted_code": (
        'expected a quoted code, got the number {number}: write it as "{number}"'
    ),
    "value.expected_whole_number": "expected a whole number, got {got}",
    "value.number_out_of_range": "{number} is out of range",
    "value.expected_number": "expected a number, got {got}",
    "value.expected_boolean": "expected true or false, got {got}",
    "value.expected_date_not_time": "expected a date, got a date and time {stamp}",
    "value.expected_iso_date": "expected a date YYYY-MM-DD, got {got}",
    "value.expected_quoted_time": 'expected a quoted time "HH:MM", got the number {number}',
    "value.expected_hhmm": 'expected a time "HH:MM", got {got}',
    "value.expected_datetime": "expected a date and time YYYY-MM-DDTHH:MM, got {got}",
    "value.expected_list": "expected a list, got {got}",
    "value.expected_counts": "expected a mapping of counts, got {got}",
    "value.count_negative": "count for '{code}' is negative",
    "value.expected_label": "expected a label or {{label, since, detail}}, got {got}",
    "value.label_unknown_key": "unknown key '{field}' in label",
    "value.label_missing": "label is missing",
    "value.expected_count_cells": "expected counts like 18-24=2|25-39=1, got {got}",
    "value.count_not_whole": "count for '{code}' is not a whole number",
    "value.must_not_be_negative": "must not be negative",
    "value.bad_counts": "invalid {option} '{value}': expected value=count, as {example}",
}
