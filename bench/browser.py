"""What a browser sees: time until the country shapes are drawn, bytes received, server memory.

Chromium runs headless with the project's usual flags; every URL is on 127.0.0.1.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Browser, Page, Playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.servers import rss_bytes

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
MAP_FRAME = 'iframe[data-testid="stCustomComponentV1"]'
SHAPES = 200
VIEWPORT = {"width": 1400, "height": 1000}
TIMEOUT_S = 60

# Runs in the top frame. At every animation frame (i.e. every paint, ~16 ms) it counts the
# Leaflet paths in the page and in its same-origin iframes (the map component); once SHAPES are
# there it reports the absolute time (ms since the epoch) through an exposed binding. The top
# frame's performance.timeOrigin is the start of navigation, so the difference is the time to map.
# (A MutationObserver set in the iframe would watch its initial about:blank document, which
# Chromium replaces while keeping the window, so polling from the top is the robust choice.)
DETECT = f"""
(() => {{
  if (window !== window.top) return;
  const count = (doc) => doc ? doc.querySelectorAll('path.leaflet-interactive').length : 0;
  const tick = (now) => {{
    let n = count(document);
    for (const frame of document.querySelectorAll('iframe')) {{
      try {{ n = Math.max(n, count(frame.contentDocument)); }} catch (e) {{}}
    }}
    if (n >= {SHAPES}) {{
      window.__benchMapDrawn(performance.timeOrigin + now);
    }} else {{
      requestAnimationFrame(tick);
    }}
  }};
  requestAnimationFrame(tick);
}})();
"""


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _open_until_map(browser: Browser, url: str, on_page: Callable[[Page], None] | None = None
                    ) -> tuple[Page, float]:
    """Open `url` in a fresh context (empty browser cache) and wait for the shapes.

    Returns the page (still open) and the time to map in seconds.
    """
    context = browser.new_context(viewport=VIEWPORT)
    drawn: list[float] = []
    context.expose_binding("__benchMapDrawn", lambda _source, t: drawn.append(t))
    context.add_init_script(DETECT)
    page = context.new_page()
    if on_page:
        on_page(page)
    page.goto(url, wait_until="commit")
    deadline = time.monotonic() + TIMEOUT_S
    while not drawn:
        if time.monotonic() > deadline:
            context.close()
            raise RuntimeError(f"no {SHAPES} shapes on {url} within {TIMEOUT_S} s")
        page.wait_for_timeout(20)
    origin = page.evaluate("performance.timeOrigin")
    return page, (drawn[0] - origin) / 1000


def time_to_map(browser: Browser, url: str, runs: int, warmup: int = 2) -> list[float]:
    """Seconds from navigation to drawn shapes, one fresh browser context per run."""
    times = []
    for i in range(warmup + runs):
        page, seconds = _open_until_map(browser, url)
        page.context.close()
        if i >= warmup:
            times.append(seconds)
    return times


class Traffic:
    """Bytes a page receives: HTTP response bodies (as sent, i.e. compressed when gzipped) and
    websocket frames (payload after permessage-deflate, so an upper bound of the wire bytes)."""

    def __init__(self, page: Page, map_urls: tuple[str, ...]) -> None:
        self.http: list[tuple[str, int]] = []
        self.ws = 0
        self.map_ws = 0
        self.last = time.monotonic()
        self.map_urls = map_urls
        page.on("requestfinished", self._on_request)
        page.on("websocket", self._on_websocket)

    def _on_request(self, request) -> None:
        try:
            size = request.sizes()["responseBodySize"]
        except Exception:  # a request torn down with its context
            size = 0
        self.http.append((request.url, max(size, 0)))
        self.last = time.monotonic()

    def _on_websocket(self, ws) -> None:
        ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload) -> None:
        data = payload.encode() if isinstance(payload, str) else payload
        self.ws += len(data)
        self.map_ws += _map_component_bytes(data)
        self.last = time.monotonic()

    def snapshot(self) -> dict[str, int]:
        http = sum(size for _, size in self.http)
        map_files = sum(size for url, size in self.http if url.endswith(self.map_urls))
        return {"http": http, "ws": self.ws, "total": http + self.ws,
                "map_data": map_files + self.map_ws, "map_component_ws": self.map_ws,
                "map_files_http": map_files}

    def quiet(self, page: Page, seconds: float = 1.5, limit: float = 30) -> None:
        """Wait until nothing has arrived for `seconds`."""
        start = time.monotonic()
        while time.monotonic() - self.last < seconds and time.monotonic() - start < limit:
            page.wait_for_timeout(100)


def _map_component_bytes(frame: bytes) -> int:
    """Bytes of a websocket frame that carry the st_folium component (0 for any other frame)."""
    try:
        msg = ForwardMsg.FromString(frame)
    except Exception:  # not a ForwardMsg
        return 0
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return 0
    element = msg.delta.new_element
    if element.WhichOneof("type") != "component_instance":
        return 0
    return len(frame) if "st_folium" in element.component_instance.component_name else 0


def payload(browser: Browser, url: str, map_urls: tuple[str, ...],
            change: Callable[[Page], None]) -> dict[str, dict[str, int]]:
    """Bytes of the first load (until the map is drawn and the network is quiet), then of one
    rerun caused by `change` (until quiet again)."""
    traffic: dict[str, Traffic] = {}
    page, _ = _open_until_map(browser, url, lambda p: traffic.setdefault("t", Traffic(p, map_urls)))
    t = traffic["t"]
    t.quiet(page)
    first = t.snapshot()
    change(page)
    page.wait_for_timeout(300)
    t.quiet(page)
    after = t.snapshot()
    page.context.close()
    return {"first_load": first, "rerun": {k: after[k] - first[k] for k in after}}


def memory(browser: Browser, url: str, pid: int, sessions: int = 10) -> dict:
    """Server RSS with one open session and with `sessions` open at once, and the increment each
    extra session adds. A first session opened and closed beforehand fills the caches."""
    warm, _ = _open_until_map(browser, url)
    warm.context.close()
    pages = [_open_until_map(browser, url)[0]]
    pages[0].wait_for_timeout(1500)
    rss = [rss_bytes(pid)]
    for _ in range(sessions - 1):
        pages.append(_open_until_map(browser, url)[0])
        pages[-1].wait_for_timeout(1500)
        rss.append(rss_bytes(pid))
    for page in pages:
        page.context.close()
    mb = [r / 2**20 for r in rss]
    steps = [b - a for a, b in zip(mb, mb[1:], strict=False)]
    return {"rss_1_mb": mb[0], f"rss_{sessions}_mb": mb[-1], "rss_mb": mb,
            "per_session_mb": (mb[-1] - mb[0]) / (sessions - 1), "steps_mb": steps}
