"""Hostile text stays inert in HTML, folium templates, Markdown and spreadsheets; hostile URLs are refused."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from atlas import escape, exports, i18n, links, maps

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`${document.cookie}`",
    "\\u003cscript\\u003e",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_for_html_leaves_no_tag_template_or_escape(payload):
    safe = escape.for_html(payload)
    assert "<" not in safe and ">" not in safe and "${" not in safe
    assert "`" not in safe and "\\" not in safe


def _home_map_html(counts: pd.DataFrame, rigos: pd.DataFrame) -> str:
    """The whole home map as the browser gets it: the base map and the per-date layer."""
    base, by_date = maps.choropleth_by_channel_count(counts, rigos, i18n.translator())
    by_date.add_to(base)
    return base.get_root().render()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_map_html_carries_payloads_only_escaped(min_atlas, payload):
    counts = pd.DataFrame([{"iso3": "KEN", "name": payload, "region": "Africa", "rigos": payload,
                            "n_rigos": 1, "n_channels": 2}])
    rigos = min_atlas.rigos.assign(name=payload, acronym=payload, hq_city=payload)
    html = _home_map_html(counts, rigos)
    assert html.count(escape.for_html(payload)) >= 2 + 3 * len(rigos)  # name, rigos, each seat
    for live in ("<img", "<script>alert", "${alert", "`${", "\\u003c"):
        assert live not in html


def test_map_loads_leaflet_and_shapes_from_the_app_and_no_tiles(min_atlas):
    counts = pd.DataFrame(columns=["iso3", "name", "region", "rigos", "n_rigos", "n_channels"])
    html = _home_map_html(counts, min_atlas.rigos)
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert '"/app/static/data/countries.geojson"' in html
    assert "cdn." not in html and "tile.openstreetmap" not in html
    assert '"type": "Feature"' not in html and '"coordinates"' not in html  # no inline geometry


def test_legend_states_the_numbers():
    labels = [label for _, label in maps.legend_rows(i18n.translator())]
    assert labels[1].startswith("0 channels") and labels[-1].startswith("20 or more")
    assert maps.class_of(0, 0) == -1 and maps.class_of(0, 2) == 0
    assert maps.class_of(20, 1) == 4 and maps.class_of(19, 1) == 3


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x"])
def test_spreadsheet_formulas_are_neutralised(value):
    df = pd.DataFrame({"text": [value], "n": [1]})
    assert escape.for_spreadsheet(df).at[0, "text"] == "'" + value
    book = pd.read_excel(io.BytesIO(exports.excel_bytes(df, df.iloc[0:0], "2026-01-01")), None)
    assert book["data"].at[0, "text"] == "'" + value


@pytest.mark.parametrize("value", ["-87.19", "+3", "12"])
def test_plain_numbers_are_not_mangled(value):
    assert escape.neutralise_formula(value) == value


HOSTILE_CITATIONS = [
    {"title": 'Report,=HYPERLINK("https://evil.example/x","Click")', "publisher": "ACME"},
    {"title": "Notes", "publisher": "+cmd|' /C calc'!A0, @SUM(1+1)"},
    {"title": "-2+3,=1+1", "publisher": "x,-cmd"},
]


@pytest.mark.parametrize("hostile", HOSTILE_CITATIONS)
def test_no_cell_of_a_csv_can_run_as_a_formula_citations_included(min_atlas, hostile):
    """The whole file as a spreadsheet reads it: rows, the blank line and the citation lines."""
    sources = min_atlas.sources.assign(**hostile)
    data = exports.csv_bytes(min_atlas.channels, sources, "2026-01-01").decode()
    cells = [cell for row in csv.reader(io.StringIO(data)) for cell in row]
    assert "HYPERLINK" in data or "cmd" in data or "=1+1" in data  # the text is kept
    assert [c for c in cells if c.lstrip().startswith(escape.FORMULA_STARTS)] == []
    footer = data.split("\n\n", 1)[1]
    assert all(len(row) == 1 and row[0].startswith("# ") for row in csv.reader(io.StringIO(footer)))


def test_the_real_country_csv_has_no_live_cell_anywhere(real_atlas):
    from atlas import views

    view = views.country(real_atlas, "KEN", TODAY)
    cells = [c for row in csv.reader(io.StringIO(view.files.csv.decode())) for c in row]
    assert len(cells) > 100
    assert [c for c in cells if c.lstrip().startswith(escape.FORMULA_STARTS)] == []


def test_csv_export_carries_its_citations(min_atlas):
    data = exports.csv_bytes(min_atlas.channels, min_atlas.sources, "2026-01-01").decode()
    assert "# Engagement Atlas, data as of 2026-01-01" in data
    assert "[test-source] Test source" in data
    assert "agenda_setting" in data  # list cells flattened, not tuple reprs


TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("raw", "expected", "complains"),
    [
        (None, TODAY, False),
        ("2024-06-01", dt.date(2024, 6, 1), False),
        (["2020-01-01", "2024-06-01"], dt.date(2024, 6, 1), False),
        ("2024-02-30", TODAY, True),
        ("2999-01-01", TODAY, True),
        ("1900-01-01", TODAY, True),
        ("yesterday", TODAY, True),
        ("<script>alert(1)</script>", TODAY, True),
        ("2024-06-01" * 50, TODAY, True),
        ("２０２４-０６-０１", TODAY, True),
    ],
)
def test_parse_date_refuses_what_it_cannot_use(raw, expected, complains):
    day, message = links.parse_date(raw, TODAY)
    assert day == expected
    assert (message is not None) == complains
    if message:
        text = message.text(i18n.translator())
        assert "<script>" not in text or len(text) < 200


def test_parse_choice_is_case_insensitive_and_bounded():
    assert links.parse_choice("ECOWAS", ["ecowas", "au"], None, "organisation") == ("ecowas", None)
    value, message = links.parse_choice("x" * 500, ["au"], "au", "organisation")
    assert value == "au" and message is not None and len(message.text(i18n.translator())) < 120


def test_page_link_keeps_state_and_drops_empty_values():
    assert links.page_link("country", {"iso3": "KEN", "date": None}) == "/country?iso3=KEN"


def test_an_over_long_list_is_cut_between_items_and_says_so():
    regions = ["Africa", "Americas", "Europe"]
    long_list = ",".join(["Africa", "Americas", "Europe"] * 60)  # 1,000+ characters
    picked, message = links.parse_list(long_list, regions, "region")
    assert picked == regions and message is not None
    text = message.text(i18n.translator())
    assert "too long" in text and "We don't know" not in text  # no half item reported as unknown
    assert links.parse_list("Africa,Mars", regions, "region")[1].text(
        i18n.translator()) == "We don't know the region 'Mars'."
