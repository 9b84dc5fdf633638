"""Server-side rerun latency per page, measured in-process with Streamlit's AppTest.

Each timed interaction changes one widget (the sidebar date where the page has it, else its first
selectbox with two or more options, else nothing) and calls `AppTest.run()`. The figure is the
time of the script run itself: Streamlit's ScriptRunner._run_script, wrapped with a clock, i.e.
the frame script plus the page, with widget and cache handling, as a server runs it per
interaction (caches warm, after WARMUP runs). Serialising to the browser is not included.
Run as `python -m bench.reruns RUNS BUDGET_S [PAGE...]` (JSON on stdout), so that ATLAS_DATA_DIR can
differ per process.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
import sys
import time

from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from bench.servers import ROOT

APP = str(ROOT / "streamlit_app.py")
DATES = (dt.date(2024, 6, 1), dt.date(2025, 6, 1))
WARMUP = 2
FIRST_VIEWS = 6  # new choices per page, each a first visit (nothing cached for it yet)


def declared_pages() -> list[str]:
    return re.findall(r'st\.Page\("([^"]+)"', (ROOT / "streamlit_app.py").read_text())


SCRIPT_SECONDS: list[float] = []
_run_script = script_runner.ScriptRunner._run_script


def _timed_run_script(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        SCRIPT_SECONDS.append(time.perf_counter() - start)


script_runner.ScriptRunner._run_script = _timed_run_script  # type: ignore[method-assign]


def _interaction(at: AppTest):
    """A function that changes one widget for run i, and a word saying which."""
    if len(at.date_input):
        return (lambda i: at.date_input[0].set_value(DATES[i % 2])), "sidebar date"
    for index, box in enumerate(at.selectbox):
        if len(box.options) >= 2:
            two = list(box.options)[:2]
            return ((lambda i, n=index, pair=two: at.selectbox[n].select(pair[i % 2])),
                    f"selectbox {box.label!r}")
    return (lambda i: None), "plain rerun"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_page(page: str, runs: int, budget_s: float) -> dict:
    """p50/p95 of `runs` reruns; a page slower than the budget allows gets fewer (at least 2)."""
    started = time.monotonic()
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    if page != declared_pages()[0]:
        at.switch_page(page)
        at.run()
    if at.exception:
        return {"page": page, "error": str(at.exception[0].message)[:200]}
    change, what = _interaction(at)
    times: list[float] = []
    for i in range(WARMUP + runs):
        if len(times) >= 2 and time.monotonic() - started > budget_s:
            break
        change(i)
        SCRIPT_SECONDS.clear()
        at.run()
        if at.exception:
            return {"page": page, "error": str(at.exception[0].message)[:200]}
        if i >= WARMUP:
            times.append(sum(SCRIPT_SECONDS) * 1000)
    return {"page": page, "interaction": what, "runs": len(times),
            "p50_ms": statistics.median(times), "p95_ms": percentile(times, 0.95),
            "max_ms": max(times), **language_switches(at, runs), **first_views(at, page)}


LANGS = ("fr", "ar")  # a left-to-right and a right-to-left language


def language_switches(at: AppTest, runs: int) -> dict:
    """Script time when the user switches the sidebar language back and forth (each language
    seen once before the timing: the rerun budget is for views already computed)."""
    picker = next(s for s in at.selectbox if s.key == "lang-picker")
    times: list[float] = []
    for i in range(WARMUP + len(LANGS) + runs):
        picker = next(s for s in at.selectbox if s.key == "lang-picker")
        picker.select(LANGS[i % len(LANGS)])
        SCRIPT_SECONDS.clear()
        at.run()
        if at.exception:
            return {"lang_error": str(at.exception[0].message)[:200]}
        if i >= WARMUP + len(LANGS):
            times.append(sum(SCRIPT_SECONDS) * 1000)
    picker = next(s for s in at.selectbox if s.key == "lang-picker")
    picker.select("en")
    at.run()
    return {"lang_runs": len(times), "lang_p50_ms": statistics.median(times),
            "lang_p95_ms": percentile(times, 0.95)}


# The page's main choice and values to pick, each new to the page: (URL parameter, values).
def _choices(atlas) -> dict[str, tuple[str, list[str]]]:
    countries = ["GHA", "PER", "FJI", "DEU", "IDN", "BRA"]
    rigos = [r for r in atlas.rigos.rigo_id if r != "au"]
    return {
        "pages/country.py": ("iso3", countries), "pages/pathways.py": ("iso3", countries),
        "pages/rigo.py": ("id", rigos), "pages/compare.py": ("rigos", rigos),
        "pages/gaps.py": ("rigo", rigos), "pages/networks.py": ("network", list(
            atlas.networks.network_id[1:])),
        "pages/early-warning.py": ("region", sorted(set(atlas.rigos.region))),
        "pages/planner.py": ("theme", sorted({t for ts in atlas.channels.themes for t in ts})),
        "pages/data.py": ("table", ["rigos", "networks", "memberships", "sources", "questions"]),
    }


def first_views(at: AppTest, page: str) -> dict:
    """Script time when the page's main choice (a country, an organisation, a network...) takes a
    value not chosen before, as when a user picks it or opens a link to it: the cost of a view
    that is not cached yet, which the date toggle above never meets."""
    from atlas.tables import data_dir, read_atlas

    choice = _choices(read_atlas(data_dir())).get(page)
    if choice is None:
        return {}
    param, values = choice
    times: list[float] = []
    for value in values[:FIRST_VIEWS]:
        at.query_params[param] = value
        SCRIPT_SECONDS.clear()
        at.run()
        if at.exception:
            return {"first_error": str(at.exception[0].message)[:200]}
        times.append(sum(SCRIPT_SECONDS) * 1000)
    return {"first_what": f"new {param}", "first_runs": len(times),
            "first_p50_ms": statistics.median(times), "first_max_ms": max(times)}


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 20
    budget_s = float(argv[1]) if len(argv) > 1 else 60.0
    pages = argv[2:] or declared_pages()
    print(json.dumps([time_page(p, runs, budget_s) for p in pages]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
