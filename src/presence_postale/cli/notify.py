"""`notify`: the e-mails of a day, for cron — to each agent their occurrences, to each host
site with an e-mail the permanences it hosts, to each booker a reminder — and the notices
queued since the last run (bookings confirmed or cancelled, slots offered)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from presence_postale.cli import environment
from presence_postale.cli.output import say
from presence_postale.cli.params import FIRST_YEAR, LAST_YEAR
from presence_postale.cli.state import session
from presence_postale.errors import InvalidData, Message, UsageError

if TYPE_CHECKING:
    from presence_postale.services.mailer import Settings
    from presence_postale.services.notifications import Plan

CONFIG_ENV = "PRESENCE_POSTALE_CONFIG"
TOMORROW, TODAY = ("tomorrow", "demain"), ("today", "aujourd'hui", "aujourdhui")


def parse_day(text: str, today: date) -> date:
    """`tomorrow`, `today` (or `demain`, `aujourd'hui`) or an ISO date."""
    from presence_postale.domain.weeks import parse_date

    word = text.strip().lower()
    if word in TOMORROW:
        return today + timedelta(days=1)
    if word in TODAY:
        return today
    try:
        day = parse_date(word)
    except InvalidData as error:
        # A date that does not exist (2021-02-30) is said so, as by every other date option.
        reason = error.message.params.get("reason")
        if isinstance(reason, Message) and reason.key != "value.expected_date":
            raise UsageError("notify.bad_date", value=text, reason=reason) from None
        raise UsageError("notify.bad_day", value=text) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        reason = Message("value.year_range", {"first": FIRST_YEAR, "last": LAST_YEAR})
        raise UsageError("notify.bad_date", value=text, reason=reason)
    return day


def config_path(environ: dict[str, str] | object) -> Path:
    """The settings file: $PRESENCE_POSTALE_CONFIG, else config.toml in the app directory."""
    named = getattr(environ, "get", lambda _key: None)(CONFIG_ENV)
    if named:
        return Path(named).expanduser()
    from presence_postale.store.db import APP_NAME

    return Path(typer.get_app_dir(APP_NAME)) / "config.toml"


def notify(
    ctx: typer.Context,
    day_text: Annotated[str, typer.Option("--day", metavar="DAY")] = "tomorrow",
    dry_run: Annotated[bool, typer.Option("--dry-run")] = False,
) -> None:
    from presence_postale.domain.calendar import TZ
    from presence_postale.services import mailer, notifications

    env = environment.current()
    assert env.today is not None
    day = parse_day(day_text, env.today)
    config = config_path(env.variables)
    settings = mailer.settings(env.variables, config)
    if settings is None and not dry_run:
        raise InvalidData("notify.no_smtp", path=str(config))
    now = env.now().astimezone(TZ).replace(tzinfo=None)
    with session(ctx) as db:
        plan = notifications.plan(db, day, now=now)
    if plan.malformed:
        raise InvalidData("notify.bad_address", who=plan.malformed[0])
    if dry_run:
        _preview(plan, settings.sender if settings else None)
    else:
        assert settings is not None
        _send(ctx, plan, settings)


def _preview(plan: Plan, sender: str | None) -> None:
    from presence_postale.formats.mail import preview

    out = environment.current().out
    total = len(plan.notices)
    for number, notice in enumerate(plan.notices, 1):
        out.write(preview(notice, sender, number, total))
    out.flush()
    _warn(plan)
    say(Message("notify.dry_run_summary", {"day": plan.day, "n": total}))


def _warn(plan: Plan) -> None:
    """Who could not be told (once the run has done what it could: a run that fails says
    only why)."""
    for who in plan.unaddressed:
        say(Message("notify.no_address", {"who": who}))


def _send(ctx: typer.Context, plan: Plan, settings: Settings) -> None:
    """Send each message, and record it as sent in its own transaction once the server has
    accepted it: a run killed half-way leaves every accepted message recorded."""
    from presence_postale.formats.mail import message
    from presence_postale.services import notifications
    from presence_postale.services.mailer import Mailer, Refused

    outgoing = [(notice, message(notice, settings.sender)) for notice in plan.notices]
    sent = refused = 0
    if outgoing:
        with Mailer(settings) as server:
            for notice, mail in outgoing:
                try:
                    server.send(mail)
                except Refused as error:
                    say(Message("notify.refused", {"who": notice.who, "reason": error.args[0]}))
                    refused += 1
                    continue
                with session(ctx, write=True) as db:
                    notifications.mark_sent(db, notice)
                sent += 1
    if plan.expired:
        with session(ctx, write=True) as db:
            notifications.expire(db, plan.expired)
    _warn(plan)
    say(Message("notify.summary", {"day": plan.day, "sent": sent, "already": plan.already}))
    if refused:
        raise InvalidData("notify.some_refused", n=refused, sent=sent)
