"""In Chromium: each organiser page opened from a shared URL draws its chart and table and exports."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = [
    ("/compare?rigos=au,ecowas,oas", "Compare engagement channels", "ECOWAS-WANEP"),
    ("/gaps?rigo=ecowas&rec=wf-1-5", "The 2012 recommendations", "ECOWAS: in place"),
    ("/early-warning?region=Africa", "Early-warning models", "ECOWARN"),
    ("/networks?region=Africa&network=wanep", "CSO networks", "West Africa Network for Peacebuilding"),
    ("/planner?theme=early_warning&regions=Africa,Americas&format=panel", "Plan a session",
     "Case A: strong formal channels"),
]


@pytest.mark.parametrize(("path", "title", "text"), PAGES, ids=[p[0].split("?")[0] for p in PAGES])
def test_page_from_a_shared_url_draws_chart_and_text(page, app_url, offsite, path, title, text):
    page.goto(app_url + path)
    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text(title, timeout=30_000)
    expect(main.get_by_text(text, exact=False).first).to_be_attached(timeout=20_000)
    if "planner" not in path:
        expect(main.locator("canvas, svg.marks").first).to_be_attached(timeout=20_000)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    assert offsite == []


def _briefing(page, url: str, label: str) -> str:
    """The Markdown briefing a visitor downloads from the planner at `url`."""
    page.goto(url)
    button = page.get_by_role("button", name=label)
    expect(button).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        button.click()
    return open(info.value.path(), encoding="utf-8").read()


def test_planner_briefing_downloads_with_citations(page, app_url):
    text = _briefing(page, app_url + "/planner?theme=early_warning&regions=Africa&format=workshop",
                     "Briefing (Markdown)")
    assert text.startswith("# Session briefing: early warning")
    assert "## Sources" in text and "Facilitating Multi-Actor Cooperation" in text


def test_planner_briefing_is_in_the_chosen_language_and_links_back_to_it(page, app_url):
    text = _briefing(page, app_url + "/planner?theme=early_warning&regions=Africa&format=workshop"
                     "&lang=pt", "Nota informativa (Markdown)")
    assert text.startswith("# Nota informativa da sessão") or "## Fontes" in text, text[:200]
    assert "/planner?theme=early_warning&regions=Africa&format=workshop&lang=pt" in text


def test_compare_table_export_downloads_csv(page, app_url):
    page.goto(app_url + "/compare?rigos=ecowas")
    page.get_by_role("tab", name="Table").click(timeout=30_000)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").last.click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert "ECOWAS" in text and "# Engagement Atlas, data as of" in text
