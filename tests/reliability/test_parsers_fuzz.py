"""Hypothesis on every parser of user input: whatever the text, a parser returns a value or
raises InvalidData (a row parser returns a Rejected row) — never another exception — and what
it accepts reads back the same."""

from __future__ import annotations

import csv
import io
import re
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from presence_postale.cli.params import parse_counts
from presence_postale.cli.permanences import parse_requests
from presence_postale.domain import hours, recurrence, weeks
from presence_postale.errors import InvalidData
from presence_postale.formats import exports, france_services, laposte, seed
from presence_postale.formats.words import say
from refusals import refused, shown_on_one_line

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any text, and text made of the characters a parser cares about (so it gets past the first
# check more often than random Unicode does).
any_text = st.text(max_size=80)


def near(alphabet: str, max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, max_size=max_size) | any_text


def refused_or(call: object, *args: object) -> object:
    """Call the parser; InvalidData is a fine answer (its message on one line), None then."""
    assert callable(call)
    try:
        return call(*args)
    except InvalidData as error:
        assert str(error), "an error names the problem"
        return None


# ---- opening hours --------------------------------------------------------------------------

HOURS_ALPHABET = 'MoTuWeThFrSaSuPH0123456789:-,; offclosed"|[]+/ '


@FUZZ
@given(near(HOURS_ALPHABET))
@example("Mo-Fr 09:00-12:00; PH off")
@example("Mo-Fr 9h-12h")
@example("\x1b[31m")
@example("Mo 09:00-12:00\n")
def test_opening_hours_only_refuse_with_invalid_data(text: str) -> None:
    try:
        kept = hours.validate(text)
    except InvalidData as error:
        assert shown_on_one_line(str(error)), str(error)
        return
    assert hours.validate(kept) == kept


# ---- recurrence -----------------------------------------------------------------------------

RRULE_PARTS = st.lists(
    st.tuples(
        st.sampled_from(
            ["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "BYMONTHDAY", "WKST", "BYSETPOS", "X"]
        ),
        near("0123456789-+MOTUWEHFRSA,DAILYWEEKLYMONTHLY", 12),
    ),
    max_size=5,
).map(lambda parts: ";".join(f"{key}={value}" for key, value in parts))


@FUZZ
@given(RRULE_PARTS | near("RULE:FQ=WEKLYBDAYMOTU;,0123456789\n"))
@example("FREQ=WEEKLY;BYDAY=TU")
@example("DTSTART:20210101\nRRULE:FREQ=WEEKLY")
@example("FREQ=WEEKLY;UNTIL=99991231T999999")
@example("FREQ=WEEKLY;INTERVAL=0")
@example("UNTIL=0H0D")  # dateutil warned (time zone "D") instead of refusing
@example("FREQ=MONTHLY;INTERVAL=-1")
@example("garbage")
@example("FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T000000Z")
@example("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
@example("FREQ=DAILY;BYHOUR=1,2,3")
def test_rrules_only_refuse_with_invalid_data(text: str) -> None:
    parsed = refused_or(recurrence.parse_rule, text)
    normalised = refused_or(recurrence.validate_rule, text)
    assert (parsed is None) == (normalised is None)
    if isinstance(normalised, str):
        assert recurrence.validate_rule(normalised) == normalised
        # An accepted rule yields at most one date a day, over any window the bound allows.
        dates = recurrence.dates_between(
            normalised, date(2020, 1, 1), date(2020, 1, 1), date(2030, 12, 31)
        )
        assert len(dates) == len(set(dates)) <= (date(2030, 12, 31) - date(2020, 1, 1)).days + 1


EVERY_WORDS = st.lists(
    st.sampled_from(
        ["tuesday", "mardi", "mon", "thu", "1st", "3rd", "last", "dernier", "1er", ",", "every",
         "weekdays", "le", "de", "jeudi", "5th", "0", "6", "sunday"]
    ),
    max_size=6,
).map(" ".join)  # fmt: skip


@FUZZ
@given(EVERY_WORDS | any_text)
@example("1st,3rd thursday")
@example("")
@example("\x00")
def test_every_only_refuses_with_invalid_data_and_gives_valid_rules(text: str) -> None:
    rule = refused_or(recurrence.from_every, text)
    if isinstance(rule, str):
        assert recurrence.validate_rule(rule) == rule
        assert recurrence.dates_between(
            rule, date(2021, 1, 4), date(2021, 1, 4), date(2021, 12, 31)
        )


# ---- dates, times, weeks, months, durations -------------------------------------------------

DATEISH = "0123456789-Ww: hH"
TODAY = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@FUZZ
@given(near(DATEISH, 14), TODAY)
@example("9999-12-31", date(2021, 4, 27))
@example("next", date(9999, 12, 31))
@example("last", date(1, 1, 1))
@example("0000-W01", date(2021, 4, 27))
@example("9999-W53", date(2021, 4, 27))
def test_week_date_time_month_parsers_only_refuse_with_invalid_data(text: str, today: date) -> None:
    for spec in (text, "this", "next", "last"):
        refused_or(weeks.parse_week, spec, today)
    refused_or(weeks.parse_date, text)
    refused_or(weeks.parse_time, text)
    refused_or(weeks.parse_month, text)


@FUZZ
@given(near("0123456789 dwmyDWMY-.", 8), TODAY)
@example("99999y", date(2021, 4, 27))
@example("1d", date(1, 1, 1))
@example("0m", date(1, 1, 1))
def test_durations_only_refuse_with_invalid_data(text: str, today: date) -> None:
    before = refused_or(weeks.parse_duration_ago, text, today)
    if isinstance(before, date):
        assert before <= today


@FUZZ
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)), st.times())
def test_dates_times_months_weeks_read_back(day: date, moment: time) -> None:
    assert weeks.parse_date(day.isoformat()) == day
    assert weeks.parse_date(f" {day.isoformat()} ") == day
    clock = time(moment.hour, moment.minute)
    assert weeks.parse_time(f"{clock:%H:%M}") == clock
    assert weeks.parse_time(f"{clock.hour}h{clock.minute:02d}") == clock
    assert weeks.parse_month(f"{day.year:04d}-{day.month:02d}") == (day.year, day.month)
    week = weeks.IsoWeek.containing(day)
    assert weeks.parse_week(week.label, date(2021, 4, 27)) == week
    assert weeks.parse_week(day.isoformat(), date(2021, 4, 27)) == week


