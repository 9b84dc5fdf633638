"""Comparisons, gap analysis, early-warning models, network graph and planner, on tiny and real data."""

from __future__ import annotations

import pandas as pd
import pytest

from atlas import charts, compare, gaps, i18n, overviews, planner


def test_compare_matrix_names_the_channels(min_atlas):
    matrix = compare.compare_matrix(compare.channels_with_rigo(min_atlas))
    assert matrix.at["Dialogue forum", "ALPHA"] == "Alpha civil society forum"
    assert matrix.at["Dialogue forum", "BETA"] == ""
    assert list(matrix.columns) == ["ALPHA", "BETA"]


def test_mix_and_open_share_count_by_region(min_atlas):
    channels = compare.channels_with_rigo(min_atlas)
    mix = compare.mix(channels, "channel_type").set_index(["region", "channel_type"]).channels
    assert mix[("Africa", "advisory_organ")] == 1 and mix[("Americas", "registry_or_accreditation")] == 1
    share = compare.open_share(channels).set_index("region")
    assert share.at["Africa", "share"] == 0.5 and share.at["Americas", "share"] == 1.0


def test_stage_counts_cover_every_stage(min_atlas):
    stages = compare.stage_counts(compare.channels_with_rigo(min_atlas))
    alpha = stages[stages.acronym == "ALPHA"].set_index("policy_stage").channels
    assert alpha.to_dict() == {"agenda_setting": 1, "drafting": 1, "decision": 1,
                               "implementation": 0, "monitoring": 0}


def test_gap_cells_follow_the_evidence_rules(min_atlas):
    channels = min_atlas.channels
    assert gaps.cell(channels[channels.rigo_id == "beta"], "consultative_status")[0] == gaps.IN_PLACE
    assert gaps.cell(channels[channels.rigo_id == "alpha"], "consultative_status")[0] == gaps.ABSENT
    assert gaps.cell(channels, "joint_training")[0] == gaps.UNKNOWN
    unverified = channels.assign(channel_type="registry_or_accreditation", confidence="unverified")
    assert gaps.cell(unverified, "consultative_status")[0] == gaps.PARTIAL


def test_gap_matrix_has_a_row_per_recommendation_and_rigo(real_atlas):
    matrix = gaps.gap_matrix(real_atlas)
    recs = gaps.rigo_recommendations(real_atlas)
    assert len(matrix) == len(recs) * len(real_atlas.rigos)
    ecowas = matrix[(matrix.rigo_id == "ecowas") & (matrix.instrument == "early_warning_sharing")]
    assert set(ecowas.verdict) == {gaps.IN_PLACE}
    assert "ECOWARN" in ecowas.evidence.iloc[0]
    assert gaps.gap_title(matrix).endswith("of those we can check)")


def test_early_warning_models_code_the_roles(real_atlas):
    models = compare.early_warning_models(real_atlas).set_index("channel_id")
    ecowarn = models.loc["ecowas-wanep-ecowarn"]
    assert ecowarn.data_collection and ecowarn.analysis and not ecowarn.response


def test_network_graph_places_networks_left_and_organisations_right(real_atlas):
    nodes, edges = compare.network_graph(real_atlas, ["wanep", "eplo"])
    assert set(nodes[nodes.x == 0].label) == {"WANEP", "EPLO"}
    assert {"ECOWAS", "EU"} <= set(nodes[nodes.x == 1].label)
    assert len(edges) == len(real_atlas.network_links[real_atlas.network_links.network_id.isin(
        ["wanep", "eplo"])])


def test_planner_contrasts_strong_and_weak_cases_with_sources(real_atlas):
    plan = planner.plan(real_atlas, "early_warning", ("Africa", "Americas"), "panel")
    assert "ECOWAS" in set(plan.strong.acronym)
    assert set(plan.strong.rigo_id).isdisjoint(plan.weak.rigo_id)
    assert (plan.strong.score > plan.weak.score.max()).all()
    assert all(len(ids) for ids in pd.concat([plan.strong, plan.weak]).source_ids)
    assert len(plan.questions) >= 1


def test_planner_briefing_cites_and_escapes(real_atlas):
    plan = planner.plan(real_atlas, "early_warning", ("Africa",), "workshop")
    cited = real_atlas.sources[real_atlas.sources.source_id.isin(planner.cited_ids(plan))]
    text = planner.to_markdown(plan, cited, "2026-11-22", "http://x/planner?theme=early_warning")
    assert "## Sources" in text and "Data as of 22 November 2026" in text and "[1]" in text
    html = planner.to_html(text.replace("Agenda", "<script>alert(1)</script>"), "t")
    assert "<script>alert" not in html


def test_chart_builders_encode_what_the_titles_say(min_atlas):
    channels = compare.channels_with_rigo(min_atlas)
    en = i18n.translator()
    mix = charts.stacked_mix(compare.mix(channels, "channel_type"), "channel_type", "T",
                             en).to_dict()
    assert mix["encoding"]["color"]["field"] == "channel_type"
    assert mix["encoding"]["color"]["scale"]["range"][0] == charts.CHANNEL_TYPE_COLOURS[
        mix["encoding"]["color"]["scale"]["domain"][0]]
    heat = charts.heatmap(compare.stage_counts(channels), "policy_stage", "acronym", "channels",
                          "T", en).to_dict()
    assert heat["layer"][1]["mark"]["type"] == "text"  # numbers printed, not colour only
    share = charts.share_bars(compare.open_share(channels), "region", "T", en).to_dict()
    assert share["layer"][0]["encoding"]["x"]["field"] == "share"
    # legends show words, not codes: the code stays the data, the label expression names it
    assert "Dialogue forum" in mix["encoding"]["color"]["legend"]["labelExpr"]
    french = charts.stacked_mix(compare.mix(channels, "channel_type"), "channel_type", "T",
                                i18n.translator("fr")).to_dict()
    assert "Forum de dialogue" in french["encoding"]["color"]["legend"]["labelExpr"]


@pytest.mark.parametrize("theme", ["early_warning", "human_rights", "youth"])
def test_planner_works_for_every_theme(real_atlas, theme):
    plan = planner.plan(real_atlas, theme, (), "roundtable")
    assert len(plan.strong) + len(plan.weak) >= 1


def test_charts_write_numbers_and_months_in_the_readers_language(real_atlas):
    """Vega's own formatting (axis numbers, dates in tooltips) follows the language too."""
    from atlas.i18n.data import localise

    french = overviews.regions(localise(real_atlas, "fr")).established.figure.to_dict()
    assert french["config"]["locale"]["number"]["decimal"] == ","
    assert french["config"]["locale"]["time"]["months"][0] == "janvier"
    arabic = overviews.regions(localise(real_atlas, "ar")).established.figure.to_dict()
    assert arabic["config"]["locale"]["time"]["shortDays"][0] != "Sun"
