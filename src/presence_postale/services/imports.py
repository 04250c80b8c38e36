"""Imports: La Poste's contact points, the ANCT's France Services, records files.

Every import runs in the caller's one write transaction and is all or nothing: rows are read
and checked one by one, and a single rejected row means nothing is written (the rows after it
are still checked, so that every rejected row is reported with its line and reason). Running
the same import again changes nothing.

What each source owns (DESIGN §5 "Open data"):

- `import laposte` refreshes, on every La Poste contact point, the open-data fields: kind,
  address, address complement, locality, postcode, INSEE code, department, coordinates,
  attachment site and phone. The name and commune are set when it creates a site and refreshed
  only on sites it created (`source = laposte`): a seeded or hand-made site keeps its readable
  name ("Bureau de poste de Saint-Gérand-le-Puy", not "ST GERAND LE PUY BP"). What delegates
  enter — opening hours, staff count, note, labels, equipment, operators — is never touched.
- `import france-services` labels the La Poste site that hosts a France Services (label date
  and format filled in when missing), and keeps a site of its own (`fs-<ANCT id>`, source
  `france_services`) for every other structure. Labels and hours are histories: the ANCT's
  values become a site's first versions when it has none, and a later change in the list adds
  a version dated the day of the import over the list's own earlier version only; what a
  delegate entered stays in force (`services.source_versions`).

The La Poste import is the big one (17,000 rows): it works with plain SQL and `executemany`
batches instead of ORM objects, and compares each row with the site's current open-data fields
loaded once, so that an unchanged row costs no write at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData, Message, NotFound
from presence_postale.formats import france_services as fs_format
from presence_postale.formats import laposte
from presence_postale.formats.laposte import Rejected
from presence_postale.services.source_versions import SourceVersions
from presence_postale.store.raw import AlchemySql, Sql

if TYPE_CHECKING:
    from sqlmodel import Session

    from presence_postale.formats.seed import Records
    from presence_postale.services.records import Summary

BATCH = 2000
REJECTIONS_SHOWN = 5
PROGRESS_EVERY = 500
LA_POSTE_KINDS = (
    "bureau_de_poste",
    "agence_postale_communale",
    "agence_postale_intercommunale",
    "relais_poste_commercant",
)
Progress = Callable[[int], None]


def _no_progress(_line: int) -> None:
    pass


@dataclass
class ImportSummary:
    """What an import did, or would do (dry run), or why it did nothing (rejected rows)."""

    source: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # outside the --department scope
    rejected: list[Rejected] = field(default_factory=list)
    departments_created: list[str] = field(default_factory=list)
    # france-services only
    labelled: int = 0
    hours_set: int = 0
    unmatched: list[dict[str, Any]] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return not self.rejected and not self.dry_run

    def line(self) -> str:
        """`created 17,212, updated 0, unchanged 0, rejected 0`."""
        parts = [
            f"created {self.created:,}",
            f"updated {self.updated:,}",
            f"unchanged {self.unchanged:,}",
            f"rejected {len(self.rejected):,}",
        ]
        if self.skipped:
            parts.append(f"outside the departments asked {self.skipped:,}")
        if self.unmatched:
            parts.append(f"La Poste-hosted not matched {len(self.unmatched):,}")
        text = ", ".join(parts)
        if self.rejected:
            return f"{text}: nothing imported"
        return f"dry run, nothing written: {text}" if self.dry_run else text

    def refusal(self) -> Message:
        """One line naming the first rejected rows."""
        more = len(self.rejected) - REJECTIONS_SHOWN
        return Message(
            "import.refused",
            {
                "source": self.source,
                "count": len(self.rejected),
                "rows": [r.describe() for r in self.rejected[:REJECTIONS_SHOWN]],
                "more": Message("import.more", {"count": more}) if more > 0 else "",
            },
        )

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": [
                {"line": r.line, "field": r.field, "reason": r.reason} for r in self.rejected
            ],
            "departments_created": self.departments_created,
        }
        return data

    def rows(self) -> list[dict[str, Any]]:
        """Outcome / count, for a table."""
        out = [
            {"outcome": "created", "count": self.created},
            {"outcome": "updated", "count": self.updated},
            {"outcome": "unchanged", "count": self.unchanged},
            {"outcome": "rejected", "count": len(self.rejected)},
        ]
        if self.skipped:
            out.append({"outcome": "skipped", "count": self.skipped})
        if self.departments_created:
            out.append({"outcome": "departments_created", "count": len(self.departments_created)})
        return out


@dataclass
class FranceServicesSummary(ImportSummary):
    def as_dict(self) -> dict[str, Any]:
        data = super().as_dict()
        data["labelled"] = self.labelled
        data["hours_set"] = self.hours_set
        data["unmatched"] = self.unmatched
        return data

    def rows(self) -> list[dict[str, Any]]:
        return [
            *super().rows(),
            {"outcome": "labelled", "count": self.labelled},
            {"outcome": "hours_set", "count": self.hours_set},
            {"outcome": "unmatched", "count": len(self.unmatched)},
        ]


class _Keys:
    """`search_key` of many names, word by word with a cache: La Poste's names repeat their
    words ("ST", "BP", commune names), and the key of a text is the keys of its
    whitespace-separated words joined by spaces (folding and abbreviations work word by word).
    """

    def __init__(self) -> None:
        self._words: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        words = self._words
        keys = []
        for word in text.split():
            key = words.get(word)
            if key is None:
                key = words[word] = search_key(word)
            if key:
                keys.append(key)
        return " ".join(keys)


def _stamp(now: datetime | None) -> str:
    """A UTC instant as SQLAlchemy stores a DateTime in SQLite (naive, microseconds)."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


