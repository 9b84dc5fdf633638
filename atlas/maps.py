"""Pure folium builders (no Streamlit). Leaflet is served locally and there are no basemap tiles."""

from __future__ import annotations

import folium
import pandas as pd

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


def _feature_properties(geojson: dict, counts: pd.DataFrame) -> dict:
    by_iso = counts.set_index("iso3")
    features = []
    for feature in geojson["features"]:
        iso3 = feature["properties"]["iso3"]
        row = by_iso.loc[iso3] if iso3 in by_iso.index else None
        n_rigos = int(row.n_rigos) if row is not None else 0
        n_channels = int(row.n_channels) if row is not None else 0
        props = {
            "iso3": iso3,
            "name": for_html(feature["properties"]["name"]),
            "rigos": for_html(row.rigos if row is not None and row.rigos else "none in our data"),
            "channels": str(n_channels),
            "klass": class_of(n_channels, n_rigos),
        }
        features.append({"type": "Feature", "properties": props, "geometry": feature["geometry"]})
    return {"type": "FeatureCollection", "features": features}


def _style(feature: dict) -> dict:
    klass = feature["properties"]["klass"]
    return {
        "fillColor": NO_DATA if klass < 0 else PALETTE[klass],
        "color": "#6b6b6b",
        "weight": 0.4,
        "fillOpacity": 0.9,
    }


def seat_markers(rigos: pd.DataFrame) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Seats of the organisations")
    for row in rigos.itertuples():
        tip = f"<b>{for_html(row.acronym)}</b> · {for_html(row.name)}<br>Seat: {for_html(row.hq_city)}"
        folium.CircleMarker(
            location=[float(row.hq_lat), float(row.hq_lon)], radius=5, color="#ffffff", weight=1,
            fill=True, fill_color=SEAT_COLOUR, fill_opacity=1, tooltip=folium.Tooltip(tip),
        ).add_to(group)
    return group


def choropleth_by_channel_count(geojson: dict, counts: pd.DataFrame, rigos: pd.DataFrame) -> folium.Map:
    """World map: countries by channels open to national CSOs, RIGO seats as markers."""
    fmap = blank_map()
    folium.GeoJson(
        _feature_properties(geojson, counts),
        name="Countries",
        style_function=_style,
        highlight_function=lambda _: {"weight": 2, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "rigos", "channels"],
            aliases=["Country", "Regional organisations", "Channels open to national CSOs"],
            sticky=True,
        ),
    ).add_to(fmap)
    seat_markers(rigos).add_to(fmap)
    return fmap


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
