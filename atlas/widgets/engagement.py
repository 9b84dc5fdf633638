"""Engagement windows and cases on a page: window cards, a country's or organisation's next
windows, "Add to my calendar" links, case cards (texts built and escaped in atlas modules)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas import casebook, i18n, links, load, windows
from atlas.escape import for_markdown, isolate
from atlas.tables import Atlas
from atlas.widgets import cards, here, today, translator

SHORT = 5  # windows in a profile's compact list


def lang_param() -> str | None:
    """The `lang` link parameter: the session's language unless it is English."""
    return load.lang() if load.lang() != i18n.DEFAULT else None


def add_to_calendar(kind: str = "", code: str = "") -> None:
    """A link to the .ics file (everything, an organisation or a country), when the ETL wrote one."""
    url = windows.ics_url(kind, code)
    if url:
        t = translator()
        st.markdown(t("[Add to my calendar]({url}) (iCalendar file: only dates a source "
                      "announces or records; none is invented)", url=url))


def window_cards(atlas: Atlas, chosen: pd.DataFrame, key: str) -> None:
    """Each window as a bordered card, a page at a time (the ? sign shows the English of a
    machine-translated text)."""
    lang = lang_param() or ""
    back = here()
    cards.paged([windows.card(atlas, w, lang, back) for w in chosen.itertuples(index=False)], key,
                cards.card)


def _line(atlas: Atlas, w, lang: str | None) -> str:
    t = i18n.of(atlas)
    page = links.page_link("rigo", {"id": w.rigo_id, "lang": lang})
    # Each data part isolated, the line in the page's direction: a line that began with a Latin
    # acronym would otherwise be laid out left to right in Arabic.
    return (f"- {t.mark}{t.label(isolate(f'[{for_markdown(w.acronym)}]({page})'))} "
            f"**{isolate(for_markdown(t.data(w.title)))}**. " + for_markdown(windows.timing(t, w)))


def next_windows(atlas: Atlas, iso3: str | None = None, rigo_id: str | None = None) -> None:
    """A profile's next windows: those of the next twelve months first, a few lines, then links to
    the full calendar and to the .ics file."""
    t = translator()
    view = load.calendar(today(), iso3, rigo_id, None, None)
    if view.windows.empty:
        st.markdown(t("No engagement window is recorded for these organisations yet."))
        return
    soon = list(dict.fromkeys(view.upcoming.window_id))
    first = view.windows.set_index("window_id").loc[soon].reset_index() if soon else view.windows
    rest = view.windows[~view.windows.window_id.isin(soon)]
    shown = pd.concat([first, rest]).head(SHORT)
    lang = lang_param()
    st.markdown("\n".join(_line(atlas, w, lang) for w in shown.itertuples(index=False)))
    params: dict[str, str] = {"iso3": iso3} if iso3 else {"rigo": rigo_id or ""}
    st.page_link("pages/calendar.py", query_params={**params, **({"lang": lang} if lang else {})},
                 label=t.n("The full calendar ({count} window) →", "The full calendar ({count} "
                           "windows) →", len(view.windows)))
    add_to_calendar("country" if iso3 else "rigo", iso3 or rigo_id or "")


def case_cards(atlas: Atlas, chosen: pd.DataFrame, key: str) -> None:
    """Each case as a bordered card with its sources, a page at a time (the ? sign shows the
    English of a machine-translated text)."""
    back = here()
    cards.paged([casebook.card(atlas, c, back) for c in chosen.itertuples(index=False)], key,
                cards.card)


def profile_cases(atlas: Atlas, iso3: str | None = None, rigo_id: str | None = None) -> None:
    """A profile's cases (those naming the country, or of the organisation) in an expander."""
    t = translator()
    chosen = casebook.choose(atlas, today(), rigo_id=rigo_id, iso3=iso3)
    if chosen.empty:
        st.markdown(t("No documented case is recorded here yet."))
    else:
        with st.expander(t.n("{count} documented case", "{count} documented cases", len(chosen))):
            case_cards(atlas, chosen, key=f"cases-{iso3 or rigo_id}")
    lang = lang_param()
    st.page_link("pages/cases.py", label=t("All cases →"),
                 query_params={**({"rigo": rigo_id} if rigo_id else {}),
                               **({"lang": lang} if lang else {})})
