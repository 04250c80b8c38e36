"""reports"""

MESSAGES: dict[str, str] = {
    # ---- calendars -------------------------------------------------------------------------
    "calendar.programme": "Programme: {programme}",
    "calendar.agent": "Agent: {agent}",
    "calendar.operators": "Operators: {operators}",
    "calendar.moved": "Moved from {date:iso}",
    "calendar.moved_why": "Moved from {date:iso} ({reason})",
    "calendar.cancelled": "Cancelled",
    "calendar.cancelled_why": "Cancelled ({reason})",
    "table.empty": "no rows",
    # ---- the weekly report -----------------------------------------------------------------
    "report.weekly_title": "Weekly report {week} — {scope} ({monday:day} to {sunday:day})",
    "report.scope_site": "site {site}",
    "report.scope_department": "{department}",
    "report.scope_france": "all of France",
    "report.permanences": "Permanences",
    "report.closed": "closed",
    "report.warnings": "Warnings",
    "report.strict": "the report carries {count} {count:plural:warning|warnings}: {first}",
    # ---- the France Services charter -------------------------------------------------------
    "report.charter_title": "France Services charter — week {week}",
    "report.charter_rule": (
        "Rule: open at least 5 days and 24 hours a week, with at least two polyvalent staff."
    ),
    "report.sites": "Sites",
    "report.charter_summary": (
        "{sites} France Services {sites:plural:site|sites}: {passing} pass, {failing} fail, "
        "{unknown} unknown."
    ),
    "report.charter_failing": (
        "{count} France Services {count:plural:site fails|sites fail} the charter, first: {site}"
    ),
    "charter.too_few_days": "open {days} {days:plural:day|days} (at least {minimum_days})",
    "charter.too_few_hours": "open {hours:number} h (at least {minimum_hours:number} h)",
    "charter.too_few_staff": "{staff} polyvalent staff (at least {minimum_staff})",
    "charter.hours_unknown": "opening hours unknown",
    "charter.staff_unknown": "polyvalent staff unknown",
    # ---- a programme's evaluation ----------------------------------------------------------
    "report.evaluation_title": "Evaluation — {title} ({code})",
    "report.period_and_extensions": "Period and extensions",
    "report.period": "Period: {start:day} to {end:day}",
    "report.period_from": "Period: {start} to {end:day}",
    "report.status": "Status: {status}",
    "report.planned_end": "Planned end: {end:day}",
    "report.no_planned_end": "Planned end: —",
    "report.funder": "Funder: {funder}",
    "report.funder_amount": "Funder: {funder} (€{amount:number})",
    "report.change": "{date:day}: {action}, ending {end:day}",
    "report.change_why": "{date:day}: {action}, ending {end:day} ({reason})",
    "report.occurrences": "Occurrences",
    "report.occurrences_planned": "planned",
    "report.occurrences_held": "held (outcome logged)",
    "report.occurrences_not_logged": "not logged",
    "report.occurrences_moved": "moved",
    "report.occurrences_cancelled": "cancelled",
    "report.occurrences_skipped": "skipped (holidays, closures)",
    "report.attendance": "Attendance",
    "report.visitors": "Visitors: {total}",
    "report.per_held": "Per held occurrence: {value:number}",
    "report.per_held_none": "Per held occurrence: —",
    "report.requests": "Requests per operator",
    "report.decision": "Decision",
    "report.no_trend": "Not enough outcomes logged to show a trend.",
    "report.trend": (
        "Recent attendance: {recent:number:1} visitors per held occurrence (against "
        "{before:number:1} before) — trend: {trend}."
    ),
    "report.ended_on": "Programme ended on {date}.",
    "report.decide_by": "Planned end {date}: decide whether to extend or end.",
    # ---- coworking usage -------------------------------------------------------------------
    "report.usage_title": "Coworking usage — {start:day} to {end:day}",
    "report.summary": "Summary",
    "report.booked_hours": "Booked hours: {hours:number}",
    "report.bookable_hours": "Bookable hours: {hours:number}",
    "report.bookable_hours_unknown": "Bookable hours: unknown",
    "report.occupancy": "Occupancy: {ratio:percent}",
    "report.distinct_users": "Distinct users: {users}",
    "report.no_shows": "No-shows: {no_show} / {marked} ({ratio:percent})",
    "report.by_space": "By space",
    "report.by_category": "By category",
    "report.by_month": "By month",
    # ---- digital mediation -----------------------------------------------------------------
    "report.occurrences_absent": "skipped (agent away)",
}
