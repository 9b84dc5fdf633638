"""Storage on both databases (a real SQLite file and a real PostgreSQL server): what a reviewer
and a submitter would notice."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
import sqlalchemy as sa

from atlas.suggestions import db, screen, store
from tests.suggestions.drafts import draft


def test_submit_then_read_back_everything_but_the_contact(engine):
    receipt = store.submit(engine, draft(contact_email="ana@example.org", token="t-1"))
    assert receipt.state == "received"
    assert len(receipt.reference) == 10 and receipt.reference.startswith("S-")
    row = store.get(engine, receipt.reference)
    assert row is not None
    assert (row.table, row.record_id, row.field) == ("channels", "au-ecosocc", "how_to_engage")
    assert (row.current_value, row.proposed_value) == ("Apply to the secretariat.", "Apply online.")
    assert row.evidence_url == "https://au.int/en/ecosocc" and row.lang == "fr"
    assert row.created_at.tzinfo is not None and row.has_contact
    assert "contact_email" not in {f.name for f in dataclasses.fields(store.SuggestionRow)}
    assert "ana@example.org" not in repr(row) + repr(store.listing(engine))
    assert "ana@example.org" not in repr(store.history(engine, receipt.reference))
    assert store.contact(engine, receipt.reference) == "ana@example.org"


def test_references_are_read_back_as_people_type_them(engine):
    reference = store.submit(engine, draft()).reference
    typed = " " + reference.lower().replace("0", "o").replace("1", "l") + " "
    assert store.get(engine, typed).reference == reference
    assert store.get(engine, reference[2:]).reference == reference
    assert store.get(engine, "S-ZZZZZZZZ") is None


def test_listing_by_state_oldest_first(engine):
    now = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    first = store.submit(engine, draft(session_id="a", started_at=now.timestamp() - 60), now=now)
    later = now + dt.timedelta(minutes=5)
    second = store.submit(engine, draft(session_id="b", started_at=later.timestamp() - 60), now=later)
    bot = store.submit(engine, draft(honeypot="http://spam.example"), now=later)
    assert [r.reference for r in store.listing(engine, "received")] == [
        first.reference, second.reference]
    assert [r.reference for r in store.listing(engine, "spam")] == [bot.reference]
    assert len(store.listing(engine)) == 3 and store.listing(engine, "merged") == []


def test_same_token_twice_is_one_suggestion(engine):
    one = store.submit(engine, draft(token="tab-42"))
    two = store.submit(engine, draft(token="tab-42", proposed_value="changed my mind"))
    assert one == two
    assert len(store.listing(engine)) == 1
    assert store.get(engine, one.reference).proposed_value == "Apply online."
    assert store.submit(engine, draft(token="tab-43")).reference != one.reference


def test_refused_drafts_store_nothing(engine):
    with pytest.raises(store.Refused) as refused:
        store.submit(engine, draft(evidence_url="javascript:alert(1)"))
    assert refused.value.msgid == screen.BAD_EVIDENCE
    with pytest.raises(store.Refused):
        store.submit(engine, draft(evidence_url=""))
    assert store.listing(engine) == []


def test_spam_gets_the_same_kind_of_receipt_and_is_stored_as_spam(engine):
    good = store.submit(engine, draft(session_id="h"))
    for spam in (draft(honeypot="x"), draft(started_at=dt.datetime.now().timestamp() - 1)):
        receipt = store.submit(engine, spam)
        assert receipt.reference.startswith("S-") and len(receipt.reference) == len(good.reference)
        assert receipt.state == "spam"
    reasons = sorted(r.spam_reason for r in store.listing(engine, "spam"))
    assert reasons == ["honeypot", "too_fast"]


def test_session_cap_counts_the_sessions_submissions_in_the_database(engine):
    now = dt.datetime.now(dt.UTC)
    states = [store.submit(engine, draft(session_id="busy"), now=now).state
              for _ in range(screen.SESSION_CAP_PER_HOUR + 2)]
    assert states.count("received") == screen.SESSION_CAP_PER_HOUR
    assert states[-2:] == ["spam", "spam"]
    assert store.submit(engine, draft(session_id="other"), now=now).state == "received"
    next_hour = now + dt.timedelta(hours=1, minutes=1)
    again = draft(session_id="busy", started_at=next_hour.timestamp() - 30)
    assert store.submit(engine, again, now=next_hour).state == "received"


def test_site_cap_per_day(engine, monkeypatch):
    monkeypatch.setattr(screen, "SITE_CAP_PER_DAY", 3)
    now = dt.datetime(2026, 12, 2, 23, 0, tzinfo=dt.UTC)
    states = [store.submit(engine, draft(session_id=f"s{i}", started_at=now.timestamp() - 30),
                           now=now).state for i in range(4)]
    assert states == ["received", "received", "received", "spam"]
    tomorrow = now + dt.timedelta(hours=2)
    late = draft(session_id="s9", started_at=tomorrow.timestamp() - 30)
    assert store.submit(engine, late, now=tomorrow).state == "received"


LEGAL = {(a, b) for a, targets in store.TRANSITIONS.items() for b in targets}


def _in_state(engine, state: str) -> str:
    """A suggestion brought to `state` by legal moves."""
    reference = store.submit(engine, draft(honeypot="x" if state == "spam" else "")).reference
    path = {"received": [], "spam": [], "needs_evidence": ["needs_evidence"],
            "accepted": ["accepted"], "rejected": ["rejected"], "merged": ["accepted", "merged"]}
    for step in path[state]:
        store.transition(engine, reference, step, "lead", merged_in="build-1")
    return reference


@pytest.mark.parametrize("start", store.STATES)
def test_only_the_allowed_transitions_happen(engine, start):
    for target in store.STATES:
        reference = _in_state(engine, start)
        before = store.history(engine, reference)
        if (start, target) in LEGAL:
            row = store.transition(engine, reference, target, "lead", reason="checked",
                                   merged_in="build-2")
            assert row.state == target and row.reviewer == "lead"
            assert len(store.history(engine, reference)) == len(before) + 1
        else:
            with pytest.raises(store.IllegalTransition):
                store.transition(engine, reference, target, "lead")
            assert store.get(engine, reference).state == start
            assert store.history(engine, reference) == before


def test_every_change_is_an_event_with_time_reviewer_and_reason(engine):
    reference = store.submit(engine, draft(honeypot="x")).reference
    store.transition(engine, reference, "received", "ana", reason="a real person")
    store.transition(engine, reference, "needs_evidence", "ana", reason="which page?")
    store.transition(engine, reference, "accepted", "bo", reason="the statute, art. 3")
    row = store.transition(engine, reference, "merged", "bo", merged_in="build 2026-12-02 abc123")
    assert row.merged_in == "build 2026-12-02 abc123"
    events = store.history(engine, reference)
    assert [(e.from_state, e.to_state) for e in events] == [
        (None, "spam"), ("spam", "received"), ("received", "needs_evidence"),
        ("needs_evidence", "accepted"), ("accepted", "merged")]
    assert [e.reviewer for e in events[1:]] == ["ana", "ana", "bo", "bo"]
    assert events[3].reason == "the statute, art. 3"
    assert all(a.at <= b.at for a, b in itertools.pairwise(events))
    assert all(e.at.tzinfo is not None for e in events)


def test_a_reviewer_and_a_build_are_required(engine):
    reference = _in_state(engine, "accepted")
    with pytest.raises(ValueError, match="reviewer"):
        store.transition(engine, reference, "rejected", " \x00 ")
    with pytest.raises(ValueError, match="merged_in"):
        store.transition(engine, reference, "merged", "lead")
    assert store.get(engine, reference).state == "accepted"
    store.transition(engine, reference, "merged", "lead", merged_in="abc123")
    assert store.history(engine, reference)[-1].reason == "merged in abc123"


def test_unknown_reference(engine):
    with pytest.raises(store.NotFound):
        store.transition(engine, "S-ZZZZZZZZ", "accepted", "lead")
    assert store.forget_contact(engine, "S-ZZZZZZZZ") is False
    assert store.history(engine, "S-ZZZZZZZZ") == []


def test_forget_contact_deletes_the_address_only(engine):
    reference = store.submit(engine, draft(contact_email="ana@example.org")).reference
    assert store.forget_contact(engine, reference) is True
    assert store.forget_contact(engine, reference) is False
    assert store.contact(engine, reference) is None
    row = store.get(engine, reference)
    assert row is not None and not row.has_contact and row.state == "received"
    with engine.connect() as connection:
        emails = connection.execute(sa.select(db.suggestion_contacts.c.email)).scalars().all()
    assert emails == []


def test_migrate_is_idempotent_and_at_head(engine):
    db.migrate(engine)
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision()
    assert set(sa.inspect(engine).get_table_names()) >= {
        "suggestions", "suggestion_contacts", "suggestion_events", "alembic_version"}


def test_database_refuses_an_unknown_state(engine):
    reference = store.submit(engine, draft()).reference
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(db.suggestions.update().values(state="deleted")
                           .where(db.suggestions.c.reference == reference))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(db.suggestion_contacts.insert().values(reference="S-NOPE0000",
                                                                  email="x@y.org"))
