"""Load: 25 concurrent Streamlit websocket sessions for 60 s against one server on loopback.

Each session speaks the browser's protocol (protobuf BackMsg/ForwardMsg over /_stcore/stream)
and asks for every declared page in turn, some with hostile parameters. Every run must finish
without an exception element; the server's resident memory is sampled and must stay bounded.
Slow (~75 s): not part of `make test`. Run it with
    ATLAS_LOAD=1 .venv/bin/python -m pytest tests/load -s
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from dataclasses import dataclass, field

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.hardening.conftest import declared_pages, serve

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    os.environ.get("ATLAS_LOAD") != "1", reason="load test: set ATLAS_LOAD=1 (takes ~75 s)")]

SESSIONS = 25
DURATION = 60.0
RUN_TIMEOUT = 60.0
MAX_RSS_MB = 1500
EXTRA = {"": ["date=2024-06-01", "date=<script>"], "country": ["iso3=MLI", "iso3=ZZZ"],
         "rigo": ["id=ecowas", "id=${x}"], "data": ["table=sources&q=early", "table=x"],
         "pathways": ["iso3=HND&org=regional_network&funding=30"]}


@dataclass
class Tally:
    runs: int = 0
    errors: list[str] = field(default_factory=list)
    pages: set[str] = field(default_factory=set)
    seconds: list[float] = field(default_factory=list)


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _sampler(pid: int, samples: list[tuple[float, float]], stop: threading.Event) -> None:
    start = time.monotonic()
    while not stop.is_set():
        samples.append((time.monotonic() - start, _rss_mb(pid)))
        stop.wait(0.5)


async def _run_page(ws, path: str, query: str) -> tuple[int, list[str]]:
    """Ask for one page; return (elements received, problems)."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = path
    await ws.send(msg.SerializeToString())
    elements, problems = 0, []
    while True:
        fwd = ForwardMsg()
        fwd.ParseFromString(await ws.recv())
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            elements += 1
            if fwd.delta.new_element.WhichOneof("type") == "exception":
                text = fwd.delta.new_element.exception.message[:200]
                problems.append(f"exception on /{path}?{query}: {text}")
        elif kind == "page_not_found":
            problems.append(f"page not found: /{path}")
        elif kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(fwd.script_finished)
            if status == "FINISHED_SUCCESSFULLY":
                return elements, problems
            if status not in ("FINISHED_EARLY_FOR_RERUN", "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"):
                return elements, [*problems, f"/{path}?{query} finished with {status}"]


async def _session(url: str, n: int, deadline: float, tally: Tally) -> None:
    plan = [(p, "") for p in declared_pages()] + [(p, q) for p, qs in EXTRA.items() for q in qs]
    plan = plan[n % len(plan):] + plan[:n % len(plan)]  # sessions start on different pages
    host = url.removeprefix("http://")
    try:
        async with websockets.connect(f"ws://{host}/_stcore/stream", subprotocols=["streamlit"],
                                      origin=url, max_size=2**26, open_timeout=30) as ws:
            i = 0
            while time.monotonic() < deadline:
                path, query = plan[i % len(plan)]
                i += 1
                start = time.monotonic()
                elements, problems = await asyncio.wait_for(_run_page(ws, path, query), RUN_TIMEOUT)
                tally.seconds.append(time.monotonic() - start)
                tally.runs += 1
                tally.errors += problems
                if elements == 0:
                    tally.errors.append(f"/{path}?{query} drew nothing")
                elif not problems:
                    tally.pages.add(path)
    except Exception as exc:  # noqa: BLE001 - every failure of a session is an error to report
        tally.errors.append(f"session {n}: {type(exc).__name__}: {exc}"[:300])


def test_25_sessions_for_60_seconds_render_every_page_without_error():
    samples: list[tuple[float, float]] = []
    tally = Tally()
    with serve() as (url, pid):
        stop = threading.Event()
        sampler = threading.Thread(target=_sampler, args=(pid, samples, stop), daemon=True)
        sampler.start()
        idle = _rss_mb(pid)
        deadline = time.monotonic() + DURATION

        async def main() -> None:
            await asyncio.wait_for(asyncio.gather(
                *(_session(url, n, deadline, tally) for n in range(SESSIONS))), DURATION + 2 * RUN_TIMEOUT)

        asyncio.run(main())
        stop.set()
        sampler.join()
    peak = max(mb for _, mb in samples)
    late = max(mb for t, mb in samples if t >= DURATION * 2 / 3)
    middle = max(mb for t, mb in samples if DURATION / 3 <= t < DURATION * 2 / 3)
    slowest = max(tally.seconds) if tally.seconds else 0
    print(f"\nload: {SESSIONS} sessions x {DURATION:.0f} s: {tally.runs} page runs, "
          f"{len(tally.errors)} errors, pages {sorted(tally.pages)}; server RSS idle {idle:.0f} MB, "
          f"peak {peak:.0f} MB (middle third {middle:.0f}, last third {late:.0f}); "
          f"run time median {sorted(tally.seconds)[len(tally.seconds) // 2]:.2f} s, max {slowest:.1f} s")
    assert tally.errors == []
    assert tally.pages == set(declared_pages())
    assert peak < MAX_RSS_MB
    assert late < middle * 1.25 + 50  # no steady growth once every session has seen every page
