"""Help pages: the root's, its commands' list and the words every page shares."""

# Keys: a group or command by its path (`sites`, `sites.list`), an option or argument by
# its command's path and its parameter's name (`sites.list.department`), else shared by
# every command that has it (`option.output`); `frame.*`: the help page's own words (a
# heading without its colon, which Click adds); `metavar.*`: the kind of an option's value.
# A group's commands and their options are in the group's module (`sites.py`), read only
# for that group's pages.
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
    "metavar.COMMAND [ARGS]...": "COMMAND [ARGS]...",
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
    "sites": "Sites: post offices, communal agencies, mairies, France Services.",
    "agents": "Agents: the people who hold permanences and mediation sessions.",
    "programmes": "Programmes: the pilots (vigny-2021, allier-mediation-2019, ...).",
    "permanences": "Permanences: recurring staffed slots (Vigny's Tuesday mornings in Grisy).",
    "coworking": "Coworking: spaces, bookings, waitlist, attendance, usage, retention.",
    "mediation": "Digital mediation: sessions, mediators' hours, reports (Coop vocabulary).",
    "report": "Reports: weekly (for cron), programme evaluation, France Services charter, access.",
    "import": "Imports: open data (La Poste, France Services, communes) and records files.",
    "export": "Exports: calendars (iCalendar) and more.",
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
    "notify.dry_run": "Print the messages; send nothing, record nothing.",
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
