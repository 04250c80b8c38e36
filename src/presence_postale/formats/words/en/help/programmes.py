"""Help pages of `programmes`: programmes."""

HELP: dict[str, str] = {
    "programmes.list": (
        "List programmes.\n\nExample: presence-postale programmes list --format csv"
    ),
    "programmes.show": (
        "One programme, with its extensions and end.\n\n"
        "Example: presence-postale programmes show vigny-2021"
    ),
    "programmes.add": (
        "Add a programme.\n\n"
        'Example: presence-postale programmes add agen-2022 --title "Agen" --start 2022-01-03'
        " -d 47"
    ),
    "programmes.extend": (
        "Extend a programme; its permanences run until the new end.\n\n"
        "Example: presence-postale programmes extend vigny-2021 --until 2021-12-31 --reason "
        '"retours"'
    ),
    "programmes.end": (
        "End a programme (default: today); no permanence occurs after its last day.\n\n"
        "What it leaves behind is named at once (warnings; --strict refuses the end then): "
        "the outcomes, cancellations and moves recorded after its last day, which no report "
        "shows any more, its sessions there, and the weeks its mediators fall below their "
        "contract.\n\n"
        "Example: presence-postale programmes end saint-amand-2021 --on 2021-07-07"
    ),
    "programmes.extend.reason": "Why: users' feedback, ...",
    "programmes.end.reason": "Why it ends.",
    "programmes.end.strict": "Refuse the end when it conflicts with what is recorded.",
    "programmes.add.title": "Title.",
    "programmes.add.model": "france_services_mobilite, coworking, mediation_numerique, ...",
    "programmes.add.planned_end": "Planned last day.",
    "programmes.add.funder": "Who pays.",
    "programmes.add.funding": "Funding in euros.",
    "programmes.add.description": "What the pilot does.",
    "programmes.extend.until": "New planned end.",
    "programmes.end.on": "Last day (default: today).",
}
