"""Pure folium map of CSO network hubs (no Streamlit), over outlines from the static shapes file."""

from __future__ import annotations

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from atlas.escape import for_html
from atlas.maps import WORLD_SHAPES_URL, _js, blank_map


class _Outlines(MacroElement):
    """Plain, non-interactive country outlines fetched once from the static shapes file."""

    _template = Template("""
{% macro script(this, kwargs) %}
fetch({{ this.url }}).then(function (r) { return r.json(); }).then(function (data) {
  L.geoJson(data, {interactive: false, style: {fillColor: "#f2f2f2", color: "#b0b0b0",
    weight: 0.5, fillOpacity: 1}}).addTo({{ this._parent.get_name() }}).bringToBack();
});
{% endmacro %}
""")

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "Outlines"
        self.url = _js(url)


def network_hubs(networks: pd.DataFrame, shapes_url: str = WORLD_SHAPES_URL) -> folium.Map:
    """One marker per network whose seat is known; tooltips escaped."""
    fmap = blank_map()
    _Outlines(shapes_url).add_to(fmap)
    placed = networks[(networks.hq_lat != "") & (networks.hq_lon != "")]
    for row in placed.itertuples():
        tip = f"<b>{for_html(row.name)}</b><br>{for_html(row.hq_city)}"
        folium.CircleMarker(location=[float(row.hq_lat), float(row.hq_lon)], radius=6,
                            color="#ffffff", weight=1, fill=True, fill_color="#1170aa",
                            fill_opacity=1, tooltip=folium.Tooltip(tip)).add_to(fmap)
    return fmap
