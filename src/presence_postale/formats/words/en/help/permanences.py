"""Help pages of `permanences`: permanences."""

HELP: dict[str, str] = {
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
    "permanences.move.to": "New day.",
    "permanences.list.site": "Only at this site (id or name).",
    "permanences.add.site": "Host site (id or name).",
    "permanences.schedule.site": "Only at this site.",
    "permanences.schedule.week": "2021-W17, this, next, last or a date.",
    "permanences.add.start": "Start time.",
    "permanences.cancel.start": "First day of a range.",
    "permanences.move.start": "New start.",
    "permanences.add.end": "End time.",
    "permanences.cancel.end": "Last day of a range.",
    "permanences.move.end": "New end.",
    "permanences.add.valid_from": "First day.",
    "permanences.list.agent": "Only this agent (id or name).",
    "permanences.add.agent": "Agent (id or name).",
    "permanences.schedule.agent": "Only this agent.",
    "permanences.add.programme": "Programme code: vigny-2021.",
    "permanences.add.every": "tuesday, mardi, mon,thu, weekdays, '1st,3rd thursday'.",
    "permanences.add.rrule": "Raw RFC 5545 rule: FREQ=WEEKLY;BYDAY=TU.",
    "permanences.add.valid_until": "Last day (default: the programme's end).",
    "permanences.add.operators": "Operators served: laposte,caf,msa.",
    "permanences.add.force": "Create it despite conflicts (they are listed).",
    "permanences.log.visitors": "People received.",
    "permanences.log.requests": "Requests per operator: caf=3,msa=1.",
    "permanences.log.moved_from": (
        "For an occurrence moved onto --date that also has a regular one: its first date."
    ),
}
