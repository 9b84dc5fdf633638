"""Cached readers of the published data (data/processed, or $ATLAS_DATA_DIR): the app's only file I/O."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from atlas import changes, engagement, i18n, overviews, queries, views
from atlas.i18n.data import localise
from atlas.tables import Atlas, data_dir, read_atlas

__all__ = ["atlas", "cited_sources", "country_at", "country_channel_counts", "data_dir"]
from etl import catalog

LANG_KEY = "lang"  # the session's language, set by the frame (widgets.language)


def lang() -> str:
    """The language of this session's view (English until the frame has chosen)."""
    return str(st.session_state.get(LANG_KEY, i18n.DEFAULT))


# cache_resource: one shared read-only copy, not a fresh unpickled copy at every rerun.
# Every reader takes the folder and the language as its cache keys, so ATLAS_DATA_DIR selects its
# own entries and a view computed in French is never shown to a visitor reading Arabic.
@st.cache_resource(show_spinner=False)
def _english(folder: str) -> Atlas:
    return read_atlas(Path(folder))


@st.cache_resource(show_spinner=False)
def _atlas(folder: str, code: str = i18n.DEFAULT) -> Atlas:
    return localise(_english(folder), code)


def atlas() -> Atlas:
    """Every published table, its texts in the session's language (cached per language)."""
    return _atlas(str(data_dir()), lang())


@st.cache_resource(show_spinner=False)
def _country_finder(folder: str):
    from atlas import places

    shapes = json.loads((Path(folder) / catalog.GEOJSON_FILENAME).read_text(encoding="utf-8"))
    return places.country_finder(shapes)  # keeps the index, not the GeoJSON


def country_at(lat: float, lng: float) -> str | None:
    """The iso3 of the country drawn at this point of the map, or None."""
    return _country_finder(str(data_dir()))(lat, lng)


# A precomputed aggregate per date: the home page and its reruns read it instead of regrouping
# the memberships. Shared read-only (callers copy before changing it); bounded by max_entries.
@st.cache_resource(show_spinner=False, max_entries=64)
def _country_channel_counts(folder: str, code: str, day: dt.date) -> pd.DataFrame:
    return queries.country_channel_counts(_atlas(folder, code), day)


def country_channel_counts(day: dt.date) -> pd.DataFrame:
    """Per country on `day`: its organisations and the channels open to its national CSOs."""
    return _country_channel_counts(str(data_dir()), lang(), day)


@st.cache_resource(show_spinner=False)
def _cited_sources(folder: str, code: str, tables: tuple[str, ...]) -> pd.DataFrame:
    data = _atlas(folder, code)
    return queries.sources_for(data, *(getattr(data, name) for name in tables))


def cited_sources(*tables: str) -> pd.DataFrame:
    """The sources cited by any row of the named tables, each once (shared, read-only)."""
    return _cited_sources(str(data_dir()), lang(), tables)


@st.cache_resource(show_spinner=False)
def _data_package_zip(folder: str) -> bytes:
    from atlas import exports

    names = [t.filename for t in catalog.TABLES] + [catalog.GEOJSON_FILENAME, "datapackage.json"]
    return exports.zip_bytes({name: (Path(folder) / name).read_bytes() for name in names})


def data_package_zip() -> bytes:
    """The whole published data package as one zip (built once per dataset)."""
    return _data_package_zip(str(data_dir()))


# Whole page views, cached by their plain keys (country or organisation, date): a rerun that
# returns to a view does no pandas work, hashes no frame and rebuilds no file. Shared, read-only.
@st.cache_resource(show_spinner=False, max_entries=64)
def _country_view(folder: str, code: str, iso3: str, day: dt.date) -> views.CountryView:
    return views.country(_atlas(folder, code), iso3, day)


def country_view(iso3: str, day: dt.date) -> views.CountryView:
    return _country_view(str(data_dir()), lang(), iso3, day)


@st.cache_resource(show_spinner=False, max_entries=64)
def _pathways_view(folder: str, code: str, iso3: str, day: dt.date, who) -> views.PathwaysView:
    return views.pathway_finder(_atlas(folder, code), iso3, day, who)


def pathways_view(iso3: str, day: dt.date, who) -> views.PathwaysView:
    return _pathways_view(str(data_dir()), lang(), iso3, day, who)


@st.cache_resource(show_spinner=False, max_entries=64)
def _rigo_view(folder: str, code: str, rigo_id: str, day: dt.date, today: dt.date) -> views.RigoView:
    return views.rigo(_atlas(folder, code), rigo_id, day, today)


