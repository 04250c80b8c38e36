"""The sentences of the database and its files (busy, backup, purge), of absences,
cancellations, feeds and e-mails."""

MESSAGES: dict[str, str] = {
    "db.created_on_server": (
        "created the schema in {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another database)"
    ),
    "db.foreign_application": (
        "cannot use database '{path}': it is another program's SQLite database "
        "(application_id {id}); left unchanged, choose another --db"
    ),
    "db.foreign_tables": (
        "cannot use database '{path}': it holds another program's tables ({tables}) "
        "and not presence-postale's; nothing was changed, choose another database"
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
    "db.sqlite_corrupt": "SQLite finds inconsistent pages in it",
    "db.sqlite_not_a_database": "SQLite does not recognise a database in it",
    "db.sqlite_says": "SQLite reports '{detail}'",
    "db.check_schema_version": "schema version {current}, expected {expected}",
    "db.check_table_missing": "table {table} is missing",
    "db.check_not_validated": "constraint {name} ({kind}) is not validated",
    "db.check_trigger_disabled": "foreign-key trigger {name} on {table} is disabled",
    "db.check_orphan": "{table} row {row}: refers to a row missing from {parent}",
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
    "output.is_database": "cannot write output '{path}': it is the database; choose another file",
    "output.beside_database": (
        "cannot write output '{path}': SQLite keeps this file beside the database "
        "'{database}'; choose another file"
    ),
    "output.is_input": (
        "cannot write output '{path}': it is '{source}', which the command reads or makes, "
        "and the output would replace it; choose another file"
    ),
    "output.stdout_closed": "standard output is closed: nothing could be written to it",
    "output.no_reader": (
        "cannot write output '{path}': it is a named pipe that no process reads; start its "
        "reader first, or choose a file"
    ),
    "output.no_directory": "cannot write output '{path}': directory '{directory}' does not exist",
    "usage.empty_db": (
        "{option} is empty: give a database path or URL, or leave it unset for the default database"
    ),
    "usage.bad_busy_timeout": "{variable}={value}: expected a number of seconds from 0 to 86400",
    "weekly.count_absent": "{n} skipped for an absence",
    "calendar.absent": "Called off: agent away",
    "calendar.absent_why": "Called off: agent away ({reason})",
    "calendar.alarm": "Permanence at {site}",
    "calendar.booking": "Booking: {space}",
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
    "notify.bad_date": "invalid --day '{value}': {reason}",
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
    "init.would_replace": (
        "init does not replace what the database holds: {count:number} "
        "{count:plural:record differs|records differ} from '{source}' ({sections}); nothing "
        "was loaded ('presence-postale import records {source}' would replace them)"
    ),
    "smtp.not_toml": "not TOML",
    "smtp.not_toml_at": "not TOML (line {line}, column {column})",
    "smtp.not_a_table": "[smtp] must be a table (smtp.host = …, or an [smtp] section)",
    "smtp.config_exposed": (
        "the settings file '{path}' holds a password and others may read it: chmod 600 {path}"
    ),
    "smtp.bad_setting": "invalid SMTP setting {name} '{value}': expected {expected}",
    "smtp.bad_sender": (
        "invalid sender address '{value}': set PRESENCE_POSTALE_SMTP_SENDER (or [smtp] sender), "
        "such as presence@example.org"
    ),
    "smtp.no_answer": "the server did not answer within {seconds:number} s",
    "smtp.closed": "the server closed the connection",
    "smtp.no_starttls": (
        "the server offers no STARTTLS; set PRESENCE_POSTALE_SMTP_SECURITY (ssl, or none on a "
        "trusted network)"
    ),
    "smtp.not_smtp": "what answers is not an SMTP server (check the host and port)",
    "smtp.unreachable": "mail server {where} cannot be used: {reason}; nothing was sent",
    "smtp.login_refused": (
        "mail server {where} refuses the login of {user}: {reason}; nothing was sent"
    ),
    "smtp.lost": (
        "connection to mail server {where} lost: {reason}; what was not sent goes with the next run"
    ),
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
    # The system's errors, by their name (errno): `errors.os_reason`.
    "os.no_such_file": "no such file or directory",
    "os.permission_denied": "permission denied",
    "os.not_permitted": "operation not permitted",
    "os.read_only_filesystem": "read-only file system",
    "os.disk_full": "no space left on device",
    "os.quota_exceeded": "disk quota exceeded",
    "os.file_too_large": "file too large",
    "os.is_directory": "is a directory",
    "os.not_directory": "a part of the path is not a directory",
    "os.exists": "file exists",
    "os.not_empty": "directory not empty",
    "os.link_loop": "too many levels of symbolic links",
    "os.name_too_long": "file name too long",
    "os.input_output": "input/output error (disk or network)",
    "os.too_many_open": "too many open files",
    "os.too_many_open_system": "too many open files in the system",
    "os.busy": "device or resource busy",
    "os.file_busy": "file busy",
    "os.no_device_address": "no such device or address",
    "os.no_device": "no such device",
    "os.invalid_argument": "invalid argument",
    "os.stale": "stale network file handle",
    "os.unavailable": "resource temporarily unavailable",
    "os.connection_refused": "connection refused",
    "os.connection_reset": "connection reset by peer",
    "os.timed_out": "connection timed out",
    "os.host_unreachable": "no route to host",
    "os.network_unreachable": "network is unreachable",
}
