"""Every page declared in streamlit_app.py renders with the real data, and bad links are met kindly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
DECLARED = re.findall(r'st\.Page\("([^"]+)"', (ROOT / "streamlit_app.py").read_text())


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != DECLARED[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, at.exception
    return at


def test_every_declared_page_has_a_test_here():
    tested = {"pages/home.py", "pages/data.py"}
    assert set(DECLARED) == tested


def test_home_shows_the_promise_the_figures_and_the_sources(real_atlas):
    at = run("pages/home.py")
    assert at.title[0].value.startswith("Which regional bodies")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Regional organisations"] == str(len(real_atlas.rigos))
    assert metrics["Engagement channels"] == str(len(real_atlas.channels))
    assert metrics["Data as of"] == real_atlas.as_of
    assert any("Sources of this page" in e.label for e in at.expander)


def test_home_table_lists_every_country_with_its_channels(real_atlas):
    at = run("pages/home.py")
    table = at.dataframe[0].value
    assert len(table) == len(real_atlas.countries)
    kenya = table.set_index("Country").loc["Kenya"]
    assert "AU" in kenya["Organisations"] and kenya["Channels open to national CSOs"] > 0


def test_home_with_a_past_date_changes_memberships():
    now = run("pages/home.py").dataframe[0].value.set_index("Country")
    before = run("pages/home.py", date="2024-06-01").dataframe[0].value.set_index("Country")
    assert "ECOWAS" in before.at["Mali", "Organisations"]
    assert "ECOWAS" not in now.at["Mali", "Organisations"]


@pytest.mark.parametrize("value", ["2024-13-45", "<script>alert(1)</script>", "9" * 300, "${x}"])
def test_home_with_a_bad_date_explains_and_shows_today(value):
    at = run("pages/home.py", date=value)
    assert any("We can't use the date" in w.value for w in at.warning)
    assert not any("<script>" in w.value for w in at.warning)


def test_data_page_filters_by_table_search_and_organisation(real_atlas):
    at = run("pages/data.py", table="channels", q="early warning", rigo="ecowas")
    shown = at.dataframe[0].value
    assert len(shown) >= 1 and set(shown.rigo_id) == {"ecowas"}
    assert at.selectbox[0].value == "channels"


@pytest.mark.parametrize("params", [{"table": "passwords"}, {"rigo": "../../etc"},
                                    {"table": "<img src=x onerror=alert(1)>"}])
def test_data_page_with_unknown_parameters_says_so(params):
    at = run("pages/data.py", **params)
    assert any("We don't know the" in i.value for i in at.info)
    assert at.selectbox[0].value == "channels"
