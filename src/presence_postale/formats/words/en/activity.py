"""activity"""

MESSAGES: dict[str, str] = {
    # ---- booking rules ---------------------------------------------------------------------
    "booking.too_short": (
        "booking of {minutes} min is shorter than this space's minimum ({minimum} min)"
    ),
    "booking.over_maximum": (
        "booking of {minutes} min is longer than this space's maximum ({maximum} min)"
    ),
    "booking.too_far_ahead": (
        "booking is {days} days ahead; this space takes bookings at most {maximum} days ahead"
    ),
    "booking.weekly_quota": (
        "this booking would bring the person to {hours:number} h that week; this space allows "
        "{maximum:number} h a person a week"
    ),
    "booking.cancel_cutoff": (
        "cancellation within {hours} h of the start; use --force to cancel anyway"
    ),
    # ---- mediation sessions ---------------------------------------------------------------
    "mediation.on_holiday": "public holiday ({holiday:holiday})",
    "mediation.no_ilot": "site without an îlot numérique",
    "mediation.longer_than_open": "longer than the site is open that day ({minutes} min)",
    "mediation.past_midnight": "runs past midnight",
    "mediation.outside_presence": "outside the mediator's scheduled presence",
    # ---- permanences -----------------------------------------------------------------------
    "permanence.not_found": (
        "permanence #{permanence} not found (see: presence-postale permanences list)"
    ),
    "permanence.no_occurrence": (
        "rrule '{rule}' yields no occurrence between {start:iso} and {end:iso} (validity and "
        "programme {programme} dates)"
    ),
    "permanence.outside_programme": (
        "the permanence, valid from {valid_from}{valid_until:until}, falls outside the dates of "
        "its programme {programme} (from {start}{until:until})"
    ),
    "permanence.never_valid": (
        "the rule yields no date between {first:iso} and {last:iso}, while the permanence is valid"
    ),
    "permanence.conflict": "{first}; use --force to create it anyway",
    "permanence.conflicts": "{first} (and {more} more); use --force to create it anyway",
    "permanence.host_closed": (
        "host site {site} is closed from {start:iso} to {end:iso} ({reason}), on the "
        "occurrence of {date:iso}"
    ),
    "permanence.host_not_open": (
        "host site {site} is not open {date:day} {start}-{end} (opening hours: {hours})"
    ),
    "permanence.agent_busy": (
        "agent {agent} already holds permanence #{permanence} at {site} ({site_name}) on "
        "{date:day} {start}-{end}"
    ),
    "permanence.no_such_occurrence": (
        "permanence #{permanence} has no occurrence on {date:iso} ({rule:rule}, from "
        "{start:iso}{until:until})"
    ),
    "permanence.move_outside": (
        "cannot move an occurrence of permanence #{permanence} to {date:iso}: it runs from "
        "{start}{until:until} (its validity and its programme's dates); extend the "
        "programme or the permanence first"
    ),
    "permanence.already_changed": (
        "the occurrence of {date:iso} of permanence #{permanence} is already cancelled or "
        "moved; undo that first (--undo)"
    ),
    "permanence.nothing_to_move": "nothing to move: give --to DATE and/or --start/--end",
    "permanence.nothing_to_undo": (
        "the occurrence of {date:iso} of permanence #{permanence} has no change to undo"
    ),
    "permanence.was_cancelled": (
        "the occurrence of {date:iso} of permanence #{permanence} was cancelled"
    ),
    "permanence.was_moved": (
        "the occurrence of {date:iso} of permanence #{permanence} was moved to {to:iso}"
    ),
    "permanence.bad_visitors": "invalid --visitors {visitors}: must be between 0 and {maximum}",
    "permanence.log_in_future": (
        "invalid --date {date:iso}: it is in the future; log an occurrence once held"
    ),
    "permanence.unknown_operator": "operator '{operator}' not found (in --requests)",
    "permanence.bad_requests": (
        "invalid --requests {operator}={count}: must be between 0 and {maximum}"
    ),
    "permanence.not_moved": (
        "no occurrence of permanence #{permanence} was moved from {start:iso} to {date:iso}"
    ),
    # ---- what reports warn about -----------------------------------------------------------
    "warning.occurrence": (
        "permanence #{permanence} ({site} {site_name}, {date:day} {start}-{end})"
    ),
    "warning.agent_overlap": "agent {agent} in two places at once: {first} / {second}",
    "warning.skipped_closed": "{occurrence} skipped: site closed ({reason})",
    "warning.moved_closed": "{occurrence} moved onto a closed day ({reason:holiday})",
    "warning.outside_hours": "{occurrence} outside the site's opening hours",
    "warning.mediator_deficit": (
        "mediator {agent}: {scheduled:number} h scheduled, {contracted:number} h contracted"
    ),
    "mediation.not_found": "mediation session #{session} not found",
    "mediation.refused_strict": "session refused (--strict): {warnings}",
    # ---- coworking -------------------------------------------------------------------------
    "space.not_found": "space '{space}' not found (spaces: {known})",
    "space.needs_site_and_name": (
        "space '{space}' does not exist: give --site and --name to create it"
    ),
    "space.nothing_to_update": "nothing to update for space {space}: give an option to change",
    "space.category_refused": (
        "category '{category}' may not book space {space} (eligible: {eligible})"
    ),
    "reservation.not_found": "reservation #{reservation} not found",
    "reservation.already_cancelled": "reservation #{reservation} is already cancelled",
    "reservation.marked": (
        "reservation #{reservation} is marked '{status}'; it cannot be cancelled"
    ),
    "reservation.cancelled_not_marked": (
        "reservation #{reservation} was cancelled; it cannot be marked"
    ),
    "reservation.not_started": "reservation #{reservation} has not started yet ({start})",
    "booking.holder": "reservation #{reservation} {start}-{end} ({who})",
    "booking.full": "{date:day} {start}-{end} overlaps {holder}; capacity {capacity}",
    "booking.holiday": "{date:day} is a public holiday ({holiday:holiday}): {site} is closed",
    "booking.site_closed": "{site} is closed on {date} ({reason})",
    "booking.outside_hours": (
        "{date:day} {start}-{end} is outside the bookable hours of space {space} ({hours} that day)"
    ),
    "booking.closed_all_day": "closed all day",
    "booking.every_no_date": "--every '{every}' gives no date between {start:iso} and {end:iso}",
    "booking.series_too_long": (
        "a recurring booking of {count} dates is too long (at most {maximum})"
    ),
    "booking.series_refused": (
        "{refused} of {total} {total:plural:date|dates} conflict, nothing booked (first: {first})"
    ),
    "permanence.title": "Permanence #{permanence}",
    "permanence.changes_title": "Cancelled or moved",
    "permanence.outcomes_title": "Outcomes",
    "permanence.window": "{start:day} to {end:day}",
    "permanence.added": "added permanence #{permanence} ({rule}, {start}-{end} at {site})",
    "permanence.cancelled": "cancelled the occurrence of {date:iso} of permanence #{permanence}",
    "permanence.restored": (
        "restored the occurrence of {date:iso} of permanence #{permanence} (was {action})"
    ),
    "permanence.moved": (
        "moved the occurrence of {date:iso} of permanence #{permanence} to {to:iso}"
    ),
    "permanence.logged": (
        "logged permanence #{permanence} on {date:iso}: {visitors} "
        "{visitors:plural:visitor|visitors}"
    ),
    "permanence.corrected": (
        "corrected permanence #{permanence} on {date:iso}: {visitors} "
        "{visitors:plural:visitor|visitors}"
    ),
    "space.created": "created space {space}",
    "space.updated": "updated space {space}",
    "booking.booked": "booked reservation #{reservation}: {space} {date:iso} {start}-{end}",
    "booking.series": "booked {count} {count:plural:date|dates} in series (#{first}-#{last})",
    "booking.series_refusals": (
        "booked {count} {count:plural:date|dates} in series (#{first}-#{last}), {refused} refused"
    ),
    "booking.date_refused": "refused {date:iso}: {reason}",
    "booking.waitlisted": (
        "slot full ({full}); added to the waitlist as #{entry}, position {position}"
    ),
    "reservation.title": "Reservation #{reservation}",
    "reservation.cancelled": "cancelled reservation #{reservation}",
    "reservation.offered": (
        "slot offered to waitlist entry #{entry} ({who}, {date:day} {start}-{end}): see "
        "coworking list --waitlist --include-personal"
    ),
    "reservation.marked_as": "marked reservation #{reservation} '{status}'",
    "reservation.purged": (
        "anonymised {reservations} {reservations:plural:reservation|reservations} and {entries} "
        "waitlist {entries:plural:entry|entries} that ended before {date:iso}"
    ),
    "reservation.would_purge": (
        "would anonymise {reservations} {reservations:plural:reservation|reservations} and "
        "{entries} waitlist {entries:plural:entry|entries} that ended before {date:iso}"
    ),
    "mediation.title": "Session #{session}",
}
