"""Streamlit pieces shared by the profile pages: pickers, membership chips, share link, maps."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from atlas import eras, glossary, i18n, links, load, maps, places, profiles, suggesting
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.tables import Atlas
from atlas.widgets import friendly, here, translator, urlstate

CHIP_COLOURS = {"member": "blue", "suspended": "orange", "associate": "violet",
                "observer": "green", "candidate": "gray"}


def pick(param: str, choices: list[str], default: str, label: str, what: str,
         format_func=str) -> str:
    """A selectbox whose value lives in the URL parameter `param`, validated against `choices`."""
    if default not in choices and choices:  # hand-edited data may drop the usual default
        default = choices[0]
    value, problem = links.parse_choice(st.query_params.get_all(param), choices, default, what)
    friendly(problem and problem.showing(N_("Showing {default}."), default=format_func(default)))
    key = f"pick-{param}"
    urlstate.seed(key, value or default, param, valid=choices)
    picked = st.selectbox(label, choices, format_func=format_func, key=key)
    st.query_params[param] = picked
    urlstate.written(key, param)
    return picked


def follow_map_click(returned: object, key: str) -> None:
    """Put the country under the user's latest click on the map into the picker `key` (a click
    on the sea leaves the picker as it was)."""
    for kind, point in places.clicked_points(returned).items():
        seen = f"{key}-{kind}"
        if point != st.session_state.get(seen):
            st.session_state[seen] = point
            st.session_state[key] = load.country_at(*point) or st.session_state.get(key)


def membership_chips(current: pd.DataFrame, date: dt.date) -> None:
    """One chip per organisation: acronym, status in words, since when; each links to its page.
    Before an organisation existed, its chip says "predecessor of" it, on a line of its own with
    the predecessor's name below (the full name would not fit in a chip)."""
    t = translator()
    before = current.era == eras.PREDECESSOR
    cols = st.columns(max(1, min(3, int((~before).sum()))))  # three: "since before 2000" fits
    for i, (_, m) in enumerate(current[~before].iterrows()):
        with cols[i % len(cols)]:
            _chip(t, m, m.acronym, date)
    for _, m in current[before].iterrows():
        _chip(t, m, t("predecessor of the {acronym}", acronym=m.acronym), date)
        st.caption(for_markdown(
            t("On {date} the {acronym} did not exist yet. Shown instead: {predecessor}.",
              date=t.date(date), acronym=m.acronym, predecessor=eras.predecessor_label(t, m))
            + " " + t("Its channels and networks are not listed below.")))


def _chip(t: i18n.Translator, m: pd.Series, who: str, date: dt.date) -> None:
    """A badge (one Markdown element, with its "Suggest a correction" link) and the profile link."""
    status = glossary.label(t, "status", m.status)
    colour = CHIP_COLOURS.get(m.status, "gray")
    rid = suggesting.record_id("memberships", m)
    st.markdown(f":{colour}-badge[{for_markdown(f'{who} · {status} {eras.since_label(t, m.start_date)}')}]"
                f"  \n:small[{suggesting.record_link(t, 'memberships', rid, here())}]")
    st.page_link("pages/rigo.py", label=t("{acronym} profile →", acronym=for_markdown(m.acronym)),
                 query_params=date_params({"id": m.rigo_id}, date))


def former_notice(former: pd.DataFrame) -> None:
    t = translator()
    for _, f in former.iterrows():
        lost = "; ".join(f.lost_channels) or t("no channel open to national CSOs")
        note = (t("Note (in English):") + " " if t.code != i18n.DEFAULT else "") + f.note
        st.warning(for_markdown(t("Left {acronym} on {date}.", acronym=f.acronym,
                                  date=t.date(f.end_date)) + (f" {note} " if f.note else " ")
                                + t("Its CSOs lost direct use of: {lost}.", lost=lost)))


def date_params(params: dict[str, str], date: dt.date) -> dict[str, str]:
    """Link parameters plus the view's shared state: the as-of date unless it is today, and the
    language unless it is English."""
    lang = load.lang()
    return {**params, **({"date": date.isoformat()} if date != dt.date.today() else {}),
            **({"lang": lang} if lang != i18n.DEFAULT else {})}


def share_url(params: dict[str, str]) -> str:
    """This page's address with the given state (language and date included by `date_params`)."""
    base = (st.context.url or "").split("?")[0]
    kept = {k: v for k, v in params.items() if v}
    return base + ("?" + urlencode(kept) if kept else "")


def share_link(params: dict[str, str]) -> None:
    """The page's shareable URL as a plain link that wraps (no code box: its syntax highlighter
    is a 1.5 MB download)."""
    t = translator()
    url = share_url(params)
    st.markdown("**" + t("Copy link") + "** " + t("to share exactly this view:"))
    st.markdown(f"<div dir='ltr' style='overflow-wrap:anywhere'>{for_markdown(url)}</div>",
                unsafe_allow_html=True)


def footprint(atlas: Atlas, categories: dict[str, str], labels: dict[str, str], key: str,
              height: int = 360) -> None:
    """Countries coloured by status over the world's shapes; the base stays mounted and only the
    small lookup (colours, tooltips, fit) is re-sent when the view changes."""
    t = i18n.of(atlas)
    names = atlas.derived("country_names", profiles.country_names)
    words = {iso3: maps.status_word(t, label) for iso3, label in labels.items()}
    base = maps.footprint_base(t("Map of the countries listed on this page, coloured by status"))
    st_folium(base, key=key, height=height, use_container_width=True,
              returned_objects=[],
              feature_group_to_add=maps.footprint_layer(names, categories, words))
    shown = list(dict.fromkeys(categories.values()))
    st.markdown(maps.status_legend_html(t, shown), unsafe_allow_html=True)

