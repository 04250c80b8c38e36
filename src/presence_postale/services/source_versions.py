"""What an open-data import does to the histories of sites' opening hours and labels.

One rule for every import (`domain.history.from_source`): a site that has no value yet gets
the source's as its first version, valid since the beginning (the source gives no date); a
site whose value in force from its latest version is the same source's, and differs, gets a
new version from the day of the import; a value a delegate, a records file or another source
entered stays in force. An old version is never rewritten (but the import's own version of
that very day, when it runs twice in a day).

The imports write with plain SQL (`store.raw`), often through SQLite's own driver: the
histories are read once for the sites concerned and the new versions written in one batch.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from presence_postale.domain.history import BEGINNING, LabelState, Timeline, Version, from_source
from presence_postale.store.raw import Sql

_HOURS = (
    "INSERT INTO site_hours_version (site_id, valid_from, opening_hours, source, recorded_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (site_id, valid_from) DO UPDATE SET "
    "opening_hours = excluded.opening_hours, source = excluded.source, "
    "recorded_at = excluded.recorded_at"
)
_LABEL = (
    "INSERT INTO site_label_version (site_id, label, valid_from, held, since, detail, source, "
    "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, label, valid_from) DO "
    "UPDATE SET held = excluded.held, since = excluded.since, detail = excluded.detail, "
    "source = excluded.source, recorded_at = excluded.recorded_at"
)
COMMUNES = "communes"
_ALL_HOURS = "SELECT site_id, valid_from, opening_hours, source FROM site_hours_version"
_TOWN_HALL_HOURS = (
    "SELECT site_id, valid_from, opening_hours, source FROM site_hours_version WHERE site_id IN "
    "(SELECT id FROM site WHERE kind = 'mairie' OR id LIKE 'mairie-%')"
)
_ALL_LABELS = (
    "SELECT site_id, label, valid_from, held, since, detail, source FROM site_label_version"
)
# Only a label's missing date and format are filled in on a version someone else entered.
_FILL_LABEL = (
    "UPDATE site_label_version SET since = ?, detail = ? "
    "WHERE site_id = ? AND label = ? AND valid_from = ?"
)


def _day(value: Any) -> date:
    """A date as the driver gives it back (SQLite's own driver: ISO text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class SourceVersions:
    """The hours and label histories of the sites an import of `source` may touch (the town
    halls for `communes`, every site else), and the versions it adds (written by `flush`)."""

    def __init__(self, sql: Sql, source: str, today: date, stamp: str) -> None:
        self.sql, self.source, self.today, self.stamp = sql, source, today, stamp
        self.pending: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        hours: dict[str, list[Version[str]]] = defaultdict(list)
        statement = _TOWN_HALL_HOURS if source == COMMUNES else _ALL_HOURS
        for site_id, valid_from, expression, who in sql.rows(statement):
            hours[site_id].append(Version(_day(valid_from), expression, who))
        self.hours = {site_id: Timeline(tuple(v)) for site_id, v in hours.items()}
        labels: dict[tuple[str, str], list[Version[LabelState]]] = defaultdict(list)
        if source != COMMUNES:  # the communes file gives no label
            for site_id, code, valid_from, held, since, detail, who in sql.rows(_ALL_LABELS):
                state = LabelState(bool(held), since and _day(since), detail)
                labels[(site_id, code)].append(Version(_day(valid_from), state, who))
        self.labels = {key: Timeline(tuple(v)) for key, v in labels.items()}

    def set_hours(self, site_id: str, hours: str | None) -> bool:
        """The source gives `hours` for the site: True when a version is added."""
        if hours is None:
            return False
        timeline = self.hours.get(site_id, Timeline[str]())
        version = from_source(timeline, hours, self.source, self.today)
        if version is None:
            return False
        self.hours[site_id] = timeline.with_version(version)
        self.pending[_HOURS].append(
            (site_id, version.valid_from.isoformat(), hours, self.source, self.stamp)
        )
        return True

    def label(self, site_id: str, code: str, since: date | None, detail: str | None) -> str | None:
        """The source says the site holds the label `code` (granted on `since`, in the format
        `detail`). Returns what was done: `labelled` (a first version, valid from the day the
        label was granted when the source gives it), `changed` (a new version of the source's
        own), `completed` (a missing date or format filled in), or None."""
        key = (site_id, code)
        timeline = self.labels.get(key, Timeline[LabelState]())
        wanted = LabelState(True, since, detail)
        latest = timeline.latest
        if latest is None:
            self._write_label(key, Version(since or BEGINNING, wanted, self.source))
            return "labelled"
        if latest.source == self.source:
            version = from_source(timeline, wanted, self.source, self.today)
            if version is None:
                return None
            self._write_label(key, version)
            return "changed"
        held = latest.value
        if not held.held:
            return None  # withdrawn by someone else: their decision stands
        filled = LabelState(True, held.since or since, held.detail or detail)
        if filled == held:
            return None
        self.pending[_FILL_LABEL].append(
            (_iso(filled.since), filled.detail, site_id, code, latest.valid_from.isoformat())
        )
        self.labels[key] = timeline.with_version(Version(latest.valid_from, filled, latest.source))
        return "completed"

    def _write_label(self, key: tuple[str, str], version: Version[LabelState]) -> None:
        self.labels[key] = self.labels.get(key, Timeline[LabelState]()).with_version(version)
        state = version.value
        self.pending[_LABEL].append(
            (*key, version.valid_from.isoformat(), state.held, _iso(state.since), state.detail,
             version.source, self.stamp)
        )  # fmt: skip

    def flush(self) -> None:
        for statement, rows in self.pending.items():
            if rows:
                self.sql.executemany(statement, rows)
                rows.clear()
