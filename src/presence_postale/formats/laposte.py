"""La Poste's open-data list of its contact points (`laposte_poincont2`), read row by row.

The file as published: `;`-separated, UTF-8 (with or without BOM), CRLF, a header line that
starts with `#`. A copy saved by a spreadsheet may be Windows-1252, may quote cells, may write
decimal commas: those are read correctly. A copy whose accents are already broken (UTF-8 read
as Windows-1252 and saved again) is refused, never imported as such.

Reading streams: one row at a time, each checked on its own, by the domain's rules of codes
and text (`domain.codes`, `domain.fields`: the same as for a site typed or loaded from a
records file), and returned either as a `ContactPoint` or as a `Rejected` naming its line,
column and reason. Standard library only (and the domain's pure modules).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from presence_postale.domain import codes, fields
from presence_postale.domain.fields import FieldError, shorten
from presence_postale.errors import InvalidData, Message, os_reason
from presence_postale.formats import csv_rows, file_kind

if TYPE_CHECKING:
    from presence_postale.formats.csv_rows import Rows

COLUMNS = (
    "Identifiant_du_site",
    "Libellé_du_site",
    "Caractéristique_du_site",
    "Site_Acores_de_rattachement",
    "Adresse",
    "Complément_d_adresse",
    "Lieu_dit",
    "Code_postal",
    "Localité",
    "Code_INSEE",
    "Pays",
    "Latitude",
    "Longitude",
    "Précision_du_géocodage",
    "Numéro_de_téléphone",
    "latlong",
)

# Caractéristique_du_site -> site kind (domain.vocab `site_kind`). The two military postal
# agencies (air bases) have no kind of their own.
KINDS = {
    "Bureau de Poste": "bureau_de_poste",
    "Agence postale communale": "agence_postale_communale",
    "Agence postale intercommunale": "agence_postale_intercommunale",
    "Relais poste commerçant": "relais_poste_commercant",
    "Agence postale militaire": "autre",
}
KINDS_FOLDED = {label.casefold(): kind for label, kind in KINDS.items()}


_SITE_ID_RE = re.compile(r"[0-9]{5}[A-Z]")
_CHUNK = 1 << 20


class ContactPoint(NamedTuple):
    """One row, checked and cleaned (empty cells are None). A named tuple: 17,000 of them are
    made per import, and the fields from `kind` on are the open data refreshed on a site."""

    line: int
    id: str
    name: str
    commune: str
    kind: str
    address: str | None
    address_extra: str | None
    locality: str | None
    postcode: str
    insee_code: str
    department: str | None
    latitude: float | None
    longitude: float | None
    parent_id: str | None
    phone: str | None

    @property
    def open_data(self) -> tuple[Any, ...]:
        """kind, address, address_extra, locality, postcode, insee_code, department,
        latitude, longitude, parent_id, phone."""
        return self[4:]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that cannot be imported: where and why (a sentence, or a catalogue message)."""

    line: int
    field: str | None
    reason: Message

    @property
    def message(self) -> Message:
        """`line 12: Latitude: …` (the field when one is to blame)."""
        if self.field:
            return Message(
                "import.row", {"line": self.line, "field": self.field, "reason": self.reason}
            )
        return Message("import.row_anywhere", {"line": self.line, "reason": self.reason})

    @classmethod
    def refusing(cls, line: int, error: FieldError) -> Rejected:
        """A row refused by one of the domain's rules (its field named as the column is)."""
        value = shorten(error.value)
        if value is None:
            return cls(line, error.field, error.reason)
        return cls(
            line, error.field, Message("import.value", {"value": value, "reason": error.reason})
        )


def rejected(line: int, field: str | None, key: str, **params: Any) -> Rejected:
    return Rejected(line, field, Message(key, params))


def cannot_import(path: Path | str, key: str, **params: Any) -> InvalidData:
    return InvalidData("import.cannot", path=str(path), reason=Message(key, params))


# The longest cell an imported CSV may hold: a bound of our own, whatever limit the csv
# module was given by a library loaded beside us.
MAX_CELL = 10_000


def csv_problem(error: csv.Error) -> Message:
    """A CSV reader's complaint in the tool's words (never the module's)."""
    if "field larger than field limit" in str(error):
        return Message("import.cell_too_long", {"limit": MAX_CELL})
    return Message("import.malformed_csv")


