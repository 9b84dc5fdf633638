"""Cached readers of data/processed: the app's only file I/O."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from atlas.tables import PROCESSED, Atlas, read_atlas
from etl import catalog


# cache_resource: one shared read-only copy, not a fresh unpickled copy at every rerun.
@st.cache_resource(show_spinner=False)
def _atlas(folder: str) -> Atlas:
    return read_atlas(Path(folder))


def atlas() -> Atlas:
    """Every published table (cached for the life of the server)."""
    return _atlas(str(PROCESSED))


@st.cache_resource(show_spinner=False)
def countries_geojson() -> dict:
    return json.loads((PROCESSED / catalog.GEOJSON_FILENAME).read_text(encoding="utf-8"))


@st.cache_data(show_spinner=False)
def processed_file(name: str) -> bytes:
    """Bytes of one published file, for downloads; only names the data package declares."""
    allowed = {t.filename for t in catalog.TABLES} | {catalog.GEOJSON_FILENAME, "datapackage.json"}
    if name not in allowed:
        raise ValueError(f"not a published file: {name}")
    return (PROCESSED / name).read_bytes()
