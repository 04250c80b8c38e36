"""The YAML (or JSON) of a records file, read within bounds and refused in the tool's words.

Each mapping keeps its line and the line of each of its keys (`__line__`, `__lines__`), so
that a refusal names the line. Anchors and aliases are refused (a few lines of them expand to
millions of values), and so is nesting deeper than `MAX_DEPTH` (which would exhaust the
parser's recursion); PyYAML's own problems are told in the tool's words, never its own.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from presence_postale.errors import InvalidData, Message

# Bounds of a records file: what the seed's schema needs, many times over.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 12  # document > section > record > labels > label: five levels are used


class _Refused(yaml.MarkedYAMLError):
    """A bound or a rule of this schema, at a place in the file: its message is a catalogue
    key, never PyYAML's words."""

    def __init__(self, message: Message, mark: Any) -> None:
        super().__init__(problem=message.key, problem_mark=mark)
        self.message = message


# The one explicit tag a records file may hold (`!!str 0123`, text however it looks); any
# other would make a value no field takes (bytes, a set) or that no file of the tool writes.
_YAML_TAG = "tag:yaml.org,2002:"
_TAGS_READ = frozenset({_YAML_TAG + "str"})


class _LineLoader(yaml.SafeLoader):
    """Keeps, for each mapping, its line and the line of each key; refuses anchors and
    aliases (a few lines of them expand to millions of values) and nesting deeper than
    `MAX_DEPTH` (which would exhaust the parser's recursion)."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(Message("records.alias"), event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _TAGS_READ:
            written = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
            raise _Refused(Message("records.yaml_tag", {"tag": written}), event.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(Message("records.too_deep", {"limit": MAX_DEPTH}), event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int):
            raise _Refused(Message("records.key_not_text"), key_node.start_mark)
        if key in mapping:
            raise _Refused(Message("records.duplicate_key", {"key": key}), key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # An unquoted impossible date (2021-02-30) makes PyYAML raise a bare ValueError.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise _Refused(
            Message("records.bad_date", {"value": node.value}), node.start_mark
        ) from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    # A whole number of more than 4,300 digits makes Python's int() raise a bare ValueError.
    try:
        return loader.construct_yaml_int(node)
    except ValueError:
        digits = sum(ch.isdigit() for ch in str(node.value))
        message = Message("records.huge_number", {"digits": digits})
        raise _Refused(message, node.start_mark) from None


_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


# PyYAML's problems, in the tool's words (the first whose text the problem holds).
_YAML_PROBLEMS = (
    ("found character '\\t'", "records.yaml_tab"),
    ("found duplicate anchor", "records.alias"),
    ("mapping values are not allowed", "records.yaml_colon"),
    ("could not find expected ':'", "records.yaml_colon"),
    ("expected <block end>", "records.yaml_indent"),
    ("found unexpected end of stream", "records.yaml_unclosed"),
    ("while scanning a quoted scalar", "records.yaml_unclosed"),
    ("expected ',' or ']'", "records.yaml_unclosed"),
    ("expected ',' or '}'", "records.yaml_unclosed"),
    ("found unknown escape character", "records.yaml_escape"),
    ("unacceptable character", "records.yaml_character"),
)


def _yaml_problem(error: yaml.YAMLError) -> Message:
    if isinstance(error, _Refused):
        return error.message
    text = " ".join(str(part) for part in (getattr(error, "problem", None), error) if part)
    for fragment, key in _YAML_PROBLEMS:
        if fragment in text:
            return Message(key)
    return Message("records.yaml_syntax")


class _FastLineLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """The same values and lines, parsed by libyaml (ten times faster than PyYAML's own
    parser), for a file `_fast` lets through: one that holds no flow collection, anchor or
    alias, nor lines indented deeper than `MAX_DEPTH` levels could need. An alias parsed anyway
    shows as a node met twice; nesting is bounded while values are built."""

    depth = 0

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise _Refused(Message("records.alias"), node.start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(Message("records.too_deep", {"limit": MAX_DEPTH}), node.start_mark)
            return super().construct_object(node, deep)
        finally:
            self.depth -= 1


_FastLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_FastLineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

# What sends a file to PyYAML's own parser: a flow collection, an anchor or an alias (at the
# start of a token), a tag (at the start of a value), a line indented deeper than nesting
# within bounds could need.
_NOT_FAST = re.compile(r"[\[{]|(?:^|[\s,:?-])[&*]\S|(?:^|[:-])[ \t]*!|^ {48,}\S", re.MULTILINE)


def _fast(text: str) -> Any:
    """The document through libyaml when the file allows it; None when it does not, or when
    it is wrong in any way (PyYAML's parser then says how, in the words tests expect)."""
    if not yaml.__with_libyaml__ or _NOT_FAST.search(text):
        return None
    try:
        return yaml.load(text, Loader=_FastLineLoader)
    except (yaml.YAMLError, RecursionError, ValueError):  # ValueError: int()'s digit limit
        return None


class _NoLines(dict[str, int]):
    """The lines of a mapping read without them: 0 for any key."""

    def __missing__(self, key: str) -> int:
        return 0


def no_lines() -> dict[str, int]:
    """The `__lines__` of a mapping read without lines."""
    return _NoLines()


class _Refusal(Exception):
    """A JSON file the json module should not read: PyYAML's parser then says why."""


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs) or "__line__" in mapping or "__lines__" in mapping:
        raise _Refusal  # a key given twice, or one the exact reader's marks would hide
    return mapping


