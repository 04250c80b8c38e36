"""`notify`: the e-mails of a day, sent through a real SMTP server on 127.0.0.1 and read back
(recipients, subject, the French body, the .ics attachment parsed with `icalendar`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner, Result

from backends import Database, dump_database, query
from calendar_uids import booking_uid, occurrence_uid
from presence_postale.cli.app import app
from presence_postale.cli.environment import Environment
from presence_postale.errors import Message
from presence_postale.formats import words
from smtp_box import Accepted, Box, free_port

Cli = Callable[..., Result]


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """The shared runner, in English: these tests read the English catalogue's words."""

    def english(*args: str, input: str | None = None, env: Environment | None = None) -> Result:
        return cli(*args, input=input, env=env or Environment(lang="en"))

    return english


AGENT = "conseillere.un@vigny.example"
MAIRIE = "mairie@grisy.example"


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def refused(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), lines
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0]


def addresses(cli: Cli) -> None:
    ok(cli("agents", "update", "vigny-conseillere-1", "--email", AGENT))
    ok(cli("sites", "update", "mairie-grisy-les-platres", "--email", MAIRIE))


def events(accepted: Accepted) -> list[dict[str, object]]:
    name, data = accepted.attachment()
    assert name.endswith(".ics")
    return [
        {
            "uid": str(e["uid"]),
            "start": e.decoded("dtstart"),
            "status": str(e["status"]),
            "sequence": int(e["sequence"]),
        }
        for e in Calendar.from_ical(data).walk("VEVENT")
    ]


def flat(body: str) -> str:
    """The body with its lines unfolded (it is folded at 76 characters)."""
    return " ".join(body.split())


def by_recipient(box: Box) -> dict[str, Accepted]:
    out = {}
    for accepted in box.accepted:
        (recipient,) = accepted.recipients
        assert recipient not in out, f"two messages to {recipient}"
        out[recipient] = accepted
    return out


