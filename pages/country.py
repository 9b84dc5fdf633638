"""Country: memberships, channels in three bands, networks, a mini-map, exports and a link."""

import streamlit as st

from atlas import glossary, load, pathways, profiles, widgets
from atlas.escape import for_markdown
from atlas.widgets import cards, profile

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()
iso3 = profile.pick("iso3", profiles.known_countries(atlas), "KEN", "Country", "country code",
                    format_func=lambda c: profiles.country_label(atlas, c))
view = load.country_view(iso3, day)  # everything below, computed once per country and date

st.title(f"{profiles.flag(iso3)} {view.name}")
st.markdown(for_markdown(view.summary) + f" Situation on {day.isoformat()}.")

st.header("Memberships")
profile.membership_chips(view.current, day)
profile.former_notice(view.former)
if view.current.empty:
    st.info(f"{view.name} is in none of the organisations we cover on this date.")

st.header("Channels for a national CSO")
with st.expander("What do these words mean?"):
    st.markdown(glossary.glossary_markdown())
for band, band_cards in view.cards.items():
    st.subheader(f"{cards.BAND_MARKS[band]} {pathways.BAND_LABELS[band]} ({len(band_cards)})")
    cards.show(band_cards, key=f"country-{iso3}-{band}", by_rigo=True, empty=cards.EMPTY_BANDS[band])
st.page_link("pages/pathways.py", label="Find the channels that fit your organisation →",
             query_params=profile.date_params({"iso3": iso3}, day))

st.header("Networks that can carry your voice")
if view.networks.empty:
    st.info("No network in our data works with these organisations yet.")
else:
    widgets.table(view.networks[["name", "relation", "rigo_id", "hq_city"]].rename(columns={
        "name": "Network", "relation": "Relation", "rigo_id": "Organisation", "hq_city": "Based in"}))

st.header("Map")
profile.footprint(atlas, view.categories, view.labels, key="country-map")

st.header("Download and share")
widgets.offer(view.files, f"channels-{iso3}")
st.download_button("Printable briefing (HTML)", view.briefing, file_name=f"briefing-{iso3}.html",
                   mime="text/html")
profile.share_link(profile.date_params({"iso3": iso3}, day))
widgets.sources_footer(atlas, cited=view.cited)
