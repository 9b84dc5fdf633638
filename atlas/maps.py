"""Pure folium builders (no Streamlit). Leaflet is served locally and there are no basemap tiles."""

from __future__ import annotations

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from atlas import glossary
from atlas.escape import for_html, for_script
from atlas.i18n import N_, Translator
from atlas.shapes import Lookup, Points, Shapes

STATIC = "/app/static/vendor"
LOCAL_JS = [("leaflet", f"{STATIC}/leaflet/leaflet.js"), ("jquery", f"{STATIC}/jquery/jquery.min.js")]
LOCAL_CSS = [("leaflet_css", f"{STATIC}/leaflet/leaflet.css")]

# ColorBrewer YlGnBu, 5 classes (colour-blind safe, sequential); grey = in no organisation we hold.
PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA = "#d9d9d9"
BREAKS = (1, 5, 10, 20)  # class i holds counts from BREAKS[i-1] up to BREAKS[i] - 1
SEAT_COLOUR = "#d95f02"
SEAT_STYLE = {"radius": 5, "color": "#ffffff", "weight": 1, "fill": True, "fillColor": SEAT_COLOUR,
              "fillOpacity": 1}


def class_of(n_channels: int, n_rigos: int) -> int:
    """-1 for a country in no organisation, else 0..len(PALETTE)-1."""
    if n_rigos == 0:
        return -1
    return sum(n_channels >= b for b in BREAKS)


def legend_rows(t: Translator) -> list[tuple[str, str]]:
    """(colour, label) pairs, labels stating the numbers."""
    bounds = (0, *BREAKS)
    rows = [(NO_DATA, t("Not in any organisation we cover"))]
    for i, colour in enumerate(PALETTE):
        low = bounds[i]
        high = bounds[i + 1] - 1 if i + 1 < len(bounds) else None
        if high == low:
            label = t.n("{count} channel open to national CSOs",
                        "{count} channels open to national CSOs", low)
        elif high is not None:
            label = t("{low}–{high} channels open to national CSOs", low=low, high=high)
        else:
            label = t("{low} or more channels open to national CSOs", low=low)
        rows.append((colour, label))
    return rows


def _swatch(colour: str, round_: bool = False) -> str:
    radius = "border-radius:50%;" if round_ else ""
    return (f"<span style='display:inline-block;width:14px;height:14px;background:{colour};"
            f"border:1px solid #666;vertical-align:middle;{radius}'></span>")


def legend_html(t: Translator) -> str:
    """The map legend as HTML built only from catalogue texts (no data text)."""
    items = [*((_swatch(c), label) for c, label in legend_rows(t)),
             (_swatch(SEAT_COLOUR, round_=True), t("seat of an organisation"))]
    return " ".join(f"<span style='display:inline-block;margin:0 14px 4px 0'>{s} {for_html(text)}"
                    "</span>" for s, text in items)


# In the map's frame, once the map is made (streamlit-folium runs only the map's script, so this
# is a map element, not a <script> of the page):
# - the frame gets a title that says what the map shows (a screen reader announced
#   "streamlit_folium.st_folium"), and so do the frame's document and the map itself;
# - shapes and markers leave the Tab order (261 countries were 261 Tab stops) and the screen
#   reader's tree: their figures are in the page's table, next to the map;
# - on a touch screen one finger scrolls the page (Leaflet's dragging trapped it); two fingers
#   still pan and zoom the map.
class Access(MacroElement):
    _template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  var title = {{ this.title }};
  document.title = title;
  try { if (window.frameElement) { window.frameElement.setAttribute("title", title); } } catch (e) {}
  map.getContainer().setAttribute("aria-label", title);
  var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
  if (L.Browser.touch && (coarse || L.Browser.mobile)) { map.dragging.disable(); }
  function calm() {
    var items = document.querySelectorAll(".leaflet-interactive, .leaflet-marker-icon");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("tabindex") !== "-1") {
        items[i].setAttribute("tabindex", "-1");
        items[i].setAttribute("aria-hidden", "true");
      }
    }
  }
  calm();
  new MutationObserver(calm).observe(map.getContainer(), {childList: true, subtree: true});
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, title: str) -> None:
        super().__init__()
        self._name = "Access"
        self.title = for_script(title)


