"""The Markdown table of a benchmark run, with the targets of issue #6."""

from __future__ import annotations

TARGETS = {
    "map_ratio_floor_a": 1.2,   # time to map / floor (a)
    "rerun_p95_ms": 100.0,      # every page, real data
    "rerun_x100_p95_ms": 300.0, # every page, 100x data
    "first_load_map_kb": 300.0,
    "rerun_kb": 50.0,
    "etl_build_s": 5.0,
    "per_session_mb": 10.0,
}


def _s(stat: dict, unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    f = f"{{:.{digits}f}}"
    return (f"{f.format(stat['median'] * scale)} {unit} "
            f"({f.format(stat['min'] * scale)}–{f.format(stat['max'] * scale)}, n={stat['n']})")


def _ok(value: float, limit: float) -> str:
    return "met" if value <= limit else "**not met**"


def _rerun_rows(rows: list[dict], limit: float, label: str) -> list[str]:
    out = []
    for r in rows:
        page = r["page"].removeprefix("pages/").removesuffix(".py")
        if "error" in r:
            out.append(f"| {label}: {page} | error: {r['error']} | ≤ {limit:.0f} ms | **not met** |")
            continue
        out.append(f"| {label}: {page} ({r['interaction']}) | p50 {r['p50_ms']:.0f} ms, "
                   f"p95 {r['p95_ms']:.0f} ms (n={r['runs']}) | p95 ≤ {limit:.0f} ms | "
                   f"{_ok(r['p95_ms'], limit)} |")
    return out


def _language_rows(rows: list[dict], limit: float, label: str) -> list[str]:
    """Switching the language back and forth (French / Arabic) on a page already seen in both."""
    return [f"| {label}: {r['page'].removeprefix('pages/').removesuffix('.py')} "
            f"| p50 {r['lang_p50_ms']:.0f} ms, p95 {r['lang_p95_ms']:.0f} ms (n={r['lang_runs']}) "
            f"| p95 ≤ {limit:.0f} ms | {_ok(r['lang_p95_ms'], limit)} |"
            for r in rows if "lang_p95_ms" in r]


def _first_rows(rows: list[dict], label: str) -> list[str]:
    """Cold views: reported, no target (the targets are for reruns)."""
    return [f"| {label}: {r['page'].removeprefix('pages/').removesuffix('.py')} ({r['first_what']}) "
            f"| p50 {r['first_p50_ms']:.0f} ms, max {r['first_max_ms']:.0f} ms "
            f"(n={r['first_runs']}) | (reported) | |" for r in rows if "first_what" in r]


def markdown(res: dict) -> str:
    m = res["machine"]
    pay = res["payload"]
    first_map_kb = pay["first_load"]["map_data"]["median"] / 1024
    rerun_kb = pay["rerun"]["total"]["median"] / 1024
    mem = res["memory"]
    lines = [
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM; Python {m['python']}, "
        f"Streamlit {m['streamlit']}, Chromium {res['chromium']}; {m['date']}; load average "
        f"{m['load_average_at_start'][0]:.1f} at start, {m['load_average_at_end'][0]:.1f} at end; "
        f"run took {res['duration_s'] / 60:.1f} min.",
        "",
        "Times are median (min–max, n runs).",
        "",
        "| measure | result | target | |",
        "| --- | --- | --- | --- |",
        f"| time to map: home page | {_s(res['map_app_s'])} | | |",
        f"| time to map: floor (a), bare st_folium page | {_s(res['map_floor_a_s'])} | | |",
        f"| time to map: floor (b), static Leaflet page | {_s(res['map_floor_b_s'])} | | |",
        f"| ratio home / floor (a) | {res['map_ratio_floor_a']:.2f} | ≤ 1.2 | "
        f"{_ok(res['map_ratio_floor_a'], TARGETS['map_ratio_floor_a'])} |",
        f"| ratio home / floor (b) | {res['map_ratio_floor_b']:.2f} | (reported) | |",
        *_rerun_rows(res["reruns"], TARGETS["rerun_p95_ms"], "rerun, real data"),
        *_rerun_rows(res["reruns_x100"], TARGETS["rerun_x100_p95_ms"], "rerun, 100× data"),
        *_language_rows(res["reruns"], TARGETS["rerun_p95_ms"], "language switch, real data"),
        *_first_rows(res["reruns"], "first view of a new choice, real data"),
        *_first_rows(res["reruns_x100"], "first view of a new choice, 100× data"),
        f"| first load, map data (component + shapes file) | "
        f"{_s(pay['first_load']['map_data'], 'KB', 1 / 1024, 0)} | ≤ 300 KB | "
        f"{_ok(first_map_kb, TARGETS['first_load_map_kb'])} |",
        f"| first load, everything (HTTP as sent + websocket) | "
        f"{_s(pay['first_load']['total'], 'KB', 1 / 1024, 0)} | (reported) | |",
        f"| rerun after a date change, everything | {_s(pay['rerun']['total'], 'KB', 1 / 1024, 1)} "
        f"| ≤ 50 KB | {_ok(rerun_kb, TARGETS['rerun_kb'])} |",
        f"| ETL: `python -m etl build` | {_s(res['etl']['build_s'])} | ≤ 5 s | "
        f"{_ok(res['etl']['build_s']['median'], TARGETS['etl_build_s'])} |",
        f"| ETL: `python -m etl check` | {_s(res['etl']['check_s'])} | (reported) | |",
        f"| server RSS, 1 session | {mem['rss_1_mb']:.0f} MB | | |",
        f"| server RSS, {len(mem['rss_mb'])} sessions | {mem['rss_mb'][-1]:.0f} MB | | |",
        f"| RSS per extra session | {mem['per_session_mb']:.1f} MB (steps "
        f"{min(mem['steps_mb']):.1f}–{max(mem['steps_mb']):.1f}) | ≤ 10 MB | "
        f"{_ok(mem['per_session_mb'], TARGETS['per_session_mb'])} |",
    ]
    return "\n".join(lines) + "\n"
