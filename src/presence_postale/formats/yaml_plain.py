"""Records YAML as `export records` writes it, read without lines, many times faster than
libyaml builds it: block mappings and sequences of scalars, plain or in single quotes, each on
its line or folded on the more indented lines after it.

Each plain scalar is resolved and built by PyYAML's own resolver and constructors, so that
values are exactly those the exact reader (`yaml_reader.read`) gives: dates, times read as
numbers, quoted codes kept as text. Anything else a YAML file may hold (flow collections,
double quotes, block scalars, comments or blank lines among the values, anchors, tags, tabs,
a key given twice, a value PyYAML refuses) makes `read` give None: the caller reads the file
exactly, which says what is wrong and where. Mappings carry no lines, as
`yaml_reader.read_json` gives them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from presence_postale.formats.yaml_reader import MAX_DEPTH

_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: (.*))?")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
# What a plain scalar may not start with (an indicator), nor hold (`: `, ` #`).
_NOT_FIRST = frozenset(",[]{}#&*!|>'\"%@`?: ")
_STR = "tag:yaml.org,2002:str"
# Characters YAML refuses, and tabs, carriage returns and breaks other than the line feed.
_NOT_PLAIN_TEXT = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


# The keys the exact reader marks mappings with: a file's own are its business.
_MARKS = ("__line__", "__lines__")


class _NotPlain(Exception):
    """Something this reader leaves to the exact one."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines: list[tuple[int, str]] = []
        lines = text.split("\n")
        while lines and lines[-1].strip() == "":
            lines.pop()  # the file's end
        for line in lines:
            content = line.lstrip(" ")
            if not content or content.startswith("#"):
                if self.lines:  # a blank or a comment line within a scalar would change it
                    raise _NotPlain
                continue  # the file's heading
            self.lines.append((len(line) - len(content), content))
        self.at = 0
        self.loader = yaml.SafeLoader("")
        self.scalars: dict[str, Any] = {}

    def node(self, indent: int, depth: int) -> Any:
        """The block at `indent` (a sequence or a mapping) from the current line on."""
        if depth >= MAX_DEPTH - 1:  # its scalars would be deeper than the exact reader allows
            raise _NotPlain
        if self.lines[self.at][1].startswith("-"):
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def mapping(self, indent: int, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        while self.at < len(self.lines):
            column, content = self.lines[self.at]
            if column < indent:
                break
            found = _KEY.fullmatch(content)
            if column > indent or found is None:
                raise _NotPlain
            key, rest = self.scalar(found[1]), found[2]
            if not isinstance(key, str | int) or key in out or key in _MARKS:
                raise _NotPlain
            self.at += 1
            out[key] = (
                self.value(rest, indent, depth) if rest is not None else self.block(indent, depth)
            )
        return out

    def block(self, indent: int, depth: int) -> Any:
        """A key's value on the lines below it (nothing when there are none)."""
        if self.at == len(self.lines) or self.lines[self.at][0] < indent:
            return None
        column, content = self.lines[self.at]
        if column == indent:
            if content.startswith("-"):
                raise _NotPlain  # a list at its key's indent
            return None
        return self.node(column, depth + 1)

    def sequence(self, indent: int, depth: int) -> list[Any]:
        out: list[Any] = []
        while self.at < len(self.lines):
            column, content = self.lines[self.at]
            if column < indent:
                break
            if column > indent or not content.startswith("- "):
                raise _NotPlain
            item = content[2:]
            if _KEY.fullmatch(item):  # a mapping, its first key on the dash's line
                self.lines[self.at] = (indent + 2, item)
                out.append(self.mapping(indent + 2, depth + 1))
            else:
                self.at += 1
                out.append(self.value(item, indent, depth))
        return out

    def value(self, text: str, indent: int, depth: int) -> Any:
        """A scalar (or an empty collection) on its key's or its dash's line, and on the more
        indented lines after it (folded: joined by spaces)."""
        if text == "[]":
            return []
        if text == "{}":
            return {}
        parts, quoted = [text], text[0] == "'"
        while self.at < len(self.lines) and self.lines[self.at][0] > indent:
            part = self.lines[self.at][1]
            if part[-1] == " " or (not quoted and (part[0] in _NOT_FIRST or part[0] == "-")):
                raise _NotPlain
            parts.append(part)
            self.at += 1
        return self.scalar(" ".join(parts))

    def scalar(self, text: str) -> Any:
        if text in self.scalars:
            return self.scalars[text]
        quoted = _QUOTED.fullmatch(text)
        if quoted is not None:
            value: Any = quoted[1].replace("''", "'")
        elif (
            not text
            or text[0] in _NOT_FIRST
            or (text[0] == "-" and text[1:2] in ("", " "))
            or text[-1] in " :"
            or ": " in text
            or " #" in text
        ):
            raise _NotPlain
        else:
            tag = self.loader.resolve(yaml.ScalarNode, text, (True, False))
            node = yaml.ScalarNode(tag, text)
            value = text if tag == _STR else self.loader.yaml_constructors[tag](self.loader, node)
        if len(self.scalars) < 100_000:
            self.scalars[text] = value  # texts, numbers, dates: none is changed by its reader
        return value


def read(text: str) -> Any:
    """The document (a mapping) read without lines, or None when the exact reader must read it."""
    if _NOT_PLAIN_TEXT.search(text):
        return None
    try:
        reader = _Reader(text)
        if not reader.lines or reader.lines[0][0] != 0:
            return None
        document = reader.mapping(0, 1)
    except (_NotPlain, yaml.YAMLError, KeyError, ValueError, TypeError, OverflowError):
        return None
    return document if reader.at == len(reader.lines) else None