def too_long(cells: list[str]) -> Message | None:
    """Why a row's cells cannot be taken (one longer than `MAX_CELL`), or None."""
    if any(len(cell) > MAX_CELL for cell in cells):
        return Message("import.cell_too_long", {"limit": MAX_CELL})
    return None


def header_row(reader: Rows, source: str) -> list[str]:
    """A CSV file's first row, or a refusal: the file is empty or its header unreadable."""
    try:
        return next(reader)
    except StopIteration:
        raise InvalidData("records.in_file", source=source, reason=Message("file.empty")) from None
    except csv.Error as error:
        raise InvalidData(
            "records.at_line", source=source, line=reader.header_line, reason=csv_problem(error)
        ) from None


def data_rows(
    reader: Rows,
    problem: Callable[[csv.Error], Message] = csv_problem,
    *,
    cell_limit: bool = True,
) -> Iterator[tuple[int, list[str]] | Rejected]:
    """The rows after the header, each with its line: a row the CSV reader cannot read is a
    `Rejected` one (why: `problem`), as is one with a cell over `MAX_CELL` (`cell_limit`);
    blank lines, often at the end of a hand-edited file, are passed over."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rejected(reader.line_num, None, problem(error))
            continue
        if not cells or cells == [""]:
            continue
        long_cell = too_long(cells) if cell_limit else None
        yield (
            (reader.line_num, cells)
            if long_cell is None
            else Rejected(reader.line_num, None, long_cell)
        )


def detect_encoding(path: Path) -> str:
    """`utf-8-sig` when the file is valid UTF-8 (BOM or not), else `cp1252` when it decodes
    as Windows-1252; refuse anything else. Reads the file in chunks: memory stays flat."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with _open_binary(path) as handle:
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                break
            offset += len(chunk)
        else:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                pass
            else:
                if offset == 0:
                    raise cannot_import(path, "file.empty")
                return "utf-8-sig"
        handle.seek(0)
        cp1252 = codecs.getincrementaldecoder("cp1252")()
        line = 1
        while chunk := handle.read(_CHUNK):
            try:
                cp1252.decode(chunk)
            except UnicodeDecodeError as error:
                line += chunk[: error.start].count(b"\n")
                raise cannot_import(path, "import.not_text", line=line) from None
            line += chunk.count(b"\n")
    return "cp1252"


def refuse_special_file(path: Path) -> None:
    """A file read as input is a regular file of text: a device (`/dev/zero`) never ends, a
    pipe blocks until someone writes to it and is read once where a file is read twice; a
    file of another kind (`not_text`) is named for what it is, never read as garbled text."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing, a loop of links, no permission: opening it says which
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise InvalidData("file.cannot_read", path=str(path), reason=Message("file.not_regular"))
    if stat.S_ISREG(mode):
        try:
            with path.open("rb") as handle:
                head = handle.read(file_kind.HEAD)
        except OSError:
            return  # opening it again says why
        problem = file_kind.not_text(head)
        if problem is not None:
            raise InvalidData("file.cannot_read", path=str(path), reason=problem)


def _open_binary(path: Path) -> IO[bytes]:
    if path.is_dir():
        raise cannot_import(path, "file.is_directory")
    refuse_special_file(path)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise cannot_import(path, "file.no_such_file") from None
    except OSError as error:
        raise InvalidData("import.cannot", path=str(path), reason=os_reason(error)) from None


def open_text(path: Path) -> tuple[IO[str], str]:
    """The file as text in the encoding it was written in, and that encoding's name."""
    encoding = detect_encoding(path)
    binary = _open_binary(path)
    return io.TextIOWrapper(binary, encoding=encoding, newline=""), encoding


def check_header(cells: list[str], source: str, line: int = 1) -> None:
    names = [cell.strip() for cell in cells]
    if names:
        names[0] = names[0].removeprefix("\ufeff").removeprefix("#").strip()
    if tuple(names) == COLUMNS:
        return
    shown = ";".join(cells)[:80]
    try:
        repaired = ";".join(names).encode("cp1252").decode("utf-8")
    except UnicodeError:
        repaired = ""
    if repaired == ";".join(COLUMNS):
        raise InvalidData(
            "records.at_line", source=source, line=line, reason=Message("import.broken_accents")
        )
    reason = Message("import.not_laposte", {"expected": ";".join(COLUMNS[:3]), "got": shown})
    raise InvalidData("records.at_line", source=source, line=line, reason=reason)


