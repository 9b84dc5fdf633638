"""Pure folium builders (no Streamlit). Leaflet is served locally and there are no basemap tiles."""

from __future__ import annotations

import json

import folium
import pandas as pd
from folium import MacroElement
from folium.template import Template

from atlas.escape import for_html

STATIC = "/app/static/vendor"
LOCAL_JS = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]
LOCAL_CSS = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]

# ColorBrewer YlGnBu, 5 classes (colour-blind safe, sequential); grey = in no organisation we hold.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#d9d9d9"
BREAKS = (1, 5, 10, 20)  # class i holds counts from BREAKS[i-1] up to BREAKS[i] - 1
SEAT_COLOUR = "#d95f02"


def class_of(n_channels: int, n_rigos: int) -> int:
    """-1 for a country in no organisation, else 0..len(PALETTE)-1."""
    if n_rigos == 0:
        return -1
    return sum(n_channels >= b for b in BREAKS)


def legend_rows() -> list[tuple[str, str]]:
    """(colour, label) pairs, labels stating the numbers."""
    bounds = (0, *BREAKS)
    rows = [(NO_DATA, "Not in any organisation we cover")]
    for i, colour in enumerate(PALETTE):
        low = bounds[i]
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else None
        label = f"{low}" if high == low else (f"{low}–{high}" if high is not None else f"{low} or more")
        rows.append((colour, f"{label} channel{'s' if label != '1' else ''} open to national CSOs"))
    return rows


def _swatch(colour: str, round_: bool = False) -> str:
    radius = "border-radius:50%;" if round_ else ""
    return (f"<span style='display:inline-block;width:14px;height:14px;background:{colour};"
            f"border:1px solid #666;vertical-align:middle;{radius}'></span>")


def legend_html() -> str:
    """The map legend as HTML built only from constants (no data text)."""
    items = [*((_swatch(c), label) for c, label in legend_rows()),
             (_swatch(SEAT_COLOUR, round_=True), "seat of an organisation")]
    return " ".join(f"<span style='display:inline-block;margin:0 14px 4px 0'>{s} {t}</span>"
                    for s, t in items)


def blank_map(height_zoom: int = 2) -> folium.Map:
    fmap = folium.Map(location=[15, 10], zoom_start=height_zoom, min_zoom=1, tiles=None,
                      world_copy_jump=False, max_bounds=True, control_scale=False,
                      prefer_canvas=False)
    fmap.default_js = LOCAL_JS
    fmap.default_css = LOCAL_CSS
    fmap.get_root().header.add_child(  # type: ignore[attr-defined]
        folium.Element("<style>.leaflet-container{background:#eef4f8;}</style>"))
    return fmap


# The home map's geometry is a static file (written by `python -m etl build`, served by
# Streamlit's static file serving), fetched by the browser once and cached: the page itself
# carries no geometry. Colours and tooltip figures come from a small per-country lookup that is
# sent through `st_folium(feature_group_to_add=...)`, so changing the date restyles the mounted
# map instead of remounting it and re-sending everything.
WORLD_SHAPES_URL = "/app/static/data/countries.geojson"
TOOLTIP_ALIASES = ("Country", "Regional organisations", "Channels open to national CSOs")
BORDER = {"color": "#6b6b6b", "weight": 0.4, "fillOpacity": 0.9}
HIGHLIGHT = {"weight": 2, "color": "#000000"}


def _js(value: object) -> str:
    """A JSON literal for a script. Text in it went through for_html first, so no '<' (hence no
    '</script>') can occur; unlike jinja's tojson it keeps the escaped entities readable."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class _CountryShapes(MacroElement):
    """Country shapes fetched from a static URL; style and tooltip read `atlasChoropleth.lookup`.

    Tooltip text is assembled by string concatenation (no template literal) from lookup values
    that Python escaped with `for_html`.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var A = window.atlasChoropleth = window.atlasChoropleth || {lookup: {}};
  var palette = {{ this.palette }}, noData = {{ this.no_data }};
  var border = {{ this.border }}, highlight = {{ this.highlight }};
  var aliases = {{ this.aliases }};
  A.style = function (feature) {
    var row = A.lookup[feature.properties.iso3];
    var klass = row && row.length > 1 ? row[0] : -1;
    return L.extend({fillColor: klass < 0 ? noData : palette[klass]}, border);
  };
  A.tooltip = function (layer) {
    var iso3 = layer.feature.properties.iso3;
    var row = A.lookup[iso3] || [-1, iso3];
    if (row.length < 4) { row = [-1, row[1], "none in our data", "0"]; }
    var html = "<table>";
    for (var i = 0; i < aliases.length; i++) {
      html += "<tr><th style='text-align:left;padding-right:8px'>" + aliases[i] + "</th><td>"
        + row[i + 1] + "</td></tr>";
    }
    return html + "</table>";
  };
  var layer = A.layer = L.geoJson(null, {
    style: A.style,
    onEachFeature: function (feature, shape) {
      shape.bindTooltip(A.tooltip, {sticky: true});
      shape.on("mouseover", function (e) { e.target.setStyle(highlight); });
      shape.on("mouseout", function (e) { layer.resetStyle(e.target); });
    }
  }).addTo(map);
  fetch({{ this.url }})
    .then(function (reply) { return reply.json(); })
    .then(function (data) { layer.addData(data); layer.bringToBack(); });
  return layer;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, url: str) -> None:
        super().__init__()
        self._name = "CountryShapes"
        self.url = _js(url)
        self.palette = _js(list(PALETTE))
        self.no_data = _js(NO_DATA)
        self.border = _js(BORDER)
        self.highlight = _js(HIGHLIGHT)
        self.aliases = _js(list(TOOLTIP_ALIASES))


