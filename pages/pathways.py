"""Pathway finder: the channels that fit an organisation, ranked in three bands with reasons."""

import streamlit as st

from atlas import load, pathways, profiles, queries, widgets
from atlas.widgets import cards, finder, profile

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()
st.title("Find the channels that fit your organisation")
st.caption("Tell us about your organisation. Channels are sorted into three bands; each closed or "
           "conditional channel names the criterion, taken from the data.")

codes = profiles.known_countries(atlas)
iso3 = profile.pick("iso3", codes, "KEN", "Where is your organisation registered?", "country code",
                    format_func=lambda c: f"{profiles.flag(c)} {profiles.country_name(atlas, c)}")
themes = sorted({t for ts in atlas.channels.themes for t in ts})
who, params = finder.profile_inputs(themes)
st.query_params.update({k: v for k, v in params.items() if v})
for key in [k for k, v in params.items() if not v]:
    st.query_params.pop(key, None)

result = load.pathways(iso3, day, who)
if result.empty:
    st.info("No organisation we cover counts this country as a member on this date. Regional "
            "networks may still carry your voice: see the Networks section of the country page.")
counts = result.band.value_counts()
st.markdown(" · ".join(f"**{counts.get(b, 0)}** {pathways.BAND_LABELS[b].lower().rstrip('…')}"
                       for b in (pathways.OPEN, pathways.CONDITIONAL, pathways.CLOSED)))
for band in (pathways.OPEN, pathways.CONDITIONAL, pathways.CLOSED):
    subset = result[result.band == band]
    with st.expander(f"{cards.BAND_MARKS[band]} {pathways.BAND_LABELS[band]} ({len(subset)})",
                     expanded=band != pathways.CLOSED):
        for _, ch in subset.iterrows():
            cards.channel_card(atlas, ch)

cited = queries.sources_for(atlas, result)
widgets.download_buttons(result.drop(columns=["theme_match"]), cited, atlas.as_of, f"pathways-{iso3}")
profile.share_link(profile.date_params({"iso3": iso3, **params}, day))
widgets.sources_footer(atlas, result)
