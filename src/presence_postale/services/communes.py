"""`import communes`: the communes file's populations and positions, and (with town halls)
each commune's town hall as a site of kind `mairie`.

All or nothing, idempotent, streaming like the other imports (`services.imports`): rows are
read and checked one by one and written in batches through plain SQL; one rejected row means
nothing is written, the other rows still checked so that every rejected row is named.

What the file owns: a commune's row (name, type, department, population, position), wholly.
For a town hall, the site it creates (`mairie-<INSEE>`, source `communes`) is refreshed from
the file on every import — name, address, position, phone, e-mail. A town-hall site that a
delegate or the seed made (any other source) only has its empty fields filled in: nothing
entered by hand is overwritten. Hours are a history (`services.source_versions`): the file's
become a town hall's first version when it has none, and a later change in the file adds a
version dated the day of the import over the file's own earlier version only. The town hall's
position is the file's only where the file says it is the town hall's (`position = mairie`),
never a point inside the commune. The site of a commune's town hall is the one with id
`mairie-<INSEE>`, else the only `mairie` site with that INSEE code (the seed's
`mairie-grisy-les-platres`); a commune with several such sites and none of that id is left
alone and counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from presence_postale.domain import hours
from presence_postale.errors import InvalidData, Message
from presence_postale.formats import communes as communes_format
from presence_postale.formats import laposte
from presence_postale.formats.laposte import Rejected
from presence_postale.services.imports import (
    BATCH,
    PROGRESS_EVERY,
    REJECTIONS_SHOWN,
    Departments,
    Keys,
    Outcome,
    Progress,
    no_progress,
    stamp,
)
from presence_postale.services.source_versions import SourceVersions
from presence_postale.store.raw import Sql, insert_statement, update_statement

SOURCE = "communes"  # the `source` of the town-hall sites this import creates

_COMMUNE_COLUMNS = (
    "name",
    "kind",
    "department_code",
    "population",
    "latitude",
    "longitude",
    "position",
    "source",
    "population_year",
)
_INSERT_COMMUNE = insert_statement("commune", ("insee_code", *_COMMUNE_COLUMNS))
_UPDATE_COMMUNE = update_statement("commune", _COMMUNE_COLUMNS, "insee_code")
# A town hall's fields the file gives, in this order.
_HALL_FIELDS = (
    "name",
    "name_key",
    "commune",
    "commune_key",
    "address",
    "address_extra",
    "postcode",
    "locality",
    "latitude",
    "longitude",
    "phone",
    "email",
)
_INSERT_HALL = insert_statement(
    "site",
    ("id", "kind", "insee_code", "department_code", *_HALL_FIELDS,
     "source", "illustrative", "created_at", "updated_at"),
)  # fmt: skip
_UPDATE_HALL = update_statement("site", (*_HALL_FIELDS, "updated_at"), "id")


@dataclass
class CommunesSummary(Outcome):
    """What `import communes` did, would do (dry run), or why it did nothing."""

    town_halls: bool = False
    halls_created: int = 0
    halls_updated: int = 0
    halls_unchanged: int = 0
    hours_set: int = 0
    halls_ambiguous: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Outcome -> count, in a stable order (the town halls' only when asked)."""
        out = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "skipped": self.skipped,
            "departments_created": len(self.departments_created),
        }
        if self.town_halls:
            out |= {
                "town_halls_created": self.halls_created,
                "town_halls_updated": self.halls_updated,
                "town_halls_unchanged": self.halls_unchanged,
                "town_hall_hours_set": self.hours_set,
                "town_halls_ambiguous": len(self.halls_ambiguous),
            }
        return out

    def line(self) -> Message:
        """The one-line summary on stderr."""
        counts = Message(
            "communes.summary",
            {
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "rejected": len(self.rejected),
            },
        )
        if self.town_halls:
            counts = Message(
                "communes.summary_with_halls",
                {
                    "communes": counts,
                    "created": self.halls_created,
                    "updated": self.halls_updated,
                    "unchanged": self.halls_unchanged,
                },
            )
        return Message("communes.dry_run", {"summary": counts}) if self.dry_run else counts

    def refusal(self) -> Message:
        """One line naming the first rejected rows."""
        shown = [r.message for r in self.rejected[:REJECTIONS_SHOWN]]
        more = len(self.rejected) - REJECTIONS_SHOWN
        return Message(
            "communes.refused_more" if more > 0 else "communes.refused",
            {"source": self.source, "count": len(self.rejected), "rows": shown, "more": more},
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "applied": self.applied,
            **self.counts(),
            "rejected": self.rejected_rows(),
            "departments_created": self.departments_created,
            "town_halls_ambiguous": self.halls_ambiguous,
        }


