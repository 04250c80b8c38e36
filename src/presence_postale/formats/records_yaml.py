"""Records files in YAML: the seed's schema, sections and fields in schema order, empty values
left out, so that the same data always gives the same bytes, which YAML 1.1 readers (PyYAML)
and YAML 1.2 readers (ruamel.yaml, js-yaml) read alike.

PyYAML writes them (`_Dumper`), but its emitter spends a national export's time on twenty
thousand records that are nearly all alike: flat mappings of short texts, numbers and dates.
Such a record is written here directly, as PyYAML writes it (a test holds the bytes equal);
any record holding something less plain (a text PyYAML could fold or escape, a value of
another type) is written by PyYAML itself, in place. libyaml's emitter is no
help: it cannot indent lists under their key as this file does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import yaml

from presence_postale.formats.seed import SCHEMA_VERSION
from presence_postale.formats.yaml_plain import one_pattern_each

HEADER = (
    "# presence-postale records (the seed's schema): load with\n"
    "#   presence-postale import records FILE\n"
)
WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, as people write YAML; text that a YAML
    1.1 or 1.2 reader would take for something else is quoted."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


# What YAML 1.2's core schema (ruamel.yaml, js-yaml...) reads as a number, a boolean or
# nothing. PyYAML quotes what YAML 1.1 reads so (`no`, `on`, `1_000`), not these: unquoted,
# the code `08`, the postcode `08450` or the text `1e3` would come back as numbers there.
_NOT_TEXT_IN_YAML_1_2 = re.compile(
    r"""[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
    | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
    | ~ | null | Null | NULL | true | True | TRUE | false | False | FALSE""",
    re.VERBOSE,
)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if _NOT_TEXT_IN_YAML_1_2.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)

OPTIONS: dict[str, Any] = {
    "sort_keys": False,
    "allow_unicode": True,
    "default_flow_style": False,
    "width": WIDTH,
}


def dump(value: Any) -> str:
    """`value` as PyYAML writes it in a records file."""
    return yaml.dump(value, Dumper=_Dumper, **OPTIONS)


# ---- plain records, written directly ---------------------------------------------------------

_RESOLVER = yaml.resolver.Resolver()
_STR, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:float"
# A first character that makes PyYAML quote a text (an indicator, or a space).
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")


class _NotPlain(Exception):
    """A value this writer leaves to PyYAML."""


def _text_scalar(text: Any) -> str:
    """A text as PyYAML writes it: plain, or in single quotes when a reader would take it for
    something else or its first or last character, a `: ` or a ` #` would mislead one."""
    if not isinstance(text, str):
        raise _NotPlain
    written = _WRITTEN.get(text)
    if written is None:
        written = _written(text)
        if len(_WRITTEN) < 100_000:
            _WRITTEN[text] = written  # kinds, sources, codes, hours: written many times
    if written is _LEFT:
        raise _NotPlain
    return written


def _written(text: str) -> str:
    if not text or not text.isprintable():
        return _LEFT  # line breaks, tabs, controls, odd spaces: PyYAML's business
    if _NOT_TEXT_IN_YAML_1_2.fullmatch(text):
        return f"'{text}'"  # digits, dots, signs, letters: nothing to escape
    if "  " in text or (text[0] in "-?:" and text[1:2] != " "):
        return _LEFT
    if (
        text[0] in _NOT_FIRST
        or text.startswith("...")  # a document's end marker to PyYAML's emitter
        or text[-1] in " :"
        or ": " in text
        or " #" in text
        or _read_as_other(text)
    ):
        return "'" + text.replace("'", "''") + "'"
    return text


def _read_as_other(text: str) -> bool:
    """Whether PyYAML's resolver reads the plain text as something else than a text (a number,
    a date, a boolean, nothing): its resolvers for the first character, in one pattern."""
    if _BY_FIRST is None:
        return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != _STR
    found = _BY_FIRST.get(text[0])
    return found is not None and found[0].match(text) is not None


_BY_FIRST = (
    None
    if None in _RESOLVER.yaml_implicit_resolvers or _RESOLVER.yaml_path_resolvers
    else one_pattern_each(_RESOLVER.yaml_implicit_resolvers)
)
_WRITTEN: dict[str, str] = {}
_LEFT = "\0left to PyYAML"  # not a text this writer writes (it is not printable)


def _folded(text: str, column: int, indent: int) -> str:
    """A text PyYAML writes past the line's width, as its emitter folds it: at a single space
    met when the line is already longer than the width, the rest goes on the next line,
    indented; in quotes, never at the text's first or last character. `column`: where the
    value starts; `indent`: the next lines' indent."""
    quoted = text.startswith("'") and len(text) > 1
    raw = text[1:-1].replace("''", "'") if quoted else text
    out = ["'"] if quoted else []
    column += len(out)
    index = 0
    for number, word in enumerate(raw.split(" ")):
        if number:
            edge = quoted and (index == 0 or index + 1 == len(raw))
            if column > WIDTH and not edge:
                out.append("\n" + " " * indent)
                column = indent
            else:
                out.append(" ")
                column += 1
            index += 1
        shown = word.replace("'", "''") if quoted else word
        out.append(shown)
        column += len(shown)
        index += len(word)
    if quoted:
        out.append("'")
    return "".join(out)


