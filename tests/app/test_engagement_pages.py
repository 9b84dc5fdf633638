"""The Calendar and Cases pages: every filter choice draws, the state lives in the URL, the
timeline and .ics links are there, no date is invented, and the profiles show windows and cases."""

from __future__ import annotations

import pytest

from tests.app.test_every_choice import walk
from tests.app.test_pages import run


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_calendar_shows_the_timeline_the_ics_link_and_the_table(real_atlas):
    at = run("pages/calendar.py")
    assert at.title[0].value == "Engagement calendar"
    assert at.get("vega_lite_chart"), "the timeline is missing"
    text = markdown(at)
    assert "/app/static/data/calendar/all.ics" in text
    assert "next date not yet announced" in text
    assert f"{len(real_atlas.engagement_windows)} windows fit these choices." in text
    assert {b.label for b in at.get("download_button")} >= {"Download CSV", "Download Excel"}
    assert "/rigo?id=au" in text  # each window links to its organisation's channels


def test_calendar_never_shows_a_date_no_source_announced(real_atlas):
    text = markdown(run("pages/calendar.py"))
    unannounced = real_atlas.engagement_windows[real_atlas.engagement_windows.next_start == ""]
    assert text.count("(date announced)") == len(real_atlas.engagement_windows) - len(unannounced)


@pytest.mark.parametrize(("params", "ics"), [({"iso3": "KEN"}, "country/KEN.ics"),
                                             ({"rigo": "oas"}, "rigo/oas.ics")])
def test_calendar_from_a_shared_link_keeps_its_filter(params, ics):
    at = run("pages/calendar.py", **params)
    assert ics in markdown(at)
    key, value = next(iter(params.items()))
    assert at.query_params[key] in (value, [value])


def test_calendar_bad_link_is_met_kindly():
    at = run("pages/calendar.py", rigo="<script>", theme="nope")
    assert any("We don't know the organisation" in i.value for i in at.info)


def test_calendar_every_filter_choice(real_atlas):
    """Every organisation, region and theme (and "all"), one after the other."""
    from atlas import queries

    picks = [{"calendar-rigo": r} for r in ["", *real_atlas.rigos.rigo_id]]
    picks += [{"calendar-rigo": "", "calendar-region": r}
              for r in ["", *sorted(real_atlas.rigos.region.unique())]]
    picks += [{"calendar-region": "", "calendar-theme": th}
              for th in ["", *queries.channel_themes(real_atlas)]]
    assert walk("pages/calendar.py", picks) == len(picks) > 30


def test_calendar_every_country_and_region_pair_draws(real_atlas):
    from atlas import profiles

    countries = profiles.known_countries(real_atlas)[::25]
    picks = [{"calendar-country": c, "calendar-region": r}
             for c in countries for r in ("", "Africa", "Europe")]
    assert walk("pages/calendar.py", picks) == len(picks)


def test_cases_page_lists_every_case_with_sources(real_atlas):
    at = run("pages/cases.py")
    text = markdown(at)
    assert f"{len(real_atlas.cases)} cases fit these choices." in text
    assert text.count("Sources:") >= min(25, len(real_atlas.cases))
    assert {b.label for b in at.get("download_button")} >= {"Download CSV", "Download Excel"}


def test_cases_every_filter_choice(real_atlas):
    from atlas import casebook

    picks = [{f"cases-{param}": v} for param, choices, *_ in casebook.filters(real_atlas)
             for v in ["", *choices]]
    assert walk("pages/cases.py", picks) == len(picks) > 30


def test_cases_filter_from_a_link():
    at = run("pages/cases.py", outcome="none", region="Africa")
    assert at.query_params["outcome"] in ("none", ["none"])
    assert all("no response or no result" in c.value for c in at.markdown if ":gray-badge[" in c.value)


def test_profiles_show_next_windows_and_cases():
    country = markdown(run("pages/country.py", iso3="KEN"))
    assert "country/KEN.ics" in country
    rigo = run("pages/rigo.py", id="au")
    text = markdown(rigo)
    assert "rigo/au.ics" in text and "**Used in practice:**" in text
    assert any("documented case" in e.label for e in rigo.expander)


@pytest.mark.parametrize(("lang", "page", "params", "translated", "english", "words"), [
    ("fr", "pages/calendar.py", {"rigo": "au"},
     "Programme de travail mensuel du Conseil de paix et de sécurité de l",
     "Monthly programme of work of the AU Peace and Security Council", "Ce qui se passe"),
    ("fr", "pages/cases.py", {"rigo": "ecowas"},
     "Le partenariat du WANEP avec la CEDEAO en matière d",
     "WANEP's partnership with ECOWAS on early warning", "Titre"),
    ("es", "pages/calendar.py", {"rigo": "oas"},
     "Período de sesiones de la CIDH: solicitudes de audiencias públicas",
     "IACHR period of sessions \\- requests for public hearings", "Qué ocurre"),
    ("es", "pages/cases.py", {"rigo": "ecowas"},
     "La asociación del WANEP con la CEDEAO en materia de alerta temprana",
     "WANEP's partnership with ECOWAS on early warning", "Título"),
])
def test_windows_and_cases_are_shown_in_the_visitors_language(lang, page, params, translated,
                                                               english, words):
    """A window or a case opened in French or Spanish reads in that language, says it is a
    machine translation, and keeps its English original behind the ? sign."""
    at = run(page, lang=lang, **params)
    cards = [m for m in at.markdown if translated in m.value]
    assert cards, f"no card shows '{translated}'"
    assert english not in markdown(at)  # the English title is not shown as such
    card = cards[0]
    assert "traduction automatique" in card.value or "traducción automática" in card.value
    assert english in card.proto.help and words in card.proto.help
    cells = [str(v) for table in [*at.dataframe, *at.table] for v in table.value.to_numpy().ravel()]
    assert any(translated in cell for cell in cells), "the table lists the English title"
