"""Applying a reviewed correction: a minimal edit of data/raw that keeps comments and order, the
evidence cited, the change logged, and nothing written at all when the build refuses it."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from etl.corrections import apply as applying
from etl.corrections.change import Change, Refused, is_official, value
from etl.corrections.edit import edit_record

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 2)


def change(**overrides) -> Change:
    values = dict(table="channels", record_id="alpha-forum", field="how_to_engage",
                  proposed="Write to the new secretariat address.",
                  evidence_url="https://news.example.net/alpha-forum-moves",
                  why="The forum page moved.", reference="S-7K3Q9XWD", today=TODAY)
    values.update(overrides)
    return Change(**values)


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_a_real_file_changes_only_the_field_its_sources_and_its_date():
    text = (ROOT / "data" / "raw" / "rigos" / "au.yaml").read_text(encoding="utf-8")
    new, old = edit_record(text, change(record_id="au-ecosocc", proposed="Apply online: see #3."),
                           "evidence-s-7k3q9xwd")
    diff = changed_lines(text, new)
    assert old.startswith("Check with the ECOSOCC Secretariat")
    assert [line for line in diff if line.startswith("+")] == [
        "+    how_to_engage: 'Apply online: see #3.'",
        "+    source_ids: [gppac-2012, au-ecosocc-worldlibrary, au-ecdpm-2024, "
        "au-psc-maseru-conclusions-2014, au-cido-page, evidence-s-7k3q9xwd]",
        "+    last_verified: 2026-12-02",
    ]
    assert len([line for line in diff if line.startswith("-")]) == 1 + 4 + 2  # key, 4 folded lines
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments == [line for line in new.splitlines() if line.lstrip().startswith("#")]


def test_comments_and_key_order_survive_and_a_missing_key_goes_in_its_place(raw_copy):
    path = raw_copy / "min.yaml"
    text = path.read_text().replace("  - channel_id: alpha-council\n",
                                    "  # the council, elected\n  - channel_id: alpha-council\n")
    text = text.replace("    how_to_engage: Stand for election", "    # how to stand\n"
                        "    how_to_engage: Stand for election")
    new, old = edit_record(text, change(record_id="alpha-council", field="url",
                                        proposed="https://example.org/alpha/council"), "ev-1")
    assert old is None
    assert "  # the council, elected\n" in new and "    # how to stand\n" in new
    block = new[new.index("channel_id: alpha-council"):new.index("channel_id: beta-registry")]
    keys = [line.split(":")[0].strip() for line in block.splitlines()[1:]
            if ":" in line and not line.lstrip().startswith(("#", "-"))]
    assert keys[keys.index("how_to_engage") + 1] == "url"  # the contract's order, not the end
    assert len(changed_lines(text, new)) == 5  # url added; source_ids, last_verified replaced


def test_a_membership_shared_by_countries_is_split_for_the_one_that_changed(raw_copy):
    text = (raw_copy / "min.yaml").read_text()
    new, old = edit_record(text, change(table="memberships", record_id="alpha/UGA/2000-01-01",
                                        field="end_date", proposed="2026-06-30"), "ev-1")
    assert old is None
    assert "    iso3: KEN\n" in new
    assert ("  - rigo_id: alpha\n    iso3: UGA\n    status: member\n    start_date: 2000-01-01\n"
            "    end_date: 2026-06-30\n    source_ids: [test-source, ev-1]\n"
            "    last_verified: 2026-12-02\n") in new


@pytest.mark.parametrize(("field", "proposed", "current", "expected"), [
    ("themes", "peace_security; gender", ["x"], ["peace_security", "gender"]),
    ("end_date", "2026-01-31", None, dt.date(2026, 1, 31)),
    ("end_date", "31/01/2026", None, "31/01/2026"),  # left for the build to refuse, named
    ("established_year", "2011", 2010, 2011),
    ("registered_in_member_state", "true", None, True),
    ("url", "  ", "https://example.org", None),
    ("how_to_engage", "Write: now", "Old", "Write: now"),
])
def test_the_proposed_text_becomes_the_value_the_schema_expects(field, proposed, current, expected):
    assert value("channels", field, proposed, current) == expected


def test_evidence_on_the_organisations_own_site_is_official():
    assert is_official("https://www.au.int/en/ecosocc", ["https://au.int"])
    assert is_official("https://ecosocc.au.int/x", ["https://au.int"])
    assert not is_official("https://notau.int/x", ["https://au.int"])
    assert not is_official("https://news.example.net/x", ["https://au.int", None])


def test_applying_writes_the_change_the_source_and_the_log_and_rebuilds(raw_copy, tmp_path):
    out = tmp_path / "processed"
    done = applying.apply(change(why="Moved.\x1b[2J"), raw_copy, out)
    assert done.correction_id == "c-2026-12-02-1" and done.old == "Register on the forum page."
    channels = pd.read_csv(out / "channels.csv", dtype=str).set_index("channel_id")
    assert channels.at["alpha-forum", "how_to_engage"] == "Write to the new secretariat address."
    assert channels.at["alpha-forum", "source_ids"] == "test-source;evidence-s-7k3q9xwd"
    assert channels.at["alpha-forum", "last_verified"] == "2026-12-02"
    log = pd.read_csv(out / "corrections.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (log.table, log.record_id, log.field, log.change) == (
        "channels", "alpha-forum", "how_to_engage", "changed")
    assert (log.old, log.suggestion, log.why) == ("Register on the forum page.", "S-7K3Q9XWD",
                                                  "Moved. [2J")
    source = pd.read_csv(out / "sources.csv", dtype=str).set_index("source_id").loc[
        "evidence-s-7k3q9xwd"]
    assert (source.kind, source.accessed) == ("secondary", "2026-12-02")
    assert "suggestion S-7K3Q9XWD" in source.title


def test_closing_a_channel_is_logged_as_closed_and_a_known_url_is_not_declared_twice(raw_copy):
    done = applying.apply(change(field="status", proposed="ended",
                                 evidence_url="https://example.org/test"), raw_copy)
    assert done.source_id == "test-source"
    log = (raw_copy / "corrections.yaml").read_text()
    assert "change: closed" in log and "new:" not in log and "sources" not in log


def test_a_change_the_build_refuses_leaves_every_file_as_it_was(raw_copy, tmp_path):
    out = tmp_path / "processed"
    applying.apply(change(), raw_copy, out)  # a first correction: the log file exists
    raw_before, out_before = hashes(raw_copy), hashes(out)
    with pytest.raises(applying.Failed) as failed:
        applying.apply(change(field="status", proposed="gone", reference="S-BBBBBBBB"),
                       raw_copy, out)
    assert f"{raw_copy / 'min.yaml'}:alpha-forum:status: 'gone' is not one of" in str(failed.value)
    assert hashes(raw_copy) == raw_before and hashes(out) == out_before


def test_a_search_page_as_evidence_is_refused_by_the_build_and_nothing_is_written(raw_copy):
    before = hashes(raw_copy)
    with pytest.raises(applying.Failed, match="evidence-s-7k3q9xwd:url"):
        applying.apply(change(evidence_url="https://example.org/search?q=alpha"), raw_copy)
    assert hashes(raw_copy) == before and not (raw_copy / "corrections.yaml").exists()


@pytest.mark.parametrize(("overrides", "says"), [
    ({"record_id": "", "field": "*"}, "add it by hand"),
    ({"field": "*"}, "add it by hand"),
    ({"table": "network_countries", "record_id": "net-one/KEN", "field": "as_of_year"}, "by hand"),
    ({"table": "memberships", "record_id": "alpha/KEN/2000-01-01", "field": "iso3"}, "by hand"),
    ({"field": "channel_id"}, "by hand"),
    ({"record_id": "no-such-channel"}, "no single channels record 'no-such-channel'"),
    ({"table": "memberships", "record_id": "alpha/FRA", "field": "end_date"}, "no single"),
])
def test_what_cannot_be_applied_automatically_is_refused_with_a_reason(raw_copy, overrides, says):
    before = hashes(raw_copy)
    with pytest.raises(Refused, match=says):
        applying.apply(change(**overrides), raw_copy)
    assert hashes(raw_copy) == before


def test_a_record_added_by_hand_is_logged_as_added(raw_copy):
    with pytest.raises(Refused, match="add it first"):
        applying.log_by_hand(change(record_id="alpha-new"), "added", None, raw_copy)
    done = applying.log_by_hand(change(record_id="alpha-forum"), "added", None, raw_copy)
    log = (raw_copy / "corrections.yaml").read_text()
    assert done.correction_id in log and "change: added" in log and "field: '*'" in log
