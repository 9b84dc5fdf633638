"""With many channels, a band shows a page of cards and a button for the next page."""

from __future__ import annotations

import pytest

from atlas.widgets.cards import PAGE
from bench import synthetic
from tests.app.test_pages import run


@pytest.fixture(scope="module")
def tripled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tripled")
    synthetic.write(folder, factor=3)
    return folder


def _cards(at) -> int:
    return sum("**How to engage:**" in m.value for m in at.markdown)


def test_a_long_band_is_paged_and_the_button_shows_more(tripled, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tripled))
    at = run("pages/rigo.py", id="au")
    shown = _cards(at)
    assert shown == PAGE
    more = [b for b in at.button if b.label.startswith("Show ")]
    assert more and "not shown" in more[0].label
    more[0].click().run()
    assert _cards(at) == 2 * PAGE


def test_the_real_data_fits_on_one_page(real_atlas):
    at = run("pages/rigo.py", id="au")
    assert _cards(at) == (real_atlas.channels.rigo_id == "au").sum()
    assert not [b for b in at.button if b.label.startswith("Show ")]


def test_an_empty_band_says_where_to_look():
    at = run("pages/pathways.py", iso3="HND", org="regional_network")
    assert any(m.value.startswith("**0** open now") for m in at.markdown)
    assert any("networks that can carry your voice" in m.value for m in at.markdown)
