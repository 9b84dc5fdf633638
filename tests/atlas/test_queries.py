"""Queries a user's answers depend on: who belongs where on a date, and which channels are open."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from atlas import queries

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("iso3", "day", "expected"),
    [
        ("MLI", dt.date(2024, 6, 1), {"member"}),
        ("MLI", dt.date(2025, 1, 29), set()),  # end_date is the first day the status no longer holds
        ("MLI", dt.date(2025, 1, 28), {"member"}),
        ("KEN", TODAY, {"member"}),
        ("HND", dt.date(2019, 12, 31), {"member"}),
        ("HND", TODAY, {"suspended"}),
        ("FRA", TODAY, set()),
    ],
)
def test_membership_on_a_date(min_atlas, iso3, day, expected):
    held = queries.membership_on(min_atlas.memberships, day)
    assert set(held[held.iso3 == iso3].status) == expected


def test_open_to_national_uses_open_to_then_eligibility(min_atlas):
    flags = dict(zip(min_atlas.channels.channel_id, queries.open_to_national(min_atlas.channels),
                     strict=True))
    assert flags == {"alpha-forum": True, "alpha-council": False, "beta-registry": True}


def test_country_counts_follow_the_date(min_atlas):
    now = queries.country_channel_counts(min_atlas, TODAY).set_index("iso3")
    before = queries.country_channel_counts(min_atlas, dt.date(2024, 6, 1)).set_index("iso3")
    assert now.at["KEN", "n_channels"] == 1 and now.at["KEN", "rigos"] == "ALPHA"
    assert now.at["MLI", "n_rigos"] == 0 and before.at["MLI", "n_channels"] == 1
    assert now.at["HND", "n_channels"] == 1  # suspended members keep their CSOs' channels


def test_headline_figures_count_the_tables(min_atlas):
    figures = queries.headline_figures(min_atlas)
    assert figures["rigos"] == 2 and figures["channels"] == 3 and figures["networks"] == 1
    assert figures["verified_share"] == pytest.approx(2 / 3)
    assert figures["as_of"] == "2026-01-01"


def test_search_rows_matches_any_cell_case_insensitively(min_atlas):
    found = queries.search_rows(min_atlas.channels, "REGISTRY")
    assert list(found.channel_id) == ["beta-registry"]
    assert queries.search_rows(min_atlas.channels, "", "alpha").channel_id.tolist() == [
        "alpha-council", "alpha-forum"]


def test_sources_for_lists_each_cited_source_once(min_atlas):
    cited = queries.sources_for(min_atlas, min_atlas.channels, min_atlas.rigos)
    assert cited.source_id.tolist() == ["test-source"]


def test_record_sources_of_one_row(min_atlas):
    row = min_atlas.channels.iloc[0]
    assert queries.record_sources(min_atlas, row).source_id.tolist() == ["test-source"]


def test_empty_tables_give_zero_counts(min_atlas):
    empty = min_atlas.channels.iloc[0:0]
    assert queries.open_to_national(empty).sum() == 0
    assert isinstance(queries.open_to_national(empty), pd.Series)


@pytest.mark.parametrize(("iso3", "expected"), [("GHA", ["net-one"]), ("UGA", ["net-one"]),
                                                 ("FRA", [])])
def test_networks_in_country_lists_the_networks_with_members_there(min_atlas, iso3, expected):
    found = queries.networks_in_country(min_atlas, iso3)
    assert found.network_id.tolist() == expected


def test_networks_in_country_says_as_of_when_and_cites_the_country_list(min_atlas):
    row = queries.networks_in_country(min_atlas, "UGA").iloc[0]
    assert (row["name"], row["as_of_year"], row["note"]) == ("Network One", "2019", "A national chapter.")
    assert row["source_ids"] == ("test-source",)
