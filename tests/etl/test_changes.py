"""The change log derived from membership periods and the corrections log, and its Atom feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pandas as pd
import pytest

from etl import catalog, changes, feeds

ATOM = "{http://www.w3.org/2005/Atom}"


def periods(*rows: tuple[str, ...]) -> pd.DataFrame:
    """Membership periods of made-up countries in organisation 'alpha': (iso3, status, start, end)
    and optionally a note."""
    return pd.DataFrame([{"rigo_id": "alpha", "iso3": iso3, "status": status, "start_date": start,
                          "end_date": end, "note": note[0] if note else "",
                          "source_ids": f"src-{iso3.lower()}", "last_verified": "2026-12-01"}
                         for iso3, status, start, end, *note in rows])


def tables(memberships: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "memberships": memberships,
        "rigos": pd.DataFrame({"rigo_id": ["alpha"], "acronym": ["ALPHA"]}),
        "countries": pd.DataFrame({"iso3": ["KEN", "MLI", "UGA", "TLS"],
                                   "name": ["Kenya", "Mali", "Uganda", "Timor-Leste"]}),
        "channels": pd.DataFrame({"channel_id": ["alpha-council"], "rigo_id": ["alpha"],
                                  "name": ["Alpha Council"]}),
        "sources": pd.DataFrame({"source_id": ["src-ken", "src-mli", "src-uga", "src-tls", "ev-1"],
                                 "url": ["https://example.org/ken", "https://example.org/mli",
                                         "seed.txt", "https://example.org/tls",
                                         "https://example.org/evidence"]}),
    }


def kinds(df: pd.DataFrame) -> list[tuple[str, str, str]]:
    return sorted(zip(df.iso3, df.date, df.kind, strict=True))


def test_a_dated_start_is_a_join_and_an_undated_one_is_no_change():
    log = changes.table(tables(periods(("KEN", "member", "2000-07-07", ""),
                                       ("UGA", "member", "", ""))))
    assert kinds(log) == [("KEN", "2000-07-07", "joined")]
    row = log.iloc[0]
    assert row.summary == "ALPHA: Kenya became a member."
    assert row.record_id == "alpha/KEN/2000-07-07" and row.source_ids == "src-ken"


def test_a_suspension_between_two_member_periods_is_suspended_then_reinstated():
    log = changes.table(tables(periods(("MLI", "member", "", "2012-03-23"),
                                       ("MLI", "suspended", "2012-03-23", "2012-10-24"),
                                       ("MLI", "member", "2012-10-24", ""))))
    assert kinds(log) == [("MLI", "2012-03-23", "suspended"), ("MLI", "2012-10-24", "reinstated")]


def test_an_end_with_nothing_after_it_is_an_exit_even_while_suspended():
    log = changes.table(tables(periods(("MLI", "member", "1975-05-28", "2021-05-30"),
                                       ("MLI", "suspended", "2021-05-30", "2025-01-29"),
                                       ("UGA", "member", "", "2025-12-12"))))
    assert kinds(log) == [("MLI", "1975-05-28", "joined"), ("MLI", "2021-05-30", "suspended"),
                          ("MLI", "2025-01-29", "left"), ("UGA", "2025-12-12", "left")]


def test_observer_admission_then_membership_and_a_return_after_leaving():
    log = changes.table(tables(periods(("TLS", "observer", "2022-11-11", "2025-10-26"),
                                       ("TLS", "member", "2025-10-26", ""),
                                       ("KEN", "member", "1949-08-09", "1969-12-12"),
                                       ("KEN", "member", "1974-11-28", ""))))
    assert kinds(log) == [("KEN", "1949-08-09", "joined"), ("KEN", "1969-12-12", "left"),
                          ("KEN", "1974-11-28", "rejoined"),
                          ("TLS", "2022-11-11", "observer_admitted"), ("TLS", "2025-10-26", "joined")]


def test_a_day_the_note_calls_unverified_is_flagged_on_its_own_side():
    log = changes.table(tables(periods(
        ("TLS", "observer", "2002-12-31", "", "unverified: the day; the period starts on 31 "
                                             "December 2002, the first day the status is certain."),
        ("MLI", "member", "2008-05-23", "2019-10-17", "unverified: the end date is computed as six "
                                                      "months after the notice."))))
    flags = dict(zip(log.kind, log.day_unverified, strict=True))
    assert flags == {"observer_admitted": "true", "joined": "false", "left": "true"}
    assert log.set_index("kind").at["left", "summary"] == "ALPHA: Mali left. (Exact day not confirmed.)"


def corrections(*entries: dict) -> pd.DataFrame:
    base = dict.fromkeys(changes.CORRECTION_COLUMNS, "")
    return pd.DataFrame([{**base, **e} for e in entries], columns=list(changes.CORRECTION_COLUMNS))


def test_corrections_become_channel_changes_with_their_evidence():
    log = changes.table(tables(periods(("UGA", "member", "", ""))), corrections(
        {"correction_id": "c-2026-12-02-1", "date": "2026-12-02", "table": "channels",
         "record_id": "alpha-council", "field": "how_to_engage", "change": "changed",
         "source_ids": "ev-1"},
        {"correction_id": "c-2026-12-02-2", "date": "2026-12-02", "table": "networks",
         "record_id": "wanep", "field": "*", "change": "changed", "source_ids": "ev-1"}))
    by_id = log.set_index("change_id")
    channel = by_id.loc["correction:c-2026-12-02-1"]
    assert (channel.kind, channel.rigo_id, channel.iso3) == ("channel_changed", "alpha", "")
    assert channel.summary == "ALPHA: Alpha Council: how to engage corrected."
    assert channel.source_ids == "ev-1"
    other = by_id.loc["correction:c-2026-12-02-2"]
    assert (other.kind, other.rigo_id) == ("correction", "")


def test_the_log_has_the_contract_columns_and_stable_unique_ids():
    made = tables(periods(("MLI", "member", "", "2012-03-23"),
                          ("MLI", "suspended", "2012-03-23", "")))
    first, again = changes.table(made), changes.table(made)
    assert tuple(first.columns) == catalog.CHANGES.columns
    assert first.change_id.is_unique and first.equals(again)
    assert set(first.kind) <= set(changes.KINDS)


def test_without_a_corrections_table_the_log_treats_corrections_as_empty():
    made = tables(periods(("KEN", "member", "2000-07-07", "")))
    assert "corrections" not in made
    assert list(changes.table(made).kind) == ["joined"]


@pytest.fixture
def built_feeds() -> dict[str, bytes]:
    made = tables(periods(("MLI", "member", "", "2012-03-23"),
                          ("MLI", "suspended", "2012-03-23", "2012-10-24"),
                          ("MLI", "member", "2012-10-24", ""), ("KEN", "member", "2000-07-07", "")))
    made["changes"] = changes.table(made, corrections(
        {"correction_id": "c-1", "date": "2026-12-02", "table": "channels",
         "record_id": "alpha-council", "field": "*", "change": "added", "source_ids": "ev-1"}))
    return feeds.files(made, base="")


def test_feeds_are_written_for_all_each_organisation_and_each_country(built_feeds):
    assert set(built_feeds) == {"all.atom", "rigo/alpha.atom", "country/KEN.atom",
                                "country/MLI.atom"}


def test_every_feed_parses_back_as_valid_atom_newest_first(built_feeds):
    for name, data in built_feeds.items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (name, parsed.bozo_exception)
        assert parsed.version == "atom10"
        assert parsed.feed.id.startswith("tag:engagement-atlas,2026:") and parsed.feed.title
        root = ET.fromstring(data)
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        assert entries
        for entry in entries:
            for part in ("id", "title", "updated", "link"):
                assert entry.find(f"{ATOM}{part}") is not None, (name, part)
        updated = [e.find(f"{ATOM}updated").text for e in entries]  # type: ignore[union-attr]
        assert updated == sorted(updated, reverse=True)
        assert root.find(f"{ATOM}updated").text == updated[0]  # type: ignore[union-attr]


def test_a_country_feed_holds_its_memberships_and_its_organisations_channels(built_feeds):
    kenya = feedparser.parse(built_feeds["country/KEN.atom"])
    titles = [e.title for e in kenya.entries]
    assert titles == ["ALPHA: new channel, Alpha Council.", "ALPHA: Kenya became a member."]
    assert kenya.entries[1].link == "/country?iso3=KEN"
    assert kenya.entries[0].link == "/rigo?id=alpha"
    assert "https://example.org/evidence" in kenya.entries[0].summary
    mali = feedparser.parse(built_feeds["country/MLI.atom"])
    assert [e.tags[0].term for e in mali.entries] == ["channel_added", "reinstated", "suspended"]


def test_feeds_are_deterministic_and_can_link_absolutely(built_feeds):
    made = tables(periods(("KEN", "member", "2000-07-07", "")))
    made["changes"] = changes.table(made)
    assert feeds.files(made, base="") == feeds.files(made, base="")
    absolute = feedparser.parse(feeds.files(made, base="https://atlas.example.org")["all.atom"])
    assert absolute.entries[0].link == "https://atlas.example.org/country?iso3=KEN"


def test_the_published_feeds_parse_back(tmp_path):
    from etl.build import ROOT

    folder = ROOT / "static" / "data" / "feeds"
    names = sorted(folder.rglob("*.atom"))
    assert (folder / "all.atom") in names and (folder / "country" / "KEN.atom") in names
    for path in names:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo and parsed.entries, path
        assert len(parsed.entries) <= feeds.LIMIT


def test_a_logged_correction_reaches_the_change_log_and_the_feeds(raw_copy, tmp_path):
    """Through the whole build: data/raw/corrections.yaml -> corrections.csv -> changes.csv and
    the Atom feeds in static/."""
    from etl.build import build

    (raw_copy / "corrections.yaml").write_text(
        "corrections:\n"
        "  - correction_id: c-2026-01-02-1\n    date: 2026-01-02\n    table: channels\n"
        "    record_id: alpha-forum\n    field: how_to_engage\n    change: changed\n"
        "    old: Old.\n    new: Write to the secretariat.\n    why: The page changed.\n"
        "    source_ids: [test-source]\n    last_verified: 2026-01-02\n", encoding="utf-8")
    build(raw_copy, tmp_path / "processed", tmp_path / "static")
    log = pd.read_csv(tmp_path / "processed" / "changes.csv", dtype=str, keep_default_na=False)
    row = log.set_index("change_id").loc["correction:c-2026-01-02-1"]
    assert (row.kind, row.rigo_id, row.date) == ("channel_changed", "alpha", "2026-01-02")
    feed = feedparser.parse((tmp_path / "static" / "feeds" / "rigo" / "alpha.atom").read_bytes())
    assert feed.entries[0].id == "tag:engagement-atlas,2026:change/correction:c-2026-01-02-1"
    assert feed.feed.updated.startswith("2026-01-02")


def test_check_fails_when_a_feed_was_edited_or_is_missing(raw_copy, tmp_path, capsys):
    from etl.__main__ import main

    args = ["--raw", str(raw_copy), "--out", str(tmp_path / "processed"),
            "--static", str(tmp_path / "static")]
    assert main(["build", *args]) == 0
    assert main(["check", *args]) == 0
    feed = tmp_path / "static" / "feeds" / "all.atom"
    feed.write_bytes(feed.read_bytes().replace(b"<title>", b"<title>Edited ", 1))
    assert main(["check", *args]) == 1
    assert "feeds/all.atom" in capsys.readouterr().out
    feed.unlink()
    assert main(["check", *args]) == 1
