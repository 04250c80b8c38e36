"""Every sentence and label a person reads, one catalogue per language (`fr`, `en`).

Below `formats/` nothing speaks a language: errors carry a catalogue key and typed values
(`errors.Message`), warnings are data, vocabularies are codes. Here they become words:

    say(Message("site.not_found", {"site": "00518A"}), "fr")
    -> "site « 00518A » introuvable"

A template is a `str.format` string whose fields are the message's parameters, each shown as
people read it in that language (dates, numbers, lists, labels, nested messages), with these
formats after the colon:

    {n:plural:site|sites}   the word for the count (French: 0 and 1 are singular)
    {d:day}                 mardi 27/04/2021 (a table's date); plain {d}: 27 avril 2021
    {d:short}               27/04/2021
    {d:iso}                 2021-04-27 (a value as the user typed it)
    {d:month}               avril 2021
    {code:label:agent_role} the label of a vocabulary's code
    {n:number}              1 234 567,5 (grouped, decimal comma in French); {n:number:1}
                            with one decimal
    {r:percent}             12,3 % (a ratio)
    {name:holiday}          a public holiday's name (French names translated)
    {rrule:rule}            a recurrence rule in words: chaque mardi
    {d:until}               " jusqu'au 30 juin 2021", or nothing for None
    {items:semicolons}      a list joined by semicolons (items that hold commas)

Numbers, dates and plurals are formatted here only. Numbers go through Babel (imported on the
first number shown: a listing of codes and names never loads it); dates use the catalogue's
day and month names in two fixed forms, which need no locale data.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
import string
from collections.abc import Mapping
from datetime import date, datetime, time
from types import ModuleType
from typing import Any

from presence_postale.errors import Label, Message, UsageError

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"

KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


# A language's catalogue package builds its tables (MESSAGES, HEADINGS, LABELS) from its topic
# modules when a table is first read: a help page reads the `help` module only.
# The modules of MESSAGES, in this order.
TOPICS = (
    "edge",
    "values",
    "places",
    "activity",
    "data",
    "reports",
    "access",
    "coop",
    "weekly",
    "storage",
    "validation",
    "history",
)
TABLES = ("HEADINGS", "LABELS", "MESSAGES")


def load_table(package: str, name: str) -> Any:
    """The table `name` of the catalogue `package` (`presence_postale.formats.words.fr`)."""
    if name == "MESSAGES":
        messages: dict[str, str] = {}
        for topic in TOPICS:
            messages.update(importlib.import_module(f"{package}.{topic}").MESSAGES)
        return messages
    if name in TABLES:
        return getattr(importlib.import_module(f"{package}.{name.lower()}"), name)
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


@functools.cache  # asked for each cell of a table: the import statement costs more than a cell
def catalogue(lang: str) -> ModuleType:
    """The catalogue package of `lang` (`formats.words.fr` or `formats.words.en`)."""
    if lang == "en":
        from presence_postale.formats.words import en

        return en
    from presence_postale.formats.words import fr

    return fr


# Each command group's help module (`fr/help/sites.py` ...): a page of `sites` reads only it and
# the package's own (the root's page, the list of groups, the words every page shares).
HELP_MODULES = {
    "db": "db",
    "sites": "sites",
    "agents": "agents",
    "programmes": "programmes",
    "permanences": "permanences",
    "coworking": "coworking",
    "mediation": "mediation",
    "report": "report",
    "import": "imports",
    "export": "export",
}


def help_text(key: str, lang: str = DEFAULT_LANG) -> str | None:
    """A help page's text for `key` in `lang` (`sites.list`, `sites.list.department`,
    `option.output` ...), or None when it has none. Each help module is imported when a page
    first needs it."""
    package = f"presence_postale.formats.words.{check_lang(lang)}.help"
    group, _, rest = key.partition(".")
    module = HELP_MODULES.get(group) if rest else None
    texts = importlib.import_module(f"{package}.{module}" if module else package).HELP
    found = texts.get(key)
    return None if found is None else str(found)


def check_lang(value: str) -> str:
    """`value` if it names a language of the tool; else a usage error."""
    if value not in LANGS:
        raise UsageError("usage.bad_lang", value=value, expected=list(LANGS))
    return value


def say(message: Message | str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The sentence of `message` (or of a key with `params`) in `lang`."""
    if isinstance(message, str):
        message = Message(message, params)
    elif params:
        message = Message(message.key, {**message.params, **params})
    template = catalogue(lang).MESSAGES.get(message.key)
    if template is None:  # a bug: tests/formats keeps every key used in both catalogues
        raise KeyError(f"no message '{message.key}' in the {lang} catalogue")
    return _Formatter(lang).vformat(template, (), message.params)


