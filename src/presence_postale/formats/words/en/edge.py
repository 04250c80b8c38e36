"""What every command may say: errors at the edge, usage, warnings."""

MESSAGES: dict[str, str] = {
    # ---- the edge: what every command may say --------------------------------------------
    "error.line": "error: {message}",
    "error.interrupted": "interrupted; nothing was changed by the unfinished command",
    "error.out_of_memory": (
        "not enough memory: the command stopped, an unfinished write is undone (the memory "
        "allowed to the process, ulimit -v, or the machine's is too small)"
    ),
    "error.internal": (
        "internal defect of presence-postale ({kind}: {detail}), please report it; "
        "PRESENCE_POSTALE_DEBUG=1 shows where it happens"
    ),
    "error.aborted": "aborted",
    "error.cannot_use": "cannot use '{path}': {reason}",
    "error.cannot_use_unnamed": "cannot proceed: {reason}",
    "db.server_no_database": "the PostgreSQL server {server} has no database '{name}'",
    "db.server_no_role": "the PostgreSQL server {server} has no user '{name}'",
    "db.server_password": "the PostgreSQL server {server} refuses the password",
    "db.server_no_ssl": (
        "the PostgreSQL server {server} does not accept SSL, which the URL asks for (sslmode): "
        "enable it on the server, or change sslmode"
    ),
    "db.server_unknown_host": (
        'cannot find the PostgreSQL server "{host}": that host name gives no address (a '
        "typo, or no network?)"
    ),
    "db.server_not_postgres": (
        "what answers at {server} is not a PostgreSQL server: check the URL's host and port"
    ),
    "db.server_timeout": (
        "the PostgreSQL server did not answer within {seconds} s: is it a PostgreSQL server, at "
        "this address, and does the network let it through?"
    ),
    "db.server_starting": (
        "the PostgreSQL server {server} is starting or stopping and accepts no connection yet: "
        "nothing is saved; try again in a moment"
    ),
    "db.server_down": (
        "cannot reach the PostgreSQL server {server}: is it running, at this address?"
    ),
    "db.server_read_only": (
        "the PostgreSQL server only takes reads here (a read-only database or session): "
        "nothing was saved"
    ),
    "db.server_not_allowed": (
        "the PostgreSQL user may not do this in this database: nothing was saved; ask whoever "
        "runs the server for the right"
    ),
    "db.server_disk_full": "the PostgreSQL server's disk is full: nothing was saved",
    "db.server_out_of_memory": (
        "the PostgreSQL server is out of memory: nothing was saved; try again later"
    ),
    "db.server_too_many": (
        "the PostgreSQL server has all the connections it takes: try again later"
    ),
    "db.server_busy": (
        "another write on the PostgreSQL server got in this one's way: nothing was saved; "
        "run the command again"
    ),
    "db.server_cancelled": (
        "the PostgreSQL server stopped the command (a time limit, or cancelled): nothing was saved"
    ),
    "db.server_stopped": (
        "the PostgreSQL server shut down during the command: nothing was saved; try again when "
        "it is back"
    ),
    "db.server_lost": (
        "the connection to the PostgreSQL server was lost: nothing was saved; try again"
    ),
    "error.database": "database error: {reason}",
    "notice.warning": "warning: {message}",
    # ---- usage (exit 2) ------------------------------------------------------------------
    "usage.line": "{message} (see '{command} --help')",
    "usage.bad_lang": "unknown language '{value}': expected one of {expected}",
    "usage.bad_value": "{option}: {reason}",
    "usage.bad_choice": "invalid {option} '{value}': expected one of {expected}",
    "usage.whole_number": "invalid {option} '{value}': expected a whole number",
    "usage.number": "invalid {option} '{value}': expected a number",
    "usage.at_least": "invalid {option} '{value}': at least {low}",
    "usage.at_most": "invalid {option} '{value}': at most {high}",
    "usage.missing_option": "option {option} is required",
    "usage.missing_argument": "argument {argument} is required",
    "usage.needs_value": "option {option} needs a value",
    "usage.no_such_option": "no such option: {option}",
    "usage.no_such_option_hint": "no such option: {option} (did you mean {suggestions}?)",
    "usage.no_such_command": "no such command: {command}",
    "usage.extra_arguments": "unexpected extra argument: {arguments}",
    "usage.invalid": "incorrect usage: {detail}",
    "usage.excel_needs_csv": "--excel goes with --format csv",
    "usage.one_of": "give {first} or {second}",
    "usage.not_both": "give {first} or {second}, not both",
    "usage.together": "{first} and {second} go together",
    "usage.both": "give both {first} and {second}",
    "usage.exactly_one": "give exactly one of {options}",
    "usage.takes_no_value": "option {option} takes no value",
    "usage.month_or_range": "give --month, or both --from and --to",
}
