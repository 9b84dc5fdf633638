"""Organisation: member map, membership history, every channel with practice notes, networks."""

import streamlit as st

from atlas import glossary, load, widgets
from atlas.escape import for_href, for_markdown
from atlas.i18n import N_, data
from atlas.widgets import cards, context, engagement, follow, profile

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()
rigos = atlas.rigos.set_index("rigo_id")
rigo_id = profile.pick("id", list(rigos.index), "au", t("Organisation"), N_("organisation"),
                       format_func=lambda r: f"{rigos.at[r, 'acronym']}: {rigos.at[r, 'name']}")
rigo = rigos.loc[rigo_id]

st.title(for_markdown(f"{rigo.acronym}: {rigo['name']}"), anchor=False)
if data.origin(atlas, "rigos", rigo_id, "name") == "machine" and atlas.english is not None:
    st.markdown(":violet[" + for_markdown(t(
        "Name in this language: machine translation. The organisation's own name: {name}.",
        name=atlas.english.rigos.set_index("rigo_id").at[rigo_id, "name"])) + "]")
st.markdown(for_markdown(t("Seat: {city}. Founded: {year}. Region: {region} ({scope}).",
                           city=rigo.hq_city, year=rigo.founded_year,
                           region=glossary.label(t, "region", rigo.region),
                           scope=glossary.label(t, "scope", rigo.scope))))
if for_href(rigo.website):
    st.markdown("[" + t("Official website") + f"]({for_href(rigo.website)})")
widgets.suggest_record("rigos", rigo_id)
context.background(atlas, rigo_id)

view = load.rigo_view(rigo_id, day)  # everything below, computed once per organisation and date
st.markdown(" · ".join(f"**{n}** {for_markdown(glossary.label(t, 'status', s))}"
                       for s, n in view.status_counts.items())
            + " " + t("on {date}.", date=t.date(day)))
context.era_notice(atlas, day, rigo_id)

st.header(t("Who belongs"), anchor=False)
statuses = dict(zip(view.members.iso3, view.members.status, strict=True))
profile.footprint(atlas, statuses, statuses, key="rigo-map")
with st.expander(t("Members as a table")):
    context.members_table(view.members)

st.header(t("Membership history"), anchor=False)
widgets.chart(view.history, f"history-{rigo_id}")

st.header(t("Engagement channels"), anchor=False)
st.markdown(t.n("{count} channel, {open} of them open to a national CSO.",
                "{count} channels, {open} of them open to a national CSO.",
                len(view.channels), open=view.n_open))
if view.channels.empty:
    st.info(t("We hold no channel for this organisation yet."))
else:
    cards.show(view.cards, key=f"rigo-{rigo_id}")
widgets.suggest_missing(rigo_id)

st.header(t("Networks that work with it"), anchor=False)
if view.networks.empty:
    st.info(t("No network in our data works with this organisation yet."))
else:
    widgets.table(view.networks[["name", "relation", "channel_id", "hq_city"]].rename(
        columns={"name": "network"}).assign(
        relation=view.networks.relation.map(glossary.labeller(t, "relation"))),
        suggest=widgets.suggest_urls("networks", view.networks))

st.header(t("Next engagement windows"), anchor=False)
engagement.next_windows(atlas, rigo_id=rigo_id)
st.header(t("Cases"), anchor=False)
engagement.profile_cases(atlas, rigo_id=rigo_id)
st.header(t("What changed"), anchor=False)
follow.latest(rigo_id=rigo_id)

profile.share_link(profile.date_params({"id": rigo_id}, day))
widgets.sources_footer(atlas, cited=view.cited)