class _Writes:
    """Statements waiting for executemany, written every BATCH rows, dropped once a row is
    rejected (the transaction will be undone anyway)."""

    def __init__(self, sql: Sql) -> None:
        self.sql = sql
        self.pending: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        self.enabled = True

    def add(self, statement: str, row: tuple[Any, ...]) -> None:
        if self.enabled:
            rows = self.pending[statement]
            rows.append(row)
            if len(rows) >= BATCH:
                self.flush()

    def flush(self) -> None:
        for statement, rows in self.pending.items():
            if rows:
                self.sql.executemany(statement, rows)
                rows.clear()

    def stop(self) -> None:
        self.enabled = False
        self.pending.clear()


def import_communes(
    sql: Sql,
    path: Path,
    *,
    town_halls: bool = False,
    population_year: int | None = None,
    departments: Sequence[str] = (),
    dry_run: bool = False,
    progress: Progress = no_progress,
    now: datetime | None = None,
    today: date,
) -> CommunesSummary:
    """Upsert the communes of `path`, and their town halls when asked (see the module's
    docstring); a new version of a town hall's hours is dated `today`. With rejected rows or
    `dry_run`, the transaction is rolled back."""
    summary = CommunesSummary(source=str(path), dry_run=dry_run, town_halls=town_halls)
    handle, encoding = laposte.open_text(path)
    try:
        if encoding != "utf-8-sig":
            raise InvalidData("communes.not_utf8", source=str(path))
        sql.one_bulk_writer()
        known = Departments(sql, summary.departments_created)
        scope = known.check_scope(departments)
        current = {row[0]: row[1:] for row in sql.rows(
            f"SELECT insee_code, {', '.join(_COMMUNE_COLUMNS)} FROM commune"
        )}  # fmt: skip
        halls = _TownHalls(sql, summary, stamp(now), today) if town_halls else None
        writes = _Writes(sql)
        seen: dict[str, int] = {}
        for count, row in enumerate(
            communes_format.read(handle, str(path), town_halls=town_halls), start=1
        ):
            if count % PROGRESS_EVERY == 0:
                progress(row.line)
            problem = _problem(row, seen, known)
            if problem is not None:
                summary.rejected.append(problem)
                writes.stop()
                continue
            assert isinstance(row, communes_format.CommuneRow)
            if scope and row.department not in scope:
                summary.skipped += 1
                continue
            values = (*row.commune_values, path.name, population_year)
            _upsert(row.insee_code, values, current.get(row.insee_code), summary, writes)
            if halls is not None:
                halls.apply(row, writes)
        if summary.applied:
            writes.flush()
            if halls is not None:
                halls.histories.flush()
    finally:
        handle.close()
    if not summary.applied:
        sql.rollback()
    return summary


def _upsert(
    insee_code: str,
    values: tuple[Any, ...],
    existing: Sequence[Any] | None,
    summary: CommunesSummary,
    writes: _Writes,
) -> None:
    """One commune written when new or changed, and counted."""
    if existing is None:
        summary.created += 1
        writes.add(_INSERT_COMMUNE, (insee_code, *values))
    elif tuple(existing) != values:
        summary.updated += 1
        writes.add(_UPDATE_COMMUNE, (*values, insee_code))
    else:
        summary.unchanged += 1