# ---- records files (YAML / JSON) ------------------------------------------------------------

YAMLISH = "sites:- {}[]\"'#&*!|>%@`,?\n  \tid: name: 2021-02-30 09:00 true null ~ 0x1F .inf"


@FUZZ
@given(near(YAMLISH, 120))
@example("sites: [\n")
@example("a: 2021-02-30\n")
@example("version: 1\nsites:\n  - 2021-13-01\n")
@example("!!python/object:os.system ls")
@example("&a [*a]")
@example("? [a]\n: b\n")
@example("a: !!binary |\n  ###\n")
@example("a: !!timestamp 2021-02-30\n")
@example("version: [1]\n")
@example("version: 1\nsites:\n  - staff_count: " + "9" * 4301 + "\n")
@example('{"version": -' + "1" * 5000 + "}")
@example("a: 0x" + "f" * 4000 + "\n")
def test_records_text_only_refuses_with_invalid_data(text: str) -> None:
    records = refused_or(seed.parse, text, "records.yaml")
    if records is not None:
        assert isinstance(records, seed.Records)


SEED_LINES = seed.bundled_seed().read_text(encoding="utf-8").splitlines(keepends=True)
FIRST_SECTION = next(i for i, line in enumerate(SEED_LINES) if line.startswith("departments:"))
MUTATIONS = ("delete", "duplicate", "insert", "replace", "indent", "dedent")


