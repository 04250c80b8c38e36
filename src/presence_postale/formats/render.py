"""One output path: every listing and record becomes table, JSON, CSV, Markdown or HTML here.

Services return plain data; commands describe it with `Column`s and call `render`. Machine
formats (JSON, CSV) carry stable English snake_case keys, codes and ISO dates; human formats
(table, Markdown, HTML) carry the headings, labels and dates of the chosen language, from the
catalogues of `formats.words`. A CSV for Excel (`excel=True`) keeps the keys and codes and is
written the way a French Excel opens it (UTF-8 with a BOM, `;`, CRLF, decimal commas).
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from presence_postale.errors import Label, Message
from presence_postale.formats import words
from presence_postale.formats.markdown import markdown_text
from presence_postale.formats.table import lay_out

Text = str | Message
# The formats written for people (headings, labels and dates of a language).
PEOPLE_FORMATS = ("table", "markdown", "html")


@dataclass(frozen=True)
class Column:
    """A column: the row's `key`; its heading: a code of the headings (the key by default),
    or a message or label when it says more (`à moins de 5 km`); and how people read its
    cells (`shown`): as they are, as the labels of a vocabulary's codes (its name), as a
    recurrence rule in words (`rule`), a holiday's name (`holiday`), a ratio as a percentage
    (`percent`) or a `YYYY-MM` month in words (`month`)."""

    key: str
    heading: str | Message | Label = ""
    shown: str = ""

    def header(self, lang: str) -> str:
        if isinstance(self.heading, Message | Label):
            return words.cell(self.heading, lang)
        return words.heading(self.heading or self.key, lang)

    def cell(self, value: Any, lang: str) -> str:
        if type(value) is str and not self.shown:  # most cells: nothing to convert
            return value
        if value is None or not self.shown or isinstance(value, Message | Label):
            return words.cell(value, lang)
        shown = _SHOWN.get(self.shown)
        if shown is not None:
            return shown(value, lang)
        if isinstance(value, list | tuple):
            return ", ".join(words.label(self.shown, code, lang) for code in value)
        return words.label(self.shown, value, lang)


_SHOWN: dict[str, Callable[[Any, str], str]] = {
    "rule": words.rule,
    "holiday": words.holiday,
    "percent": words.percent,
    "month": lambda text, lang: words.month(int(text[:4]), int(text[5:7]), lang),
}


@dataclass(frozen=True)
class StandardColumn(Column):
    """A column of a national standard's file (LaMednum, the Coop): headed by the standard's
    own name for it, in every language."""

    def header(self, lang: str) -> str:
        return self.key


@dataclass
class Listing:
    """Rows of one kind, as a table."""

    columns: Sequence[Column]
    rows: Sequence[Mapping[str, Any]]
    title: Text = ""
    # Rows keep every key for JSON; `columns` choose what human formats and CSV show.
    notes: list[Text] = field(default_factory=list)


@dataclass
class Record:
    """One object: a two-column table for humans, an object in JSON."""

    fields: Sequence[Column]
    data: Mapping[str, Any]
    title: Text = ""
    sections: list[Listing] = field(default_factory=list)


def human(value: Any, lang: str = words.DEFAULT_LANG) -> str:
    """A value as people read it in a table: `mardi 27/04/2021`, `oui`, lists joined."""
    if type(value) is str:  # most cells: nothing to convert
        return value
    return words.cell(value, lang)


# Values JSON carries as they are, by exact type (a bool is an int, an Enum member may be a str).
_AS_IS = frozenset({str, int, float, bool, type(None)})


def machine(value: Any) -> Any:
    """A value as JSON carries it: ISO dates and times, codes, plain containers; a message
    (a warning, a reason) as its kind and values."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Message):
        return {"kind": value.key, **machine(value.params)}
    if isinstance(value, Label):
        return value.code
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


