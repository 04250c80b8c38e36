"""Help pages of `agents`: agents."""

HELP: dict[str, str] = {
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
    "agents.list.site": "Only agents of this home site.",
    "agents.absent.start": "First day away.",
    "agents.absent.end": "Last day away.",
    "agents.absent.reason": (
        "Why (congés, formation): shown in reports, schedules and the agent's own calendar; "
        "never in the notices to host sites nor in published feeds."
    ),
    "agents.add.name": "Full name.",
    "agents.update.name": "Full name.",
    "agents.add.email": "Work e-mail.",
    "agents.update.email": "Work e-mail.",
    "agents.list.role": "Only this role.",
    "agents.absences.agent": "Only this agent (id or name).",
    "agents.add.agent_id": "Id (default: from the name).",
    "agents.update.active": "Still in post?",
    "agents.absent.undo": "Remove the absence recorded for these dates.",
}
