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


def _sources_line(atlas: Atlas, ids: tuple[str, ...]) -> str:
    found = atlas.sources.set_index("source_id")
    parts = []
    for n, sid in enumerate(ids, 1):
        if sid not in found.index:
            continue
        src = found.loc[sid]
        title = for_markdown(src.title)
        url = for_href(src.url)
        parts.append(f"[{n}] [{title}]({url})" if url else f"[{n}] {title} (seed document)")
    return " · ".join(parts)


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
    acronyms = atlas.rigos.set_index("rigo_id").acronym
    for rigo_id, group in channels.groupby("rigo_id", sort=True):
        st.subheader(for_markdown(acronyms.get(rigo_id, rigo_id)))
        for _, ch in group.iterrows():
            channel_card(atlas, ch)
