"""Records YAML as `export records` writes it, read without lines, many times faster than
libyaml builds it: block mappings and sequences of scalars, plain or in single quotes, each on
its line or folded on the more indented lines after it.

Each plain scalar is resolved and built by PyYAML's own resolver and constructors, so that
values are exactly those the exact reader (`yaml_reader.read`) gives: dates, times read as
numbers, quoted codes kept as text. Anything else a YAML file may hold (flow collections,
double quotes, block scalars, comments or blank lines among the values, trailing spaces,
anchors, tags, tabs, a key given twice, a value PyYAML refuses) makes `read` give None: the
caller reads the file exactly, which says what is wrong and where. Mappings come as
`yaml_reader.read_json` gives them: without lines.

Speed comes from doing little per line: what can be checked over the whole text is (the
characters, blank lines, comment lines, trailing spaces), and a key line is recognised by its
text before `: `, indentation included, which is looked up among the ones already met at that
indentation; each distinct scalar text is resolved once.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from presence_postale.formats.yaml_reader import MAX_DEPTH

# A key YAML reads as a simple key: within 1024 characters of its colon; plain, or in single
# quotes as the writer quotes a code that would read as a number (a commune's `'03235'`).
_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,1000}|'[A-Za-z0-9_][A-Za-z0-9_.-]{0,1000}'")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
# What a plain scalar may not start with (an indicator), nor hold (`: `, ` #`).
_NOT_FIRST = frozenset(",[]{}#&*!|>'\"%@`?: ")
_STR = "tag:yaml.org,2002:str"
# Characters YAML refuses, and tabs, carriage returns and breaks other than the line feed.
_NOT_PLAIN_TEXT = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# Below the heading: a comment line (or a line of a scalar that would read as one).
_COMMENT_LINE = re.compile(r"\n *#")
_UNSURE = object()  # a value whose first line alone is not a scalar: lines must follow


# Digits, a dot, digits: YAML 1.1's float (its first form), built as PyYAML's constructor
# builds it (the sign apart, `float` of the text).
_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")
_DIGITS = frozenset("-0123456789")
# The keys the exact reader marks mappings with: a file's own are its business.
_MARKS = ("__line__", "__lines__")


class _NotPlain(Exception):
    """Something this reader leaves to the exact one."""


def _key_line(content: str) -> tuple[str, str | None] | None:
    """A key and the text of its value (None when the value is on the lines below)."""
    name, colon, rest = content.partition(": ")
    if colon:
        return (name, rest) if _KEY.fullmatch(name) else None
    if content[-1:] == ":" and _KEY.fullmatch(content[:-1]):
        return content[:-1], None
    return None


class _Scalars(dict[str, Any]):
    """The value of each text met on a key's or a dash's line, read when first asked: an
    empty collection, a scalar (single-quoted, or plain as PyYAML resolves and builds it), or
    _UNSURE when only lines folded onto it could make it one (`unsure` counts those)."""

    def __init__(self) -> None:
        super().__init__()
        self.unsure = 0
        self.loader = yaml.SafeLoader("")
        resolvers = self.loader.yaml_implicit_resolvers
        # By first character, the implicit resolvers PyYAML tries in turn (as its `resolve`
        # does when none is a wildcard or a path resolver); any other scalar is a text.
        self.implicit: dict[str, Any] | None = (
            None if None in resolvers or self.loader.yaml_path_resolvers else resolvers
        )
        self.tried = {} if self.implicit is None else one_pattern_each(self.implicit)
        self.node = yaml.ScalarNode(_STR, "")

    def __missing__(self, text: str) -> Any:
        first = text[:1]
        if first in _DIGITS and _DECIMAL.fullmatch(text):
            value: Any = float(text)  # a coordinate: as PyYAML's float resolver and constructor
        elif first == "'":
            quoted = _QUOTED.fullmatch(text)
            value = _UNSURE if quoted is None else quoted[1].replace("''", "'")
        elif text == "[]":
            return []
        elif text == "{}":
            return {}
        elif (
            not text
            or first in _NOT_FIRST
            or (first == "-" and text[1:2] in ("", " "))
            or text[-1] in " :"
            or ": " in text
            or " #" in text
        ):
            value = _UNSURE
        elif self.implicit is not None and first not in self.implicit:
            value = text  # no implicit resolver for its first character
        else:
            value = self.plain(text)
        if value is _UNSURE:
            self.unsure += 1
        elif len(self) < 1_000_000:
            self[text] = value  # texts, numbers, dates: none is changed by its reader
        return value

    def plain(self, text: str) -> Any:
        """A plain scalar's value: its tag as PyYAML resolves it, built by its constructor."""
        loader, tag = self.loader, None
        if self.implicit is None:
            tag = loader.resolve(yaml.ScalarNode, text, (True, False))
        else:
            pattern, tags = self.tried[text[0]]
            found = pattern.match(text)
            tag = None if found is None else tags[found.lastgroup]
        if tag is None or tag == _STR:
            return text
        node = self.node  # one node for all: no constructor of a scalar keeps it
        node.tag, node.value = tag, text
        return loader.yaml_constructors[tag](loader, node)


