"""In Chromium, as users on phones, keyboards and screen readers meet the app: axe-core finds no
serious violation, the picker is a few Tab presses away, a swipe over the map scrolls the page,
no page scrolls sideways at 390 px, and the language and date are reachable without the sidebar."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import tabs_until, violations

pytestmark = pytest.mark.browser
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
MAP = 'iframe[data-testid="stCustomComponentV1"]'
PAGES = ["", "country?iso3=KEN", "pathways?iso3=KEN", "rigo?id=au", "compare", "gaps",
         "early-warning", "networks", "planner", "data", "country?iso3=EGY&lang=ar",
         "country?iso3=MLI&lang=fr", "calendar", "cases", "changes?iso3=MLI", "changes?lang=ar"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCROLLED = "document.querySelector('[data-testid=stMain]').scrollTop"


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(1500)  # late parts: the map's frame, charts


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(page, app_url, path):
    page.set_viewport_size({"width": 1366, "height": 900})
    _open(page, f"{app_url}/{path}")
    assert violations(page) == []


def test_every_map_frame_says_what_it_shows(page, app_url):
    _open(page, f"{app_url}/country?iso3=KEN")
    frames = page.locator(MAP)
    expect(frames.first).to_have_attribute("title", re.compile("^Map of the countries"),
                                           timeout=30_000)


def test_the_picker_is_a_few_tabs_away_and_enter_opens_the_profile(page, app_url):
    page.set_viewport_size({"width": 1366, "height": 900})
    _open(page, f"{app_url}/")
    picker = "input[aria-label*='choose it here']"
    presses = tabs_until(page, picker)
    assert presses is not None and presses <= 25, presses
    page.keyboard.type("Kenya")
    page.keyboard.press("Enter")
    link = page.get_by_role("link", name=re.compile("Open Kenya's profile"))
    expect(link).to_be_visible(timeout=20_000)
    for _ in range(5):  # the profile link follows the picker
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.includes(\"Kenya's profile\")"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/country\?.*iso3=KEN"), timeout=20_000)
    expect(page.get_by_role("heading", name="Kenya", exact=True)).to_be_visible(timeout=30_000)


def test_map_shapes_are_not_tab_stops(page, app_url):
    _open(page, f"{app_url}/")
    frame = page.frame_locator(MAP)
    expect(frame.locator("path.leaflet-interactive").nth(200)).to_be_attached(timeout=30_000)
    expect(frame.locator("path.leaflet-interactive:not([tabindex='-1'])")).to_have_count(0)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(browser, app_url, path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _open(page, f"{app_url}/{path}")
    overflow = page.evaluate("""() => [document.scrollingElement,
        document.querySelector('[data-testid=stMain]')].map(e => e.scrollWidth - e.clientWidth)""")
    context.close()
    assert max(overflow) <= 0, overflow


def _swipe(cdp, x: float, y: float, dy: float, steps: int = 8) -> None:
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, steps + 1):
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchMove", "touchPoints": [{"x": x, "y": y + dy * i / steps}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


@pytest.mark.parametrize("path", ["", "country?iso3=FJI"])
def test_a_swipe_over_the_map_scrolls_the_page(browser, app_url, path):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _open(page, f"{app_url}/{path}")
    frame = page.locator(MAP).first
    expect(page.frame_locator(MAP).first.locator("path.leaflet-interactive").first).to_be_attached(
        timeout=30_000)
    frame.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = frame.bounding_box()
    assert box["height"] <= 320  # the world fits a phone: a short band, not a 520 px trap
    before = page.evaluate(SCROLLED)
    _swipe(context.new_cdp_session(page), box["x"] + box["width"] / 2,
           box["y"] + box["height"] * 0.8, -150)
    page.wait_for_timeout(800)
    moved = page.evaluate(SCROLLED) - before
    context.close()
    assert moved > 50, moved


def test_a_phone_changes_language_and_date_without_the_sidebar(browser, app_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    _open(page, f"{app_url}/country?iso3=KEN")
    expect(page.locator("[data-testid='stSidebarContent']")).not_to_be_in_viewport()
    page.get_by_role("button", name=re.compile("^Language and date")).click()
    page.get_by_role("combobox", name="Language").last.click()
    page.get_by_role("option", name="Français").click()
    expect(page).to_have_url(re.compile("lang=fr"), timeout=20_000)
    expect(page.get_by_role("heading", name="Adhésions")).to_be_visible(timeout=30_000)
    context.close()