def read(handle: IO[str], source: str) -> Iterator[ContactPoint | Rejected]:
    """Every row after the header, checked; the header is checked first."""
    reader = csv_rows.rows(handle, source, ";")
    check_header(header_row(reader, source), source, reader.header_line)
    for row in data_rows(reader):
        yield row if isinstance(row, Rejected) else parse_row(*row)


def _coordinate(value: str, bound: float) -> float | None:
    if not value:
        return None
    number = float(value.replace(",", "."))  # a spreadsheet's decimal comma
    if not -bound <= number <= bound:
        raise OverflowError
    return number


def parse_row(line: int, cells: list[str]) -> ContactPoint | Rejected:
    """One row of 16 cells, or the first problem found in it."""
    if len(cells) != len(COLUMNS):
        return rejected(line, None, "records.cell_count", cells=len(cells), expected=len(COLUMNS))
    (site_id, name, kind_label, parent, address, extra, locality, postcode, commune, insee,
     _country, lat, lon, _precision, phone, _latlong) = [c.strip() for c in cells]  # fmt: skip
    problem = _problem(line, site_id, name, kind_label, parent, postcode, commune, insee)
    if problem is not None:
        return problem
    coordinates = coordinates_of(line, (("Latitude", lat, 90.0), ("Longitude", lon, 180.0)))
    if isinstance(coordinates, Rejected):
        return coordinates
    latitude, longitude = coordinates
    try:  # the text rules of every site (one line, no invisible characters, a length)
        if not fields.plain_lines(name, commune, address, extra, locality):
            texts = [
                fields.line(value or None, column)
                for value, column in (
                    (name, "Libellé_du_site"),
                    (commune, "Localité"),
                    (address, "Adresse"),
                    (extra, "Complément_d_adresse"),
                    (locality, "Lieu_dit"),
                )
            ]
            name, commune, address, extra, locality = (text or "" for text in texts)
        if phone and not (phone.isascii() and phone.isdigit() and 2 <= len(phone) <= 15):
            phone = fields.phone(phone, "Numéro_de_téléphone") or ""
    except FieldError as error:
        return Rejected.refusing(line, error)
    return ContactPoint(
        line,
        site_id,
        name,
        commune,
        KINDS.get(kind_label) or KINDS_FOLDED[kind_label.casefold()],
        address or None,
        extra or None,
        locality or None,
        postcode,
        insee,
        codes.department_of(insee),
        latitude,
        longitude,
        parent or None,
        phone or None,
    )


def _problem(
    line: int,
    site_id: str,
    name: str,
    kind_label: str,
    parent: str,
    postcode: str,
    commune: str,
    insee: str,
) -> Rejected | None:
    """The first problem of a row's codes and names, or None."""
    if not _SITE_ID_RE.fullmatch(site_id):
        return rejected(line, "Identifiant_du_site", "import.not_site_id", value=site_id)
    if not name:
        return rejected(line, "Libellé_du_site", "import.empty")
    if (KINDS.get(kind_label) or KINDS_FOLDED.get(kind_label.casefold())) is None:
        return rejected(
            line,
            "Caractéristique_du_site",
            "import.unknown_kind",
            value=kind_label,
            expected=list(KINDS),
        )
    if parent and not _SITE_ID_RE.fullmatch(parent):
        return rejected(line, "Site_Acores_de_rattachement", "import.not_parent_id", value=parent)
    if not codes.POSTCODE_RE.fullmatch(postcode):
        key = "import.not_postcode_zero" if len(postcode) == 4 else "import.not_postcode"
        return rejected(line, "Code_postal", key, value=postcode)
    if not commune:
        return rejected(line, "Localité", "import.empty")
    if not codes.INSEE_RE.fullmatch(insee):
        return rejected(line, "Code_INSEE", "import.not_insee", value=insee)
    return None


def coordinates_of(
    line: int, cells: tuple[tuple[str, str, float], tuple[str, str, float]]
) -> tuple[float | None, float | None] | Rejected:
    """Latitude and longitude from their cells (a decimal comma is read), both or neither."""
    values: list[float | None] = []
    for field, text, bound in cells:
        try:
            values.append(_coordinate(text.strip(), bound))
        except OverflowError:
            return rejected(line, field, "import.out_of_range", value=text.strip(), bound=bound)
        except ValueError:
            return rejected(line, field, "import.not_number", value=text.strip())
    latitude, longitude = values
    if (latitude is None) != (longitude is None):
        return rejected(line, cells[1 if longitude is None else 0][0], "import.one_coordinate")
    return latitude, longitude
