"""Help pages of `report`: reports."""

HELP: dict[str, str] = {
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
    "report.access.department": "Only this department (repeat for several).",
    "report.weekly.site": "Only this site (id or name).",
    "report.access.week": (
        "Also count the host sites of the permanences held that week (2021-W17, this, next, "
        "last or a date), beside the daily figures."
    ),
    "report.weekly.strict": "Exit 1 when the report carries warnings (cron alerts).",
    "report.compliance.strict": "Exit 1 when a site fails the charter.",
    "report.access.within": "The distance, in km (the mission's rule: 5).",
    "report.access.points": (
        "The points: contact (La Poste's contact points) or a label (france_services, msap)."
    ),
    "report.access.without": "What if this site closed (id or name; repeat).",
    "report.access.with_": "What if a point opened here: LAT,LON or a site (id or name; repeat).",
}
