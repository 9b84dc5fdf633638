"""Networks: where CSO networks are based, which organisations they work with, and each profile."""

import streamlit as st
from streamlit_folium import st_folium

from atlas import compare, exports, hubs, links, load, widgets
from atlas.escape import for_markdown
from atlas.widgets import urlstate

widgets.require_frame()
atlas = load.atlas()
widgets.as_of_date()
st.title("CSO networks and the organisations they engage")

regions = atlas.derived("network_regions", lambda a: sorted(r for r in a.networks.region.unique() if r))
themes = atlas.derived("network_themes", lambda a: sorted({t for ts in a.networks.themes for t in ts}))
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, "region")
widgets.friendly(bad)
theme, bad = links.parse_choice(st.query_params.get("theme"), themes, None, "theme")
widgets.friendly(bad)
left, right = st.columns(2)
region = urlstate.optional(left.selectbox, "region", region, key="networks-region", label="Region",
                           options=regions, everything="All regions")
theme = urlstate.optional(right.selectbox, "theme", theme, key="networks-theme", label="Theme",
                          options=themes, everything="All themes",
                          format_func=lambda t: t.replace("_", " "))

view = load.networks(region, theme)  # computed once per region and theme
nets = view.networks
if nets.empty:
    broader = [(f"all regions on {theme.replace('_', ' ')}", {"theme": theme}),
               (f"every theme in {region}", {"region": region})]
    st.info(f"No network in the data works on {for_markdown((theme or '').replace('_', ' '))} in "
            f"{for_markdown(region)}. Try " + " or ".join(
                f"[{for_markdown(label)}]({links.page_link('networks', params)})"
                for label, params in broader) + ".")
else:
    st.markdown(f"**{len(nets)}** networks; **{int((nets.hq_lat != '').sum())}** with a known seat "
                "on the map.")
    st_folium(hubs.network_hubs(nets), key="hubs", height=380, use_container_width=True,
              returned_objects=[])
if view.graph is not None:
    widgets.chart(view.graph, "network-links")
elif not nets.empty:
    st.info("No link to a regional organisation is recorded for these networks yet.")

st.header("Network profile")
ids = list(nets.network_id) or list(atlas.networks.network_id)
picked, bad = links.parse_choice(st.query_params.get("network"), ids, ids[0], "network")
widgets.friendly(bad)
names = atlas.derived("network_names", lambda a: dict(zip(a.networks.network_id, a.networks.name,
                                                         strict=True)))
picked = urlstate.bound(st.selectbox, "network", picked, key="networks-network", label="Network",
                        options=ids, valid=ids, format_func=names.get)
net, used, children = compare.network_profile(atlas, picked)
parent = f" Part of {names.get(net.parent_network_id, net.parent_network_id)}." \
    if net.parent_network_id else ""
st.markdown(for_markdown(f"{net['name']} ({net.acronym or 'no acronym'}): {net.scope} network, "
                         f"based in {net.hq_city or 'a seat we could not confirm'}.{parent}"))
if len(children):
    st.markdown("Member networks: " + for_markdown(", ".join(children.name)))
widgets.table(exports.flat(used[["rigo_id", "relation", "name", "since_year", "note"]]).rename(
    columns={"rigo_id": "Organisation", "name": "Channel"}))
widgets.offer(view.files, "networks")
widgets.sources_footer(atlas, nets, used)
