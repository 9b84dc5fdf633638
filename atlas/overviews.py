"""Everything the organiser pages show, computed at once from their plain keys (no Streamlit).

`load` caches each view by its keys (the organisations picked, a region, a theme), so a rerun
builds no chart, groups no table and hashes no frame: it only draws. Charts come with the table
behind them and its files (see `charts.ChartView`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import charts, compare, exports, gaps, glossary, i18n, planner, queries
from atlas.i18n.data import with_text_language
from atlas.tables import Atlas
from etl import catalog

MIX_TITLES = {
    "channel_type": i18n.N_("{top} has the most channels; the mix by channel type differs by region"),
    "space": i18n.N_("{top} has the most channels; the mix by space differs by region"),
    "participation_level": i18n.N_("{top} has the most channels; the mix by participation level "
                                   "differs by region"),
}
TABLE_COLUMNS = ["acronym", "name", "channel_type", "space", "participation_level", "status",
                 "open_national", "confidence", "source_ids"]


@dataclass(frozen=True)
class Comparison:
    """The organisations picked: matrix, channels into decisions, the table and its files."""

    matrix: pd.DataFrame
    stages: charts.ChartView | None
    table: pd.DataFrame
    files: exports.Downloads
    cited: pd.DataFrame


def comparison(atlas: Atlas, picked: tuple[str, ...]) -> Comparison:
    t = i18n.of(atlas)
    chosen = compare.channels_with_rigo(atlas, list(picked))
    cited = queries.sources_for(atlas, chosen)
    matrix = compare.compare_matrix(chosen, t)
    stages = None
    if not matrix.empty:
        counts = compare.stage_counts(chosen)
        top = compare.leader(counts, "acronym", "channels", {"policy_stage": "decision"})
        title = (t("{top} gives CSOs the most channels into decisions", top=top) if top
                 else t("No organisation gives CSOs a channel into decisions"))
        stages = charts.view(charts.heatmap(counts, "policy_stage", "acronym", "channels", title,
                                            t), counts, cited, atlas.as_of, i18n.of(atlas))
    return Comparison(matrix=matrix, stages=stages, table=exports.flat(chosen[TABLE_COLUMNS]),
                      files=exports.downloads(with_text_language(atlas, chosen), cited, atlas.as_of),
                      cited=cited)


@dataclass(frozen=True)
class Regions:
    """Every channel by region: the mixes, the share open to national CSOs, the timeline."""

    mixes: dict[str, charts.ChartView]  # field -> chart
    early_warning_lead: str | None
    share: charts.ChartView
    established: charts.ChartView


def regions(atlas: Atlas) -> Regions:
    t = i18n.of(atlas)
    everyone = compare.channels_with_rigo(atlas)
    cited = queries.sources_for(atlas, everyone)
    mixes = {}
    for field, title in MIX_TITLES.items():
        mix = compare.mix(everyone, field)
        top = glossary.label(t, "region", compare.leader(mix, "region", "channels") or "")
        mixes[field] = charts.view(charts.stacked_mix(mix, field, t(title, top=top), t),
                                   mix, cited, atlas.as_of, i18n.of(atlas))
    by_type = compare.mix(everyone, "channel_type")
    share = compare.open_share(everyone)
    dated = compare.established(everyone)
    first = dated.iloc[0] if not dated.empty else None
    title = (t("The oldest recorded channel dates from {year} ({acronym})", year=first.year,
               acronym=first.acronym) if first is not None else t("No dated channel"))
    return Regions(
        mixes=mixes,
        early_warning_lead=compare.leader(by_type, "region", "channels",
                                          {"channel_type": "early_warning_partnership"}),
        share=charts.view(charts.share_bars(share, "region", t(
            "{region} opens the largest share of its channels to national CSOs",
            region=glossary.label(t, "region", share.region.iloc[0])), t), share, cited, atlas.as_of,
            t),
        established=charts.view(charts.established_timeline(dated, title, t), dated, cited,
                                atlas.as_of, i18n.of(atlas)),
    )


@dataclass(frozen=True)
class EarlyWarning:
    models: pd.DataFrame
    roles: charts.ChartView
    table: pd.DataFrame  # the models side by side, roles as marks
    files: exports.Downloads
    cited: pd.DataFrame


def early_warning(atlas: Atlas, region: str | None) -> EarlyWarning:
    models = compare.early_warning_models(atlas)
    if region:
        models = models[models.region == region].reset_index(drop=True)
    t = i18n.of(atlas)
    cited = queries.sources_for(atlas, models)
    roles = compare.early_warning_roles(models)
    title = t.n("CSOs hold a response role in {response} of {count} early-warning channel",
                "CSOs hold a response role in {response} of {count} early-warning channels",
                len(models), response=int(models.response.sum()))
    marks = models.assign(**{r: models[r].map({True: "✔ " + t("yes"), False: "–"})
                             for r in catalog.EW_ROLES},
                          status=models.status.map(glossary.labeller(t, "channel_status")))
    table = marks[["acronym", "name", "status", *catalog.EW_ROLES]]
    return EarlyWarning(
        models=models, table=table, cited=cited,
        roles=charts.view(charts.heatmap(roles, "role", "acronym", "channels", title, t,
                                         list(catalog.EW_ROLES)), roles, cited, atlas.as_of, i18n.of(atlas)),
        files=exports.downloads(with_text_language(atlas, models), cited, atlas.as_of),
    )


@dataclass(frozen=True)
class Networks:
    networks: pd.DataFrame
    graph: charts.ChartView | None  # None: no link recorded for these networks
    files: exports.Downloads
    cited: pd.DataFrame


def networks(atlas: Atlas, region: str | None, theme: str | None) -> Networks:
    nets = compare.filter_networks(atlas, region, theme)
    cited = queries.sources_for(atlas, nets)
    nodes, edges = compare.network_graph(atlas, list(nets.network_id))
    graph = None
    if not edges.empty:
        t = i18n.of(atlas)
        busiest = edges.organisation.value_counts()
        title = t.n("{top} works with the most networks ({count} link)",
                    "{top} works with the most networks ({count} links)", int(busiest.iloc[0]),
                    top=busiest.index[0])
        graph = charts.view(charts.network_graph(nodes, edges, title, t),
                            edges.drop(columns=["x", "y", "x2", "y2"]), cited, atlas.as_of, i18n.of(atlas))
    return Networks(networks=nets, cited=cited, graph=graph,
                    files=exports.downloads(nets, cited, atlas.as_of))


@dataclass(frozen=True)
class Gaps:
    matrix: pd.DataFrame
    checkable: pd.DataFrame
    n_unknown: int
    summary: charts.ChartView
    grid: pd.DataFrame
    cited: pd.DataFrame


def gap_analysis(atlas: Atlas) -> Gaps:
    matrix = gaps.gap_matrix(atlas)
    checkable = matrix[matrix.verdict != gaps.UNKNOWN]
    summary = gaps.summary(checkable)
    cited = queries.sources_for(atlas, matrix)
    return Gaps(
        matrix=matrix, checkable=checkable, cited=cited, grid=gaps.grid(checkable),
        n_unknown=int(matrix[matrix.verdict == gaps.UNKNOWN].rec_id.nunique()),
        summary=charts.view(charts.verdict_bars(summary, gaps.gap_title(matrix, i18n.of(atlas)),
                                                gaps.CELL_ORDER, gaps.CELL_COLOURS, i18n.of(atlas)),
                            summary, cited, atlas.as_of, i18n.of(atlas)),
    )


@dataclass(frozen=True)
class Session:
    plan: planner.Plan
    cited: pd.DataFrame
    markdown: str
    html: str


def session(atlas: Atlas, theme: str, regions: tuple[str, ...], fmt: str, link: str) -> Session:
    plan = planner.plan(atlas, theme, regions, fmt)
    cited = atlas.sources[atlas.sources.source_id.isin(planner.cited_ids(plan))]
    t = i18n.of(atlas)
    text = planner.to_markdown(plan, cited, atlas.as_of, link, t)
    return Session(plan=plan, cited=queries.sources_for(atlas, plan.strong, plan.weak,
                                                        plan.networks, plan.cases, plan.questions),
                   markdown=text, html=planner.to_html(text, t(
                       "Session briefing: {theme}", theme=glossary.label(t, "theme", theme)), t))
