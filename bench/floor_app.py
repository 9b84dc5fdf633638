"""Floor (a) of the time to map: the same GeoJSON drawn with st_folium on a bare Streamlit page.

Nothing else is on the page. Leaflet and jQuery come from static/vendor as in the app, so the
server runs from the project root. `make bench` serves this file with its own streamlit process.
"""

import json

import folium
import streamlit as st
from streamlit_folium import st_folium

from atlas.tables import data_dir
from etl import catalog

VENDOR = "/app/static/vendor"


@st.cache_resource
def geojson() -> dict:
    return json.loads((data_dir() / catalog.GEOJSON_FILENAME).read_text(encoding="utf-8"))


fmap = folium.Map(location=[15, 10], zoom_start=2, min_zoom=1, tiles=None)
fmap.default_js = [("leaflet", f"{VENDOR}/leaflet/leaflet.js"),
                   ("jquery", f"{VENDOR}/jquery/jquery.min.js")]
fmap.default_css = [("leaflet_css", f"{VENDOR}/leaflet/leaflet.css")]
folium.GeoJson(geojson(), style_function=lambda _: {"fillColor": "#41b6c4", "color": "#6b6b6b",
                                                    "weight": 0.4, "fillOpacity": 0.9}).add_to(fmap)
st_folium(fmap, key="floor", height=520, use_container_width=True, returned_objects=[])