class _CountryFigures(MacroElement):
    """The per-date lookup iso3 -> [class, name, organisations, channels]; restyles the shapes."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var A = window.atlasChoropleth = window.atlasChoropleth || {lookup: {}};
  A.lookup = {{ this.lookup }};
  if (A.layer) { A.layer.setStyle(A.style); }
})();
{% endmacro %}
""")

    def __init__(self, lookup: dict[str, list]) -> None:
        super().__init__()
        self._name = "CountryFigures"
        self.lookup = _js(lookup)


def country_lookup(counts: pd.DataFrame) -> dict[str, list]:
    """iso3 -> [colour class, name, organisations, channel count], every text escaped.

    A country in no organisation is just [-1, name]; the map fills in the rest.
    """
    lookup: dict[str, list] = {}
    for row in counts.itertuples():
        klass = class_of(int(row.n_channels), int(row.n_rigos))
        name = for_html(row.name)
        lookup[str(row.iso3)] = ([klass, name] if klass < 0 else
                                 [klass, name, for_html(row.rigos), str(int(row.n_channels))])
    return lookup


def world_map(rigos: pd.DataFrame, shapes_url: str = WORLD_SHAPES_URL) -> folium.Map:
    """The base of the home map: shapes from a static file and the seats. Same for every date."""
    fmap = blank_map()
    fmap.default_js = LOCAL_JS[:1]  # Leaflet only: nothing on this map uses jQuery
    _CountryShapes(shapes_url).add_to(fmap)
    seat_markers(rigos).add_to(fmap)
    return fmap


def channel_count_layer(counts: pd.DataFrame) -> folium.FeatureGroup:
    """What changes with the date: colours and tooltip figures, for `feature_group_to_add`."""
    group = folium.FeatureGroup(name="Channels by country", control=False)
    _CountryFigures(country_lookup(counts)).add_to(group)
    return group


class _Seats(MacroElement):
    """One circle marker per seat, with its tooltip; one element instead of one per marker."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var group = L.featureGroup().addTo(map);
  {{ this.seats }}.forEach(function (seat) {
    L.circleMarker([seat[0], seat[1]], {{ this.style }}).bindTooltip(seat[2], {sticky: true})
      .addTo(group);
  });
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, seats: list[list]) -> None:
        super().__init__()
        self._name = "Seats"
        self.seats = _js(seats)
        self.style = _js({"radius": 5, "color": "#ffffff", "weight": 1, "fill": True,
                          "fillColor": SEAT_COLOUR, "fillOpacity": 1})


def seat_markers(rigos: pd.DataFrame) -> MacroElement:
    """The seats of the organisations, tooltips escaped."""
    return _Seats([
        [float(row.hq_lat), float(row.hq_lon),
         f"<b>{for_html(row.acronym)}</b> · {for_html(row.name)}<br>Seat: {for_html(row.hq_city)}"]
        for row in rigos.itertuples()
    ])


def choropleth_by_channel_count(counts: pd.DataFrame, rigos: pd.DataFrame
                                ) -> tuple[folium.Map, folium.FeatureGroup]:
    """World map: countries by channels open to national CSOs, RIGO seats as markers.

    Returns the base map (identical for every date) and the per-date layer; draw them with
    `st_folium(base, feature_group_to_add=layer)`.
    """
    return world_map(rigos), channel_count_layer(counts)


# Okabe–Ito (colour-blind safe, categorical): one colour per membership status, used everywhere.
STATUS_COLOURS = {
    "this country": "#000000",
    "member": "#0072B2",
    "suspended": "#E69F00",
    "associate": "#56B4E9",
    "observer": "#009E73",
    "candidate": "#CC79A7",
    "former": "#999999",
    "shares an organisation": "#56B4E9",
}


def footprint_map(geojson: dict, categories: dict[str, str], labels: dict[str, str]) -> folium.Map:
    """Only the countries in `categories` (iso3 -> status word), coloured by status, fitted."""
    features = [
        {"type": "Feature", "geometry": f["geometry"], "properties": {
            "name": for_html(f["properties"]["name"]),
            "status": for_html(labels.get(f["properties"]["iso3"], "")),
            "colour": STATUS_COLOURS.get(categories[f["properties"]["iso3"]], "#999999"),
        }}
        for f in geojson["features"] if f["properties"]["iso3"] in categories
    ]
    fmap = blank_map()
    if not features:
        return fmap
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        style_function=lambda f: {"fillColor": f["properties"]["colour"], "color": "#444444",
                                  "weight": 0.6, "fillOpacity": 0.85},
        tooltip=folium.GeoJsonTooltip(fields=["name", "status"], aliases=["Country", "Status"]),
    ).add_to(fmap)
    fmap.fit_bounds(layer.get_bounds())  # type: ignore[arg-type]
    return fmap


def status_legend_html(statuses: list[str]) -> str:
    """Legend for footprint maps, built from constants only."""
    return " ".join(f"<span style='display:inline-block;margin:0 14px 4px 0'>"
                    f"{_swatch(STATUS_COLOURS[s])} {s}</span>" for s in statuses if s in STATUS_COLOURS)
