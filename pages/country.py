"""Country: memberships, channels in three bands, networks, a mini-map, exports and a link."""

import streamlit as st

from atlas import briefing, glossary, load, pathways, profiles, queries, widgets
from atlas.escape import for_markdown
from atlas.widgets import cards, profile

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()
codes = profiles.known_countries(atlas)
iso3 = profile.pick("iso3", codes, "KEN", "Country", "country code",
                    format_func=lambda c: f"{profiles.flag(c)} {profiles.country_name(atlas, c)}")
name = profiles.country_name(atlas, iso3)

current = profiles.current_memberships(atlas, iso3, day)
paths = load.pathways(iso3, day, pathways.Profile(kind="national"))
summary = profiles.summary_sentence(current, int((paths.band == pathways.OPEN).sum()),
                                    int((paths.band == pathways.CONDITIONAL).sum()))
st.title(f"{profiles.flag(iso3)} {name}")
st.markdown(for_markdown(summary) + f" Situation on {day.isoformat()}.")

st.header("Memberships")
profile.membership_chips(current, day)
profile.former_notice(profiles.former_memberships(atlas, iso3, day))
if current.empty:
    st.info(f"{name} is in none of the organisations we cover on this date.")

st.header("Channels for a national CSO")
with st.expander("What do these words mean?"):
    st.markdown(glossary.glossary_markdown())
for band in (pathways.OPEN, pathways.CONDITIONAL, pathways.CLOSED):
    subset = paths[paths.band == band]
    st.subheader(f"{cards.BAND_MARKS[band]} {pathways.BAND_LABELS[band]} ({len(subset)})")
    if subset.empty:
        st.caption("None.")
    cards.channels_by_rigo(atlas, subset)
st.page_link("pages/pathways.py", label="Find the channels that fit your organisation →",
             query_params=profile.date_params({"iso3": iso3}, day))

st.header("Networks that can carry your voice")
nets = profiles.networks_for(atlas, iso3, list(current.rigo_id))
if nets.empty:
    st.info("No network in our data works with these organisations yet.")
else:
    st.table(nets[["name", "relation", "rigo_id", "hq_city"]].rename(columns={
        "name": "Network", "relation": "Relation", "rigo_id": "Organisation", "hq_city": "Based in"}))

st.header("Map")
categories, labels = profiles.footprint_of_country(atlas, iso3, name, list(current.rigo_id), day)
profile.footprint(atlas, categories, labels, key="country-map")

st.header("Download and share")
cited = queries.sources_for(atlas, current, paths, nets)
widgets.download_buttons(paths.drop(columns=["theme_match"]), cited, atlas.as_of, f"channels-{iso3}")
page = briefing.country_briefing(name, day.isoformat(), atlas.as_of, summary, current, paths, nets,
                                 cited)
st.download_button("Printable briefing (HTML)", page, file_name=f"briefing-{iso3}.html",
                   mime="text/html")
profile.share_link(profile.date_params({"iso3": iso3}, day))
widgets.sources_footer(atlas, current, paths, nets)