# A float's repr that YAML 1.1 reads back as that float (a dot and digits on both sides).
_PLAIN_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+")


def _scalar(value: Any) -> str:
    kind = value.__class__
    if kind is str:  # most values: their exact class first
        written = _WRITTEN.get(value)
        return _text_scalar(value) if written is None or written is _LEFT else written
    if kind is float and _PLAIN_FLOAT.fullmatch(text := repr(value)):
        return text
    if isinstance(value, str):
        return _text_scalar(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value - value == 0:  # finite
        text = repr(value).lower()  # as PyYAML's representer writes it
        text = text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
        if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != _FLOAT:
            raise _NotPlain
        return text
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    raise _NotPlain


def _line(out: list[str], lead: str, text: str) -> None:
    if len(lead) + len(text) > WIDTH:  # PyYAML might write it otherwise
        raise _NotPlain
    out.append(f"{lead}{text}\n")


def _value(out: list[str], lead: str, value: Any, indent: int) -> None:
    """A scalar after `lead` (a key or a dash), folded as PyYAML folds a text past the width
    (its next lines at `indent`)."""
    written = _scalar(value)
    if len(lead) + len(written) > WIDTH:
        if not isinstance(value, str):
            raise _NotPlain
        written = _folded(written, len(lead), indent)
    out.append(f"{lead}{written}\n")


def _mapping(out: list[str], values: Mapping[str, Any], indent: int, first: str) -> None:
    """A mapping's lines at `indent`, the first one led by `first` (a list item's dash). The
    loop twenty thousand records go through: a text's written form looked up in place."""
    if not values:
        raise _NotPlain
    lead, pad, written = first, " " * indent, _WRITTEN.get
    for key, value in values.items():
        name = written(key)
        if name is None or name is _LEFT:
            name = _text_scalar(key)
        kind = value.__class__
        if kind is list or kind is dict or isinstance(value, list | dict):
            if not value:
                raise _NotPlain
            _line(out, lead, f"{name}:")
            if isinstance(value, dict):
                _mapping(out, value, indent + 2, " " * (indent + 2))
            else:
                _sequence(out, value, indent + 2)
        else:
            text = written(value) if kind is str else None
            if text is None or text is _LEFT:
                text = _scalar(value)
            line = f"{lead}{name}: {text}\n"
            if len(line) > WIDTH + 1:
                if not isinstance(value, str):
                    raise _NotPlain
                line = f"{lead}{name}: {_folded(text, len(lead) + len(name) + 2, indent + 2)}\n"
            out.append(line)
        lead = pad


def _sequence(out: list[str], values: Sequence[Any], indent: int) -> None:
    dash = " " * indent + "- "
    for value in values:
        if isinstance(value, dict):
            _mapping(out, value, indent + 2, dash)
        elif isinstance(value, list):
            raise _NotPlain
        else:
            _value(out, dash, value, indent + 2)


def _record(record: Mapping[str, Any]) -> str:
    """One record of a section, as PyYAML writes it there."""
    out: list[str] = []
    try:
        _mapping(out, record, 4, "  - ")
    except _NotPlain:
        return dump({"s": [dict(record)]}).split("\n", 1)[1]
    return "".join(out)


def notes(left_out: Sequence[str]) -> dict[str, Any]:
    """What a records file says before its sections."""
    # Another database's records, to merge: see `services.records_merge`.
    document: dict[str, Any] = {"version": SCHEMA_VERSION, "exported": True}
    if left_out:
        document["left_out"] = list(left_out)
    return document


def records_yaml(
    sections: Mapping[str, Sequence[Mapping[str, Any]]], left_out: Sequence[str] = ()
) -> str:
    """The records file: its notes, then each section, record by record."""
    parts = [HEADER, dump(notes(left_out))]
    for name, rows in sections.items():
        if not rows:
            parts.append(dump({name: []}))
            continue
        parts.append(dump({name: None}).replace(" null\n", "\n", 1))
        parts.extend(_record(row) for row in rows)
    return "".join(parts)
