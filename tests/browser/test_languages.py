"""In Chromium: shared links open in their language, Arabic reads right to left with its own local
font, map tooltips are translated, and the language survives a click and a copied link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_home_map import MAP, _hover_latlng

pytestmark = pytest.mark.browser

CASES = [
    ("MLI", "fr", "Mali", ["Adhésions", "Canaux pour une OSC nationale", "Comment s'engager",
                           "traduction automatique"]),
    ("HND", "es", "Honduras", ["Membresías", "OEA · miembro", "Cómo participar"]),
    ("BRA", "pt", "Brasil", ["Adesões", "OEA · membro", "Como participar"]),
    ("EGY", "ar", "مصر", ["العضويات", "الجامعة العربية · عضو"]),
]


@pytest.mark.parametrize(("iso3", "lang", "name", "words"), CASES, ids=[c[1] for c in CASES])
def test_a_country_link_reads_in_its_language(page, app_url, offsite, iso3, lang, name, words):
    page.goto(f"{app_url}/country?iso3={iso3}&lang={lang}")
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_have_text(name, timeout=30_000)
    for word in words:
        expect(main.get_by_text(word, exact=False).first).to_be_attached()
    expect(page.get_by_role("combobox", name=re.compile("Langue|Idioma|Língua|اللغة"))).to_be_visible()
    assert offsite == []


def test_arabic_reads_right_to_left_with_the_local_font(page, app_url, offsite):
    fonts: list[str] = []
    page.on("request", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
    page.goto(f"{app_url}/country?iso3=EGY&lang=ar")
    expect(page.get_by_role("heading", level=1)).to_have_text("مصر", timeout=30_000)
    main = page.locator('[data-testid="stMain"]')
    # the page's style arrives with the frame's first elements; on a loaded machine, a moment later
    page.wait_for_function("getComputedStyle(document.querySelector('[data-testid=\"stMain\"]'))"
                           ".direction === 'rtl'", timeout=15_000)
    heading = page.get_by_role("heading", level=1)
    assert "Noto Sans Arabic" in heading.evaluate("e => getComputedStyle(e).fontFamily")
    page.wait_for_timeout(500)
    assert any("/app/static/vendor/fonts/noto-sans-arabic" in u for u in fonts), fonts
    # a Latin acronym inside Arabic text is not reversed: bidi isolation, never override
    chip = main.get_by_text("AU · عضو", exact=False).first
    expect(chip).to_be_attached()
    assert "bidi-override" not in chip.evaluate("e => getComputedStyle(e).unicodeBidi")
    assert offsite == []


def test_the_map_tooltip_speaks_the_language(page, app_url):
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{app_url}/?lang=fr")
    expect(page.frame_locator(MAP).locator("path.leaflet-interactive").nth(200)).to_be_attached(
        timeout=30_000)
    _hover_latlng(page, 0.5, 37.9)
    tooltip = page.frame_locator(MAP).locator(".leaflet-tooltip").filter(has_text="Kenya")
    expect(tooltip).to_be_visible(timeout=10_000)
    expect(tooltip).to_contain_text("Organisations régionales")
    expect(tooltip).to_contain_text("UA")


def test_the_language_survives_a_click_and_a_copied_link(page, app_url):
    page.goto(f"{app_url}/country?iso3=KEN&lang=fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kenya", timeout=30_000)
    share = page.get_by_text(re.compile(r"/country\?iso3=KEN&lang=fr"))
    expect(share).to_be_visible()
    page.get_by_role("link", name="Profil de EAC →").click()
    expect(page).to_have_url(re.compile(r"/rigo\?id=eac&lang=fr"), timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Communauté d'Afrique de l'Est")
    # the sidebar navigation drops the query string (streamlit#7982): the session keeps the language
    page.get_by_role("link", name="Carte").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avec quels organismes régionaux",
                                                                 timeout=30_000)


def test_choosing_a_language_in_the_picker_puts_it_in_the_url(page, app_url):
    page.goto(f"{app_url}/country?iso3=KEN")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kenya", timeout=30_000)
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="Español").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("Membresías", timeout=30_000)
    expect(page).to_have_url(re.compile(r"lang=es"))
