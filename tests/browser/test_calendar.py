"""In Chromium: the Calendar page draws its timeline and links to an .ics file the server serves;
on a phone, a window card shows its timing in full ("next date not yet announced" never cut)."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from atlas import i18n, windows
from atlas.i18n.data import localise

pytestmark = pytest.mark.browser
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def test_calendar_shows_the_timeline_and_an_ics_link(page, app_url, offsite):
    page.goto(app_url + "/calendar?rigo=au")
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Engagement calendar", timeout=30_000)
    expect(main.locator("canvas, svg.marks").first).to_be_attached(timeout=20_000)
    link = main.get_by_role("link", name="Add to my calendar")
    expect(link).to_be_attached(timeout=20_000)
    href = link.get_attribute("href")
    assert href and href.endswith("/rigo/au.ics")
    with urllib.request.urlopen(app_url + href, timeout=10) as reply:
        assert reply.read().startswith(b"BEGIN:VCALENDAR")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    assert offsite == []


# What would cut a text on screen: an element around it, up to its card, whose hidden overflow is
# narrower than its content (a badge ends in an ellipsis), or a line of it past the screen's edge.
CLIPPED = """(text) => {
  const spans = [...document.querySelectorAll("[data-testid='stMarkdownContainer'] span")]
    .filter(s => s.textContent.trim() === text && !s.closest("[data-testid='stTable']"));
  if (!spans.length) return ["not found"];
  const cut = [];
  for (const span of spans) {
    const card = span.closest("[data-testid='stVerticalBlock']");
    for (let node = span; node && node !== card; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX !== "visible" && node.scrollWidth > node.clientWidth + 1)
        cut.push(node.tagName + "." + node.className + " " + node.scrollWidth + ">" + node.clientWidth);
    }
    const range = document.createRange();
    range.selectNodeContents(span);
    for (const r of range.getClientRects())
      if (r.left < 0 || r.right > window.innerWidth) cut.push("past the edge: " + r.left + "-" + r.right);
  }
  return cut;
}"""


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_a_window_card_shows_not_yet_announced_in_full_on_a_phone(page, app_url, real_atlas, lang):
    tables = localise(real_atlas, lang)
    shown = windows.ordered(windows.with_region(tables, tables.engagement_windows))
    first = shown[shown.next_start == ""].iloc[0]
    timing = windows.timing(i18n.translator(lang), first)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_url}/calendar?lang={lang}")
    page.wait_for_selector(READY, timeout=60_000)
    span = page.locator("[data-testid='stVerticalBlock'] [data-testid='stMarkdownContainer'] span",
                        has_text=timing).first
    span.scroll_into_view_if_needed(timeout=20_000)
    expect(span).to_be_visible()
    assert page.evaluate(CLIPPED, timing) == []
