"""The ANCT's national list of France Services (data.gouv.fr, "liste des structures France
Services"), read row by row.

`,`-separated, quoted, UTF-8 (a Windows-1252 copy is read too). Columns are found by name, so
their order may change. Each weekday has its own hours column written
`09:00 - 12:00 / 13:30 - 17:00`; `00:00 - 00:00` (closed) is ignored and overlapping
intervals are merged. The week becomes one OpenStreetMap `opening_hours` expression, equal days
grouped: `Mo-We,Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00; PH off`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO

from presence_postale.domain import codes, fields
from presence_postale.domain.fields import FieldError
from presence_postale.domain.text import search_key
from presence_postale.errors import BadValue, InvalidData, Message
from presence_postale.formats import csv_rows
from presence_postale.formats.laposte import (
    Rejected,
    coordinates_of,
    data_rows,
    header_row,
    rejected,
)

REQUIRED = (
    "id_fs",
    "insee_dep",
    "lib_fs",
    "adresse",
    "complement_adresse",
    "insee_com",
    "code_postal",
    "lib_com",
    "latitude",
    "longitude",
    "mail",
    "telephone",
    "h_lundi",
    "h_mardi",
    "h_mercredi",
    "h_jeudi",
    "h_vendredi",
    "h_samedi",
    "format_fs",
    "labellisation_fs",
)
DAY_COLUMNS = ("h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi")
OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

# "France services La Poste de Saint-Trivier-de-Courtes", "… de La Poste d'Attigny",
# "… multisites La Poste du Collet-de-Dèze": hosted by La Poste; the rest names the place.
_LA_POSTE_RE = re.compile(
    r"\bla\s+poste\b(?:\s+(?:(?:de\s+la|des|du|de|à)\s+|de\s+l'|d'))?\s*(.*)$", re.I
)
_INTERVAL_RE = re.compile(r"(\d{1,2})[:hH](\d{2})\s*-\s*(\d{1,2})[:hH](\d{2})")
_LABEL_RE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
# Cells that list several e-mails ("a@x.fr - b@x.fr"): the first is the structure's.
_EMAIL_SEPARATORS = re.compile(r"\s+-\s+|[;,\s]+")

Minutes = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FranceServices:
    """One France Services structure, checked."""

    line: int
    id: str
    name: str
    department: str
    address: str | None
    address_extra: str | None
    insee_code: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None
    email: str | None
    phone: str | None
    opening_hours: str | None
    format: str | None
    labelled_on: date | None
    # The place named after "La Poste" in the structure's name, when La Poste hosts it.
    la_poste_place: str | None

    @property
    def hosted_by_la_poste(self) -> bool:
        return self.la_poste_place is not None

    @property
    def site_id(self) -> str:
        """The id of the site of its own a structure not hosted by La Poste gets: the ANCT's
        id, stable from one edition of the list to the next."""
        return f"fs-{self.id}"


def read(handle: IO[str], source: str) -> Iterator[FranceServices | Rejected]:
    reader = csv_rows.rows(handle, source)
    header = [cell.strip().removeprefix("\ufeff") for cell in header_row(reader, source)]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        reason = Message("import.not_france_services", {"missing": missing[:3]})
        raise InvalidData("records.at_line", source=source, line=reader.header_line, reason=reason)
    index = {name: header.index(name) for name in REQUIRED}
    for row in data_rows(reader):
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        if len(cells) != len(header):
            yield rejected(line, None, "records.cell_count", cells=len(cells), expected=len(header))
            continue
        yield parse_row(line, {name: cells[i].strip() for name, i in index.items()})


def parse_row(line: int, row: dict[str, str]) -> FranceServices | Rejected:
    problem = _problem(line, row)
    if problem is not None:
        return problem
    department = row["insee_dep"]
    coordinates = coordinates_of(
        line, (("latitude", row["latitude"], 90.0), ("longitude", row["longitude"], 180.0))
    )
    if isinstance(coordinates, Rejected):
        return coordinates
    week: list[tuple[Minutes, ...]] = []
    for column in DAY_COLUMNS:
        try:
            week.append(day_intervals(row[column]))
        except BadValue as error:
            return Rejected(line, column, error.message)
    labelled_on = None
    if row["labellisation_fs"]:
        found = _LABEL_RE.search(row["labellisation_fs"])
        try:
            if found is None:
                raise ValueError
            labelled_on = date(int(found[3]), int(found[2]), int(found[1]))
        except ValueError:
            return rejected(
                line, "labellisation_fs", "import.no_label_date", value=row["labellisation_fs"]
            )
    try:
        texts = _texts(row)
    except FieldError as error:
        return Rejected.refusing(line, error)
    hosted = _LA_POSTE_RE.search(row["lib_fs"])
    return FranceServices(
        line=line,
        id=row["id_fs"],
        # The texts as the rules of every site's leave them (one space between words), so
        # that the records export of a site loads back unchanged.
        name=texts["lib_fs"] or row["lib_fs"],
        department=department,
        address=texts["adresse"],
        address_extra=texts["complement_adresse"],
        insee_code=row["insee_com"],
        postcode=row["code_postal"],
        commune=texts["lib_com"] or row["lib_com"],
        latitude=coordinates[0],
        longitude=coordinates[1],
        email=texts["mail"],
        phone=texts["telephone"],
        opening_hours=osm_hours(week),
        format=row["format_fs"] or None,
        labelled_on=labelled_on,
        la_poste_place=(hosted[1].strip() or row["lib_com"]) if hosted else None,
    )


def _problem(line: int, row: dict[str, str]) -> Rejected | None:
    """The first problem of a row's codes and names, or None."""
    for field in ("id_fs", "lib_fs"):
        if not row[field]:
            return rejected(line, field, "import.empty")
    if not codes.DEPARTMENT_RE.fullmatch(row["insee_dep"]):
        return rejected(line, "insee_dep", "import.not_department", value=row["insee_dep"])
    if not codes.INSEE_RE.fullmatch(row["insee_com"]):
        return rejected(line, "insee_com", "import.not_insee", value=row["insee_com"])
    if not codes.POSTCODE_RE.fullmatch(row["code_postal"]):
        return rejected(line, "code_postal", "import.not_postcode", value=row["code_postal"])
    if not row["lib_com"]:
        return rejected(line, "lib_com", "import.empty")
    return None


