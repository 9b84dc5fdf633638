"""The build compiles the curated YAML into the contract's tables, deterministically and atomically."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from etl import catalog
from etl.__main__ import main
from etl.build import build, differences


def test_every_contract_table_is_written_with_its_columns(min_processed):
    for table in catalog.TABLES:
        df = pd.read_csv(min_processed / table.filename, dtype=str, keep_default_na=False)
        assert tuple(df.columns) == table.columns, table.name


def test_memberships_expand_one_row_per_country(min_processed):
    df = pd.read_csv(min_processed / "memberships.csv", dtype=str, keep_default_na=False)
    alpha = df[(df.rigo_id == "alpha") & (df.status == "member")]
    assert sorted(alpha.iso3) == ["KEN", "MLI", "UGA"]
    assert alpha.set_index("iso3").at["MLI", "end_date"] == "2025-01-29"


def test_lists_are_joined_with_semicolons(min_processed):
    df = pd.read_csv(min_processed / "channels.csv", dtype=str, keep_default_na=False)
    row = df.set_index("channel_id").loc["alpha-council"]
    assert row.policy_stages == "drafting;decision"
    assert row.min_member_funding_share == "0.5"


def test_rebuilding_unchanged_inputs_gives_identical_bytes(raw_copy, tmp_path):
    build(raw_copy, tmp_path / "a")
    build(raw_copy, tmp_path / "b")
    assert differences(tmp_path / "a", tmp_path / "b") == []


def test_manifest_hashes_inputs_and_outputs_without_timestamps(min_processed):
    manifest = json.loads((min_processed / "manifest.json").read_text())
    assert set(manifest) == {"inputs", "outputs"}
    assert "min.yaml" in manifest["inputs"]
    assert "channels.csv" in manifest["outputs"]


def test_datapackage_describes_every_table_with_licences(min_processed):
    package = json.loads((min_processed / "datapackage.json").read_text())
    names = {r["name"] for r in package["resources"]}
    assert {t.name for t in catalog.TABLES} <= names
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_check_fails_when_a_published_file_was_edited(raw_copy, tmp_path, capsys):
    out = tmp_path / "processed"
    assert main(["build", "--raw", str(raw_copy), "--out", str(out)]) == 0
    assert main(["check", "--raw", str(raw_copy), "--out", str(out)]) == 0
    (out / "rigos.csv").write_text("tampered\n")
    assert main(["check", "--raw", str(raw_copy), "--out", str(out)]) == 1
    assert "rigos.csv" in capsys.readouterr().out


@pytest.mark.parametrize("iso3", ["FJI", "RUS", "KIR", "TUV", "NRU", "MHL", "CPV", "SYC", "MLT",
                                  "SGP", "BHR", "KNA", "XKX", "ESH", "PSE", "SSD"])
def test_small_and_disputed_states_are_on_the_map(min_processed, iso3):
    geo = json.loads((min_processed / "countries.geojson").read_text())
    codes = {f["properties"]["iso3"] for f in geo["features"]}
    assert iso3 in codes


def test_no_shape_wraps_around_the_globe(min_processed):
    """A ring wider than 180 degrees is drawn by Leaflet as a band across the world."""
    from shapely.geometry import shape

    geo = json.loads((min_processed / "countries.geojson").read_text())
    for feature in geo["features"]:
        for part in getattr(shape(feature["geometry"]), "geoms", []):
            minx, _, maxx, _ = part.bounds
            assert maxx - minx <= 180, feature["properties"]["iso3"]


def test_cyprus_and_somalia_absorb_the_unrecognised_entities(min_processed):
    countries = pd.read_csv(min_processed / "countries.csv", dtype=str, keep_default_na=False)
    assert not countries.iso3.isin(["CYN", "SOL", "ATA"]).any()
    assert countries.set_index("iso3").at["KEN", "subregion"] == "Eastern Africa"