def blank_map(height_zoom: int = 2, title: str = "Map", **options) -> folium.Map:
    """An empty offline map (no tiles) whose frame is titled `title` (escaped here)."""
    fmap = folium.Map(location=[15, 10], zoom_start=height_zoom, min_zoom=1, tiles=None,
                      world_copy_jump=False, max_bounds=True, control_scale=False,
                      prefer_canvas=False, **options)
    fmap.default_js = LOCAL_JS
    fmap.default_css = LOCAL_CSS
    fmap.get_root().header.add_child(  # type: ignore[attr-defined]
        folium.Element("<style>.leaflet-container{background:#eef4f8;}</style>"))
    Access(title).add_to(fmap)
    return fmap


# The home map's geometry is a static file (written by `python -m etl build`, served by
# Streamlit's static file serving), fetched by the browser once and cached: the page itself
# carries no geometry. Colours and tooltip figures come from a small per-country lookup that is
# sent through `st_folium(feature_group_to_add=...)`, so changing the date restyles the mounted
# map instead of remounting it and re-sending everything.
WORLD_SHAPES_URL = "/app/static/data/countries.geojson"
TOOLTIP_ALIASES = (N_("Country"), N_("Regional organisations"), N_("Channels open to national CSOs"))
BORDER = {"color": "#6b6b6b", "weight": 0.4, "fillOpacity": 0.9}
HIGHLIGHT = {"weight": 2, "color": "#000000"}
WORLD_VIEW = [[-56.0, -180.0], [78.0, 180.0]]  # south-west, north-east: every inhabited land


# How the home map colours and labels a country from its lookup row [colour class, name,
# organisations, channel count] (or [-1, name] for a country in none). Constants only, no data;
# C is the dict of constants passed along with them.
_HOME_STYLE_JS = """function (row) {
  var klass = row && row.length > 1 ? row[0] : -1;
  return L.extend({fillColor: klass < 0 ? C.noData : C.palette[klass]}, C.border);
}"""
_HOME_TOOLTIP_JS = """function (row, iso3) {
  row = row || [-1, iso3];
  if (row.length < 4) { row = [-1, row[1], C.none, "0"]; }
  var aliases = C.aliases, html = "<table dir='" + C.dir + "'>";
  for (var i = 0; i < aliases.length; i++) {
    html += "<tr><th style='text-align:start;padding-inline-end:8px'>" + aliases[i] + "</th><td>"
      + row[i + 1] + "</td></tr>";
  }
  return html + "</table>";
}"""


def _home_constants(t: Translator) -> dict:
    return {"noData": NO_DATA, "palette": list(PALETTE), "border": BORDER, "dir": t.direction,
            "aliases": [for_html(t(a)) for a in TOOLTIP_ALIASES],
            "none": for_html(t("none in our data"))}


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


def world_map(rigos: pd.DataFrame, t: Translator, shapes_url: str = WORLD_SHAPES_URL
              ) -> folium.Map:
    """The base of the home map: shapes from a static file and the seats. Same for every date.

    The view fits the whole inhabited world to the frame's width (fractional zoom), so countries
    by the antimeridian (Fiji, Samoa, Tonga…) are on screen without panning."""
    fmap = blank_map(zoom_snap=0.25, title=t(
        "World map: countries coloured by the number of channels open to national CSOs. The same "
        "figures are in the table below the map."))
    fmap.fit_bounds(WORLD_VIEW)
    fmap.default_js = LOCAL_JS[:1]  # Leaflet only: nothing on this map uses jQuery
    Shapes(shapes_url, _HOME_STYLE_JS, _HOME_TOOLTIP_JS, HIGHLIGHT, _home_constants(t)).add_to(fmap)
    seat_markers(rigos, t).add_to(fmap)
    return fmap


def channel_count_layer(counts: pd.DataFrame) -> folium.FeatureGroup:
    """What changes with the date: colours and tooltip figures, for `feature_group_to_add`."""
    group = folium.FeatureGroup(name="Channels by country", control=False)
    Lookup(country_lookup(counts)).add_to(group)
    return group


