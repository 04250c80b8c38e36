"""A site's histories in `sites show`: the versions of its opening hours, polyvalent staff count
and labels, each with its period and who entered it (`services.site_history.history`)."""

from __future__ import annotations

from typing import Any

from presence_postale.errors import Label, Message
from presence_postale.formats.render import Column, Listing


def _column(key: str, words_key: str, shown: str = "") -> Column:
    return Column(key, Message(words_key), shown)


def listings(data: dict[str, Any]) -> list[Listing]:
    """The versions of the site's hours, staff count and labels, each with its period."""

    def shown(row: dict[str, Any]) -> dict[str, Any]:
        return {
            **row,
            "from": row["from"] or Message("history.beginning"),
            "until": row["until"] or Message("history.in_force"),
            "source": Label("version_source", row["source"]),
        }

    period = (_column("from", "history.col.from"), _column("until", "history.col.until"))
    source = _column("source", "history.col.source")
    labels = [
        {**shown(row), "held": Label("label_held", str(row["held"]).lower())}
        for row in data["label_history"]
    ]
    return [
        Listing(
            (*period, _column("opening_hours", "history.col.hours"), source),
            [shown(row) for row in data["hours_history"]],
            title=Message("history.hours_title"),
        ),
        Listing(
            (*period, _column("staff_count", "history.col.staff"), source),
            [shown(row) for row in data["staff_history"]],
            title=Message("history.staff_title"),
        ),
        Listing(
            (
                _column("label", "history.col.label", "site_label"),
                *period,
                _column("held", "history.col.held"),
                _column("detail", "history.col.detail"),
                source,
            ),
            labels,
            title=Message("history.labels_title"),
        ),
    ]