def csv_cell(value: Any, excel: bool = False, *, guard: bool = True) -> str:
    """A value as a CSV cell (decimal commas for Excel); with `guard` (files people open in a
    spreadsheet), a cell that a spreadsheet would run as a formula gets a leading `'`."""
    if value is None:
        return ""
    if excel and type(value) is float:
        return repr(value).replace(".", ",")
    if type(value) in _PLAIN:  # most cells: written as they are
        text = str(value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, list | tuple | set | frozenset):
        text = "|".join(str(machine(v)) for v in value)
    elif isinstance(value, Mapping | Message):
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
    data: Listing | Record,
    fmt: str,
    *,
    lang: str = words.DEFAULT_LANG,
    width: int | None = None,
    excel: bool = False,
) -> str | bytes:
    """`data` in `fmt` (the bytes of a workbook for `xlsx`); a table folds to `width` (None:
    as wide as it needs). Illustrative records and approximate dates are marked on the way
    (`marks`), so that no command can forget them."""
    from presence_postale.formats import marks

    if fmt == "xlsx":
        from presence_postale.formats import xlsx

        # A workbook carries the marks as a CSV does: columns a spreadsheet can filter on.
        if isinstance(data, Record):
            return xlsx.record(marks.annotate_record(data, "csv", lang), lang)
        return xlsx.listing(marks.annotate(data, "csv", lang), lang)
    if isinstance(data, Record):
        return _render_record(marks.annotate_record(data, fmt, lang), fmt, lang, width, excel)
    data = marks.annotate(data, fmt, lang)
    if fmt == "json":
        return to_json([dict(row) for row in data.rows])
    if fmt == "csv":
        return to_csv([c.key for c in data.columns], data.rows, excel=excel)
    if fmt == "markdown":
        return to_markdown(data, lang)
    if fmt == "html":
        return to_html_page(words.text(data.title, lang), [data], lang)
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
    if isinstance(value, Message | Label):
        return machine(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(value: Any) -> str:
    """Indented JSON, ISO dates, times as HH:MM (orjson: a national report is megabytes)."""
    return to_json_bytes(value).decode("utf-8")


def to_json_bytes(value: Any) -> bytes:
    """`to_json`'s text in UTF-8, as it is written: a national report's megabytes are neither
    decoded into a string nor encoded back on their way out."""
    import orjson

    options = (
        orjson.OPT_INDENT_2
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_NON_STR_KEYS
        | orjson.OPT_APPEND_NEWLINE
    )
    return orjson.dumps(value, default=_json_default, option=options)


def to_csv(
    keys: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    *,
    excel: bool = False,
    guard: bool = True,
) -> str:
    """A header of `keys`, then a line per row; for Excel: BOM, `;`, CRLF, decimal commas;
    with `guard`, no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n"
    )
    writer.writerow(keys)
    for row in rows:
        writer.writerow([csv_cell(row.get(key), excel, guard=guard) for key in keys])
    return ("\ufeff" if excel else "") + out.getvalue()


def cells(listing: Listing, lang: str) -> list[list[str]]:
    """The listing's cells as people read them."""
    return [[c.cell(row.get(c.key), lang) for c in listing.columns] for row in listing.rows]


def _md_cell(text: str) -> str:
    return markdown_text(text, starts_line=False)


def to_markdown(listing: Listing, lang: str, level: int = 2) -> str:
    lines = []
    if listing.title:
        lines += [f"{'#' * level} {markdown_text(words.text(listing.title, lang))}", ""]
    if listing.rows:
        lines.append("| " + " | ".join(c.header(lang) for c in listing.columns) + " |")
        lines.append("|" + "|".join("---" for _ in listing.columns) + "|")
        for row in cells(listing, lang):
            lines.append("| " + " | ".join(_md_cell(cell) for cell in row) + " |")
    else:
        lines.append(f"_({words.say('table.empty', lang)})_")
    for note in listing.notes:
        lines += ["", f"> {markdown_text(words.text(note, lang))}"]
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
        parts.append(f"<{tag}>{html.escape(words.text(listing.title, lang))}</{tag}>")
    if listing.rows:
        head = "".join(f"<th>{html.escape(c.header(lang))}</th>" for c in listing.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in cells(listing, lang)
        )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    else:
        parts.append(f"<p>({html.escape(words.say('table.empty', lang))})</p>")
    parts += [
        f'<p class="note">{html.escape(words.text(note, lang))}</p>' for note in listing.notes
    ]
    return "\n".join(parts)


def to_html_page(title: str, listings: Sequence[Listing], lang: str, body: str = "") -> str:
    """One self-contained page (inline style, no scripts) that prints and mails well."""
    parts = [html_table(listing, lang) for listing in listings]
    content = "\n".join([*parts, body] if body else parts)
    heading = f"<h1>{html.escape(title)}</h1>\n" if title else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f"<style>{_HTML_STYLE}</style>\n</head>\n<body>\n{heading}{content}\n"
        "</body>\n</html>\n"
    )


def to_table(listing: Listing, lang: str, width: int | None = None) -> str:
    """An aligned plain-text table (see `formats.table`), folded to `width` when given."""
    return lay_out(
        title=words.text(listing.title, lang),
        headers=[c.header(lang) for c in listing.columns],
        rows=cells(listing, lang),
        notes=[words.text(note, lang) for note in listing.notes],
        empty=f"({words.say('table.empty', lang)})",
        width=width,
    )


def _render_record(record: Record, fmt: str, lang: str, width: int | None, excel: bool) -> str:
    if fmt == "json":
        return to_json(dict(record.data))
    if fmt == "csv":
        pairs = [{"field": f.key, "value": record.data.get(f.key)} for f in record.fields]
        return to_csv(["field", "value"], pairs, excel=excel)
    rows = [
        {"field": f.header(lang), "value": f.cell(record.data.get(f.key), lang)}
        for f in record.fields
    ]
    pairs_listing = Listing((Column("field"), Column("value")), rows, title=record.title)
    listings = [pairs_listing, *record.sections]
    if fmt == "markdown":
        return "\n".join(to_markdown(listing, lang) for listing in listings)
    if fmt == "html":
        return to_html_page(words.text(record.title, lang), listings, lang)
    return "".join(to_table(listing, lang, width) for listing in listings)
