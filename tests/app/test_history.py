"""Pages on a date before an organisation existed, 'since before 2000', networks in a country."""

from __future__ import annotations

import re

import pytest

from atlas.escape import for_markdown
from tests.app.test_languages import english_left, visible_texts
from tests.app.test_pages import run

BEFORE_AU = "2001-06-01"  # the AU replaced the OAU on 9 July 2002


def chips(at) -> list[str]:
    return [re.sub(r"^:[a-z]+-badge\[", "", str(m.value)) for m in at.markdown
            if re.match(r"^:[a-z]+-badge\[[^✔◐✖]", str(m.value))]


# Direction marks and isolates (atlas.texts.line) are invisible: read the text as a user sees it.
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def text(at) -> str:
    return "\n".join(str(m.value) for m in [*at.markdown, *at.caption, *at.info, *at.subheader]
                     ).translate(INVISIBLE)


def test_kenya_before_the_au_shows_the_oau_never_the_au(real_atlas):
    at = run("pages/country.py", iso3="KEN", date=BEFORE_AU)
    shown = chips(at)
    assert not any(c.startswith("AU ·") for c in shown), shown
    oau = [c for c in shown if c.startswith("predecessor of the AU · member since before 2000")]
    assert oau, shown
    notes = [c.value for c in at.caption if "did not exist yet" in c.value]
    assert notes and "OAU" in notes[0] and "until 9 July 2002" in notes[0], notes
    au_titles = {f"**{for_markdown(n)}**" for n in real_atlas.channels.query("rigo_id == 'au'").name}
    assert not any(title in text(at) for title in au_titles)  # the AU's channels did not exist yet
    after = run("pages/country.py", iso3="KEN", date="2002-07-09")
    assert any(title in text(after) for title in au_titles)
    assert re.search(r"IGAD · member since before 2000", "\n".join(shown))


def test_kenya_after_the_au_shows_the_au_since_before_2000():
    at = run("pages/country.py", iso3="KEN", date="2002-07-09")
    assert any(c.startswith("AU · member since before 2000") for c in chips(at)), chips(at)
    assert "predecessor" not in "\n".join(chips(at))


def test_kenya_before_the_au_in_french_names_the_predecessor():
    at = run("pages/country.py", iso3="KEN", date=BEFORE_AU, lang="fr")
    assert any(c.startswith("prédécesseur de l'organisation UA") for c in chips(at)), chips(at)
    assert any("OAU" in c.value and "jusqu'au 9 juillet 2002" in c.value for c in at.caption)


def test_au_page_before_it_existed_says_so_and_lists_the_oau_members():
    at = run("pages/rigo.py", id="au", date=BEFORE_AU)
    assert any("did not exist yet" in i.value and "OAU" in i.value for i in at.info)
    members = next(t.value for t in [*at.dataframe, *at.table] if "Country" in t.value.columns)
    assert "Kenya" in set(members.Country)
    assert "before 2000" in set(members["Start date"])


def test_home_before_the_au_says_what_is_not_counted():
    at = run("pages/home.py", date=BEFORE_AU)
    notes = [c.value for c in at.caption if "did not exist yet" in c.value]
    assert notes and "AU" in notes[0] and "UNASUR" in notes[0]
    assert not any("did not exist yet" in c.value for c in run("pages/home.py").caption)


def test_pathway_finder_before_the_au_offers_none_of_its_channels(real_atlas):
    at = run("pages/pathways.py", iso3="KEN", date=BEFORE_AU)
    assert any("did not exist yet" in c.value and "AU" in c.value for c in at.caption)
    au_titles = {f"**{for_markdown(n)}**" for n in real_atlas.channels.query("rigo_id == 'au'").name}
    assert not any(title in text(at) for title in au_titles)


def test_country_page_lists_networks_active_there_with_their_sources():
    at = run("pages/country.py", iso3="KEN")
    assert any(s.value == "Networks active in this country" for s in at.subheader)
    tables = [t.value for t in at.table if "As of" in t.value.columns]
    assert tables and "East African Civil Society Organizations' Forum" in set(tables[0].Network)
    assert any("may still be active here" in c.value for c in at.caption)


def test_country_without_listed_networks_claims_no_absence():
    at = run("pages/country.py", iso3="DEU")
    assert any("None of the networks whose country lists we hold" in i.value for i in at.info)
    assert any("may still be active here" in c.value for c in at.caption)


def test_networks_page_maps_the_countries_of_the_networks_shown():
    at = run("pages/networks.py", region="Africa")
    assert any(s.value == "Countries where these networks have members" for s in at.subheader)
    assert any(re.search(r"\d+ countries where the networks shown", str(m.value))
               for m in at.markdown)


def test_organisation_page_has_a_background_expander():
    at = run("pages/rigo.py", id="ecowas")
    box = [e for e in at.expander if e.label.startswith("Background")]
    assert box and "ECOMOG" in "\n".join(str(m.value) for m in box[0].markdown)


@pytest.mark.parametrize(("page", "params"), [
    ("pages/country.py", {"iso3": "KEN", "date": BEFORE_AU}),
    ("pages/rigo.py", {"id": "au", "date": BEFORE_AU}),
    ("pages/home.py", {"date": BEFORE_AU}),
    ("pages/networks.py", {"region": "Africa"}),
])
def test_past_dates_and_networks_say_everything_through_the_catalogue(monkeypatch, page, params):
    monkeypatch.setenv("ATLAS_PSEUDO_LOCALE", "1")
    at = run(page, lang="en-XA", **params)
    leaks = {text[:80]: english_left(text) for text in visible_texts(at) if english_left(text)}
    assert not leaks, leaks