def seat_markers(rigos: pd.DataFrame, t: Translator) -> Points:
    """The seats of the organisations, tooltips escaped."""
    seat = for_html(t("Seat:"))
    return Points([
        [float(row.hq_lat), float(row.hq_lon),
         f"<div dir='auto'><b>{for_html(row.acronym)}</b> · {for_html(row.name)}<br>{seat} "
         f"{for_html(row.hq_city)}</div>"]
        for row in rigos.itertuples()
    ], SEAT_STYLE)


def choropleth_by_channel_count(counts: pd.DataFrame, rigos: pd.DataFrame, t: Translator
                                ) -> tuple[folium.Map, folium.FeatureGroup]:
    """World map: countries by channels open to national CSOs, RIGO seats as markers.

    Returns the base map (identical for every date) and the per-date layer; draw them with
    `st_folium(base, feature_group_to_add=layer)`.
    """
    return world_map(rigos, t), channel_count_layer(counts)


# Okabe–Ito (colour-blind safe, categorical): one colour per membership status, used everywhere.
OUTSIDE = "#f4f4f4"  # countries outside the footprint
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


_FOOTPRINT_STYLE_JS = """function (row) {
  return row && row[0] ? {fillColor: row[0], color: "#444444", weight: 0.6, fillOpacity: 0.85}
                       : {fillColor: C.outside, color: "#b0b0b0", weight: 0.4, fillOpacity: 1};
}"""
_FOOTPRINT_TOOLTIP_JS = """function (row, iso3) {
  row = row || ["", iso3];
  return "<div dir='auto'><b>" + row[1] + "</b>" + (row[2] ? "<br>" + row[2] : "") + "</div>";
}"""


def footprint_base(title: str = "Map", shapes_url: str = WORLD_SHAPES_URL) -> folium.Map:
    """The base of every footprint map: world shapes from the static file, no geometry inline.
    The same for every country, organisation and date, so the map stays mounted."""
    fmap = blank_map(zoom_snap=0.25, title=title)  # fractional zoom: the fit fills the frame
    fmap.default_js = LOCAL_JS[:1]
    Shapes(shapes_url, _FOOTPRINT_STYLE_JS, _FOOTPRINT_TOOLTIP_JS, HIGHLIGHT,
           {"outside": OUTSIDE}).add_to(fmap)
    return fmap


def footprint_lookup(names: dict[str, str], categories: dict[str, str],
                     labels: dict[str, str]) -> dict[str, list]:
    """iso3 -> [colour, name, label] for the countries in `categories`, ["", name] for the rest;
    every text escaped."""
    return {iso3: ([STATUS_COLOURS.get(categories[iso3], "#999999"), for_html(name),
                    for_html(labels.get(iso3, ""))] if iso3 in categories else ["", for_html(name)])
            for iso3, name in names.items()}


def footprint_layer(names: dict[str, str], categories: dict[str, str],
                    labels: dict[str, str]) -> folium.FeatureGroup:
    """What changes per view: colours, tooltips, and the view fitted to the coloured countries."""
    group = folium.FeatureGroup(name="Footprint", control=False)
    Lookup(footprint_lookup(names, categories, labels), fit=True).add_to(group)
    return group


FOOTPRINT_WORDS = {"this country": N_("this country"),
                   "shares an organisation": N_("shares an organisation")}


def status_word(t: Translator, category: str) -> str:
    """A footprint category (a membership status, this country, shares an organisation) in words."""
    known = FOOTPRINT_WORDS.get(category)
    return t(known) if known else glossary.label(t, "status", category)


def status_legend_html(t: Translator, statuses: list[str]) -> str:
    """Legend for footprint maps, built from catalogue texts only."""
    return " ".join(f"<span style='display:inline-block;margin:0 14px 4px 0'>"
                    f"{_swatch(STATUS_COLOURS[s])} {for_html(status_word(t, s))}</span>"
                    for s in statuses if s in STATUS_COLOURS)
