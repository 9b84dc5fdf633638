"""Engagement Atlas app library: pure queries, charts and maps, plus the Streamlit loaders."""
