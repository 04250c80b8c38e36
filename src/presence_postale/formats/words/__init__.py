"""Every sentence and label a person reads, one catalogue per language (`fr`, `en`).

Below `formats/` nothing speaks a language: errors carry a catalogue key and typed values
(`errors.Message`), warnings are data, vocabularies are codes. Here they become words:

    say(Message("site.not_found", {"site": "00518A"}), "fr")
    -> "site introuvable : 00518A"

A template is a `str.format` string whose fields are the message's parameters, each shown as
people read it in that language (dates, numbers, lists, labels, nested messages), with these
formats after the colon:

    {n:plural:site|sites}   the word for the count (French: 0 and 1 are singular)
    {day:day}               mardi 27/04/2021 (a table's date); plain {day}: 27 avril 2021
    {day:short}             27/04/2021
    {day:iso}               2021-04-27 (a date as scripts and options write it)
    {day:month}             avril 2021
    {code:label:agent_role} the label of a vocabulary's code
    {n:number}              1 234 567,5 (grouped, decimal comma in French)
    {name:holiday}          a public holiday's name (the calendar's French names translated)

A key that is not in the catalogue and reads as a sentence (it has a space) is shown as it is:
older messages written before the catalogue, until each gets its key.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import date, datetime, time
from types import ModuleType
from typing import Any

from presence_postale.errors import Label, Message

LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
ENV_VAR = "PRESENCE_POSTALE_LANG"

KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of `lang` (`formats.words.fr` or `formats.words.en`)."""
    if lang == "en":
        from presence_postale.formats.words import en

        return en
    from presence_postale.formats.words import fr

    return fr


def check_lang(value: str) -> str:
    """`value` if it names a language of the tool; else a usage error."""
    from presence_postale.errors import UsageError

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
    if template is None:
        if KEY.match(message.key):
            raise KeyError(f"no message '{message.key}' in the {lang} catalogue")
        return message.key  # a sentence written before the catalogue
    return _Formatter(lang).vformat(template, (), message.params)


def label(vocabulary: str, code: str, lang: str = DEFAULT_LANG) -> str:
    """The label of a vocabulary's code, or the code itself when it has none."""
    return catalogue(lang).LABELS.get(vocabulary, {}).get(code, code)


def labels(vocabulary: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Every code of a vocabulary that has a label, in the catalogue's order."""
    return dict(catalogue(lang).LABELS.get(vocabulary, {}))


def plural(count: int | float, one: str, other: str, lang: str = DEFAULT_LANG) -> str:
    """French: 0 and 1 take the singular; English: only 1."""
    if lang == "en":
        return one if count == 1 else other
    return one if abs(count) < 2 else other


# ---- values --------------------------------------------------------------------------------

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def number(value: int | float, lang: str = DEFAULT_LANG, digits: int | None = None) -> str:
    """A number as people read it: `1 234,5` in French, `1,234.5` in English; `digits` fixes
    the decimals shown (else up to three, trailing zeros dropped)."""
    from babel.numbers import format_decimal

    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=_LOCALES[lang])
    return format_decimal(value, locale=_LOCALES[lang])


def decimal(value: int | float, lang: str = DEFAULT_LANG) -> str:
    """A number without grouping, its decimal mark the language's: `32,5` / `32.5`."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


def day(value: date, lang: str = DEFAULT_LANG) -> str:
    """`mardi 27/04/2021` / `Tuesday 27/04/2021`: a date in a table."""
    name = catalogue(lang).DAY_NAMES[value.weekday()]
    return f"{name} {value.day:02d}/{value.month:02d}/{value.year:04d}"


def short_date(value: date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def long_date(value: date, lang: str = DEFAULT_LANG) -> str:
    """`27 avril 2021` / `27 April 2021`: a date in a sentence (`1er` for the first, in French)."""
    month = catalogue(lang).MONTH_NAMES[value.month - 1]
    first = "1er" if lang == "fr" and value.day == 1 else str(value.day)
    return f"{first} {month} {value.year}"


def month(year: int, month_number: int, lang: str = DEFAULT_LANG) -> str:
    """`avril 2021` / `April 2021`."""
    return f"{catalogue(lang).MONTH_NAMES[month_number - 1]} {year}"


def value(item: Any, lang: str = DEFAULT_LANG) -> str:
    """Any value of a message as people read it in `lang`."""
    if item is None:
        return catalogue(lang).NOTHING
    if isinstance(item, Message):
        return say(item, lang)
    if isinstance(item, Label):
        return label(item.vocabulary, item.code, lang)
    if isinstance(item, bool):
        return catalogue(lang).YES if item else catalogue(lang).NO
    if isinstance(item, datetime):
        return catalogue(lang).AT.format(day=long_date(item.date(), lang), time=f"{item:%H:%M}")
    if isinstance(item, date):
        return long_date(item, lang)
    if isinstance(item, time):
        return f"{item:%H:%M}"
    if isinstance(item, float):
        return decimal(item, lang)
    if isinstance(item, Mapping):
        return ", ".join(f"{value(k, lang)}: {value(v, lang)}" for k, v in item.items())
    if isinstance(item, list | tuple | set | frozenset):
        items = sorted(item) if isinstance(item, set | frozenset) else item
        return ", ".join(value(v, lang) for v in items)
    return str(item)


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, item: Any, spec: str) -> str:
        kind, _, arg = spec.partition(":")
        if kind == "plural":
            one, _, other = arg.partition("|")
            return plural(item, one, other, self.lang)
        if kind == "day":
            return day(item, self.lang)
        if kind == "short":
            return short_date(item)
        if kind == "iso":
            return str(item.isoformat())
        if kind == "month":
            return month(item.year, item.month, self.lang)
        if kind == "label":
            return label(arg, item, self.lang)
        if kind == "holiday":
            return "; ".join(label("holiday", part, self.lang) for part in str(item).split("; "))
        if kind == "number":
            return number(item, self.lang)
        if spec:
            return super().format_field(item, spec)
        return value(item, self.lang)
