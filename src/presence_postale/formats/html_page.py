"""What every HTML report page shares beyond `render.to_html_page`: the style of figures and
of the weekly grid, the print stylesheet (A4; the week at a glance on a landscape page), and
French typography (non-breaking spaces before « : ; ! ? », inside « », between a number and
its unit). The page stays one file: style in the page, no script, nothing fetched.

Plain-text formats keep ordinary spaces, so that tables stay measurable column by column.
"""

from __future__ import annotations

import html
import re

NBSP, NNBSP = "\u00a0", "\u202f"

STYLE = (
    "figure{margin:1em 0;}figcaption{font-size:.9em;color:#444;}"
    "figure svg{display:block;max-width:100%;height:auto;}"
    ".chart-data{font-size:.85em;}.chart-data summary{cursor:pointer;color:#003da5;}"
    ".meta{color:#555;margin:.2em 0;}.empty{color:#555;font-style:italic;}"
    ".summary{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em;}"
    ".summary li{border:1px solid #bbb;border-radius:4px;padding:.3em .6em;}"
    ".summary .zero{color:#777;}.summary .of{display:block;font-size:.85em;color:#444;}"
    ".glance{table-layout:fixed;font-size:.78em;}"
    ".glance th,.glance td{padding:3px 4px;overflow-wrap:anywhere;}"
    ".glance thead th{text-align:center;}"
    ".glance tbody th{background:#fff;font-weight:bold;width:15%;}"
    ".glance tbody th a{color:#003da5;}.glance .where{display:block;font-weight:normal;"
    "color:#555;}.glance tr:nth-child(even) td{background:none;}"
    ".glance tr td.closed,.glance tr td.holiday,.glance tr td.closure{background:#eeeeee;}"
    ".glance tr td.unknown{background:#fafafa;}.glance .hours{display:block;color:#333;}"
    ".glance td.holiday .hours,.glance td.closure .hours{font-style:italic;}"
    ".item{display:block;margin-top:3px;padding:2px 4px;border-left:4px solid #003da5;"
    "background:#e6ecf8;color:#111;text-decoration:none;border-radius:2px;}"
    ".item .time{font-weight:bold;}.item .status{display:block;font-style:italic;}"
    ".item.held{border-color:#1b7837;background:#e5f2e7;}"
    ".item.moved{border-color:#d95f02;background:#fdeee0;}"
    ".item.cancelled,.item.skipped{border-color:#888;background:#f0f0f0;color:#555;}"
    ".item.cancelled .time,.item.skipped .time{text-decoration:line-through;}"
    ".item.booking{border-color:#762a83;background:#f1e7f4;}"
    ".item.session{border-color:#01665e;background:#e0f1ee;}"
    ".items{padding-left:1.2em;}.site{margin-top:1.2em;}"
    ".site h3{margin-bottom:.1em;color:#003da5;}"
    "@page{size:A4;margin:12mm;}@page wide{size:A4 landscape;margin:10mm;}"
    "@media print{body{font-size:10pt;}a{color:inherit;text-decoration:none;}"
    ".week{page:wide;}.glance{font-size:8pt;}.glance tr,.site,figure{break-inside:avoid;}"
    "h2,h3{break-after:avoid;}.chart-data summary{display:none;}}"
)


def typeset(text: str, lang: str) -> str:
    """`text` escaped for HTML, with French typography's non-breaking spaces in French."""
    escaped = html.escape(text, quote=False)
    if lang != "fr":
        return escaped
    escaped = re.sub(r" ([;!?])", NNBSP + r"\1", escaped)
    escaped = re.sub(r" :", NBSP + ":", escaped)
    escaped = escaped.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
    escaped = re.sub(r"(\d) (h|%|€|km|min)(?![\w])", r"\1" + NBSP + r"\2", escaped)
    return escaped.replace("nº ", "nº" + NBSP)


def page(title: str, body: str, lang: str) -> str:
    """One self-contained page: the common style and this module's; `body` holds everything
    shown, the `<h1>` included (a landscape section may need to hold it)."""
    from presence_postale.formats.render import _HTML_STYLE

    return (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "fr"}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f"<style>{_HTML_STYLE}{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
