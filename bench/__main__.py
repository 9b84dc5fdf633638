"""`python -m bench` (or `make bench`): measure the app against the floors of its own stack.

Writes bench/results.json and bench/results.md (also printed). Everything runs on 127.0.0.1;
the whole run is bounded (about 6-9 minutes on 2 cores). See README.md, "Performance".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from atlas.tables import DATA_DIR_VARIABLE, data_dir
from bench import browser, servers, slowlink, synthetic
from bench.report import markdown
from etl import catalog

HERE = Path(__file__).resolve().parent
ROOT = servers.ROOT
MAP_RUNS = 5
PAYLOAD_RUNS = 5
ETL_RUNS = 5
RERUNS = 20
RERUN_BUDGET_S = 45.0  # per page, real data: every page gets its 20 reruns well within this
SCALE_BUDGET_S = 20.0  # per page, 100x: a page far over target gets fewer runs (at least 2)
SESSIONS = 10
MAP_FILES = ("/countries.geojson",)


def spread(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "n": len(values), "values": values}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
    import streamlit
    import streamlit_folium  # noqa: F401
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 2**20, 1),
            "load_average_at_start": os.getloadavg(), "python": platform.python_version(),
            "streamlit": streamlit.__version__, "date": dt.date.today().isoformat()}


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- 5. ETL --------------------------------------------------------------------------------------

def etl_times(tmp: Path) -> dict:
    def timed(args: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, timeout=120)
        return time.perf_counter() - start

    out, static = tmp / "etl" / "processed", tmp / "etl" / "static"
    build = [timed(["build", "--out", str(out), "--static", str(static)]) for _ in range(ETL_RUNS)]
    check = [timed(["check"]) for _ in range(ETL_RUNS)]
    return {"build_s": spread(build), "check_s": spread(check)}


# -- 2 and 3. Reruns -----------------------------------------------------------------------------

def rerun_latency(budget_s: float, folder: Path | None = None) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if folder is not None:
        env[DATA_DIR_VARIABLE] = str(folder)
    reply = subprocess.run([sys.executable, "-m", "bench.reruns", str(RERUNS), str(budget_s)],
                           cwd=ROOT, env=env, check=True, capture_output=True, text=True,
                           timeout=600)
    return json.loads(reply.stdout)


# -- 1, 4 and 6. In the browser ------------------------------------------------------------------

def floor_static_folder(tmp: Path) -> Path:
    """Floor (b): the HTML page, the vendored Leaflet and the published GeoJSON, as files."""
    folder = tmp / "floor_static"
    shutil.copytree(ROOT / "static" / "vendor" / "leaflet", folder / "leaflet")
    shutil.copyfile(HERE / "floor_static.html", folder / "index.html")
    shutil.copyfile(data_dir() / catalog.GEOJSON_FILENAME, folder / "countries.geojson")
    return folder


def floor_app_script(tmp: Path) -> Path:
    """Floor (a): Streamlit serves static/ next to the entry script, so the script is copied into
    a folder with the vendored Leaflet and jQuery beside it (the server's cwd stays the project
    root, for the same .streamlit/config.toml)."""
    folder = tmp / "floor_app"
    shutil.copytree(ROOT / "static" / "vendor", folder / "static" / "vendor")
    shutil.copyfile(HERE / "floor_app.py", folder / "floor_app.py")
    return folder / "floor_app.py"


def change_date(page: Page) -> None:
    """The sidebar date, one year back, as a user types it (the field commits on blur)."""
    year = page.get_by_role("spinbutton", name="year, Show the situation on")
    year.click()
    page.keyboard.press("ArrowDown")
    page.get_by_role("heading", level=1).click()
    page.wait_for_url("**date=*", timeout=30_000)


def in_browser(tmp: Path) -> dict:
    env = {"PYTHONPATH": str(ROOT)}
    results: dict = {}
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        chromium = browser.launch(playwright)
        results["chromium"] = chromium.version
        app = stack.enter_context(servers.streamlit("streamlit_app.py", env))[0] + "/"
        floor_a = stack.enter_context(servers.streamlit(str(floor_app_script(tmp)), env))[0] + "/"
        floor_b = stack.enter_context(servers.static_files(floor_static_folder(tmp))) + "/index.html"
        # Round robin, so that a change in the machine's load hits the three alike.
        _log("time to map: home page, floor (a) bare st_folium page, floor (b) static Leaflet page")
        targets = {"map_app_s": app, "map_floor_a_s": floor_a, "map_floor_b_s": floor_b}
        times: dict[str, list[float]] = {key: [] for key in targets}
        for url in targets.values():  # warm up every server and the browser
            browser.time_to_map(chromium, url, 1, warmup=1)
        for _ in range(MAP_RUNS):
            for key, url in targets.items():
                times[key] += browser.time_to_map(chromium, url, 1, warmup=0)
        results.update({key: spread(values) for key, values in times.items()})
        _log("payload: first load and a date change")
        loads = [browser.payload(chromium, app, MAP_FILES, change_date) for _ in range(PAYLOAD_RUNS)]
        results["payload"] = {
            phase: {key: spread([float(run[phase][key]) for run in loads]) for key in loads[0][phase]}
            for phase in ("first_load", "rerun")
        }
        stack.close()
        with servers.streamlit("streamlit_app.py", env) as (url, pid):
            _log(f"memory: 1 to {SESSIONS} sessions on a fresh server")
            results["memory"] = browser.memory(chromium, url + "/", pid, SESSIONS)
        chromium.close()
    app_s = results["map_app_s"]["median"]
    results["map_ratio_floor_a"] = app_s / results["map_floor_a_s"]["median"]
    results["map_ratio_floor_b"] = app_s / results["map_floor_b_s"]["median"]
    return results


def main() -> int:
    started = time.monotonic()
    results: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as name:
        tmp = Path(name)
        _log("ETL: build and check")
        results["etl"] = etl_times(tmp)
        _log("reruns with the real data")
        results["reruns"] = rerun_latency(RERUN_BUDGET_S)
        _log(f"reruns with a synthetic dataset {synthetic.FACTOR}x larger")
        results["scale_rows"] = synthetic.write(tmp / "x100")
        results["reruns_x100"] = rerun_latency(SCALE_BUDGET_S, tmp / "x100")
        results.update(in_browser(tmp))
        _log("slow link: direct and through the proxy, light pages")
        with sync_playwright() as playwright:
            results["slow_link"] = slowlink.measure(browser.launch(playwright))
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["duration_s"] = time.monotonic() - started
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results) + "\n" + slowlink.markdown(results["slow_link"])
    (HERE / "results.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
