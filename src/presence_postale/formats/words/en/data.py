"""data"""

MESSAGES: dict[str, str] = {
    # ---- the database ------------------------------------------------------------------------
    "db.exists": "database '{database}' already exists",
    "db.not_sqlite": "cannot use database '{path}': it is not a SQLite database; left unchanged",
    "db.is_directory": "cannot use database '{path}': it is a directory",
    "db.side_file_name": (
        "cannot use database '{path}': SQLite gives this name to a file it keeps beside the "
        "database '{base}', and would erase it on opening that one; choose another name"
    ),
    "db.no_directory": "cannot use database '{path}': directory '{directory}' does not exist",
    "db.bad_scheme": (
        "cannot use database URL '{scheme}://…': give a SQLite file or a "
        "postgresql+psycopg://user@host/dbname URL"
    ),
    "db.no_database_name": (
        "cannot use database URL '{url}': it names no database "
        "(postgresql+psycopg://user@host/dbname)"
    ),
    "db.schema_newer": (
        "database schema version '{version}' is newer than this version of "
        "presence-postale: upgrade the tool"
    ),
    "db.migration_breaks": (
        "migration would break {count} {count:plural:reference|references}; nothing changed"
    ),
    "file.cannot_write": "cannot write '{path}': {reason}",
    "file.not_regular": "it is not a regular file (a device, a pipe or a socket)",
    "file.is_directory": "it is a directory",
    "file.no_directory": "directory '{directory}' does not exist",
    "file.exists": "the file exists; choose a new name",
    # ---- db copy -----------------------------------------------------------------------------
    "copy.onto_itself": "cannot copy a database onto itself",
    "copy.source_not_current": "the source's schema is at '{version}', not '{head}'",
    "copy.target_not_empty": (
        "cannot copy into {target}: it already has {count} presence-postale "
        "{count:plural:table|tables} ({tables}); the target must be an empty database"
    ),
    "copy.target_appeared": "cannot copy into '{target}': the file appeared meanwhile",
    "copy.uncomparable": "cannot compare a value of type {kind}",
    # ---- files ---------------------------------------------------------------------------------
    "file.cannot_read": "cannot read '{path}': {reason}",
    "file.no_such_file": "no such file",
    "file.not_utf8": "line {line}: not UTF-8 (byte {byte}); save it as UTF-8",
    "file.utf16": (
        'the text is UTF-16 (a spreadsheet\'s "Unicode Text"); save it as UTF-8 '
        '(in a spreadsheet: "CSV UTF-8")'
    ),
    "file.is_sqlite": "it is a SQLite database, not a text file (a database is given with --db)",
    "file.is_zip": (
        "it is a ZIP archive or a workbook (xlsx, ods), not a text file; save it as CSV UTF-8"
    ),
    "file.is_workbook": "it is an Excel workbook (xls); save it as CSV UTF-8",
    "file.is_compressed": "it is a compressed file; decompress it first",
    "file.is_pdf": "it is a PDF, not a data file",
    "file.empty": "the file is empty",
    # ---- records files -------------------------------------------------------------------------
    "records.at": "{source}: line {line}: {place}: {reason}",
    "records.moved_without_date": "a moved occurrence needs its new_date",
    "records.conflict": (
        "{source}: line {line}: {item}.{field}: '{ours}' in the database, '{theirs}' in the "
        "file: "
        "the record differs, and nothing tells on which side it changed; {n} "
        "{n:plural:conflict|conflicts}, nothing imported (--dry-run lists them, --replace "
        "takes the file's values)"
    ),
    "records.twin": (
        "{source}: line {line}: {item}: the database holds the same record under the uid "
        "{uid}: entered in each database? Give the file's record that uid, or remove its uid; "
        "nothing imported"
    ),
    "records.no_value": "(empty)",
    "records.left_out_not_a_list": (
        "left_out: a list of the fields left out is expected (reservations.email, …)"
    ),
    "records.bad_left_out": (
        "left_out: '{value}' is not a field that names people (reservations.person_name, "
        "reservations.email, waitlist.person_name or waitlist.email)"
    ),
    "records.at_line": "{source}: line {line}: {reason}",
    "records.in_file": "{source}: {reason}",
    "records.key_not_text": "mapping keys must be text",
    "records.duplicate_key": "duplicate key '{key}'",
    "records.expected_sections": "expected a mapping of sections ({sections})",
    "records.bad_version": "version {version} is not supported (expected {expected})",
    "records.bad_exported": (
        "exported is {value}: true (another database's file, written by export records) or false"
    ),
    "records.unknown_section": "unknown section '{section}' (expected {sections})",
    "records.not_a_list": "{section} must be a list",
    "records.not_a_mapping": "{place} must be a mapping",
    "records.unknown_field": "unknown field (expected {expected})",
    "records.missing_field": "{field} is missing",
    "records.unknown_column": "unknown column '{column}' for {kind} (expected {expected})",
    "records.duplicate_column": "column '{column}' is given twice",
    "records.huge_number": "a number of {digits} digits, beyond any value a record holds",
    "records.missing_column": "column '{column}' is missing",
    "records.cell_count": "{cells} columns instead of {expected}",
    # ---- open-data imports ---------------------------------------------------------------
    "import.cannot": "cannot import '{path}': {reason}",
    "import.not_text": "line {line}: neither UTF-8 nor Windows-1252 text; save it as UTF-8",
    "import.broken_accents": (
        "the accents are broken (UTF-8 text saved again as Windows-1252, e.g. 'LibellÃ©'); "
        "export the list again as UTF-8"
    ),
    "import.not_laposte": (
        "not La Poste's contact-point list (laposte_poincont2): expected the header "
        "#{expected};…, got '{got}'"
    ),
    "import.not_france_services": (
        "not the ANCT list of France Services: missing column {missing}"
    ),
    "import.empty": "is empty",
    "import.not_site_id": "'{value}' is not a site id like 00518A",
    "import.not_parent_id": "'{value}' is not a site id",
    "import.unknown_kind": "unknown kind '{value}' (expected one of: {expected})",
    "import.not_postcode": "'{value}' is not 5 digits",
    "import.not_postcode_zero": (
        "'{value}' is not 5 digits (a spreadsheet may have dropped its leading zero)"
    ),
    "import.not_insee": "'{value}' is not an INSEE commune code",
    "import.not_department": "'{value}' is not a department code",
    "import.not_number": "'{value}' is not a number",
    "import.out_of_range": "{value} is out of range (-{bound} to {bound})",
    "import.one_coordinate": "is empty while the other coordinate is given",
    "import.expected_interval": "'{value}' is not an interval like 09:00 - 12:00",
    "import.bad_interval": "'{value}' is not a valid interval",
    "import.no_label_date": "'{value}' has no date like 'Espace labellisé 01/02/2020'",
    "import.duplicate": "'{value}' is also on line {earlier}",
    "import.no_such_department": (
        "department '{department}' (from INSEE code {insee}) does not exist"
    ),
    "import.no_contact_point": "no La Poste contact point with INSEE code {insee}",
    "import.no_single_match": (
        "{count} La Poste contact points with INSEE code {insee}, none alone named like '{place}'"
    ),
    "import.hosts_another": "its La Poste site {site} hosts line {line} too",
    "export.places_left_out": (
        "left out {count:number} {count:plural:site|sites} that the digital mediation places "
        "standard would refuse without an address, a commune or a five-digit postcode: {sites}"
    ),
    "export.left_out": ("left out {count:number} {count:plural:site|sites} without coordinates"),
    "import.created": "created {count:number}",
    "import.updated": "updated {count:number}",
    "import.unchanged": "unchanged {count:number}",
    "import.rejected": "rejected {count:number}",
    "import.skipped": "outside the departments asked {count:number}",
    "import.unmatched": "La Poste-hosted not matched {count:number}",
    "import.summary": "{counts}",
    "import.dry_run": "dry run, nothing written: {summary}",
    "import.row": "line {line}: {field}: {reason}",
    "import.row_anywhere": "line {line}: {reason}",
    "import.refused": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: "
        "{rows:semicolons}"
    ),
    "import.refused_more": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: "
        "{rows:semicolons}; and {more:number} more (--format json lists them all)"
    ),
    "import.unmatched_title": "France Services hosted by La Poste with no matching site",
    "import.csv_needs_kind": "a CSV file needs --kind",
    "db.missing": "no database at {location}: run presence-postale init",
    "db.created": (
        "created database {path} and loaded the bundled seed "
        "(use --db or PRESENCE_POSTALE_DB to choose another file)"
    ),
    "db.created_schema": "created the schema in {location}",
    "db.upgraded": "applied {applied}",
    "db.up_to_date": "schema already up to date",
    "db.backed_up": "backed up {path} to {target} ({pages} pages)",
    "db.check_failed": (
        "database check failed: {count} {count:plural:problem|problems}, first: {first}"
    ),
    "db.check_ok": "ok: integrity and foreign keys",
    "db.seed_title": "seed: {source}",
    "copy.table": "copied {table}: {rows} rows",
    "copy.differs": (
        "copy differs from the source in {count} {count:plural:table|tables}: {table}"
    ),
    "copy.done": "copied {source} to {target}: every table identical",
    "db.initialised": "created database {location}",
}
