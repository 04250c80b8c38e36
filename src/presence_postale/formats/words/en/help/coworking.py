"""Help pages of `coworking`: coworking."""

HELP: dict[str, str] = {
    "coworking.spaces": (
        "List bookable spaces and their rules.\n\nExample: presence-postale coworking spaces"
    ),
    "coworking.configure": (
        "Create a space or change its booking rules.\n\n"
        "After a change of its bookable hours, the bookings still to come (over the year "
        "ahead) that the new hours leave out are named at once (warnings; --strict refuses "
        "the change).\n\n"
        "Example: presence-postale coworking configure saint-clar --max-days-ahead 30 "
        "--min-minutes 60"
    ),
    "coworking.book": (
        "Book a space; refused with the reason and the conflicting reservation.\n\n"
        "A booking still to come that gives an e-mail is confirmed by e-mail: the "
        "confirmation is queued with the booking and sent by the next `notify` run.\n\n"
        "Example: presence-postale coworking book saint-clar --date 2019-05-14 --from 09:00 "
        '--to 12:00 --name "Camille Martin" --email camille@example.org --category soho_solo '
        "--record"
    ),
    "coworking.cancel": (
        "Cancel a reservation (kept, with its time); the slot is offered to the waitlist.\n\n"
        "The person (and the one offered the slot) is told by e-mail with the next `notify` "
        "run.\n\n"
        "Example: presence-postale coworking cancel 1"
    ),
    "coworking.mark": (
        "Record whether the person came.\n\nExample: presence-postale coworking mark 1 --attended"
    ),
    "coworking.list": (
        "List reservations (names and e-mails only with --include-personal), or the waitlist.\n\n"
        "Example: presence-postale coworking list --from 2019-05-01 --to 2019-05-31"
    ),
    "coworking.show": (
        "One reservation.\n\nExample: presence-postale coworking show 1 --include-personal"
    ),
    "coworking.usage": (
        "Booked hours, occupancy of bookable hours, by category and month, distinct users, "
        "no-show rate: what the funders ask for.\n\n"
        "Example: presence-postale coworking usage --month 2019-05 --format markdown"
    ),
    "coworking.purge": (
        "Anonymise the people of reservations that ended before the retention period (name, "
        "e-mail, organisation); usage figures stay right. The database is then compacted so "
        "that nothing lingers in free pages; if another command keeps reading the old pages "
        "past the busy timeout, the purge says so and exits 1 (run it again to finish).\n\n"
        "Example: presence-postale coworking purge --older-than 12m"
    ),
    "coworking.spaces.site": "Only the spaces of this site.",
    "coworking.configure.site": "Host site (to create a space).",
    "coworking.book.start": "Start.",
    "coworking.book.end": "End.",
    "coworking.book.name": "Person's name.",
    "coworking.configure.hours": "Bookable hours (OSM opening_hours).",
    "coworking.configure.overnight": "--hours has spans past midnight (22:00-02:00).",
    "coworking.book.email": "Person's e-mail.",
    "coworking.configure.equipment": "bureau_partage,imprimante,wifi...",
    "coworking.configure.not_illustrative": (
        "The rules are real now: remove the illustrative mark."
    ),
    "coworking.list.status": "confirmed, cancelled, attended, no_show.",
    "coworking.book.until": "Last date of a repeat.",
    "coworking.book.every": "Repeat: tuesday, 'mon,thu'... (with --until).",
    "coworking.cancel.force": "Cancel even within the cut-off.",
    "coworking.book.day": "Day.",
    "coworking.list.space": "Only this space.",
    "coworking.usage.space": "Only this space (default: all).",
    "coworking.configure.capacity": "People at once.",
    "coworking.configure.categories": "Eligible: soho_solo,association,other.",
    "coworking.configure.min_minutes": "Shortest booking.",
    "coworking.configure.max_minutes": "Longest booking.",
    "coworking.configure.max_days_ahead": "How far ahead one may book.",
    "coworking.configure.max_hours_per_week": "Hours a person a week.",
    "coworking.configure.cancel_cutoff_hours": "No cancelling within N hours.",
    "coworking.book.category": "soho_solo, association or other.",
    "coworking.book.organisation": "Organisation or association.",
    "coworking.book.channel": "How it arrived: email, phone, desk.",
    "coworking.book.record": "Record a past booking (from the mailbox).",
    "coworking.book.all_or_nothing": "Book no date if any conflicts.",
    "coworking.book.waitlist": "If the slot is full, join its waitlist.",
    "coworking.mark.attended": "The person came.",
    "coworking.mark.no_show": "The person did not come.",
    "coworking.list.show_waitlist": "The waitlist instead.",
    "coworking.usage.month": "A month: 2019-05.",
    "coworking.purge.before": "Retention: 12m, 2y, 90d.",
    "coworking.purge.dry_run": "Count only.",
}
