"""A first visit on a slow link (400 kbit/s, 400 ms round trips), direct to Streamlit and through
the nginx proxy, and a light page: bytes, time to first heading, time to map.

`python -m bench.slowlink` prints the table; `make bench` includes it in bench/results.md.
"""

from __future__ import annotations

import contextlib
import time

from playwright.sync_api import Browser, sync_playwright

from atlas import light
from bench import browser
from bench.firstload import SLOW, first_load
from deploy import serve

PAGES = ("/", "/country?iso3=KEN")
TARGETS = {"light_s": 5.0, "country_proxy_heading_s": 25.0}


def light_page_s(chromium: Browser, url: str) -> tuple[float, int]:
    """Seconds until a light page has loaded, and its bytes, on the slow link."""
    context = chromium.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW)
    sizes: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: sizes.append(int(e["encodedDataLength"])))
    start = time.monotonic()
    page.goto(url, wait_until="load", timeout=60_000)
    seconds = time.monotonic() - start
    context.close()
    return seconds, sum(sizes)


def measure(chromium: Browser) -> dict:
    results: dict = {}
    with contextlib.ExitStack() as stack:
        port = serve.free_port()
        direct = stack.enter_context(serve.streamlit(port))
        proxied = stack.enter_context(serve.nginx(serve.free_port(), port))
        for name, base in (("direct", direct), ("proxy", proxied)):
            first_load(chromium, base + "/")  # warm the server's caches, not the browser's
            for path in PAGES:
                visit = first_load(chromium, base + path, slow=True, wait_map=True, timeout_s=180)
                results[f"{name} {path}"] = {"bytes": visit.total, "requests": visit.requests,
                                             "heading_s": visit.heading_s, "map_s": visit.map_s}
        for lang, iso3 in (("en", "KEN"), ("fr", "MLI"), ("ar", "EGY")):
            seconds, size = light_page_s(chromium, proxied + light.page_url(lang, iso3))
            results[f"light {lang}/{iso3}"] = {"bytes": size, "load_s": seconds}
    return results


def markdown(res: dict) -> str:
    lines = ["| first visit at 400 kbit/s, 400 ms | bytes | first heading | map | target |",
             "| --- | --- | --- | --- | --- |"]
    for key, row in res.items():
        if key.startswith("light"):
            lines.append(f"| {key} | {row['bytes'] / 1024:.0f} KB | {row['load_s']:.1f} s (loaded) "
                         f"| | ≤ {TARGETS['light_s']:.0f} s |")
        else:
            target = (f"≤ {TARGETS['country_proxy_heading_s']:.0f} s to heading"
                      if key == "proxy /country?iso3=KEN" else "")
            lines.append(f"| {key} | {row['bytes'] / 1024:.0f} KB | {row['heading_s']:.1f} s | "
                         f"{row['map_s']:.1f} s | {target} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        print(markdown(measure(chromium)))


if __name__ == "__main__":
    main()
