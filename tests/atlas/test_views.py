"""Page views built from plain keys: what they hold agrees with the tables, text stays escaped."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from atlas import maps, overviews, pathways, texts, views

DAY = dt.date(2024, 6, 1)


def test_country_view_cards_follow_the_bands(real_atlas):
    view = views.country(real_atlas, "KEN", DAY)
    for band, cards in view.cards.items():
        assert len(cards) == int((view.paths.band == band).sum())
    assert {c.rigo for c in view.cards[pathways.OPEN]} <= {"AU", "EAC", "IGAD", "COMESA"}
    assert view.summary.startswith("Member of 4 regional organisations")


def test_country_view_files_carry_the_rows_and_their_citations(real_atlas):
    view = views.country(real_atlas, "KEN", DAY)
    text = view.files.csv.decode("utf-8")
    assert text.count('\n"# [') == len(view.cited)
    body = pd.read_csv(io.StringIO(text.split('\n\n"# ')[0]))
    assert len(body) == len(view.paths)
    assert view.files.xlsx is not None and view.files.xlsx.startswith(b"PK")  # a zip, as .xlsx are
    assert "Kenya" in view.briefing


def test_rigo_view_counts_members_on_the_date(real_atlas):
    before, after = views.rigo(real_atlas, "ecowas", DAY, DAY), views.rigo(
        real_atlas, "ecowas", dt.date(2025, 6, 1), DAY)
    suspended = set(before.members[before.members.status == "suspended"].country)
    assert suspended == {"Burkina Faso", "Guinea", "Mali", "Niger"}  # in mid-2024
    assert after.status_counts.get("former", 0) >= 3  # they left in January 2025
    assert len(before.cards) == (real_atlas.channels.rigo_id == "ecowas").sum()


PAYLOAD = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) :red[boom] ${x}"


def test_a_card_shows_hostile_text_literally(real_atlas):
    channel = real_atlas.channels.iloc[0].copy()
    for field in ("name", "organ", "how_to_engage", "requirements", "eligibility_notes"):
        channel[field] = PAYLOAD
    card = texts.card_markdown(real_atlas, pd.DataFrame([channel]).itertuples(index=False).__next__())
    assert "<img" not in card and "](javascript" not in card and ":red[" not in card
    assert card.count("&lt;img") == 5


def test_footprint_lookup_escapes_names_and_colours_only_the_footprint():
    lookup = maps.footprint_lookup({"KEN": "<b>Kenya</b>", "FRA": "France"},
                                   {"KEN": "this country"}, {"KEN": "<i>home</i>"})
    assert lookup["KEN"] == ["#000000", "&lt;b&gt;Kenya&lt;/b&gt;", "&lt;i&gt;home&lt;/i&gt;"]
    assert lookup["FRA"] == ["", "France"]


@pytest.mark.parametrize("picked", [(), ("au",), ("au", "oas", "eu")])
def test_comparison_table_holds_the_picked_organisations_only(real_atlas, picked):
    view = overviews.comparison(real_atlas, picked)
    expected = real_atlas.channels.rigo_id.isin(picked).sum() if picked else len(
        real_atlas.channels)
    assert len(view.table) == expected
    assert (view.stages is None) == view.matrix.empty


def test_a_huge_table_gets_a_csv_but_no_excel_file(real_atlas):
    from atlas import exports

    rows = exports.EXCEL_MAX_CELLS // len(real_atlas.channels.columns) + 1
    huge = real_atlas.channels.sample(rows, replace=True, random_state=1)
    files = exports.downloads(huge, real_atlas.sources.head(3), real_atlas.as_of)
    assert files.xlsx is None
    assert files.csv.decode("utf-8").count("\n") > rows


def test_an_export_in_another_language_keeps_its_columns_and_says_where_texts_come_from(real_atlas):
    from atlas.i18n.data import localise

    def body(atlas):
        text = views.country(atlas, "MLI", DAY).files.csv.decode("utf-8")
        return pd.read_csv(io.StringIO(text.split('\n\n"# ')[0]), keep_default_na=False)

    english, french = body(real_atlas), body(localise(real_atlas, "fr"))
    assert list(english.columns) == list(french.columns)  # English keys, one shape
    assert set(english.text_lang) == {"en"} and set(french.text_lang) == {"fr-t-en-t0-und"}
    assert french.how_to_engage.iloc[0] != english.how_to_engage.iloc[0]
