"""Dates before an organisation existed: its predecessor or nothing, never the successor."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from atlas import briefing, eras, i18n, pathways, profiles, queries, views

BEFORE_AU = dt.date(2001, 6, 1)  # the AU replaced the OAU on 9 July 2002
AFTER_AU = dt.date(2002, 7, 9)
AU = {"rigo_id": "au", "acronym": "AU", "founded_year": "2000",
      "predecessor": "Organisation of African Unity (OAU), 1963-2002",
      "predecessor_until": "2002-07-09"}


@pytest.mark.parametrize(
    ("rigo", "day", "expected"),
    [
        (AU, BEFORE_AU, eras.PREDECESSOR),
        (AU, dt.date(2002, 7, 8), eras.PREDECESSOR),
        (AU, AFTER_AU, eras.EXISTS),  # predecessor_until is the successor's first day
        ({**AU, "predecessor": ""}, BEFORE_AU, eras.NOT_YET),
        ({"founded_year": "2008", "predecessor": "", "predecessor_until": ""},
         dt.date(2007, 12, 31), eras.NOT_YET),
        ({"founded_year": "2008", "predecessor": "", "predecessor_until": ""},
         dt.date(2008, 1, 1), eras.EXISTS),
        ({"founded_year": "", "predecessor": "", "predecessor_until": ""}, BEFORE_AU, eras.EXISTS),
    ],
)
def test_era_of_an_organisation_on_a_date(rigo, day, expected):
    assert eras.era(rigo, day) == expected


def test_kenya_before_the_au_is_in_the_oau_never_the_au(real_atlas):
    current = profiles.current_memberships(real_atlas, "KEN", BEFORE_AU).set_index("rigo_id")
    assert current.at["au", "era"] == eras.PREDECESSOR
    t = i18n.translator()
    assert eras.predecessor_label(t, current.loc["au"]).startswith(
        "Organisation of African Unity (OAU)")
    page = views.country(real_atlas, "KEN", BEFORE_AU).briefing
    assert "predecessor of the AU, until 9 July 2002" in page
    assert not re.search(r"<li>AU: African Union", page)


def test_counts_channels_and_networks_leave_the_au_out_before_it_existed(real_atlas):
    counts = queries.country_channel_counts(real_atlas, BEFORE_AU).set_index("iso3")
    assert "AU" not in counts.at["KEN", "rigos"].split(", ")
    assert "au" not in pathways.country_statuses(real_atlas, "KEN", BEFORE_AU)
    view = views.country(real_atlas, "KEN", BEFORE_AU)
    assert "au" not in set(view.paths.rigo_id)
    assert "au" not in set(view.networks.rigo_id)
    after = queries.country_channel_counts(real_atlas, AFTER_AU).set_index("iso3")
    assert "AU" in after.at["KEN", "rigos"].split(", ")


def test_organisation_page_before_it_existed_lists_the_predecessors_members(real_atlas):
    members = profiles.rigo_members(real_atlas, "au", BEFORE_AU)
    assert len(members) and set(members.era) == {eras.PREDECESSOR}
    absent = eras.not_existing(real_atlas, BEFORE_AU)
    assert "AU" in set(absent.acronym)


def test_nothing_before_a_founding_without_predecessor(min_atlas):
    """An organisation founded later, with no predecessor, shows no member before its founding,
    even if a row (which the ETL would refuse) were undated."""
    rigo_id = min_atlas.memberships.rigo_id.iloc[0]
    rigos = min_atlas.rigos.assign(founded_year=min_atlas.rigos.founded_year.mask(
        min_atlas.rigos.rigo_id == rigo_id, "2010"), predecessor="", predecessor_until="")
    later = dataclasses.replace(min_atlas, rigos=rigos)
    assert rigo_id not in set(eras.held_on(later, dt.date(2009, 12, 31)).rigo_id)
    assert rigo_id not in set(queries.country_channel_counts(later, dt.date(2009, 6, 1)).rigos.str
                              .lower().str.split(", ").explode())
    assert profiles.rigo_members(later, rigo_id, dt.date(2009, 6, 1)).query("status != 'former'"
                                                                            ).empty


def test_an_empty_start_reads_since_before_2000():
    t = i18n.translator()
    assert eras.since_label(t, "") == "since before 2000"
    assert eras.since_label(t, "2005-02-25") == "since 25 February 2005"


def test_briefing_item_never_blank_and_names_the_predecessor():
    t = i18n.translator()
    item = briefing._membership_item({**AU, "name": "African Union", "status": "member",
                                      "start_date": "", "era": eras.PREDECESSOR}, t)
    assert "since before 2000" in item and "predecessor of the AU" in item
    assert "African Union" not in item


def test_networks_in_kenya_come_with_their_own_sources(real_atlas):
    here = queries.networks_in_country(real_atlas, "KEN")
    assert len(here) and all(len(ids) for ids in here.source_ids)


def test_the_au_history_starts_when_the_au_did(real_atlas):
    periods = profiles.history(real_atlas, "au", dt.date(2026, 12, 2))
    assert periods["from"].min() == "2002-07-09"
    assert profiles.history(real_atlas, "ecowas", dt.date(2026, 12, 2))["from"].min() == "1990-01-01"