def one_pattern_each(
    implicit: dict[str, list[tuple[str, re.Pattern[str]]]],
) -> dict[str, tuple[re.Pattern[str], dict[str | None, str]]]:
    """For each first character, PyYAML's implicit resolvers as one pattern, tried in one
    call: their patterns as alternatives, in the order PyYAML tries them (the first that
    matches is the one whose group matched), each under its own flags."""
    out = {}
    for first, resolvers in implicit.items():
        alternatives: list[str] = []
        tags: dict[str | None, str] = {}
        for number, (tag, regexp) in enumerate(resolvers):
            # A verbose pattern's comment would run to the end of its line: it ends there.
            scoped = f"(?x:{regexp.pattern}\n)" if regexp.flags & re.VERBOSE else regexp.pattern
            alternatives.append(f"(?P<t{number}>{scoped})")
            tags[f"t{number}"] = tag
        out[first] = (re.compile("|".join(alternatives)), tags)
    return out


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0
        self.scalars = _Scalars()
        self.keys: dict[int, dict[str, Any]] = {}  # by indentation: line start -> its key
        self.items: dict[int, dict[str, Any]] = {}  # the same for `- key`, of list items

    def node(self, indent: int, depth: int) -> Any:
        """The block at `indent` (a sequence or a mapping) from the current line on."""
        if depth >= MAX_DEPTH - 1:  # its scalars would be deeper than the exact reader allows
            raise _NotPlain
        if self.lines[self.at][indent] == "-":
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def mapping(
        self, indent: int, depth: int, out: dict[Any, Any] | None = None, last: Any = None
    ) -> Any:
        """The mapping at `indent` from the current line on; `out` holds its keys read
        already, `last` the last of them when its value is on its line."""
        lines = self.lines
        self.keys.setdefault(indent, {})
        out = {} if out is None else out
        while True:
            self.at, key = self.known(out, self.at, indent)
            if key is not None:
                last = key
            if self.at == len(lines):
                break
            line = lines[self.at]
            column = len(line) - len(line.lstrip(" "))
            if column < indent:
                break
            if column > indent:
                if last is None:
                    raise _NotPlain
                out[last] = self.folded(lines[self.at - 1].partition(": ")[2], out[last], indent)
                last = None
            else:
                last = self.entry(out, line, indent, depth)
        return out

    def known(self, out: dict[Any, Any], at: int, indent: int) -> tuple[int, Any]:
        """Adds to `out` the keys on the lines from `at` that are the usual ones: a key met
        before at `indent`, its value on its line. Gives the line after them and the last of
        their keys (None when there are none). The loop all but a few lines go through."""
        lines, get_key, values = self.lines, self.keys[indent].get, self.scalars
        end, size, begin = len(lines), len(out), at
        while at < end:
            start, colon, text = lines[at].partition(": ")
            key = get_key(start)
            if key is None or not colon:
                break
            out[key] = values[text]
            at += 1
        if len(out) - size != at - begin:
            raise _NotPlain  # a key given twice
        return at, (next(reversed(out)) if at > begin else None)

    def entry(self, out: dict[Any, Any], line: str, indent: int, depth: int) -> Any:
        """Adds the key on the current line, not met before, and its value; gives the key when
        its value is on its line (folded lines may follow)."""
        found = _key_line(line[indent:])
        if found is None:
            raise _NotPlain
        key = self.scalars[found[0]]
        if not isinstance(key, str | int) or key in out or key in _MARKS:
            raise _NotPlain
        self.at += 1
        if found[1] is None:
            out[key] = self.block(indent, depth)
            return None
        self.keys[indent][line.partition(": ")[0]] = key
        out[key] = self.scalars[found[1]]
        return key

    def block(self, indent: int, depth: int) -> Any:
        """A key's value on the lines below it (nothing when there are none)."""
        if self.at == len(self.lines):
            return None
        line = self.lines[self.at]
        column = len(line) - len(line.lstrip(" "))
        if column < indent:
            return None
        if column == indent:
            if line[column] == "-":
                raise _NotPlain  # a list at its key's indent
            return None
        return self.node(column, depth + 1)

    def sequence(self, indent: int, depth: int) -> list[Any]:
        lines, dash = self.lines, " " * indent + "- "
        self.keys.setdefault(indent + 2, {})
        self.items.setdefault(indent, {})
        out: list[Any] = []
        while self.at < len(lines):
            line = lines[self.at]
            if not line.startswith(dash):
                if len(line) - len(line.lstrip(" ")) < indent:
                    break
                raise _NotPlain
            item = self.flat_items(out, indent)
            if item is not None:  # the last may go on: new keys, blocks, folded lines
                self.mapping(indent + 2, depth + 1, item, next(reversed(item)))
            elif _key_line(line[indent + 2 :]) is not None:
                lines[self.at] = " " * (indent + 2) + line[indent + 2 :]  # at the others'
                item = self.mapping(indent + 2, depth + 1)
                if ": " in line:  # its first key on its line: next time, the usual line
                    self.items[indent][line.partition(": ")[0]] = next(iter(item))
                out.append(item)
            else:
                self.at += 1
                value = self.scalars[line[indent + 2 :]]
                if self.at < len(lines) and lines[self.at][indent : indent + 1] == " ":
                    value = self.folded(line[indent + 2 :], value, indent)
                out.append(value)
        return out

    def flat_items(self, out: list[Any], indent: int) -> dict[Any, Any] | None:
        """Appends to `out` the items from the current line, a dash's, that are the usual ones
        (mappings of keys met before, each value on its key's line) and gives the last, not
        marked yet as others may follow (None when there are none)."""
        lines, at, end, begin, first = self.lines, self.at, len(self.lines), self.at, len(out)
        get_item, get_key = self.items[indent].get, self.keys[indent + 2].get
        values = self.scalars
        item: dict[Any, Any] = {}
        while at < end:
            start, colon, text = lines[at].partition(": ")
            if not colon:
                break
            key = get_key(start)
            if key is not None:
                item[key] = values[text]
            else:
                key = get_item(start)
                if key is None:
                    break
                item = {key: values[text]}
                out.append(item)
            at += 1
        if at == begin:
            return None
        if sum(map(len, out[first:])) != at - begin:
            raise _NotPlain  # a key given twice
        self.at = at
        return item

    def folded(self, text: str, value: Any, indent: int) -> Any:
        """The scalar begun by `text` (read as `value`) and continued on the lines from the
        current one that are more indented than `indent` (folded: joined by spaces)."""
        lines, parts, quoted = self.lines, [text], text[:1] == "'"
        if value is _UNSURE:
            self.scalars.unsure -= 1
        while self.at < len(lines):
            part = lines[self.at]
            content = part.lstrip(" ")
            if len(part) - len(content) <= indent:
                break
            if not quoted and (content[0] in _NOT_FIRST or content[0] == "-"):
                raise _NotPlain
            parts.append(content)
            self.at += 1
        value = self.scalars[" ".join(parts)]
        if value is _UNSURE or parts[0] in ("[]", "{}"):
            raise _NotPlain
        return value


def _body(text: str) -> list[str] | None:
    """The lines after the heading (blank and comment lines) and before the trailing line
    ends, or None when blank lines, comment lines or trailing spaces are among them."""
    end = len(text)
    while end and text[end - 1] == "\n":
        end -= 1
    at = 0
    while at < end and text[at] in " #\n":
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if text[at:line_end].lstrip(" ")[:1] not in ("", "#"):
            break  # indented content: the document does not start at the line's start
        at = line_end + 1
    if (
        at >= end
        or text[end - 1] == " "
        or text.find(" \n", at, end) >= 0
        or text.find("\n\n", at, end) >= 0
        or _COMMENT_LINE.search(text, at, end) is not None
    ):
        return None
    return text[at:end].split("\n")


def read(text: str) -> Any:
    """The document (a mapping) read without lines, or None when the exact reader must read it."""
    if _NOT_PLAIN_TEXT.search(text):
        return None
    lines = _body(text)
    if lines is None or lines[0][0] == " ":
        return None
    reader = _Reader(lines)
    try:
        document = reader.mapping(0, 1)
    except (_NotPlain, yaml.YAMLError, KeyError, ValueError, TypeError, OverflowError):
        return None
    return document if reader.at == len(lines) and reader.scalars.unsure == 0 else None
