"""Engagement Atlas: the frame. Page config, navigation, shared sidebar; each page draws itself."""

import streamlit as st

st.set_page_config(
    page_title="Engagement Atlas",
    layout="wide",
    menu_items={"About": "Engagement Atlas: how civil society can engage regional organisations."},
)

PAGES = [
    st.Page("pages/home.py", title="Map", url_path="home", default=True),
    st.Page("pages/country.py", title="Country", url_path="country"),
    st.Page("pages/pathways.py", title="Pathway finder", url_path="pathways"),
    st.Page("pages/rigo.py", title="Organisation", url_path="rigo"),
    st.Page("pages/compare.py", title="Compare", url_path="compare"),
    st.Page("pages/gaps.py", title="Gap analysis", url_path="gaps"),
    st.Page("pages/early-warning.py", title="Early-warning models", url_path="early-warning"),
    st.Page("pages/networks.py", title="Networks", url_path="networks"),
    st.Page("pages/planner.py", title="Session planner", url_path="planner"),
    st.Page("pages/data.py", title="Data", url_path="data"),
]

page = st.navigation(PAGES)
st.sidebar.markdown("**Engagement Atlas**  \nRegional organisations and the channels civil society can use.")
page.run()
