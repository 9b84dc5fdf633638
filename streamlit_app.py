"""Engagement Atlas: the frame. Language, page config, navigation, shared sidebar; each page
draws itself."""

import streamlit as st

from atlas import load
from atlas.widgets import language, phonebar, style

st.set_page_config(page_title="Engagement Atlas", layout="wide")
style.apply()
load.light_pages_started()  # once per server, and only where they were never written
t = language.choose()  # before the pages: their titles are in the chosen language

PAGES = [
    st.Page("pages/home.py", title=t("Map"), url_path="home", default=True),
    st.Page("pages/country.py", title=t("Country"), url_path="country"),
    st.Page("pages/pathways.py", title=t("Pathway finder"), url_path="pathways"),
    st.Page("pages/rigo.py", title=t("Organisation"), url_path="rigo"),
    st.Page("pages/compare.py", title=t("Compare"), url_path="compare"),
    st.Page("pages/gaps.py", title=t("Gap analysis"), url_path="gaps"),
    st.Page("pages/early-warning.py", title=t("Early-warning models"), url_path="early-warning"),
    st.Page("pages/networks.py", title=t("Networks"), url_path="networks"),
    st.Page("pages/planner.py", title=t("Session planner"), url_path="planner"),
    st.Page("pages/calendar.py", title=t("Calendar"), url_path="calendar"),
    st.Page("pages/cases.py", title=t("Cases"), url_path="cases"),
    st.Page("pages/changes.py", title=t("What changed"), url_path="changes"),
    st.Page("pages/data.py", title=t("Data"), url_path="data"),
    # reached from the "Suggest a correction" links on every record, not from the menu
    st.Page("pages/suggest.py", title=t("Suggest a correction"), url_path="suggest",
            visibility="hidden"),
]

page = st.navigation(PAGES)
phonebar.show(t)  # language and date at the top of the page on phones (the sidebar is folded)
st.sidebar.markdown("**Engagement Atlas**  \n"
                    + t("Regional organisations and the channels civil society can use."))
page.run()
