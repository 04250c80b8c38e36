"""places"""

MESSAGES: dict[str, str] = {
    "department.not_found": "department '{department}' not found",
    "operator.not_found": "operator '{operator}' not found",
    # ---- sites -------------------------------------------------------------------------------
    "site.empty_search": "empty search: give part of a site's name or commune",
    "site.empty_ref": "empty site: give a site id or name",
    "site.not_found": "site '{site}' not found (try: presence-postale sites search \"{site}\")",
    "site.ambiguous": "site '{site}' is ambiguous: {candidates}",
    "site.ambiguous_more": "site '{site}' is ambiguous: {candidates} and {more} more",
    "site.commune_not_found": (
        "commune '{commune}' not found among sites with coordinates (import La Poste's "
        "contact points, or give --lat and --lon)"
    ),
    "site.bad_position": (
        "invalid position {latitude}, {longitude}: latitude -90..90, longitude -180..180"
    ),
    "site.exists": "site '{site}' already exists",
    "id.exists_in_other_case": (
        "'{existing}' already exists: '{new}' differs from it only in case; choose another id"
    ),
    "site.exists_in_other_case": (
        "site '{existing}' already exists: '{site}' differs from it only in case; choose another id"
    ),
    "site.no_equipment": "site {site} has no equipment '{code}'",
    "site.no_operator": "site {site} does not offer operator '{code}'",
    "site.used_by_permanences": "{count} {count:plural:permanence|permanences}",
    "site.used_by_agents": "{count} {count:plural:agent (home site)|agents (home site)}",
    "site.used_by_spaces": "{count} {count:plural:coworking space|coworking spaces}",
    "site.used_by_sessions": "{count} {count:plural:mediation session|mediation sessions}",
    "site.used_by_sites": "{count} {count:plural:attached site|attached sites}",
    "site.still_used": "site {site} is still used by {references}; nothing removed",
    "site.already_closed": "site {site} is already closed {start:iso} to {end:iso} ({reason})",
    # ---- agents ------------------------------------------------------------------------------
    "agent.empty_ref": "empty agent: give an agent id or name",
    "agent.not_found": "agent '{agent}' not found (see: presence-postale agents list)",
    "agent.ambiguous": "agent '{agent}' is ambiguous: {candidates}",
    "agent.exists": "agent '{agent}' already exists",
    # ---- programmes --------------------------------------------------------------------------
    "programme.not_found": (
        "programme '{programme}' not found (see: presence-postale programmes list)"
    ),
    "programme.exists": "programme '{programme}' already exists",
    "programme.ended_not_extended": (
        "programme {programme} ended on {date:iso}; it cannot be extended"
    ),
    "programme.before_start": (
        "invalid {option} {date:iso}: before the programme's start {start:iso}"
    ),
    "programme.not_after_end": (
        "invalid --until {date:iso}: not after the current planned end {end:iso}"
    ),
    "programme.already_ended": "programme {programme} already ended on {date:iso}",
    "site.label": "{label:label:site_label}",
    "site.label_since": "{label:label:site_label} (since {since})",
    "site.closures": "Closures",
    "site.week_total": "Total: {hours:number} h over {days} {days:plural:day|days}",
    "site.closed": "closed {site} from {start:iso} to {end:iso}: {reason}",
    "site.commune_or_position": "give either --commune, or both --lat and --lon",
    "site.added": "added site {site} {name}",
    "site.updated": "updated site {site} {name}",
    "site.removed": "removed site {site} {name}",
    "agent.added": "added agent {agent}",
    "agent.updated": "updated agent {agent}",
    "programme.changes": "Extensions and end",
    "programme.added": "added programme {programme}",
    "programme.extended": "extended {programme} until {date:iso}",
    "programme.ended": "ended {programme} on {date:iso}",
}
