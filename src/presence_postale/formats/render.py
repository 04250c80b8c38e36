"""One output path: every listing and record becomes table, JSON, CSV, Markdown or HTML here.

Services return plain data; commands describe it with `Column`s and call `render`. Machine
formats (JSON, CSV) carry stable English snake_case keys and ISO dates; human formats (table,
Markdown, HTML) carry French headings and French dates unless `lang="en"`.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from presence_postale.domain.calendar import format_day
from presence_postale.formats.markdown import markdown_text

HUMAN_FORMATS = ("table", "markdown", "html")
LISTING_FORMATS = ("table", "json", "csv", "markdown", "html", "xlsx")
# Formats written as bytes (a spreadsheet), not text.
BINARY_FORMATS = ("xlsx",)


@dataclass(frozen=True)
class Column:
    key: str
    fr: str
    en: str = ""

    def header(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.fr


@dataclass
class Listing:
    """Rows of one kind, as a table."""

    columns: Sequence[Column]
    rows: Sequence[Mapping[str, Any]]
    title: str = ""
    # Rows keep every key for JSON; `columns` choose what human formats and CSV show.
    notes: list[str] = field(default_factory=list)


@dataclass
class Record:
    """One object: a two-column table for humans, an object in JSON."""

    fields: Sequence[Column]
    data: Mapping[str, Any]
    title: str = ""
    sections: list[Listing] = field(default_factory=list)


def catalogue_columns(headings: Mapping[str, str]) -> tuple[Column, ...]:
    """Columns whose headings are catalogue keys: {"people": "heading.people"}."""
    from presence_postale.formats.words import say

    return tuple(Column(key, say(h, "fr"), say(h, "en")) for key, h in headings.items())


def human(value: Any, lang: str = "fr") -> str:
    """A value as people read it: French dates, `oui`/`non`, lists joined by commas."""
    if value is None:
        return ""
    if type(value) is str:  # most cells: nothing to convert
        return value
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("oui" if value else "non")
    if isinstance(value, datetime):
        return f"{format_day(value.date(), lang)} {value:%H:%M}"
    if isinstance(value, date):
        return format_day(value, lang)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float):
        return f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {human(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(human(v, lang) for v in value)
    return str(value)


def machine(value: Any) -> Any:
    """A value as JSON carries it: ISO dates and times, plain containers."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Mapping):
        return {str(k): machine(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [machine(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value


# Cells that a spreadsheet would run as a formula (CSV injection).
_PLAIN = (str, int, float)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any, *, guard: bool = True) -> str:
    """A value as a CSV cell; with `guard` (files people open in a spreadsheet), a cell that a
    spreadsheet would run as a formula gets a leading `'`."""
    if value is None:
        return ""
    if type(value) in _PLAIN:  # most cells: written as they are
        text = str(value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, list | tuple | set | frozenset):
        text = "|".join(str(machine(v)) for v in value)
    elif isinstance(value, Mapping):
        text = json.dumps(machine(value), ensure_ascii=False, sort_keys=True)
    else:
        text = str(machine(value))
    if guard and text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def render(
    data: Listing | Record, fmt: str, *, lang: str = "fr", width: int | None = None
) -> str | bytes:
    """The text of a listing or a record in `fmt`; the bytes of a workbook for `xlsx`."""
    from presence_postale.formats import marks  # illustrative records, approximate dates

    if fmt == "xlsx":
        from presence_postale.formats import xlsx

        # A workbook carries the marks as a CSV does: columns a spreadsheet can filter on.
        if isinstance(data, Record):
            return xlsx.record(marks.annotate_record(data, "csv", lang), lang)
        return xlsx.listing(marks.annotate(data, "csv", lang), lang)
    if isinstance(data, Record):
        return _render_record(marks.annotate_record(data, fmt, lang), fmt, lang, width)
    data = marks.annotate(data, fmt, lang)
    if fmt == "json":
        return to_json([dict(row) for row in data.rows])
    if fmt == "csv":
        return to_csv(data.columns, data.rows)
    if fmt == "markdown":
        return to_markdown(data, lang)
    if fmt == "html":
        return to_html_page(data.title, [data], lang)
    return to_table(data, lang, width)


def _clock(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"  # %H:%M, without strftime's cost


# The types a report holds by the ten thousand, converted without a chain of isinstance.
_JSON_EXACT: dict[type, Any] = {date: date.isoformat, datetime: datetime.isoformat, time: _clock}


def _json_default(value: Any) -> Any:
    convert = _JSON_EXACT.get(type(value))
    if convert is not None:
        return convert(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(value: Any) -> str:
    """Indented JSON, ISO dates, times as HH:MM (orjson: a national report is megabytes)."""
    import orjson

    options = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
    return orjson.dumps(value, default=_json_default, option=options).decode("utf-8") + "\n"


def to_csv(
    columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], delimiter: str = ","
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(c.key)) for c in columns])
    return out.getvalue()


def _md_cell(value: Any, lang: str) -> str:
    return markdown_text(human(value, lang), starts_line=False)


def to_markdown(listing: Listing, lang: str, level: int = 2) -> str:
    lines = []
    if listing.title:
        lines += [f"{'#' * level} {markdown_text(listing.title)}", ""]
    if listing.rows:
        lines.append("| " + " | ".join(c.header(lang) for c in listing.columns) + " |")
        lines.append("|" + "|".join("---" for _ in listing.columns) + "|")
        for row in listing.rows:
            cells = (_md_cell(row.get(c.key), lang) for c in listing.columns)
            lines.append("| " + " | ".join(cells) + " |")
    else:
        lines.append("_(aucune ligne)_" if lang != "en" else "_(no rows)_")
    for note in listing.notes:
        lines += ["", f"> {markdown_text(note)}"]
    return "\n".join(lines) + "\n"


_HTML_STYLE = (
    "body{font-family:Arial,Helvetica,sans-serif;color:#222;max-width:60em;margin:1em auto;}"
    "h1{font-size:1.4em;color:#003da5;}h2{font-size:1.15em;color:#003da5;margin-top:1.5em;}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0;}"
    "th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top;}"
    "th{background:#ffe100;}tr:nth-child(even) td{background:#f6f6f6;}"
    ".note{color:#8a4b00;}@media print{body{margin:0;max-width:none;}}"
)


def html_table(listing: Listing, lang: str, level: int = 2) -> str:
    parts = []
    if listing.title:
        tag = f"h{min(level, 6)}"
        parts.append(f"<{tag}>{html.escape(listing.title)}</{tag}>")
    if listing.rows:
        head = "".join(f"<th>{html.escape(c.header(lang))}</th>" for c in listing.columns)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(human(row.get(c.key), lang))}</td>" for c in listing.columns
            )
            + "</tr>"
            for row in listing.rows
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    else:
        parts.append(f"<p>{'(aucune ligne)' if lang != 'en' else '(no rows)'}</p>")
    parts += [f'<p class="note">{html.escape(note)}</p>' for note in listing.notes]
    return "\n".join(parts)


