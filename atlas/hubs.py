"""Pure folium map of CSO network hubs (no Streamlit)."""

from __future__ import annotations

import folium
import pandas as pd

from atlas.escape import for_html
from atlas.maps import blank_map


def network_hubs(networks: pd.DataFrame, geojson: dict) -> folium.Map:
    """One marker per network whose seat is known, over plain country outlines; tooltips escaped."""
    fmap = blank_map()
    outlines = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": f["geometry"]} for f in geojson["features"]]}
    folium.GeoJson(outlines, style_function=lambda _: {"fillColor": "#f2f2f2", "color": "#b0b0b0",
                                                       "weight": 0.5, "fillOpacity": 1},
                   interactive=False).add_to(fmap)
    placed = networks[(networks.hq_lat != "") & (networks.hq_lon != "")]
    for row in placed.itertuples():
        tip = f"<b>{for_html(row.name)}</b><br>{for_html(row.hq_city)}"
        folium.CircleMarker(location=[float(row.hq_lat), float(row.hq_lon)], radius=6,
                            color="#ffffff", weight=1, fill=True, fill_color="#1170aa",
                            fill_opacity=1, tooltip=folium.Tooltip(tip)).add_to(fmap)
    return fmap
