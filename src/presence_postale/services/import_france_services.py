"""`import france-services`: the ANCT's list of France Services.

It labels the La Poste site that hosts a France Services (label date and format filled in
when missing), and keeps a site of its own (`fs-<ANCT id>`, source `france_services`) for
every other structure. La Poste-hosted structures it cannot match to one site are reported,
with the reason. Labels and hours are histories: the ANCT's values become a site's first
versions when it has none, and a later change in the list adds a version dated the day of the
import over the list's own earlier version only; what a delegate entered stays in force
(`services.source_versions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presence_postale.domain import hours
from presence_postale.domain.text import search_key
from presence_postale.errors import InvalidData, Message
from presence_postale.formats import france_services as fs_format
from presence_postale.formats import laposte
from presence_postale.formats.laposte import Rejected, rejected
from presence_postale.services.imports import (
    LA_POSTE_KINDS,
    PROGRESS_EVERY,
    Departments,
    FranceServicesSummary,
    Progress,
    no_progress,
    stamp,
    utc,
)
from presence_postale.services.source_versions import SourceVersions
from presence_postale.store.raw import AlchemySql

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class _Candidate:
    id: str
    name_key: str
    kind: str


def _match(
    row: fs_format.FranceServices,
    candidates: list[_Candidate],
    labelled: set[str],
) -> str | Message:
    """The La Poste site hosting `row`, or why none is.

    Among the La Poste contact points of the structure's INSEE code: the one already labelled
    France Services; else the only post office; else the only post office, then the only
    contact point, whose name contains the place the structure names ("France services La
    Poste de Saint-Clar" -> "saint clar").
    """
    if not candidates:
        return Message("import.no_contact_point", {"insee": row.insee_code})
    already = [c for c in candidates if c.id in labelled]
    if len(already) == 1:
        return already[0].id
    offices = [c for c in candidates if c.kind == "bureau_de_poste"]
    if len(offices) == 1:
        return offices[0].id
    place = f" {fs_format.place_key(row.la_poste_place or row.commune)} "
    for pool in (offices, candidates):
        named = [c for c in pool if place in f" {c.name_key} "]
        if len(named) == 1:
            return named[0].id
    return Message(
        "import.no_single_match",
        {"count": len(candidates), "insee": row.insee_code, "place": row.la_poste_place},
    )


def import_france_services(
    db: Session,
    path: Path,
    *,
    departments: Sequence[str] = (),
    dry_run: bool = False,
    progress: Progress = no_progress,
    now: datetime | None = None,
    today: date,
) -> FranceServicesSummary:
    """Label the La Poste sites hosting a France Services and keep a site of its own for every
    other structure (see the module's docstring); a version of a label or of hours it adds
    from a change in the list is dated `today`."""
    summary = FranceServicesSummary(source=str(path), dry_run=dry_run)
    sql = AlchemySql(db)
    sql.one_bulk_writer()
    known = Departments(sql, summary.departments_created)
    scope = known.check_scope(departments)
    rows = _read(path, summary, scope, known, progress)
    if summary.rejected:
        db.rollback()
        return summary
    hosts, own = _matched(sql, rows, summary)
    at = utc(now)
    histories = SourceVersions(sql, "france_services", today, stamp(at))
    ids = list(hosts) + [row.site_id for row in own]
    _Apply(db, summary, at, ids, histories).run(hosts, own)
    db.flush()
    histories.flush()
    if dry_run:
        db.rollback()
    return summary


def _read(
    path: Path,
    summary: FranceServicesSummary,
    scope: set[str],
    known: Departments,
    progress: Progress,
) -> list[fs_format.FranceServices]:
    """The file's structures in scope, each checked; the rejected ones go to `summary`."""
    rows: list[fs_format.FranceServices] = []
    seen: dict[str, int] = {}
    handle, _encoding = laposte.open_text(path)
    with handle:
        for count, row in enumerate(fs_format.read(handle, str(path)), start=1):
            if count % PROGRESS_EVERY == 0:
                progress(row.line)
            if isinstance(row, Rejected):
                summary.rejected.append(row)
            elif scope and row.department not in scope:
                summary.skipped += 1
            elif row.id in seen:
                summary.rejected.append(
                    rejected(
                        row.line, "id_fs", "import.duplicate", value=row.id, earlier=seen[row.id]
                    )
                )
            else:
                seen[row.id] = row.line
                problem = _problem(row, known)
                if problem is not None:
                    summary.rejected.append(problem)
                else:
                    rows.append(row)
    return rows


def _problem(row: fs_format.FranceServices, known: Departments) -> Rejected | None:
    if row.opening_hours is not None:
        try:
            hours.validate(row.opening_hours)
        except InvalidData as error:
            return Rejected(row.line, "h_lundi…h_samedi", error.message)
    if not known.ensure(row.department):
        return rejected(row.line, "insee_dep", "department.not_found", department=row.department)
    return None


def _matched(
    sql: AlchemySql, rows: list[fs_format.FranceServices], summary: FranceServicesSummary
) -> tuple[dict[str, fs_format.FranceServices], list[fs_format.FranceServices]]:
    """The La Poste sites hosting a structure, and the structures that get a site of their
    own; the La Poste-hosted ones that match no single site go to `summary.unmatched`."""
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
    matched: dict[str, int] = {}
    hosts: dict[str, fs_format.FranceServices] = {}
    own: list[fs_format.FranceServices] = []
    for row in rows:
        if not row.hosted_by_la_poste:
            own.append(row)
            continue
        found = _match(row, by_insee.get(row.insee_code, []), labelled)
        if isinstance(found, str) and found in matched:
            found = Message("import.hosts_another", {"site": found, "line": matched[found]})
        if isinstance(found, Message):
            summary.unmatched.append(
                {
                    "line": row.line,
                    "id_fs": row.id,
                    "name": row.name,
                    "insee_code": row.insee_code,
                    "reason": found,
                }
            )
            continue
        matched[found] = row.line
        hosts[found] = row
    return hosts, own


class _Apply:
    """Writes the matched structures: labels and hours on La Poste sites, sites of their own."""

    def __init__(
        self,
        db: Session,
        summary: FranceServicesSummary,
        stamp: datetime,
        ids: list[str],
        histories: SourceVersions,
    ) -> None:
        from sqlmodel import col, select

        from presence_postale.store import models as m

        self.db, self.summary, self.stamp = db, summary, stamp
        self.histories = histories
        self.sites: dict[str, Any] = {}
        for start in range(0, len(ids), 500):  # SQLite limits bound parameters
            chunk = ids[start : start + 500]
            for site in db.exec(select(m.Site).where(col(m.Site.id).in_(chunk))):
                self.sites[site.id] = site

    def run(
        self, hosts: dict[str, fs_format.FranceServices], own: list[fs_format.FranceServices]
    ) -> None:
        for site_id, row in hosts.items():
            site = self.sites[site_id]
            changed = self.dated(site_id, row)
            if changed:
                site.updated_at = self.stamp
            self.summary.count(changed)
        for row in own:
            self.own(row)

    def own(self, row: fs_format.FranceServices) -> None:
        from presence_postale.store import models as m

        values = _own_site_values(row)
        existing = self.sites.get(row.site_id)
        if existing is None:
            site = m.Site(
                id=row.site_id,
                **values,
                source="france_services",
                created_at=self.stamp,
                updated_at=self.stamp,
            )
            self.db.add(site)
            self.db.flush()
            self.dated(row.site_id, row)
            self.summary.created += 1
            return
        changed = False
        for key, value in values.items():
            if getattr(existing, key) != value:
                setattr(existing, key, value)
                changed = True
        changed = self.dated(row.site_id, row) | changed
        if changed:
            existing.updated_at = self.stamp
        self.summary.count(changed)

    def dated(self, site_id: str, row: fs_format.FranceServices) -> bool:
        """The ANCT's label and hours for the site (`services.source_versions`'s rule); True
        when either history changed."""
        done = self.histories.label(site_id, "france_services", row.labelled_on, row.format)
        self.summary.labelled += done == "labelled"
        hours = self.histories.set_hours(site_id, row.opening_hours)
        self.summary.hours_set += hours
        return done is not None or hours


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