# ---- departments ----------------------------------------------------------------------------


def reference_departments() -> dict[str, str]:
    """The departments of the bundled seed (code -> name): every French department, the
    overseas ones and Monaco's 98, so that an import into an empty database can create them."""
    import yaml

    from presence_postale.formats.seed import bundled_seed

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(bundled_seed().read_text(encoding="utf-8"), Loader=loader)
    return {str(d["code"]): str(d["name"]) for d in document.get("departments") or ()}


class _Departments:
    """Known departments; a missing one is created from the reference list, once."""

    def __init__(self, sql: Sql, created: list[str]) -> None:
        self._sql = sql
        self._known = {code for (code,) in sql.rows("SELECT code FROM department")}
        self._reference: dict[str, str] | None = None
        self._created = created

    def reference(self) -> dict[str, str]:
        if self._reference is None:
            self._reference = reference_departments()
        return self._reference

    def check_scope(self, codes: Sequence[str]) -> set[str]:
        wanted = set()
        for code in codes:
            code = code.strip().upper()
            if code not in self._known and code not in self.reference():
                raise NotFound(f"department '{code}' not found")
            wanted.add(code)
        return wanted

    def ensure(self, code: str) -> bool:
        """Whether `code` exists now (created from the reference list if needed)."""
        if code in self._known:
            return True
        name = self.reference().get(code)
        if name is None:
            return False
        self._sql.execute("INSERT INTO department (code, name) VALUES (?, ?)", (code, name))
        self._known.add(code)
        self._created.append(code)
        return True


