"""In Chromium: the home map draws the countries offline, and hovering a country shows its tooltip."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
MAP = 'iframe[data-testid="stCustomComponentV1"]'


def _hover_latlng(page, lat: float, lng: float) -> None:
    """Move the mouse over a point of the Leaflet map inside the component iframe."""
    frame = page.frame_locator(MAP)
    frame.locator(".leaflet-container").wait_for()
    handle = page.locator(MAP).element_handle()
    inner = handle.content_frame()
    point = inner.evaluate(
        """([lat, lng]) => {
            const key = Object.keys(window).find(k => k.startsWith('map_'));
            const p = window[key].latLngToContainerPoint([lat, lng]);
            const box = document.querySelector('.leaflet-container').getBoundingClientRect();
            return {x: p.x + box.left, y: p.y + box.top};
        }""",
        [lat, lng],
    )
    box = handle.bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])


def test_map_draws_countries_and_tooltip_names_kenya(page, app_url, offsite):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url + "/")
    shapes = page.frame_locator(MAP).locator("path.leaflet-interactive")
    expect(shapes.nth(200)).to_be_attached(timeout=30_000)
    _hover_latlng(page, 0.5, 37.9)
    tooltip = page.frame_locator(MAP).locator(".leaflet-tooltip").filter(has_text="Kenya")
    expect(tooltip).to_be_visible(timeout=10_000)
    expect(tooltip).to_contain_text("AU")
    expect(tooltip).to_contain_text("IGAD")
    assert offsite == []


def test_map_has_a_marker_for_each_seat(page, app_url, real_atlas):
    page.goto(app_url + "/")
    markers = page.frame_locator(MAP).locator("path.leaflet-interactive[fill='#d95f02']")
    expect(markers).to_have_count(len(real_atlas.rigos), timeout=30_000)


def test_a_dated_link_changes_the_date_picker(page, app_url):
    page.goto(app_url + "/?date=2024-06-01")
    year = page.get_by_role("spinbutton", name="year, Show the situation on")
    expect(year).to_have_attribute("aria-valuenow", "2024", timeout=30_000)
    month = page.get_by_role("spinbutton", name="month, Show the situation on")
    expect(month).to_have_attribute("aria-valuenow", "6")


@pytest.mark.parametrize(("lat", "lng", "name", "iso3"), [(0.5, 37.9, "Kenya", "KEN"),
                                                         (-17.8, 178.0, "Fiji", "FJI"),
                                                         (14.8, -86.8, "Honduras", "HND")])
def test_clicking_a_country_offers_its_profile_with_the_date(page, app_url, lat, lng, name, iso3):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(app_url + "/?date=2024-06-01")
    expect(page.frame_locator(MAP).locator("path.leaflet-interactive").nth(200)).to_be_attached(
        timeout=30_000)
    _hover_latlng(page, lat, lng)
    page.mouse.down()
    page.mouse.up()
    link = page.get_by_role("link", name=f"Open {name}'s profile")
    expect(link).to_be_visible(timeout=15_000)
    href = link.get_attribute("href") or ""
    assert f"iso3={iso3}" in href and "date=2024-06-01" in href
    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name, timeout=30_000)
