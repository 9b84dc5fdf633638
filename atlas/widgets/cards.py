"""Streamlit rendering of channel cards, grouped in bands; text from data is always escaped."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas import glossary
from atlas.escape import for_href, for_markdown
from atlas.pathways import BAND_LABELS, CLOSED, CONDITIONAL, OPEN
from atlas.tables import Atlas

BAND_MARKS = {OPEN: "✔", CONDITIONAL: "◐", CLOSED: "✖"}
BAND_COLOURS = {OPEN: "green", CONDITIONAL: "orange", CLOSED: "gray"}


_LINKS: dict[int, dict[str, str]] = {}


def _source_links(atlas: Atlas) -> dict[str, str]:
    """source_id -> its Markdown link, built once per loaded dataset (not once per card)."""
    key = id(atlas.sources)
    if key not in _LINKS:
        _LINKS.clear()
        _LINKS[key] = {
            s.source_id: (f"[{for_markdown(s.title)}]({for_href(s.url)})" if for_href(s.url)
                          else f"{for_markdown(s.title)} (seed document)")
            for s in atlas.sources.itertuples()
        }
    return _LINKS[key]


def _sources_line(atlas: Atlas, ids: tuple[str, ...]) -> str:
    links = _source_links(atlas)
    return " · ".join(f"[{n}] {links[sid]}" for n, sid in enumerate(ids, 1) if sid in links)


def channel_card(atlas: Atlas, ch: pd.Series) -> None:
    """One bordered card: band in words, badges, how to engage, requirements, sources."""
    with st.container(border=True):
        band = ch.get("band", "")
        if band:
            st.badge(f"{BAND_MARKS[band]} {BAND_LABELS[band]}", color=BAND_COLOURS[band])  # type: ignore[arg-type]
        st.markdown(f"**{for_markdown(ch['name'])}**  \n{for_markdown(ch.organ)}")
        badges = [glossary.channel_type(ch.channel_type), glossary.space(ch.space),
                  glossary.level(ch.participation_level)]
        st.caption(" · ".join(for_markdown(b) for b in badges if b))
        if ch.get("reasons"):
            verb = "Not open because" if band == CLOSED else "Open if"
            st.markdown(f"**{verb}:** {for_markdown(ch.reasons)}")
        st.markdown(f"**How to engage:** {for_markdown(ch.how_to_engage)}")
        for label, value in (("Requirements", ch.requirements), ("Who can apply",
                                                                 ch.eligibility_notes)):
            if value:
                st.markdown(f"**{label}:** {for_markdown(value)}")
        if for_href(ch.url):
            st.markdown(f"[Official page]({for_href(ch.url)})")
        verified = "verified" if ch.confidence == "verified" else "**unverified**: check before acting"
        st.caption(f"Last verified {ch.last_verified} · {verified} · "
                   f"Sources: {_sources_line(atlas, ch.source_ids)}")
        if ch.practice_notes:
            with st.expander("What happens in practice"):
                st.markdown(for_markdown(ch.practice_notes))


def channels_by_rigo(atlas: Atlas, channels: pd.DataFrame) -> None:
    """Channels grouped by organisation, each organisation a subheader."""
    acronyms = dict(zip(atlas.rigos.rigo_id, atlas.rigos.acronym, strict=True))
    for rigo_id, group in channels.groupby("rigo_id", sort=True):
        st.subheader(for_markdown(acronyms.get(rigo_id, rigo_id)))
        for _, ch in group.iterrows():
            channel_card(atlas, ch)
