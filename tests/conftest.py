"""Shared fixtures: a tiny built dataset, the real published data, and Chromium settings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Test servers never start writing the light pages in the background (`make test` writes them
# first; a stale copy would otherwise be rewritten by every server the suite starts).
os.environ.setdefault("ATLAS_LIGHT_BACKGROUND", "0")

from atlas.tables import PROCESSED, read_atlas
from etl.build import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MIN_RAW = FIXTURES / "raw_min"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def min_processed(tmp_path_factory) -> Path:
    """The tiny made-up dataset, built once per test session."""
    out = tmp_path_factory.mktemp("min") / "processed"
    build(MIN_RAW, out)
    return out


@pytest.fixture(scope="session")
def min_atlas(min_processed):
    return read_atlas(min_processed)


@pytest.fixture(scope="session")
def real_atlas():
    return read_atlas(PROCESSED)


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of the tiny raw dataset (boundaries linked, not copied)."""
    raw = tmp_path / "raw"
    shutil.copytree(MIN_RAW, raw, symlinks=True)
    link = raw / "boundaries" / "world-atlas-50m.topojson"
    link.unlink()
    link.symlink_to(ROOT / "data" / "raw" / "boundaries" / "world-atlas-50m.topojson")
    return raw


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium when present (Playwright cannot download a browser here)."""
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if os.path.exists(CHROMIUM):
        args["executable_path"] = CHROMIUM
    return args
