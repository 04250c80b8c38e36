"""The weekly report as text: for a terminal or a cron mail (`table`), and as Markdown.

The same order as the HTML page: the summary's counts; the week at a glance as a compact grid
(one row per site, one column per day) when it fits the width, else with days as rows when
that fits, else left out with a line saying why (each site's details then give its hours);
each site's details, empty sections folded into one line; the warnings.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import time

from presence_postale.formats import words
from presence_postale.formats.markdown import markdown_text
from presence_postale.formats.table import indented, underlined, wrap
from presence_postale.formats.weekly_view import (
    KINDS,
    MARK_KEYS,
    SECTION_KEYS,
    Cell,
    SiteView,
    WeekView,
    clock,
    item_line,
)

DEFAULT_WIDTH = 200  # when the output is not a terminal (render.DEFAULT_WIDTH)
SITE_COLUMN = 20
DAY_COLUMN = 11


def weekly_table(view: WeekView, width: int | None) -> str:
    """Lines wrap at a terminal's `width`; without one (a pipe, a file) long lines stay whole
    and the grid is bounded by `DEFAULT_WIDTH`."""
    limit = width or DEFAULT_WIDTH
    out = [*underlined(view.title, "=", width), ""]
    out += _heading(view.say("weekly.summary"))
    out += [_bullet(line, width) for line in _summary_lines(view)]
    if view.sites:
        grid = _grid(view, limit)
        out += ["", *_heading(view.say("weekly.glance"))]
        if grid is None:
            needed = _grid_width(view)
            out.append(_wrap(view.say("weekly.grid_too_wide", needed=needed, width=limit), width))
        else:
            out += [*grid, "", _wrap(view.say("weekly.legend"), width)]
        out += ["", *_heading(view.say("weekly.details"))]
        for site in view.sites:
            out += ["", *_site_text(site, view, width, with_days=grid is None)]
    else:
        out += ["", _wrap(view.say("weekly.no_site"), width)]
    out += ["", *_heading(view.say("weekly.warnings"))]
    lines = [text for _, text in view.warnings] or [view.say("weekly.no_warnings")]
    out += [_bullet(line, width) for line in lines]
    return "\n".join(line.rstrip() for line in out) + "\n"


def _heading(text: str) -> list[str]:
    return [text, "-" * len(text)]


def _wrap(text: str, width: int | None, indent: str = "", hanging: str = "") -> str:
    """`text` indented, and folded at `width` when there is one (`table.wrap`)."""
    return "\n".join(indented(text, width, indent, hanging))


def _bullet(text: str, width: int | None, indent: str = "  ") -> str:
    return _wrap(text, width, f"{indent}• ", f"{indent}  ")


def _summary_lines(view: WeekView) -> list[str]:
    lines = [count.text for count in view.summary]
    if view.summary[1].count:
        statuses = ", ".join(count.text for count in view.statuses)
        lines[1] = f"{lines[1]}, {view.say('weekly.statuses')} {statuses}"
    return lines


# ---- the grid -------------------------------------------------------------------------------


def _compact(moment: time, lang: str) -> str:
    """9h, 14h30 (French); 9:00, 14:30 (English)."""
    if lang == "fr":
        return f"{moment.hour}h{moment.minute:02d}" if moment.minute else f"{moment.hour}h"
    return f"{moment.hour}:{moment.minute:02d}"


def _cell_lines(cell: Cell, lang: str, *, fold: bool = True) -> list[str]:
    if cell.intervals:
        lines = [f"{_compact(a, lang)}-{_compact(b, lang)}" for a, b in cell.intervals]
    elif fold:
        lines = wrap(cell.word, DAY_COLUMN)
    else:
        lines = [cell.word]
    for item in cell.items:
        mark = words.say(MARK_KEYS[item.kind], lang)
        lines.append(f"{mark} {_compact(item.start, lang)}-{_compact(item.end, lang)}")
        if item.quiet or item.status == "moved":
            lines.append(f"  {item.status_label.lower()}")
    return lines


def _day_heading(view: WeekView, n: int) -> str:
    day = view.days[n]
    short = words.catalogue(view.lang).DAY_ABBREVIATIONS[day.weekday()]
    return f"{short} {day.day:02d}/{day.month:02d}"


def _columns(text: str) -> int:
    """Terminal columns of `text`: wide characters take two, combining ones none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _columns(text))


