"""In Chromium: the CSV and Excel files a visitor downloads hold no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from atlas.escape import FORMULA_STARTS
from tests.hardening.conftest import wait_until_run_ends
from tests.hardening.xss_data import MARK

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAGES = [("/data?table=channels", "engagement-atlas-channels"), ("/country?iso3=KEN", "channels-KEN")]


def _download(page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=name).first.click()
    return info.value.path().read_bytes()


def _live(cells: list[str]) -> list[str]:
    return [c for c in cells if c.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize(("path", "stem"), PAGES, ids=[p for p, _ in PAGES])
def test_downloaded_csv_and_excel_neutralise_formulas(page, xss_url, path, stem):
    page.goto(xss_url + path)
    wait_until_run_ends(page)

    text = _download(page, "Download CSV").decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]  # the footer too
    assert any(c.startswith("# [") for c in cells)  # the citations are there
    assert sum(MARK in c for c in cells) >= 3  # the poisoned text is there, whole
    assert _live(cells) == []
    assert any(c.startswith(("'=", "'+", "'-", "'@")) and MARK in c for c in cells)

    book = openpyxl.load_workbook(io.BytesIO(_download(page, "Download Excel")))
    values = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in values if c.data_type == "f"] == []
    assert _live([c.value for c in values if isinstance(c.value, str)]) == []
    assert sum(MARK in str(c.value) for c in values) >= 3


def test_table_toolbar_offers_no_unneutralised_csv_export(page, xss_url):
    """st.dataframe's own 'Download as CSV' writes cells as they are: it is turned off in config."""
    page.goto(xss_url + "/data?table=channels")
    wait_until_run_ends(page)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.hover()
    page.wait_for_timeout(300)
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    assert page.get_by_role("button", name="Search").count() >= 1  # the toolbar itself is there