def _texts(row: dict[str, str]) -> dict[str, str | None]:
    """The row's texts by the rules of every site's (`domain.fields`); of a cell listing
    several e-mails, the first."""
    out: dict[str, str | None] = {
        column: fields.line(row[column] or None, column)
        for column in ("lib_fs", "adresse", "complement_adresse", "lib_com")
    }
    emails = [part for part in _EMAIL_SEPARATORS.split(row["mail"]) if part]
    out["mail"] = fields.email(emails[0] if emails else None, "mail")
    out["telephone"] = fields.phone(row["telephone"] or None, "telephone")
    return out


def day_intervals(text: str) -> tuple[Minutes, ...]:
    """`09:00 - 12:00 / 13:30 - 17:00` -> ((540, 720), (810, 1020)); closed -> ()."""
    spans: list[Minutes] = []
    for part in text.split("/"):
        part = part.strip()
        if not part:
            continue
        found = _INTERVAL_RE.fullmatch(part)
        if found is None:
            raise BadValue("import.expected_interval", value=part)
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if start == end == 0:
            continue  # 00:00 - 00:00: the ANCT's way of writing "closed"
        if m1 > 59 or m2 > 59 or start > 1440 or end > 1440 or end <= start:
            raise BadValue("import.bad_interval", value=part)
        spans.append((start, end))
    return merge_intervals(spans)


def merge_intervals(spans: list[Minutes]) -> tuple[Minutes, ...]:
    """Intervals in order, overlapping or repeated ones merged into one."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_list(days: list[int]) -> str:
    """[0, 1, 2, 4] -> `Mo-We,Fr`; runs of three days or more become ranges."""
    parts: list[str] = []
    run: list[int] = []
    for day in [*days, -2]:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if run:
            if len(run) >= 3:
                parts.append(f"{OSM_DAYS[run[0]]}-{OSM_DAYS[run[-1]]}")
            else:
                parts.extend(OSM_DAYS[d] for d in run)
        run = [day]
    return ",".join(parts)


def osm_hours(week: list[tuple[Minutes, ...]]) -> str | None:
    """Per-day intervals (Monday first) as one `opening_hours` expression, or None when the
    list gives no hours at all. Public holidays are closed (`PH off`)."""
    groups: dict[tuple[Minutes, ...], list[int]] = {}
    for day, intervals in enumerate(week):
        if intervals:
            groups.setdefault(intervals, []).append(day)
    if not groups:
        return None
    rules = [
        f"{_day_list(days)} {','.join(f'{_clock(a)}-{_clock(b)}' for a, b in intervals)}"
        for intervals, days in sorted(groups.items(), key=lambda item: item[1][0])
    ]
    return "; ".join([*rules, "PH off"])


def place_key(place: str) -> str:
    """The search key of the place a La Poste-hosted structure names."""
    return search_key(place)
