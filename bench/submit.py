"""`python -m bench.submit` (part of `make bench`): the time of one suggestion submit with 50
concurrent writers, on a SQLite file and on a throwaway PostgreSQL server (deploy/postgres.py).

Each writer is a thread of one process (as in the app server), with its own pooled connection,
submitting one draft after another; all start together. Target: p95 <= 200 ms on both.
Writes bench/submit.json and prints a Markdown table.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from atlas.suggestions import db, screen, store
from deploy import postgres

HERE = Path(__file__).resolve().parent
WRITERS = 50
PER_WRITER = 20
TARGET_P95_MS = 200.0


def _draft(worker: int, number: int) -> screen.Draft:
    key = f"bench-{worker}-{number}"
    return screen.Draft(
        table="channels", record_id="au-ecosocc", field="how_to_engage",
        current_value="Apply to the secretariat.", proposed_value="Apply online via the portal.",
        evidence_url="https://au.int/en/ecosocc", note="The page changed in November.", lang="fr",
        page_url="https://atlas.example.org/country?iso3=KEN", contact_email="ana@example.org",
        started_at=time.time() - 30, session_id=key, token=key)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(url: str, grouped: bool = True, writers: int = WRITERS,
            per_writer: int = PER_WRITER) -> dict:
    """Grouped: as the app submits (concurrent submissions share a commit); else each submit
    is its own transaction on its own pooled connection (for comparison)."""
    engine = db.engine(url)
    db.migrate(engine)
    with engine.begin() as connection:  # each measure starts from an empty table
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
    for n in range(5):  # warm the pool and the statement cache
        store.submit(engine, _draft(-1, n))
    times: list[float] = []
    lock, barrier = threading.Lock(), threading.Barrier(writers)

    def writer(worker: int) -> None:
        barrier.wait()
        mine = []
        for number in range(per_writer):
            start = time.perf_counter()
            store.submit(engine, _draft(worker, number),
                         now=None if grouped else dt.datetime.now(dt.UTC))
            mine.append(time.perf_counter() - start)
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    stored = len(store.listing(engine)) - 5  # the warm-up's five
    engine.dispose()
    ms = [t * 1000 for t in times]
    return {"writers": writers, "submissions": len(ms), "stored": stored,
            "p50_ms": statistics.median(ms), "p95_ms": percentile(ms, 0.95), "max_ms": max(ms),
            "per_second": len(ms) / wall}


def markdown(results: dict) -> str:
    lines = ["| suggestions: submit, 50 concurrent writers | result | target | |",
             "| --- | --- | --- | --- |"]
    for name, r in results["databases"].items():
        ok = "met" if r["p95_ms"] <= TARGET_P95_MS else "**not met**"
        if "alone" in name:
            ok = "(for comparison)"
        lines.append(f"| {name} | p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, max "
                     f"{r['max_ms']:.0f} ms; {r['per_second']:.0f}/s; {r['stored']} of "
                     f"{r['submissions']} stored | p95 ≤ {TARGET_P95_MS:.0f} ms | {ok} |")
    return "\n".join(lines)


def main() -> int:
    results: dict = {"load_average_at_start": os.getloadavg(), "databases": {}}
    with tempfile.TemporaryDirectory(prefix="atlas-bench-submit-") as folder:
        url = f"sqlite:///{folder}/suggestions.sqlite"
        results["databases"]["SQLite (WAL)"] = measure(url)
        results["databases"]["SQLite, each submit alone"] = measure(url, grouped=False)
    if postgres.binaries() is None:
        print("PostgreSQL is not installed (make postgres): measured SQLite only", file=sys.stderr)
    else:
        with postgres.cluster() as url:
            results["databases"]["PostgreSQL"] = measure(url)
            results["databases"]["PostgreSQL, each submit alone"] = measure(url, grouped=False)
    results["load_average_at_end"] = os.getloadavg()
    (HERE / "submit.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
