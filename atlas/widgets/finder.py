"""The pathway finder's inputs, each kept in the URL and validated against the data."""

from __future__ import annotations

import streamlit as st

from atlas import links
from atlas.pathways import KIND_LABELS, Profile
from atlas.widgets import friendly, urlstate

YES_NO = {"": "Not said", "yes": "Yes", "no": "No"}
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
    q = st.query_params
    kind, bad = links.parse_choice(q.get_all("org"), list(KIND_LABELS), "national",
                                   "organisation type")
    friendly(bad)
    wanted, bad = links.parse_list(q.get("themes"), themes, "theme")
    friendly(bad)
    years, bad = links.parse_int(q.get("years"), 0, 200, "years since registration")
    friendly(bad)
    funding, bad = links.parse_int(q.get("funding"), 0, 100, "the share of funding from members")
    friendly(bad)
    hum, bad = links.parse_choice(q.get_all("humanitarian"), ["yes", "no"], "", "answer")
    friendly(bad)
    kinds = list(KIND_LABELS)
    for key, value, param, valid in (
            ("finder-org", kind or "national", "org", kinds),
            ("finder-themes", wanted, "themes", themes),
            ("finder-years", years or 0, "years", None),
            ("finder-funding", funding if funding is not None else 0, "funding", None),
            ("finder-humanitarian", hum or "", "humanitarian", list(YES_NO))):
        urlstate.seed(key, value, param, valid=valid)
    left, right = st.columns(2)
    kind = left.radio("Your organisation is a…", kinds, key="finder-org",
                      format_func=lambda k: KIND_LABELS[k].removesuffix("s"))
    wanted = left.multiselect("Themes you work on", themes, key="finder-themes",
                              format_func=lambda t: t.replace("_", " "))
    years = right.number_input("Years since registration (leave 0 if you don't know)", 0, 200,
                               step=1, key="finder-years") or None
    funding = right.slider("Share of your funding that comes from your members (%)", 0, 100,
                           key="finder-funding")
    hum = right.radio("Is your mandate humanitarian?", list(YES_NO), horizontal=True,
                      key="finder-humanitarian", format_func=YES_NO.get)
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
