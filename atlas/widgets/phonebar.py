"""On a phone the sidebar is folded away: the language and the date also sit at the top of the
page, in a small menu shown only on narrow screens (style.py), bound to the same URL state."""

from __future__ import annotations

import streamlit as st

from atlas import i18n, links
from atlas.widgets import language, today

LANG, DATE = "phone-lang", "phone-date"


def _lang_changed() -> None:
    # The URL is the shared state: the sidebar's picker is re-seeded from it on this rerun.
    st.query_params["lang"] = st.session_state[LANG]


def _date_changed() -> None:
    day = st.session_state[DATE]
    if day and day != today():
        st.query_params["date"] = day.isoformat()
    else:
        st.query_params.pop("date", None)


def show(t: i18n.Translator) -> None:
    """The phone menu: language and date, written to the URL like the sidebar's own pickers."""
    day, _problem = links.parse_date(st.query_params.get_all("date"), today())
    st.session_state[LANG] = t.code
    st.session_state[DATE] = day
    box = st.container(key="phone-bar")
    menu = box.popover(t("Language and date: {language}, {date}",
                         language=i18n.NATIVE_NAMES.get(t.code, t.code), date=t.date(day)))
    menu.selectbox(t("Language"), language.offered(), key=LANG, on_change=_lang_changed,
                   format_func=lambda c: i18n.NATIVE_NAMES.get(c, c))
    menu.date_input(t("Show the situation on"), min_value=links.EARLIEST, max_value=today(),
                    key=DATE, format="YYYY-MM-DD", on_change=_date_changed)
