"""Read data/raw, validate, run the steps, and publish data/processed only when all is valid."""

from __future__ import annotations

import importlib.resources
import shutil
import stat
import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from etl import calendars, changes, checks, events, feeds, publish, translations
from etl.curated import Curated
from etl.problems import BuildError, Problem
from etl.readers import parse_file
from etl.steps import countries, records
from etl.steps import events as event_steps

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"
# The home map's shapes, served by Streamlit as /app/static/data/countries.geojson.
STATIC_DATA = ROOT / "static" / "data"
BOUNDARIES = Path("boundaries") / "world-atlas-50m.topojson"

RECORD_STEPS = {
    "sources": records.sources,
    "rigos": records.rigos,
    "memberships": records.memberships,
    "channels": records.channels,
    "networks": records.networks,
    "network_links": records.network_links,
    "recommendations": records.recommendations,
    "questions": records.questions,
    "translations": translations.table,
    "engagement_windows": event_steps.windows,
    "cases": event_steps.cases,
    "network_countries": records.network_countries,
    "context": records.context,
    "corrections": records.corrections,
}


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _unusable(path: Path, raw: Path) -> str | None:
    """Why a *.yaml entry cannot be read as a curated file, or None if it can."""
    if path.suffix != ".yaml":
        return f"curated files end in '.yaml' (this one ends in '{path.suffix}', so it would be ignored)"
    if path.is_symlink() and not path.resolve().is_relative_to(raw.resolve()):
        return "a link to a file outside data/raw"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    if stat.S_ISDIR(mode):
        return "a folder named like a .yaml file"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, a pipe or a socket)"
    return None


def read_curated(raw: Path) -> tuple[Curated, dict[str, Path]]:
    """Every YAML file under raw/, validated; raises BuildError listing every problem."""
    entries = sorted(p for p in raw.rglob("*") if p.suffix.lower() in (".yaml", ".yml"))
    problems = [Problem(_shown(p), "-", "-", why) for p in entries if (why := _unusable(p, raw))]
    files = [p for p in entries if _unusable(p, raw) is None]
    if not files and not problems:
        raise BuildError([Problem(_shown(raw), "-", "-", "no .yaml files found")])
    data = Curated()
    for path in files:
        try:
            parsed, found = parse_file(path, _shown(path))
        except Exception as exc:  # a crash (deep nesting, a huge number) still names its file
            parsed, found = None, [Problem(_shown(path), "-", "-",
                                           f"unreadable: {type(exc).__name__}: {str(exc)[:200]}")]
        problems += found
        if parsed is not None:
            data.add(_shown(path), parsed)
    problems += checks.run_checks(data) if not problems else []
    if problems:
        raise BuildError(problems)
    return data, {str(p.relative_to(raw)): p for p in files}


def country_reference() -> pd.DataFrame:
    """ISO3 codes with short names and UN M49 regions, as shipped by country_converter."""
    path = importlib.resources.files("country_converter") / "country_data.tsv"
    # keep_default_na=False keeps Namibia's ISO2 code 'NA' from becoming a missing value.
    return pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)


def read_world(raw: Path) -> gpd.GeoDataFrame:
    path = raw / BOUNDARIES
    if not path.is_file():
        raise BuildError([Problem(_shown(path), "-", "-", "boundary file is missing")])
    if path.read_bytes()[:40].startswith(b"version https://git-lfs"):
        raise BuildError([Problem(_shown(path), "-", "-", "a Git LFS pointer, not the boundaries: "
                                  "run `git lfs pull`")])
    try:
        return gpd.read_file(path, layer="countries")
    except Exception as exc:  # noqa: BLE001 - any reader failure is a problem with this file
        raise BuildError([Problem(_shown(path), "-", "-", f"unreadable boundaries: "
                                  f"{type(exc).__name__}: {str(exc)[:200]}")]) from None


def compile_tables(data: Curated, world: gpd.GeoDataFrame) -> tuple[dict, gpd.GeoDataFrame]:
    tables = {name: step(data) for name, step in RECORD_STEPS.items()}
    tables["countries"], geo = countries.build(world, country_reference())
    tables["changes"] = changes.table(tables)  # derived from the tables above
    return tables, geo


def compiled(raw: Path = RAW, warn=None) -> tuple[dict, gpd.GeoDataFrame, dict[str, Path]]:
    """Read and validate raw/ and compile every table: (tables, shapes, inputs), or BuildError.
    `warn` is called with each warning (stale translations, announced dates that have passed)."""
    data, inputs = read_curated(raw)
    for problem in [*translations.stale(data), *events.passed(data)] if warn else ():
        warn(problem)
    world = read_world(raw)
    inputs[str(BOUNDARIES)] = raw / BOUNDARIES
    tables, geo = compile_tables(data, world)
    misplaced = checks.seats_in_their_countries(data, geo)
    if misplaced:
        raise BuildError(misplaced)
    return tables, geo, inputs


def publish_compiled(result: tuple[dict, gpd.GeoDataFrame, dict[str, Path]], out: Path = PROCESSED,
                     static: Path | None = None) -> dict[str, int]:
    """Write a compiled build into a temporary folder, then swap it into `out` (and, with
    `static`, write the web copy of the shapes, the iCalendar files and the feeds there)."""
    tables, geo, inputs = result
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        publish.write_all(tables, geo, inputs, tmp)
        publish.replace_folder(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if static is not None:
        publish.write_web_geojson(geo, static)
        calendars.write_all(tables, static / calendars.FOLDER)
        feeds.write_all(tables, static / feeds.FOLDER)
    return {name: len(df) for name, df in tables.items()}


def build(raw: Path = RAW, out: Path = PROCESSED, static: Path | None = None,
          warn=None) -> dict[str, int]:
    """Build every table into a temporary folder, then swap it into `out`. Returns row counts.

    With `static`, also write the web copy of the shapes and the iCalendar files there (after `out`
    is in place). `warn` is called with each warning (stale translations, announced dates that
    have passed), which does not stop the build.
    """
    return publish_compiled(compiled(raw, warn), out, static)


def differences(committed: Path, rebuilt: Path) -> list[str]:
    """Names of files that differ between two output folders (missing on either side included)."""
    names = {p.name for p in committed.glob("*")} | {p.name for p in rebuilt.glob("*")}
    return sorted(
        n for n in names
        if not (committed / n).is_file() or not (rebuilt / n).is_file()
        or (committed / n).read_bytes() != (rebuilt / n).read_bytes()
    )