# ---- La Poste contact points ----------------------------------------------------------------

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
_INSERT_SITE = (
    "INSERT INTO site (id, name, name_key, commune, commune_key, "
    + ", ".join(_OPEN_DATA)
    + ", source, illustrative, created_at, updated_at) VALUES ("
    + ", ".join("?" * (len(_OPEN_DATA) + 9))
    + ")"
)
_UPDATE_OPEN_DATA = (
    "UPDATE site SET " + ", ".join(f"{c} = ?" for c in _OPEN_DATA) + ", updated_at = ? WHERE id = ?"
)
_UPDATE_WITH_NAMES = (
    "UPDATE site SET name = ?, name_key = ?, commune = ?, commune_key = ?, "
    + ", ".join(f"{c} = ?" for c in _OPEN_DATA)
    + ", updated_at = ? WHERE id = ?"
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
    progress: Progress = _no_progress,
    now: datetime | None = None,
) -> ImportSummary:
    """Upsert La Poste's contact points from `path` (see the module's docstring for what is
    refreshed). With rejected rows or `dry_run`, the transaction is rolled back."""
    summary = ImportSummary(source=str(path), dry_run=dry_run)
    handle, _encoding = laposte.open_text(path)
    sql.one_bulk_writer()
    try:
        known = _Departments(sql, summary.departments_created)
        scope = known.check_scope(departments)
        current = {
            row[0]: row[1:]
            for row in sql.rows(
                f"SELECT id, source, name, commune, {', '.join(_OPEN_DATA)} FROM site"
            )
        }
        stamp = _stamp(now)
        batches = _Batches(sql, bulk=len(current) < BULK_LOAD_BELOW)
        seen: dict[str, int] = {}
        key_of = _Keys()
        for count, row in enumerate(laposte.read(handle, str(path)), start=1):
            if count % PROGRESS_EVERY == 0:
                progress(row.line)
            if isinstance(row, Rejected):
                summary.rejected.append(row)
                batches.stop()
                continue
            if scope and row.department not in scope:
                summary.skipped += 1
                continue
            earlier = seen.get(row.id)
            if earlier is not None:
                summary.rejected.append(
                    Rejected(
                        row.line, "Identifiant_du_site", f"'{row.id}' is also on line {earlier}"
                    )
                )
                batches.stop()
                continue
            seen[row.id] = row.line
            if row.department is not None and not known.ensure(row.department):
                summary.rejected.append(
                    Rejected(
                        row.line,
                        "Code_INSEE",
                        f"department '{row.department}' (from INSEE code {row.insee_code}) "
                        "does not exist",
                    )
                )
                batches.stop()
                continue
            open_data = row.open_data
            existing = current.get(row.id)
            if existing is None:
                summary.created += 1
                batches.add(
                    _INSERT_SITE,
                    (
                        row.id,
                        row.name,
                        key_of(row.name),
                        row.commune,
                        key_of(row.commune),
                        *open_data,
                        "laposte",
                        False,
                        stamp,
                        stamp,
                    ),
                )
                continue
            source, name, commune, *old = existing
            if source == "laposte" and (name, commune) != (row.name, row.commune):
                summary.updated += 1
                batches.add(
                    _UPDATE_WITH_NAMES,
                    (
                        row.name,
                        key_of(row.name),
                        row.commune,
                        key_of(row.commune),
                        *open_data,
                        stamp,
                        row.id,
                    ),
                )
            elif tuple(old) != open_data:
                summary.updated += 1
                batches.add(_UPDATE_OPEN_DATA, (*open_data, stamp, row.id))
            else:
                summary.unchanged += 1
        if summary.applied:
            batches.flush()
    finally:
        handle.close()
    if not summary.applied:
        sql.rollback()
    return summary


# ---- France Services ------------------------------------------------------------------------


@dataclass
class _Candidate:
    id: str
    name_key: str
    kind: str


def _match(
    row: fs_format.FranceServices,
    candidates: list[_Candidate],
    labelled: set[str],
) -> tuple[str | None, str]:
    """The La Poste site hosting `row`, or None and why not.

    Among the La Poste contact points of the structure's INSEE code: the one already labelled
    France Services; else the only post office; else the only post office, then the only
    contact point, whose name contains the place the structure names ("France services La
    Poste de Saint-Clar" -> "saint clar").
    """
    if not candidates:
        return None, f"no La Poste contact point with INSEE code {row.insee_code}"
    already = [c for c in candidates if c.id in labelled]
    if len(already) == 1:
        return already[0].id, ""
    offices = [c for c in candidates if c.kind == "bureau_de_poste"]
    if len(offices) == 1:
        return offices[0].id, ""
    place = f" {fs_format.place_key(row.la_poste_place or row.commune)} "
    for pool in (offices, candidates):
        named = [c for c in pool if place in f" {c.name_key} "]
        if len(named) == 1:
            return named[0].id, ""
    return None, (
        f"{len(candidates)} La Poste contact points with INSEE code {row.insee_code}, "
        f"none alone named like '{row.la_poste_place}'"
    )


