"""The light pages: plain HTML, every language, escaped data, an index and an offline pack."""

from __future__ import annotations

import dataclasses
import zipfile

from atlas import i18n, light, profiles
from atlas.i18n.data import localise


def test_written_for_every_language_with_index_pack_and_stamp(tmp_path, min_processed):
    out = tmp_path / "light"
    count = light.write_all(out, min_processed, workers=1, only=("KEN", "FJI", "HND"))
    assert count == 3 * len(i18n.LANGS)
    for code in i18n.LANGS:
        pages = sorted(p.name for p in (out / code).glob("*.html"))
        assert "index.html" in pages and len(pages) == count // len(i18n.LANGS) + 1
        with zipfile.ZipFile(out / f"atlas-light-{code}.zip") as pack:
            assert sorted(n.split("/")[1] for n in pack.namelist()) == pages
    assert light.up_to_date(out, min_processed)
    assert not (tmp_path / "light.new").exists() and not (tmp_path / "light.old").exists()


def test_a_country_page_has_no_script_and_links_its_other_languages(real_atlas):
    atlas = localise(real_atlas, "fr")
    page = light.country_page(atlas, "MLI")
    assert "<script" not in page.lower()
    assert "lang='fr'" in page and "dir='ltr'" in page
    assert "<h1>Mali" in page
    for code in i18n.LANGS:
        assert f"href='../{code}/MLI.html'" in page
    assert "href='/country?iso3=MLI&amp;lang=fr'" in page
    offline = light.country_page(atlas, "MLI", online=False)
    assert "/country?" not in offline


def test_arabic_pages_read_right_to_left(real_atlas):
    page = light.country_page(localise(real_atlas, "ar"), "EGY")
    assert "lang='ar'" in page and "dir='rtl'" in page


def test_the_index_lists_countries_in_the_languages_order(real_atlas):
    atlas = localise(real_atlas, "es")
    page = light.index_page(atlas)
    names = [profiles.country_name(atlas, c) for c in profiles.known_countries(atlas)]
    positions = [page.index(f">{n}<".replace("&", "&amp;").replace("'", "&#x27;")) for n in names[:30]]
    assert positions == sorted(positions)


def test_data_text_is_escaped(real_atlas):
    hostile = real_atlas.countries.copy()
    hostile.loc[hostile.iso3 == "KEN", "name"] = "<script>alert(1)</script>"
    page = light.index_page(dataclasses.replace(real_atlas, countries=hostile))
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