def test_the_day_goes_to_the_agent_and_the_mairie(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    addresses(cli)
    result = ok(cli("notify", "--day", "2021-04-27"))
    assert result.stdout == ""
    sent = by_recipient(mail_server)
    assert set(sent) == {AGENT, MAIRIE}
    agent = sent[AGENT]
    assert agent.sender == "presence@laposte.example"
    assert str(agent.message["From"]) == "presence@laposte.example"
    assert str(agent.message["Auto-Submitted"]) == "auto-generated"
    assert agent.subject == "Vos permanences du mardi 27/04/2021"
    body = agent.body()
    assert body.startswith("Bonjour,\n\nVoici vos permanences du mardi 27/04/2021 :\n")
    assert "• 09:00-12:00 — Mairie de Grisy-les-Plâtres" in body
    assert "Adresse : 95810 Grisy-les-Plâtres" in body
    assert "Programme : France Services en mobilité — Vigny" in body
    assert events(agent) == [
        {
            "uid": occurrence_uid(seeded_db, 1, "2021-04-27"),
            "start": datetime(2021, 4, 27, 9, tzinfo=agent_tz(agent)),
            "status": "CONFIRMED",
            "sequence": 0,
        }
    ]
    mairie = sent[MAIRIE]
    assert mairie.subject == (
        "Permanences accueillies le mardi 27/04/2021 — Mairie de Grisy-les-Plâtres"
    )
    assert "• 09:00-12:00 — France Services en mobilité — Vigny" in mairie.body()
    assert "Tenue par : Chargée de clientèle nº 1 (Vigny)" in mairie.body()
    # The Allier mediator holds a permanence that day too, and has no e-mail: said, once.
    said = Message(
        "notify.no_address", {"who": Message("notify.who_agent", {"agent": "allier-mediateur"})}
    )
    assert words.say(said, "en") in result.stderr


def agent_tz(accepted: Accepted) -> object:
    (event,) = Calendar.from_ical(accepted.attachment()[1]).walk("VEVENT")
    return event.decoded("dtstart").tzinfo


def test_a_rerun_sends_nothing_and_a_change_goes_as_an_update(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    addresses(cli)
    ok(cli("notify", "--day", "2021-04-27"))
    again = ok(cli("notify", "--day", "2021-04-27"))
    assert len(mail_server.accepted) == 2
    summary = Message("notify.summary", {"day": date(2021, 4, 27), "sent": 0, "already": 2})
    assert words.say(summary, "en") in again.stderr
    ok(cli("permanences", "cancel", "1", "--date", "2021-04-27", "--reason", "salle prise"))
    ok(cli("notify", "--day", "2021-04-27"))
    updates = by_recipient(Box("", 0, mail_server.accepted[2:]))
    assert set(updates) == {AGENT, MAIRIE}
    assert updates[AGENT].subject == "Mise à jour : Vos permanences du mardi 27/04/2021"
    assert "Mairie de Grisy-les-Plâtres — ANNULÉE (salle prise)" in updates[AGENT].body()
    (event,) = events(updates[MAIRIE])
    assert (event["status"], event["sequence"]) == ("CANCELLED", 1)
    ok(cli("notify", "--day", "2021-04-27"))
    assert len(mail_server.accepted) == 4


def test_tomorrow_is_the_day_after_the_environments_today(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    addresses(cli)
    env = Environment(today=date(2021, 4, 26), lang="en")
    result = CliRunner().invoke(app, ["notify", "--day", "tomorrow"], obj=env)
    assert result.exit_code == 0, result.stderr
    assert {a.subject for a in mail_server.accepted} == {
        "Vos permanences du mardi 27/04/2021",
        "Permanences accueillies le mardi 27/04/2021 — Mairie de Grisy-les-Plâtres",
    }


def test_moves_and_absences(cli: Cli, seeded_db: Path, mail_server: Box) -> None:
    addresses(cli)
    ok(
        cli(
            "permanences",
            "move",
            "1",
            "--date",
            "2021-04-27",
            "--to",
            "2021-04-29",
            "--start",
            "14:00",
            "--end",
            "16:00",
            "--reason",
            "salle prise",
        )
    )
    ok(cli("notify", "--day", "2021-04-27"))
    away = by_recipient(mail_server)
    assert (
        "09:00-12:00 — Mairie de Grisy-les-Plâtres — DÉPLACÉE au jeudi 29/04/2021, 14:00-16:00 "
        "(salle prise)" in flat(away[AGENT].body())
    )
    assert "DÉPLACÉE au jeudi 29/04/2021, 14:00-16:00 (salle prise)" in flat(away[MAIRIE].body())
    mail_server.accepted.clear()
    ok(cli("notify", "--day", "2021-04-29"))
    here = by_recipient(mail_server)
    assert (
        "14:00-16:00 — Mairie de Grisy-les-Plâtres — déplacée ici depuis le mardi 27/04/2021"
        in flat(here[AGENT].body())
    )
    (event,) = events(here[AGENT])
    assert event["start"].replace(tzinfo=None) == datetime(2021, 4, 29, 14)
    mail_server.accepted.clear()
    ok(
        cli(
            "agents",
            "absent",
            "vigny-conseillere-1",
            "--from",
            "2021-05-03",
            "--to",
            "2021-05-07",
            "--reason",
            "arrêt maladie",
        )
    )
    ok(cli("notify", "--day", "2021-05-04"))
    (mairie,) = mail_server.accepted  # the agent, away, is not reminded
    assert mairie.recipients == [MAIRIE]
    assert "ANNULÉE (agent absent)" in mairie.body()
    assert "maladie" not in mairie.body() and b"maladie" not in mairie.attachment()[1]


def test_dry_run_prints_the_messages_and_records_nothing(
    cli: Cli, seeded_db: Database, mail_server: Box
) -> None:
    addresses(cli)
    before = dump_database(seeded_db)
    result = ok(cli("notify", "--day", "2021-04-27", "--dry-run"))
    assert mail_server.accepted == []
    assert dump_database(seeded_db) == before
    out = result.stdout
    assert "De : presence@laposte.example" in out
    assert f"À : {AGENT}" in out and f"À : {MAIRIE}" in out
    assert "Objet : Vos permanences du mardi 27/04/2021" in out
    assert "Pièce jointe : permanences-2021-04-27.ics" in out
    assert "BEGIN:VCALENDAR" not in out
    ok(cli("notify", "--day", "2021-04-27"))
    assert len(mail_server.accepted) == 2


def test_an_unreachable_server_sends_and_marks_nothing(
    cli: Cli, seeded_db: Database, mail_server: Box, monkeypatch: pytest.MonkeyPatch
) -> None:
    addresses(cli)
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(free_port()))
    before = dump_database(seeded_db)
    line = refused(cli("notify", "--day", "2021-04-27"))
    assert "cannot be used" in line
    assert dump_database(seeded_db) == before
    monkeypatch.setenv("PRESENCE_POSTALE_SMTP_PORT", str(mail_server.port))
    ok(cli("notify", "--day", "2021-04-27"))
    assert len(mail_server.accepted) == 2


def test_a_refused_recipient_does_not_stop_the_others(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    addresses(cli)
    mail_server.refuse.add(MAIRIE)
    result = cli("notify", "--day", "2021-04-27")
    assert result.exit_code == 1
    assert "550 5.1.1 no such mailbox here" in result.stderr
    assert [a.recipients for a in mail_server.accepted] == [[AGENT]]
    mail_server.refuse.clear()
    ok(cli("notify", "--day", "2021-04-27"))  # only what was not accepted goes again
    assert [a.recipients for a in mail_server.accepted] == [[AGENT], [MAIRIE]]


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        # A date that does not exist, or out of the tool's years, says why, as any date option.
        (["--day", "2021-02-30"], 2, "invalid --day '2021-02-30': no such date"),
        (["--day", "hier"], 2, "invalid --day 'hier': expected a date (2021-04-27), today or"),
        (["--day", ""], 2, "--day"),
        (["--day", "9999-12-31"], 2, "invalid --day '9999-12-31': year must be 1900 to 2199"),
    ],
)
def test_a_day_that_is_not_a_date(
    cli: Cli, seeded_db: Database, mail_server: Box, args: list[str], code: int, fragment: str
) -> None:
    before = dump_database(seeded_db)
    assert fragment in refused(cli("notify", *args), code)
    assert dump_database(seeded_db) == before and mail_server.accepted == []


def test_a_malformed_address_in_a_record_sends_nothing(
    cli: Cli, seeded_db: Database, mail_server: Box
) -> None:
    addresses(cli)
    # Stored before e-mails were checked for shape (the command refuses it now).
    assert "not an e-mail" in refused(
        cli("sites", "update", "mairie-grisy-les-platres", "--email", "mairie@grisy")
    )
    query(seeded_db, "UPDATE site SET email = 'mairie@grisy' WHERE id = 'mairie-grisy-les-platres'")
    before = dump_database(seeded_db)
    for extra in ([], ["--dry-run"]):
        result = cli("notify", "--day", "2021-04-27", *extra)
        line = refused(result)
        assert "mairie-grisy-les-platres" in line and "nothing was sent" in line
        assert "mairie@grisy" not in line  # a record's e-mail is never shown in an error
        assert result.stdout == ""
    assert dump_database(seeded_db) == before and mail_server.accepted == []


def test_no_server_configured(
    cli: Cli, seeded_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PRESENCE_POSTALE_SMTP_HOST", raising=False)
    monkeypatch.setenv("PRESENCE_POSTALE_CONFIG", str(tmp_path / "none.toml"))
    line = refused(cli("notify", "--day", "2021-04-27"))
    assert "PRESENCE_POSTALE_SMTP_HOST" in line


def future_weekday(start: date) -> date:
    """A working day after `start` that is no holiday in the Gers (for bookings to come)."""
    from datetime import timedelta

    from presence_postale.domain.calendar import holidays_between

    day = start
    while day.weekday() > 4 or holidays_between(day, day, "32"):
        day += timedelta(days=1)
    return day


def test_bookings_confirmed_cancelled_offered_and_reminded(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    from datetime import timedelta

    day = future_weekday(date.today() + timedelta(days=40))
    book = [
        "coworking",
        "book",
        "saint-clar",
        "--date",
        str(day),
        "--from",
        "09:00",
        "--to",
        "12:00",
        "--category",
        "soho_solo",
    ]
    ok(cli(*book, "--name", "Camille Martin", "--email", "camille@example.org"))
    ok(cli(*book, "--name", "Léa Petit", "--email", "lea@example.org", "--waitlist"))
    ok(cli("notify", "--day", "2021-04-29"))  # any day: what was queued goes
    (confirmed,) = mail_server.accepted
    assert confirmed.recipients == ["camille@example.org"]
    assert confirmed.subject.startswith("Réservation confirmée : Espace de travail partagé")
    assert confirmed.body().startswith("Bonjour Camille Martin,\n")
    assert "écrivez à msap.saint-clar@laposte.fr" in confirmed.body()
    (event,) = events(confirmed)
    assert (event["uid"], event["status"]) == (booking_uid(seeded_db, 1), "CONFIRMED")
    assert event["start"].replace(tzinfo=None) == datetime.combine(day, time(9))

    ok(cli("coworking", "cancel", "1"))
    ok(cli("notify", "--day", "2021-04-29"))
    sent = by_recipient(Box("", 0, mail_server.accepted[1:]))
    assert set(sent) == {"camille@example.org", "lea@example.org"}
    assert sent["camille@example.org"].subject.startswith("Réservation annulée")
    assert events(sent["camille@example.org"])[0]["status"] == "CANCELLED"
    assert sent["lea@example.org"].subject.startswith("Une place s'est libérée")
    assert events(sent["lea@example.org"])[0]["status"] == "TENTATIVE"
    ok(cli("notify", "--day", "2021-04-29"))
    assert len(mail_server.accepted) == 3  # each queued notice went once

    ok(
        cli(
            *book,
            "--from",
            "14:00",
            "--to",
            "16:00",
            "--name",
            "Asso",
            "--email",
            "asso@example.org",
            "--category",
            "association",
        )
    )
    ok(cli("notify", "--day", str(day)))
    # Booked for the day being reminded: the reminder, not a confirmation as well.
    (reminder,) = mail_server.accepted[3:]
    assert reminder.recipients == ["asso@example.org"]
    assert reminder.subject.startswith("Rappel : votre réservation du ")
    assert "Nous vous rappelons votre réservation :" in reminder.body()
    ok(cli("notify", "--day", str(day)))
    assert len(mail_server.accepted) == 4


def test_a_booking_recorded_after_the_fact_is_not_confirmed(
    cli: Cli, seeded_db: Path, mail_server: Box
) -> None:
    ok(
        cli(
            "coworking",
            "book",
            "saint-clar",
            "--date",
            "2019-05-14",
            "--from",
            "09:00",
            "--to",
            "12:00",
            "--name",
            "Camille Martin",
            "--email",
            "camille@example.org",
            "--category",
            "soho_solo",
            "--record",
        )
    )
    ok(cli("notify", "--day", "2021-04-29"))
    assert mail_server.accepted == []
