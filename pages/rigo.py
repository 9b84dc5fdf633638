"""Organisation: member map, membership history, every channel with practice notes, networks."""

import streamlit as st

from atlas import charts, load, profiles, queries, widgets
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

members = profiles.rigo_members(atlas, rigo_id, day)
counts = members.status.value_counts()
st.markdown(" · ".join(f"**{n}** {for_markdown(s)}" for s, n in counts.items()) +
            f" on {day.isoformat()}.")

st.header("Who belongs")
profile.footprint(atlas, dict(zip(members.iso3, members.status, strict=True)),
                  dict(zip(members.iso3, members.status, strict=True)), key="rigo-map")
with st.expander("Members as a table"):
    st.table(members[["country", "status", "start_date", "end_date", "note"]])

st.header("Membership history")
periods = profiles.history(atlas, rigo_id, widgets.today())
widgets.chart(charts.membership_timeline(periods, f"Status periods in {rigo.acronym} since 1990"),
              periods, queries.sources_for(atlas, members), atlas.as_of, f"history-{rigo_id}")

st.header("Engagement channels")
channels = atlas.channels[atlas.channels.rigo_id == rigo_id]
open_ = queries.open_to_national(channels)
st.markdown(f"{len(channels)} channels, {int(open_.sum())} of them open to a national CSO.")
if channels.empty:
    st.info("We hold no channel for this organisation yet.")
for _, ch in channels.iterrows():
    cards.channel_card(atlas, ch)

st.header("Networks that work with it")
nets = profiles.networks_for(atlas, "", [rigo_id])
if nets.empty:
    st.info("No network in our data works with this organisation yet.")
else:
    st.table(nets[["name", "relation", "channel_id", "hq_city"]].rename(columns={
        "name": "Network", "relation": "Relation", "channel_id": "Channel", "hq_city": "Based in"}))

profile.share_link(profile.date_params({"id": rigo_id}, day))
widgets.sources_footer(atlas, atlas.rigos[atlas.rigos.rigo_id == rigo_id], members, channels, nets)
