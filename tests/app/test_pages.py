"""Every page declared in streamlit_app.py renders with the real data, and bad links are met kindly."""

from __future__ import annotations

import datetime as dt
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
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
    assert not at.exception, at.exception
    return at


def test_every_declared_page_has_a_test_here():
    tested = {"pages/home.py", "pages/data.py", "pages/country.py", "pages/rigo.py",
              "pages/pathways.py", "pages/compare.py", "pages/gaps.py", "pages/early-warning.py",
              "pages/networks.py", "pages/planner.py", "pages/calendar.py", "pages/cases.py",
              "pages/changes.py",
              "pages/suggest.py"}  # tests/app/test_suggest.py
    assert set(DECLARED) == tested


def test_home_shows_the_promise_the_figures_and_the_sources(real_atlas):
    at = run("pages/home.py")
    assert at.title[0].value.startswith("Which regional bodies")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Regional organisations"] == str(len(real_atlas.rigos))
    assert metrics["Engagement channels"] == str(len(real_atlas.channels))
    as_of = dt.date.fromisoformat(real_atlas.as_of)
    assert metrics["Data as of"] == f"{as_of.day} {as_of:%B %Y}"  # written out, not 2026-11-22
    assert any("Sources of this page" in e.label for e in at.expander)


def home_table(**params: str):
    """The home page's table, which is drawn only once its expander is opened."""
    at = run("pages/home.py", **params)
    assert not at.dataframe, "the table should wait until it is asked for"
    at.session_state["home-table"] = True
    at.run()
    return at.dataframe[0].value


def test_home_table_lists_every_country_with_its_channels(real_atlas):
    table = home_table()
    assert len(table) == len(real_atlas.countries)
    kenya = table.set_index("Country").loc["Kenya"]
    assert "AU" in kenya["Organisations"] and kenya["Channels open to national CSOs"] > 0


def test_home_offers_a_country_profile_link_that_keeps_the_date():
    at = run("pages/home.py", date="2024-06-01")
    at.selectbox(key="home-country").set_value("KEN").run()
    links = [e for e in at.get("page_link")]
    assert links and "Kenya" in links[0].proto.label
    assert links[0].proto.page == "country"
    assert links[0].proto.query_string == "iso3=KEN&date=2024-06-01"


def test_home_with_a_past_date_changes_memberships():
    now = home_table().set_index("Country")
    before = home_table(date="2024-06-01").set_index("Country")
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
    assert at.selectbox(key="data-table").value == "channels"


@pytest.mark.parametrize("params", [{"table": "passwords"}, {"rigo": "../../etc"},
                                    {"table": "<img src=x onerror=alert(1)>"}])
def test_data_page_with_unknown_parameters_says_so(params):
    at = run("pages/data.py", **params)
    assert any("We don't know the" in i.value for i in at.info)
    assert at.selectbox(key="data-table").value == "channels"


@pytest.mark.parametrize(
    ("iso3", "member_of", "not_member_of", "channel_words"),
    [
        ("KEN", ["AU", "EAC", "IGAD", "COMESA"], ["ECOWAS", "SADC"], ["ECOSOCC", "CEWARN"]),
        ("HND", ["OAS", "SICA", "CELAC"], ["MERCOSUR", "CARICOM"], ["Consultative Committee"]),
        ("FJI", ["PIF"], ["ASEAN", "AU"], ["Forum Leaders"]),
        ("MLI", ["AU", "OIC"], ["ECOWAS"], ["Livingstone Formula"]),
        ("DEU", ["EU", "CoE", "OSCE"], ["AU", "OAS"], ["Civil Society Dialogue Network"]),
        ("IDN", ["ASEAN", "OIC"], ["EU", "PIF"], ["ASEAN Intergovernmental Commission"]),
    ],
)
def test_country_page_shows_its_organisations(iso3, member_of, not_member_of, channel_words):
    at = run("pages/country.py", iso3=iso3)
    chips = {re.sub(r"^:[a-z]+-badge\[", "", str(m.value)).split(" · ")[0]
             for m in at.markdown if re.match(r"^:[a-z]+-badge\[[^✔◐✖]", str(m.value))}
    assert set(member_of) <= chips and not set(not_member_of) & chips, chips
    cards = "\n".join(str(m.value) for m in at.markdown)
    for word in channel_words:
        assert word in cards, word


def test_country_page_on_a_past_date_shows_mali_in_ecowas():
    at = run("pages/country.py", iso3="MLI", date="2024-06-01")
    assert any("ECOWAS · suspended" in str(m.value) for m in at.markdown)
    assert not any("Left ECOWAS" in w.value for w in at.warning)


def test_rigo_page_lists_members_history_and_channels():
    at = run("pages/rigo.py", id="ecowas")
    assert at.title[0].value.startswith("ECOWAS")
    members = at.table[0].value
    assert "Mali" in set(members.Country) and "former member" in set(members.Status)
    assert any("ECOWARN" in str(m.value) for m in at.markdown)


def test_pathway_finder_uses_the_profile_from_the_url():
    at = run("pages/pathways.py", iso3="KEN", org="national", funding="30", years="1")
    text = "\n".join(str(m.value) for m in at.markdown)
    assert "you have 30%" in text
    assert at.radio[0].value == "national"
    assert at.slider[0].value == 30


