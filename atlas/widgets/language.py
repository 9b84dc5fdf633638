"""The session's language: chosen from the URL, the user's earlier choice or the browser, shown
as a picker in the sidebar, kept in the URL, and the page laid out right to left for Arabic."""

from __future__ import annotations

import streamlit as st

from atlas import i18n, links, load
from atlas.escape import for_markdown
from atlas.i18n import pseudo
from atlas.widgets import urlstate

KEY = "lang-picker"
FONT = "/app/static/vendor/fonts/noto-sans-arabic-arabic-{weight}-normal.woff2"
# Right to left without reversing Latin runs: direction on the containers, bidi isolation on
# blocks (never bidi-override, which scrambles acronyms, URLs and digits inside Arabic text).
RTL_CSS = """<style>
@font-face {font-family: "Noto Sans Arabic"; font-weight: 400; font-display: swap;
  src: url("REGULAR") format("woff2");}
@font-face {font-family: "Noto Sans Arabic"; font-weight: 700; font-display: swap;
  src: url("BOLD") format("woff2");}
[data-testid="stMain"], [data-testid="stSidebar"] {direction: rtl;}
[data-testid="stMain"] :is(h1, h2, h3, h4, p, li, label, td, th, button, input,
  span:not([data-testid="stIconMaterial"])),
[data-testid="stSidebar"] :is(h1, h2, h3, p, li, label, button, input,
  span:not([data-testid="stIconMaterial"])) {
  font-family: "Noto Sans Arabic", "Source Sans", sans-serif !important;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li,
h1, h2, h3, [data-testid="stCaptionContainer"], td, th {unicode-bidi: plaintext; text-align: start;}
[data-testid="stMain"] code {direction: ltr; unicode-bidi: isolate;}
[data-testid="stVegaLiteChart"] {direction: ltr;}
</style>""".replace("REGULAR", FONT.format(weight=400)).replace("BOLD", FONT.format(weight=700))


def offered() -> list[str]:
    return [*i18n.LANGS, *([pseudo.CODE] if pseudo.enabled() else [])]


def _from_url(offered: list[str]) -> tuple[str | None, str | None]:
    """The URL's language, or (None, the unusable value as it may be shown)."""
    raw = st.query_params.get("lang")
    if not raw:
        return None, None
    code, problem = links.parse_choice(raw, offered, None, "language")
    return code, links.shown(str(raw)) if problem else None


def choose() -> i18n.Translator:
    """Decide the language of this run, draw the picker, keep the choice; returns its translator.

    Order: ?lang=, else the choice made earlier in this session, else the browser's language,
    else English.
    """
    codes = offered()
    code, problem = _from_url(codes)
    earlier = st.session_state.get(load.LANG_KEY)
    fallback = earlier or i18n.from_locale(st.context.locale) or i18n.DEFAULT
    urlstate.seed(KEY, code or fallback, "lang", valid=codes)
    # The frame's widget gets a new identity on every page (Streamlit keys it by the page run), so
    # its value is handed over explicitly, or a click to another page would reset the language.
    st.session_state[KEY] = st.session_state[KEY]
    picked = st.session_state[KEY]
    t = i18n.translator(picked)
    st.sidebar.selectbox(t("Language"), codes, key=KEY,
                         format_func=lambda c: i18n.NATIVE_NAMES.get(c, c))
    picked = st.session_state[KEY]
    st.session_state[load.LANG_KEY] = picked
    if picked == i18n.DEFAULT and not st.query_params.get("lang"):
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = picked
    urlstate.written(KEY, "lang")
    t = i18n.translator(picked)
    if problem:
        st.info(for_markdown(t("We don't know the language '{value}'. Showing {language}.",
                               value=problem,
                               language=i18n.NATIVE_NAMES.get(picked, picked))))
    if t.rtl:
        st.html(RTL_CSS)
    return t
