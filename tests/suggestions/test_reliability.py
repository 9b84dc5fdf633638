"""Reliability on both real databases: 1,000 submissions from 50 concurrent writers stored
exactly once; a writer killed with SIGKILL mid-run loses nothing it acknowledged; several
processes migrating one new database at once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from atlas.suggestions import db, intake, screen, store
from tests.suggestions.drafts import draft

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 50
SUBMISSIONS = 1_000


def stored(engine) -> list[tuple[str, str | None]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(
            sa.select(db.suggestions.c.reference, db.suggestions.c.token))]


def _submit(engine, token: str, grouped: bool) -> str:
    """Grouped: as the app submits (intake.Group); alone: each writer its own transaction on its
    own pooled connection (store.submit with an explicit time)."""
    now = None if grouped else dt.datetime.now(dt.UTC)
    return store.submit(engine, draft(token=token, session_id=token, started_at=time.time() - 30),
                        now=now).reference


@pytest.mark.slow
@pytest.mark.parametrize("grouped", [True, False], ids=["grouped", "alone"])
def test_1000_submissions_from_50_concurrent_writers_stored_exactly_once(engine, grouped):
    tokens = [f"tab-{n}" for n in range(SUBMISSIONS)]

    def writer(worker: int) -> list[tuple[str, str]]:
        mine = tokens[worker::WRITERS]
        # A double click: every tenth submission is also sent by the next writer.
        mine += [t for n, t in enumerate(tokens[(worker + 1) % WRITERS::WRITERS]) if n % 10 == 0]
        return [(t, _submit(engine, t, grouped)) for t in mine]

    with ThreadPoolExecutor(WRITERS) as pool:
        acknowledged = [pair for result in pool.map(writer, range(WRITERS)) for pair in result]
    by_token: dict[str, set[str]] = {}
    for token, reference in acknowledged:
        by_token.setdefault(token, set()).add(reference)
    assert len(acknowledged) == SUBMISSIONS + SUBMISSIONS // 10
    assert all(len(references) == 1 for references in by_token.values()), "a token got two refs"
    rows = stored(engine)
    references = [reference for reference, _ in rows]
    assert len(rows) == SUBMISSIONS, "lost or duplicated"
    assert len(set(references)) == SUBMISSIONS
    assert {r for refs in by_token.values() for r in refs} == set(references)
    assert {token for _, token in rows} == set(tokens)
    assert store.listing(engine, "spam") == []
    with engine.connect() as connection:
        events = connection.execute(sa.select(sa.func.count()).select_from(
            db.suggestion_events)).scalar_one()
    assert events == SUBMISSIONS


def writer_process(url: str, threads: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "tests.suggestions.writer", url, str(threads)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _read_until(process: subprocess.Popen, lines: list[str], count: int, deadline: float) -> None:
    assert process.stdout is not None
    while len(lines) < count and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            return
        lines.append(line)


@pytest.mark.slow
def test_kill_9_mid_run_loses_nothing_acknowledged(database_url):
    """Two writer processes (three threads each, the same tokens) on one database, both killed
    with SIGKILL mid-run; then the database opens cleanly and every acknowledged submission is
    there, once, with the reference its submitter was given."""
    processes = [writer_process(database_url, threads=3) for _ in range(2)]
    outputs: list[list[str]] = [[], []]
    deadline = time.monotonic() + 90
    for process, lines in zip(processes, outputs, strict=True):
        _read_until(process, lines, 100, deadline)
    for process in processes:
        os.kill(process.pid, signal.SIGKILL)
    for process, lines in zip(processes, outputs, strict=True):
        rest, errors = process.communicate(timeout=30)
        lines += rest.splitlines()
        assert process.returncode == -signal.SIGKILL
        assert len(lines) >= 100, errors[-2000:]
    acknowledged = [tuple(line.split()) for lines in outputs for line in lines if line.strip()]
    both = {line.split()[0] for line in outputs[0]} & {line.split()[0] for line in outputs[1]}
    assert both, "the two writers sent the same forms"

    engine = db.engine(database_url)  # as a restarted server does: open, migrate, read
    try:
        if db.is_sqlite(engine):
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        db.migrate(engine)
        rows = dict((token, reference) for reference, token in stored(engine))
        assert len(rows) == len(set(rows.values())) == len(stored(engine))
        lost = [(t, r) for t, r in acknowledged if rows.get(t) != r]
        assert not lost, f"{len(lost)} acknowledged but lost or given another reference"
        late = store.submit(engine, draft(token="after-restart"))
        assert store.get(engine, late.reference) is not None
    finally:
        engine.dispose()


MIGRATE = """
import pathlib, sys, time
from atlas.suggestions import db
engine = db.engine(sys.argv[1])
print("ready", flush=True)
while not pathlib.Path(sys.argv[2]).exists():
    time.sleep(0.01)
db.migrate(engine)
"""


@pytest.mark.slow
def test_several_processes_migrate_a_new_database_at_once(fresh_url, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    go = tmp_path / "go"
    processes = [subprocess.Popen([sys.executable, "-c", MIGRATE, fresh_url, str(go)], cwd=ROOT,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    for process in processes:  # all imported and connected: then all migrate at once
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], errors
    engine = db.engine(fresh_url)
    try:
        assert db.current_revision(engine) == db.head_revision()
        assert store.submit(engine, draft()).state == "received"
    finally:
        engine.dispose()


def test_session_cap_ignores_the_claimed_start_time(engine):
    """The session cap counts the last hour only, whatever the client claims as its start time."""
    for _ in range(screen.SESSION_CAP_PER_HOUR):
        store.submit(engine, draft(session_id="same", started_at=time.time() - 10_000))
    assert store.submit(engine, draft(session_id="same")).state == "spam"


def test_a_group_that_meets_a_token_stored_meanwhile_falls_back_to_one_by_one(engine, monkeypatch):
    """Another process stored the same token between the group's look-up and its insert: the
    group's transaction fails on the unique token, then each submission is written alone (the
    duplicate gets the stored reference, the others are stored)."""
    first = store.submit(engine, draft(token="raced", session_id="a"))
    monkeypatch.setattr(intake, "_known", lambda connection, tokens: {})  # the look-up misses it
    drafts = [screen.clean(draft(token=t, session_id=t)) for t in ("new-1", "raced", "new-2")]
    with pytest.raises(sa.exc.IntegrityError):
        intake.write_group(engine, drafts, intake.utc())
    assert len(store.listing(engine)) == 1  # the failed group left nothing behind
    monkeypatch.undo()
    batch = [intake._Waiting(d) for d in drafts]
    monkeypatch.setattr(intake, "write_group", lambda *args: (_ for _ in ()).throw(
        sa.exc.IntegrityError("INSERT", {}, Exception("token"))))
    intake._write_batch(engine, batch)
    assert [w.error for w in batch] == [None, None, None]
    assert batch[1].receipt == first
    assert len({w.receipt.reference for w in batch}) == 3
    assert len(store.listing(engine)) == 3
