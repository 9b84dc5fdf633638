"""Networks: where CSO networks are based, which organisations they work with, and each profile."""

import streamlit as st
from streamlit_folium import st_folium

from atlas import compare, exports, glossary, hubs, links, load, widgets
from atlas.escape import for_markdown
from atlas.i18n import N_
from atlas.widgets import context, profile, urlstate

widgets.require_frame()
atlas = load.atlas()
t = widgets.translator()
day = widgets.as_of_date()
st.title(t("CSO networks and the organisations they engage"), anchor=False)

regions = atlas.derived("network_regions", lambda a: sorted(r for r in a.networks.region.unique() if r))
themes = atlas.derived("network_themes", lambda a: sorted({th for ths in a.networks.themes for th in ths}))
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, N_("region"))
widgets.friendly(bad)
theme, bad = links.parse_choice(st.query_params.get("theme"), themes, None, N_("theme"))
widgets.friendly(bad)
left, right = st.columns(2)
region = urlstate.optional(left.selectbox, "region", region, key="networks-region", label=t("Region"),
                           options=regions, everything=t("All regions"),
                           format_func=glossary.labeller(t, "region"))
theme = urlstate.optional(right.selectbox, "theme", theme, key="networks-theme", label=t("Theme"),
                          options=themes, everything=t("All themes"),
                          format_func=glossary.labeller(t, "theme"))

view = load.networks(region, theme)  # computed once per region and theme
nets = view.networks
if nets.empty:
    theme_words, region_words = glossary.label(t, "theme", theme), glossary.label(t, "region", region)
    wider = [(t("all regions on {theme}", theme=theme_words), profile.date_params({"theme": theme}, day)),
             (t("every theme in {region}", region=region_words),
              profile.date_params({"region": region}, day))]
    st.info(t("No network in the data works on {theme} in {region}. Try {options}.",
              theme=for_markdown(theme_words), region=for_markdown(region_words),
              options=t(" or ").join(f"[{for_markdown(label)}]({links.page_link('networks', params)})"
                                     for label, params in wider)))
else:
    st.markdown(t.n("**{count}** network; **{placed}** with a known seat on the map.",
                    "**{count}** networks; **{placed}** with a known seat on the map.", len(nets),
                    placed=int((nets.hq_lat != "").sum())))
    seats = hubs.network_hubs(nets, t("Map of the networks' seats (the same as the table above)"))
    st_folium(seats, key="hubs", height=380, use_container_width=True, returned_objects=[])
    context.network_countries_map(atlas, list(nets.network_id))
if view.graph is not None:
    widgets.chart(view.graph, "network-links")
elif not nets.empty:
    st.info(t("No link to a regional organisation is recorded for these networks yet."))

st.header(t("Network profile"), anchor=False)
ids = list(nets.network_id) or list(atlas.networks.network_id)
picked, bad = links.parse_choice(st.query_params.get("network"), ids, ids[0], N_("network"))
widgets.friendly(bad)
names = atlas.derived("network_names", lambda a: dict(zip(a.networks.network_id, a.networks.name,
                                                         strict=True)))
picked = urlstate.bound(st.selectbox, "network", picked, key="networks-network", label=t("Network"),
                        options=ids, valid=ids, format_func=names.get)
net, used, children = compare.network_profile(atlas, picked)
st.markdown(for_markdown(t("{name} ({acronym}): {scope} network, based in {city}.",
                           name=net["name"], acronym=net.acronym or t("no acronym"),
                           scope=glossary.label(t, "scope", net.scope),
                           city=net.hq_city or t("a seat we could not confirm"))
                         + (" " + t("Part of {parent}.", parent=names.get(net.parent_network_id,
                                                                          net.parent_network_id))
                            if net.parent_network_id else "")))
widgets.suggest_record("networks", picked)
if len(children):
    st.markdown(t("Member networks:") + " " + for_markdown(", ".join(children.name)))
widgets.table(exports.flat(used[["rigo_id", "relation", "name", "since_year", "note"]]).rename(
    columns={"name": "channel"}).assign(relation=used.relation.map(glossary.labeller(t, "relation"))))
widgets.offer(view.files, "networks")
widgets.sources_footer(atlas, nets, used)
