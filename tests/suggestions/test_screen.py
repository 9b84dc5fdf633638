"""Screening a draft (pure): refusals a user can fix, spam answered like anything else."""

from __future__ import annotations

import csv
import time

import pytest

from atlas.suggestions import screen
from atlas.tables import PROCESSED
from tests.suggestions.drafts import draft


def now() -> float:
    return time.time()


def test_a_good_draft_passes():
    verdict = screen.check(draft(), now())
    assert verdict.ok and verdict.refused is None and verdict.spam_reason is None


@pytest.mark.parametrize("url", [
    "", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/x", "file:///etc/passwd", "au.int/en", "//au.int/en", "https://",
    "https:///path", "http://localhost/x", "https://au.int/a b", "https://user:pw@au.int/",
    "https://au.int:99999/", "vbscript:msgbox", "https://au.int/" + "x" * 2001,
])
def test_evidence_must_be_a_public_web_address(url):
    refused = screen.check(draft(evidence_url=url), now()).refused
    assert refused in (screen.NO_EVIDENCE, screen.BAD_EVIDENCE, screen.LONG_URL)


@pytest.mark.parametrize("url", [
    "https://au.int/en/ecosocc", "http://www.ecowas.int/?p=1#x", "HTTPS://AU.INT/", "https://[2001:db8::1]/x",
    "https://sadc.int/" + "x" * 1980, "https://例え.jp/ページ",
])
def test_web_addresses_accepted(url):
    assert screen.check(draft(evidence_url=url), now()).refused is None


def test_length_limits():
    assert screen.check(draft(proposed_value="x" * 2000), now()).ok
    assert screen.check(draft(proposed_value="x" * 2001), now()).refused == screen.LONG_PROPOSED
    assert screen.check(draft(note="x" * 4000), now()).ok
    assert screen.check(draft(note="x" * 4001), now()).refused == screen.LONG_NOTE
    assert screen.check(draft(proposed_value="", note=""), now()).refused == screen.NO_CHANGE
    assert screen.check(draft(proposed_value="", note="The channel closed."), now()).ok


@pytest.mark.parametrize("email,good", [
    ("", True), ("ana@example.org", True), ("a.b+tag@sub.example.co.ke", True),
    ("ana", False), ("ana@", False), ("@example.org", False), ("ana@example", False),
    ("ana@@example.org", False), ("a na@example.org", False), ("ana@exa mple.org", False),
    ("x" * 65 + "@example.org", False), ("a@" + "b" * 250 + ".org", False),
    ("ana@example..org", False),
])
def test_email_shape(email, good):
    refused = screen.check(draft(contact_email=email), now()).refused
    assert (refused is None) == good and refused in (None, screen.BAD_EMAIL)


def test_records_and_fields_must_exist():
    assert screen.check(draft(table="users"), now()).refused == screen.NO_RECORD
    assert screen.check(draft(field="password"), now()).refused == screen.NO_RECORD
    assert screen.check(draft(field="source_ids"), now()).refused == screen.NO_RECORD
    assert screen.check(draft(record_id="x" * 201), now()).refused == screen.NO_RECORD
    missing_channel = draft(table="channels", record_id="", field="*", current_value="")
    assert screen.check(missing_channel, now()).ok


@pytest.mark.parametrize("table", sorted(screen.ALLOWED))
def test_allowed_fields_are_the_published_columns(table):
    with (PROCESSED / f"{table}.csv").open(encoding="utf-8") as handle:
        columns = next(csv.reader(handle))
    assert screen.ALLOWED[table][0] == "*"
    assert set(screen.ALLOWED[table][1:]) <= set(columns)
    assert "source_ids" not in screen.ALLOWED[table]


def test_spam_signals():
    assert screen.check(draft(honeypot="http://buy.example"), now()).spam_reason == "honeypot"
    assert screen.check(draft(started_at=now() - 1), now()).spam_reason == "too_fast"
    assert screen.check(draft(started_at=now() - screen.MIN_FILL_SECONDS), now()).ok
    assert screen.check(draft(started_at=0), now()).spam_reason == "bad_start"
    assert screen.check(draft(started_at=now() + 60), now()).spam_reason == "bad_start"
    assert screen.check(draft(), now(), session_count=9).ok
    assert screen.check(draft(), now(), session_count=10).spam_reason == "session_cap"
    assert screen.check(draft(), now(), day_count=999).ok
    assert screen.check(draft(), now(), day_count=1000).spam_reason == "site_cap"


def test_refusal_comes_before_spam():
    """A bot that fills the honeypot and a bad link learns nothing it could not see anyway."""
    verdict = screen.check(draft(honeypot="x", evidence_url="javascript:x"), now())
    assert verdict.refused == screen.BAD_EVIDENCE


def test_clean_removes_control_characters_and_lone_surrogates():
    dirty = draft(proposed_value="a\x00b\x07c\r\nd\te\ud800f\u202eg", record_id="au\x00-ecosocc\n",
                  evidence_url=" https://au.int/x\x00 ", lang="xx", page_url="javascript:alert(1)")
    cleaned = screen.clean(dirty)
    assert cleaned.proposed_value == "abc\nd\te\ufffdf\u202eg"
    assert cleaned.record_id == "au-ecosocc"
    assert cleaned.evidence_url == "https://au.int/x"
    assert cleaned.lang == "en" and cleaned.page_url == ""
    cleaned.proposed_value.encode("utf-8")  # storable
    assert screen.clean(draft(started_at=float("nan"))).started_at == 0.0


@pytest.mark.parametrize("lang", ["fr", "es", "pt", "ar"])
def test_every_refusal_is_translated(lang):
    from atlas.i18n import translator
    t = translator(lang)
    for msgid in screen.REFUSALS:
        assert t(msgid) and t(msgid) != msgid, msgid


def test_surrogate_pairs_are_joined_and_invisible_marks_refused_in_links():
    assert screen.clean_text("\ud83d\ude00") == "\U0001f600"
    assert screen.clean_text(b"caf\xe9 ok") == "caf\ufffd ok"
    for url in ("https://au.int/\u202etxt.exe", "https://au\u200b.int/x"):
        assert screen.check(draft(evidence_url=url), now()).refused == screen.BAD_EVIDENCE
