"""The Suggest page's pure layer: record ids and lookups, links, and hostile `from` values."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from atlas import i18n, suggesting
from atlas.escape import for_page_href
from atlas.suggestions import screen


def test_every_correctable_field_is_one_the_store_accepts():
    for table, fields in suggesting.FIELDS.items():
        assert set(fields) | {suggesting.WHOLE} <= set(screen.ALLOWED[table]), table
    assert set(suggesting.FIELD_LABELS) >= {f for fs in suggesting.FIELDS.values() for f in fs}


def test_the_pages_list_matches_the_app():
    import re

    from tests.app.test_pages import ROOT

    paths = re.findall(r'url_path="([^"]+)"', (ROOT / "streamlit_app.py").read_text())
    assert set(paths) - {suggesting.PAGE} == set(suggesting.PAGES)


@pytest.mark.parametrize("table", list(suggesting.KINDS))
def test_each_table_finds_its_first_record_by_its_id(real_atlas, table):
    frame = getattr(real_atlas, table)
    row = next(frame.itertuples(index=False))
    rid = suggesting.record_id(table, row)
    record = suggesting.find(real_atlas, table, rid)
    assert record is not None and record.title and record.values
    assert suggesting.find(real_atlas, table, rid + "x") is None


def test_a_membership_id_is_the_one_the_review_command_reads(real_atlas, tmp_path):
    """The Suggest page and `etl review` name a membership period the same way (RIGO/ISO3/START)."""
    from etl.build import RAW
    from etl.corrections.apply import curated
    from etl.record_ids import exists

    rows = real_atlas.memberships[(real_atlas.memberships.rigo_id == "eac")
                                  & (real_atlas.memberships.iso3 == "KEN")]
    data = curated(RAW)
    rid = suggesting.record_id("memberships", rows.iloc[0])
    assert rid.startswith("eac/KEN/")
    assert suggesting.find(real_atlas, "memberships", rid).title == "EAC · Kenya"
    assert exists(data, "memberships", rid)
    undated = real_atlas.memberships[real_atlas.memberships.start_date == ""].iloc[0]
    assert suggesting.record_id("memberships", undated).endswith("/before-2000")
    assert exists(data, "memberships", suggesting.record_id("memberships", undated))


@pytest.mark.parametrize(("raw", "kept"), [
    ("/country?iso3=KEN&lang=fr", "/country?iso3=KEN&lang=fr"),
    ("/", "/home"),
    ("https://evil.example/country", ""), ("//evil.example/country", ""),
    ("/\\evil.example", ""), ("javascript:alert(1)", ""), ("/admin?x=1", ""),
    ("/country?iso3=KEN\n", ""), ("/country?" + "a" * 600, ""),
    ("/country?iso3=<script>", "/country?iso3=%3Cscript%3E"),
    (["/rigo?id=au", "https://evil.example"], ""),
])
def test_from_is_kept_only_as_a_relative_link_to_our_pages(raw, kept):
    assert suggesting.safe_return(raw) == kept


def test_a_record_link_is_relative_and_carries_the_record_language_and_origin():
    t = i18n.translator("fr")
    md = suggesting.record_link(t, "channels", "au-ecosocc", "/country?iso3=KEN&lang=fr")
    label, href = md[1:-1].split("](")
    assert label == "Proposer une correction" and href.startswith("/suggest?")
    query = parse_qs(urlsplit(href).query)
    assert query == {"table": ["channels"], "id": ["au-ecosocc"], "field": ["*"], "lang": ["fr"],
                     "from": ["/country?iso3=KEN&lang=fr"]}


@pytest.mark.parametrize("url", ["https://evil.example", "//evil.example", "javascript:x",
                                 "/\\evil", "suggest"])
def test_only_our_own_relative_links_pass_for_page_href(url):
    assert for_page_href(url) == ""


def test_reading_the_request(real_atlas):
    read = suggesting.read
    assert read(real_atlas, {"table": "channels", "id": ""}).kind == "missing"
    assert read(real_atlas, {"table": "channels"}).kind == "missing"
    assert read(real_atlas, {}).kind == "page"
    hit = read(real_atlas, {"table": "channels", "id": "au-ecosocc", "field": "nope"})
    assert hit.kind == "record" and hit.field == suggesting.WHOLE
    miss = read(real_atlas, {"table": "rigos", "id": "x" * 10_000})
    assert miss.kind == "page" and miss.problem is not None
    assert len(miss.problem.values["value"]) <= 41


def test_links_for_many_records_are_the_single_links(real_atlas):
    rows = real_atlas.memberships.head(30)
    ids = suggesting.record_ids("memberships", rows)
    assert ids == [suggesting.record_id("memberships", r) for r in rows.itertuples(index=False)]
    for lang in ("en", "ar"):
        many = suggesting.links_for("memberships", ids, lang, "/rigo?id=au")
        one = [suggesting.link("memberships", i, "*", lang, "/rigo?id=au") for i in ids]
        assert [parse_qs(urlsplit(u).query) for u in many] == [parse_qs(urlsplit(u).query)
                                                                for u in one]
