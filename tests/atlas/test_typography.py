"""Cards read right in every language: data parts isolated so that an acronym in brackets stays in
place in Arabic, labels joined with the language's colon (French: a narrow no-break space before
it), and the calendar's legend on lines short enough for a phone."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from atlas import casebook, engagement, i18n, texts, windows
from atlas.escape import FSI, PDI, isolate
from atlas.i18n.data import localise

TODAY = dt.date(2026, 12, 2)
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def arabic(real_atlas):
    return localise(real_atlas, "ar")


@pytest.fixture(scope="module")
def french(real_atlas):
    return localise(real_atlas, "fr")


def test_isolate_wraps_text_in_first_strong_isolate_and_pop():
    assert isolate("ECOWAS") == f"{FSI}ECOWAS{PDI}"
    assert isolate("") == "" and isolate(None) == ""


def test_data_cannot_end_its_isolate_early_or_override_the_direction():
    hostile = f"abc{PDI}\u202edef\u2066"
    assert isolate(hostile) == f"{FSI}abcdef{PDI}"


def test_a_line_is_in_the_page_direction_with_each_part_isolated():
    ar, en = i18n.translator("ar"), i18n.translator("en")
    assert texts.line(ar, "ECOWAS", "", "2024") == f"\u200f{FSI}ECOWAS{PDI} · {FSI}2024{PDI}"
    assert texts.line(en, "ECOWAS") == f"\u200e{FSI}ECOWAS{PDI}"


def _meta_line(markdown: str) -> str:
    """The line under a card's title (after the Markdown line break)."""
    return markdown.split("\n\n")[0].split("  \n")[1]


def test_the_arabic_wacsof_case_keeps_its_bracketed_acronym_inside_its_part(arabic):
    case = casebook.choose(arabic, TODAY, rigo_id="ecowas")
    case = case[case.case_id == "ecowas-wacsof-peoples-forum-gap"].iloc[0]
    line = _meta_line(casebook.markdown(arabic, case))
    assert line.startswith("\u200f")  # laid out right to left, although it starts with "ECOWAS"
    parts = line[1:].split(" · ")
    assert parts[0] == isolate("ECOWAS") and all(p[0] == FSI and p[-1] == PDI for p in parts)
    assert any("\\(WACSOF\\)" in p for p in parts)  # the bracketed acronym within the channel's part


def test_english_cards_read_the_same_without_the_invisible_marks(real_atlas):
    w = windows.ordered(windows.with_region(real_atlas, real_atlas.engagement_windows)).iloc[0]
    shown = BIDI_CONTROLS.sub("", windows.markdown(real_atlas, w))
    assert f"{w.acronym}](" in shown and "**Who may take part:** " in shown
    case = casebook.choose(real_atlas, TODAY).iloc[0]
    shown = BIDI_CONTROLS.sub("", casebook.markdown(real_atlas, case))
    assert _meta_line(shown).startswith(f"{case.acronym} · ") and "**Who:** " in shown


def test_files_and_tables_carry_no_invisible_marks(arabic):
    view = engagement.calendar(arabic, TODAY, None, None, None, None)
    cases = engagement.cases(arabic, TODAY, None, None, None, None, None)
    for text in (view.files.csv.decode(), cases.files.csv.decode(), view.table.to_csv(),
                 cases.table.to_csv()):
        assert not BIDI_CONTROLS.search(text)


def test_the_label_colon_is_each_languages():
    assert i18n.translator("en").label("Who") == "Who:"
    assert i18n.translator("fr").label("Qui") == "Qui\u202f:"
    assert i18n.translator("ar").label("من") == "من:"


def test_french_cards_put_a_narrow_no_break_space_before_every_labels_colon(french):
    w = windows.ordered(windows.with_region(french, french.engagement_windows)).iloc[0]
    case = casebook.choose(french, TODAY).iloc[0]
    channels = texts.cards(french, french.channels.head(20))
    for md in (windows.markdown(french, w), casebook.markdown(french, case),
               *(c.markdown for c in channels)):
        labels = re.findall(r"\*\*([^*]+?)\*\*", md)
        colons = [label for label in labels if label.endswith(":")]
        assert colons, md[:200]
        assert all(label.endswith("\u202f:") for label in colons), colons
    assert "**Qui peut participer\u202f:** " in windows.markdown(french, w)


def test_the_window_timing_is_never_a_badge_that_cannot_wrap(french):
    for w in windows.with_region(french, french.engagement_windows).itertuples(index=False):
        md = windows.markdown(french, w)
        assert "-badge[" not in md and windows.timing(i18n.translator("fr"), w).split(" ;")[0] in md


@pytest.mark.parametrize("code", i18n.LANGS)
def test_the_calendar_legend_sits_under_the_chart_one_short_line_at_a_time(real_atlas, code):
    tables = localise(real_atlas, code)
    view = engagement.calendar(tables, TODAY, None, None, None, None)
    assert view.chart is not None
    legend = view.chart.figure.to_dict()["encoding"]["color"]["legend"]
    assert legend["columns"] == 1 and legend["legendX"] == -engagement.AXIS_WIDTH
    words = re.findall(r'"([^"]+)"', legend["labelExpr"].split(")[datum")[0])
    lines = [w for w in words if w not in (windows.ANNOUNCED, windows.USUAL)]
    assert lines and all(len(line) <= engagement.LEGEND_LINE for line in lines), lines
