"""Steps for the tables that are one row per curated record."""

from __future__ import annotations

import pandas as pd

from etl import catalog
from etl.curated import Curated
from etl.steps.tabulate import frame


def sources(data: Curated) -> pd.DataFrame:
    return frame(catalog.SOURCES, (s.model_dump() for s in data.records("sources")))


def _rigo_row(rigo) -> dict:
    """The nested predecessor and category days, as flat columns."""
    row = rigo.model_dump()
    before = rigo.predecessor
    return {**row, "predecessor": before.name if before else None,
            "predecessor_until": before.until if before else None,
            **{f"{status}_since": day for status, day in rigo.categories.items()}}


def rigos(data: Curated) -> pd.DataFrame:
    return frame(catalog.RIGOS, (_rigo_row(r) for r in data.records("rigos")))


def channels(data: Curated) -> pd.DataFrame:
    return frame(catalog.CHANNELS, (c.model_dump() for c in data.records("channels")))


def networks(data: Curated) -> pd.DataFrame:
    return frame(catalog.NETWORKS, (n.model_dump() for n in data.records("networks")))


def network_links(data: Curated) -> pd.DataFrame:
    return frame(catalog.NETWORK_LINKS, (n.model_dump() for n in data.records("network_links")))


def recommendations(data: Curated) -> pd.DataFrame:
    return frame(catalog.RECOMMENDATIONS, (r.model_dump() for r in data.records("recommendations")))


def memberships(data: Curated) -> pd.DataFrame:
    """One row per country and status period (a raw entry may list several countries)."""
    rows = (
        {**m.model_dump(), "iso3": code}
        for m in data.records("memberships")
        for code in m.countries
    )
    return frame(catalog.MEMBERSHIPS, rows)


def questions(data: Curated) -> pd.DataFrame:
    return frame(catalog.QUESTIONS, (q.model_dump() for q in data.records("questions")))


def network_countries(data: Curated) -> pd.DataFrame:
    """One row per network and country (a raw entry may list several countries)."""
    rows = (
        {**group.model_dump(), "network_id": n.network_id, "iso3": code}
        for n in data.records("networks")
        for group in n.countries
        for code in group.countries
    )
    return frame(catalog.NETWORK_COUNTRIES, rows)


def context(data: Curated) -> pd.DataFrame:
    return frame(catalog.CONTEXT, (x.model_dump() for x in data.records("context")))


def corrections(data: Curated) -> pd.DataFrame:
    return frame(catalog.CORRECTIONS, (x.model_dump() for x in data.records("corrections")))
