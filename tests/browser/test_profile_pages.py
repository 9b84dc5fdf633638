"""In Chromium: profile pages follow every change the user makes, and their maps colour the
right countries over shapes fetched from the app itself."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MAP = 'iframe[data-testid="stCustomComponentV1"]'
SUMMARY = '[data-testid="stMarkdownContainer"]'


def _type_date(page, digits: str) -> None:
    """Type a date into the sidebar date field, then leave it (which commits it)."""
    page.locator('[data-testid="stSidebar"] [data-testid="stDateInputField"] '
                 '[role="spinbutton"]').first.click()
    page.keyboard.type(digits)
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1).click()


def test_each_of_several_date_changes_takes_effect(page, app_url):
    page.goto(f"{app_url}/country?iso3=MLI")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mali", timeout=30_000)
    for day in ("2023-01-01", "2020-06-15", "2019-03-03"):
        _type_date(page, day.replace("-", ""))
        when = dt.date.fromisoformat(day)
        written = f"Situation on {when.day} {when:%B %Y}"  # dates are written out, in the language
        expect(page.locator(SUMMARY).filter(has_text=written)).to_be_visible(
            timeout=15_000)
        expect(page).to_have_url(re.compile(f"date={day}"), timeout=5_000)


def test_each_of_several_country_picks_takes_effect(page, app_url):
    page.goto(f"{app_url}/country?iso3=MLI")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Mali", timeout=30_000)
    for name, iso3 in (("Ghana", "GHA"), ("Peru", "PER"), ("Fiji", "FJI")):
        page.get_by_role("main").locator('[data-testid="stSelectbox"]').first.click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        expect(heading).to_contain_text(name, timeout=15_000)
        assert page.evaluate("() => location.search").endswith(f"iso3={iso3}")


def _fills(page) -> dict[str, int]:
    """How many country shapes the map draws in each fill colour, once they are drawn."""
    frame = page.frame_locator(MAP).first
    expect(frame.locator("path.leaflet-interactive").nth(150)).to_be_attached(timeout=30_000)
    fills = frame.locator("path.leaflet-interactive").evaluate_all(
        "paths => paths.map(p => p.getAttribute('fill'))")
    return {colour: fills.count(colour) for colour in set(fills)}


def test_organisation_map_colours_its_members_and_fits_them(page, app_url, real_atlas):
    page.goto(f"{app_url}/rigo?id=ecowas&date=2024-06-01")
    page.locator(MAP).first.scroll_into_view_if_needed()
    fills = _fills(page)
    members = real_atlas.memberships
    held = members[(members.rigo_id == "ecowas") & (members.start_date <= "2024-06-01")
                   & ((members.end_date == "") | (members.end_date > "2024-06-01"))]
    member_shapes = fills.get("#0072B2", 0) + fills.get("#E69F00", 0)  # members and suspended
    assert member_shapes >= held.iso3.nunique()
    assert fills.get("#E69F00", 0) >= 3  # Mali, Burkina Faso and Niger were suspended then
    zoom = page.frame_locator(MAP).first.locator(".leaflet-container").evaluate(
        "el => { for (const k in window) { const v = window[k];"
        " if (v && v._container === el && v.getZoom) { return v.getZoom(); } } return 0; }")
    assert zoom >= 3, "the map should zoom in on West Africa"


def test_country_map_names_the_country_in_its_tooltip(page, app_url):
    page.goto(f"{app_url}/country?iso3=KEN")
    page.locator(MAP).first.scroll_into_view_if_needed()
    fills = _fills(page)
    assert fills.get("#000000", 0) >= 1  # Kenya itself
    frame = page.frame_locator(MAP).first
    frame.locator('path.leaflet-interactive[fill="#000000"]').first.hover(force=True)
    expect(frame.locator(".leaflet-tooltip")).to_contain_text("Kenya", timeout=10_000)
