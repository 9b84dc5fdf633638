"""Make data text safe for HTML, for folium's JavaScript template literals, and for spreadsheets;
keep it in its own direction inside text of the other direction (`isolate`)."""

from __future__ import annotations

import html
from urllib.parse import quote

import pandas as pd

_TEMPLATE_ESCAPES = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})
_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+-.!|~$"})
# Full-width signs too: some spreadsheets in East Asian locales read them as formulas.
# Bidi embeddings, overrides and isolates: data text brings none of its own (an unmatched one
# would reorder the text after it, or disguise it).
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
FSI, PDI = "\u2068", "\u2069"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def for_html(text: object) -> str:
    """Escape for HTML and for JavaScript template literals (folium tooltips and popups)."""
    return html.escape("" if text is None else str(text), quote=True).translate(_TEMPLATE_ESCAPES)


def for_script(text: object) -> str:
    """A JavaScript string literal that cannot end its <script> element or break out of it."""
    import json

    literal = json.dumps(str(text), ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        literal = literal.replace(char, code)
    return literal


def for_markdown(text: object) -> str:
    """Escape Markdown and HTML specials so that data text shows literally in st.markdown."""
    return html.escape("" if text is None else str(text), quote=False).translate(_MARKDOWN_SPECIALS)


def isolate(text: object) -> str:
    """Text (already escaped for where it goes) between FIRST STRONG ISOLATE and POP DIRECTIONAL
    ISOLATE: it keeps its own direction and cannot reorder its neighbours, as <bdi> does in HTML
    (which Markdown cannot carry). An acronym in brackets inside an Arabic name, or a Latin name
    between Arabic parts, stays in place. '' stays ''."""
    inner = "" if text is None else str(text).translate(_BIDI_CONTROLS)
    return f"{FSI}{inner}{PDI}" if inner else ""


def table_for_markdown(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of df for st.table, which renders Markdown in its cells, headers and index: every
    text escaped, so a cell can hold no image, link or emphasis."""
    out = df.apply(lambda col: col.map(lambda v: for_markdown(v) if isinstance(v, str) else v))
    out.columns = [for_markdown(c) for c in out.columns]
    if out.index.dtype == object or pd.api.types.is_string_dtype(out.index):
        out.index = [for_markdown(i) for i in out.index]
    return out


def neutralise_formula(value: object) -> object:
    """Prefix a quote to text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    """Plain numbers such as a longitude '-87.19' are data, not formulas."""
    try:
        float(text)
    except ValueError:
        return False
    return text.strip() == text and text.lstrip("+-").replace(".", "", 1).isdigit()


def for_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of df whose text cells cannot run as spreadsheet formulas."""
    return df.apply(lambda col: col.map(neutralise_formula) if col.dtype == object or
                    pd.api.types.is_string_dtype(col) else col)


def for_href(url: object) -> str:
    """An http(s) URL made safe to put in a link target, or '' for anything else."""
    text = "" if url is None else str(url).strip()
    if not text.lower().startswith(("http://", "https://")):
        return ""
    return quote(text, safe=":/?#[]@!$&'*+,;=%-._~")


def for_page_href(url: object) -> str:
    """A relative link to one of our own pages ('/page?query') made safe to put in a link target,
    or '' for anything else (another site, a scheme, '//host', backslashes)."""
    text = "" if url is None else str(url).strip()
    if not text.startswith("/") or text.startswith("//") or "\\" in text:
        return ""
    return quote(text, safe="/?&=%+-._~:*")