def import_france_services(
    db: Session,
    path: Path,
    *,
    departments: Sequence[str] = (),
    dry_run: bool = False,
    progress: Progress = _no_progress,
    now: datetime | None = None,
    today: date,
) -> FranceServicesSummary:
    """Label the La Poste sites hosting a France Services and keep a site of its own for every
    other structure (see the module's docstring); a version of a label or of hours it adds
    from a change in the list is dated `today`."""
    from sqlmodel import col

    from presence_postale.domain import hours
    from presence_postale.store import models as m

    summary = FranceServicesSummary(source=str(path), dry_run=dry_run)
    handle, _encoding = laposte.open_text(path)
    sql = AlchemySql(db)
    sql.one_bulk_writer()
    try:
        known = _Departments(sql, summary.departments_created)
        scope = known.check_scope(departments)
        by_insee: dict[str, list[_Candidate]] = {}
        for site_id, name_key, kind, insee in sql.rows(
            "SELECT id, name_key, kind, insee_code FROM site WHERE insee_code IS NOT NULL "
            f"AND kind IN ({', '.join('?' * len(LA_POSTE_KINDS))})",
            LA_POSTE_KINDS,
        ):
            by_insee.setdefault(insee, []).append(_Candidate(site_id, name_key, kind))
        # Sites that hold, or held, the label: a structure's office is the one labelled.
        labelled = {
            site_id
            for (site_id,) in sql.rows(
                "SELECT DISTINCT site_id FROM site_label_version "
                "WHERE label = 'france_services' AND held"
            )
        }
        rows: list[fs_format.FranceServices] = []
        seen: dict[str, int] = {}
        for count, row in enumerate(fs_format.read(handle, str(path)), start=1):
            if count % PROGRESS_EVERY == 0:
                progress(row.line)
            if isinstance(row, Rejected):
                summary.rejected.append(row)
                continue
            if scope and row.department not in scope:
                summary.skipped += 1
                continue
            if row.id in seen:
                summary.rejected.append(
                    Rejected(row.line, "id_fs", f"'{row.id}' is also on line {seen[row.id]}")
                )
                continue
            seen[row.id] = row.line
            if row.opening_hours is not None:
                try:
                    hours.validate(row.opening_hours)
                except InvalidData as error:
                    summary.rejected.append(Rejected(row.line, "h_lundi…h_samedi", error.message))
                    continue
            if not known.ensure(row.department):
                summary.rejected.append(
                    Rejected(row.line, "insee_dep", f"department '{row.department}' does not exist")
                )
                continue
            rows.append(row)
    finally:
        handle.close()
    if summary.rejected:
        db.rollback()
        return summary

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    matched: dict[str, int] = {}
    hosts: dict[str, fs_format.FranceServices] = {}
    own: list[fs_format.FranceServices] = []
    for row in rows:
        if not row.hosted_by_la_poste:
            own.append(row)
            continue
        site_id, reason = _match(row, by_insee.get(row.insee_code, []), labelled)
        if site_id is not None and site_id in matched:
            reason = f"its La Poste site {site_id} hosts line {matched[site_id]} too"
            site_id = None
        if site_id is None:
            summary.unmatched.append(
                {
                    "line": row.line,
                    "id_fs": row.id,
                    "name": row.name,
                    "insee_code": row.insee_code,
                    "reason": reason,
                }
            )
            continue
        matched[site_id] = row.line
        hosts[site_id] = row

    wanted_ids = list(hosts) + [row.site_id for row in own]
    sites = {site.id: site for site in _load(db, m.Site, col(m.Site.id), wanted_ids)}
    histories = SourceVersions(sql, "france_services", today, _stamp(stamp))
    for site_id, row in hosts.items():
        site = sites[site_id]
        changed = _histories(histories, site_id, row, summary)
        if changed:
            site.updated_at = stamp
        _count(summary, "updated" if changed else "unchanged")
    for row in own:
        values = _own_site_values(row)
        existing = sites.get(row.site_id)
        if existing is None:
            db.add(
                m.Site(
                    id=row.site_id,
                    **values,
                    source="france_services",
                    created_at=stamp,
                    updated_at=stamp,
                )
            )
            db.flush()
            _histories(histories, row.site_id, row, summary)
            summary.created += 1
            continue
        changed = False
        for key, value in values.items():
            if getattr(existing, key) != value:
                setattr(existing, key, value)
                changed = True
        changed |= _histories(histories, row.site_id, row, summary)
        if changed:
            existing.updated_at = stamp
        _count(summary, "updated" if changed else "unchanged")
    db.flush()
    histories.flush()
    if dry_run:
        db.rollback()
    return summary


