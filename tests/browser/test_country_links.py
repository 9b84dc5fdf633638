"""In Chromium: shared country links show the right organisations and channels, dated or not."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CASES = [
    ("KEN", "Kenya", ["AU · member", "EAC · member", "IGAD · member", "COMESA · member"],
     ["ECOWAS ·", "SADC ·"], "ECOSOCC"),
    ("HND", "Honduras", ["OAS · member", "SICA · member", "CELAC · member"], ["MERCOSUR ·"],
     "Consultative Committee"),
    ("FJI", "Fiji", ["PIF · member"], ["ASEAN ·"], "Forum Leaders"),
    ("MLI", "Mali", ["AU · suspended"], ["ECOWAS · member", "ECOWAS · suspended"],
     "Left ECOWAS on 29 January 2025"),
    ("DEU", "Germany", ["EU · member", "CoE · member", "OSCE · member"], ["AU ·"],
     "Civil Society Dialogue Network"),
    ("IDN", "Indonesia", ["ASEAN · member", "OIC · member"], ["EU ·"], "AICHR"),
    ("BRA", "Brazil", ["OAS · member", "MERCOSUR · member"], ["EU ·"], "Inter-American Commission"),
]


@pytest.mark.parametrize(("iso3", "name", "present", "absent", "channel"), CASES,
                         ids=[c[0] for c in CASES])
def test_country_link_shows_memberships_and_channels(page, app_url, iso3, name, present, absent,
                                                     channel):
    page.goto(f"{app_url}/country?iso3={iso3}")
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text(name, timeout=30_000)
    for chip in present:
        expect(main.get_by_text(chip, exact=False).first).to_be_visible()
    for chip in absent:
        expect(main.get_by_text(chip, exact=False)).to_have_count(0)
    expect(main.get_by_text(channel, exact=False).first).to_be_attached()


def test_dated_link_shows_mali_still_in_ecowas(page, app_url):
    page.goto(f"{app_url}/country?iso3=MLI&date=2024-06-01")
    main = page.get_by_role("main")
    expect(main.get_by_text("ECOWAS · suspended", exact=False).first).to_be_visible(timeout=30_000)
    expect(main.get_by_text("Left ECOWAS", exact=False)).to_have_count(0)
    expect(main.get_by_text("Situation on 1 June 2024", exact=False)).to_be_visible()


def test_membership_chip_links_to_the_organisation_with_the_date(page, app_url):
    page.goto(f"{app_url}/country?iso3=KEN&date=2024-06-01")
    page.get_by_role("link", name="EAC profile →").click(timeout=30_000)
    expect(page).to_have_url(re.compile(r"/rigo\?id=eac&date=2024-06-01"), timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_contain_text("EAC")


def test_unknown_country_code_is_explained_not_crashed(page, app_url):
    page.goto(f"{app_url}/country?iso3=ZZZ")
    expect(page.get_by_text("We don't know the country code 'ZZZ'", exact=False)).to_be_visible(
        timeout=30_000)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