def to_html_page(title: str, listings: Sequence[Listing], lang: str, intro: str = "") -> str:
    """One self-contained page (inline style, no scripts) that prints and mails well."""
    body = "\n".join(html_table(listing, lang) for listing in listings)
    heading = f"<h1>{html.escape(title)}</h1>\n" if title else ""
    intro_html = f"<p>{html.escape(intro)}</p>\n" if intro else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "fr"}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f"<style>{_HTML_STYLE}</style>\n</head>\n<body>\n{heading}{intro_html}{body}\n"
        "</body>\n</html>\n"
    )


DEFAULT_WIDTH = 200  # when the output is not a terminal


def to_table(listing: Listing, lang: str, width: int | None = None) -> str:
    """An aligned plain-text table, cells taken literally (`[x]` is text, not markup).

    A table that fits the width is laid out as rich lays it out, each column as wide as its
    longest cell (a test keeps the two equal). One that does not fit is folded here: the widest
    columns narrow, first down to their longest word, and cells, headings, the title and notes
    wrap at spaces (a word longer than its column is cut). Only text with characters that do
    not each take one column (wide or combining characters, tabs) is left to rich, which
    measures them; rich costs a tenth of a second to load and lay out a table.
    """
    width = width or DEFAULT_WIDTH
    keys = [c.key for c in listing.columns]
    cells = [[human(row.get(key), lang) for key in keys] for row in listing.rows]
    text = _plain_table(listing, cells, lang, width)
    if text is None:
        text = _rich_table(listing, cells, lang, width)
    return text


# Characters beyond the Latin letters, whose width rich's table gives.
_BEYOND_LATIN = re.compile("[^\x00-\u02ff]")


def _one_column_wide(text: str) -> bool:
    """Whether every character of `text` takes exactly one column on a terminal. Beyond the
    Latin letters, rich's own table says (typographic quotes and dashes do: a national list
    holds them); it is loaded only then, and asked once for each such character."""
    if text.isascii():
        return text.isprintable()
    return text.isprintable() and all(_cells(ch) == 1 for ch in set(_BEYOND_LATIN.findall(text)))


def _cells(character: str) -> int:
    from rich.cells import get_character_cell_size

    return get_character_cell_size(character)


