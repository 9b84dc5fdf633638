"""A first round trip on SQLite: submit, read back, review, forget the contact."""

from __future__ import annotations

import time

import pytest

from atlas.suggestions import db, screen, store


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = db.engine(f"sqlite:///{tmp_path / 'suggestions.sqlite'}")
    db.migrate(engine)
    yield engine
    engine.dispose()


def test_round_trip(sqlite_engine):
    draft = screen.Draft(table="channels", record_id="au-ecosocc", field="how_to_engage",
                         current_value="old", proposed_value="new", evidence_url="https://au.int/x",
                         contact_email="someone@example.org", started_at=time.time() - 30,
                         session_id="s1", token="t1")
    receipt = store.submit(sqlite_engine, draft)
    assert receipt.state == "received" and receipt.reference.startswith("S-")
    assert store.submit(sqlite_engine, draft) == receipt
    row = store.get(sqlite_engine, receipt.reference)
    assert row is not None and row.proposed_value == "new" and row.has_contact
    assert "someone@example.org" not in repr(row)
    assert store.transition(sqlite_engine, receipt.reference, "accepted", "lead").state == "accepted"
    assert [e.to_state for e in store.history(sqlite_engine, receipt.reference)] == [
        "received", "accepted"]
    assert store.forget_contact(sqlite_engine, receipt.reference)
    assert store.get(sqlite_engine, receipt.reference).has_contact is False
