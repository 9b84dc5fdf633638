"""Following what changes: the Atom feed links and a profile's latest changes (texts built and
escaped in atlas.changes)."""

from __future__ import annotations

import streamlit as st

from atlas import changes, load
from atlas.escape import for_markdown
from atlas.widgets import engagement, translator

LATEST = 3  # changes shown on a profile page


def feed_link(kind: str = "", code: str = "", name: str = "") -> None:
    """"Follow Kenya's changes" (or this organisation's, or all): a link to the Atom feed, or to
    the feed of every change when the ETL wrote none for this choice."""
    t = translator()
    url = changes.feed_url(kind, code)
    if url and kind == "country":
        label = t("Follow {country}'s changes", country=for_markdown(name))
    elif url and kind == "rigo":
        label = t("Follow this organisation's changes")
    else:
        url, label = changes.feed_url(), t("Follow all changes")
    if url:
        st.markdown(f"[{label}]({url}) " + t("(an Atom feed: add its address to a feed reader)"))


def latest(iso3: str | None = None, rigo_id: str | None = None,
           name: str = "") -> None:
    """A profile's latest changes, a link to the What changed page and the feed link."""
    t = translator()
    view = load.changes_view(iso3, rigo_id, None, None)
    if view.lines:
        st.markdown("\n\n".join(view.lines[:LATEST]))
    else:
        st.markdown(t("No dated change is recorded here yet."))
    lang = engagement.lang_param()
    params = {"iso3": iso3} if iso3 else {"rigo": rigo_id or ""}
    st.page_link("pages/changes.py", query_params={**params, **({"lang": lang} if lang else {})},
                 label=t.n("Every change ({count}) →", "Every change ({count}) →", len(view.rows)))
    feed_link("country" if iso3 else "rigo", iso3 or rigo_id or "", name)
