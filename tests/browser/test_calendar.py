"""In Chromium: the Calendar page draws its timeline and links to an .ics file the server serves."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


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