def test_pathway_finder_inputs_change_the_bands():
    at = run("pages/pathways.py", iso3="KEN")
    before = "\n".join(str(m.value) for m in at.markdown)
    at.radio[0].set_value("regional_network").run()
    after = "\n".join(str(m.value) for m in at.markdown)
    assert before != after
    assert at.query_params["org"] in ("regional_network", ["regional_network"])


def test_compare_page_takes_organisations_from_the_url():
    at = run("pages/compare.py", rigos="au,ecowas,oas")
    assert at.multiselect[0].value == ["au", "ecowas", "oas"]
    matrix = at.table[0].value
    assert list(matrix.columns) == ["AU", "ECOWAS", "OAS"]
    assert "ECOWAS\\-WANEP" in " ".join(matrix["ECOWAS"])  # escaped: st.table reads Markdown


def test_compare_page_takes_a_region():
    at = run("pages/compare.py", region="Americas")
    assert set(at.multiselect[0].value) >= {"oas", "sica", "mercosur"}
    assert "au" not in at.multiselect[0].value


def test_gap_page_shows_the_evidence_of_the_chosen_cell():
    at = run("pages/gaps.py", rigo="ecowas")
    text = "\n".join(str(m.value) for m in at.markdown)
    assert "ECOWAS" in text
    assert at.dataframe[0].value.shape[0] >= 1


def test_early_warning_page_filters_by_region():
    at = run("pages/early-warning.py", region="Africa")
    table = at.table[0].value
    assert "ECOWAS" in set(table.Organisation) and "EU" not in set(table.Organisation)


def test_networks_page_shows_a_profile():
    at = run("pages/networks.py", network="wanep")
    text = "\n".join(str(m.value) for m in at.markdown)
    assert "West Africa Network for Peacebuilding" in text and "Part of" in text


def test_planner_page_keeps_its_draft_in_the_url():
    at = run("pages/planner.py", theme="early_warning", regions="Africa,Americas", format="panel")
    assert at.selectbox(key="planner-theme").value == "early_warning"
    assert at.multiselect[0].value == ["Africa", "Americas"]
    text = "\n".join(str(m.value) for m in at.markdown)
    assert "ECOWAS" in text
    assert any("theme=early\\_warning&amp;regions=Africa%2CAmericas&amp;format=panel" in m.value
               for m in at.markdown), [m.value for m in at.markdown][-3:]


HOSTILE = [
    ("pages/country.py", {"iso3": "ZZZ"}), ("pages/country.py", {"iso3": "<script>alert(1)</script>"}),
    ("pages/country.py", {"iso3": "${alert(1)}"}), ("pages/country.py", {"iso3": "K" * 5000}),
    ("pages/country.py", {"iso3": "ken\u0000"}), ("pages/country.py", {"iso3": "../../etc/passwd"}),
    ("pages/country.py", {"iso3": "KEN", "date": "2024-02-30"}),
    ("pages/country.py", {"iso3": "KEN", "date": "'; DROP TABLE x;--"}),
    ("pages/country.py", {"iso3": "\u202eNEK"}), ("pages/country.py", {"iso3": "🇰🇪"}),
    ("pages/rigo.py", {"id": "nato"}), ("pages/rigo.py", {"id": "<img src=x onerror=alert(1)>"}),
    ("pages/rigo.py", {"id": "`x`"}), ("pages/rigo.py", {"id": "au", "date": "0000-00-00"}),
    ("pages/pathways.py", {"org": "government"}), ("pages/pathways.py", {"years": "-5"}),
    ("pages/pathways.py", {"years": "1e9"}), ("pages/pathways.py", {"funding": "150"}),
    ("pages/pathways.py", {"themes": "peace_security,<script>"}),
    ("pages/pathways.py", {"humanitarian": "maybe"}), ("pages/pathways.py", {"iso3": "XXX"}),
    ("pages/data.py", {"table": "../../manifest"}), ("pages/home.py", {"date": "2024-06-01T00:00"}),
    ("pages/compare.py", {"rigos": "au,nato"}), ("pages/compare.py", {"region": "Atlantis"}),
    ("pages/gaps.py", {"rec": "<script>"}), ("pages/gaps.py", {"rigo": "x" * 300}),
    ("pages/early-warning.py", {"region": "${alert(1)}"}), ("pages/networks.py", {"theme": "magic"}),
    ("pages/networks.py", {"network": "../etc"}), ("pages/planner.py", {"theme": "astrology"}),
    ("pages/planner.py", {"format": "<img src=x onerror=alert(1)>"}),
    ("pages/planner.py", {"regions": "Africa,Mars"}),
    # the language: unknown, hostile, too long, the test-only pseudo-locale
    ("pages/home.py", {"lang": "xx"}), ("pages/country.py", {"iso3": "KEN", "lang": "<script>"}),
    ("pages/rigo.py", {"lang": "${alert(1)}"}), ("pages/data.py", {"lang": "fr" * 400}),
    ("pages/planner.py", {"lang": "en-XA"}), ("pages/networks.py", {"lang": "../../locales/fr"}),
]


@pytest.mark.parametrize(("page", "params"), HOSTILE, ids=[f"{p[6:-3]}-{i}" for i, (p, _) in
                                                           enumerate(HOSTILE)])
def test_hostile_urls_get_a_friendly_message_and_the_default_view(page, params):
    at = run(page, **params)
    messages = [m.value for m in at.info] + [w.value for w in at.warning]
    assert any("We don't know" in m or "We can't use" in m for m in messages), messages
    assert all("<script>" not in m and "<img" not in m for m in messages)
