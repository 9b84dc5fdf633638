"""Pure folium map of CSO network hubs (no Streamlit), over outlines from the static shapes file."""

from __future__ import annotations

import folium
import pandas as pd

from atlas.escape import for_html
from atlas.maps import WORLD_SHAPES_URL, blank_map
from atlas.shapes import Outlines, Points

HUB_STYLE = {"radius": 6, "color": "#ffffff", "weight": 1, "fill": True, "fillColor": "#1170aa",
             "fillOpacity": 1}


def network_hubs(networks: pd.DataFrame, title: str = "Map",
                 shapes_url: str = WORLD_SHAPES_URL) -> folium.Map:
    """One marker per network whose seat is known (one element for all of them); tooltips
    escaped; the frame titled `title`."""
    fmap = blank_map(title=title)
    fmap.default_js = fmap.default_js[:1]  # Leaflet only
    Outlines(shapes_url).add_to(fmap)
    placed = networks[(networks.hq_lat != "") & (networks.hq_lon != "")]
    Points([[float(row.hq_lat), float(row.hq_lon),
             f"<b>{for_html(row.name)}</b><br>{for_html(row.hq_city)}"]
            for row in placed.itertuples()], HUB_STYLE).add_to(fmap)
    return fmap
