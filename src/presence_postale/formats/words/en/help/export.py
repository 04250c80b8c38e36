"""Help pages of `export`: exports."""

HELP: dict[str, str] = {
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
    "export.calendar.fmt": "What to write.",
    "export.records.fmt": "What to write.",
    "export.sites.department": "Only this department.",
    "export.mediation-places.department": "Only this department.",
    "export.calendar.site": "The permanences held at a site.",
    "export.mediation-sessions.site": "Only at this site.",
    "export.feeds.start": "First day (default: the Monday four weeks ago).",
    "export.feeds.end": "Last day (default: a year ahead).",
    "export.calendar.agent": "An agent's permanences.",
    "export.calendar.programme": "A programme's permanences.",
    "export.records.department": (
        "Only this department (repeat for several): its sites and what hangs on them "
        "(versions, closures, permanences, spaces and bookings, mediation sessions), with the "
        "records every department shares (departments, operators, agents, programmes). To "
        "merge departments without touching the others: the file loads into a database that "
        "already holds the other departments' sites."
    ),
    "export.records.include_personal": (
        "Keep the names and e-mails of people who booked (left out by default)."
    ),
    "export.feeds.directory": "Where the .ics files go (a web directory).",
    "export.feeds.alarm": "An alarm that long before each event: 15m (minutes), 1h, 1d.",
    "export.feeds.refresh": "How often subscribers fetch the feeds again: 1h, 6h, 1d.",
}