def _matrix(view: WeekView) -> tuple[list[list[str]], list[list[list[str]]]]:
    """The header row and, per site, the header cell and the day cells, each as lines."""
    lang = view.lang
    header = [[view.say("weekly.site")], *([_day_heading(view, n)] for n in range(7))]
    rows = [
        [
            wrap(site.name, SITE_COLUMN) if site.name else [site.site_id],
            *(_cell_lines(cell, lang) for cell in site.cells),
        ]
        for site in view.sites
    ]
    return header, rows


def _layout(header: Sequence[list[str]], rows: Sequence[Sequence[list[str]]]) -> list[str]:
    table = [header, *rows]
    widths = [max(_columns(line) for row in table for line in row[i]) for i in range(len(header))]
    out = []
    for n, row in enumerate(table):
        height = max(len(cell) for cell in row)
        for i in range(height):
            parts = [
                _pad(cell[i] if i < len(cell) else "", w)
                for cell, w in zip(row, widths, strict=True)
            ]
            out.append(" " + "  ".join(parts))
        if n == 0:
            out.append(" " + "\u2500" * (sum(widths) + 2 * (len(widths) - 1)))
        elif n < len(table) - 1:
            out.append("")
    return out


def _grid_width(view: WeekView) -> int:
    header, rows = _matrix(view)
    return max(_columns(line) for line in _layout(header, rows))


def _grid(view: WeekView, width: int) -> list[str] | None:
    """Sites as rows; else days as rows; None when neither fits the width."""
    header, rows = _matrix(view)
    lines = _layout(header, rows)
    if max(_columns(line) for line in lines) < width:
        return lines
    turned_header = [[""], *(row[0] for row in rows)]
    turned = [[header[n + 1], *(row[n + 1] for row in rows)] for n in range(7)]
    lines = _layout(turned_header, turned)
    if max(_columns(line) for line in lines) < width:
        return lines
    return None


# ---- details ------------------------------------------------------------------------------


def _day_line(cell: Cell, view: WeekView) -> str:
    hours = ", ".join(f"{clock(a)}-{clock(b)}" for a, b in cell.intervals) or cell.word
    return f"{words.day(cell.day, view.lang)} : {hours}"


def _site_text(site: SiteView, view: WeekView, width: int | None, *, with_days: bool) -> list[str]:
    out = [_wrap(site.name, width), _wrap(site.meta, width, "  "), _wrap(site.hours, width, "  ")]
    if with_days and any(cell.state != "unknown" for cell in site.cells):
        out += [_bullet(_day_line(cell, view), width, "    ") for cell in site.cells]
    for kind in KINDS:
        if site.items[kind]:
            out.append(f"  {view.say(SECTION_KEYS[kind])}")
            out += [_bullet(item_line(item, view.lang), width, "    ") for item in site.items[kind]]
    if site.empty:
        out.append(_wrap(site.empty, width, "  "))
    return out


# ---- Markdown -----------------------------------------------------------------------------


def _md(text: str) -> str:
    """A table cell's text: what it holds (a name's markup, links, pipes) stays text."""
    return markdown_text(text, starts_line=False)


def weekly_markdown(view: WeekView) -> str:
    lang = view.lang
    out = [f"# {markdown_text(view.title)}", "", f"## {view.say('weekly.summary')}", ""]
    out += [f"- {markdown_text(line)}" for line in _summary_lines(view)]
    if view.sites:
        out += ["", f"## {view.say('weekly.glance')}", ""]
        header = [view.say("weekly.site"), *(_day_heading(view, n) for n in range(7))]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for site in view.sites:
            cells = [_md(site.name)] + [
                "<br>".join(_md(line.strip()) for line in _cell_lines(cell, lang, fold=False))
                for cell in site.cells
            ]
            out.append("| " + " | ".join(cells) + " |")
        out += ["", view.say("weekly.legend"), "", f"## {view.say('weekly.details')}"]
        for site in view.sites:
            # Names, addresses and reasons come from the database: escaped, one line each.
            out += ["", f"### {markdown_text(site.name)}", "", markdown_text(site.meta)]
            out += ["", markdown_text(site.hours)]
            for kind in KINDS:
                if site.items[kind]:
                    out += ["", f"#### {view.say(SECTION_KEYS[kind])}", ""]
                    out += [
                        f"- {markdown_text(item_line(item, lang))}" for item in site.items[kind]
                    ]
            if site.empty:
                out += ["", markdown_text(site.empty)]
    else:
        out += ["", view.say("weekly.no_site")]
    out += ["", f"## {view.say('weekly.warnings')}", ""]
    lines = [text for _, text in view.warnings] or [view.say("weekly.no_warnings")]
    out += [f"- {markdown_text(line)}" for line in lines]
    return "\n".join(out) + "\n"
