"""Folium elements that keep geometry out of the page: shapes come from a static file.

The browser fetches the country shapes once (Streamlit's static file serving, cached), and what
changes per view travels as a small lookup iso3 -> row sent through
`st_folium(feature_group_to_add=...)`, which restyles the mounted map instead of remounting it.
Points (seats, network hubs) are one element with an array, not one folium element per marker.

Every text that reaches these templates went through `for_html` first; the JavaScript snippets
passed as `style_js`/`tooltip_js` are constants of this package, never data.
"""

from __future__ import annotations

import json

from folium import MacroElement
from folium.template import Template


def js(value: object) -> str:
    """A JSON literal for a script. Text in it went through for_html first, so no '<' (hence no
    '</script>') can occur; unlike jinja's tojson it keeps the escaped entities readable."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Shapes(MacroElement):
    """Country shapes from a static URL, styled and labelled from `atlasShapes.lookup`.

    `style_js` is a function (row) -> Leaflet path style and `tooltip_js` a function
    (row, iso3) -> HTML; row is the lookup entry of the country, or undefined. Both may read
    `constants` as C.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var A = window.atlasShapes = window.atlasShapes || {lookup: {}};
  var highlight = {{ this.highlight }}, C = {{ this.constants }};
  var style = {{ this.style_js }}, tip = {{ this.tooltip_js }};
  function row(feature) { return A.lookup[feature.properties.iso3]; }
  var layer = A.layer = L.geoJson(null, {
    style: function (feature) { return style(row(feature)); },
    onEachFeature: function (feature, shape) {
      shape.bindTooltip(function (l) { return tip(row(l.feature), l.feature.properties.iso3); },
                        {sticky: true});
      shape.on("mouseover", function (e) { e.target.setStyle(highlight); });
      shape.on("mouseout", function (e) { layer.resetStyle(e.target); });
    }
  }).addTo(map);
  A.refresh = function () {
    layer.setStyle(function (feature) { return style(row(feature)); });
    if (!A.fit) { return; }
    var bounds = null;
    layer.eachLayer(function (shape) {
      var r = row(shape.feature);
      if (!(r && r[0])) { return; }
      var b = shape.getBounds();  // the shape's own object: copy it, never extend it
      bounds = bounds || L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      bounds.extend(b);
    });
    if (bounds) { map.fitBounds(bounds, {maxZoom: 5, padding: [8, 8]}); }
  };
  fetch({{ this.url }})
    .then(function (reply) { return reply.json(); })
    .then(function (data) { layer.addData(data); layer.bringToBack(); A.refresh(); });
  return layer;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, url: str, style_js: str, tooltip_js: str, highlight: dict,
                 constants: dict) -> None:
        super().__init__()
        self._name = "Shapes"
        self.url = js(url)
        self.style_js = style_js
        self.tooltip_js = tooltip_js
        self.highlight = js(highlight)
        self.constants = js(constants)


class Lookup(MacroElement):
    """The per-view lookup iso3 -> row; restyles (and, with `fit`, refits) the mounted shapes."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var A = window.atlasShapes = window.atlasShapes || {lookup: {}};
  A.lookup = {{ this.lookup }};
  A.fit = {{ this.fit }};
  if (A.refresh) { A.refresh(); }
})();
{% endmacro %}
""")

    def __init__(self, lookup: dict[str, list], fit: bool = False) -> None:
        super().__init__()
        self._name = "Lookup"
        self.lookup = js(lookup)
        self.fit = js(fit)


class Points(MacroElement):
    """One circle marker per [lat, lon, tooltip HTML]; one element instead of one per marker."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var group = L.featureGroup().addTo(map);
  {{ this.points }}.forEach(function (p) {
    L.circleMarker([p[0], p[1]], {{ this.style }}).bindTooltip(p[2], {sticky: true})
      .addTo(group);
  });
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, points: list[list], style: dict) -> None:
        super().__init__()
        self._name = "Points"
        self.points = js(points)
        self.style = js(style)


class Outlines(MacroElement):
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
        self.url = js(url)
