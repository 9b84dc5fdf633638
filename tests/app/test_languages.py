"""Languages on every page: the pseudo-locale shows any text that skipped the catalogue, and real
languages reach titles, labels, messages and data.

In the pseudo-locale `en-XA` every catalogue string is wrapped ⟦…⟧ and every data text ⟪…⟫; what
is left outside both on screen must not read as English words.
"""

from __future__ import annotations

import re

import pytest

from tests.app.test_pages import DECLARED, run

ENGLISH = {"the", "and", "of", "to", "in", "for", "with", "on", "is", "are", "this", "that", "no",
           "not", "or", "from", "by", "your", "you", "our", "we", "an", "as", "at", "be", "its",
           "can", "any", "all", "none", "open", "show", "more", "download", "sources", "page",
           "data", "channel", "channels", "network", "networks", "organisation", "organisations",
           "country", "region", "theme", "table", "verified", "member", "since", "profile", "map"}
# A data text cut short (a preview) loses its closing mark: it then runs to the end.
WRAPPED = re.compile(r"⟦[^⟧]*⟧|⟪[^⟫]*(?:⟫|$)")
LINK = re.compile(r"\]\([^)]*\)")  # a link's target is a URL, not words
SHARED_URL = re.compile(r"<div dir='ltr'[^<]*</div>")


@pytest.fixture
def pseudo(monkeypatch):
    monkeypatch.setenv("ATLAS_PSEUDO_LOCALE", "1")


def visible_texts(at) -> list[str]:
    """Every text a user reads outside tables: headings, prose, messages and widget labels."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info",
                                  "warning", "error", "success") for e in at.get(kind)]
    texts += [e.label for kind in ("selectbox", "multiselect", "radio", "slider", "number_input",
                                   "text_input", "date_input", "button", "expander", "metric",
                                   "download_button", "tab", "toggle", "checkbox") for e in at.get(kind)]
    texts += [e.proto.label for e in at.get("page_link")]
    return [str(x) for x in texts if x]


def english_left(text: str) -> set[str]:
    rest = LINK.sub(" ", WRAPPED.sub(" ", SHARED_URL.sub(" ", text)))
    return {w for w in re.findall(r"[A-Za-z]+", rest) if w.lower() in ENGLISH}


PARAMS = {"pages/country.py": {"iso3": "MLI", "date": "2024-06-01"},
          "pages/rigo.py": {"id": "ecowas"}, "pages/pathways.py": {"iso3": "HND"},
          "pages/networks.py": {"network": "wanep"}, "pages/changes.py": {"iso3": "MLI"},
          "pages/suggest.py": {"table": "channels", "id": "au-ecosocc", "field": "*",
                               "from": "/country?iso3=KEN"}}


@pytest.mark.parametrize("page", DECLARED)
def test_every_visible_text_went_through_the_catalogue(pseudo, page):
    at = run(page, lang="en-XA", **PARAMS.get(page, {}))
    texts = visible_texts(at)
    assert len(texts) >= 5
    leaks = {text[:80]: english_left(text) for text in texts if english_left(text)}
    assert not leaks, leaks


def test_the_pseudo_locale_is_not_offered_to_the_public():
    at = run("pages/home.py", lang="en-XA")
    assert at.selectbox(key="lang-picker").value == "en"
    assert any("We don't know the language" in i.value for i in at.info)


@pytest.mark.parametrize(("lang", "page", "params", "words"), [
    ("fr", "pages/country.py", {"iso3": "MLI"}, ["Adhésions", "Canaux pour une OSC nationale",
                                                  "Comment s'engager", "UA · suspendu depuis le"]),
    ("es", "pages/country.py", {"iso3": "HND"}, ["Membresías", "OEA · miembro", "Cómo participar"]),
    ("pt", "pages/country.py", {"iso3": "BRA"}, ["Brasil", "OEA · membro", "Como participar"]),
    ("ar", "pages/country.py", {"iso3": "EGY"}, ["مصر", "العضويات", "الجامعة العربية · عضو"]),
    ("fr", "pages/rigo.py", {"id": "au"}, ["UA: Union africaine", "Siège"]),
    ("es", "pages/rigo.py", {"id": "oas"}, ["OEA: Organización de los Estados Americanos"]),
    ("pt", "pages/rigo.py", {"id": "ecowas"}, ["Comunidade Económica dos Estados da África Ocidental",
                                            "Nome nesta língua: tradução automática"]),
    ("ar", "pages/rigo.py", {"id": "las"}, ["جامعة الدول العربية"]),
    ("fr", "pages/home.py", {}, ["Organisations régionales"]),
    ("es", "pages/planner.py", {}, ["Planificar una sesión"]),
    ("fr", "pages/changes.py", {"iso3": "MLI"}, ["Ce qui a changé", "a été suspendu",
                                                 "Suivre les changements : Mali", "29 janvier 2025"]),
    ("ar", "pages/changes.py", {"iso3": "MLI"}, ["ما الذي تغيّر", "عُلّقت عضوية", "انسحاب"]),
    ("pt", "pages/rigo.py", {"id": "oas"}, ["verificado há"]),
])
def test_a_shared_link_opens_in_its_language(lang, page, params, words):
    at = run(page, lang=lang, **params)
    text = "\n".join(visible_texts(at))
    for word in words:
        assert word in text, word
    assert at.selectbox(key="lang-picker").value == lang


def test_machine_translations_say_so_and_keep_the_english_one_click_away():
    at = run("pages/country.py", iso3="KEN", lang="fr")
    cards = [m for m in at.markdown if "traduction automatique" in m.value]
    assert cards, "a machine-translated card must say so"
    assert all(m.proto.help and "en anglais" in m.proto.help for m in cards)
    assert "How to engage" in cards[0].proto.help or "Comment" in cards[0].value


def test_the_language_follows_links_to_other_pages():
    at = run("pages/country.py", iso3="KEN", lang="es")
    targets = [e.proto for e in at.get("page_link")]
    assert targets and all("lang=es" in p.query_string for p in targets)


def test_the_browser_language_is_used_when_the_link_has_none():
    from streamlit.testing.v1 import AppTest

    from tests.app.test_pages import APP

    at = AppTest.from_file(APP, default_timeout=60)
    at.context["locale"] = "pt-BR"
    at.run()
    assert at.selectbox(key="lang-picker").value == "pt"
    assert at.title[0].value.startswith("Com que organismos regionais")

