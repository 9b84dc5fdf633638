"""Country: memberships, channels in three bands, networks, a mini-map, exports and a link."""

import streamlit as st

from atlas import glossary, load, pathways, profiles, widgets
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.widgets import cards, context, engagement, follow, profile

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()
iso3 = profile.pick("iso3", profiles.known_countries(atlas), "KEN", t("Country"), N_("country code"),
                    format_func=lambda c: profiles.country_label(atlas, c))
view = load.country_view(iso3, day)  # everything below, computed once per country and date

st.title(for_markdown(view.name), anchor=False)
widgets.light_link(iso3)
st.markdown(for_markdown(view.summary) + " " + t("Situation on {date}.", date=t.date(day)))

st.header(t("Memberships"), anchor=False)
profile.membership_chips(view.current, day)
profile.former_notice(view.former)
if view.current.empty:
    st.info(t("{name} is in none of the organisations we cover on this date.",
              name=for_markdown(view.name)))

st.header(t("Channels for a national CSO"), anchor=False)
with st.expander(t("What do these words mean?")):
    st.markdown(glossary.glossary_markdown(t))
for band, band_cards in view.cards.items():
    st.subheader(f"{cards.BAND_MARKS[band]} {t(pathways.BAND_LABELS[band])} ({len(band_cards)})",
                 anchor=False)
    cards.show(band_cards, key=f"country-{iso3}-{band}", by_rigo=True, empty=cards.EMPTY_BANDS[band])
widgets.suggest_missing()
st.page_link("pages/pathways.py", label=t("Find the channels that fit your organisation →"),
             query_params=profile.date_params({"iso3": iso3}, day))

st.header(t("Networks that can carry your voice"), anchor=False)
if view.networks.empty:
    st.info(t("No network in our data works with these organisations yet."))
else:
    widgets.table(view.networks[["name", "relation", "rigo_id", "hq_city"]].rename(
        columns={"name": "network"}).assign(
        relation=view.networks.relation.map(glossary.labeller(t, "relation"))),
        suggest=widgets.suggest_urls("networks", view.networks))
context.networks_here(atlas, iso3, view.name)

st.header(t("Next engagement windows"), anchor=False)
engagement.next_windows(atlas, iso3=iso3)
st.header(t("Cases"), anchor=False)
engagement.profile_cases(atlas, iso3=iso3)
st.header(t("What changed"), anchor=False)
follow.latest(iso3=iso3, name=view.name)

st.header(t("Map"), anchor=False)
profile.footprint(atlas, view.categories, view.labels, key="country-map")

st.header(t("Download and share"), anchor=False)
widgets.offer(view.files, f"channels-{iso3}")
st.download_button(t("Printable briefing (HTML)"), view.briefing, file_name=f"briefing-{iso3}.html",
                   mime="text/html")
profile.share_link(profile.date_params({"iso3": iso3}, day))
widgets.sources_footer(atlas, cited=view.cited)
