"""The published tables as typed pandas frames, read from data/processed without Streamlit."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import pandas as pd

from etl import catalog

PROCESSED = Path(__file__).resolve().parent.parent / "data" / "processed"
DATA_DIR_VARIABLE = "ATLAS_DATA_DIR"
T = TypeVar("T")


def data_dir() -> Path:
    """The folder the app reads: $ATLAS_DATA_DIR when set (e.g. the benchmarks' large synthetic
    dataset), else the published data/processed."""
    override = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    return Path(override).expanduser().resolve() if override else PROCESSED


@dataclass(frozen=True)
class Atlas:
    sources: pd.DataFrame
    rigos: pd.DataFrame
    memberships: pd.DataFrame
    channels: pd.DataFrame
    networks: pd.DataFrame
    network_links: pd.DataFrame
    recommendations: pd.DataFrame
    questions: pd.DataFrame
    countries: pd.DataFrame
    translations: pd.DataFrame
    engagement_windows: pd.DataFrame
    cases: pd.DataFrame
    network_countries: pd.DataFrame
    context: pd.DataFrame
    corrections: pd.DataFrame  # the log of reviewed changes (data/raw/corrections.yaml)
    changes: pd.DataFrame
    lang: str = "en"  # the language of the texts in these frames (see atlas.i18n.data)
    english: Atlas | None = None  # the English original, when this is a translation

    @cached_property  # the tables never change after loading; pages ask for this often
    def as_of(self) -> str:
        """The latest last_verified date of any record: the date the data speaks for."""
        dates = pd.concat([self.rigos.last_verified, self.memberships.last_verified,
                           self.channels.last_verified, self.networks.last_verified])
        dates = dates[dates != ""]
        return str(dates.max()) if len(dates) else ""

    def derived(self, name: str, build: Callable[[Atlas], T]) -> T:
        """`build(self)`, computed once per loaded dataset: the tables never change after loading,
        so lookups built from them (names, link lists) are shared by every rerun and session."""
        store = self.__dict__.setdefault("_derived", {})
        if name not in store:
            store[name] = build(self)
        return store[name]


def read_table(folder: Path, table: catalog.Table) -> pd.DataFrame:
    """All cells as text (empty = unknown), list columns split into tuples."""
    df = pd.read_csv(folder / table.filename, dtype=str, keep_default_na=False)
    for col in table.list_columns:
        df[col] = df[col].map(lambda s: tuple(s.split(catalog.LIST_SEPARATOR)) if s else ())
    return df


def read_atlas(folder: Path | None = None) -> Atlas:
    folder = data_dir() if folder is None else folder
    return Atlas(**{t.name: read_table(folder, t) for t in catalog.TABLES})  # type: ignore[arg-type]
