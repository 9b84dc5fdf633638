"""Pathway finder: the channels that fit an organisation, ranked in three bands with reasons."""

import streamlit as st

from atlas import load, pathways, profiles, queries, widgets
from atlas.i18n import N_
from atlas.widgets import cards, context, finder, profile

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()
st.title(t("Find the channels that fit your organisation"), anchor=False)
st.markdown(t("Tell us about your organisation. Channels are sorted into three bands; each closed "
              "or conditional channel names the criterion, taken from the data."))

codes = profiles.known_countries(atlas)
iso3 = profile.pick("iso3", codes, "KEN", t("Where is your organisation registered?"),
                    N_("country code"), format_func=lambda c: profiles.country_label(atlas, c))
themes = queries.channel_themes(atlas)
who, params = finder.profile_inputs(themes)

view = load.pathways_view(iso3, day, who)  # computed once per country, date and profile
context.era_notice(atlas, day)  # the AU's channels before 9 July 2002: none (the OAU's aren't held)
if view.paths.empty:
    st.info(t("No organisation we cover counts this country as a member on this date. Regional "
              "networks may still carry your voice: see the Networks section of the country page."))
st.markdown(" · ".join(f"**{n}** {t(pathways.BAND_LABELS[b]).lower().rstrip('…')}"
                       for b, n in view.counts.items()))
for band, band_cards in view.cards.items():
    with st.expander(f"{cards.BAND_MARKS[band]} {t(pathways.BAND_LABELS[band])} ({len(band_cards)})",
                     expanded=band != pathways.CLOSED):
        cards.show(band_cards, key=f"pathways-{band}", empty=cards.EMPTY_BANDS[band])

widgets.offer(view.files, f"pathways-{iso3}")
profile.share_link(profile.date_params({"iso3": iso3, **params}, day))
widgets.sources_footer(atlas, cited=view.cited)
