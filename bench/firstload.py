"""A first visit as a user on a slow link makes it: bytes received and when things appear.

Chromium's DevTools protocol counts every byte as it arrived (`encodedDataLength`: after
compression, headers included) for HTTP and the WebSocket alike, and can throttle the link.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.sync_api import Browser

# A slow mobile link: 400 kbit/s down, 400 ms round trips (what the reach issue measured with).
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8,
        "uploadThroughput": 200_000 / 8}
HEADING = "h1"


@dataclass
class FirstLoad:
    url: str
    http_bytes: int = 0
    ws_bytes: int = 0
    requests: int = 0
    heading_s: float | None = None
    map_s: float | None = None
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.http_bytes + self.ws_bytes


def first_load(browser: Browser, url: str, slow: bool = False, viewport=None,
               wait_map: bool = False, timeout_s: float = 120) -> FirstLoad:
    """Open `url` in a fresh context (empty cache), wait until the page is idle, count bytes."""
    context = browser.new_context(viewport=viewport or {"width": 1366, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if slow:
        cdp.send("Network.emulateNetworkConditions", SLOW)
    result, types = FirstLoad(url), {}
    cdp.on("Network.responseReceived", lambda e: types.__setitem__(e["requestId"], e["type"]))

    def finished(event) -> None:
        result.http_bytes += int(event["encodedDataLength"])
        result.requests += 1
        kind = types.get(event["requestId"], "Other")
        result.by_type[kind] = result.by_type.get(kind, 0) + int(event["encodedDataLength"])

    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketFrameReceived",
           lambda e: setattr(result, "ws_bytes", result.ws_bytes + len(e["response"]["payloadData"])))
    start = time.monotonic()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    page.locator(HEADING).first.wait_for(timeout=timeout_s * 1000)
    result.heading_s = time.monotonic() - start
    if wait_map:
        frame = page.frame_locator('iframe[data-testid="stCustomComponentV1"]').first
        frame.locator("path.leaflet-interactive").first.wait_for(timeout=timeout_s * 1000)
        result.map_s = time.monotonic() - start
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           timeout=timeout_s * 1000)
    page.wait_for_timeout(1500)  # late requests: fonts, component assets, static shapes
    context.close()
    return result
