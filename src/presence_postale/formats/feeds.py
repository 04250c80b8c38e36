"""Published calendars as files: a name each, and the iCalendar text of each."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from presence_postale.formats import words
from presence_postale.formats.ics import Publication, calendar
from presence_postale.services.feeds import Feed

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def filename(feed: Feed) -> str:
    """`agent-vigny-conseillere-1.ics`: an id that is not a safe file name is kept readable and
    made unique with a digest of the id."""
    safe = _UNSAFE.sub("_", feed.key)
    if safe != feed.key or safe.startswith("."):
        safe = f"{safe.lstrip('.')}-{hashlib.sha256(feed.key.encode()).hexdigest()[:8]}"
    return f"{feed.kind}-{safe}.ics"


# What a feed of each kind is called in calendar applications.
NAMES = {
    "agent": "feeds.name_agent",
    "site": "feeds.name_site",
    "programme": "feeds.name_programme",
}


def files(
    feeds: list[Feed], *, refresh: timedelta, alarm: timedelta | None, lang: str
) -> dict[str, str]:
    """Each feed's file name and text. An absence's reason stays out of published calendars:
    they only say that the agent is away."""
    out = {}
    for feed in feeds:
        publication = Publication(
            name=words.say(NAMES[feed.kind], lang, name=feed.name),
            refresh=refresh,
            alarm=alarm,
            absence_reasons=False,
        )
        out[filename(feed)] = calendar(feed.entries, lang, publication)
    return out
