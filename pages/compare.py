"""Compare: organisations side by side by channel type, with charts by region, each with its table."""

import streamlit as st

from atlas import charts, compare, exports, links, load, queries, widgets

widgets.require_frame()
atlas = load.atlas()
widgets.as_of_date()
st.title("Compare engagement channels across regions")

regions = sorted(atlas.rigos.region.unique())
region, bad = links.parse_choice(st.query_params.get("region"), regions, None, "region")
widgets.friendly(bad)
default = compare.default_selection(atlas, region)
picked, bad = links.parse_list(st.query_params.get("rigos"), atlas.rigos.rigo_id, "organisation")
widgets.friendly(bad)
acronyms = atlas.rigos.set_index("rigo_id").acronym
picked = st.multiselect("Organisations", list(atlas.rigos.rigo_id), default=picked or default,
                        format_func=lambda r: acronyms[r])
st.query_params["rigos"] = ",".join(picked)
st.query_params.pop("region", None)

chosen = compare.channels_with_rigo(atlas, picked)
everyone = compare.channels_with_rigo(atlas)
cited = queries.sources_for(atlas, chosen)
tab_matrix, tab_charts, tab_time, tab_table = st.tabs(["Matrix", "Charts", "Timeline", "Table"])

with tab_matrix:
    st.caption("Each cell names the channels of that type; an empty cell means none is recorded.")
    matrix = compare.compare_matrix(chosen)
    if matrix.empty:
        st.info("Pick at least one organisation.")
    else:
        st.table(matrix)
        stages = compare.stage_counts(chosen)
        top = compare.leader(stages, "acronym", "channels", {"policy_stage": "decision"})
        widgets.chart(charts.heatmap(stages, "policy_stage", "acronym", "channels",
                                     f"{top or 'No organisation'} gives CSOs the most channels "
                                     "into decisions"), stages, cited, atlas.as_of, "stages")

with tab_charts:
    for field, noun in (("channel_type", "channel type"), ("space", "space"),
                        ("participation_level", "participation level")):
        mix = compare.mix(everyone, field)
        top = compare.leader(mix, "region", "channels")
        widgets.chart(charts.stacked_mix(mix, field, f"{top} has the most channels; the mix by "
                                         f"{noun} differs by region"), mix,
                      queries.sources_for(atlas, everyone), atlas.as_of, f"mix-{field}")
    ew = compare.mix(everyone, "channel_type")
    lead = compare.leader(ew, "region", "channels", {"channel_type": "early_warning_partnership"})
    st.caption(f"{lead} has the most early-warning partnerships." if lead else "")
    share = compare.open_share(everyone)
    widgets.chart(charts.share_bars(share, "region", f"{share.region.iloc[0]} opens the largest "
                                    "share of its channels to national CSOs"), share,
                  queries.sources_for(atlas, everyone), atlas.as_of, "open-share")

with tab_time:
    dated = compare.established(everyone)
    first = dated.iloc[0] if not dated.empty else None
    title = f"The oldest recorded channel dates from {first.year} ({first.acronym})" \
        if first is not None else "No dated channel"
    widgets.chart(charts.established_timeline(dated, title), dated,
                  queries.sources_for(atlas, everyone), atlas.as_of, "established")

with tab_table:
    shown = exports.flat(chosen[["acronym", "name", "channel_type", "space", "participation_level",
                                 "status", "open_national", "confidence", "source_ids"]])
    st.dataframe(shown, hide_index=True, width="stretch")
    widgets.download_buttons(chosen, cited, atlas.as_of, "compare-channels")

widgets.sources_footer(atlas, chosen)
