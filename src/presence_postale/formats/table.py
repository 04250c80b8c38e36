"""Plain-text tables for a terminal or a cron mail, folded to a width when there is one.

A table that fits is laid out as rich lays it out, each column as wide as its longest cell
(a test keeps the two equal). One that does not fit the width is folded here: the widest
columns narrow, first down to their longest word, then down to the longest part of a
hyphenated word (`Cormeilles-` / `en-Vexin`), and only then are words cut; cells, headings,
the title and notes wrap at spaces, then after hyphens. Without a width (output piped to a
file or a program, with no COLUMNS set) nothing is folded.

Only text with characters that do not each take one column (wide or combining characters,
tabs) is left to rich, which measures them; rich costs a tenth of a second to load and lay out
a table.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence

# A word's parts, each ending with its hyphens: where a word may break when it must.
_PIECES = re.compile(r"[^-]*-+|[^-]+")

# The characters whose width must be looked up.
_BEYOND_LATIN = re.compile("[^\x00-\u02ff]")  # so written, it compiles at once

# The width rich is given for a table that must not be folded.
UNFOLDED = 100_000


def lay_out(
    *,
    title: str,
    headers: Sequence[str],
    rows: list[list[str]],
    notes: Sequence[str],
    empty: str,
    width: int | None,
) -> str:
    """The table as text: its title, headings, rule, rows and notes."""
    table = _Table(title, list(headers), rows, list(notes), empty)
    text = table.plain(width)
    if text is None:
        text = table.rich(width)
    return text


def one_column_wide(text: str) -> bool:
    """Whether every character of `text` takes exactly one column on a terminal."""
    if not text.isprintable():
        return False
    # Latin letters, accented or not, take one column: only the characters from U+0300 on are
    # looked at, each once.
    return all(
        not unicodedata.combining(ch) and unicodedata.east_asian_width(ch) not in ("W", "F")
        for ch in set(_BEYOND_LATIN.findall(text))
    )


def pieces(word: str) -> list[str]:
    """`Cormeilles-en-Vexin` -> [`Cormeilles-`, `en-`, `Vexin`]."""
    return _PIECES.findall(word) or [word]


def wrap(text: str, width: int | None) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces; a word longer than a line
    starts a line of its own and breaks after its hyphens, and is cut only when a part is
    still too long. Text that fits is kept as it is, spaces included."""
    if width is None or len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
            continue
        if line:
            lines.append(line)
            line = ""
        if len(word) <= width:
            line = word
            continue
        for piece in pieces(word):
            if len(line) + len(piece) <= width:
                line += piece
                continue
            if line:
                lines.append(line)
            while len(piece) > width:
                lines.append(piece[:width])
                piece = piece[width:]
            line = piece
    return [*lines, line]


def underlined(heading: str, mark: str, width: int | None) -> list[str]:
    """A heading folded to the width, and a line of `mark` as long as it."""
    lines = wrap(heading, width)
    return [*lines, mark * max(len(line) for line in lines)]


def indented(text: str, width: int | None, first: str = "", then: str = "") -> list[str]:
    """`text` folded as `wrap` folds it, its first line after `first`, the others after
    `then` (a bullet and its hanging indent)."""
    then = then or first
    lines = wrap(text, None if width is None else max(width - max(len(first), len(then)), 20))
    return [(first if n == 0 else then) + line for n, line in enumerate(lines)]


def column_widths(
    headers: Sequence[str], cells: list[list[str]], room: int | None
) -> list[int] | None:
    """Each column's width: its longest text, narrowed to share `room` when it is given and
    they do not fit. The widest column gives up a column at a time while any is wider than its
    longest word, then than the longest part of its hyphenated words; then words must be cut.
    None when `room` cannot hold one column each."""
    columns = [[header, *(row[i] for row in cells)] for i, header in enumerate(headers)]
    widths = [max(map(len, column)) for column in columns]
    if room is None or sum(widths) <= room:
        return widths
    if room < len(widths):
        return None
    longest_words = [
        max((len(word) for text in column for word in text.split()), default=1)
        for column in columns
    ]
    longest_parts = [
        max(
            (len(part) for text in column for word in text.split() for part in pieces(word)),
            default=1,
        )
        for column in columns
    ]
    for floor in (longest_words, longest_parts, [1] * len(widths)):
        while sum(widths) > room:
            wide = [i for i, w in enumerate(widths) if w > floor[i]]
            if not wide:
                break
            widest = max(wide, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


class _Table:
    def __init__(
        self, title: str, headers: list[str], rows: list[list[str]], notes: list[str], empty: str
    ) -> None:
        self.title, self.headers, self.rows, self.notes, self.empty = (
            title,
            headers,
            rows,
            notes,
            empty,
        )

    def plain(self, width: int | None) -> str | None:
        """The table laid out here, or None when rich must measure it."""
        prose = [self.title, *self.notes, "" if self.rows else self.empty]
        texts = [*prose, *self.headers, *(cell for row in self.rows for cell in row)]
        if not one_column_wide("".join(texts)):  # a property of each character: all at once
            return None
        lines = wrap(self.title, width) if self.title else []
        if self.rows:
            # A line: a space, then each column with a space either side and one between two;
            # the last column of the width stays free, as rich leaves it, unless the table
            # must be folded (then every column of the terminal serves to keep words whole).
            room = None if width is None else width - 3 * len(self.headers) - 1
            natural = widths = column_widths(self.headers, self.rows, None)
            if room is not None and widths is not None and sum(widths) > room:
                widths = column_widths(self.headers, self.rows, room + 1)
            if widths is None:
                return None
            rule = " " + "\u2500" * (sum(widths) + 3 * len(widths) - 1)
            if widths == natural:  # nothing folded: each row is one line, laid out at once
                line = " " + " ".join(f" {{:<{w}}} " for w in widths)
                body = [line.format(*row) for row in self.rows]
            else:
                body = [line for row in self.rows for line in _block(row, widths)]
            lines += ["", *_block(self.headers, widths), rule, *body, ""]
        else:
            lines += wrap(self.empty, width)
        for note in self.notes:
            lines += wrap(note, width)
        return "\n".join(text.rstrip() for text in lines).strip("\n") + "\n"

    def rich(self, width: int | None) -> str:
        from rich import box
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        out = io.StringIO()
        console = Console(
            file=out, width=width or UNFOLDED, no_color=True, highlight=False, emoji=False
        )
        if self.title:
            console.print(Text(self.title))
        if self.rows:
            table = Table(box=box.SIMPLE_HEAD)
            for header in self.headers:
                table.add_column(Text(header), overflow="fold")
            for row in self.rows:
                table.add_row(*(Text(cell) for cell in row))
            console.print(table)
        else:
            console.print(Text(self.empty))
        for note in self.notes:
            console.print(Text(note))
        text = "\n".join(line.rstrip() for line in out.getvalue().splitlines())
        return text.strip("\n") + "\n"


def _block(texts: Sequence[str], widths: list[int]) -> list[str]:
    """One row of the table: each cell wrapped to its column, the columns side by side."""
    if all(len(text) <= w for text, w in zip(texts, widths, strict=True)):  # most rows
        return [" " + " ".join(f" {text:<{w}} " for text, w in zip(texts, widths, strict=True))]
    parts = [wrap(text, w) for text, w in zip(texts, widths, strict=True)]
    height = max(len(part) for part in parts)
    parts = [part + [""] * (height - len(part)) for part in parts]
    return [
        " " + " ".join(f" {part[i]:<{w}} " for part, w in zip(parts, widths, strict=True))
        for i in range(height)
    ]