def rigo_view(rigo_id: str, day: dt.date) -> views.RigoView:
    return _rigo_view(str(data_dir()), lang(), rigo_id, day, dt.date.today())


@st.cache_resource(show_spinner=False, max_entries=64)
def _comparison(folder: str, code: str, picked: tuple[str, ...]) -> overviews.Comparison:
    return overviews.comparison(_atlas(folder, code), picked)


def comparison(picked: list[str]) -> overviews.Comparison:
    return _comparison(str(data_dir()), lang(), tuple(picked))


@st.cache_resource(show_spinner=False)
def _regions(folder: str, code: str) -> overviews.Regions:
    return overviews.regions(_atlas(folder, code))


def regions() -> overviews.Regions:
    return _regions(str(data_dir()), lang())


@st.cache_resource(show_spinner=False, max_entries=32)
def _early_warning(folder: str, code: str, region: str | None) -> overviews.EarlyWarning:
    return overviews.early_warning(_atlas(folder, code), region)


def early_warning(region: str | None) -> overviews.EarlyWarning:
    return _early_warning(str(data_dir()), lang(), region)


@st.cache_resource(show_spinner=False, max_entries=64)
def _networks(folder: str, code: str, region: str | None, theme: str | None) -> overviews.Networks:
    return overviews.networks(_atlas(folder, code), region, theme)


def networks(region: str | None, theme: str | None) -> overviews.Networks:
    return _networks(str(data_dir()), lang(), region, theme)


@st.cache_resource(show_spinner=False)
def _gap_analysis(folder: str, code: str) -> overviews.Gaps:
    return overviews.gap_analysis(_atlas(folder, code))


def gap_analysis() -> overviews.Gaps:
    return _gap_analysis(str(data_dir()), lang())


@st.cache_resource(show_spinner=False, max_entries=64)
def _session(folder: str, code: str, theme: str, regions: tuple[str, ...], fmt: str,
             link: str) -> overviews.Session:
    return overviews.session(_atlas(folder, code), theme, regions, fmt, link)


def session(theme: str, regions: list[str], fmt: str, link: str) -> overviews.Session:
    return _session(str(data_dir()), lang(), theme, tuple(regions), fmt, link)


@st.cache_resource(show_spinner=False, max_entries=64)
def _calendar(folder: str, code: str, today: dt.date, *picks: str | None) -> engagement.Calendar:
    return engagement.calendar(_atlas(folder, code), today, *picks)


def calendar(today: dt.date, iso3: str | None, rigo_id: str | None, region: str | None,
             theme: str | None) -> engagement.Calendar:
    return _calendar(str(data_dir()), lang(), today, iso3, rigo_id, region, theme)


@st.cache_resource(show_spinner=False, max_entries=64)
def _cases(folder: str, code: str, today: dt.date, *picks: str | None) -> engagement.Cases:
    return engagement.cases(_atlas(folder, code), today, *picks)


def cases(today: dt.date, region: str | None, rigo_id: str | None, channel_type: str | None,
          theme: str | None, outcome: str | None) -> engagement.Cases:
    return _cases(str(data_dir()), lang(), today, region, rigo_id, channel_type, theme, outcome)


@st.cache_resource(show_spinner=False, max_entries=64)
def _changes(folder: str, code: str, *picks) -> changes.Changes:
    return changes.view(_atlas(folder, code), *picks)


def changes_view(iso3: str | None, rigo_id: str | None, start: dt.date | None,
                 end: dt.date | None) -> changes.Changes:
    """The What changed page's list for one choice (computed once per choice and language)."""
    code = lang()
    return _changes(str(data_dir()), code, iso3, rigo_id, start, end,
                    code if code != i18n.DEFAULT else None)


@st.cache_resource(show_spinner=False)
def light_pages_started() -> bool:
    """Where the light pages are missing or older than the data (Streamlit Community Cloud only
    installs and runs; `make run` does not wait for them), write them in the background, once per
    server. Returns whether it started (never for another ATLAS_DATA_DIR: tests and benchmarks)."""
    import subprocess
    import sys

    from atlas import light
    from atlas.tables import PROCESSED

    if (os.environ.get("ATLAS_LIGHT_BACKGROUND", "1") == "0"
            or data_dir().resolve() != PROCESSED.resolve() or light.up_to_date()):
        return False
    subprocess.Popen([sys.executable, "-m", "atlas.light", "--if-needed"], cwd=light.ROOT,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return True
