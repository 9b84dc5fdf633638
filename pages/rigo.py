"""Organisation: member map, membership history, every channel with practice notes, networks."""

import streamlit as st

from atlas import load, widgets
from atlas.escape import for_markdown
from atlas.widgets import cards, profile

widgets.require_frame()
atlas = load.atlas()
day = widgets.as_of_date()
rigos = atlas.rigos.set_index("rigo_id")
rigo_id = profile.pick("id", list(rigos.index), "au", "Organisation", "organisation",
                       format_func=lambda r: f"{rigos.at[r, 'acronym']}: {rigos.at[r, 'name']}")
rigo = rigos.loc[rigo_id]

st.title(f"{rigo.acronym}: {rigo['name']}")
st.markdown(for_markdown(f"Seat: {rigo.hq_city}. Founded: {rigo.founded_year}. Region: "
                         f"{rigo.region} ({rigo.scope})."))
if rigo.website.startswith("http"):
    st.markdown(f"[Official website]({rigo.website})")

view = load.rigo_view(rigo_id, day)  # everything below, computed once per organisation and date
st.markdown(" · ".join(f"**{n}** {for_markdown(s)}" for s, n in view.status_counts.items()) +
            f" on {day.isoformat()}.")

st.header("Who belongs")
statuses = dict(zip(view.members.iso3, view.members.status, strict=True))
profile.footprint(atlas, statuses, statuses, key="rigo-map")
with st.expander("Members as a table"):
    widgets.table(view.members[["country", "status", "start_date", "end_date", "note"]])

st.header("Membership history")
widgets.chart(view.history, f"history-{rigo_id}")

st.header("Engagement channels")
st.markdown(f"{len(view.channels)} channels, {view.n_open} of them open to a national CSO.")
if view.channels.empty:
    st.info("We hold no channel for this organisation yet.")
else:
    cards.show(view.cards, key=f"rigo-{rigo_id}")

st.header("Networks that work with it")
if view.networks.empty:
    st.info("No network in our data works with this organisation yet.")
else:
    widgets.table(view.networks[["name", "relation", "channel_id", "hq_city"]].rename(columns={
        "name": "Network", "relation": "Relation", "channel_id": "Channel", "hq_city": "Based in"}))

profile.share_link(profile.date_params({"id": rigo_id}, day))
widgets.sources_footer(atlas, cited=view.cited)
