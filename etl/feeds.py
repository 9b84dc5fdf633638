"""Atom feeds of the change log (all changes, per country, per organisation) for static/.

Deterministic: no build time anywhere. A feed's `updated` is its newest entry's date, an entry's
`updated` is the change's date, ids are tag URIs built from the stable change ids, and entries
come newest first (ties by change id). Links point to the app's pages: root-relative by default
(a feed reader resolves them against the feed's own address), or absolute under
$ATLAS_PUBLIC_URL when the build is given one.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
from feedgen.feed import FeedGenerator

from etl import publish

FOLDER = Path("feeds")  # under static/data: served as /app/static/data/feeds/…
FEED_PATH = "/app/static/data/feeds"
TAG = "tag:engagement-atlas,2026:"
LIMIT = 100  # entries per feed, the newest
REACHING = ("member", "suspended", "associate")  # as the calendars: whose channels a country uses
PUBLIC_URL_VARIABLE = "ATLAS_PUBLIC_URL"


def base_url() -> str:
    """The app's public address for feed links ('' = root-relative links)."""
    return os.environ.get(PUBLIC_URL_VARIABLE, "").strip().rstrip("/")


def page_url(page: str, params: dict[str, str], base: str = "") -> str:
    return f"{base}/{page}" + (f"?{urlencode(params)}" if params else "")


def record_url(change, base: str = "") -> str:
    """The page of the changed record: the country for a membership, the organisation for a
    channel or another record of it, else the Data page searching the record."""
    if change.table == "memberships" and change.iso3:
        return page_url("country", {"iso3": change.iso3}, base)
    if change.rigo_id:
        return page_url("rigo", {"id": change.rigo_id}, base)
    return page_url("data", {"table": change.table, "q": change.record_id}, base)


def _when(day: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.UTC)


def newest(changes: pd.DataFrame, limit: int = LIMIT) -> pd.DataFrame:
    """The newest `limit` changes, newest first (ties by change id, for stable bytes)."""
    return changes.sort_values(["date", "change_id"], ascending=[False, True]).head(limit)


def _source_urls(ids: str, sources: pd.Series) -> list[str]:
    return [sources[s] for s in ids.split(";") if s in sources.index and sources[s].startswith("http")]


def feed(name: str, slug: str, changes: pd.DataFrame, sources: pd.Series, page: str,
         base: str = "") -> bytes:
    """One Atom document; `slug` names it in ids and in its own address (e.g. 'country/KEN')."""
    shown = newest(changes)
    fg = FeedGenerator()
    fg.id(f"{TAG}changes/{slug}")
    fg.title(name)
    fg.author({"name": "Engagement Atlas"})
    fg.link(href=f"{base}{FEED_PATH}/{slug}.atom", rel="self", type="application/atom+xml")
    fg.link(href=page, rel="alternate", type="text/html")
    fg.language("en")
    fg.generator("Engagement Atlas ETL")
    fg.updated(_when(shown.date.iloc[0]))
    for change in shown.itertuples(index=False):
        entry = fg.add_entry(order="append")
        entry.id(f"{TAG}change/{change.change_id}")
        entry.title(change.summary)
        entry.updated(_when(change.date))
        entry.link(href=record_url(change, base), rel="alternate", type="text/html")
        entry.category(term=change.kind)
        urls = _source_urls(change.source_ids, sources)
        entry.summary(change.summary + "".join(f"\nSource: {u}" for u in urls))
    return fg.atom_str(pretty=True)


def country_changes(changes: pd.DataFrame, memberships: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """A country's changes: its own memberships, and the other changes (channels…) of the
    organisations it belongs to in its latest period on record."""
    current = memberships[(memberships.iso3 == iso3) & (memberships.end_date == "")
                          & memberships.status.isin(REACHING)]
    theirs = (changes.iso3 == "") & changes.rigo_id.isin(set(current.rigo_id))
    return changes[(changes.iso3 == iso3) | theirs]


def files(tables: dict[str, pd.DataFrame], base: str | None = None) -> dict[str, bytes]:
    """Relative path -> Atom bytes: all.atom, rigo/<rigo_id>.atom, country/<ISO3>.atom (a feed is
    written only where there is at least one change)."""
    base = base_url() if base is None else base
    changes, sources = tables["changes"], tables["sources"].set_index("source_id").url
    out = {}
    if len(changes):
        out["all.atom"] = feed("Engagement Atlas: all changes", "all", changes, sources,
                               page_url("changes", {}, base), base)
    for rigo in tables["rigos"].itertuples():
        mine = changes[changes.rigo_id == rigo.rigo_id]
        if len(mine):
            out[f"rigo/{rigo.rigo_id}.atom"] = feed(
                f"Engagement Atlas: changes in {rigo.acronym}", f"rigo/{rigo.rigo_id}", mine,
                sources, page_url("changes", {"rigo": rigo.rigo_id}, base), base)
    names = tables["countries"].set_index("iso3").name
    for iso3 in sorted(set(tables["memberships"].iso3)):
        mine = country_changes(changes, tables["memberships"], iso3)
        if len(mine):
            out[f"country/{iso3}.atom"] = feed(
                f"Engagement Atlas: changes for {names.get(iso3, iso3)}", f"country/{iso3}", mine,
                sources, page_url("changes", {"iso3": iso3}, base), base)
    return out


def write_all(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Write every feed into a temporary folder, then swap it into `folder`."""
    publish.write_folder(files(tables), folder)
