"""A fuzzer generated from the command tree: every command and every option, fed generated values.

The tree is walked at collection time from the root Click group (the registry's lazy groups
included), so a command added later is fuzzed without being listed here. Each option gets
values of its kind, chosen from its annotation and its name: dates, weeks, times, whole and
decimal numbers (huge, tiny, negative, NaN), codes, opening hours, recurrence rules, e-mails,
unicode (direction overrides, zero-width characters, line breaks), empty and very long
strings, and paths that are directories, missing, unwritable or files of every kind.

Every run goes in process (CliRunner) against a real seeded SQLite file, in French (the
default) or English, and must: exit 0, 1 or 2; print no traceback nor a library's wording;
on an error, print exactly one line on stderr; on an error, leave the database file byte for
byte as it was. A run that takes longer than `HANG_SECONDS` is a
failure (unbounded work). The default suite gives each command `EXAMPLES` examples,
derandomised (the same every run); the slow sweep gives each many more.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import signal
import sqlite3
import string
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from presence_postale.cli.app import app
from presence_postale.cli.environment import Environment
from presence_postale.formats.words import LANGS, say
from refusals import LIBRARY_WORDS

pytestmark = pytest.mark.sqlite_only

EXAMPLES = 8  # per command, in the default suite
RUN_LANGS = ("fr", "en")  # each run speaks one, French the default
SWEEP_EXAMPLES = 120  # per command, in the slow sweep
HANG_SECONDS = 20
# `error:` or, for a command run with `--lang fr`, `erreur :`.
ERROR_PREFIXES = tuple(say("error.line", lang, message="").strip() for lang in LANGS)
TODAY = date(2021, 5, 3)

# ---- the command tree -----------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    opts: tuple[str, ...]
    positional: bool
    flag: bool
    required: bool
    multiple: bool
    annotation: str  # the Python type's name (date, time, IsoWeek, int, float, Path, str...)
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    params: tuple[Param, ...]

    @property
    def id(self) -> str:
        return " ".join(self.path)


def _annotation(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    if annotation is None:
        kind = getattr(param, "type", None)
        return str(getattr(kind, "name", "str"))
    name = getattr(annotation, "__name__", str(annotation))
    if name == "list":  # list[str]: the element's type
        args = getattr(annotation, "__args__", ())
        return getattr(args[0], "__name__", "str") if args else "str"
    return str(name)


def _choices(param: Any) -> tuple[str, ...]:
    kind = getattr(param, "type", None)
    return tuple(str(c) for c in getattr(kind, "choices", ()) or ())


def _params(command: Any) -> tuple[Param, ...]:
    out = []
    for param in command.params:
        if param.name == "help" or getattr(param, "is_eager", False):
            continue
        out.append(
            Param(
                name=str(param.name),
                opts=tuple(param.opts),
                positional=param.param_type_name == "argument",
                flag=bool(getattr(param, "is_flag", False)),
                required=bool(param.required),
                multiple=bool(param.multiple),
                annotation=_annotation(param),
                choices=_choices(param),
            )
        )
    return tuple(out)


def command_tree() -> list[Command]:
    """Every command of the tool, found by walking the root group (lazy groups load here)."""
    import typer

    from presence_postale.cli import registry

    root = typer.main.get_command(app)
    found: list[Command] = []

    def walk(command: Any, path: tuple[str, ...], ctx: Any) -> None:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not getattr(sub, "hidden", False):
                    walk(sub, (*path, name), ctx)
        else:
            found.append(Command(path, _params(command)))

    from typer._click.core import Context

    walk(root, (), Context(root, info_name="presence-postale"))
    assert registry.ENTRIES, "the registry lists the command groups"
    return found


COMMANDS = command_tree()


# ---- values ---------------------------------------------------------------------------------

# Names from the bundled seed, so that many runs get past the look-ups to the rules.
IDS = (
    "17510A", "00518A", "05712A", "mairie-grisy-les-platres", "vigny-2021",
    "allier-mediation-2019", "gers-coworking-2019", "vigny-conseillere-1", "allier-mediateur",
    "saint-clar", "1", "2", "st gerand", "Vigny",
)  # fmt: skip
CODES = (
    "95", "03", "2A", "2B", "971", "976", "68", "00", "999", "france_services", "msap",
    "mairie", "bureau_de_poste", "mediateur_numerique", "soho_solo", "association",
    "individuel", "collectif", "email", "navigation_sur_internet", "ordinateur", "ardoiz",
    "70+", "60-69=1", "retraite=1", "caf=2,cnav=1", "planned", "running", "ended",
    "confirmed", "coworking", "autre", "ilot_numerique,wifi", "laposte,caf",
)  # fmt: skip
HOSTILE = (
    "", " ", "\t", "x" * 100_000, "\udcff", "a\nb", "a\r\nb", "\u202eevil", "a\u2066b\u2069",
    "zero\u200bwidth", "\ufeffbom", "a\x00b", "\x1b[31mred", "'; DROP TABLE site; --",
    "$(rm -rf /)", "{0}{1}%s%d{{", "<script>alert(1)</script>", "[x](http://e.fr)",
    "# titre", "| a | b |", "é" * 300, "🏤" * 50, "-1", "--help", "nan", "-",
)  # fmt: skip
DATES = (
    "2021-04-27", "2021-05-04", "2021-05-06", "2021-07-26", "2019-03-19", "2019-05-14",
    "2021-02-30", "1900-01-01", "2199-12-31", "0001-01-01", "9999-12-31", "2021-5-4",
    "27/04/2021", "hier", "2021-W17",
)  # fmt: skip
TIMES = ("09:00", "12:00", "14:30", "00:00", "23:59", "24:00", "9h30", "25:00", "12:60", "9")
WEEKS = (
    "2021-W17", "2021-W18", "2019-W12", "this", "next", "last", "2021-04-27", "2020-W53",
    "2021-W53", "1900-W01", "2199-W52", "0001-W01", "9999-W52", "W17",
)  # fmt: skip
INTEGERS = (
    "0", "1", "-1", "2", "5", "90", "1000", "1001", str(2**63 - 1), str(2**63),
    str(-(2**63) - 1), "1" * 40, "1e3", "0x10", "٣",
)  # fmt: skip
FLOATS = (
    "0", "45", "3", "-0", "2.5", "18", "80", "81", "nan", "inf", "-inf", "1e308", "1e-320",
    "91", "-181",
)  # fmt: skip
HOURS = (
    "Mo-Fr 09:00-12:00,14:00-17:00; PH off", "Mo-Fr 12:00-09:00", "Mo 09:00-09:00",
    "Mo 22:00-26:00", "Mo 18:00-24:00", "Mo 22:00+", "24/7", "toujours", "Mo-Fr 25:00-26:00",
    "Mo-Su 00:00-24:00; PH 10:00-12:00", "Mo " + "09:00-09:01," * 300 + "10:00-11:00",
    "sunrise-sunset", '"comment"', "Mo-Fr 09:00-12:00 || PH off",
)  # fmt: skip
RRULES = (
    "FREQ=WEEKLY;BYDAY=TU", "FREQ=DAILY;INTERVAL=0", "FREQ=MONTHLY;INTERVAL=-1", "garbage",
    "FREQ=WEEKLY;BYDAY=TH;UNTIL=20210701T000000Z", "FREQ=WEEKLY;UNTIL=20210701",
    "FREQ=WEEKLY;UNTIL=20210701T000000", "FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=1",
    "FREQ=DAILY;BYHOUR=1,2,3", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=WEEKLY;COUNT=0",
    "FREQ=MONTHLY;BYDAY=5FR", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=WEEKLY;BYDAY=XX",
    "RRULE:FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;INTERVAL=99999999999999999999",
    "FREQ=DAILY;COUNT=99999999", "FREQ=WEEKLY;WKST=ZZ", "FREQ=WEEKLY;;BYDAY=TU", "FREQ=",
    "FREQ=DAILY;BYSETPOS=400", "DTSTART:20210101\nRRULE:FREQ=DAILY",
)  # fmt: skip
EVERY = (
    "tuesday", "mardi", "mon,thu", "weekdays", "1st,3rd thursday", "last friday", "0 monday",
    "9th monday", "chaque",
)  # fmt: skip
EMAILS = (
    "a@b.fr", "camille@example.org", "nobody", "a@", "@b.fr", "a b@c.fr", "a@b", "a@b..fr",
    "x" * 300 + "@b.fr",
)  # fmt: skip
INSEE = (
    "95658", "68066", "2A004", "2B033", "97105", "99138", "1", "00000", "20004", "ABCDE",
    "9565", "956580",
)  # fmt: skip
POSTCODES = ("95450", "9545", "00000", "97100", "ABCDE", "954500", "20000")
DURATIONS = ("12m", "90d", "2y", "0d", "99999y", "m", "-1d", "12 m")
MONTHS = ("2019-05", "2019-13", "0000-01", "2199-12", "1900-01", "May")
FORMATS = ("table", "json", "csv", "markdown", "html", "ics", "geojson", "yaml", "xml", "")
LANGS = ("fr", "en", "de", "")


def _picks(*pools: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(value for pool in pools for value in pool))


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30) | st.text(
    alphabet=string.ascii_letters + string.digits + " -_'", max_size=30
)
ANY = _picks(IDS, CODES, HOSTILE) | TEXT


def _hostile_by_name(param: Param) -> st.SearchStrategy[str] | None:
    name = param.name.lower()
    table: list[tuple[tuple[str, ...], st.SearchStrategy[str]]] = [
        (("hours",), _picks(HOURS) | TEXT),
        (("rrule",), _picks(RRULES) | TEXT),
        (("every",), _picks(EVERY) | TEXT),
        (("email",), _picks(EMAILS) | TEXT),
        (("insee",), _picks(INSEE) | TEXT),
        (("postcode",), _picks(POSTCODES) | TEXT),
        (("older_than",), _picks(DURATIONS) | TEXT),
        (("month",), _picks(MONTHS) | TEXT),
        (("fmt", "format"), _picks(FORMATS)),
        (("lang",), _picks(LANGS)),
        (("query",), _picks(IDS, HOSTILE) | TEXT),
    ]
    for names, strategy in table:
        if name in names:
            return strategy
    return None


def hostile(param: Param, paths: dict[str, str]) -> st.SearchStrategy[str]:
    """Any value an option may be given, most of them wrong: by its name, else its type."""
    if param.choices:
        return st.sampled_from(param.choices) | ANY
    named = _hostile_by_name(param)
    if named is not None:
        return named
    kind = param.annotation
    if kind == "date":
        return _picks(DATES) | st.dates(date(1850, 1, 1), date(2250, 12, 31)).map(str)
    if kind == "time":
        return _picks(TIMES) | st.times().map(lambda t: f"{t:%H:%M}")
    if kind == "IsoWeek":
        return _picks(WEEKS)
    if kind == "int":
        return _picks(INTEGERS) | st.integers(-(10**6), 10**6).map(str)
    if kind == "float":
        return _picks(FLOATS) | st.floats(allow_nan=True, allow_infinity=True).map(str)
    if kind in ("Path", "PosixPath"):
        return st.sampled_from(sorted(paths.values()))
    if param.name == "to":  # db copy --to: a path or a URL
        urls = ("postgresql+psycopg://nobody@127.0.0.1:1/x", "sqlite:///x", "")
        return st.sampled_from(sorted(paths.values())) | _picks(urls)
    return ANY


# What the seed holds, by option name: most values a run gets are plausible, so that it gets
# past the look-ups to the rules; one option at a time is spoiled.
PLAUSIBLE: dict[str, tuple[str, ...]] = {
    "site": ("17510A", "00518A", "05712A", "mairie-grisy-les-platres", "vigny"),
    "home_site": ("17510A", "00518A"),
    "query": ("vigny", "st gerand", "saint clar"),
    "site_id": ("mairie-fuzz", "fuzz-1"),
    "agent_id": ("agent-fuzz",),
    "programme": ("vigny-2021", "allier-mediation-2019", "gers-coworking-2019"),
    "code": ("vigny-2021", "allier-mediation-2019", "fuzz-2021"),
    "agent": ("vigny-conseillere-1", "vigny-conseillere-2", "allier-mediateur"),
    "mediator": ("allier-mediateur",),
    "space": ("saint-clar",),
    "permanence_id": ("1", "2", "3", "4", "5"),
    "reservation_id": ("1", "2"),
    "session_id": ("1",),
    "department": ("95", "03", "32", "2A"),
    "kind": ("mairie", "bureau_de_poste"),
    "role": ("mediateur_numerique", "chargee_de_clientele"),
    "status": ("running", "planned", "confirmed"),
    "category": ("soho_solo", "association"),
    "categories": ("soho_solo,association",),
    "type": ("individuel", "collectif"),
    "themes": ("email", "navigation_sur_internet,email"),
    "label": ("france_services", "msap"),
    "add_label": ("france_services",),
    "equipment": ("ilot_numerique", "ordinateur"),
    "operators": ("laposte,caf",),
    "operator": ("caf",),
    "name": ("Camille Martin", "Mairie de Fuzz"),
    "title": ("Essai",),
    "reason": ("travaux", "formation"),
    "note": ("une note",),
    "email": ("camille@example.org",),
    "hours": ("Mo-Fr 09:00-12:00,14:00-17:00; PH off",),
    "rrule": ("FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYDAY=1TU"),
    "every": ("thursday", "1st,3rd thursday"),
    "insee": ("95658", "68066", "2A004"),
    "postcode": ("95450",),
    "visitors": ("6",),
    "duration": ("90",),
    "participants": ("1", "5"),
    "week": ("2021-W17", "2019-W12", "this"),
    "month": ("2019-05",),
    "older_than": ("12m",),
    "valid_from": ("2021-05-06", "2021-04-27"),
    "valid_until": ("2021-06-30", "2021-07-26"),
    "start": ("09:00", "14:00", "2021-04-27"),
    "end": ("11:00", "12:00", "2021-07-27"),
    "day": ("2021-05-04", "2019-05-14", "2019-03-19"),
    "to": ("2021-05-12", "11:00"),
    "until": ("2021-12-31", "2019-06-25"),
    "on": ("2021-07-01",),
    "lat": ("45", "48.8"),
    "lon": ("3", "2.3"),
    "limit": ("5",),
    "staff": ("2",),
    "weekly_hours": ("18",),
    "capacity": ("2",),
    "fmt": ("table", "json", "csv", "markdown", "html"),
    "lang": ("fr", "en"),
}


def plausible(param: Param, paths: dict[str, str]) -> st.SearchStrategy[str]:
    values = PLAUSIBLE.get(param.name)
    kind = param.annotation
    if values is not None:
        fitting = [v for v in values if _fits(v, kind)]
        if fitting:
            return st.sampled_from(fitting)
    if kind == "date":
        return st.dates(date(2019, 1, 1), date(2021, 12, 31)).map(str)
    if kind == "time":
        return st.sampled_from(("09:00", "10:00", "11:00", "14:00", "16:00"))
    if kind == "IsoWeek":
        return st.sampled_from(("2021-W17", "2019-W12", "this"))
    return hostile(param, paths)


def _fits(value: str, kind: str) -> bool:
    if kind == "date":
        return value[:4].isdigit() and len(value) == 10
    if kind == "time":
        return ":" in value and len(value) == 5
    if kind == "int":
        return value.lstrip("-").isdigit()
    return True


def value_strategy(param: Param, paths: dict[str, str]) -> st.SearchStrategy[str]:
    return plausible(param, paths) | hostile(param, paths)


@st.composite
def command_line(draw: st.DrawFn, command: Command, paths: dict[str, str]) -> list[str]:
    """Options first (each present or not; required ones always), then `--` and arguments.
    Every value is plausible but one (or none), which gets any value at all."""
    options: list[str] = []
    positionals: list[str] = []
    valued = [p for p in command.params if not p.flag]
    spoiled = draw(st.sampled_from([None, *valued])) if valued else None
    for param in command.params:
        if param is not spoiled and not param.required and not draw(st.booleans()):
            continue
        if param.flag:
            options.append(param.opts[0])
            continue
        count = draw(st.integers(1, 2)) if param.multiple else 1
        for _ in range(count):
            pick = hostile if param is spoiled else plausible
            value = draw(pick(param, paths))
            if param.positional:
                positionals.append(value)
            else:
                options += [draw(st.sampled_from(param.opts)), value]
    return [*command.path, *options, *(["--", *positionals] if positionals else [])]


# ---- files the path options are given -------------------------------------------------------

LAPOSTE = (
    "#Identifiant_du_site;Libellé_du_site;Caractéristique_du_site;Site_Acores_de_rattachement;"
    "Adresse;Complément_d_adresse;Lieu_dit;Code_postal;Localité;Code_INSEE;Pays;Latitude;"
    "Longitude;Précision_du_géocodage;Numéro_de_téléphone;latlong\r\n"
    "99901A;Bureau de poste Essai;Bureau de Poste;;1 rue;;;94000;CRÉTEIL;94028;France;48.79;"
    "2.45;;3631;48.79,2.45\r\n"
)
FILES: dict[str, bytes | None] = {
    "dir": None,
    "empty.yaml": b"",
    "binary.bin": bytes(range(256)) * 4,
    "records.yaml": b'version: 1\ndepartments:\n  - code: "95"\n    name: Val-d\'Oise\n',
    "records.json": b'{"version": 1, "operators": [{"code": "caf", "name": "CAF"}]}',
    "deep.json": b"[" * 300 + b"]" * 300,
    "aliases.yaml": b"a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
    "malformed.yaml": b"sites: [\n",
    "agents.csv": b"id,name,role\nfuzz-agent,Agent,mediateur_numerique\n",
    "laposte.csv": LAPOSTE.encode(),
    "long_cell.csv": b"id,name,role\nx," + b"y" * 200_000 + b",mediateur_numerique\n",
}


def make_files(root: Path) -> dict[str, str]:
    root.mkdir(exist_ok=True)
    paths = {}
    for name, content in FILES.items():
        path = root / name
        if content is None:
            path.mkdir(exist_ok=True)
        else:
            path.write_bytes(content)
        paths[name] = str(path)
    paths["missing"] = str(root / "missing" / "file.yaml")
    paths["new"] = str(root / "new-output.txt")
    paths["unwritable"] = "/proc/presence-postale-fuzz/out.db"
    return paths


# ---- the runs -------------------------------------------------------------------------------


def file_hash(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def hung(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Bench:
    database: Path
    pristine: Path
    pristine_hash: str
    paths: dict[str, str]
    runner: CliRunner

    def restore(self) -> None:
        """The pristine copy written back through SQLite (the file stays in WAL mode)."""
        with (
            closing(sqlite3.connect(self.pristine)) as source,
            closing(sqlite3.connect(self.database)) as target,
        ):
            source.backup(target)
        self.pristine_hash = file_hash(self.database)

    def run(self, argv: list[str], lang: str = "fr") -> None:
        env = Environment(today=TODAY, columns=100, lang=lang)
        with time_limit(HANG_SECONDS):
            result = self.runner.invoke(app, argv, obj=env)
        shown = f"{argv!r:.600}"
        if isinstance(result.exception, TimeoutError):
            pytest.fail(f"unbounded work: {shown}")
        everything = result.stdout + result.stderr
        for words in LIBRARY_WORDS:
            assert words not in result.stderr, (shown, words, result.stderr[-2000:])
        assert "Traceback" not in everything, (shown, everything[-2000:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            shown,
            repr(result.exception),
        )
        assert result.exit_code in (0, 1, 2), (shown, result.exit_code, result.stderr[-500:])
        after = file_hash(self.database)
        if result.exit_code == 0:
            if after != self.pristine_hash:
                self.restore()
            return
        lines = result.stderr.strip("\n").splitlines()
        assert len(lines) == 1, (shown, lines[:6])
        assert lines[0].startswith(ERROR_PREFIXES), (shown, lines[0][:300])
        assert after == self.pristine_hash, ("the database changed on an error", shown)


@pytest.fixture
def bench(seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bench:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)  # outputs named by a relative path land here
    with closing(sqlite3.connect(seeded_db)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
    pristine = tmp_path / "pristine.db"
    file_hash(seeded_db)
    shutil.copy(seeded_db, pristine)
    return Bench(
        database=seeded_db,
        pristine=pristine,
        pristine_hash=file_hash(seeded_db),
        paths=make_files(tmp_path / "files"),
        runner=CliRunner(),
    )


def fuzz(bench: Bench, command: Command, examples: int) -> None:
    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(command_line(command, bench.paths), st.sampled_from(RUN_LANGS))
    def one(argv: list[str], lang: str) -> None:
        bench.run(argv, lang)

    one()


def test_the_fuzzer_walks_every_command_and_option() -> None:
    ids = {command.id for command in COMMANDS}
    for expected in ("sites add", "permanences add", "coworking book", "import records", "init"):
        assert expected in ids
    assert len(COMMANDS) >= 50
    assert sum(len(command.params) for command in COMMANDS) >= 250
    # Every option of every command gets a value strategy.
    for command in COMMANDS:
        for param in command.params:
            if not param.flag:
                assert value_strategy(param, {"x": "x"}) is not None


# What a help page must not show: a Python type (`<str>`, `<int range>`), a placeholder
# (`{site}`), a bound no one types (`[1<=x<=9223372036854775807; required]`).
NOT_HELP = re.compile(r"<[a-z ]+>|\{[a-z_]+\}|x<=|<=x|9223372036854775807")


@pytest.mark.parametrize("lang", RUN_LANGS)
def test_every_help_page_reads_as_help(lang: str) -> None:
    """Walked from the command tree, like the fuzzer: a new command's help is checked too, in
    each language."""
    runner = CliRunner(env={"PRESENCE_POSTALE_LANG": lang})
    for command in COMMANDS:
        result = runner.invoke(app, [*command.path, "--help"])
        assert result.exit_code == 0, (command.id, result.stderr)
        found = NOT_HELP.findall(result.stdout)
        assert not found, (command.id, found)


def _ids(commands: list[Command]) -> list[Any]:
    return [pytest.param(c, id=c.id.replace(" ", "-") or "root") for c in commands]


@pytest.mark.parametrize("command", _ids(COMMANDS))
def test_every_command_survives_generated_input(bench: Bench, command: Command) -> None:
    fuzz(bench, command, EXAMPLES)


@pytest.mark.slow
@pytest.mark.parametrize("command", _ids(COMMANDS))
def test_every_command_survives_a_long_sweep(bench: Bench, command: Command) -> None:
    fuzz(bench, command, SWEEP_EXAMPLES)


def examples_per_run() -> int:
    return EXAMPLES * len(COMMANDS)


Runner = Callable[[list[str]], None]
