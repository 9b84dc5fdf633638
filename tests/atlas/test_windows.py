"""The next twelve months of engagement windows, their timing in words, and the case library:
a date is shown only where a source announces it, never inferred from the usual months."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from atlas import casebook, engagement, i18n, planner, texts, windows

TODAY = dt.date(2026, 12, 2)


def window(**fields) -> dict:
    base = {"window_id": "w", "rigo_id": "au", "usual_months": (), "held_dates": (), "next_start": "",
            "next_end": "", "recurrence_kind": "yearly", "every_n_years": ""}
    return {**base, **fields}


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def test_months_ahead_crosses_the_year():
    months = windows.months_ahead(TODAY)
    assert len(months) == 12
    assert months[0] == dt.date(2026, 12, 1) and months[1] == dt.date(2027, 1, 1)
    assert months[-1] == dt.date(2027, 11, 1)


def test_a_usual_month_is_a_whole_month_marked_not_announced():
    rows = windows.upcoming(frame(window(usual_months=("6",))), TODAY)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row.date_status == windows.USUAL
    assert (row.start, row.end) == (dt.date(2027, 6, 1), dt.date(2027, 6, 30))


def test_no_date_is_invented_for_a_window_without_usual_months_or_announcement():
    rows = windows.upcoming(frame(window(recurrence_kind="per_session")), TODAY)
    assert rows.empty


def test_only_announced_dates_are_announced():
    rows = windows.upcoming(frame(window(usual_months=(3,), next_start="2027-03-10",
                                         next_end="2027-03-12")), TODAY)
    assert list(rows.date_status) == [windows.ANNOUNCED]  # the usual March is taken by the date
    assert (rows.start[0], rows.end[0]) == (dt.date(2027, 3, 10), dt.date(2027, 3, 12))


def test_an_announced_date_beyond_twelve_months_or_past_is_left_out():
    far = window(next_start="2028-05-01")
    past = window(window_id="p", next_start="2026-11-01")
    assert windows.upcoming(frame(far, past), TODAY).empty


def test_a_usual_month_already_held_this_year_is_not_shown_again():
    rows = windows.upcoming(frame(window(usual_months=(12,), held_dates=("2026-12-01/2026-12-02",))),
                            TODAY)
    assert rows.empty


def test_real_windows_announced_only_where_the_data_has_a_next_date(real_atlas):
    rows = windows.upcoming(real_atlas.engagement_windows, TODAY)
    announced = set(real_atlas.engagement_windows[real_atlas.engagement_windows.next_start != ""]
                    .window_id)
    assert set(rows[rows.date_status == windows.ANNOUNCED].window_id) <= announced
    usual = rows[rows.date_status == windows.USUAL]
    months = real_atlas.engagement_windows.set_index("window_id").usual_months
    assert all(m.month in {int(x) for x in months[w]} and m.day == 1
               for w, m in zip(usual.window_id, usual.start, strict=True))


def test_timing_says_usual_months_and_not_yet_announced():
    t = i18n.translator()
    w = pd.Series(window(usual_months=("6",), date_status=windows.USUAL))
    assert windows.timing(t, w) == "Usually in June; next date not yet announced."
    w = pd.Series(window(recurrence_kind="every_n_years", every_n_years="3"))
    assert windows.timing(t, w) == "Held every 3 years; next date not yet announced."
    w = pd.Series(window(next_start="2027-03-10"))
    assert windows.timing(t, w) == "Next: 10 March 2027 (date announced)."
    french = windows.timing(i18n.translator("fr"), pd.Series(window(usual_months=(6, 7))))
    assert "juin" in french and "juillet" in french


def test_a_countrys_windows_are_those_of_its_organisations(real_atlas):
    kenya = windows.select(real_atlas, real_atlas.engagement_windows, TODAY, iso3="KEN")
    assert set(kenya.rigo_id) <= set(windows.rigos_of_country(real_atlas, "KEN", TODAY))
    assert "au" in set(kenya.rigo_id)


@pytest.mark.parametrize(("kind", "code"), [("", ""), ("rigo", "au"), ("country", "KEN")])
def test_ics_links_point_at_files_the_etl_wrote(kind, code):
    url = windows.ics_url(kind, code)
    assert url and url.startswith("/app/static/data/calendar/") and url.endswith(".ics")
    assert windows.ics_url("rigo", "no-such-organisation") is None


def test_calendar_view_chart_and_files(real_atlas):
    view = engagement.calendar(real_atlas, TODAY, None, None, None, None)
    assert len(view.windows) == len(real_atlas.engagement_windows)
    assert view.chart is not None and len(view.chart.table) == len(view.upcoming)
    assert view.files.csv.decode().count("\n") > len(view.windows)
    empty = engagement.calendar(real_atlas, TODAY, None, "au", "Europe", None)
    assert empty.windows.empty and empty.chart is None


def test_cases_filters_and_sources(real_atlas):
    every = casebook.choose(real_atlas, TODAY)
    assert len(every) == len(real_atlas.cases)
    none = casebook.choose(real_atlas, TODAY, outcome="none")
    assert set(none.outcome_category) == {"none"} and len(none)
    case = every.iloc[0]
    text = casebook.markdown(real_atlas, case)
    assert texts.sources_line(real_atlas, case.source_ids) in text


def test_used_in_practice_lists_cases_of_the_channel(real_atlas):
    cited = real_atlas.cases[real_atlas.cases.channel_id != ""].iloc[0]
    line = casebook.used_in_practice(real_atlas, cited.channel_id, cited.rigo_id)
    assert line.startswith("**Used in practice:**") and f"/cases?rigo={cited.rigo_id}" in line
    assert casebook.used_in_practice(real_atlas, "no-such-channel", "au") == ""


def test_planner_proposes_cases_with_sources_in_the_briefing(real_atlas):
    p = planner.plan(real_atlas, "human_rights", ("Africa", "Europe"), "panel")
    assert 0 < len(p.cases) <= 4 and len(set(p.cases.outcome_category)) > 1
    sources = real_atlas.sources[real_atlas.sources.source_id.isin(planner.cited_ids(p))]
    text = planner.to_markdown(p, sources, real_atlas.as_of, "link")
    assert "## Cases from practice" in text
    assert all(title in text for title in p.cases.title)
