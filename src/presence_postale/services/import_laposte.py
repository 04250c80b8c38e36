"""`import laposte`: La Poste's contact points, upserted on La Poste's id.

It refreshes, on every La Poste contact point, the open-data fields: kind, address, address
complement, locality, postcode, INSEE code, department, coordinates, attachment site and phone.
The name and commune are set when it creates a site and refreshed only on sites it created
(`source = laposte`): a seeded or hand-made site keeps its readable name ("Bureau de poste de
Saint-Gérand-le-Puy", not "ST GERAND LE PUY BP"). What delegates enter — opening hours, staff
count, note, labels, equipment, operators — is never touched.

The file is big (17,000 rows): the import works with plain SQL and `executemany` batches
instead of ORM objects, and compares each row with the site's current open-data fields loaded
once, so that an unchanged row costs no write at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from presence_postale.formats import laposte
from presence_postale.formats.laposte import ContactPoint, Rejected, rejected
from presence_postale.services.imports import (
    BATCH,
    PROGRESS_EVERY,
    Departments,
    ImportSummary,
    Keys,
    Progress,
    no_progress,
    stamp,
)
from presence_postale.store.raw import Sql, insert_statement, update_statement

# Open-data columns refreshed on every La Poste contact point, in this order.
_OPEN_DATA = (
    "kind",
    "address",
    "address_extra",
    "locality",
    "postcode",
    "insee_code",
    "department_code",
    "latitude",
    "longitude",
    "parent_id",
    "phone",
)
_INSERT_SITE = insert_statement(
    "site",
    ("id", "name", "name_key", "commune", "commune_key", *_OPEN_DATA,
     "source", "illustrative", "created_at", "updated_at"),
)  # fmt: skip
_UPDATE_OPEN_DATA = update_statement("site", (*_OPEN_DATA, "updated_at"), "id")
_UPDATE_WITH_NAMES = update_statement(
    "site", ("name", "name_key", "commune", "commune_key", *_OPEN_DATA, "updated_at"), "id"
)


class _Batches:
    """Rows waiting to be written with executemany, flushed every BATCH rows.

    Loading thousands of new sites into a (nearly) empty table, the table's secondary indexes
    are dropped at the first full batch and built again once at the end: one sorted build is
    several times cheaper than 17,000 random insertions into five indexes. SQLite's DDL is
    transactional, so a failure or a rejected row rolls the indexes back with the rows.
    """

    def __init__(self, sql: Sql, *, bulk: bool) -> None:
        self.sql = sql
        self.pending: dict[str, list[tuple[Any, ...]]] = {
            _INSERT_SITE: [],
            _UPDATE_OPEN_DATA: [],
            _UPDATE_WITH_NAMES: [],
        }
        self.enabled = True
        self._bulk = bulk and sql.dialect == "sqlite"
        self._dropped: list[str] = []

    def add(self, statement: str, row: tuple[Any, ...]) -> None:
        if not self.enabled:
            return
        rows = self.pending[statement]
        rows.append(row)
        if len(rows) >= BATCH:
            if statement == _INSERT_SITE and self._bulk and not self._dropped:
                self._drop_indexes()
            self._write(statement, rows)

    def _write(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        if statement == _INSERT_SITE:
            rows.sort()  # by id: neighbouring keys in the primary-key index
        self.sql.executemany(statement, rows)
        rows.clear()

    def _drop_indexes(self) -> None:
        found = self.sql.rows(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'site' AND sql IS NOT NULL ORDER BY name"
        )
        for name, _sql in found:
            self.sql.execute(f'DROP INDEX "{name}"')
        self._dropped = [sql for _name, sql in found]

    def flush(self) -> None:
        for statement, rows in self.pending.items():
            if rows and self.enabled:
                self._write(statement, rows)
            rows.clear()
        for statement in self._dropped:
            self.sql.execute(statement)
        self._dropped = []

    def stop(self) -> None:
        """Nothing more is written (a row was rejected: the transaction will be undone)."""
        self.enabled = False
        for rows in self.pending.values():
            rows.clear()


BULK_LOAD_BELOW = 1000  # sites already in the table


def import_laposte(
    sql: Sql,
    path: Path,
    *,
    departments: Sequence[str] = (),
    dry_run: bool = False,
    progress: Progress = no_progress,
    now: datetime | None = None,
) -> ImportSummary:
    """Upsert La Poste's contact points from `path` (see the module's docstring for what is
    refreshed). With rejected rows or `dry_run`, the transaction is rolled back."""
    summary = ImportSummary(source=str(path), dry_run=dry_run)
    handle, _encoding = laposte.open_text(path)
    sql.one_bulk_writer()
    try:
        run = _Run(sql, summary, departments, stamp(now))
        for count, row in enumerate(laposte.read(handle, str(path)), start=1):
            if count % PROGRESS_EVERY == 0:
                progress(row.line)
            run.take(row)
        if summary.applied:
            run.batches.flush()
    finally:
        handle.close()
    if not summary.applied:
        sql.rollback()
    return summary


class _Run:
    """One import: the sites as they are, and the rows checked so far."""

    def __init__(
        self, sql: Sql, summary: ImportSummary, departments: Sequence[str], stamp: str
    ) -> None:
        self.summary = summary
        self.known = Departments(sql, summary.departments_created)
        self.scope = self.known.check_scope(departments)
        self.current = {
            row[0]: row[1:]
            for row in sql.rows(
                f"SELECT id, source, name, commune, {', '.join(_OPEN_DATA)} FROM site"
            )
        }
        self.stamp = stamp
        self.batches = _Batches(sql, bulk=len(self.current) < BULK_LOAD_BELOW)
        self.seen: dict[str, int] = {}
        self.key_of = Keys()

    def reject(self, row: Rejected) -> None:
        self.summary.rejected.append(row)
        self.batches.stop()

    def take(self, row: ContactPoint | Rejected) -> None:
        if isinstance(row, Rejected):
            self.reject(row)
            return
        if self.scope and row.department not in self.scope:
            self.summary.skipped += 1
            return
        earlier = self.seen.get(row.id)
        if earlier is not None:
            self.reject(
                rejected(
                    row.line,
                    "Identifiant_du_site",
                    "import.duplicate",
                    value=row.id,
                    earlier=earlier,
                )
            )
            return
        self.seen[row.id] = row.line
        if row.department is not None and not self.known.ensure(row.department):
            self.reject(
                rejected(
                    row.line,
                    "Code_INSEE",
                    "import.no_such_department",
                    department=row.department,
                    insee=row.insee_code,
                )
            )
            return
        self.write(row)

    def write(self, row: ContactPoint) -> None:
        open_data = row.open_data
        existing = self.current.get(row.id)
        key_of, stamp = self.key_of, self.stamp
        if existing is None:
            self.summary.created += 1
            new = (row.id, row.name, key_of(row.name), row.commune, key_of(row.commune))
            self.batches.add(_INSERT_SITE, (*new, *open_data, "laposte", False, stamp, stamp))
            return
        source, name, commune, *old = existing
        if source == "laposte" and (name, commune) != (row.name, row.commune):
            names = (row.name, key_of(row.name), row.commune, key_of(row.commune))
            self.batches.add(_UPDATE_WITH_NAMES, (*names, *open_data, stamp, row.id))
            self.summary.updated += 1
        elif tuple(old) != open_data:
            self.batches.add(_UPDATE_OPEN_DATA, (*open_data, stamp, row.id))
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1
