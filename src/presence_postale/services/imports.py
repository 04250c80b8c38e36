"""Imports: what they share (the summary, the departments, the write path), and records files.

Every import runs in the caller's one write transaction and is all or nothing: rows are read
and checked one by one, and a single rejected row means nothing is written (the rows after it
are still checked, so that every rejected row is reported with its line and reason). Running
the same import again changes nothing. The open-data imports are in `services.import_laposte`
and `services.import_france_services`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData, NotFound
from presence_postale.formats.laposte import Rejected
from presence_postale.store.raw import Sql

if TYPE_CHECKING:
    from sqlmodel import Session

    from presence_postale.formats.seed import Records
    from presence_postale.services.records_summary import Summary
    from presence_postale.services.records_unchanged import Held
    from presence_postale.store.rows import Rows

PROGRESS_EVERY = 500
BATCH = 2000  # rows a bulk import writes at once
REJECTIONS_SHOWN = 5  # rejected rows a refusal names
# The kinds of site La Poste runs itself (its contact points), as imports and reports know them.
LA_POSTE_KINDS = (
    "bureau_de_poste",
    "agence_postale_communale",
    "agence_postale_intercommunale",
    "relais_poste_commercant",
)
Progress = Callable[[int], None]


def no_progress(_line: int) -> None:
    pass


@dataclass
class Outcome:
    """What an open-data import did, or would do (dry run), or why it did nothing (rejected
    rows): the counts every import keeps."""

    source: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # outside the --department scope
    rejected: list[Rejected] = field(default_factory=list)
    departments_created: list[str] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return not self.rejected and not self.dry_run

    def rejected_rows(self) -> list[dict[str, Any]]:
        return [{"line": r.line, "field": r.field, "reason": r.reason} for r in self.rejected]


@dataclass
class ImportSummary(Outcome):
    """What a La Poste or France Services import did."""

    # france-services only
    labelled: int = 0
    hours_set: int = 0
    unmatched: list[dict[str, Any]] = field(default_factory=list)

    def count(self, changed: bool) -> None:
        if changed:
            self.updated += 1
        else:
            self.unchanged += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "applied": self.applied,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": self.rejected_rows(),
            "departments_created": self.departments_created,
        }

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


class Keys:
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


def utc(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def stamp(now: datetime | None) -> str:
    """A UTC instant as SQLAlchemy stores a DateTime in SQLite (naive, microseconds)."""
    return utc(now).strftime("%Y-%m-%d %H:%M:%S.%f")


# ---- where a bulk import writes -----------------------------------------------------------


# ---- departments ----------------------------------------------------------------------------


def reference_departments() -> dict[str, str]:
    """The departments of the bundled seed (code -> name): every French department, the
    overseas ones and Monaco's 98, so that an import into an empty database can create them."""
    import yaml

    from presence_postale.formats.seed import bundled_seed

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(bundled_seed().read_text(encoding="utf-8"), Loader=loader)
    return {str(d["code"]): str(d["name"]) for d in document.get("departments") or ()}


class Departments:
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
                raise NotFound("department.not_found", department=code)
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


def held_records(source: Rows, records: Records, held: Held | None = None) -> Summary | None:
    """The summary of loading a file the database holds entirely (every record unchanged),
    found in a read transaction (`store.rows`); None when loading it would change something.
    `held`: what was read of the database already, in the same transaction."""
    from presence_postale.services import records_unchanged
    from presence_postale.services.records_summary import Summary

    counts = records_unchanged.all_held(source, records, held)
    if counts is None:
        return None
    summary = Summary()
    for section, count in counts.items():
        summary.counts.setdefault(section, Counter())["unchanged"] = count
    return summary


def import_records(
    db: Session,
    records: Records,
    *,
    dry_run: bool = False,
    replace: bool = False,
    then: Callable[[], None] | None = None,
) -> Summary:
    """Apply a records file (all or nothing: any error undoes the transaction, one raised by
    `then`, a check of what was loaded, too). With `replace`, a file `export records` wrote
    is the newer version of its records, as any other file is: its values replace the stored
    ones instead of stopping the load where they differ (`records_merge`)."""
    from presence_postale.errors import PresencePostaleError
    from presence_postale.formats.seed import load
    from presence_postale.services import records as records_service
    from presence_postale.services import records_unchanged

    if replace:
        records.replacing()
    try:
        summary = records_service.Summary()
        summary.expect(records)
        # What the database holds already is left alone unchecked; the rest is checked here.
        records_unchanged.set_aside(db, records, lambda section: summary.add(section, "unchanged"))
        resolve_site_names(db, records)
        records_service.apply(db, records, summary)
        if then is not None:
            then()
    except PresencePostaleError:
        if records.exact:
            raise
        db.rollback()  # read without lines: again, exactly, to name the problem's line
        again = load(Path(records.source))
        return import_records(db, again, dry_run=dry_run, replace=replace, then=then)
    if dry_run:
        db.rollback()
    return summary
