"""Reports laid out for people (table, Markdown, HTML) and for machines (JSON, CSV).

A report is a title and a list of blocks, each a heading and some listings or lines; the
renderer of `formats.render` draws the listings. One module per report (`weekly`,
`compliance`, `programme`, `usage`, `mediation`) turns its data into such a document, and into
JSON and CSV. Nothing here reads the clock: the same data gives byte-identical output.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from presence_postale.formats import words
from presence_postale.formats.markdown import markdown_text
from presence_postale.formats.render import (
    Listing,
    Text,
    html_table,
    to_csv,
    to_markdown,
    to_table,
)
from presence_postale.formats.table import underlined, wrap


@dataclass
class Block:
    heading: Text
    listings: Sequence[Listing] = field(default_factory=list)
    lines: Sequence[Text] = field(default_factory=list)
    level: int = 2
    # Charts (`<svg>`), shown above the listings in HTML only.
    figures: Sequence[str] = field(default_factory=list)


@dataclass
class Document:
    title: Text
    blocks: Sequence[Block]
    intro: Sequence[Text] = field(default_factory=list)


def render_document(doc: Document, fmt: str, lang: str, width: int | None = None) -> str | bytes:
    """The document as Markdown, an HTML page, a workbook (`xlsx`), or plain text (for a
    terminal or a cron mail); its illustrative rows marked (`marks`)."""
    from presence_postale.formats import marks

    # A workbook carries the marks as a CSV does: columns a spreadsheet can filter on.
    marked = "csv" if fmt == "xlsx" else fmt
    blocks = [
        replace(block, listings=[marks.annotate(x, marked, lang) for x in block.listings])
        for block in doc.blocks
    ]
    doc = replace(doc, blocks=blocks)
    if fmt == "xlsx":
        from presence_postale.formats import xlsx

        return xlsx.document(doc, lang)
    title = words.text(doc.title, lang)
    intro = [words.text(line, lang) for line in doc.intro]
    if fmt == "markdown":
        return _markdown(doc, title, intro, lang)
    if fmt == "html":
        return _html(doc, title, intro, lang)
    parts = [*underlined(title, "=", width), *(p for line in intro for p in wrap(line, width)), ""]
    for block in doc.blocks:
        parts += underlined(words.text(block.heading, lang), "-", width)
        for listing in block.listings:
            parts.append(to_table(listing, lang, width).rstrip("\n"))
            parts.append("")
        for line in block.lines:
            folded = wrap(words.text(line, lang), None if width is None else width - 4)
            parts += [("  • " if n == 0 else "    ") + part for n, part in enumerate(folded)]
        parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def _markdown(doc: Document, title: str, intro: list[str], lang: str) -> str:
    parts = [f"# {markdown_text(title)}", ""]
    parts += [*(markdown_text(line) for line in intro), ""] if intro else []
    for block in doc.blocks:
        parts += [f"{'#' * block.level} {markdown_text(words.text(block.heading, lang))}", ""]
        for listing in block.listings:
            parts.append(to_markdown(listing, lang, level=block.level + 1))
        parts += [f"- {markdown_text(words.text(line, lang))}" for line in block.lines]
        if block.lines:
            parts.append("")
    return "\n".join(parts).rstrip("\n") + "\n"


def _html(doc: Document, title: str, intro: list[str], lang: str) -> str:
    body = [f"<p>{html.escape(line)}</p>" for line in intro]
    for block in doc.blocks:
        tag = f"h{min(block.level, 6)}"
        body.append(f"<{tag}>{html.escape(words.text(block.heading, lang))}</{tag}>")
        body += [f"<figure>{figure}</figure>" for figure in block.figures]
        body += [html_table(listing, lang, block.level + 1) for listing in block.listings]
        if block.lines:
            items = "".join(
                f"<li>{html.escape(words.text(line, lang))}</li>" for line in block.lines
            )
            body.append(f"<ul>{items}</ul>")
    from presence_postale.formats.html_page import page

    return page(title, f"<h1>{html.escape(title)}</h1>\n" + "\n".join(body), lang)


def rows_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """A report's rows as CSV: the columns' keys, codes and ISO dates."""
    return to_csv(columns, rows)
