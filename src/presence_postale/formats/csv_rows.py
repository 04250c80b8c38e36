"""The rows of a CSV file the tool reads, whatever saved it.

Excel (a French one most of all) may write `sep=;` as a file's first line, to say which
separator the cells use: such a line is taken as it says (`;`, `,` or a tab), never as the
header, and every line keeps the number it has in the file, so that a refusal names the line
the user sees in an editor. A `sep=` naming another separator is refused on its line.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from presence_postale.errors import InvalidData, Message

if TYPE_CHECKING:
    from _csv import Reader

# The separators a `sep=` line may name. Excel pads the line with separators when it saves the
# file again (`sep=;;;;`), and quotes it at times (`"sep=;"`).
SEPARATORS = (";", ",", "\t")
_PREFIX = "sep="


def named_separator(line: str, source: str) -> str | None:
    """The separator a first line `sep=X` names (None: the line is no such line)."""
    text = line.removeprefix("\ufeff").rstrip("\r\n").strip(" ").removeprefix('"')
    if text[: len(_PREFIX)].lower() != _PREFIX:
        return None
    value = text[len(_PREFIX) :]
    named = value.replace('"', "")
    if named[:1] in SEPARATORS and named == named[0] * len(named):
        return named[0]
    reason = Message("import.bad_sep_line", {"value": value.rstrip('"')[:20]})
    raise InvalidData("records.at_line", source=source, line=1, reason=reason)


class Rows(Iterator[list[str]]):
    """A CSV reader's rows with each one's line in the file (`line_num`, as the reader has
    it), counting a `sep=` line the reader never saw; `header_line` is the first row's."""

    def __init__(self, reader: Reader, skipped: int) -> None:
        self._reader = reader
        self._skipped = skipped
        self.header_line = skipped + 1

    def __next__(self) -> list[str]:
        return next(self._reader)

    @property
    def line_num(self) -> int:
        return self._reader.line_num + self._skipped


def rows(lines: Iterable[str], source: str, separator: str | Callable[[str], str] = ",") -> Rows:
    """The rows of `lines` (a text file opened with `newline=""`), cut at the separator a
    `sep=` first line names, else at `separator` (or the one it finds in the first line)."""
    it = iter(lines)
    first = next(it, "")
    named = named_separator(first, source)
    if named is not None:
        return Rows(csv.reader(it, delimiter=named), 1)
    chosen = separator(first) if callable(separator) else separator
    return Rows(csv.reader(itertools.chain([first], it), delimiter=chosen), 0)