def text(item: str | Message, lang: str = DEFAULT_LANG) -> str:
    """A title, note or line: a message in `lang`, or data (a site's name) as it is."""
    return say(item, lang) if isinstance(item, Message) else item


def label(vocabulary: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """The label of a vocabulary's code, or the code itself when it has none."""
    return catalogue(lang).LABELS.get(vocabulary, {}).get(code, code)


def labels(vocabulary: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Every code of a vocabulary that has a label, in the catalogue's order."""
    return dict(catalogue(lang).LABELS.get(vocabulary, {}))


def heading(code: str, lang: str = DEFAULT_LANG) -> str:
    """A column's heading (a missing one is a bug: a test keeps every heading in both)."""
    return str(catalogue(lang).HEADINGS[code])


def holiday(name: str, lang: str = DEFAULT_LANG) -> str:
    """A public holiday's name: French as the calendar gives it, or translated; two holidays on
    one day come joined by `; `."""
    if lang == DEFAULT_LANG:
        return name
    names = catalogue(lang).LABELS["holiday"]
    return "; ".join(names.get(part, part) for part in name.split("; "))


def plural(count: int | float, one: str, other: str, lang: str = DEFAULT_LANG) -> str:
    """French: 0 and 1 take the singular; English: only 1."""
    if lang == "en":
        return one if count == 1 else other
    return one if abs(count) < 2 else other


# ---- values --------------------------------------------------------------------------------

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


# From this size on a number is written in powers of ten (and within decimal's precision).
HUGE = 10**15


# A number of at most three whole and six decimal digits needs no rounding nor grouping, and
# loading Babel's locale data would cost most of a short command: written directly.
_PLAIN = re.compile(r"(-?(?!0\d)\d{1,3})(?:\.(\d{0,5}[1-9])0*|\.0+)?")
_DECIMAL_SIGN = {"fr": ",", "en": "."}


def number(value: int | float, lang: str = DEFAULT_LANG, digits: int | None = None) -> str:
    """A number as people read it: `1 234,5` in French, `1,234.5` in English; `digits` fixes
    the decimals shown (else up to six, trailing zeros dropped)."""
    if digits is None and (plain := _PLAIN.fullmatch(str(value))):  # as Babel, without it
        return plain[1] + (_DECIMAL_SIGN[lang] + plain[2] if plain[2] else "")
    from babel.numbers import format_decimal, format_scientific

    if math.isfinite(value) and abs(value) >= HUGE:  # a slip (1e300): 1E300, not 301 digits
        return str(format_scientific(value, format="0.###E0", locale=_LOCALES[lang]))
    decimals = "0" * digits if digits is not None else "#" * 6
    pattern = "#,##0" + ("." + decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=_LOCALES[lang]))


def percent(ratio: float | None, lang: str = DEFAULT_LANG) -> str:
    """A ratio as a percentage with one decimal: `12,3 %` / `12.3%`; None reads unknown."""
    if ratio is None:
        return say("value.unknown", lang)
    return catalogue(lang).PERCENT.format(number(ratio * 100, lang, digits=1))


def day(value: date, lang: str = DEFAULT_LANG) -> str:
    """`mardi 27/04/2021` / `Tuesday 27/04/2021`: a date in a table."""
    name = catalogue(lang).DAY_NAMES[value.weekday()]
    return f"{name} {short_date(value)}"


def short_date(value: date) -> str:
    # Not strftime: %Y drops leading zeros of years before 1000 on some platforms.
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def long_date(value: date, lang: str = DEFAULT_LANG) -> str:
    """`27 avril 2021` / `27 April 2021`: a date in a sentence (`1er` for the first, in French)."""
    name = catalogue(lang).MONTH_NAMES[value.month - 1]
    first = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{first} {name} {value.year}"


def month(year: int, month_number: int, lang: str = DEFAULT_LANG) -> str:
    """`avril 2021` / `April 2021`."""
    return f"{catalogue(lang).MONTH_NAMES[month_number - 1]} {year}"


def clock(value: time) -> str:
    return f"{value:%H:%M}"


def value(item: Any, lang: str = DEFAULT_LANG) -> str:
    """Any value of a message as people read it in `lang` (dates in words)."""
    if isinstance(item, datetime):
        return catalogue(lang).AT.format(day=long_date(item.date(), lang), time=clock(item.time()))
    if isinstance(item, date):
        return long_date(item, lang)
    if isinstance(item, list | tuple | set | frozenset) and not item:
        return str(catalogue(lang).NOTHING)
    return _shown(item, lang, value)


def cell(item: Any, lang: str = DEFAULT_LANG) -> str:
    """Any value of a table as people read it in `lang` (dates as `mardi 27/04/2021`)."""
    if type(item) is str:  # most cells: nothing to convert
        return item
    if item is None:
        return ""
    if isinstance(item, datetime):
        return f"{day(item.date(), lang)} {clock(item.time())}"
    if isinstance(item, date):
        return day(item, lang)
    return _shown(item, lang, cell)


def _shown(item: Any, lang: str, each: Any) -> str:
    """What `value` and `cell` show alike."""
    if item is None:
        return str(catalogue(lang).NOTHING)
    if isinstance(item, Message):
        return say(item, lang)
    if isinstance(item, Label):
        return label(item.vocabulary, item.code, lang)
    if isinstance(item, bool):
        return str(catalogue(lang).YES if item else catalogue(lang).NO)
    if isinstance(item, time):
        return clock(item)
    if isinstance(item, float):
        return number(item, lang)
    if isinstance(item, Mapping):
        return ", ".join(f"{each(k, lang)}: {each(v, lang)}" for k, v in item.items())
    if isinstance(item, list | tuple | set | frozenset):
        items = sorted(item) if isinstance(item, set | frozenset) else item
        return ", ".join(each(v, lang) for v in items)
    return str(item)


def rule(text: str, lang: str = DEFAULT_LANG) -> str:
    """A recurrence rule in words, for tables: `chaque mardi`, `1er, 3e jeudi du mois`; a rule
    with other parts reads as itself."""
    from presence_postale.domain.recurrence import summary

    shape = summary(text)
    if shape is None:
        return text
    names = catalogue(lang).DAY_NAMES
    if shape.monthly:
        ordinals = catalogue(lang).ORDINALS
        parts = [f"{ordinals.get(n, ordinals[0].format(n=n))} {names[d]}" for n, d in shape.days]
        return say("rule.monthly", lang, days=", ".join(parts))
    return say("rule.weekly", lang, days=", ".join(names[d] for _, d in shape.days))


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, item: Any, spec: str) -> str:
        kind, _, arg = spec.partition(":")
        lang = self.lang
        if kind == "plural":
            one, _, other = arg.partition("|")
            return plural(item, one, other, lang)
        formats = {
            "day": lambda: day(item, lang),
            "short": lambda: short_date(item),
            "iso": lambda: item.isoformat(),
            "month": lambda: month(item.year, item.month, lang),
            "label": lambda: label(arg, item, lang),
            "number": lambda: number(item, lang, int(arg) if arg else None),
            "percent": lambda: percent(item, lang),
            "holiday": lambda: holiday(item, lang),
            "rule": lambda: rule(item, lang),
            "semicolons": lambda: "; ".join(value(part, lang) for part in item),
            "until": lambda: (
                "" if item is None else catalogue(lang).UNTIL.format(value(item, lang))
            ),
            "": lambda: value(item, lang),
        }
        if kind in formats:
            return str(formats[kind]())
        return super().format_field(item, spec)