def read_json(text: str) -> Any:
    """A JSON document (a mapping) read by the json module, its mappings without the lines
    `read` marks them with; None when the text is not one, or not plainly so (a key given
    twice, nesting beyond `MAX_DEPTH`)."""
    import json

    if not text.lstrip().startswith("{"):
        return None
    try:
        document = json.loads(text, object_pairs_hook=_json_object)
    except (ValueError, _Refusal, RecursionError):
        return None
    return document if _depth(document) <= MAX_DEPTH else None


_NESTED = (dict, list)


def _depth(value: Any) -> int:
    """How deep lists and mappings nest: a scalar 1, a collection one more than its deepest
    item (an empty one 1). Level by level, counting the items of each collection rather than
    looking at each: a national file holds hundreds of thousands of scalars."""
    depth, level, nesting = 1, [], 0
    if value.__class__ in _NESTED:
        level = [value]
    while level:
        nesting += 1
        depth = max(depth, nesting)
        inner: list[Any] = []
        for outer in level:
            items = list(outer.values()) if outer.__class__ is dict else outer
            collections = [item for item in items if item.__class__ in _NESTED]
            if len(collections) < len(items):  # a scalar one level down
                depth = max(depth, nesting + 1)
            inner.extend(collections)
        level = inner
    return depth


class _JsonLineLoader(_LineLoader):
    """A JSON document, its values as the json module reads them (`read_json`), with lines:
    a number with an exponent (`5e-05`, as json writes small coordinates, or `1e3`) is a
    number, not YAML 1.1's text, and an escaped surrogate pair (`\\ud83d\\ude00`, as json
    writes an emoji by default) is its one character, not two halves that are no text."""


_JsonLineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?[eE][-+]?[0-9]+$"),
    list("-0123456789"),
)
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _construct_json_text(loader: _JsonLineLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_yaml_str(node)
    if _SURROGATE_PAIR.search(text) is None:
        return text
    return _SURROGATE_PAIR.sub(
        lambda pair: pair.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
    )


_JsonLineLoader.add_constructor("tag:yaml.org,2002:str", _construct_json_text)


# Characters a JSON text holds as they are (in its strings: nowhere else) that YAML takes for
# a line break (NEL, U+2028, U+2029: folded into a space) or refuses (DEL, C1 controls).
_NOT_YAML_AS_IS = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _json_text(text: str) -> str | None:
    """A JSON document's text with the characters YAML reads otherwise escaped (`\\u0085`), so
    that its strings are the json module's; None when the text is not a JSON document."""
    import json

    if not text.lstrip().startswith("{"):
        return None
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return None
    return _NOT_YAML_AS_IS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def read(text: str, source: str) -> Any:
    """The document, or InvalidData naming the line and why. A JSON document's values are
    those the json module reads (`_JsonLineLoader`)."""
    document = _fast(text)
    if document is not None:
        return document
    json_text = _json_text(text)
    loader = _LineLoader if json_text is None else _JsonLineLoader
    loaded = text if json_text is None else json_text
    try:
        return yaml.load(loaded, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if mark is not None:
            line = mark.line + 1
        elif isinstance(error, yaml.reader.ReaderError):  # a character: where, not which line
            line = loaded.count("\n", 0, error.position) + 1
        else:
            line = 1
        raise InvalidData(
            "records.unreadable", source=source, line=line, reason=_yaml_problem(error)
        ) from None
    except RecursionError:  # a bound missed: still one line, never a traceback
        raise InvalidData(
            "records.unreadable",
            source=source,
            line=1,
            reason=Message("records.too_deep", {"limit": MAX_DEPTH}),
        ) from None
