"""The weekly report as one HTML page: the summary's counts, each linked to the first of its
kind; the week at a glance (one row per site, one column per day; the hours, or « fermé », the
holiday or « inconnu », and the day's permanences, bookings and sessions as blocks linked to
their details); the details of each site, empty sections folded into one line; the warnings.

The first two print on a landscape A4 page, the rest in portrait (`html_page.STYLE`).
"""

from __future__ import annotations

import html
from datetime import date

from presence_postale.formats import words
from presence_postale.formats.html_page import page, typeset
from presence_postale.formats.weekly_view import (
    KIND_KEYS,
    KINDS,
    SECTION_KEYS,
    Cell,
    Item,
    SiteView,
    WeekView,
    clock,
    item_line,
)


def weekly_page(view: WeekView) -> str:
    lang = view.lang
    first = [
        f"<h1>{typeset(view.title, lang)}</h1>",
        f'<h2 id="en-bref">{typeset(view.say("weekly.summary"), lang)}</h2>',
        _summary(view),
    ]
    if view.sites:
        first += [
            f'<h2 id="apercu">{typeset(view.say("weekly.glance"), lang)}</h2>',
            _glance(view),
        ]
    body = ['<section class="week">', *first, "</section>"]
    if view.sites:
        body.append(f'<h2 id="detail">{typeset(view.say("weekly.details"), lang)}</h2>')
        body += [_site(site, view) for site in view.sites]
    else:
        body.append(f'<p class="empty">{typeset(view.say("weekly.no_site"), lang)}</p>')
    body.append(_warnings(view))
    return page(view.title, "\n".join(body), lang)


def _link(text: str, target: str | None, lang: str, css: str = "") -> str:
    shown = typeset(text, lang)
    if target is None:
        return f'<span class="zero">{shown}</span>'
    return f'<a href="#{target}"{css}>{shown}</a>'


def _summary(view: WeekView) -> str:
    lang = view.lang
    items = []
    for n, count in enumerate(view.summary):
        line = _link(count.text, count.anchor, lang)
        if n == 1 and count.count:  # the permanences, then their statuses
            of = ", ".join(_link(c.text, c.anchor, lang) for c in view.statuses)
            line += f'<span class="of">{typeset(view.say("weekly.statuses"), lang)} {of}</span>'
        items.append(f"<li>{line}</li>")
    return '<ul class="summary">' + "".join(items) + "</ul>"


def _day_heading(day: date, lang: str) -> str:
    name = words.catalogue(lang).DAY_NAMES[day.weekday()]
    return f"{name} {day.day:02d}/{day.month:02d}"


def _glance(view: WeekView) -> str:
    lang = view.lang
    head = f'<th scope="col">{typeset(view.say("weekly.site"), lang)}</th>' + "".join(
        f'<th scope="col">{typeset(_day_heading(day, lang), lang)}</th>' for day in view.days
    )
    rows = []
    for site in view.sites:
        header = (
            f'<th scope="row"><a href="#{site.anchor}">{typeset(site.name, lang)}</a>'
            f'<span class="where">{typeset(site.where, lang)}</span></th>'
        )
        cells = "".join(_cell(cell, lang) for cell in site.cells)
        rows.append(f"<tr>{header}{cells}</tr>")
    return (
        '<table class="glance"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table>"
    )


def _cell(cell: Cell, lang: str) -> str:
    if cell.intervals:
        hours = "<br>".join(f"{clock(a)}–{clock(b)}" for a, b in cell.intervals)
    else:
        hours = typeset(cell.word, lang)
    blocks = "".join(_block(item, lang) for item in cell.items)
    return f'<td class="{cell.state}"><span class="hours">{hours}</span>{blocks}</td>'


def _block(item: Item, lang: str) -> str:
    kind = words.say(KIND_KEYS[item.kind], lang)
    status = "" if item.status == "scheduled" else item.status_label
    tip = item_line(item, lang)
    parts = [
        f'<span class="time">{clock(item.start)}–{clock(item.end)}</span> ',
        typeset(kind, lang),
        f" · {typeset(item.who, lang)}",
    ]
    if status:
        parts.append(f'<span class="status">{typeset(status, lang)}</span>')
    css = f"item {item.kind} {html.escape(item.status)}"
    return f'<a class="{css}" href="#{item.anchor}" title="{html.escape(tip)}">{"".join(parts)}</a>'


def _site(site: SiteView, view: WeekView) -> str:
    lang = view.lang
    parts = [
        f'<section class="site" id="{site.anchor}">',
        f"<h3>{typeset(site.name, lang)}</h3>",
        f'<p class="meta">{typeset(site.meta, lang)}</p>',
        f"<p>{typeset(site.hours, lang)}</p>",
    ]
    for kind in KINDS:
        if not site.items[kind]:
            continue
        parts.append(f"<h4>{typeset(view.say(SECTION_KEYS[kind]), lang)}</h4>")
        lines = "".join(
            f'<li id="{item.anchor}">{typeset(item_line(item, lang), lang)}</li>'
            for item in site.items[kind]
        )
        parts.append(f'<ul class="items">{lines}</ul>')
    if site.empty:
        parts.append(f'<p class="empty">{typeset(site.empty, lang)}</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _warnings(view: WeekView) -> str:
    lang = view.lang
    heading = f'<h2 id="alertes">{typeset(view.say("weekly.warnings"), lang)}</h2>'
    if not view.warnings:
        return f"{heading}\n<p>{typeset(view.say('weekly.no_warnings'), lang)}</p>"
    items = "".join(f'<li id="{a}">{typeset(text, lang)}</li>' for a, text in view.warnings)
    return f"{heading}\n<ul>{items}</ul>"
