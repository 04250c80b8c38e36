"""A site's past (dated hours, staff and labels) and what a change now conflicts with."""

MESSAGES: dict[str, str] = {
    # ---- a site's history: dated hours, staff and labels ----------------------------------
    "history.too_early": "invalid date {date}: a version starts in {earliest:short} or later",
    "site.from_alone": (
        "--from dates --hours, --staff, --add-label and --remove-label: give one of them"
    ),
    "site.no_label_on": "site {site} does not hold the label {label:label:site_label} on {date}",
    "history.from_day": "from {date}",
    "history.from_beginning": "since the beginning",
    "history.hours": "opening hours of {site} {from}: {value}",
    "history.staff": "polyvalent staff of {site} {from}: {value}",
    "history.label_held": "{site} holds the label {label:label:site_label} {from}",
    "history.label_withdrawn": "{site} no longer holds the label {label:label:site_label} {from}",
    "history.until": "{change}, until {until} (the version from {next} stays)",
    "history.replacing": "{change} (in place of: {old})",
    "history.unchanged": "{change}: already so, nothing changed",
    "history.beginning": "the beginning",
    "history.in_force": "in force",
    "history.hours_title": "Opening hours: history",
    "history.staff_title": "Polyvalent staff: history",
    "history.labels_title": "Labels: history",
    "history.col.from": "from",
    "history.col.until": "until",
    "history.col.hours": "opening hours",
    "history.col.staff": "polyvalent staff",
    "history.col.source": "entered by",
    "history.col.label": "label",
    "history.col.held": "state",
    "history.col.detail": "format",
    # ---- what a change now conflicts with (warnings, named at once) -----------------------
    "change.more": "warning: and {count} more",
    "change.refused_strict": (
        "refused (--strict), nothing changed: {count} {count:plural:conflict|conflicts}, "
        "first: {first}"
    ),
    "warning.in_week": "week {week}: {warning}",
    "warning.booking": "booking #{reservation}: {problem}",
    "warning.session": "mediation session #{session} at {site}, {date:day} {start}: {problems}",
    "warning.agent_inactive_here": "agent {agent} is no longer active",
    "warning.agent_inactive": (
        "permanence #{permanence} ({site} {site_name}): {count} "
        "{count:plural:occurrence|occurrences} from {first:day} to {last:day} still held by "
        "agent {agent}, who is no longer active"
    ),
    "warning.after_end": (
        "permanence #{permanence}, {date:day}: {record} recorded after the end of programme "
        "{programme} ({end}); no report shows it any more"
    ),
}
