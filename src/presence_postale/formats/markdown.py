"""Text placed in Markdown: it reads as the text it is, whatever it holds."""

from __future__ import annotations

import re

# Markdown that text from the database must not make: inline HTML and autolinks (`<`), links
# and images (`[`, `]`), code, emphasis, strikethrough, entities, table cells (`|`), headings.
# A note mark (`[1]`) is left as it is: followed by no `(`, `:` or `[`, it links nowhere, as
# every definition it could name would be escaped.
_MD_PUNCTUATION = re.compile(
    r"(\[[0-9]{1,3}\](?![(:\[]))|[\\`*\[\]<>|#&~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"
)
# What starts a block when it starts a line (a list item, a numbered one).
_MD_LINE_START = re.compile(r"^([-+])|^([0-9]+)([.)])")
# Spaces and line breaks, not the no-break spaces of French typography (`12,5 %`, `« x »`).
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# Bare addresses a GitHub-flavoured renderer would turn into links.
_MD_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def markdown_text(value: str, *, starts_line: bool = True) -> str:
    """Text placed in Markdown as it reads, whatever it holds: one line (line breaks become
    spaces, so a name cannot end a heading or a table row), its Markdown punctuation escaped
    (`<b>`, `[x](http://…)`, `|`, `# title` stay text), no bare link; at the start of a line,
    no list marker either."""
    text = " ".join(_BREAKS.split(value)).strip()
    text = _MD_PUNCTUATION.sub(lambda m: m[0] if m[1] else "\\" + m[0], text)
    text = _MD_AUTOLINK.sub(lambda m: m[0].replace(":", "\\:").replace(".", "\\."), text)
    if not starts_line:
        return text
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
