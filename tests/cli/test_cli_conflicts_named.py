"""Immediate warnings (issue 14, part 6): a change of a site's hours, a closure, a change of an
agent and a programme's end name at once, on stderr, the permanences, bookings and sessions
that now conflict — the warnings the reports would otherwise only give later — and `--strict`
refuses the change, leaving the database as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from typer.testing import CliRunner, Result

from backends import Database
from presence_postale.cli.app import app
from presence_postale.cli.environment import Environment

TODAY = date(2021, 4, 27)
GRISY = "mairie-grisy-les-platres"
GRISY_TUESDAY = (
    "permanence #1 (mairie-grisy-les-platres Mairie de Grisy-les-Plâtres, "
    "Tuesday {day}/2021 09:00-12:00)"
)


def run(*args: str, lang: str = "en", today: date = TODAY) -> Result:
    return CliRunner().invoke(app, list(args), obj=Environment(today=today, lang=lang))


def ok(result: Result) -> list[str]:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stderr.splitlines()


def warnings(result: Result) -> list[str]:
    return [line.removeprefix("warning: ") for line in ok(result) if line.startswith("warning")]


@pytest.fixture(autouse=True)
def _seeded(seeded_db: Database) -> Database:
    return seeded_db


def test_new_hours_name_the_occurrences_they_leave_outside(seeded_db: Database) -> None:
    found = warnings(run("sites", "update", GRISY, "--hours", "Mo-Fr 14:00-17:00", "--from",
                         "2021-05-04"))  # fmt: skip
    assert found[0] == GRISY_TUESDAY.format(day="04/05") + " outside the site's opening hours"
    assert GRISY_TUESDAY.format(day="27/04") not in "\n".join(found)  # before the new hours


def test_in_french_through_the_catalogue() -> None:
    lines = ok(run("sites", "update", GRISY, "--hours", "Mo-Fr 14:00-17:00", "--from",
                   "2021-05-04", lang="fr"))  # fmt: skip
    assert lines[2] == (
        "attention : permanence n° 1 (mairie-grisy-les-platres Mairie de Grisy-les-Plâtres, "
        "mardi 04/05/2021 09:00-12:00) hors des horaires d'ouverture du site"
    )


def test_a_closure_names_the_occurrences_it_skips() -> None:
    found = warnings(run("sites", "close", GRISY, "--from", "2021-05-04", "--to", "2021-05-04",
                         "--reason", "travaux"))  # fmt: skip
    assert found == [GRISY_TUESDAY.format(day="04/05") + " skipped: site closed (travaux)"]


def test_a_closure_names_the_bookings_it_catches() -> None:
    ok(run("coworking", "book", "saint-clar", "--date", "2019-05-14", "--from", "09:00", "--to",
           "10:00", "--name", "Camille Martin", "--category", "soho_solo", "--record"))  # fmt: skip
    found = warnings(run("sites", "close", "05712A", "--from", "2019-05-14", "--to", "2019-05-14",
                         "--reason", "travaux"))  # fmt: skip
    assert found == ["booking #1: Bureau de poste de Saint-Clar is closed on 14 May 2019 "
                     "(travaux)"]  # fmt: skip


def test_a_space_with_its_own_hours_answers_to_them_not_to_the_sites() -> None:
    ok(run("coworking", "book", "saint-clar", "--date", "2021-05-04", "--from", "09:00", "--to",
           "10:00", "--name", "Camille Martin", "--category", "soho_solo", "--record"))  # fmt: skip
    assert warnings(run("sites", "update", "05712A", "--hours", "Tu 14:00-17:00")) == []
    # Its own bookable hours changed, the booking to come they now leave out is named.
    found = warnings(run("coworking", "configure", "saint-clar", "--hours", "Tu 14:00-17:00"))
    assert found == [
        "booking #1: Tuesday 04/05/2021 09:00-10:00 is outside the bookable hours of space "
        "saint-clar (14:00-17:00 that day)"
    ]


def test_strict_refuses_and_changes_nothing(
    seeded_db: Database, dump: Callable[[Database], list[str]]
) -> None:
    before = dump(seeded_db)
    refused = run("sites", "close", GRISY, "--from", "2021-05-04", "--to", "2021-05-11",
                  "--reason", "travaux", "--strict")  # fmt: skip
    assert refused.exit_code == 1
    assert refused.stderr.startswith("error: ")
    assert dump(seeded_db) == before


def test_an_agent_no_longer_active_is_named_with_what_they_still_hold() -> None:
    found = warnings(run("agents", "update", "vigny-conseillere-1", "--inactive"))
    assert found == [
        "permanence #1 (mairie-grisy-les-platres Mairie de Grisy-les-Plâtres): 13 occurrences "
        "from Tuesday 27/04/2021 to Tuesday 20/07/2021 still held by agent vigny-conseillere-1, "
        "who is no longer active"
    ]
    # Back in post: nothing left to name.
    assert warnings(run("agents", "update", "vigny-conseillere-1", "--active")) == []


def test_a_programme_end_names_what_was_recorded_after_it() -> None:
    later = date(2021, 6, 1)
    ok(run("permanences", "log", "1", "--date", "2021-05-04", "--visitors", "3", today=later))
    found = warnings(run("programmes", "end", "vigny-2021", "--on", "2021-05-01", today=later))
    assert found == [
        "permanence #1, Tuesday 04/05/2021: an outcome recorded after the end of programme "
        "vigny-2021 (1 May 2021); no report shows it any more"
    ]


def test_an_absence_removed_names_the_overlap_it_gives_back() -> None:
    ok(run("agents", "absent", "vigny-conseillere-1", "--from", "2021-05-03", "--to",
           "2021-05-09"))  # fmt: skip
    ok(run("permanences", "add", "--programme", "vigny-2021", "--agent", "vigny-conseillere-1",
           "--site", "17510A", "--every", "tuesday", "--start", "10:00", "--end", "11:00",
           "--valid-from", "2021-05-04", "--valid-until", "2021-05-04"))  # fmt: skip
    found = warnings(run("agents", "absent", "vigny-conseillere-1", "--from", "2021-05-03",
                         "--to", "2021-05-09", "--undo"))  # fmt: skip
    assert found == [
        "agent vigny-conseillere-1 in two places at once: permanence #1 (mairie-grisy-les-platres "
        "Mairie de Grisy-les-Plâtres, Tuesday 04/05/2021 09:00-12:00) / permanence #6 (17510A "
        "Bureau de poste de Vigny, Tuesday 04/05/2021 10:00-11:00)"
    ]


def test_a_closure_and_new_hours_name_the_sessions_held_there() -> None:
    ok(run("mediation", "add", "--site", "00518A", "--mediator", "allier-mediateur", "--date",
           "2019-03-19", "--start", "10:00", "--duration", "90", "--type", "individuel",
           "--themes", "email", "--equipment", "ordinateur", "--age-band", "70+"))  # fmt: skip
    # Wide hours from the next day, then short hours on that Tuesday alone: only it is checked.
    ok(run("sites", "update", "00518A", "--hours", "Mo-Sa 08:00-18:00", "--from", "2019-03-20"))
    found = warnings(run("sites", "update", "00518A", "--hours", "Tu 14:00-15:00", "--from",
                         "2019-03-19"))  # fmt: skip
    assert found[-1] == (
        "mediation session #1 at 00518A, Tuesday 19/03/2019 10:00: longer than the site is "
        "open that day (60 min)"
    )
    found = warnings(run("sites", "close", "00518A", "--from", "2019-03-19", "--to",
                         "2019-03-19", "--reason", "inventaire"))  # fmt: skip
    # The occurrence it skips, the session held there that day, the week the mediator is short.
    assert found == [
        "permanence #3 (00518A Bureau de poste de Saint-Gérand-le-Puy, Tuesday 19/03/2019 "
        "09:00-15:00) skipped: site closed (inventaire)",
        "mediation session #1 at 00518A, Tuesday 19/03/2019 10:00: longer than the site is open "
        "that day (0 min), outside the mediator's scheduled presence",
        "week 2019-W12: mediator allier-mediateur: 12 h scheduled, 18 h contracted",
    ]
