"""`import communes` and `report access` through the CLI, on the seed plus a small extract of
the open data (the Gers' communes and contact points, and four Val-d'Oise communes)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from presence_postale.cli.environment import Environment
from presence_postale.errors import Message
from presence_postale.formats import words

Cli = Callable[..., Result]
DATA = Path(__file__).resolve().parents[1] / "data"
COMMUNES = DATA / "communes_extract.csv"
LAPOSTE_32 = DATA / "laposte_32.csv"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The refusals below are checked in the English catalogue's words.
ENGLISH = Environment(lang="en")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def loaded(cli: Cli, seeded_db: Path) -> Path:
    for args in (("laposte", str(LAPOSTE_32)), ("communes", str(COMMUNES), "--mairies")):
        result = cli("import", *args)
        assert result.exit_code == 0, result.stderr
    return seeded_db


def _one_error_line(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ---- import communes ------------------------------------------------------------------------


def test_import_is_idempotent_and_says_what_it_did(cli: Cli, loaded: Path) -> None:
    again = cli("import", "communes", str(COMMUNES), "--mairies", "--format", "json")
    assert again.exit_code == 0, again.stderr
    data = json.loads(again.stdout)
    assert (data["created"], data["updated"], data["unchanged"]) == (0, 0, 462)
    assert (data["town_halls_created"], data["town_halls_updated"]) == (0, 0)
    expected = Message(
        "communes.summary_with_halls",
        {
            "communes": Message(
                "communes.summary", {"created": 0, "updated": 0, "unchanged": 462, "rejected": 0}
            ),
            "created": 0,
            "updated": 0,
            "unchanged": 462,
        },
    )
    assert again.stderr.strip() == words.say(expected)


def test_the_seeded_grisy_town_hall_gets_its_position_and_hours(cli: Cli, loaded: Path) -> None:
    shown = json.loads(cli("sites", "show", "mairie-grisy-les-platres", "-f", "json").stdout)
    assert (shown["latitude"], shown["longitude"]) == (49.130719, 2.050361)
    assert shown["opening_hours"] == "Tu,Th,Fr 08:00-12:00; We 13:00-17:00; Sa 09:00-12:00; PH off"
    assert shown["address"] == "10 rue Robert-Machy" and shown["source"] == "seed"
    # A town hall of its own for the other communes, none for Grisy twice.
    created = json.loads(cli("sites", "show", "mairie-32013", "-f", "json").stdout)
    assert created["kind"] == "mairie" and created["source"] == "communes"
    assert cli("sites", "show", "mairie-95287").exit_code == 1


def test_a_permanence_outside_the_town_halls_hours_is_refused_then_warned(
    cli: Cli, loaded: Path
) -> None:
    args = ("permanences", "add", "--programme", "vigny-2021", "--agent", "vigny-conseillere-1",
            "--site", "mairie-grisy-les-platres", "--every", "monday", "--start", "09:00",
            "--end", "11:00", "--valid-from", "2021-05-03")  # fmt: skip
    assert "opening hours" in _one_error_line(cli(*args, env=ENGLISH))
    assert cli(*args, "--force").exit_code == 0
    report = json.loads(
        cli("report", "weekly", "--week", "2021-W19", "-d", "95", "-f", "json").stdout
    )
    assert any(w["kind"] == "warning.outside_hours" for w in report["warnings"])


def test_a_windows_1252_file_is_refused_in_one_line(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    copy = tmp_path / "communes-1252.csv"
    copy.write_bytes(COMMUNES.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    before = dump(seeded_db)
    line = _one_error_line(cli("import", "communes", str(copy), env=ENGLISH))
    assert "not UTF-8" in line
    assert dump(seeded_db) == before


def test_a_missing_column_and_bad_numbers_are_refused_in_one_line(
    cli: Cli, seeded_db: Path, tmp_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    rows = list(csv.reader(io.StringIO(COMMUNES.read_text(encoding="utf-8"))))
    before = dump(seeded_db)
    without = tmp_path / "no-population.csv"
    _write(without, [[c for i, c in enumerate(r) if i != 4] for r in rows])
    assert "missing column population_municipale" in _one_error_line(
        cli("import", "communes", str(without), env=ENGLISH)
    )
    bad = tmp_path / "bad.csv"
    rows[1][4], rows[3][5] = "7l2", "nord"
    _write(bad, rows)
    line = _one_error_line(cli("import", "communes", str(bad), env=ENGLISH))
    assert "2 rows rejected, nothing imported" in line
    assert "population_municipale: '7l2' is not a whole number" in line
    assert "latitude: 'nord' is not a number" in line
    assert dump(seeded_db) == before


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


# ---- report access --------------------------------------------------------------------------


def test_the_gers_figures_and_the_communes_beyond(cli: Cli, loaded: Path) -> None:
    result = cli("report", "access", "-d", "32", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    (gers,) = data["departments"]
    assert (gers["code"], gers["communes"], gers["population"]) == ("32", 458, 191091)
    # The extract holds the Gers' contact points only (the real file also has its
    # neighbours', which bring 1,382 more people within 5 km).
    assert gers["population_within"] == 174064 and gers["rule_holds"] is True
    assert data["method"]["distance"] == "great_circle_from_town_hall"
    assert data["method"]["travel_time"] is None
    farthest = data["beyond"][0]
    assert (farthest["name"], farthest["nearest"]["point_id"]) == ("Ponsan-Soubiran", "05716A")
    assert all(b["nearest"]["distance_km"] >= 5 for b in data["beyond"])  # rounded to 0.1


def test_closing_saint_clar_what_if(cli: Cli, loaded: Path) -> None:
    data = json.loads(
        cli("report", "access", "-d", "32", "--without", "05712A", "-f", "json").stdout
    )
    what_if = data["what_if"]
    assert what_if["population_newly_beyond"] == 194
    assert [(c["insee_code"], c["change"]) for c in what_if["communes"]] == [
        ("32158", "farther"),
        ("32223", "newly_beyond"),
        ("32248", "newly_beyond"),
        ("32370", "farther"),
        ("32371", "farther"),
        ("32385", "farther"),
    ]
    assert data["departments"][0]["after"]["population_within"] == 174064 - 194


def test_opening_a_point_at_a_position_what_if(cli: Cli, loaded: Path) -> None:
    # Between Montpezat and Laymont, both more than 8 km from any point.
    data = json.loads(
        cli("report", "access", "-d", "32", "--with", "43.43,0.99", "-f", "json").stdout
    )
    assert data["what_if"]["population_newly_within"] > 0
    assert data["what_if"]["with"][0]["id"] == "new-1"


def test_csv_geojson_markdown_and_table_agree(cli: Cli, loaded: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(cli("report", "access", "-d", "32", "-f", "csv").stdout))
    )
    assert len(rows) == 458 and rows[0]["insee_code"] == "32001"
    geo = json.loads(cli("report", "access", "-d", "32", "-f", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 458
    first = geo["features"][0]
    assert first["geometry"]["coordinates"][0] == float(rows[0]["longitude"])
    assert first["properties"]["distance_km"] == float(rows[0]["distance_km"])
    markdown = cli("report", "access", "-d", "32", "-f", "markdown", "--lang", "en").stdout
    assert markdown.startswith("# Access for the population: La Poste contact points within 5 km")
    assert "Travel time is not computed" in markdown and "minute" not in markdown.replace(
        "20 minutes from a contact point", ""
    )
    table = cli("report", "access", "-d", "32", "--lang", "en").stdout
    assert "Ponsan-Soubiran" in table and "91.1%" in table
    french = cli("report", "access", "-d", "32").stdout
    assert "Communes à plus de 5 km du point le plus proche" in french
    assert "91,1\u202f%" in french


@pytest.mark.parametrize(
    ("args", "code", "words_in_line"),
    [
        (("-d", "99"), 1, "department '99' not found"),
        (("-d", "33"), 1, "no communes of department 33"),
        (("--within", "-2"), 2, "--within '-2'"),
        (("--within", "50000"), 2, "at most 200"),
        (("--within", "nan"), 2, "--within 'nan'"),
        (("--points", "boulangerie"), 2, "expected contact or a label"),
        (("--without", "99999Z"), 1, "site '99999Z' not found"),
        (("--without", "mairie-grisy-les-platres"), 1, "is not a 'contact' point"),
        (("--with", "95.2,2.1"), 2, "expected LAT,LON"),
        (("--with", "05712A"), 1, "already a 'contact' point"),
        (("--week", "2021-W77"), 2, "2021-W77"),
        (("-f", "pdf"), 2, "pdf"),
    ],
)
def test_bad_input_is_refused_in_one_line(
    cli: Cli, loaded: Path, args: tuple[str, ...], code: int, words_in_line: str
) -> None:
    line = _one_error_line(cli("report", "access", *args, env=ENGLISH), code)
    assert words_in_line in line


def test_without_communes_the_report_says_to_import_them(cli: Cli, seeded_db: Path) -> None:
    assert "import communes" in _one_error_line(cli("report", "access", env=ENGLISH))


# ---- the map page ---------------------------------------------------------------------------


def _gers_page(cli: Cli, tmp_path: Path) -> Path:
    page = tmp_path / "gers.html"
    result = cli(
        "report", "access", "-d", "32", "--without", "05712A", "-f", "html", "-o", str(page)
    )
    assert result.exit_code == 0, result.stderr
    return page


def test_the_map_is_well_formed_svg_with_a_disc_per_commune(
    cli: Cli, loaded: Path, tmp_path: Path
) -> None:
    text = _gers_page(cli, tmp_path).read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    svg = ET.fromstring(text[text.index("<svg") : text.index("</svg>") + 6])
    assert svg.find(f"{SVG}title").text.endswith("Gers (32)")
    discs = [c for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert len(discs) == 458
    tips = [
        c.find(f"{SVG}title").text
        for c in svg.iter(f"{SVG}path")
        if c.find(f"{SVG}title") is not None
    ]
    assert any("(05712A)" in tip for tip in tips)  # the closed site, crossed out


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian's chromium; CI installs it)")
def test_the_page_renders_in_a_real_browser(cli: Cli, loaded: Path, tmp_path: Path) -> None:
    page = _gers_page(cli, tmp_path)
    shot = tmp_path / "gers.png"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
         "--window-size=1000,1400", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    width, height, pixels = _png(shot.read_bytes())
    assert (width, height) == (1000, 1400)
    coloured = sum(1 for p in pixels if p[0] < 200 and p[2] > 150)  # the map's blue discs
    dark = sum(1 for p in pixels if max(p) < 100)
    assert coloured > 1000 and dark > 2000, (coloured, dark)


def _png(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and RGB pixels of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    idat = b""
    while offset < len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        offset += 12 + length
    header = chunks[b"IHDR"]
    width, height = int.from_bytes(header[:4], "big"), int.from_bytes(header[4:8], "big")
    assert header[8] == 8 and header[9] in (2, 6)
    size = 3 if header[9] == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * size
    previous = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (
                    line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)
                ) & 255
        pixels += [tuple(line[i : i + 3]) for i in range(0, stride, size)]
        previous = line
    return width, height, pixels
