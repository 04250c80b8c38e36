"""A table of bad input over every command that takes input.

Each case is refused with exit code 1 (refused by the domain) or 2 (usage), exactly one line
on stderr that starts with `error:` and names the problem, no traceback, nothing on stdout,
and the database byte-for-byte unchanged (checkpointed, then hashed, before and after). The
fragments are the English catalogue's: the commands run with `--lang en`'s environment (the
French lines are the same messages, checked key by key in tests/formats).

A second table holds inputs that look hostile but are legitimate data (SQL or shell
metacharacters in a name or a search): they succeed, and leave the database unchanged.

Arguments may name files built in the test's tmp_path as `@name` (see `FILES`).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from backends import Database, ServerDatabase, dump_database
from presence_postale.cli.environment import Environment
from refusals import LIBRARY_WORDS, shown_on_one_line

Cli = Callable[..., Result]
ENGLISH = Environment(lang="en")

LONG = "x" * 10_000
NUL = "a\x00b"
ESC = "a\x1bb"
BEL = "a\x07b"
SQL = "'; DROP TABLE site; --"
SHELL = "$(rm -rf /)"
BACKTICK = "`reboot`"
HUGE = "99999999999999999999999"  # beyond SQLite's 64-bit integers

# 9999-12-31: the domain computes the next day, a week's Sunday, next year's holidays.
BAD_DATES = ("2021-02-30", "2021-13-01", "hier", "", "9999-12-31")
BAD_TIMES = ("25:00", "12:60", "9", "")
BAD_WEEKS = ("2021-W60", "2021-W00", "semaine", "2021-02-30", "", "9999-W52", "9999-12-31")


# ---- valid base commands: one option at a time is then spoiled ------------------------------

CLOSE = ["sites", "close", "17510A", "--from", "2021-06-01", "--to", "2021-06-15"]
PROG_ADD = [
    "programmes",
    "add",
    "essai-2022",
    "--title",
    "Essai",
    "--start",
    "2022-01-03",
    "--planned-end",
    "2022-06-30",
    "--department",
    "95",
]
PROG_EXTEND = ["programmes", "extend", "vigny-2021", "--until", "2021-12-31"]
PROG_END = ["programmes", "end", "vigny-2021", "--on", "2021-07-01"]
PERM_ADD = [
    "permanences",
    "add",
    "--programme",
    "vigny-2021",
    "--agent",
    "vigny-conseillere-1",
    "--site",
    "17510A",
    "--every",
    "thursday",
    "--start",
    "09:00",
    "--end",
    "11:00",
    "--valid-from",
    "2021-05-06",
    "--valid-until",
    "2021-06-30",
]
# The same with --rrule instead of --every: add the rule's value.
PERM_RRULE = [*PERM_ADD[:8], *PERM_ADD[10:], "--rrule"]
PERM_CANCEL = ["permanences", "cancel", "1", "--date", "2021-05-04", "--reason", "formation"]
PERM_MOVE = [
    "permanences",
    "move",
    "1",
    "--date",
    "2021-05-11",
    "--to",
    "2021-05-12",
    "--start",
    "10:00",
    "--end",
    "12:00",
]
PERM_LOG = [
    "permanences",
    "log",
    "1",
    "--date",
    "2021-04-27",
    "--visitors",
    "6",
    "--moved-from",
    "2021-04-26",
]
PERM_SCHEDULE = ["permanences", "schedule", "--from", "2021-04-27", "--to", "2021-07-27"]
BOOK = [
    "coworking",
    "book",
    "saint-clar",
    "--date",
    "2019-05-14",
    "--from",
    "09:00",
    "--to",
    "12:00",
    "--name",
    "Camille Martin",
    "--category",
    "soho_solo",
    "--record",
]
BOOK_SERIES = [*BOOK, "--every", "tuesday", "--until", "2019-06-25"]
COWORK_LIST = ["coworking", "list", "--from", "2019-05-01", "--to", "2019-05-31"]
COWORK_USAGE = ["coworking", "usage", "--from", "2019-05-01", "--to", "2019-05-31"]
MED_ADD = [
    "mediation",
    "add",
    "--site",
    "00518A",
    "--mediator",
    "allier-mediateur",
    "--date",
    "2019-03-19",
    "--start",
    "10:00",
    "--duration",
    "90",
    "--type",
    "individuel",
    "--themes",
    "email",
]
MED_LIST = ["mediation", "list", "--from", "2019-03-01", "--to", "2019-03-31"]
MED_REPORT = ["mediation", "report", "--from", "2019-03-01", "--to", "2019-03-31"]
CALENDAR = [
    "export",
    "calendar",
    "--agent",
    "vigny-conseillere-1",
    "--from",
    "2021-04-27",
    "--to",
    "2021-07-27",
]
SITE_ADD = ["sites", "add", "mairie-test", "--name", "Mairie test", "--kind", "mairie"]
AGENT_ADD = ["agents", "add", "agent-test", "--name", "Agent Test", "--role", "mediateur_numerique"]


def spoil(argv: list[str], option: str, value: str) -> list[str]:
    """`argv` with the value of `option` replaced (or the option added when absent)."""
    out = list(argv)
    if option in out:
        out[out.index(option) + 1] = value
    else:
        out += [option, value]
    return out


def case(
    name: str, argv: list[str], code: int | set[int], *fragments: str, stdout: bool = False
) -> Any:
    codes = {code} if isinstance(code, int) else set(code)
    # `db backup` is for SQLite files (on a server it says to use pg_dump, whatever the path).
    marks = [pytest.mark.sqlite_only] if argv[:2] == ["db", "backup"] else []
    return pytest.param(argv, codes, fragments, stdout, id=name, marks=marks)


# ---- families -------------------------------------------------------------------------------

DATE_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-close", CLOSE, "--from"),
    ("sites-close", CLOSE, "--to"),
    ("programmes-add", PROG_ADD, "--start"),
    ("programmes-add", PROG_ADD, "--planned-end"),
    ("programmes-extend", PROG_EXTEND, "--until"),
    ("programmes-end", PROG_END, "--on"),
    ("permanences-add", PERM_ADD, "--valid-from"),
    ("permanences-add", PERM_ADD, "--valid-until"),
    ("permanences-cancel", PERM_CANCEL, "--date"),
    ("permanences-move", PERM_MOVE, "--date"),
    ("permanences-move", PERM_MOVE, "--to"),
    ("permanences-log", PERM_LOG, "--date"),
    ("permanences-log", PERM_LOG, "--moved-from"),
    ("permanences-schedule", PERM_SCHEDULE, "--from"),
    ("permanences-schedule", PERM_SCHEDULE, "--to"),
    ("coworking-book", BOOK, "--date"),
    ("coworking-book", BOOK_SERIES, "--until"),
    ("coworking-list", COWORK_LIST, "--from"),
    ("coworking-list", COWORK_LIST, "--to"),
    ("coworking-usage", COWORK_USAGE, "--from"),
    ("coworking-usage", COWORK_USAGE, "--to"),
    ("mediation-add", MED_ADD, "--date"),
    ("mediation-list", MED_LIST, "--from"),
    ("mediation-list", MED_LIST, "--to"),
    ("mediation-report", MED_REPORT, "--from"),
    ("mediation-report", MED_REPORT, "--to"),
    ("export-calendar", CALENDAR, "--from"),
    ("export-calendar", CALENDAR, "--to"),
]

TIME_OPTIONS: list[tuple[str, list[str], str]] = [
    ("permanences-add", PERM_ADD, "--start"),
    ("permanences-add", PERM_ADD, "--end"),
    ("permanences-move", PERM_MOVE, "--start"),
    ("permanences-move", PERM_MOVE, "--end"),
    ("coworking-book", BOOK, "--from"),
    ("coworking-book", BOOK, "--to"),
    ("mediation-add", MED_ADD, "--start"),
]

WEEK_COMMANDS: list[tuple[str, list[str]]] = [
    ("sites-hours", ["sites", "hours", "17510A"]),
    ("permanences-schedule", ["permanences", "schedule"]),
    ("mediation-hours", ["mediation", "hours"]),
    ("report-weekly", ["report", "weekly"]),
    ("report-compliance", ["report", "compliance"]),
]

FORMAT_COMMANDS: list[tuple[str, list[str]]] = [
    ("sites-list", ["sites", "list"]),
    ("sites-show", ["sites", "show", "17510A"]),
    ("sites-search", ["sites", "search", "vigny"]),
    ("sites-hours", ["sites", "hours", "17510A", "--week", "2021-W18"]),
    ("sites-nearest", ["sites", "nearest", "--lat", "45", "--lon", "3"]),
    ("agents-list", ["agents", "list"]),
    ("agents-show", ["agents", "show", "allier-mediateur"]),
    ("programmes-list", ["programmes", "list"]),
    ("programmes-show", ["programmes", "show", "vigny-2021"]),
    ("permanences-list", ["permanences", "list"]),
    ("permanences-show", ["permanences", "show", "1"]),
    ("permanences-schedule", PERM_SCHEDULE),
    ("coworking-spaces", ["coworking", "spaces"]),
    ("coworking-list", COWORK_LIST),
    ("coworking-usage", COWORK_USAGE),
    ("mediation-list", MED_LIST),
    ("mediation-hours", ["mediation", "hours", "--week", "2019-W12"]),
    ("mediation-report", MED_REPORT),
    ("report-weekly", ["report", "weekly", "--week", "2021-W17"]),
    ("report-compliance", ["report", "compliance", "--week", "2021-W17"]),
    ("report-programme", ["report", "programme", "vigny-2021"]),
    ("export-sites", ["export", "sites"]),
    ("export-records", ["export", "records"]),
    ("export-mediation-places", ["export", "mediation-places"]),
    ("export-mediation-sessions", ["export", "mediation-sessions"]),
    ("import-laposte", ["import", "laposte", "@laposte_ok"]),
    ("import-records", ["import", "records", "@records_ok"]),
    ("db-status", ["db", "status"]),
]

LANG_COMMANDS = [
    ("sites-list", ["sites", "list"]),
    ("report-weekly", ["report", "weekly", "--week", "2021-W17"]),
    ("report-programme", ["report", "programme", "vigny-2021"]),
    ("mediation-report", MED_REPORT),
    ("export-calendar", CALENDAR),
]

# Free text a write command stores: too long, or with control characters, it is refused.
TEXT_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-add", SITE_ADD, "--name"),
    ("sites-add", SITE_ADD, "--address"),
    ("sites-add", SITE_ADD, "--commune"),
    ("sites-add", SITE_ADD, "--note"),
    ("sites-update", ["sites", "update", "17510A"], "--name"),
    ("sites-update", ["sites", "update", "17510A"], "--note"),
    ("sites-close", CLOSE, "--reason"),
    ("agents-add", AGENT_ADD, "--name"),
    ("agents-update", ["agents", "update", "allier-mediateur"], "--note"),
    ("programmes-add", PROG_ADD, "--title"),
    ("programmes-add", PROG_ADD, "--description"),
    ("programmes-extend", PROG_EXTEND, "--reason"),
    ("programmes-end", PROG_END, "--reason"),
    ("permanences-add", PERM_ADD, "--note"),
    ("permanences-cancel", PERM_CANCEL, "--reason"),
    ("permanences-move", PERM_MOVE, "--reason"),
    (
        "permanences-log",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6"],
        "--note",
    ),
    ("coworking-configure", ["coworking", "configure", "saint-clar"], "--name"),
    ("coworking-book", BOOK, "--name"),
    ("coworking-book", BOOK, "--organisation"),
    ("mediation-add", MED_ADD, "--note"),
    ("mediation-add", MED_ADD, "--redirection-detail"),
    ("mediation-add", MED_ADD, "--details"),
    ("mediation-add", MED_ADD, "--workshop-title"),
]


def _families() -> Iterable[Any]:
    for command, base, option in DATE_OPTIONS:
        for value in BAD_DATES:
            label = value or "empty"
            yield case(
                f"{command}{option}={label}", spoil(base, option, value), 2, option, f"'{value}'"
            )
    for command, base, option in TIME_OPTIONS:
        for value in BAD_TIMES:
            label = value or "empty"
            yield case(
                f"{command}{option}={label}", spoil(base, option, value), 2, option, f"'{value}'"
            )
    for command, base in WEEK_COMMANDS:
        for value in BAD_WEEKS:
            label = value or "empty"
            yield case(f"{command}--week={label}", [*base, "--week", value], 2, "--week")
    for command, base in FORMAT_COMMANDS:
        yield case(f"{command}--format=xml", [*base, "--format", "xml"], 2, "--format", "'xml'")
    for command, base in LANG_COMMANDS:
        yield case(f"{command}--lang=de", [*base, "--lang", "de"], 2, "--lang", "'de'")
    for command, base, option in TEXT_OPTIONS:
        yield case(f"{command}{option}=long", spoil(base, option, LONG), {1, 2}, option, "10000")
        yield case(f"{command}{option}=nul", spoil(base, option, NUL), {1, 2}, option, "control")
        yield case(f"{command}{option}=esc", spoil(base, option, ESC), {1, 2}, option, "control")


# ---- one by one -----------------------------------------------------------------------------

SINGLE = [
    # sites
    case("sites-list-unknown-department", ["sites", "list", "-d", "999"], 1, "department '999'"),
    case("sites-list-bad-kind", ["sites", "list", "--kind", "chateau"], 1, "--kind", "'chateau'"),
    case("sites-list-bad-label", ["sites", "list", "--label", "xyz"], 1, "--label", "'xyz'"),
    case("sites-list-sql-department", ["sites", "list", "-d", SQL], 1, "not found"),
    case("sites-search-empty", ["sites", "search", ""], 1, "empty search"),
    case("sites-search-blank", ["sites", "search", "   "], 1, "empty search"),
    case("sites-search-punctuation", ["sites", "search", "--", "--"], 1, "empty search"),
    case("sites-search-percent", ["sites", "search", "%"], 1, "empty search"),
    case("sites-search-underscore", ["sites", "search", "_"], 1, "empty search"),
    case("sites-search-unknown-department", ["sites", "search", "vigny", "-d", "00"], 1, "'00'"),
    case("sites-show-unknown", ["sites", "show", "99999Z"], 1, "site '99999Z' not found"),
    case("sites-show-empty", ["sites", "show", ""], 1, "empty site"),
    case("sites-show-shell", ["sites", "show", SHELL], 1, "not found"),
    case("sites-show-backtick", ["sites", "show", BACKTICK], 1, "not found"),
    case("sites-show-sql", ["sites", "show", SQL], 1, "not found"),
    case("sites-show-long", ["sites", "show", LONG], 1, "not found"),
    case("sites-show-nul", ["sites", "show", NUL], 1, "'a\\x00b'"),
    case(
        "sites-show-terminal-escape", ["sites", "show", "\x1b]0;pwned\x07"], 1, "\\x1b]0;pwned\\x07"
    ),
    case("sites-show-ambiguous", ["sites", "show", "bureau de poste"], 1, "ambiguous"),
    case("sites-hours-unknown", ["sites", "hours", "nowhere", "--week", "2021-W18"], 1, "nowhere"),
    case("sites-hours-huge-week", ["sites", "hours", "17510A", "--week", "99999-W01"], 2, "--week"),
    case(
        "sites-close-unknown", ["sites", "close", "nowhere", "--from", "2021-06-01"], 1, "nowhere"
    ),
    case("sites-close-reversed", spoil(CLOSE, "--to", "2021-05-01"), 1, "before start"),
    case("sites-close-empty-reason", spoil(CLOSE, "--reason", " "), 1, "--reason"),
    case("sites-close-missing-from", ["sites", "close", "17510A"], 2, "--from"),
    case("sites-nearest-nothing", ["sites", "nearest"], 1, "--commune"),
    case(
        "sites-nearest-both",
        ["sites", "nearest", "--commune", "Vigny", "--lat", "45", "--lon", "3"],
        1,
        "--commune",
    ),
    case(
        "sites-nearest-unknown-commune",
        ["sites", "nearest", "--commune", "Atlantis"],
        1,
        "'Atlantis'",
    ),
    case("sites-nearest-lat-91", ["sites", "nearest", "--lat", "91", "--lon", "3"], 1, "91"),
    case("sites-nearest-lon-nan", ["sites", "nearest", "--lat", "45", "--lon", "nan"], 1, "NaN"),
    case(
        "sites-nearest-lat-text",
        ["sites", "nearest", "--lat", "nord", "--lon", "3"],
        2,
        "--lat",
    ),
    case(
        "sites-nearest-limit-0",
        ["sites", "nearest", "--lat", "45", "--lon", "3", "--limit", "0"],
        1,
        "--limit",
    ),
    case(
        "sites-nearest-limit-negative",
        ["sites", "nearest", "--lat", "45", "--lon", "3", "--limit", "-1"],
        1,
        "--limit",
    ),
    case(
        "sites-nearest-bad-label",
        ["sites", "nearest", "--lat", "45", "--lon", "3", "--label", "gold"],
        1,
        "--label",
        "'gold'",
    ),
    case("sites-add-no-name", ["sites", "add", "--kind", "mairie"], 1, "--name"),
    case("sites-add-no-kind", ["sites", "add", "--name", "Mairie"], 1, "--kind"),
    case("sites-add-bad-kind", spoil(SITE_ADD, "--kind", "chateau"), 1, "--kind", "'chateau'"),
    case(
        "sites-add-existing",
        ["sites", "add", "17510A", "--name", "X", "--kind", "mairie"],
        1,
        "17510A",
        "already exists",
    ),
    case("sites-add-unknown-department", spoil(SITE_ADD, "--department", "999"), 1, "'999'"),
    case("sites-add-staff-negative", spoil(SITE_ADD, "--staff", "-1"), 1, "--staff"),
    case("sites-add-staff-huge", spoil(SITE_ADD, "--staff", HUGE), 1, "--staff"),
    case("sites-add-staff-text", spoil(SITE_ADD, "--staff", "two"), 2, "--staff"),
    case("sites-add-lat-91", spoil(SITE_ADD, "--lat", "91"), 1, "--lat"),
    case("sites-add-lon-inf", spoil(SITE_ADD, "--lon", "inf"), 1, "--lon"),
    case("sites-add-postcode", spoil(SITE_ADD, "--postcode", "9510"), 1, "--postcode", "9510"),
    case(
        "sites-add-bad-hours", spoil(SITE_ADD, "--hours", "Mo-Fr 25:00-26:00"), 1, "opening hours"
    ),
    case("sites-add-bad-label", spoil(SITE_ADD, "--label", "gold"), 1, "'gold'"),
    case("sites-add-bad-equipment", spoil(SITE_ADD, "--equipment", "jacuzzi"), 1, "'jacuzzi'"),
    case("sites-add-bad-operator", spoil(SITE_ADD, "--operator", "nasa"), 1, "'nasa'"),
    case(
        "sites-add-sql-id", ["sites", "add", SQL, "--name", "X", "--kind", "mairie"], 1, "site id"
    ),
    case(
        "sites-add-empty-id", ["sites", "add", " ", "--name", "X", "--kind", "mairie"], 1, "site id"
    ),
    case("sites-update-unknown", ["sites", "update", "nowhere", "--staff", "2"], 1, "nowhere"),
    case("sites-update-nothing", ["sites", "update", "17510A"], 1, "nothing to update"),
    case("sites-update-empty-name", ["sites", "update", "17510A", "--name", " "], 1, "--name"),
    case(
        "sites-update-hours-garbage",
        ["sites", "update", "17510A", "--hours", "toujours"],
        1,
        "opening hours",
    ),
    case(
        "sites-update-hours-12:60",
        ["sites", "update", "17510A", "--hours", "Mo-Fr 09:00-12:60"],
        1,
        "opening hours",
    ),
    case(
        "sites-update-hours-control",
        ["sites", "update", "17510A", "--hours", "Mo-Fr 09:00-12:00\x1b[31m"],
        1,
        "opening hours",
    ),
    case(
        "sites-update-hours-sql", ["sites", "update", "17510A", "--hours", SQL], 1, "opening hours"
    ),
    case("sites-update-staff-huge", ["sites", "update", "17510A", "--staff", HUGE], 1, "--staff"),
    case("sites-update-lat-nan", ["sites", "update", "17510A", "--lat", "nan"], 1, "--lat"),
    case(
        "sites-update-remove-unknown-label",
        ["sites", "update", "17510A", "--remove-label", "gold"],
        1,
        "'gold'",
    ),
    case("sites-update-department", ["sites", "update", "17510A", "-d", "2C"], 1, "'2C'"),
    case("sites-remove-unknown", ["sites", "remove", "nowhere"], 1, "nowhere"),
    case("sites-remove-in-use", ["sites", "remove", "17510A"], 1, "still used"),
    case("sites-remove-empty", ["sites", "remove", ""], 1, "empty site"),
    # agents
    case("agents-list-bad-role", ["agents", "list", "--role", "boss"], 1, "--role", "'boss'"),
    case("agents-list-unknown-site", ["agents", "list", "--site", "nowhere"], 1, "nowhere"),
    case("agents-list-unknown-department", ["agents", "list", "-d", "999"], 1, "'999'"),
    case("agents-show-unknown", ["agents", "show", "nobody"], 1, "agent 'nobody' not found"),
    case("agents-show-empty", ["agents", "show", ""], 1, "empty agent"),
    case("agents-show-sql", ["agents", "show", SQL], 1, "not found"),
    case("agents-show-backtick", ["agents", "show", BACKTICK], 1, "not found"),
    case("agents-add-no-role", ["agents", "add", "x", "--name", "X"], 1, "--role"),
    case("agents-add-bad-role", spoil(AGENT_ADD, "--role", "boss"), 1, "--role", "'boss'"),
    case("agents-add-unknown-home", spoil(AGENT_ADD, "--home-site", "nowhere"), 1, "nowhere"),
    case(
        "agents-add-hours-negative", spoil(AGENT_ADD, "--weekly-hours", "-1"), 1, "--weekly-hours"
    ),
    case("agents-add-hours-huge", spoil(AGENT_ADD, "--weekly-hours", "1e300"), 1, "--weekly-hours"),
    case("agents-add-hours-nan", spoil(AGENT_ADD, "--weekly-hours", "nan"), 1, "--weekly-hours"),
    case("agents-add-hours-text", spoil(AGENT_ADD, "--weekly-hours", "dix"), 2, "--weekly-hours"),
    case("agents-add-bad-email", spoil(AGENT_ADD, "--email", "nobody"), 1, "--email"),
    case(
        "agents-add-existing",
        ["agents", "add", "allier-mediateur", "--role", "mediateur_numerique"],
        1,
        "already exists",
    ),
    case(
        "agents-update-unknown", ["agents", "update", "nobody", "--weekly-hours", "2"], 1, "nobody"
    ),
    case("agents-update-nothing", ["agents", "update", "allier-mediateur"], 1, "nothing to update"),
    case(
        "agents-update-hours-81",
        ["agents", "update", "allier-mediateur", "--weekly-hours", "81"],
        1,
        "--weekly-hours",
    ),
    case(
        "agents-update-bad-role",
        ["agents", "update", "allier-mediateur", "--role", "chef"],
        1,
        "'chef'",
    ),
    case(
        "agents-update-unknown-home",
        ["agents", "update", "allier-mediateur", "--home-site", SQL],
        1,
        "not found",
    ),
    # programmes
    case("programmes-list-bad-status", ["programmes", "list", "--status", "paused"], 1, "'paused'"),
    case("programmes-list-unknown-department", ["programmes", "list", "-d", "999"], 1, "'999'"),
    case("programmes-show-unknown", ["programmes", "show", "nope"], 1, "programme 'nope'"),
    case("programmes-show-sql", ["programmes", "show", SQL], 1, "not found"),
    case(
        "programmes-add-existing",
        ["programmes", "add", "vigny-2021", "--title", "X", "--start", "2022-01-03"],
        1,
        "already exists",
    ),
    case(
        "programmes-add-bad-code",
        ["programmes", "add", "deux mots", "--title", "X", "--start", "2022-01-03"],
        1,
        "'deux mots'",
    ),
    case(
        "programmes-add-reversed",
        spoil(PROG_ADD, "--planned-end", "2021-12-31"),
        1,
        "--planned-end",
    ),
    case("programmes-add-bad-status", spoil(PROG_ADD, "--status", "paused"), 1, "'paused'"),
    case("programmes-add-unknown-department", spoil(PROG_ADD, "--department", "999"), 1, "'999'"),
    case("programmes-add-funding-negative", spoil(PROG_ADD, "--funding", "-1"), 1, "--funding"),
    case("programmes-add-funding-huge", spoil(PROG_ADD, "--funding", HUGE), 2, "--funding"),
    case("programmes-add-funding-text", spoil(PROG_ADD, "--funding", "beaucoup"), 2, "--funding"),
    case(
        "programmes-add-no-title",
        ["programmes", "add", "x-2022", "--start", "2022-01-03"],
        2,
        "--title",
    ),
    case(
        "programmes-extend-unknown",
        ["programmes", "extend", "nope", "--until", "2022-01-01"],
        1,
        "programme 'nope'",
    ),
    case(
        "programmes-extend-reversed",
        spoil(PROG_EXTEND, "--until", "2020-01-01"),
        1,
        "--until 2020-01-01",
    ),
    case(
        "programmes-end-unknown", ["programmes", "end", "nope", "--on", "2021-07-01"], 1, "'nope'"
    ),
    case("programmes-end-reversed", spoil(PROG_END, "--on", "2020-01-01"), 1, "--on 2020-01-01"),
    # permanences
    case(
        "permanences-list-unknown-programme",
        ["permanences", "list", "--programme", "nope"],
        1,
        "'nope'",
    ),
    case(
        "permanences-list-unknown-agent",
        ["permanences", "list", "--agent", "nobody"],
        1,
        "'nobody'",
    ),
    case(
        "permanences-list-unknown-site",
        ["permanences", "list", "--site", "nowhere"],
        1,
        "'nowhere'",
    ),
    case("permanences-list-unknown-department", ["permanences", "list", "-d", "999"], 1, "'999'"),
    case("permanences-show-unknown", ["permanences", "show", "999"], 1, "#999 not found"),
    case("permanences-show-negative", ["permanences", "show", "-1"], {1, 2}, "-1"),
    case("permanences-show-huge", ["permanences", "show", HUGE], 2, "PERMANENCE_ID"),
    case("permanences-show-text", ["permanences", "show", "un"], 2, "PERMANENCE_ID"),
    case("permanences-add-unknown-programme", spoil(PERM_ADD, "--programme", "nope"), 1, "'nope'"),
    case("permanences-add-unknown-agent", spoil(PERM_ADD, "--agent", "nobody"), 1, "'nobody'"),
    case("permanences-add-unknown-site", spoil(PERM_ADD, "--site", "nowhere"), 1, "'nowhere'"),
    case(
        "permanences-add-bad-every",
        spoil(PERM_ADD, "--every", "someday"),
        1,
        "--every",
        "'someday'",
    ),
    case("permanences-add-empty-every", spoil(PERM_ADD, "--every", ""), 1, "--every"),
    case(
        "permanences-add-every-and-rrule",
        [*PERM_ADD, "--rrule", "FREQ=WEEKLY;BYDAY=TH"],
        2,
        "--every",
    ),
    case("permanences-add-rrule-hourly", [*PERM_RRULE, "FREQ=HOURLY"], 1, "rrule"),
    case("permanences-add-rrule-garbage", [*PERM_RRULE, SQL], 1, "rrule"),
    case(
        "permanences-add-rrule-dtstart",
        [*PERM_RRULE, "DTSTART:20210101\nRRULE:FREQ=WEEKLY"],
        1,
        "rrule",
    ),
    case("permanences-add-rrule-byday", [*PERM_RRULE, "FREQ=WEEKLY;BYDAY=XX"], 1, "rrule"),
    case("permanences-add-rrule-until-tz", [*PERM_RRULE, "FREQ=WEEKLY;UNTIL=0H0D"], 1, "rrule"),
    case(
        "permanences-add-reversed-times",
        spoil(spoil(PERM_ADD, "--start", "11:00"), "--end", "09:00"),
        1,
        "11:00",
    ),
    case(
        "permanences-add-reversed-validity",
        spoil(PERM_ADD, "--valid-until", "2021-05-01"),
        1,
        "2021-05-01",
    ),
    case("permanences-add-bad-operator", spoil(PERM_ADD, "--operators", "nasa"), 1, "'nasa'"),
    case(
        "permanences-cancel-unknown",
        ["permanences", "cancel", "999", "--date", "2021-05-04"],
        1,
        "#999",
    ),
    case(
        "permanences-cancel-huge-id",
        ["permanences", "cancel", HUGE, "--date", "2021-05-04"],
        2,
        "PERMANENCE_ID",
    ),
    case(
        "permanences-cancel-not-an-occurrence",
        spoil(PERM_CANCEL, "--date", "2021-05-05"),
        1,
        "2021-05-05",
    ),
    case("permanences-cancel-undo-nothing", [*PERM_CANCEL, "--undo"], 1, "2021-05-04"),
    case(
        "permanences-move-unknown",
        ["permanences", "move", "999", "--date", "2021-05-11", "--to", "2021-05-12"],
        1,
        "#999",
    ),
    case(
        "permanences-move-reversed",
        spoil(spoil(PERM_MOVE, "--start", "12:00"), "--end", "10:00"),
        1,
        "12:00",
    ),
    case(
        "permanences-move-nothing", ["permanences", "move", "1", "--date", "2021-05-11"], 1, "--to"
    ),
    case(
        "permanences-log-unknown",
        ["permanences", "log", "999", "--date", "2021-04-27", "--visitors", "1"],
        1,
        "#999",
    ),
    case(
        "permanences-log-visitors-negative",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "-1"],
        1,
        "--visitors",
    ),
    case(
        "permanences-log-visitors-huge",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", HUGE],
        {1, 2},
        "--visitors",
    ),
    case(
        "permanences-log-visitors-text",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "six"],
        2,
        "--visitors",
    ),
    case(
        "permanences-log-requests-text",
        [
            "permanences",
            "log",
            "1",
            "--date",
            "2021-04-27",
            "--visitors",
            "6",
            "--requests",
            "caf=deux",
        ],
        1,
        "--requests",
        "caf=deux",
    ),
    case(
        "permanences-log-requests-negative",
        [
            "permanences",
            "log",
            "1",
            "--date",
            "2021-04-27",
            "--visitors",
            "6",
            "--requests",
            "caf=-1",
        ],
        1,
        "--requests",
    ),
    case(
        "permanences-log-requests-no-equals",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6", "--requests", "caf"],
        1,
        "--requests",
    ),
    case(
        "permanences-log-requests-huge",
        [
            "permanences",
            "log",
            "1",
            "--date",
            "2021-04-27",
            "--visitors",
            "6",
            "--requests",
            "caf=" + HUGE,
        ],
        1,
        "--requests",
    ),
    case(
        "permanences-log-requests-unknown-operator",
        [
            "permanences",
            "log",
            "1",
            "--date",
            "2021-04-27",
            "--visitors",
            "6",
            "--requests",
            "nasa=1",
        ],
        1,
        "'nasa'",
    ),
    case(
        "permanences-log-future",
        ["permanences", "log", "1", "--date", "2099-01-06", "--visitors", "1"],
        1,
        "2099-01-06",
    ),
    case(
        "permanences-log-not-an-occurrence",
        ["permanences", "log", "1", "--date", "2021-04-28", "--visitors", "1"],
        1,
        "2021-04-28",
    ),
    case(
        "permanences-schedule-reversed",
        spoil(PERM_SCHEDULE, "--to", "2021-04-01"),
        1,
        "before --from",
    ),
    case(
        "permanences-schedule-too-long",
        spoil(PERM_SCHEDULE, "--from", "2000-01-01"),
        1,
        "ten years",
    ),
    case(
        "permanences-schedule-only-from",
        ["permanences", "schedule", "--from", "2021-04-27"],
        2,
        "--to",
    ),
    case("permanences-schedule-week-and-from", [*PERM_SCHEDULE, "--week", "2021-W17"], 2, "--week"),
    case("permanences-schedule-unknown-agent", [*PERM_SCHEDULE, "--agent", SHELL], 1, "not found"),
    case("permanences-schedule-unknown-site", [*PERM_SCHEDULE, "--site", BACKTICK], 1, "not found"),
    case(
        "permanences-schedule-unknown-programme",
        [*PERM_SCHEDULE, "--programme", SQL],
        1,
        "not found",
    ),
    case("permanences-schedule-bad-format", [*PERM_SCHEDULE, "--format", "pdf"], 2, "'pdf'"),
    # coworking
    case(
        "coworking-spaces-unknown-site",
        ["coworking", "spaces", "--site", "nowhere"],
        1,
        "'nowhere'",
    ),
    case(
        "coworking-configure-new-without-site", ["coworking", "configure", "nouveau"], 1, "nouveau"
    ),
    case(
        "coworking-configure-unknown-site",
        ["coworking", "configure", "nouveau", "--site", "nowhere", "--name", "N"],
        1,
        "'nowhere'",
    ),
    case(
        "coworking-configure-capacity-0",
        ["coworking", "configure", "saint-clar", "--capacity", "0"],
        1,
        "--capacity",
    ),
    case(
        "coworking-configure-capacity-huge",
        ["coworking", "configure", "saint-clar", "--capacity", HUGE],
        1,
        "--capacity",
    ),
    case(
        "coworking-configure-min-negative",
        ["coworking", "configure", "saint-clar", "--min-minutes", "-5"],
        1,
        "--min-minutes",
    ),
    case(
        "coworking-configure-max-below-min",
        ["coworking", "configure", "saint-clar", "--min-minutes", "120", "--max-minutes", "60"],
        1,
        "--max-minutes",
    ),
    case(
        "coworking-configure-days-ahead-negative",
        ["coworking", "configure", "saint-clar", "--max-days-ahead", "-1"],
        1,
        "--max-days-ahead",
    ),
    case(
        "coworking-configure-hours-per-week-nan",
        ["coworking", "configure", "saint-clar", "--max-hours-per-week", "nan"],
        1,
        "--max-hours-per-week",
    ),
    case(
        "coworking-configure-cutoff-negative",
        ["coworking", "configure", "saint-clar", "--cancel-cutoff-hours", "-1"],
        1,
        "--cancel-cutoff-hours",
    ),
    case(
        "coworking-configure-bad-category",
        ["coworking", "configure", "saint-clar", "--categories", "vip"],
        1,
        "'vip'",
    ),
    case(
        "coworking-configure-bad-equipment",
        ["coworking", "configure", "saint-clar", "--equipment", "jacuzzi"],
        1,
        "'jacuzzi'",
    ),
    case(
        "coworking-configure-bad-hours",
        ["coworking", "configure", "saint-clar", "--hours", "Mo-Fr 9h-12h"],
        1,
        "opening hours",
    ),
    case(
        "coworking-configure-nothing",
        ["coworking", "configure", "saint-clar"],
        1,
        "nothing to update",
    ),
    case(
        "coworking-book-unknown-space", ["coworking", "book", "nowhere", *BOOK[3:]], 1, "'nowhere'"
    ),
    case("coworking-book-bad-category", spoil(BOOK, "--category", "vip"), 1, "--category", "'vip'"),
    case("coworking-book-bad-channel", spoil(BOOK, "--channel", "fax"), 2, "--channel", "'fax'"),
    case(
        "coworking-book-reversed",
        spoil(spoil(BOOK, "--from", "12:00"), "--to", "09:00"),
        1,
        "12:00",
    ),
    case("coworking-book-empty-name", spoil(BOOK, "--name", " "), 1, "--name"),
    case("coworking-book-bad-email", spoil(BOOK, "--email", "camille"), 1, "--email"),
    case("coworking-book-sunday", spoil(BOOK, "--date", "2019-05-12"), 1, "12/05/2019"),
    case("coworking-book-holiday", spoil(BOOK, "--date", "2019-05-08"), 1, "08/05/2019"),
    case("coworking-book-every-without-until", [*BOOK, "--every", "tuesday"], 2, "--until"),
    case("coworking-book-bad-every", spoil(BOOK_SERIES, "--every", "someday"), 1, "'someday'"),
    case(
        "coworking-book-series-reversed",
        spoil(BOOK_SERIES, "--until", "2019-05-01"),
        1,
        "2019-05-01",
    ),
    case("coworking-cancel-unknown", ["coworking", "cancel", "999"], 1, "#999"),
    case("coworking-cancel-huge", ["coworking", "cancel", HUGE], 2, "RESERVATION_ID"),
    case("coworking-cancel-text", ["coworking", "cancel", "un"], 2, "RESERVATION_ID"),
    case("coworking-mark-unknown", ["coworking", "mark", "999", "--attended"], 1, "#999"),
    case("coworking-mark-neither", ["coworking", "mark", "999"], 2, "--attended"),
    case(
        "coworking-mark-both",
        ["coworking", "mark", "999", "--attended", "--no-show"],
        2,
        "--attended",
    ),
    case("coworking-mark-huge", ["coworking", "mark", HUGE, "--no-show"], 2, "RESERVATION_ID"),
    case("coworking-list-unknown-space", [*COWORK_LIST, "--space", "nowhere"], 1, "'nowhere'"),
    case("coworking-list-bad-status", [*COWORK_LIST, "--status", "lost"], 1, "'lost'"),
    case("coworking-list-reversed", spoil(COWORK_LIST, "--to", "2019-04-01"), 1, "2019-04-01"),
    case("coworking-show-unknown", ["coworking", "show", "999"], 1, "#999"),
    case("coworking-show-huge", ["coworking", "show", HUGE], 2, "RESERVATION_ID"),
    case("coworking-usage-nothing", ["coworking", "usage"], 2, "--month"),
    case("coworking-usage-bad-month", ["coworking", "usage", "--month", "2019-13"], 2, "2019-13"),
    case("coworking-usage-month-9999", ["coworking", "usage", "--month", "9999-12"], 2, "9999"),
    case("coworking-usage-month-text", ["coworking", "usage", "--month", "mai"], 2, "'mai'"),
    case("coworking-usage-month-and-from", [*COWORK_USAGE, "--month", "2019-05"], 2, "--month"),
    case("coworking-usage-reversed", spoil(COWORK_USAGE, "--to", "2019-04-01"), 1, "2019-04-01"),
    case("coworking-usage-unknown-space", [*COWORK_USAGE, "--space", SQL], 1, "not found"),
    case(
        "coworking-purge-bad-unit",
        ["coworking", "purge", "--older-than", "12x"],
        2,
        "--older-than",
        "'12x'",
    ),
    case(
        "coworking-purge-negative", ["coworking", "purge", "--older-than", "-1m"], 2, "--older-than"
    ),
    case("coworking-purge-empty", ["coworking", "purge", "--older-than", ""], 2, "--older-than"),
    case(
        "coworking-purge-before-year-1",
        ["coworking", "purge", "--older-than", "99999y"],
        2,
        "--older-than",
    ),
    case("coworking-purge-shell", ["coworking", "purge", "--older-than", SHELL], 2, "--older-than"),
    # mediation
    case("mediation-add-unknown-site", spoil(MED_ADD, "--site", "nowhere"), 1, "'nowhere'"),
    case("mediation-add-unknown-mediator", spoil(MED_ADD, "--mediator", "nobody"), 1, "'nobody'"),
    case("mediation-add-unknown-programme", [*MED_ADD, "--programme", "nope"], 1, "'nope'"),
    case("mediation-add-bad-type", spoil(MED_ADD, "--type", "solo"), 1, "'solo'"),
    case(
        "mediation-add-bad-theme",
        spoil(MED_ADD, "--themes", "email,teleportation"),
        1,
        "'teleportation'",
    ),
    case("mediation-add-no-theme", spoil(MED_ADD, "--themes", ","), 1, "--themes"),
    case("mediation-add-bad-equipment", [*MED_ADD, "--equipment", "minitel"], 1, "'minitel'"),
    case("mediation-add-bad-age-band", [*MED_ADD, "--age-band", "200+"], 1, "'200+'"),
    case("mediation-add-bad-autonomy", [*MED_ADD, "--autonomy", "robot"], 1, "'robot'"),
    case("mediation-add-bad-social-status", [*MED_ADD, "--social-status", "roi"], 1, "'roi'"),
    case("mediation-add-duration-0", spoil(MED_ADD, "--duration", "0"), 1, "--duration"),
    case("mediation-add-duration-negative", spoil(MED_ADD, "--duration", "-90"), 1, "--duration"),
    case("mediation-add-duration-huge", spoil(MED_ADD, "--duration", HUGE), 1, "--duration"),
    case("mediation-add-duration-text", spoil(MED_ADD, "--duration", "1h30"), 2, "--duration"),
    case(
        "mediation-add-participants-negative",
        [*MED_ADD, "--participants", "-3"],
        1,
        "--participants",
    ),
    case(
        "mediation-add-participants-huge", [*MED_ADD, "--participants", HUGE], 1, "--participants"
    ),
    case(
        "mediation-add-age-bands-text",
        [
            *spoil(MED_ADD, "--type", "collectif"),
            "--participants",
            "5",
            "--age-bands",
            "70+=beaucoup",
        ],
        1,
        "--age-bands",
    ),
    case(
        "mediation-add-age-bands-huge",
        [
            *spoil(MED_ADD, "--type", "collectif"),
            "--participants",
            "5",
            "--age-bands",
            "70+=" + HUGE,
        ],
        1,
        "--age-bands",
    ),
    case(
        "mediation-add-statuses-no-equals",
        [
            *spoil(MED_ADD, "--type", "collectif"),
            "--participants",
            "5",
            "--social-statuses",
            "retraite",
        ],
        1,
        "--social-statuses",
    ),
    case(
        "mediation-add-both-age-options",
        [*MED_ADD, "--age-band", "70+", "--age-bands", "70+=1"],
        2,
        "--age-band",
    ),
    # The Coop's vocabularies: an unknown code lists the valid ones; counters add up.
    case("mediation-add-bad-place", [*MED_ADD, "--place", "mairie"], 1, "'mairie'", "domicile"),
    case("mediation-add-bad-gender", [*MED_ADD, "--gender", "x"], 1, "'x'", "feminin"),
    case(
        "mediation-add-bad-level",
        [*spoil(MED_ADD, "--type", "collectif"), "--participants", "2", "--level", "pro"],
        1,
        "'pro'",
        "intermediaire",
    ),
    case("mediation-add-bad-redirection", [*MED_ADD, "--redirection", "ccas"], 1, "'ccas'"),
    case(
        "mediation-add-genders-not-adding-up",
        [*spoil(MED_ADD, "--type", "collectif"), "--participants", "3", "--genders", "feminin=1"],
        1,
        "--genders",
        "3 participants",
    ),
    case(
        "mediation-add-place-insee-shape",
        [*MED_ADD, "--place", "autre", "--place-insee", "3235"],
        1,
        "'3235'",
    ),
    case("mediation-add-commune-shape", [*MED_ADD, "--commune", "ABCDE"], 1, "'ABCDE'"),
    case("mediation-add-level-individual", [*MED_ADD, "--level", "avance"], 1, "--level"),
    case(
        "export-mediation-sessions-reversed",
        ["export", "mediation-sessions", "--from", "2019-03-31", "--to", "2019-03-01"],
        1,
        "before",
    ),
    case(
        "export-mediation-sessions-unknown-site",
        ["export", "mediation-sessions", "--site", "nowhere"],
        1,
        "'nowhere'",
    ),
    case("mediation-list-unknown-site", [*MED_LIST, "--site", "nowhere"], 1, "'nowhere'"),
    case("mediation-list-unknown-mediator", [*MED_LIST, "--mediator", "nobody"], 1, "'nobody'"),
    case("mediation-list-unknown-programme", [*MED_LIST, "--programme", "nope"], 1, "'nope'"),
    case("permanences-schedule-unknown-department", [*PERM_SCHEDULE, "-d", "999"], 1, "'999'"),
    case("mediation-list-reversed", spoil(MED_LIST, "--to", "2019-02-01"), 1, "2019-02-01"),
    case("mediation-show-unknown", ["mediation", "show", "999"], 1, "#999"),
    case("mediation-show-huge", ["mediation", "show", HUGE], 2, "SESSION_ID"),
    case("mediation-show-text", ["mediation", "show", "un"], 2, "SESSION_ID"),
    case(
        "mediation-hours-unknown-mediator",
        ["mediation", "hours", "--week", "2019-W12", "--mediator", "nobody"],
        1,
        "'nobody'",
    ),
    case("mediation-report-reversed", spoil(MED_REPORT, "--to", "2019-02-01"), 1, "2019-02-01"),
    case("mediation-report-unknown-site", [*MED_REPORT, "--site", BACKTICK], 1, "not found"),
    case("mediation-report-unknown-programme", [*MED_REPORT, "--programme", "nope"], 1, "'nope'"),
    case("mediation-report-missing-to", ["mediation", "report", "--from", "2019-03-01"], 2, "--to"),
    # reports
    case(
        "report-weekly-unknown-site",
        ["report", "weekly", "--week", "2021-W17", "--site", "nowhere"],
        1,
        "'nowhere'",
    ),
    case(
        "report-weekly-unknown-department",
        ["report", "weekly", "--week", "2021-W17", "-d", "999"],
        1,
        "'999'",
    ),
    case(
        "report-weekly-sql-department",
        ["report", "weekly", "--week", "2021-W17", "-d", SQL],
        1,
        "not found",
    ),
    case(
        "report-compliance-unknown-department",
        ["report", "compliance", "--week", "2021-W17", "-d", "999"],
        1,
        "'999'",
    ),
    case("report-programme-unknown", ["report", "programme", "nope"], 1, "'nope'"),
    case("report-programme-shell", ["report", "programme", SHELL], 1, "not found"),
    # exports
    case("export-sites-unknown-department", ["export", "sites", "-d", "999"], 1, "'999'"),
    case(
        "export-sites-excel-json", ["export", "sites", "--format", "json", "--excel"], 2, "--excel"
    ),
    case(
        "export-sites-output-directory",
        ["export", "sites", "--output", "@directory"],
        1,
        "directory",
    ),
    case(
        "export-sites-output-no-parent",
        ["export", "sites", "--output", "@missing/x.csv"],
        1,
        "does not exist",
    ),
    case("export-records-bad-format", ["export", "records", "--format", "csv"], 2, "'csv'"),
    case(
        "export-records-output-directory", ["export", "records", "-o", "@directory"], 1, "directory"
    ),
    case("export-calendar-no-target", CALENDAR[:2] + CALENDAR[4:], 2, "--agent"),
    case("export-calendar-two-targets", [*CALENDAR, "--site", "17510A"], 2, "--agent"),
    case("export-calendar-unknown-agent", spoil(CALENDAR, "--agent", "nobody"), 1, "'nobody'"),
    case(
        "export-calendar-unknown-site",
        [*CALENDAR[:2], "--site", "nowhere", *CALENDAR[4:]],
        1,
        "'nowhere'",
    ),
    case("export-calendar-reversed", spoil(CALENDAR, "--to", "2021-01-01"), 1, "2021-01-01"),
    case("export-calendar-too-long", spoil(CALENDAR, "--to", "2040-01-01"), 1, "ten years"),
    case("export-calendar-output-directory", [*CALENDAR, "-o", "@directory"], 1, "directory"),
    case(
        "export-mediation-places-bad-format",
        ["export", "mediation-places", "-f", "geojson"],
        2,
        "'geojson'",
    ),
    case(
        "export-mediation-places-unknown-department",
        ["export", "mediation-places", "-d", "999"],
        1,
        "'999'",
    ),
    # imports
    case(
        "import-laposte-missing-file",
        ["import", "laposte", "@missing/none.csv"],
        {1, 2},
        "none.csv",
    ),
    case("import-laposte-directory", ["import", "laposte", "@directory"], 1, "directory"),
    case("import-laposte-empty", ["import", "laposte", "@empty"], 1, "empty"),
    case("import-laposte-wrong-header", ["import", "laposte", "@wrong_header_csv"], 1, "line 1"),
    case(
        "import-laposte-broken-accents",
        ["import", "laposte", "@laposte_broken_accents"],
        1,
        "accents",
    ),
    case("import-laposte-utf16", ["import", "laposte", "@laposte_utf16"], 1, "UTF-16"),
    case("import-laposte-binary", ["import", "laposte", "@binary"], 1, "binary.bin"),
    case("import-laposte-yaml", ["import", "laposte", "@malformed_yaml"], 1, "line 1"),
    case(
        "import-laposte-bad-row",
        ["import", "laposte", "@laposte_bad_row"],
        1,
        "line 2",
        "Code_postal",
        stdout=True,  # the summary table, then the refusal
    ),
    case(
        "import-laposte-short-row",
        ["import", "laposte", "@laposte_short_row"],
        1,
        "line 2",
        "columns",
        stdout=True,  # the summary table, then the refusal
    ),
    case(
        "import-laposte-bad-coordinates",
        ["import", "laposte", "@laposte_bad_lat"],
        1,
        "line 2",
        "Latitude",
        stdout=True,  # the summary table, then the refusal
    ),
    case(
        "import-laposte-unknown-department",
        ["import", "laposte", "@laposte_ok", "-d", "999"],
        1,
        "'999'",
    ),
    case(
        "import-laposte-bad-format", ["import", "laposte", "@laposte_ok", "-f", "html"], 2, "'html'"
    ),
    case(
        "import-france-services-directory",
        ["import", "france-services", "@directory"],
        1,
        "directory",
    ),
    case("import-france-services-empty", ["import", "france-services", "@empty"], 1, "empty"),
    case(
        "import-france-services-wrong-header",
        ["import", "france-services", "@wrong_header_csv"],
        1,
        "line 1",
    ),
    case(
        "import-france-services-binary", ["import", "france-services", "@binary"], 1, "binary.bin"
    ),
    case(
        "import-france-services-utf16", ["import", "france-services", "@laposte_utf16"], 1, "UTF-16"
    ),
    case(
        "import-france-services-bad-hours",
        ["import", "france-services", "@fs_bad_hours"],
        1,
        "line 2",
        "h_lundi",
        stdout=True,  # the summary table, then the refusal
    ),
    case(
        "import-france-services-bad-format",
        ["import", "france-services", "@fs_bad_hours", "--format", "yaml"],
        2,
        "'yaml'",
    ),
    case("import-records-directory", ["import", "records", "@directory"], 1, "directory"),
    case(
        "import-records-missing", ["import", "records", "@missing/none.yaml"], {1, 2}, "none.yaml"
    ),
    case("import-records-empty", ["import", "records", "@empty_yaml"], 1, "empty"),
    case("import-records-malformed-yaml", ["import", "records", "@malformed_yaml"], 1, "line"),
    case("import-records-malformed-json", ["import", "records", "@malformed_json"], 1, "line"),
    case("import-records-not-a-mapping", ["import", "records", "@list_yaml"], 1, "mapping"),
    case(
        "import-records-unknown-section",
        ["import", "records", "@unknown_section"],
        1,
        "line 1",
        "unknown section",
    ),
    case("import-records-bad-version", ["import", "records", "@bad_version"], 1, "version"),
    case(
        "import-records-bad-date",
        ["import", "records", "@records_bad_date"],
        1,
        "line 7",
        "invalid date '2021-02-30'",
    ),
    case(
        "import-records-bad-time", ["import", "records", "@records_bad_time"], 1, "line 10", "start"
    ),
    case(
        "import-records-unquoted-time",
        ["import", "records", "@records_unquoted_time"],
        1,
        "line 10",
        "quoted",
    ),
    case(
        "import-records-unknown-site",
        ["import", "records", "@records_unknown_site"],
        1,
        "line",
        "nowhere",
    ),
    case(
        "import-records-long-text", ["import", "records", "@records_long_note"], 1, "line", "10000"
    ),
    case(
        "import-records-control-char",
        ["import", "records", "@records_control"],
        1,
        "line",
        "control",
    ),
    case(
        "import-records-reversed-closure",
        ["import", "records", "@records_reversed"],
        1,
        "line",
        "before",
    ),
    case("import-records-cp1252", ["import", "records", "@records_cp1252"], 1, "UTF-8"),
    case("import-records-utf16", ["import", "records", "@records_utf16"], 1, "UTF-8"),
    case("import-records-binary", ["import", "records", "@binary"], 1, "binary.bin"),
    case("import-records-csv-without-kind", ["import", "records", "@records_csv"], 2, "--kind"),
    case(
        "import-records-bad-kind",
        ["import", "records", "@records_csv", "--kind", "cats"],
        2,
        "'cats'",
    ),
    case(
        "import-records-csv-wrong-header",
        ["import", "records", "@wrong_header_csv", "--kind", "agents"],
        1,
        "line 1",
    ),
    case(
        "import-records-csv-bad-cell",
        ["import", "records", "@records_csv_bad_hours", "--kind", "agents"],
        1,
        "line 2",
        "weekly_hours",
    ),
    case(
        "import-records-csv-short-row",
        ["import", "records", "@records_csv_short", "--kind", "agents"],
        1,
        "line 2",
    ),
    case(
        "import-records-csv-empty", ["import", "records", "@empty", "--kind", "agents"], 1, "empty"
    ),
    case(
        "import-records-csv-binary",
        ["import", "records", "@binary", "--kind", "agents"],
        1,
        "binary.bin",
    ),
    # init and db
    case("init-seed-and-no-seed", ["init", "--seed", "@records_ok", "--no-seed"], 2, "--seed"),
    case("init-seed-directory", ["init", "--seed", "@directory"], 1, "directory"),
    case("init-seed-malformed", ["init", "--seed", "@malformed_yaml"], 1, "line"),
    case("init-seed-empty", ["init", "--seed", "@empty_yaml"], 1, "empty"),
    case("init-seed-binary", ["init", "--seed", "@binary"], 1, "binary.bin"),
    case("init-seed-missing", ["init", "--seed", "@missing/seed.yaml"], {1, 2}, "seed.yaml"),
    case("init-bad-format", ["init", "--no-seed", "--format", "xml"], {1, 2}, "'xml'"),
    case("db-backup-onto-database", ["db", "backup", "@database"], 1, "exists"),
    case("db-backup-directory", ["db", "backup", "@directory"], 1, "directory"),
    case("db-backup-no-parent", ["db", "backup", "@missing/copy.db"], 1, "copy.db"),
    case("db-backup-existing-file", ["db", "backup", "@empty"], 1, "exists"),
]

# ---- the classes of issue 15: each example stands for a class ---------------------------------
#
# 1. unbounded work, 2. library wording leaking, 3. valid input refused (see ACCEPTED),
# 4. invalid input accepted, 5. one rule in one place, 6. text that changes the document it
# lands in, and the rules applied on every path (records files, open data).

BAD_RULES = [
    ("interval-0", "FREQ=DAILY;INTERVAL=0", "INTERVAL=0"),
    ("interval-negative", "FREQ=MONTHLY;INTERVAL=-1", "INTERVAL=-1"),
    ("interval-huge", "FREQ=WEEKLY;INTERVAL=99999999999999999999", "INTERVAL="),
    ("garbage", "garbage", "not NAME=VALUE"),
    ("hourly", "FREQ=HOURLY", "at most once a day"),
    ("minutely", "FREQ=MINUTELY;INTERVAL=1", "at most once a day"),
    ("byhour", "FREQ=DAILY;BYHOUR=9,10,11", "BYHOUR is not accepted"),
    ("byminute", "FREQ=DAILY;BYMINUTE=0,30", "BYMINUTE is not accepted"),
    ("never-30-february", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never yields a date"),
    ("never-31-april", "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", "never yields a date"),
    ("count-0", "FREQ=WEEKLY;COUNT=0", "COUNT=0"),
    ("count-huge", "FREQ=DAILY;COUNT=99999999", "COUNT=99999999"),
    ("count-and-until", "FREQ=WEEKLY;COUNT=3;UNTIL=20210701", "exclude each other"),
    ("until-garbage", "FREQ=WEEKLY;UNTIL=2021", "UNTIL=2021"),
    ("until-bad-time", "FREQ=WEEKLY;UNTIL=20210701T256000Z", "UNTIL="),
    ("until-year-9999", "FREQ=WEEKLY;UNTIL=99991231", "UNTIL=99991231"),
    ("bysetpos-400", "FREQ=DAILY;BYSETPOS=400", "BYSETPOS=400"),
    ("byweekno-monthly", "FREQ=MONTHLY;BYWEEKNO=2", "does not go with FREQ=MONTHLY"),
    ("byday-rank-weekly", "FREQ=WEEKLY;BYDAY=2TU", "BYDAY=2TU"),
    ("byday-rank-6", "FREQ=MONTHLY;BYDAY=6TU", "BYDAY=6TU"),
    ("wkst-zz", "FREQ=WEEKLY;WKST=ZZ", "WKST=ZZ"),
    ("freq-twice", "FREQ=WEEKLY;FREQ=DAILY", "given twice"),
    ("empty-part", "FREQ=", "not NAME=VALUE"),
    ("unknown-part", "FREQ=WEEKLY;X-FOO=1", "X-FOO is not a part"),
    ("no-freq", "BYDAY=TU", "FREQ is missing"),
    ("too-long", "FREQ=WEEKLY;" + "BYDAY=TU;" * 40, "at most 300"),
    ("unicode", "FREQ=WEEKLYé", "FREQ=WEEKLYÉ"),
    ("interval-arabic-digit", "FREQ=WEEKLY;INTERVAL=\u0662", "INTERVAL=\u0662"),
    ("count-full-width-digit", "FREQ=WEEKLY;COUNT=\uff13", "COUNT=\uff13"),
    ("bymonthday-arabic-digit", "FREQ=MONTHLY;BYMONTHDAY=\u0663", "BYMONTHDAY=\u0663"),
    ("byday-rank-arabic-digit", "FREQ=MONTHLY;BYDAY=\u0662TU", "BYDAY=\u0662TU"),
]

BAD_HOURS = [
    ("reversed", "Mo-Fr 12:00-09:00", "ends before it starts"),
    ("reversed-evening", "Mo-Sa 17:00-09:00", "--overnight"),
    ("empty-span", "Mo 09:00-09:00", "is empty"),
    ("too-long", "Mo " + "09:00-09:01," * 30 + "10:00-11:00", "at most 255"),
    ("garbage", "toujours", "not OpenStreetMap opening hours"),
    ("time-25", "Mo 25:00-26:00,10:00-09:00", "opening hours"),
    ("overlap", "Mo-Fr 09:00-12:00,11:00-14:00", "09:00-12:00 and 11:00-14:00 overlap"),
    ("overlap-whole-day", "Mo 14:00-17:00,00:00-24:00", "00:00-24:00 and 14:00-17:00 overlap"),
    ("span-twice", "Sa 09:00-12:00, 09:00-12:00", "09:00-12:00 and 09:00-12:00 overlap"),
]
HOURS_COMMANDS = [
    ("sites-update", ["sites", "update", "00518A"]),
    ("sites-add", SITE_ADD),
    ("coworking-configure", ["coworking", "configure", "saint-clar"]),
]

# A name is one line without invisible formatting characters; notes may have line breaks but
# no invisible characters either.
BAD_NAMES = [
    ("line-break", "Vigny\nbis", "one line"),
    ("carriage-return", "Vigny\rbis", "one line"),
    ("line-separator", "Vigny\u2028bis", "one line"),
    ("rlo", "Vigny \u202egnp.exe", "U+202E"),
    ("lre", "Vigny\u202abis", "U+202A"),
    ("rli-isolate", "Vigny\u2067bis\u2069", "U+2067"),
    ("zero-width-space", "Vig\u200bny", "U+200B"),
    ("zero-width-joiner", "Vig\u200dny", "U+200D"),
    ("bom", "\ufeffVigny", "U+FEFF"),
    ("hangul-filler", "\u3164", "U+3164"),
    ("grapheme-joiner", "Vig\u034fny", "U+034F"),
    ("private-use", "Vig\ue000ny", "U+E000"),
    ("too-long", "x" * 201, "201 characters, at most 200"),
]
NAME_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-add", SITE_ADD, "--name"),
    ("sites-update", ["sites", "update", "00518A"], "--name"),
    ("sites-update", ["sites", "update", "00518A"], "--address"),
    ("sites-update", ["sites", "update", "00518A"], "--commune"),
    ("sites-close", CLOSE, "--reason"),
    ("agents-add", AGENT_ADD, "--name"),
    ("agents-update", ["agents", "update", "allier-mediateur"], "--name"),
    ("programmes-add", PROG_ADD, "--title"),
    ("programmes-add", PROG_ADD, "--funder"),
    ("programmes-extend", PROG_EXTEND, "--reason"),
    ("programmes-end", PROG_END, "--reason"),
    ("permanences-cancel", PERM_CANCEL, "--reason"),
    ("permanences-move", PERM_MOVE, "--reason"),
    ("coworking-configure", ["coworking", "configure", "saint-clar"], "--name"),
    ("coworking-book", BOOK, "--name"),
    ("coworking-book", BOOK, "--organisation"),
    ("mediation-add", MED_ADD, "--device-model"),
    ("mediation-add", MED_ADD, "--redirection-detail"),
]
NOTE_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-update", ["sites", "update", "00518A"], "--note"),
    ("agents-update", ["agents", "update", "allier-mediateur"], "--note"),
    ("programmes-add", PROG_ADD, "--description"),
    ("permanences-add", PERM_ADD, "--note"),
    (
        "permanences-log",
        ["permanences", "log", "1", "--date", "2021-04-27", "--visitors", "6"],
        "--note",
    ),
    ("mediation-add", MED_ADD, "--note"),
]

BAD_CODES: list[tuple[str, list[str], str, str, str]] = [
    # (case, base command, option, value, fragment)
    ("sites-update-insee-1", ["sites", "update", "00518A"], "--insee", "1", "not an INSEE"),
    ("sites-update-insee-20", ["sites", "update", "00518A"], "--insee", "20004", "not an INSEE"),
    (
        "sites-update-insee-letters",
        ["sites", "update", "00518A"],
        "--insee",
        "ABCDE",
        "not an INSEE",
    ),
    ("sites-update-insee-6", ["sites", "update", "00518A"], "--insee", "956580", "not an INSEE"),
    ("sites-add-insee-96", SITE_ADD, "--insee", "96001", "not an INSEE"),
    (
        "sites-update-postcode-00",
        ["sites", "update", "00518A"],
        "--postcode",
        "00000",
        "not a postcode",
    ),
    (
        "sites-update-postcode-6",
        ["sites", "update", "00518A"],
        "--postcode",
        "954500",
        "not a postcode",
    ),
    (
        "sites-update-department-99",
        ["sites", "update", "00518A"],
        "--department",
        "99",
        "not a department",
    ),
    (
        "sites-update-email-no-at",
        ["sites", "update", "00518A"],
        "--email",
        "mairie.vigny.fr",
        "not an e-mail",
    ),
    ("sites-update-email-no-dot", ["sites", "update", "00518A"], "--email", "a@b", "not an e-mail"),
    (
        "sites-update-email-two-at",
        ["sites", "update", "00518A"],
        "--email",
        "a@@b.fr",
        "not an e-mail",
    ),
    (
        "sites-update-email-space",
        ["sites", "update", "00518A"],
        "--email",
        "a b@c.fr",
        "not an e-mail",
    ),
    ("sites-add-email-no-at", SITE_ADD, "--email", "nobody", "not an e-mail"),
    ("agents-add-email-two-dots", AGENT_ADD, "--email", "a@b..fr", "not an e-mail"),
    ("coworking-book-email-no-dot", BOOK, "--email", "camille@example", "not an e-mail"),
    (
        "sites-update-staff-1001",
        ["sites", "update", "00518A"],
        "--staff",
        "1001",
        "between 0 and 1000",
    ),
    ("sites-add-staff-1001", SITE_ADD, "--staff", "1001", "between 0 and 1000"),
    ("programmes-add-model-bogus", PROG_ADD, "--model", "bogus", "expected one of"),
    ("programmes-add-funding-minus-five", PROG_ADD, "--funding", "-5", "between 0 and"),
    (
        "coworking-configure-capacity-501",
        ["coworking", "configure", "saint-clar"],
        "--capacity",
        "501",
        "between 1 and 500",
    ),
    (
        "coworking-configure-days-ahead-huge",
        ["coworking", "configure", "saint-clar"],
        "--max-days-ahead",
        "99999",
        "between 0 and 3660",
    ),
    (
        "coworking-configure-min-minutes-huge",
        ["coworking", "configure", "saint-clar"],
        "--min-minutes",
        "100000",
        "between 0 and 720",
    ),
]

BAD_IDS: list[tuple[str, list[str], str]] = [
    (
        "sites-add-empty-id-becomes-nothing",
        ["sites", "add", "", "--name", "X", "--kind", "mairie"],
        "must not be empty",
    ),
    (
        "sites-add-id-with-space",
        ["sites", "add", "x y", "--name", "X", "--kind", "mairie"],
        "an identifier is",
    ),
    (
        "sites-add-id-bidi",
        ["sites", "add", "x\u202ey", "--name", "X", "--kind", "mairie"],
        "U+202E",
    ),
    (
        "sites-add-name-without-letters",
        ["sites", "add", "--name", "???", "--kind", "mairie"],
        "needs an id",
    ),
    (
        "agents-add-empty-id",
        ["agents", "add", "", "--name", "X", "--role", "mediateur_numerique"],
        "must not be empty",
    ),
    ("programmes-add-code-with-space", [*PROG_ADD[:2], "a b", *PROG_ADD[3:]], "an identifier is"),
    ("programmes-add-empty-title", spoil(PROG_ADD, "--title", " "), "must not be empty"),
    (
        "coworking-configure-space-with-space",
        ["coworking", "configure", "new space", "--site", "05712A", "--name", "N"],
        "an identifier is",
    ),
]

UNBOUNDED: list[tuple[str, list[str], str]] = [
    (
        "coworking-usage-three-centuries",
        ["coworking", "usage", "--from", "1900-01-01", "--to", "2199-12-31"],
        "at most 3660",
    ),
    (
        "programmes-add-three-centuries",
        [
            "programmes",
            "add",
            "long",
            "--title",
            "Long",
            "--start",
            "1900-01-01",
            "--planned-end",
            "2199-12-31",
        ],
        "ten years at most",
    ),
    (
        "programmes-extend-far",
        ["programmes", "extend", "vigny-2021", "--until", "2199-12-31"],
        "ten years at most",
    ),
    ("coworking-book-every-weekday-for-ever", spoil(BOOK_SERIES, "--until", "2199-12-31"), "days"),
    (
        "permanences-schedule-ten-years-and-more",
        ["permanences", "schedule", "--from", "2000-01-01", "--to", "2020-01-01"],
        "ten years",
    ),
    ("sites-search-100000", ["sites", "search", "x" * 100_000], "at most 200"),
    ("sites-search-201", ["sites", "search", "x" * 201], "at most 200"),
    ("sites-search-long-accents", ["sites", "search", "é" * 250], "at most 200"),
]

RECORDS_CLASSES: list[tuple[str, str, str]] = [
    # (case, file, fragment)
    ("deep-json", "deep_json", "nested more than 12 levels"),
    ("deep-yaml", "deep_yaml", "nested more than 12 levels"),
    ("alias-bomb", "alias_yaml", "anchors and aliases"),
    ("tab-indent", "tab_yaml", "line 2"),
    ("three-bookings-one-desk", "overbooked_yaml", "overlaps reservation #"),
    ("booking-email-without-at", "booking_email_yaml", "not an e-mail"),
    ("booking-on-holiday", "booking_holiday_yaml", "public holiday"),
    ("booking-outside-hours", "booking_night_yaml", "outside the bookable hours"),
    ("booking-ineligible-category", "booking_category_yaml", "may not book"),
    ("site-insee-1", "site_insee_yaml", "not an INSEE"),
    ("site-staff-5000", "site_staff_yaml", "between 0 and 1000"),
    ("site-postcode", "site_postcode_yaml", "not a postcode"),
    ("site-name-bidi", "site_bidi_yaml", "U+202E"),
    ("site-name-line-break", "site_newline_yaml", "one line"),
    ("site-email", "site_email_yaml", "not an e-mail"),
    ("site-hours-reversed", "site_hours_yaml", "ends before it starts"),
    ("permanence-rrule-interval-0", "permanence_rrule_yaml", "INTERVAL=0"),
    ("programme-model-bogus", "programme_model_yaml", "expected one of"),
    ("department-shape", "department_yaml", "not a department code"),
    ("session-without-theme", "session_yaml", "at least one theme"),
    ("huge-number-json", "huge_number_json", "a number of 5000 digits"),
    ("permanence-never-valid", "permanence_never_yaml", "the rule yields no date between"),
    ("huge-number-yaml", "huge_number_yaml", "a number of 5000 digits"),
    ("huge-negative-number-yaml", "huge_negative_yaml", "a number of 4400 digits"),
]
CSV_CLASSES: list[tuple[str, str, str, str]] = [
    ("agents-email", "agents_email_csv", "agents", "not an e-mail"),
    ("agents-bidi", "agents_bidi_csv", "agents", "U+202E"),
    ("agents-long-cell", "agents_long_cell_csv", "agents", "longer than"),
    ("reservations-overbooked", "reservations_csv", "reservations", "overlaps reservation #"),
    ("agents-column-twice", "agents_column_twice_csv", "agents", "column 'name' is given twice"),
    ("agents-hours-arabic-digit", "agents_arabic_digit_csv", "agents", "expected a number"),
    ("sites-staff-full-width-digit", "sites_wide_digit_csv", "sites", "expected a whole number"),
]
CSV_LINES = {"reservations-overbooked": "line 3", "agents-column-twice": "line 1"}
OPEN_DATA_CLASSES: list[tuple[str, str, str, str]] = [
    ("laposte-bidi-name", "laposte", "laposte_bidi", "U+202E"),
    ("laposte-insee-20", "laposte", "laposte_insee_20", "'20004'"),
    ("laposte-phone", "laposte", "laposte_phone", "not a phone number"),
    ("laposte-phone-arabic-digits", "laposte", "laposte_phone_arabic", "not a phone number"),
    ("laposte-nul", "laposte", "laposte_nul", "control character"),
    ("laposte-unit-separator", "laposte", "laposte_unit_separator", "control character (U+001F)"),
    ("laposte-long-cell", "laposte", "laposte_long_cell", "longer than"),
    ("laposte-address-line-break", "laposte", "laposte_newline", "one line"),
    ("fs-email", "france-services", "fs_email", "not an e-mail"),
    ("fs-bidi", "france-services", "fs_bidi", "U+202E"),
]


# Numbers Typer coerces (through pydantic): refused in the tool's words, never pydantic's
# ("Input should be a valid integer, unable to parse string as an integer").
WHOLE_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-update", ["sites", "update", "00518A"], "--staff"),
    ("permanences-log", PERM_LOG, "--visitors"),
    ("mediation-add", MED_ADD, "--duration"),
    ("coworking-configure", ["coworking", "configure", "saint-clar"], "--capacity"),
    ("sites-nearest", ["sites", "nearest", "--lat", "45", "--lon", "3"], "--limit"),
]
DECIMAL_OPTIONS: list[tuple[str, list[str], str]] = [
    ("sites-nearest", ["sites", "nearest", "--lat", "45", "--lon", "3"], "--lat"),
    ("agents-update", ["agents", "update", "allier-mediateur"], "--weekly-hours"),
    ("sites-update", ["sites", "update", "00518A", "--lat", "45"], "--lon"),
]
NOT_WHOLE = ("douze", "1.5", "0x10", "\u0663", "1e309", "NaN", "\uff13")
NOT_DECIMAL = ("nord", "0x10", "\u0663", "4,5", "1/2")
NUMBERED_ARGUMENTS = [
    ("permanences-show", ["permanences", "show"]),
    ("coworking-show", ["coworking", "show"]),
    ("mediation-show", ["mediation", "show"]),
]


def _numbers() -> Iterable[Any]:
    for command, base, option in WHOLE_OPTIONS:
        for value in NOT_WHOLE:
            name = f"{command}{option}-not-whole-{value!a}"
            yield case(name, spoil(base, option, value), 2, option, "expected a whole number")
    for command, base, option in DECIMAL_OPTIONS:
        for value in NOT_DECIMAL:
            name = f"{command}{option}-not-a-number-{value!a}"
            yield case(name, spoil(base, option, value), 2, option, "expected a number")
    for command, base in NUMBERED_ARGUMENTS:
        for value, fragment in (("douze", "expected a whole number"), ("0", "at least 1")):
            yield case(f"{command}-{value}", [*base, "--", value], 2, fragment)


def _classes() -> Iterable[Any]:
    yield from _numbers()
    for name, rule, fragment in BAD_RULES:
        yield case(f"permanences-add-rule-{name}", [*PERM_RRULE, rule], 1, "--rrule", fragment)
    for command, base in HOURS_COMMANDS:
        for name, hours, fragment in BAD_HOURS:
            yield case(
                f"{command}-opening-hours-{name}",
                spoil(base, "--hours", hours),
                1,
                "--hours",
                fragment,
            )
    for command, base, option in NAME_OPTIONS:
        for name, text, fragment in BAD_NAMES:
            yield case(
                f"{command}{option}-{name}", spoil(base, option, text), {1, 2}, option, fragment
            )
    for command, base, option in NOTE_OPTIONS:
        for name, text, fragment in BAD_NAMES[3:-1]:  # what a note may not hold either
            yield case(
                f"{command}{option}-{name}", spoil(base, option, text), {1, 2}, option, fragment
            )
    for name, base, option, value, fragment in BAD_CODES:
        yield case(name, spoil(base, option, value), 1, option, fragment)
    for name, argv, fragment in BAD_IDS:
        yield case(name, argv, 1, fragment)
    for name, argv, fragment in UNBOUNDED:
        yield case(name, argv, {1, 2}, fragment)
    for name, file, fragment in RECORDS_CLASSES:
        yield case(f"import-records-{name}", ["import", "records", f"@{file}"], 1, fragment)
        yield case(f"init-seed-{name}", ["init", "--seed", f"@{file}"], 1, fragment)
    for name, file, kind, fragment in CSV_CLASSES:
        line = CSV_LINES.get(name, "line 2")
        yield case(
            f"import-records-csv-{name}",
            ["import", "records", f"@{file}", "--kind", kind],
            1,
            line,
            fragment,
        )
    for name, command, file, fragment in OPEN_DATA_CLASSES:
        argv = ["import", command, f"@{file}"]
        yield case(f"import-{name}", argv, 1, "line ", fragment, stdout=True)
    yield from [
        *(
            case(f"{'-'.join(command)}-{label}", [*command, source], 1, "not a regular file")
            for command in (
                ["import", "laposte"],
                ["import", "france-services"],
                ["import", "communes"],
                ["import", "records"],
                ["init", "--seed"],
            )
            for label, source in (("dev-zero", "/dev/zero"), ("fifo", "@fifo"))
        ),
        case(
            "permanences-add-rule-ends-before-validity",
            [*PERM_RRULE, "FREQ=WEEKLY;BYDAY=TH;UNTIL=20200101"],
            1,
            "--rrule",
            "the rule yields no date between",
        ),
        case(
            "permanences-move-to-same-date",
            [*PERM_MOVE[:5], "--to", "2021-05-11"],
            1,
            "changes nothing",
        ),
        case(
            "permanences-move-same-times",
            [*PERM_MOVE[:5], "--start", "09:00", "--end", "12:00"],
            1,
            "changes nothing",
        ),
        case(
            "permanences-show-below-int64",
            ["permanences", "show", "--", str(-(2**63) - 1)],
            2,
            "PERMANENCE_ID",
        ),
        case(
            "coworking-show-below-int64",
            ["coworking", "show", "--", str(-(2**63) - 1)],
            2,
            "RESERVATION_ID",
        ),
        case(
            "mediation-show-below-int64",
            ["mediation", "show", "--", str(-(2**63) - 1)],
            2,
            "SESSION_ID",
        ),
        case("sites-show-not-utf8", ["sites", "show", "ab\udcff"], 2, "not UTF-8", "ab\\xff"),
        case(
            "sites-update-remove-equipment-not-utf8",
            ["sites", "update", "00518A", "--remove-equipment", "\udcff"],
            2,
            "not UTF-8",
        ),
        case(
            "report-compliance-department-not-utf8",
            ["report", "compliance", "-d", "\udcff"],
            2,
            "not UTF-8",
        ),
        case(
            "sites-close-impossible-date-words",
            spoil(CLOSE, "--from", "2021-02-30"),
            2,
            "no such date",
        ),
        case(
            "db-backup-unwritable-directory",
            ["db", "backup", "/proc/presence-postale/x.db"],
            1,
            "'/proc/presence-postale/x.db'",
        ),
        case(
            "db-copy-unwritable-directory", ["db", "copy", "--to", "/proc/x.db"], 1, "'/proc/x.db'"
        ),
        case(
            "db-copy-port-not-a-number",
            ["db", "copy", "--to", "postgresql+psycopg://u@h:port/x"],
            1,
            "a port is a number from 1 to 65535",
        ),
        case(
            "sites-list-output-unwritable",
            ["sites", "list", "-o", "/proc/x.csv"],
            1,
            "'/proc/x.csv'",
        ),
        case(
            "sites-add-one-coordinate",
            spoil(SITE_ADD, "--lat", "45"),
            1,
            "latitude and longitude go together",
        ),
        case(
            "sites-update-insee-disagrees",
            ["sites", "update", "00518A", "--department", "95"],
            1,
            "INSEE code 03235 is a commune of department 03",
        ),
        case(
            "sites-update-insee-and-department-disagree",
            ["sites", "update", "00518A", "--insee", "68066", "--department", "03"],
            1,
            "department 68",
        ),
        case(
            "mediation-add-theme-twice",
            spoil(MED_ADD, "--themes", "email,email"),
            1,
            "listed twice",
        ),
        case(
            "coworking-book-series-all-refused-one-line",
            spoil(
                spoil(spoil(BOOK_SERIES, "--date", "2019-05-08"), "--every", "wednesday"),
                "--until",
                "2019-05-08",
            ),
            1,
            "1 of 1 date conflict, nothing booked",
        ),
    ]


BAD_INPUT = [*_families(), *SINGLE, *_classes()]


# ---- files ----------------------------------------------------------------------------------

LAPOSTE_HEADER = (
    "#Identifiant_du_site;Libellé_du_site;Caractéristique_du_site;Site_Acores_de_rattachement;"
    "Adresse;Complément_d_adresse;Lieu_dit;Code_postal;Localité;Code_INSEE;Pays;Latitude;"
    "Longitude;Précision_du_géocodage;Numéro_de_téléphone;latlong"
)
LAPOSTE_ROW = (
    "99901A;Bureau de poste de Créteil Essai;Bureau de Poste;;1 rue de l'Église;;;94000;"
    "CRÉTEIL;94028;France;48.79;2.45;;;48.79,2.45"
)
FS_HEADER = (
    "id_fs,insee_dep,lib_fs,adresse,complement_adresse,insee_com,code_postal,lib_com,latitude,"
    "longitude,mail,telephone,h_lundi,h_mardi,h_mercredi,h_jeudi,h_vendredi,h_samedi,"
    "format_fs,labellisation_fs"
)
RECORDS_OK = 'version: 1\ndepartments:\n  - code: "95"\n    name: Val-d\'Oise\n'
PERMANENCE = (
    "permanences:\n"
    "  - programme: vigny-2021\n"
    "    agent: vigny-conseillere-1\n"
    "    site: {site}\n"
    '    rrule: "FREQ=WEEKLY;BYDAY=TH"\n'
    "    valid_from: {valid_from}\n"
    "    valid_until: 2021-06-30\n"
    "    note: {note}\n"
    "    start: {start}\n"
    '    end: "11:00"\n'
)


def _permanence(**changes: str) -> str:
    values = {
        "site": '"17510A"',
        "valid_from": "2021-05-06",
        "note": "essai",
        "start": '"09:00"',
        **changes,
    }
    return "version: 1\n" + PERMANENCE.format(**values)


FILES: dict[str, bytes | None] = {
    "directory": None,  # made as a directory
    "empty": b"",
    "empty_yaml": b"",
    "binary": bytes(range(256)) * 8,
    "malformed_yaml": b"sites: [\n",
    "malformed_json": b'{"sites": [{"id": "X",}\n',
    "list_yaml": b"- a\n- b\n",
    "unknown_section": b"buildings: []\n",
    "bad_version": b"version: 2\nsites: []\n",
    "wrong_header_csv": b"name,email,age\nCamille,c@example.org,42\n",
    "laposte_ok": (LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW + "\r\n").encode(),
    # UTF-8 read as Windows-1252 and saved again as UTF-8: 'LibellÃ©'.
    "laposte_broken_accents": (LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW + "\r\n")
    .encode("utf-8")
    .decode("cp1252")
    .encode("utf-8"),
    # A spreadsheet's Windows-1252 copy, accents intact: read correctly.
    "laposte_cp1252": (LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW + "\r\n").encode("cp1252"),
    "laposte_utf16": (LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW + "\r\n").encode("utf-16"),
    "laposte_bad_row": (
        LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW.replace(";94000;", ";9400;") + "\r\n"
    ).encode(),
    "laposte_short_row": (LAPOSTE_HEADER + "\r\n99901A;Bureau;Bureau de Poste\r\n").encode(),
    "laposte_bad_lat": (
        LAPOSTE_HEADER + "\r\n" + LAPOSTE_ROW.replace(";48.79;", ";98.79;") + "\r\n"
    ).encode(),
    "fs_bad_hours": (
        FS_HEADER + "\n"
        '"123",95,"France Services de Test","1 rue",,95658,95450,"Vigny",49.07,1.93,,,'
        '"25:00 - 12:00",,,,,,"fixe","Espace labellisé 01/02/2020"\n'
    ).encode(),
    "records_ok": RECORDS_OK.encode(),
    "records_bad_date": _permanence(valid_from="2021-02-30").encode(),
    "records_bad_time": _permanence(start='"25:00"').encode(),
    "records_unquoted_time": _permanence(start="9:00").encode(),  # YAML 1.1: 540
    "records_unknown_site": _permanence(site="nowhere").encode(),
    "records_long_note": _permanence(note=LONG).encode(),
    "records_control": _permanence(note='"a\\x07b"').encode(),
    "records_reversed": (
        b'version: 1\nclosures:\n  - site: "17510A"\n    start: 2021-06-15\n'
        b"    end: 2021-06-01\n    reason: travaux\n"
    ),
    "records_cp1252": (RECORDS_OK + "operators:\n  - code: x\n    name: Sécurité\n").encode(
        "cp1252"
    ),
    "records_utf16": RECORDS_OK.encode("utf-16"),
    "records_csv": b"id,name,role\nx,X,mediateur_numerique\n",
    "records_csv_bad_hours": b"id,name,role,weekly_hours\nx,X,mediateur_numerique,dix\n",
    "records_csv_short": b"id,name,role\nx,mediateur_numerique\n",
}


LP_ROW = (
    "99901A;{name};Bureau de Poste;;{address};;;94000;CRÉTEIL;{insee};France;48.79;2.45;;"
    "{phone};48.79,2.45"
)


def _laposte(**changes: str) -> bytes:
    values = {"name": "Bureau de poste Essai", "address": "1 rue", "insee": "94028"}
    values = {**values, "phone": "3631", **changes}
    return (LAPOSTE_HEADER + "\r\n" + LP_ROW.format(**values) + "\r\n").encode()


def _fs(**changes: str) -> bytes:
    values = {"name": "France Services de Test", "mail": ""} | changes
    return (
        FS_HEADER + "\n"
        f'"123",95,"{values["name"]}","1 rue",,95658,95450,"Vigny",49.07,1.93,'
        f'"{values["mail"]}",,"09:00 - 12:00",,,,,,"fixe","Espace labellisé 01/02/2020"\n'
    ).encode()


def _reservations(*bookings: tuple[str, str, str, str]) -> bytes:
    text = "version: 1\nreservations:\n"
    for start, end, email, category in bookings:
        text += (
            f'  - space: saint-clar\n    start: "{start}"\n    end: "{end}"\n'
            f"    email: {email}\n    category: {category}\n"
        )
    return text.encode()


def _site(extra: str) -> bytes:
    return f'version: 1\nsites:\n  - id: "X1"\n    kind: mairie\n{extra}'.encode()


CLASS_FILES: dict[str, bytes | None] = {
    "deep_json": b'{"sites": ' + b"[" * 300 + b"]" * 300 + b"}",
    "deep_yaml": b"sites: " + b"[" * 300 + b"]" * 300 + b"\n",
    "alias_yaml": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n",
    "tab_yaml": b"sites:\n\t- id: X1\n",
    "overbooked_yaml": _reservations(
        ("2019-05-14T09:00", "2019-05-14T12:00", "a@example.org", "soho_solo"),
        ("2019-05-14T10:00", "2019-05-14T11:00", "b@example.org", "soho_solo"),
        ("2019-05-14T09:30", "2019-05-14T10:30", "c@example.org", "soho_solo"),
    ),
    "booking_email_yaml": _reservations(
        ("2019-05-14T09:00", "2019-05-14T12:00", "nobody", "soho_solo")
    ),
    "booking_holiday_yaml": _reservations(
        ("2019-05-08T09:00", "2019-05-08T12:00", "a@b.fr", "soho_solo")
    ),
    "booking_night_yaml": _reservations(
        ("2019-05-14T19:00", "2019-05-14T21:00", "a@b.fr", "soho_solo")
    ),
    "booking_category_yaml": _reservations(
        ("2019-05-14T09:00", "2019-05-14T12:00", "a@b.fr", "other")
    ),
    "site_insee_yaml": _site('    name: X\n    insee_code: "1"\n'),
    "site_staff_yaml": _site("    name: X\n    staff_count: 5000\n"),
    "site_postcode_yaml": _site('    name: X\n    postcode: "9545"\n'),
    "site_bidi_yaml": _site('    name: "X\\u202eY"\n'),
    "site_newline_yaml": _site('    name: "X\\nY"\n'),
    "site_email_yaml": _site("    name: X\n    email: nobody\n"),
    "site_hours_yaml": _site('    name: X\n    opening_hours: "Mo-Fr 12:00-09:00"\n'),
    "permanence_rrule_yaml": _permanence()
    .replace("FREQ=WEEKLY;BYDAY=TH", "FREQ=DAILY;INTERVAL=0")
    .encode(),
    "programme_model_yaml": (
        b"programmes:\n  - code: p1\n    title: T\n    model: bogus\n    start: 2021-01-04\n"
        b"    status: planned\n"
    ),
    "department_yaml": b'departments:\n  - code: "x y"\n    name: X\n',
    "session_yaml": (
        b'mediation_sessions:\n  - site: "00518A"\n    mediator: allier-mediateur\n'
        b'    date: 2019-03-19\n    start: "10:00"\n    duration_minutes: 90\n'
        b"    type: individuel\n"
    ),
    "agents_email_csv": b"id,name,role,email\nx1,X,mediateur_numerique,nobody\n",
    "permanence_never_yaml": _permanence()
    .replace("FREQ=WEEKLY;BYDAY=TH", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20200101")
    .encode(),
    "huge_number_json": b'{"sites": [{"id": "X1", "staff_count": ' + b"9" * 5000 + b"}]}",
    "huge_number_yaml": _site("    name: X\n    staff_count: " + "9" * 5000 + "\n"),
    "huge_negative_yaml": _site("    name: X\n    latitude: -" + "1" * 4400 + "\n"),
    "agents_column_twice_csv": b"id,name,role,name\nx1,X,mediateur_numerique,Y\n",
    "agents_arabic_digit_csv": (
        "id,name,role,weekly_hours\nx1,X,mediateur_numerique,\u0663\n".encode()
    ),
    "sites_wide_digit_csv": "id,name,kind,staff_count\nX1,X,mairie,\uff13\n".encode(),
    "agents_bidi_csv": "id,name,role\nx1,A\u202eB,mediateur_numerique\n".encode(),
    "agents_long_cell_csv": b"id,name,role\nx1," + b"y" * 200_000 + b",mediateur_numerique\n",
    "reservations_csv": (
        b"space,start,end,category,email\n"
        b"saint-clar,2019-05-14T10:00,2019-05-14T11:00,soho_solo,c@d.fr\n"
        b"saint-clar,2019-05-14T09:00,2019-05-14T12:00,soho_solo,a@b.fr\n"
    ),
    "laposte_bidi": _laposte(name="Bureau \u202eessai"),
    "laposte_insee_20": _laposte(insee="20004"),
    "laposte_phone": _laposte(phone="appelez-nous"),
    "laposte_phone_arabic": _laposte(phone="\u0660\u0661\u0662\u0663"),  # isdigit(), not 0-9
    "laposte_nul": _laposte(name="a\x00b"),
    "laposte_unit_separator": _laposte(name="a\x1fb"),
    "laposte_long_cell": _laposte(name="x" * 200_000),
    "laposte_newline": _laposte(address='"1 rue\r\nbis"'),
    "fs_email": _fs(mail="nobody"),
    "fs_bidi": _fs(name="France Services \u202ede Test"),
}

FILES.update(CLASS_FILES)


def materialise(argv: list[str], tmp_path: Path, database: Path) -> list[str]:
    """Replace `@name` arguments by files built in tmp_path."""
    files = tmp_path / "files"
    files.mkdir(exist_ok=True)
    out = []
    for arg in argv:
        if not arg.startswith("@"):
            out.append(arg)
            continue
        name = arg[1:]
        if name == "database":
            out.append(str(database))
            continue
        if name == "fifo":  # a named pipe: opened, it would wait for a writer
            pipe = files / "pipe.yaml"
            if not pipe.exists():
                os.mkfifo(pipe)
            out.append(str(pipe))
            continue
        if name.startswith("missing/"):
            out.append(str(files / "missing" / name.split("/", 1)[1]))
            continue
        content = FILES[name]
        suffix = {"directory": "", "binary": ".bin"}.get(name)
        if suffix is None:
            suffix = ".csv" if "csv" in name or name.startswith(("laposte", "fs_")) else ".yaml"
            suffix = ".json" if "json" in name else suffix
            suffix = ".csv" if name == "empty" else suffix
        path = files / f"{name}{suffix}"
        if content is None:
            path.mkdir(exist_ok=True)
        else:
            path.write_bytes(content)
        out.append(str(path))
    return out


# ---- the database, byte for byte ------------------------------------------------------------


def checkpointed_hash(path: Database) -> str:
    """The main file's SHA-256 once the WAL is folded into it; on PostgreSQL, of every
    table's schema and rows (there is no file to compare)."""
    if isinstance(path, ServerDatabase):
        return hashlib.sha256("\n".join(dump_database(path)).encode()).hexdigest()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def database(seeded_db: Database) -> Database:
    """The seeded database in the WAL mode every open leaves it in (the bundled template is
    written in rollback mode, and switching mode rewrites the header: not a content change)."""
    if isinstance(seeded_db, ServerDatabase):
        return seeded_db
    with closing(sqlite3.connect(seeded_db)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
    return seeded_db


def test_the_corpus_is_large_and_covers_every_command() -> None:
    assert len(BAD_INPUT) >= 150
    names = {param.id for param in BAD_INPUT}
    assert len(names) == len(BAD_INPUT), "case ids must be unique"
    covered = {" ".join(param.values[0][:2]) for param in BAD_INPUT if param.values[0][0] != "init"}
    expected = {
        "sites list",
        "sites show",
        "sites search",
        "sites hours",
        "sites close",
        "sites nearest",
        "sites add",
        "sites update",
        "sites remove",
        "agents list",
        "agents show",
        "agents add",
        "agents update",
        "programmes list",
        "programmes show",
        "programmes add",
        "programmes extend",
        "programmes end",
        "permanences list",
        "permanences show",
        "permanences add",
        "permanences cancel",
        "permanences move",
        "permanences schedule",
        "permanences log",
        "coworking spaces",
        "coworking configure",
        "coworking book",
        "coworking cancel",
        "coworking mark",
        "coworking list",
        "coworking show",
        "coworking usage",
        "coworking purge",
        "mediation add",
        "mediation list",
        "mediation show",
        "mediation hours",
        "mediation report",
        "report weekly",
        "report compliance",
        "report programme",
        "import laposte",
        "import france-services",
        "import records",
        "export sites",
        "export records",
        "export calendar",
        "export mediation-places",
        "db backup",
    }
    assert expected <= covered, expected - covered


@pytest.mark.parametrize(("argv", "codes", "fragments", "stdout"), BAD_INPUT)
def test_bad_input_is_refused_in_one_line(
    cli: Cli,
    database: Path,
    tmp_path: Path,
    argv: list[str],
    codes: set[int],
    fragments: tuple[str, ...],
    stdout: bool,
) -> None:
    args = materialise(argv, tmp_path, database)
    before = checkpointed_hash(database)
    result = cli(*args, env=ENGLISH)
    after = checkpointed_hash(database)
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in codes, (result.exit_code, result.stderr[:500])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines[:5]
    line = lines[0]
    assert line.startswith("error:"), line[:300]
    assert shown_on_one_line(line), "control characters must be shown escaped"
    for words in LIBRARY_WORDS:
        assert words not in line, (words, line[:300])
    for fragment in fragments:
        assert fragment in line, (fragment, line[:500])
    if not stdout:
        assert result.stdout == "", result.stdout[:300]
    assert after == before, "the database changed"


# ---- hostile-looking but legitimate ---------------------------------------------------------

ACCEPTED = [
    pytest.param(["sites", "search", SQL], id="search-sql"),
    pytest.param(["sites", "search", SHELL], id="search-shell"),
    pytest.param(["sites", "search", BACKTICK], id="search-backtick"),
    pytest.param(["sites", "search", "vigny%"], id="search-percent"),
    pytest.param(["sites", "search", "vi_ny"], id="search-underscore"),
    pytest.param(["sites", "search", "vigny' OR '1'='1"], id="search-sql-or"),
    pytest.param(["sites", "search", "Saint-Gérand\u0301"], id="search-combining-accent"),
    pytest.param(["sites", "search", "vigny", "--format", "json"], id="search-json"),
    pytest.param(
        ["sites", "nearest", "--lat", "45", "--lon", "3", "--limit", HUGE], id="nearest-huge-limit"
    ),
    pytest.param(["sites", "nearest", "--commune", "Grisy-les-Plâtres"], id="nearest-accents"),
    pytest.param(["agents", "list", "--role", "mediateur_numerique"], id="agents-by-role"),
    pytest.param(["programmes", "list", "--status", "ended"], id="programmes-ended"),
    pytest.param(
        ["permanences", "schedule", "--week", "2021-W17", "--format", "ics"], id="schedule-ics"
    ),
    pytest.param(
        ["coworking", "list", "--from", "2019-05-01", "--to", "2019-05-01"], id="coworking-one-day"
    ),
    pytest.param(["coworking", "purge", "--older-than", "12m", "--dry-run"], id="purge-dry-run"),
    pytest.param(
        ["mediation", "report", "--from", "2019-03-01", "--to", "2019-03-01"],
        id="mediation-report-one-day",
    ),
    pytest.param(["report", "weekly", "--week", "2021-04-27"], id="weekly-by-date"),
    pytest.param(["report", "weekly", "--week", "2020W53"], id="weekly-week-53"),
    pytest.param(["report", "compliance", "--week", "2021-W17", "-d", "95"], id="compliance-95"),
    pytest.param(["export", "sites", "--format", "geojson"], id="export-geojson"),
    pytest.param(["import", "records", "@records_ok", "--dry-run"], id="import-dry-run"),
    pytest.param(["import", "laposte", "@laposte_ok", "--dry-run"], id="laposte-dry-run"),
    pytest.param(["import", "laposte", "@laposte_cp1252", "--dry-run"], id="laposte-cp1252"),
]


@pytest.mark.parametrize("argv", ACCEPTED)
def test_hostile_looking_data_is_just_data(
    cli: Cli, database: Path, tmp_path: Path, argv: list[str]
) -> None:
    args = materialise(argv, tmp_path, database)
    before = checkpointed_hash(database)
    result = cli(*args)
    after = checkpointed_hash(database)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 0, (result.exit_code, result.stderr[:500])
    assert not result.stderr.startswith("erreur")
    assert after == before, "the database changed"


def test_a_sql_name_is_stored_verbatim_and_harms_nothing(
    cli: Cli, database: Path, dump: Callable[[Path], list[str]]
) -> None:
    """SQL and shell metacharacters in a name are data: stored as typed, found again, and
    every table is still there."""
    tables = [line for line in dump(database) if line.startswith("CREATE TABLE")]
    for name in (SQL, SHELL, BACKTICK):
        result = cli("sites", "update", "mairie-grisy-les-platres", "--note", name)
        assert result.exit_code == 0, result.stderr
        shown = cli("sites", "show", "mairie-grisy-les-platres", "--format", "json")
        assert name in shown.stdout.encode().decode("unicode_escape") or name in shown.stdout
    result = cli("agents", "add", "--name", SQL, "--role", "mediateur_numerique")
    assert result.exit_code == 0, result.stderr
    assert cli("agents", "show", SQL).exit_code == 0
    assert [line for line in dump(database) if line.startswith("CREATE TABLE")] == tables


# ---- valid input, once refused: taken (class 3) ---------------------------------------------

CLASS_FILES["fs_two_emails"] = _fs(mail="a@example.org - b@example.org")
FILES["fs_two_emails"] = CLASS_FILES["fs_two_emails"]

TAKEN = [
    # Every RFC 5545 form of UNTIL: UTC (…Z), a date, a local date and time.
    pytest.param([*PERM_RRULE, "FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T000000Z"], id="until-utc"),
    pytest.param([*PERM_RRULE, "FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701"], id="until-date"),
    pytest.param([*PERM_RRULE, "FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T090000"], id="until-local"),
    pytest.param([*PERM_RRULE, "RRULE:freq=weekly;byday=th"], id="rrule-prefix-lower-case"),
    # Hours past midnight, written explicitly or asked for.
    pytest.param(["sites", "update", "00518A", "--hours", "Fr 22:00-26:00"], id="hours-26"),
    pytest.param(["sites", "update", "00518A", "--hours", "Mo-Fr 18:00-24:00"], id="hours-24"),
    pytest.param(["sites", "update", "00518A", "--hours", "Fr 22:00+"], id="hours-open-end"),
    pytest.param(
        ["sites", "update", "00518A", "--hours", "Fr 22:00-02:00", "--overnight"],
        id="hours-overnight",
    ),
    # Names as French has them; notes with lines; codes in lower case.
    pytest.param(
        ["sites", "update", "00518A", "--name", "Bureau de l'Île-d'Yeu — « Œuvre »"],
        id="name-accents-quotes-dash",
    ),
    pytest.param(["sites", "update", "00518A", "--note", "ligne 1\nligne 2"], id="note-lines"),
    pytest.param(["sites", "update", "00518A", "--insee", "2a004"], id="insee-corsica-lower"),
    pytest.param(
        [
            "sites",
            "add",
            "mairie-ammerschwihr",
            "--name",
            "Mairie",
            "--kind",
            "mairie",
            "--insee",
            "68005",
        ],
        id="insee-gives-department",
    ),
    pytest.param(
        spoil(BOOK, "--email", "Camille.Martin+cowork@example.org"), id="email-plus-address"
    ),
    pytest.param(["import", "france-services", "@fs_two_emails"], id="fs-cell-with-two-emails"),
]


@pytest.mark.parametrize("argv", TAKEN)
def test_valid_input_is_taken(cli: Cli, database: Path, tmp_path: Path, argv: list[str]) -> None:
    result = cli(*materialise(argv, tmp_path, database))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 0, (result.exit_code, result.stderr[:500])
    assert "error:" not in result.stderr


def test_a_site_given_an_insee_code_gets_its_department_and_its_holidays(cli: Cli) -> None:
    """68066 is in Haut-Rhin: Alsace's Saint Stephen's Day (26 December) closes the site."""
    added = cli(
        "sites", "add", "mairie-x", "--name", "Mairie", "--kind", "mairie", "--insee", "68066",
        "--hours", "Mo-Fr 09:00-12:00",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    shown = cli("sites", "show", "mairie-x", "--format", "json")
    assert '"department": "68"' in shown.stdout
    week = cli("sites", "hours", "mairie-x", "--week", "2022-W52", "--format", "json")
    assert '"closed_because": "Saint-Étienne"' in week.stdout or "tienne" in week.stdout