@SOME
@given(
    st.lists(
        st.tuples(
            st.integers(FIRST_SECTION + 1, len(SEED_LINES) - 1),
            st.sampled_from(MUTATIONS),
            st.sampled_from([*":-[]{}\"'#&*!|>@`, x0\t", "2021-02-30", "25:00", "null"]),
            st.integers(0, 120),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_corrupted_seed_is_refused_naming_its_line(
    mutations: list[tuple[int, str, str, int]],
) -> None:
    lines = list(SEED_LINES)
    for index, how, text, column in mutations:
        index = min(index, len(lines) - 1)
        line = lines[index]
        if how == "delete":
            del lines[index]
        elif how == "duplicate":
            lines.insert(index, line)
        elif how == "insert":
            cut = min(column, len(line) - 1)
            lines[index] = line[:cut] + text + line[cut:]
        elif how == "replace":
            cut = min(column, len(line) - 2)
            lines[index] = line[:cut] + text + line[cut + 1 :]
        elif how == "indent":
            lines[index] = "  " + line
        else:
            lines[index] = line.lstrip()
    try:
        seed.parse("".join(lines), "seed.yaml")
    except InvalidData as error:
        # Every corruption is inside a section: the message says where.
        assert re.search(r"\bline \d+\b", say(error.message, "en")), say(error.message, "en")


# ---- La Poste contact points ----------------------------------------------------------------

CELL = near('0123456789ABZ.,-; éÉÃ©"', 12)
GOOD_ROW = [
    "00518A", "Bureau de poste de Saint-Gérand-le-Puy", "Bureau de Poste", "", "1 place", "",
    "", "03150", "ST GERAND LE PUY", "03236", "France", "46,25", "3.51", "", "", "",
]  # fmt: skip


@FUZZ
@given(
    st.lists(CELL, min_size=14, max_size=18)
    | st.lists(st.integers(0, 15), max_size=4).flatmap(
        lambda spots: st.lists(CELL, min_size=len(spots), max_size=len(spots)).map(
            lambda cells: _spoiled(spots, cells)
        )
    ),
    st.integers(1, 10**6),
)
@example(["00518A", *GOOD_ROW[1:11], "nan", "inf", "", "", ""], 2)
@example([*GOOD_ROW[:11], "1e999", "1_0", "", "", ""], 2)
def test_laposte_rows_are_a_contact_point_or_a_rejected_row(cells: list[str], line: int) -> None:
    parsed = laposte.parse_row(line, cells)
    assert isinstance(parsed, laposte.ContactPoint | laposte.Rejected)
    assert parsed.line == line
    if isinstance(parsed, laposte.Rejected):
        assert say(parsed.message, "en").startswith(f"line {line}")


def _spoiled(spots: list[int], cells: list[str]) -> list[str]:
    row = list(GOOD_ROW)
    for spot, cell in zip(spots, cells, strict=True):
        row[spot] = cell
    return row


def test_the_good_row_is_a_contact_point() -> None:
    assert isinstance(laposte.parse_row(2, GOOD_ROW), laposte.ContactPoint)


@FUZZ
@given(st.lists(st.lists(CELL, max_size=18), max_size=4), st.booleans())
def test_laposte_files_only_refuse_with_invalid_data(rows: list[list[str]], header: bool) -> None:
    handle = io.StringIO(newline="")
    writer = csv.writer(handle, delimiter=";")
    if header:
        writer.writerow(["#" + laposte.COLUMNS[0], *laposte.COLUMNS[1:]])
    writer.writerows(rows)
    handle.seek(0)
    try:
        for item in laposte.read(handle, "points.csv"):
            assert isinstance(item, laposte.ContactPoint | laposte.Rejected)
    except InvalidData as error:
        assert "points.csv" in str(error)


# ---- France Services hours and rows ---------------------------------------------------------

CLOCK = st.builds(
    "{:0>2}{}{:0>2}".format,
    st.integers(0, 30),
    st.sampled_from([":", "h", "H", "."]),
    st.integers(0, 70),
)
INTERVAL = st.builds("{} {} {}".format, CLOCK, st.sampled_from(["-", "–", "", "- "]), CLOCK)
DAY_HOURS = st.lists(INTERVAL | near("0123456789:- /h", 15), max_size=4).map(" / ".join)


@FUZZ
@given(DAY_HOURS)
@example("00:00 - 00:00")
@example("00:00 - 24:00")
@example("24:00 - 24:00")
@example("09:00 - 12:00 / 11:00 - 14:00")
@example("٠٩:٠٠ - ١٢:٠٠")
def test_france_services_day_hours_are_intervals_or_a_value_error(text: str) -> None:
    try:
        spans = france_services.day_intervals(text)
    except ValueError as error:
        assert str(error)
        return
    for start, end in spans:
        assert 0 <= start < end <= 1440
    assert list(spans) == sorted(spans)


@FUZZ
@given(st.lists(DAY_HOURS, min_size=6, max_size=6))
def test_a_france_services_week_becomes_valid_opening_hours(days: list[str]) -> None:
    week = []
    for text in days:
        try:
            week.append(france_services.day_intervals(text))
        except ValueError:
            week.append(())
    expression = france_services.osm_hours(week)
    if expression is not None:
        assert hours.validate(expression) == expression
        monday = date(2021, 4, 26)  # no public holiday that week
        for offset, intervals in enumerate(week):
            day = hours.day_hours(expression, monday + timedelta(days=offset))
            assert day.minutes == sum(end - start for start, end in intervals)


FS_ROW = {
    "id_fs": "123", "insee_dep": "95", "lib_fs": "France Services La Poste de Vigny",
    "adresse": "", "complement_adresse": "", "insee_com": "95658", "code_postal": "95450",
    "lib_com": "Vigny", "latitude": "49.07", "longitude": "1.93", "mail": "", "telephone": "",
    "h_lundi": "09:00 - 12:00", "h_mardi": "", "h_mercredi": "", "h_jeudi": "",
    "h_vendredi": "", "h_samedi": "", "format_fs": "", "labellisation_fs": "",
}  # fmt: skip


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(sorted(FS_ROW)),
        near("0123456789/:-,. hHlabelisé LaPoste", 24),
        max_size=6,
    )
)
@example({"labellisation_fs": "Espace labellisé 31/02/2020"})
@example({"labellisation_fs": "00/00/0000"})
@example({"latitude": "nan", "longitude": "1"})
def test_france_services_rows_are_a_structure_or_a_rejected_row(changes: dict[str, str]) -> None:
    parsed = france_services.parse_row(7, {**FS_ROW, **changes})
    assert isinstance(parsed, france_services.FranceServices | laposte.Rejected)
    if isinstance(parsed, france_services.FranceServices) and parsed.opening_hours:
        hours.validate(parsed.opening_hours)


# ---- records CSV ----------------------------------------------------------------------------


@SOME
@given(
    st.sampled_from(sorted(seed.SCHEMA)),
    st.lists(st.lists(near("0123456789|=@-.,;:abcxyz truefalse", 10), max_size=6), max_size=3),
    st.booleans(),
)
def test_records_csv_only_refuses_with_invalid_data(
    kind: str, rows: list[list[str]], keep_header: bool
) -> None:
    spec = list(seed.SCHEMA[kind])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            width = max((len(row) for row in rows), default=1) or 1
            if keep_header:
                writer.writerow(spec[:width])
            writer.writerows(rows)
        records = refused_or(exports.read_records_csv, path, kind)
        if records is not None:
            assert isinstance(records, seed.Records)


# ---- the CLI's small parsers ----------------------------------------------------------------

COUNTS = near("caf=msa,cnav 0123456789²³¹½٣-+70 ", 30)


@FUZZ
@given(COUNTS)
@example("caf=²")
@example("caf=٣")
@example("caf=1,caf=2")
@example("=3")
def test_requests_only_refuse_with_invalid_data(text: str) -> None:
    counts = refused_or(parse_requests, text)
    if isinstance(counts, dict):
        assert all(isinstance(n, int) and n >= 0 for n in counts.values())


@FUZZ
@given(COUNTS)
@example("70+=²")
@example("60-69=3,70+=2")
def test_counts_only_refuse_with_invalid_data(text: str) -> None:
    counts = refused_or(parse_counts, text, "--age-bands")
    if isinstance(counts, dict):
        assert all(isinstance(n, int) and n >= 0 for n in counts.values())


@FUZZ
@given(
    st.dictionaries(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz_+-0123456789", min_size=1, max_size=10),
        st.integers(0, 10**6),
        max_size=5,
    )
)
def test_counts_read_back(counts: dict[str, int]) -> None:
    assume(all(key.strip() for key in counts))
    text = ",".join(f"{key}={count}" for key, count in counts.items())
    assert parse_requests(text) == counts
    assert parse_counts(text, "--age-bands") == counts


@pytest.mark.parametrize("text", ["caf=²", "caf=deux", "caf", "caf=-1", "caf=1.5"])
def test_bad_request_counts_name_the_part(text: str) -> None:
    with refused(InvalidData, match=f"invalid --requests '{re.escape(text)}'"):
        parse_requests(text)