def _plain_table(
    listing: Listing, cells: list[list[str]], lang: str, width: int, *, fold: bool = True
) -> str | None:
    """The table laid out here, or None when rich must measure it (or, without `fold`, when
    it does not fit the width)."""
    empty = "(aucune ligne)" if lang != "en" else "(no rows)"
    headers = [c.header(lang) for c in listing.columns]
    prose = [listing.title or "", *listing.notes, "" if cells else empty]
    texts = [*prose, *headers, *itertools.chain.from_iterable(cells)]
    if not _one_column_wide("".join(texts)):  # one look at all the text
        return None
    if not fold and any(len(text) > width for text in prose):
        return None
    lines = _wrap(listing.title, width) if listing.title else []
    if cells:
        # A line: a space, then each column with a space either side and one between two;
        # the last column of the width stays free, as rich leaves it.
        room = width - 3 * len(headers) - 1
        widths = _column_widths(headers, cells, room if fold else None)
        if widths is None or sum(widths) > room:
            return None

        rule = " " + "\u2500" * (sum(widths) + 3 * len(widths) - 1)
        lines += ["", *_row_lines([headers], widths), rule, *_row_lines(cells, widths), ""]
    else:
        lines += _wrap(empty, width)
    for note in listing.notes:
        lines += _wrap(note, width)
    return "\n".join(text.rstrip() for text in lines).strip("\n") + "\n"


def _row_lines(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> Iterator[str]:
    """The lines of `rows`: a space, then each column with a space either side and one between
    two. A row whose cells fit their columns is one line, laid out by one format string (a
    national list has tens of thousands); the others wrap their cells."""
    layout = " " + " ".join(f" {{:<{w}}} " for w in widths)
    for texts in rows:
        if all(map(operator.le, map(len, texts), widths)):
            yield layout.format(*texts)
            continue
        parts = [_wrap(text, w) for text, w in zip(texts, widths, strict=True)]
        height = max(len(part) for part in parts)
        for i in range(height):
            yield layout.format(*(part[i] if i < len(part) else "" for part in parts))


def _column_widths(
    headers: Sequence[str], cells: list[list[str]], room: int | None
) -> list[int] | None:
    """Each column's width: its longest text, narrowed to share `room` when it is given and
    they do not fit. The widest column gives up a column at a time, while any is wider than
    its longest word; then words must be cut. None when `room` cannot hold one column each."""
    by_column = zip(*cells, strict=True)
    columns = [[header, *column] for header, column in zip(headers, by_column, strict=True)]
    widths = [max(map(len, column)) for column in columns]
    if room is None or sum(widths) <= room:
        return widths
    if room < len(widths):
        return None
    words = [max(map(len, " ".join(column).split()), default=1) for column in columns]
    for _ in range(sum(widths) - room):
        wide = [i for i, w in enumerate(widths) if w > words[i]] or [
            i for i, w in enumerate(widths) if w > 1
        ]
        widest = max(wide, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


# A word as rich wraps text: the spaces before the first, then each word with the spaces after.
_WORD = re.compile(r"\s*\S+\s*")


def _wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken where rich breaks it: before a word
    that does not fit, spaces inside a line kept; a word longer than a line is cut. Text that
    fits is kept as it is."""
    if len(text) <= width:
        return [text]
    breaks = [0]
    used = 0  # columns taken on the current line, the spaces after its last word included
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = len(word.rstrip())
        if width - used >= size:
            used += len(word)
        elif size > width:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for piece in pieces:
                if start:
                    breaks.append(start)
                start += len(piece)
            used = len(pieces[-1])
        elif used and start:
            breaks.append(start)
            used = len(word)
    ends = [*breaks[1:], len(text)]
    return [text[begin:end].rstrip() for begin, end in zip(breaks, ends, strict=True)]


def _rich_table(listing: Listing, cells: list[list[str]], lang: str, width: int) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False, emoji=False)
    if listing.title:
        console.print(Text(listing.title))
    if cells:
        table = Table(box=box.SIMPLE_HEAD)
        for column in listing.columns:
            table.add_column(Text(column.header(lang)), overflow="fold")
        for row in cells:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
    else:
        console.print(Text("(aucune ligne)" if lang != "en" else "(no rows)"))
    for note in listing.notes:
        console.print(Text(note))
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines())
    return text.strip("\n") + "\n"


def _render_record(record: Record, fmt: str, lang: str, width: int | None) -> str:
    if fmt == "json":
        return to_json(dict(record.data))
    pairs = Listing(
        columns=(Column("field", "champ", "field"), Column("value", "valeur", "value")),
        rows=[
            {"field": f.header(lang), "value": record.data.get(f.key), "key": f.key}
            for f in record.fields
        ],
        title=record.title,
    )
    if fmt == "csv":
        csv_pairs = [{"field": f.key, "value": record.data.get(f.key)} for f in record.fields]
        return to_csv(pairs.columns, csv_pairs)
    listings = [pairs, *record.sections]
    if fmt == "markdown":
        return "\n".join(to_markdown(listing, lang) for listing in listings)
    if fmt == "html":
        return to_html_page(record.title, listings, lang)
    return "".join(to_table(listing, lang, width) for listing in listings)
