"""The pathway finder's bands and reasons follow the channels' own data fields."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from atlas import briefing, i18n, pathways, profiles
from atlas.pathways import CLOSED, CONDITIONAL, OPEN, Profile

TODAY = dt.date(2026, 11, 22)


def _channel(**fields) -> pd.Series:
    base = {"status": "active", "open_to": (), "eligibility": "any", "min_years_registered": "",
            "min_member_funding_share": "", "mandate_required": "", "registered_in_member_state": "",
            "limited_to_iso3": (), "requirements": ""}
    return pd.Series({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "profile", "status", "band", "reason"),
    [
        ({}, Profile(), "member", OPEN, ""),
        ({"status": "dormant"}, Profile(), "member", CLOSED, "the channel is dormant"),
        ({}, Profile(), "observer", CLOSED, "is only: observer"),
        ({"open_to": ("regional_network",)}, Profile(), "member", CLOSED, "regional networks only"),
        ({"open_to": ("regional_network",)}, Profile(kind="regional_network"), "member", OPEN, ""),
        ({"eligibility": "by_invitation"}, Profile(), "member", CONDITIONAL, "by invitation"),
        ({"min_member_funding_share": "0.5"}, Profile(), "member", CONDITIONAL, "at least 50%"),
        ({"min_member_funding_share": "0.5"}, Profile(member_funding_share=0.3), "member", CLOSED,
         "you have 30%"),
        ({"min_member_funding_share": "0.5"}, Profile(member_funding_share=0.6), "member", OPEN, ""),
        ({"min_years_registered": "3"}, Profile(years_registered=1), "member", CLOSED, "3 years"),
        ({"min_years_registered": "3"}, Profile(years_registered=5), "member", OPEN, ""),
        ({"mandate_required": "humanitarian"}, Profile(humanitarian=False), "member", CLOSED,
         "humanitarian organisations only"),
        ({"mandate_required": "humanitarian"}, Profile(humanitarian=True), "member", OPEN, ""),
        ({"limited_to_iso3": ("GHA",)}, Profile(), "member", CLOSED, "GHA"),
        ({"requirements": "Two referees."}, Profile(), "member", CONDITIONAL, "requirements"),
        ({}, Profile(), "suspended", OPEN, ""),
    ],
)
def test_assess_bands(fields, profile, status, band, reason):
    verdict = pathways.assess(_channel(**fields), profile, "KEN", status)
    assert verdict.band == band
    assert reason in "; ".join(verdict.reasons)


def test_pathways_rank_open_first_then_by_theme(min_atlas):
    result = pathways.pathways(min_atlas, "KEN", TODAY, Profile(themes=("peace_security",)))
    assert list(result.channel_id) == ["alpha-forum", "alpha-council"]
    assert list(result.band) == [OPEN, CLOSED]


def test_a_country_that_left_has_no_pathways_after_it_left(min_atlas):
    assert pathways.pathways(min_atlas, "MLI", TODAY, Profile()).empty
    assert not pathways.pathways(min_atlas, "MLI", dt.date(2024, 6, 1), Profile()).empty


def test_former_memberships_say_what_was_lost(min_atlas):
    former = profiles.former_memberships(min_atlas, "MLI", TODAY)
    assert former.acronym.tolist() == ["ALPHA"]
    assert former.lost_channels[0] == ["Alpha civil society forum"]


def test_summary_sentence_counts_members_and_open_channels(min_atlas):
    current = profiles.current_memberships(min_atlas, "HND", TODAY)
    assert profiles.summary_sentence(current, 1, 2) == (
        "Member of 1 regional organisation. For a national CSO, 1 channel is open now and 2 open "
        "if conditions are met.")
    french = profiles.summary_sentence(current, 1, 2, i18n.translator("fr"))
    assert french.startswith("Membre de 1 organisation régionale")


def test_rigo_members_marks_former_members(min_atlas):
    members = profiles.rigo_members(min_atlas, "alpha", TODAY).set_index("iso3")
    assert members.at["MLI", "status"] == "former" and members.at["KEN", "status"] == "member"


def test_country_pickers_show_names_without_emoji_flags_sorted_by_name(min_atlas, real_atlas):
    assert profiles.country_label(min_atlas, "KEN") == "Kenya"
    order = [profiles.country_name(real_atlas, c) for c in profiles.known_countries(real_atlas)]
    assert order == sorted(order, key=i18n.translator().sort_key)
    assert order.index("Aruba") > order.index("Angola")  # by name, not by code (ABW < AGO)


def test_briefing_escapes_data_and_cites_sources(min_atlas):
    result = pathways.pathways(min_atlas, "KEN", TODAY, Profile())
    result.loc[0, "name"] = "<script>alert(1)</script>"
    current = profiles.current_memberships(min_atlas, "KEN", TODAY)
    html = briefing.country_briefing("Kenya", "2026-11-22", "2026-01-01", "Member of 1.", current,
                                     result, profiles.networks_for(min_atlas, "KEN", ["alpha"]),
                                     min_atlas.sources)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "[1] Test source" in html and "Situation on 22 November 2026" in html
