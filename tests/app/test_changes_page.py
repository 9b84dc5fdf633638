"""The What changed page: the latest changes with links to their records, filters kept in the URL,
the feed to follow the same choice, hostile links met kindly; and the follow links on profiles."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.app.test_pages import run

PAGE = "pages/changes.py"


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_page_lists_the_newest_changes_first_with_links_and_the_feed(real_atlas):
    at = run(PAGE)
    assert at.title[0].value == "What changed"
    text = markdown(at)
    assert f"{len(real_atlas.changes)} changes fit these choices." in text
    assert "[Follow all changes](/app/static/data/feeds/all.atom)" in text
    lines = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert len(lines) == 25  # a page of them, then a button for more
    newest = real_atlas.changes.date.max()
    assert lines[0].startswith(f"**{dt.date.fromisoformat(newest):%-d %B %Y}**")
    assert "/country?iso3=" in lines[0] and "/rigo?id=" in lines[0]
    assert any("Sources of this page" in e.label for e in at.expander)


def test_a_country_shows_its_suspensions_and_exit_and_follows_its_feed():
    at = run(PAGE, iso3="MLI")
    text = markdown(at)
    assert "[ECOWAS](/rigo?id=ecowas): [Mali](/country?iso3=MLI) left." in text
    assert "[AU](/rigo?id=au): [Mali](/country?iso3=MLI) was suspended." in text
    assert "[Follow Mali's changes](/app/static/data/feeds/country/MLI.atom)" in text


def test_filters_write_the_url_and_a_shared_url_rebuilds_the_view():
    at = run(PAGE)
    at.selectbox(key="changes-rigo").set_value("ecowas").run()
    at.date_input(key="changes-from").set_value(dt.date(2020, 1, 1)).run()
    assert at.query_params["rigo"] in ("ecowas", ["ecowas"])
    assert at.query_params["from"] in ("2020-01-01", ["2020-01-01"])
    first = markdown(at)
    assert "Follow this organisation's changes" in first and "rigo/ecowas.atom" in first
    again = run(PAGE, rigo="ecowas", **{"from": "2020-01-01"})
    assert again.selectbox(key="changes-rigo").value == "ecowas"
    assert again.date_input(key="changes-from").value == dt.date(2020, 1, 1)
    count = [m.value for m in again.markdown if "fit these choices" in m.value]
    assert count and count[0] in first
    assert "1975" not in markdown(again)  # nothing before the start date


def test_a_date_range_with_nothing_in_it_says_so():
    at = run(PAGE, rigo="ecowas", **{"from": "1990-01-01", "to": "1990-12-31"})
    assert any("No change fits these choices" in i.value for i in at.info)


@pytest.mark.parametrize("params", [
    {"iso3": "<script>alert(1)</script>"},
    {"rigo": "${alert(1)}"},
    {"from": "9999-99-99"},
    {"to": "0001-01-01", "from": "2024-13-45"},
    {"from": "2" * 500},
])
def test_hostile_links_give_a_short_message_and_the_default_view(params, real_atlas):
    at = run(PAGE, **params)
    messages = " ".join(i.value for i in at.info)
    assert "We don't know" in messages or "We can't use" in messages
    assert "<script>" not in markdown(at)
    assert f"{len(real_atlas.changes)} changes fit these choices." in markdown(at)


@pytest.mark.parametrize(("page", "params", "follow"), [
    ("pages/country.py", {"iso3": "MLI"}, "[Follow Mali's changes](/app/static/data/feeds/country/MLI.atom)"),
    ("pages/rigo.py", {"id": "ecowas"}, "[Follow this organisation's changes]"
                                        "(/app/static/data/feeds/rigo/ecowas.atom)"),
])
def test_profiles_show_their_latest_changes_and_the_follow_link(page, params, follow):
    at = run(page, **params)
    text = markdown(at)
    assert follow in text
    links = [p for p in at.get("page_link") if p.proto.page == "changes"]
    assert links and "Every change" in links[0].proto.label


def test_channel_cards_say_how_long_ago_they_were_verified(monkeypatch):
    from atlas.widgets import cards

    at = run("pages/rigo.py", id="ecowas")
    cards_text = [m.value for m in at.markdown if "**How to engage:**" in m.value]
    assert cards_text and all(" ago]" in c or "verified today]" in c for c in cards_text)
    assert not any("Not verified for over a year" in c for c in cards_text)
    monkeypatch.setattr(cards, "today", lambda: dt.date(2030, 1, 1))  # years later
    later = run("pages/rigo.py", id="ecowas")
    stale = [m.value for m in later.markdown if "**How to engage:**" in m.value]
    assert stale and all("Not verified for over a year" in c for c in stale)
