"""Help pages of `sites`: sites."""

HELP: dict[str, str] = {
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
    "sites.list.department": "Department code: 03, 2A, 971.",
    "sites.search.department": "Department code: 03, 2A, 971.",
    "sites.add.department": "Department code: 03, 2A, 971.",
    "sites.update.department": "Department code: 03, 2A, 971.",
    "sites.list.kind": "bureau_de_poste, mairie, ...",
    "sites.nearest.kind": "Only sites of this kind.",
    "sites.list.label": "france_services or msap.",
    "sites.nearest.label": "Only sites with this label.",
    "sites.add.label": "Labels to add, comma-separated: france_services,msap.",
    "sites.search.query": 'Part of a name or commune: "st gerand".',
    "sites.hours.week": "2021-W18, this, next, last, or a date inside the week.",
    "sites.close.start": "First day closed.",
    "sites.close.end": "Last day closed (default: --from).",
    "sites.close.reason": "Why: travaux, congés, ...",
    "sites.nearest.commune": "From this commune.",
    "sites.nearest.lat": "From this latitude.",
    "sites.nearest.lon": "From this longitude.",
    "sites.nearest.limit": "How many sites.",
    "sites.add.site_id": "Id: La Poste's id for a contact point, else a short slug.",
    "sites.add.equipment": "Equipment to add, comma-separated: ilot_numerique,wifi.",
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
}