def _problem(
    row: communes_format.CommuneRow | Rejected, seen: dict[str, int], known: Departments
) -> Rejected | None:
    """Why `row` cannot be imported, or None."""
    if isinstance(row, Rejected):
        return row
    earlier = seen.setdefault(row.insee_code, row.line)
    if earlier != row.line:
        return Rejected(
            row.line,
            "code_insee",
            Message("communes.duplicate", {"value": row.insee_code, "line": earlier}),
        )
    if not known.ensure(row.department):
        return Rejected(
            row.line,
            "departement",
            Message("communes.unknown_department", {"value": row.department}),
        )
    if row.town_hall is not None and row.town_hall.opening_hours is not None:
        try:
            hours.validate(row.town_hall.opening_hours)
        except InvalidData as error:
            return Rejected(
                row.line,
                "mairie_horaires",
                Message("communes.bad_hours", {"reason": error.message}),
            )
    return None


class _TownHalls:
    """The town-hall sites already there, and what the file changes in them."""

    def __init__(self, sql: Sql, summary: CommunesSummary, stamp: str, today: date) -> None:
        self.summary = summary
        self.stamp = stamp
        self.histories = SourceVersions(sql, SOURCE, today, stamp)
        self.tail = (SOURCE, False, stamp, stamp)  # source, illustrative, created, updated
        self.key_of = Keys()
        self.by_id: dict[str, tuple[Any, ...]] = {}
        self.by_insee: dict[str, list[str]] = defaultdict(list)
        for site_id, kind, insee, source, *values in sql.rows(
            f"SELECT id, kind, insee_code, source, {', '.join(_HALL_FIELDS)} FROM site "
            "WHERE kind = 'mairie' OR id LIKE 'mairie-%'"
        ):
            self.by_id[site_id] = (source, *values)
            if kind == "mairie" and insee:
                self.by_insee[insee].append(site_id)

    def _site_of(self, insee: str) -> str | None:
        """The id of the commune's town-hall site (new or existing), None when ambiguous."""
        own = f"mairie-{insee}"
        if own in self.by_id:
            return own
        found = self.by_insee.get(insee, [])
        if len(found) > 1:
            return None
        return found[0] if found else own

    def apply(self, row: communes_format.CommuneRow, writes: _Writes) -> None:
        hall = row.town_hall
        assert hall is not None
        site_id = self._site_of(row.insee_code)
        if site_id is None:
            self.summary.halls_ambiguous.append(row.insee_code)
            return
        at_hall = row.position == "mairie"
        given = (
            row.town_hall_name,
            self.key_of(row.town_hall_name),
            row.name,
            self.key_of(row.name),
            hall.address,
            hall.address_extra,
            hall.postcode,
            hall.locality,
            row.latitude if at_hall else None,
            row.longitude if at_hall else None,
            hall.phone,
            hall.email,
        )
        existing = self.by_id.get(site_id)
        if existing is None:
            self.summary.halls_created += 1
            writes.add(
                _INSERT_HALL,
                (site_id, "mairie", row.insee_code, row.department, *given, *self.tail),
            )
            self.summary.hours_set += self.histories.set_hours(site_id, hall.opening_hours)
            return
        source, *old = existing
        wanted = _merged(old, given, own=source == SOURCE)
        hours = self.histories.set_hours(site_id, hall.opening_hours)
        self.summary.hours_set += hours
        if wanted == tuple(old) and not hours:
            self.summary.halls_unchanged += 1
            return
        self.summary.halls_updated += 1
        if wanted != tuple(old):
            writes.add(_UPDATE_HALL, (*wanted, self.stamp, site_id))


def _merged(old: Sequence[Any], given: tuple[Any, ...], *, own: bool) -> tuple[Any, ...]:
    """The fields a town-hall site gets: on a site of this import, the file's; on another,
    only its empty fields filled, the position as a pair."""
    if own:
        return given
    merged = [o if o is not None else g for o, g in zip(old, given, strict=True)]
    latitude, longitude = _HALL_FIELDS.index("latitude"), _HALL_FIELDS.index("longitude")
    if old[latitude] is not None or old[longitude] is not None:
        merged[latitude], merged[longitude] = old[latitude], old[longitude]
    return tuple(merged)
