"""The pathway finder's inputs, each kept in the URL and validated against the data."""

from __future__ import annotations

import streamlit as st

from atlas import glossary, links
from atlas.i18n import N_
from atlas.pathways import Profile
from atlas.widgets import friendly, translator, urlstate
from etl import catalog

YES_NO = {"": N_("Not said"), "yes": N_("Yes"), "no": N_("No")}
FIELDS = (("finder-org", "org"), ("finder-themes", "themes"), ("finder-years", "years"),
          ("finder-funding", "funding"), ("finder-humanitarian", "humanitarian"))


def _params_after(profile: Profile) -> dict[str, str]:
    return {
        "org": profile.kind,
        "themes": ",".join(profile.themes),
        "years": "" if profile.years_registered is None else str(profile.years_registered),
        "humanitarian": {True: "yes", False: "no", None: ""}[profile.humanitarian],
        "funding": "" if profile.member_funding_share is None
        else str(round(profile.member_funding_share * 100)),
    }


def profile_inputs(themes: list[str]) -> tuple[Profile, dict[str, str]]:
    """Draw the inputs (pre-filled from the URL), keep them in the URL, and return the profile
    and its URL parameters."""
    t, q = translator(), st.query_params
    kind, bad = links.parse_choice(q.get_all("org"), list(catalog.ORG_KINDS), "national",
                                   N_("organisation type"))
    friendly(bad)
    wanted, bad = links.parse_list(q.get("themes"), themes, N_("theme"))
    friendly(bad)
    years, bad = links.parse_int(q.get("years"), 0, 200, N_("years since registration"))
    friendly(bad)
    funding, bad = links.parse_int(q.get("funding"), 0, 100, N_("the share of funding from members"))
    friendly(bad)
    hum, bad = links.parse_choice(q.get_all("humanitarian"), ["yes", "no"], "", N_("answer"))
    friendly(bad)
    kinds = list(catalog.ORG_KINDS)
    for key, value, param, valid in (
            ("finder-org", kind or "national", "org", kinds),
            ("finder-themes", wanted, "themes", themes),
            ("finder-years", years or 0, "years", None),
            ("finder-funding", funding if funding is not None else 0, "funding", None),
            ("finder-humanitarian", hum or "", "humanitarian", list(YES_NO))):
        urlstate.seed(key, value, param, valid=valid)
    left, right = st.columns(2)
    kind = left.radio(t("Your organisation is a…"), kinds, key="finder-org",
                      format_func=glossary.labeller(t, "kind"))
    wanted = left.multiselect(t("Themes you work on"), themes, key="finder-themes",
                              format_func=glossary.labeller(t, "theme"),
                              placeholder=t("Choose themes"))
    years = right.number_input(t("Years since registration (leave 0 if you don't know)"), 0, 200,
                               step=1, key="finder-years") or None
    funding = right.slider(t("Share of your funding that comes from your members (%)"), 0, 100,
                           key="finder-funding")
    hum = right.radio(t("Is your mandate humanitarian?"), list(YES_NO), horizontal=True,
                      key="finder-humanitarian", format_func=lambda v: t(YES_NO[v]))
    said_funding = funding if (funding or q.get("funding")) else None
    profile = Profile(kind=kind, themes=tuple(wanted), years_registered=years,
                      humanitarian={"yes": True, "no": False}.get(hum),
                      member_funding_share=None if said_funding is None else said_funding / 100)
    params = _params_after(profile)
    for param, value in params.items():
        if value:
            q[param] = value
        else:
            q.pop(param, None)
    for key, param in FIELDS:
        urlstate.written(key, param)
    return profile, params
