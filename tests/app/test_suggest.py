"""Suggest a correction: the page stores what a user sends (in a SQLite file of the test's own),
refuses what they must fix, answers spam like anything else, and meets hostile links kindly; and
every channel card on a country page carries its own link to it."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from atlas import suggesting
from atlas.escape import for_markdown
from atlas.suggestions import db, screen, store
from tests.app.test_pages import run

EVIDENCE = "https://au.int/en/ecosocc"


@pytest.fixture
def database(tmp_path, monkeypatch):
    """The app's suggestions database for this test: a fresh SQLite file."""
    path = tmp_path / "suggestions.sqlite"
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    monkeypatch.setenv("ATLAS_SUGGESTIONS_DB", str(path))
    engine = db.engine(f"sqlite:///{path}")
    db.migrate(engine)
    yield engine
    engine.dispose()


def fill(at, *, proposed="Apply through the ECOSOCC secretariat.", evidence=EVIDENCE, note="",
         email="", trap="", waited=60.0):
    """Fill the form as a person would (who took `waited` seconds) and send it."""
    at.session_state["suggest-started"] = time.time() - waited
    if proposed is not None:
        at.text_area(key="suggest-proposed").input(proposed)
    at.text_input(key="suggest-evidence").input(evidence)
    at.text_area(key="suggest-note").input(note)
    at.text_input(key="suggest-email").input(email)
    at.text_input(key="suggest-extra").input(trap)
    at.button[-1].click().run()  # the form's submit button comes last
    assert not at.exception, at.exception
    return at


def reference(at) -> str:
    found = [re.search(r"S\\?-[0-9A-Z]{8}", s.value) for s in at.success]
    assert found and found[0], [s.value for s in at.success]
    return found[0].group(0).replace("\\", "")


def record_page(**extra: str):
    return run("pages/suggest.py", table="channels", id="au-ecosocc", field="how_to_engage",
               **extra)


def test_a_good_suggestion_is_stored_and_acknowledged_with_its_reference(database):
    at = record_page(**{"from": "/country?iso3=KEN"})
    assert any("au-ecosocc" in m.value or "ECOSOCC" in m.value for m in at.markdown)
    assert at.selectbox(key="suggest-field").value == "how_to_engage"
    ref = reference(fill(at, email="me@example.org"))
    row = store.get(database, ref)
    assert row is not None and row.state == "received"
    assert (row.table, row.record_id, row.field) == ("channels", "au-ecosocc", "how_to_engage")
    assert row.proposed_value == "Apply through the ECOSOCC secretariat."
    assert row.current_value and row.evidence_url == EVIDENCE and row.has_contact
    assert not at.get("text_area"), "the form gives way to the acknowledgement"
    assert any("](/country?iso3=KEN)" in m.value for m in at.markdown), "a way back"
    assert len(store.listing(database)) == 1


@pytest.mark.parametrize(("evidence", "message"), [
    ("", screen.NO_EVIDENCE), ("javascript:alert(1)", screen.BAD_EVIDENCE),
    ("ftp://au.int/file", screen.BAD_EVIDENCE)])
def test_evidence_must_be_a_web_address(database, evidence, message):
    at = fill(record_page(), evidence=evidence)
    assert [e.value for e in at.error] == [for_markdown(message)]
    assert not at.success and store.listing(database) == []
    assert at.text_area(key="suggest-proposed").value, "what the user typed is kept"


def test_a_refusal_speaks_the_page_language(database):
    at = fill(record_page(lang="fr"), evidence="")
    assert at.error and "preuve" in at.error[0].value.lower()


def test_a_filled_honeypot_gets_the_same_answer_but_is_stored_as_spam(database):
    ref = reference(fill(record_page(), trap="http://spam.example"))
    assert store.get(database, ref).state == "spam"


@pytest.mark.parametrize("params", [
    {"table": "<script>alert(1)</script>", "id": "x"},
    {"table": "channels", "id": "no-such-channel" * 40, "field": "how_to_engage"},
    {"table": "memberships", "id": "au:KEN"},
    {"table": "channels", "id": "au-ecosocc", "field": "<img src=x onerror=alert(1)>"},
    {"table": "sources", "id": "[click](javascript:alert(1))"},
    {"from": "https://evil.example/", "table": "rigos", "id": "au"},
    {"from": "//evil.example/country", "table": "rigos", "id": "au"},
    {"from": "javascript:alert(1)"},
])
def test_hostile_links_do_not_crash_and_show_inert(database, params):
    at = run("pages/suggest.py", **params)
    shown = "\n".join(str(e.value) for kind in ("markdown", "info", "title") for e in at.get(kind))
    assert "<script" not in shown and "<img" not in shown and "](javascript" not in shown
    assert "evil.example" not in shown
    assert at.button, "a form is always offered"


def test_an_unknown_record_is_explained_and_the_page_form_offered(database):
    at = run("pages/suggest.py", table="channels", id="no-such-channel")
    assert any("We don't know the record" in i.value for i in at.info)
    assert at.selectbox(key="suggest-kind").value in suggesting.KINDS
    ref = reference(fill(at, proposed="The channel of the AU Commission moved."))
    assert store.get(database, ref).record_id == ""


def test_a_missing_channel_is_suggested_with_its_organisation(database):
    at = run("pages/suggest.py", table="channels", id="", field="*", rigo="eac")
    assert at.title[0].value == "Suggest a missing channel"
    assert at.selectbox(key="suggest-rigo").value == "eac"
    at.text_input(key="suggest-channel").input("EAC Youth Forum")
    at.text_area(key="suggest-how").input("Youth organisations apply to the Secretariat.")
    ref = reference(fill(at, proposed=None))
    row = store.get(database, ref)
    assert (row.table, row.record_id, row.field) == ("channels", "", "*")
    assert "EAC Youth Forum" in row.proposed_value and "eac" in row.proposed_value


def test_every_channel_card_on_a_country_page_links_to_its_own_suggestion(real_atlas):
    at = run("pages/country.py", iso3="KEN")
    cards = [m.value for m in at.markdown if "How to engage" in m.value]
    assert len(cards) >= 5
    names = real_atlas.channels.set_index("channel_id").name
    for card in cards:
        targets = re.findall(r"\[Suggest a correction\]\((/suggest\?[^)]*)\)", card)
        assert len(targets) == 1, card[-300:]
        query = parse_qs(urlsplit(targets[0]).query)
        assert query["table"] == ["channels"] and query["id"][0] in names.index
        assert for_markdown(names[query["id"][0]]) in card, "the link names this card's channel"
        assert query["from"] == ["/country?iso3=KEN"]
    linked = {parse_qs(urlsplit(re.findall(r"\]\((/suggest\?[^)]*)\)", c)[0]).query)["id"][0]
              for c in cards}
    assert len(linked) == len(cards), "each card names its own channel"


def test_the_country_page_offers_a_missing_channel_and_membership_suggestions():
    at = run("pages/country.py", iso3="KEN", lang="fr")
    text = "\n".join(m.value for m in at.markdown)
    assert "table=channels&field=%2A" in text and "Proposer un canal manquant" in text
    assert "table=memberships&id=eac%2FKEN%2F" in text