def _histories(
    histories: SourceVersions,
    site_id: str,
    row: fs_format.FranceServices,
    summary: FranceServicesSummary,
) -> bool:
    """The ANCT's label and hours for the site (`services.source_versions`'s rule); True when
    either history changed."""
    done = histories.label(site_id, "france_services", row.labelled_on, row.format)
    summary.labelled += done == "labelled"
    hours = histories.set_hours(site_id, row.opening_hours)
    summary.hours_set += hours
    return done is not None or hours


def _count(summary: ImportSummary, outcome: str) -> None:
    if outcome == "updated":
        summary.updated += 1
    else:
        summary.unchanged += 1


def _load(db: Session, model: Any, key: Any, ids: list[str]) -> list[Any]:
    """Rows of `model` whose `key` is in `ids`, by chunks (SQLite limits bound parameters)."""
    from sqlmodel import select

    found: list[Any] = []
    for start in range(0, len(ids), 500):
        found.extend(db.exec(select(model).where(key.in_(ids[start : start + 500]))))
    return found


def _own_site_values(row: fs_format.FranceServices) -> dict[str, Any]:
    """The open-data fields of a structure's own site, refreshed on every import."""
    mobile = row.format in ("Bus_équivalent", "Itinérante")
    return {
        "name": row.name,
        "name_key": search_key(row.name),
        "kind": "autre" if mobile else "msap",
        "address": row.address,
        "address_extra": row.address_extra,
        "postcode": row.postcode,
        "commune": row.commune,
        "commune_key": search_key(row.commune),
        "insee_code": row.insee_code,
        "department_code": row.department,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "phone": row.phone,
        "email": row.email,
    }


# ---- records files --------------------------------------------------------------------------

# Sections whose fields name a site, and those fields.
_SITE_REFERENCES = {
    "closures": ("site",),
    "agents": ("home_site",),
    "permanences": ("site",),
    "spaces": ("site",),
    "mediation_sessions": ("site",),
}


def resolve_site_names(db: Session, records: Records) -> None:
    """Replace a site named by its name (not its id) with its id, naming the line when the
    name matches no site or several."""
    from presence_postale.services import sites
    from presence_postale.store import models as m

    defined = {item.values["id"] for item in records.sections.get("sites", [])}
    for section, fields in _SITE_REFERENCES.items():
        for item in records.sections.get(section, []):
            for key in fields:
                ref = item.values.get(key)
                if ref is None or ref in defined or db.get(m.Site, ref) is not None:
                    continue
                try:
                    item.values[key] = sites.get(db, ref).id
                except (NotFound, InvalidData) as error:
                    raise item.error(key, error) from None


def import_records(db: Session, records: Records, *, dry_run: bool = False) -> Summary:
    """Apply a records file (all or nothing: any error undoes the transaction)."""
    from presence_postale.errors import PresencePostaleError
    from presence_postale.formats.seed import load
    from presence_postale.services import records as records_service

    try:
        resolve_site_names(db, records)
        summary = records_service.apply(db, records)
    except PresencePostaleError:
        if records.exact:
            raise
        db.rollback()  # read without lines: again, exactly, to name the problem's line
        return import_records(db, load(Path(records.source)), dry_run=dry_run)
    if dry_run:
        db.rollback()
    return summary
