"""`python -m etl review` on a real database: list, show (inert), the state moves, and accept
applying the change to a copy of data/raw, or keeping the suggestion accepted when it fails."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from atlas.suggestions import db, store
from etl.__main__ import main
from tests.suggestions.drafts import draft

HOSTILE = "Apply \x1b[2J\x1b[31mnow\r\nstate: merged\u202e <script>alert(1)</script>"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'review.sqlite'}"


@pytest.fixture
def engine(sqlite_url):
    bound = db.engine(sqlite_url)
    db.migrate(bound)
    yield bound
    bound.dispose()


def submit(engine, **changes) -> str:
    values = dict(table="channels", record_id="alpha-forum", field="how_to_engage",
                  current_value="Register on the forum page.",
                  evidence_url="https://news.example.net/alpha", session_id=f"s-{len(changes)}")
    values.update(changes)
    return store.submit(engine, draft(**values)).reference


def review(capsys, url: str, *args: str, raw: Path | None = None, out: Path | None = None):
    where = [] if raw is None else ["--raw", str(raw), "--out", str(out)]
    code = main(["review", "--database", url, *where, *args])
    return code, capsys.readouterr().out


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_list_shows_suggestions_by_state(capsys, database_url):
    bound = db.engine(database_url)
    first, second = submit(bound), submit(bound, field="name", session_id="s-other")
    store.transition(bound, second, "rejected", "tester", "no")
    bound.dispose()
    code, shown = review(capsys, database_url, "list")
    assert code == 0 and first in shown and second in shown
    code, shown = review(capsys, database_url, "list", "--state", "received")
    assert first in shown and second not in shown and "channels/alpha-forum:how_to_engage" in shown


def test_show_renders_hostile_text_inert_and_never_the_contact(capsys, engine, sqlite_url,
                                                               raw_copy):
    ref = submit(engine, proposed_value=HOSTILE, note=HOSTILE, contact_email="me@example.org")
    with engine.begin() as connection:  # as another tool (or an older version) might have stored it
        connection.execute(db.suggestions.update().where(db.suggestions.c.reference == ref)
                           .values(note=HOSTILE))
    code, shown = review(capsys, sqlite_url, "show", ref, raw=raw_copy, out=raw_copy / "out")
    assert code == 0
    assert "\x1b" not in shown and "\r" not in shown and "\u202e" not in shown
    assert "note:           Apply \\x1b[2J\\x1b[31mnow\\r\\nstate: merged\\u202e <script>" in shown
    assert "proposed:       Apply [2J[31mnow\\nstate: merged\\u202e <script>" in shown  # as stored
    assert not any(line.startswith("state: merged") for line in shown.splitlines())
    assert "me@example.org" not in shown and "contact:        given (never shown)" in shown
    assert "value in data:  Register on the forum page." in shown
    assert "history:" in shown and "-> received by public form" in shown


def test_reject_needs_a_reason_and_every_move_is_logged(capsys, engine, sqlite_url):
    ref = submit(engine)
    with pytest.raises(SystemExit):
        main(["review", "--database", sqlite_url, "reject", ref])
    capsys.readouterr()
    code, shown = review(capsys, sqlite_url, "needs-evidence", ref, "--reason", "A page, please",
                         "--reviewer", "ana")
    assert code == 0 and "received -> needs_evidence" in shown
    code, shown = review(capsys, sqlite_url, "reject", ref, "--reason", "Not shown by the page")
    assert code == 0 and store.get(engine, ref).state == "rejected"
    events = store.history(engine, ref)
    assert [(e.to_state, e.reason) for e in events[1:]] == [
        ("needs_evidence", "A page, please"), ("rejected", "Not shown by the page")]
    assert events[1].reviewer == "ana"
    code, shown = review(capsys, sqlite_url, "accept", ref)
    assert code == 1 and "rejected" in shown


def test_spam_and_forget_contact(capsys, engine, sqlite_url):
    ref = submit(engine, contact_email="me@example.org")
    assert review(capsys, sqlite_url, "spam", ref)[0] == 0
    assert store.get(engine, ref).state == "spam"
    code, shown = review(capsys, sqlite_url, "forget-contact", ref)
    assert code == 0 and "contact deleted" in shown and store.contact(engine, ref) is None


def test_accept_applies_the_change_rebuilds_and_merges(capsys, engine, sqlite_url, raw_copy,
                                                       tmp_path):
    ref = submit(engine, proposed_value="Write to the new address.")
    out = tmp_path / "processed"
    code, shown = review(capsys, sqlite_url, "accept", ref, "--reviewer", "ana",
                         raw=raw_copy, out=out)
    assert code == 0, shown
    row = store.get(engine, ref)
    assert row.state == "merged" and row.merged_in.startswith("build-")
    assert [e.to_state for e in store.history(engine, ref)] == ["received", "accepted", "merged"]
    channels = pd.read_csv(out / "channels.csv", dtype=str).set_index("channel_id")
    assert channels.at["alpha-forum", "how_to_engage"] == "Write to the new address."
    log = pd.read_csv(out / "corrections.csv", dtype=str)
    assert list(log.suggestion) == [ref]


def test_accept_that_fails_the_build_stays_accepted_with_the_message(capsys, engine, sqlite_url,
                                                                     raw_copy, tmp_path):
    ref = submit(engine, field="status", proposed_value="gone")
    before = hashes(raw_copy)
    code, shown = review(capsys, sqlite_url, "accept", ref, raw=raw_copy, out=tmp_path / "out")
    assert code == 1
    assert "stays accepted" in shown and "alpha-forum:status: 'gone' is not one of" in shown
    assert hashes(raw_copy) == before and not (tmp_path / "out").exists()
    row = store.get(engine, ref)
    assert row.state == "accepted" and "'gone' is not one of" in store.history(engine, ref)[-1].reason
    code, shown = review(capsys, sqlite_url, "accept", ref, "--value", "dormant",
                         raw=raw_copy, out=tmp_path / "out")
    assert code == 0 and store.get(engine, ref).state == "merged"


def test_a_missing_record_is_accepted_with_a_skeleton_then_merged_by_hand(capsys, engine,
                                                                          sqlite_url, raw_copy,
                                                                          tmp_path):
    ref = submit(engine, record_id="", field="*", current_value="", proposed_value=HOSTILE)
    out = tmp_path / "out"
    code, shown = review(capsys, sqlite_url, "accept", ref, raw=raw_copy, out=out)
    assert code == 0 and store.get(engine, ref).state == "accepted"
    assert "channels:\n  - channel_id: <fill in>\n    rigo_id: <fill in>" in shown
    assert f"source_id: evidence-{ref.lower()}" in shown and "\x1b" not in shown
    assert f"python -m etl review merge {ref} --record" in shown
    code, shown = review(capsys, sqlite_url, "merge", ref, "--record", "alpha-new",
                         raw=raw_copy, out=out)
    assert code == 1 and "add it first" in shown and store.get(engine, ref).state == "accepted"
    code, shown = review(capsys, sqlite_url, "merge", ref, "--record", "beta-registry",
                         raw=raw_copy, out=out)
    assert code == 0 and store.get(engine, ref).state == "merged"
    log = pd.read_csv(out / "corrections.csv", dtype=str)
    assert (log.change.tolist(), log.record_id.tolist()) == (["added"], ["beta-registry"])


def test_an_unknown_reference_is_named_inertly(capsys, engine, sqlite_url):
    code, shown = review(capsys, sqlite_url, "show", "S-\x1b[2J")
    assert code == 1 and "\x1b" not in shown and "no suggestion" in shown
