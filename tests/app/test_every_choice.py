"""Every choice of every picker on every page draws without an exception.

The networks page crashed for 27 of its 91 region × theme choices (a graph built from no links);
no test had tried them. Here a user's picks are made one after the other in the page's own
widgets, as someone clicking through would, and every resulting page must draw.
"""

from __future__ import annotations

import itertools

import pytest

from tests.app.test_pages import run


def widget(at, key: str):
    for kind in ("selectbox", "multiselect", "radio"):
        for w in at.get(kind):
            if w.key == key:
                return w
    raise AssertionError(f"no widget with key {key}")


def walk(page: str, picks: list[dict[str, object]], **params: str) -> int:
    """Set each combination of keyed widget values in turn; return how many pages were drawn."""
    at = run(page, **params)
    drawn = 0
    for combination in picks:
        for key, value in combination.items():
            widget(at, key).set_value(value)
        at.run()
        assert not at.exception, (combination, at.exception)
        drawn += 1
    return drawn


def test_networks_every_region_and_theme(real_atlas):
    regions = ["", *sorted(r for r in real_atlas.networks.region.unique() if r)]
    themes = ["", *sorted({t for ts in real_atlas.networks.themes for t in ts})]
    picks = [{"networks-region": r, "networks-theme": t}
             for r, t in itertools.product(regions, themes)]
    assert walk("pages/networks.py", picks) == len(regions) * len(themes) == 91


def test_networks_an_empty_choice_says_where_to_look(real_atlas):
    at = run("pages/networks.py", theme="youth", region="Europe")
    message = " ".join(i.value for i in at.info)
    assert "No network in the data works on youth in Europe" in message
    assert "/networks?theme=youth" in message and "/networks?region=Europe" in message
    french = " ".join(i.value for i in run("pages/networks.py", theme="youth", region="Europe",
                                            lang="fr").info)
    assert "/networks?theme=youth&lang=fr" in french  # the way out keeps the language


def test_networks_every_network_profile(real_atlas):
    picks = [{"networks-network": n} for n in real_atlas.networks.network_id]
    assert walk("pages/networks.py", picks) == len(real_atlas.networks)


def test_early_warning_every_region(real_atlas):
    from atlas import compare

    regions = sorted(compare.early_warning_models(real_atlas).region.unique())
    picks = [{"early-warning-region": r} for r in ["", *regions]]
    assert walk("pages/early-warning.py", picks) == len(regions) + 1 >= 3


def test_planner_every_theme_region_and_format(real_atlas):
    """Every theme with every region (alone, none, all), each format met with every theme."""
    from atlas import planner, queries

    themes = queries.channel_themes(real_atlas)
    region_sets = [[], *([r] for r in sorted(real_atlas.rigos.region.unique())),
                   sorted(real_atlas.rigos.region.unique())]
    formats = list(planner.FORMATS)
    picks = [{"planner-theme": t, "planner-regions": rs, "planner-format": formats[i % len(formats)]}
             for t in themes for i, rs in enumerate(region_sets)]
    assert {(p["planner-theme"], p["planner-format"]) for p in picks} == set(
        itertools.product(themes, formats))
    assert walk("pages/planner.py", picks) == len(themes) * len(region_sets)


def test_data_every_table():
    from etl import catalog

    picks = [{"data-table": t.name} for t in catalog.TABLES]
    assert walk("pages/data.py", picks) == len(catalog.TABLES)


def test_every_organisation_page(real_atlas):
    picks = [{"pick-id": r} for r in real_atlas.rigos.rigo_id]
    assert walk("pages/rigo.py", picks) == len(real_atlas.rigos)


def test_every_organisation_and_recommendation_in_gaps(real_atlas):
    from atlas import gaps

    matrix = gaps.gap_matrix(real_atlas)
    matrix = matrix[matrix.verdict != gaps.UNKNOWN]  # the page offers the checkable ones
    picks = [{"gaps-rec": rec, "gaps-rigo": rigo}
             for rec, rigo in matrix[["rec_id", "rigo_id"]].drop_duplicates().itertuples(index=False)]
    assert walk("pages/gaps.py", picks) == len(picks) >= len(real_atlas.rigos)


def test_compare_every_region_and_none(real_atlas):
    by_region = [{"compare-rigos": sorted(real_atlas.rigos[real_atlas.rigos.region == r].rigo_id)}
                 for r in sorted(real_atlas.rigos.region.unique())]
    assert walk("pages/compare.py", [*by_region, {"compare-rigos": []}]) == len(by_region) + 1


@pytest.mark.slow
def test_every_country_page_and_pathway_finder(real_atlas):
    codes = list(real_atlas.countries.iso3)
    assert walk("pages/country.py", [{"pick-iso3": c} for c in codes]) == len(codes)
    assert walk("pages/pathways.py", [{"pick-iso3": c} for c in codes]) == len(codes)
