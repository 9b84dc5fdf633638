"""The published dataset keeps the contract: columns, enums, keys, references, citations, truth."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from atlas.queries import membership_on
from etl import catalog
from etl.checks import is_iso3

ENUMS = {
    ("rigos", "region"): catalog.REGIONS,
    ("rigos", "scope"): catalog.SCOPES,
    ("memberships", "status"): catalog.MEMBERSHIP_STATUSES,
    ("channels", "channel_type"): catalog.CHANNEL_TYPES,
    ("channels", "space"): catalog.SPACES,
    ("channels", "participation_level"): catalog.PARTICIPATION_LEVELS,
    ("channels", "eligibility"): catalog.ELIGIBILITY,
    ("channels", "selection_by"): catalog.SELECTION_BY,
    ("channels", "status"): catalog.CHANNEL_STATUSES,
    ("channels", "confidence"): catalog.CONFIDENCE,
    ("networks", "scope"): catalog.NETWORK_SCOPES,
    ("network_links", "relation"): catalog.LINK_RELATIONS,
    ("sources", "kind"): catalog.SOURCE_KINDS,
    ("recommendations", "instrument"): catalog.REC_INSTRUMENTS,
    ("context", "topic"): catalog.CONTEXT_TOPICS,
}


@pytest.mark.parametrize(("table", "column"), list(ENUMS), ids=[f"{t}.{c}" for t, c in ENUMS])
def test_enum_columns_hold_only_contract_values(real_atlas, table, column):
    values = set(getattr(real_atlas, table)[column])
    assert values <= set(ENUMS[(table, column)])


@pytest.mark.parametrize("table", [t for t in catalog.TABLES], ids=lambda t: t.name)
def test_columns_and_unique_keys(real_atlas, table):
    df = getattr(real_atlas, table.name)
    assert tuple(df.columns) == table.columns
    assert not df.duplicated(list(table.key)).any()


@pytest.mark.parametrize("table", ["rigos", "memberships", "channels", "networks",
                                   "network_links", "recommendations", "network_countries",
                                   "context"])
def test_every_row_is_cited_with_known_sources(real_atlas, table):
    df = getattr(real_atlas, table)
    known = set(real_atlas.sources.source_id)
    assert df.source_ids.map(len).min() >= 1
    assert {s for ids in df.source_ids for s in ids} <= known
    if "last_verified" in df.columns:
        assert (df.last_verified != "").all()


def test_references_resolve(real_atlas):
    rigos, networks = set(real_atlas.rigos.rigo_id), set(real_atlas.networks.network_id)
    assert set(real_atlas.memberships.rigo_id) <= rigos
    assert set(real_atlas.channels.rigo_id) <= rigos
    assert set(real_atlas.network_links.network_id) <= networks
    linked = real_atlas.network_links[real_atlas.network_links.channel_id != ""]
    owner = real_atlas.channels.set_index("channel_id").rigo_id
    assert (linked.channel_id.map(owner) == linked.rigo_id).all()


def test_country_codes_are_iso(real_atlas):
    codes = (set(real_atlas.memberships.iso3) | set(real_atlas.rigos.hq_iso3)
             | set(real_atlas.network_countries.iso3))
    assert all(is_iso3(c) for c in codes)


def test_status_periods_never_overlap(real_atlas):
    m = real_atlas.memberships
    for (_, _), rows in m.groupby(["rigo_id", "iso3"]):
        rows = rows.sort_values("start_date")
        ends = rows.end_date.replace("", "9999-12-31").tolist()
        starts = rows.start_date.replace("", "0000-01-01").tolist()
        assert all(ends[i] <= starts[i + 1] for i in range(len(rows) - 1)), rows


def test_coverage_meets_the_dataset_issue(real_atlas):
    assert len(real_atlas.rigos) >= 25
    assert len(real_atlas.channels) >= 120
    assert len(real_atlas.networks) >= 30
    assert len(real_atlas.network_links) >= 40
    assert len(real_atlas.recommendations) == 27  # every bullet of the report's "Way Forward"


SEED_CHANNELS = [
    "au-ecosocc", "au-observer-status", "au-commission-mou", "au-invited-spaces",
    "au-created-spaces", "au-joint-spaces", "ecowas-wanep-mou", "ecowas-wanep-ecowarn",
    "oas-cso-registry", "oas-ga-dialogue", "oas-summits-civil-society",
    "oas-social-actor-mechanisms", "oas-iachr-petitions", "oas-summit-liaison-office-proposal",
    "oas-upd-democracy-assistance", "sica-cc-sica", "pif-cso-regional-security-dialogue",
    "pif-frsc-cso-papers", "pif-cso-affiliation", "eu-csdn", "eu-ifs", "eu-delegations-cso-roadmaps",
    "eu-csdp-missions", "asean-acsc-apf-interface", "las-civil-society-within-states",
    "unasur-citizen-participation", "osce-hcnm", "osce-human-dimension-conference",
    "osce-field-operations", "coe-cooperation-programmes", "idb-consoc",
    "igad-greater-horn-horizon-forum",
]
SEED_NETWORKS = ["gppac", "wanep", "eplo", "cries", "accord", "piango", "wacsof", "sadc-cngo",
                 "civic-solidarity-platform", "forum-asia", "club-de-madrid", "icrtop"]


def test_every_mechanism_and_network_the_seed_names_is_there(real_atlas):
    assert set(SEED_CHANNELS) <= set(real_atlas.channels.channel_id)
    assert set(SEED_NETWORKS) <= set(real_atlas.networks.network_id)


def test_seed_facts_are_coded(real_atlas):
    ch = real_atlas.channels.set_index("channel_id")
    assert ch.at["au-ecosocc", "min_member_funding_share"] == "0.5"
    assert {"data_collection", "analysis"} <= set(ch.at["ecowas-wanep-ecowarn", "ew_roles"])
    assert ch.at["pif-cso-regional-security-dialogue", "established_year"] == "2009"
    assert ch.at["eu-ifs", "status"] == "ended"
    assert real_atlas.networks.set_index("network_id").at["wanep", "parent_network_id"] == "gppac"


def test_every_rigo_says_something_about_civil_society(real_atlas):
    """A RIGO with no formal channel has a row that says so; none is silently empty."""
    assert set(real_atlas.rigos.rigo_id) <= set(real_atlas.channels.rigo_id)


# (country, organisation, date, expected status or None): facts checked against public sources.
SPOT_CHECKS = [
    ("MLI", "ecowas", "2024-06-01", "suspended"), ("MLI", "ecowas", "2025-06-01", None),
    ("BFA", "ecowas", "2026-11-22", None), ("NER", "ecowas", "2023-01-01", "member"),
    ("TLS", "asean", "2026-11-22", "member"), ("TLS", "asean", "2024-01-01", "observer"),
    ("MMR", "asean", "2026-11-22", "member"), ("GBR", "eu", "2019-06-01", "member"),
    ("GBR", "eu", "2021-01-01", None), ("HRV", "eu", "2014-01-01", "member"),
    ("UKR", "eu", "2023-01-01", "candidate"), ("RUS", "coe", "2021-01-01", "member"),
    ("RUS", "coe", "2023-01-01", None), ("MNE", "coe", "2026-11-22", "member"),
    ("COD", "eac", "2023-01-01", "member"), ("COD", "eac", "2021-01-01", None),
    ("SOM", "eac", "2025-01-01", "member"), ("SSD", "eac", "2017-01-01", "member"),
    ("SYR", "las", "2015-01-01", "suspended"), ("SYR", "las", "2024-01-01", "member"),
    ("PSE", "las", "2026-11-22", "member"), ("NIC", "oas", "2022-06-01", "member"),
    ("NIC", "oas", "2024-06-01", None), ("HND", "oas", "2010-01-01", "suspended"),
    ("VEN", "mercosur", "2020-01-01", "suspended"), ("BOL", "mercosur", "2025-01-01", "member"),
    ("FJI", "pif", "2010-01-01", "suspended"), ("FJI", "pif", "2016-01-01", "member"),
    ("KIR", "pif", "2022-12-01", None), ("KIR", "pif", "2024-01-01", "member"),
    ("EGY", "au", "2013-08-01", "suspended"), ("EGY", "au", "2015-01-01", "member"),
    ("MAR", "au", "2010-01-01", None), ("MAR", "au", "2018-01-01", "member"),
    ("SSD", "au", "2012-01-01", "member"), ("GIN", "au", "2022-06-01", "suspended"),
    ("MLI", "au", "2026-11-22", "suspended"), ("SDN", "au", "2026-11-22", "suspended"),
    ("KEN", "igad", "2026-11-22", "member"), ("HND", "sica", "2026-11-22", "member"),
    ("COM", "sadc", "2026-01-01", "member"), ("ESH", "au", "2026-11-22", "member"),
]


@pytest.mark.parametrize(("iso3", "rigo", "day", "expected"), SPOT_CHECKS,
                         ids=[f"{i}-{r}-{d}" for i, r, d, _ in SPOT_CHECKS])
def test_spot_check_status(real_atlas, iso3, rigo, day, expected):
    held = membership_on(real_atlas.memberships, dt.date.fromisoformat(day))
    rows = held[(held.iso3 == iso3) & (held.rigo_id == rigo)]
    assert list(rows.status) == ([expected] if expected else [])


def test_current_member_counts(real_atlas):
    today = membership_on(real_atlas.memberships, dt.date(2026, 11, 22))
    counts = today[today.status.isin(["member", "suspended"])].groupby("rigo_id").size()
    expected = {"au": 55, "eu": 27, "coe": 46, "osce": 57, "asean": 11, "las": 22, "oic": 57,
                "ecowas": 12, "eac": 8, "gcc": 6, "saarc": 8}
    assert pd.Series(expected).to_dict() == counts[list(expected)].to_dict()


CITING_TABLES = ("rigos", "memberships", "channels", "networks", "network_links",
                 "recommendations", "questions", "network_countries", "context")


@pytest.mark.parametrize("seed", catalog.SEED_FILES)
def test_every_seed_file_is_cited_by_a_record(real_atlas, seed):
    """A seed no record cites is a seed whose facts the atlas may have dropped (issue 14)."""
    ids = set(real_atlas.sources[real_atlas.sources.url == seed].source_id)
    assert ids, f"no source points at {seed}"
    cited = {s for name in CITING_TABLES for row in getattr(real_atlas, name).source_ids
             for s in row}
    assert ids & cited, f"{seed} ({', '.join(sorted(ids))}) is cited by no record"


def test_no_source_url_is_a_search_or_a_session(real_atlas):
    from etl.source_urls import not_a_search_page

    for url in real_atlas.sources.url:
        not_a_search_page(url)


def test_network_countries_belong_to_known_networks_and_years(real_atlas):
    nc = real_atlas.network_countries
    assert set(nc.network_id) <= set(real_atlas.networks.network_id)
    assert nc.as_of_year.map(lambda y: 1990 <= int(y) <= dt.date.today().year).all()


def test_context_never_makes_the_un_a_regional_organisation(real_atlas):
    named = {r for row in real_atlas.context.rigo_ids for r in row}
    assert named <= set(real_atlas.rigos.rigo_id)
    assert "un" not in set(real_atlas.rigos.rigo_id)


# Facts for which no primary or secondary page is stored (searched 2026-12-02); each is shown with
# its source marked "(a copy on a third-party site)" wherever it is cited.
ONLY_ON_COPIES = {
    ("network_links", ("club-de-madrid", "oas", "", "mou")),   # OAS remarks, 22 Sep 2009: docest copy
    ("translations", ("rigos", "coe", "acronym", "fr")),       # "CdE": only the issuu brochure
}


@pytest.mark.parametrize("table", [t for t in catalog.TABLES if "source_ids" in t.columns],
                         ids=lambda t: t.name)
def test_no_record_rests_only_on_copies_or_encyclopedias(real_atlas, table):
    """Issue 14: a mirror or an encyclopedia may back a fact, but is its only support only where
    no other page is stored, and then the fact is listed here."""
    weak = set(real_atlas.sources.source_id[real_atlas.sources.kind.isin(["mirror", "encyclopedia"])])
    df = getattr(real_atlas, table.name)
    alone = [row[table.key[0]] if len(table.key) == 1 else tuple(row[k] for k in table.key)
             for _, row in df.iterrows() if row.source_ids and set(row.source_ids) <= weak]
    assert [k for k in alone if (table.name, k) not in ONLY_ON_COPIES] == []
