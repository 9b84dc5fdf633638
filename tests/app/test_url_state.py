"""Changing a URL-bound widget again and again: every change takes effect and lands in the URL.

Widgets used to take their default from the URL, which changed their identity after each change,
so Streamlit dropped every second pick (the date or the country snapped back).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.app.test_pages import run

DATES = [dt.date(2024, 6, 1), dt.date(2019, 3, 3), dt.date(2012, 1, 1), dt.date(2025, 2, 1)]


def test_every_date_change_takes_effect():
    at = run("pages/country.py", iso3="MLI")
    for day in DATES:
        at.date_input(key="as-of-date").set_value(day).run()
        assert at.query_params["date"] == day.isoformat()
        assert any(f"Situation on {day.day} {day:%B %Y}" in m.value for m in at.markdown)


def test_every_country_change_takes_effect():
    at = run("pages/country.py", iso3="MLI")
    for iso3, name in (("GHA", "Ghana"), ("PER", "Peru"), ("FJI", "Fiji"), ("KEN", "Kenya")):
        at.selectbox(key="pick-iso3").set_value(iso3).run()
        assert name in at.title[0].value
        assert at.query_params["iso3"] == iso3


def test_a_link_still_wins_over_the_last_pick():
    at = run("pages/country.py", iso3="MLI")
    at.selectbox(key="pick-iso3").set_value("GHA").run()
    at.query_params["iso3"] = "PER"  # as a pasted link or the back button would
    at.run()
    assert "Peru" in at.title[0].value


@pytest.mark.parametrize(("page", "key", "param", "values", "expected"), [
    ("pages/pathways.py", "finder-org", "org", ["international", "regional_network", "national"],
     None),
    ("pages/compare.py", "compare-rigos", "rigos", [["au"], ["au", "oas"], ["eu"]], ",".join),
    ("pages/networks.py", "networks-region", "region", ["Africa", "Europe", "Americas"], None),
    ("pages/early-warning.py", "early-warning-region", "region", ["Europe", "Africa", "Europe"],
     None),
    ("pages/planner.py", "planner-regions", "regions", [["Africa"], ["Europe", "Asia-Pacific"], ["Americas"]],
     ",".join),
    ("pages/gaps.py", "gaps-rigo", "rigo", ["oas", "eu", "au"], None),
    ("pages/data.py", "data-table", "table", ["networks", "rigos", "channels"], None),
])
def test_every_pick_lands_in_the_url(page, key, param, values, expected):
    at = run(page)
    for value in values:
        widget = at.get(_kind(at, key))
        next(w for w in widget if w.key == key).set_value(value).run()
        assert not at.exception, at.exception
        assert at.query_params[param] == (expected or str)(value)


def _kind(at, key: str) -> str:
    for kind in ("selectbox", "multiselect", "radio"):
        if any(w.key == key for w in at.get(kind)):
            return kind
    raise AssertionError(f"no widget with key {key}")


def test_the_phone_menu_changes_language_and_date_through_the_url():
    at = run("pages/country.py", iso3="KEN")
    at.selectbox(key="phone-lang").set_value("fr").run()
    assert at.query_params["lang"] == "fr"
    assert at.selectbox(key="lang-picker").value == "fr"
    assert any(h.value == "Adhésions" for h in at.header)
    at.date_input(key="phone-date").set_value(dt.date(2019, 3, 3)).run()
    assert at.query_params["date"] == "2019-03-03"
    assert at.date_input(key="as-of-date").value == dt.date(2019, 3, 3)
