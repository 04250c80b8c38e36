"""A site's histories in `sites show`: the versions of its opening hours, polyvalent staff count
and labels, each with its period and who entered it (`services.site_history.history`)."""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Label
from presence_postale.formats import words
from presence_postale.formats.render import Column, Listing


def _heading(key: str, words_key: str) -> Column:
    return Column(key, words.say(words_key, "fr"), words.say(words_key, "en"))


def listings(data: dict[str, Any], lang: str) -> list[Listing]:
    """The versions of the site's hours, staff count and labels, each with its period."""

    def shown(row: dict[str, Any]) -> dict[str, Any]:
        return {
            **row,
            "from": row["from"] or words.say("history.beginning", lang),
            "until": row["until"] or words.say("history.in_force", lang),
            "source": words.value(Label("version_source", row["source"]), lang),
        }

    period = (_heading("from", "history.col.from"), _heading("until", "history.col.until"))
    source = _heading("source", "history.col.source")
    labels = [
        {**shown(row), "held": words.value(Label("label_held", str(row["held"]).lower()), lang)}
        for row in data["label_history"]
    ]
    return [
        Listing(
            (*period, _heading("opening_hours", "history.col.hours"), source),
            [shown(row) for row in data["hours_history"]],
            title=words.say("history.hours_title", lang),
        ),
        Listing(
            (*period, _heading("staff_count", "history.col.staff"), source),
            [shown(row) for row in data["staff_history"]],
            title=words.say("history.staff_title", lang),
        ),
        Listing(
            (
                _heading("label", "history.col.label"),
                *period,
                _heading("held", "history.col.held"),
                _heading("detail", "history.col.detail"),
                source,
            ),
            labels,
            title=words.say("history.labels_title", lang),
        ),
    ]
