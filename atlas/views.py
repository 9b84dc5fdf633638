"""Everything a profile page shows, computed at once from a few plain keys (no Streamlit).

A page asks `load` for the view of (country, date) or (organisation, date); `load` caches it by
those keys, so a rerun does no pandas work, hashes no frame and rebuilds no file: it only draws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from atlas import briefing, charts, eras, i18n, pathways, profiles, queries, suggesting, texts
from atlas.exports import Downloads, downloads
from atlas.i18n.data import with_text_language
from atlas.tables import Atlas

BANDS = (pathways.OPEN, pathways.CONDITIONAL, pathways.CLOSED)


@dataclass(frozen=True)
class CountryView:
    iso3: str
    name: str
    summary: str
    current: pd.DataFrame
    former: pd.DataFrame
    paths: pd.DataFrame
    cards: dict[str, list[texts.Card]]  # band -> cards, in the order of `paths`
    networks: pd.DataFrame
    categories: dict[str, str]
    labels: dict[str, str]
    cited: pd.DataFrame
    files: Downloads
    briefing: str


def band_cards(atlas: Atlas, paths: pd.DataFrame, came_from: str = "") -> dict[str, list[texts.Card]]:
    return {band: texts.cards(atlas, paths[paths.band == band], came_from) for band in BANDS}


def country(atlas: Atlas, iso3: str, day: dt.date) -> CountryView:
    """The country page: memberships, channels for a national CSO in bands, networks, map."""
    name = profiles.country_name(atlas, iso3)
    current = profiles.current_memberships(atlas, iso3, day)
    paths = pathways.pathways(atlas, iso3, day, pathways.Profile(kind="national"))
    summary = profiles.summary_sentence(current, int((paths.band == pathways.OPEN).sum()),
                                        int((paths.band == pathways.CONDITIONAL).sum()),
                                        i18n.of(atlas))
    existing = list(current[current.era == eras.EXISTS].rigo_id)  # the AU's links, not the OAU's
    nets = profiles.networks_for(atlas, iso3, existing)
    categories, labels = profiles.footprint_of_country(atlas, iso3, name, list(current.rigo_id), day)
    cited = queries.sources_for(atlas, current, paths, nets,
                                queries.networks_in_country(atlas, iso3))  # lists shown there
    table = paths.drop(columns=["theme_match"])
    return CountryView(
        iso3=iso3, name=name, summary=summary, current=current,
        former=profiles.former_memberships(atlas, iso3, day), paths=paths,
        cards=band_cards(atlas, paths, suggesting.page_came_from(i18n.of(atlas), "country", iso3=iso3)),
        networks=nets, categories=categories, labels=labels,
        cited=cited, files=downloads(with_text_language(atlas, table), cited, atlas.as_of),
        briefing=briefing.country_briefing(name, day.isoformat(), atlas.as_of, summary, current,
                                           paths, nets, cited, i18n.of(atlas)),
    )


@dataclass(frozen=True)
class PathwaysView:
    paths: pd.DataFrame
    counts: dict[str, int]
    cards: dict[str, list[texts.Card]]
    cited: pd.DataFrame
    files: Downloads


def pathway_finder(atlas: Atlas, iso3: str, day: dt.date, who: pathways.Profile) -> PathwaysView:
    """The pathway finder's result for one organisation profile."""
    paths = pathways.pathways(atlas, iso3, day, who)
    cited = queries.sources_for(atlas, paths)
    return PathwaysView(paths=paths, counts={b: int((paths.band == b).sum()) for b in BANDS},
                        cards=band_cards(atlas, paths, suggesting.page_came_from(
                            i18n.of(atlas), "pathways", iso3=iso3)), cited=cited,
                        files=downloads(with_text_language(atlas, paths.drop(columns=["theme_match"])),
                                        cited, atlas.as_of))


@dataclass(frozen=True)
class RigoView:
    rigo_id: str
    members: pd.DataFrame
    status_counts: dict[str, int]
    history: charts.ChartView
    channels: pd.DataFrame
    n_open: int
    cards: list[texts.Card]
    networks: pd.DataFrame
    cited: pd.DataFrame


def rigo(atlas: Atlas, rigo_id: str, day: dt.date, today: dt.date) -> RigoView:
    """The organisation page: who belongs at `day`, its history, its channels and networks."""
    t = i18n.of(atlas)
    members = profiles.rigo_members(atlas, rigo_id, day)
    periods = profiles.history(atlas, rigo_id, today)
    acronym = atlas.rigos.set_index("rigo_id").at[rigo_id, "acronym"]
    channels = atlas.channels[atlas.channels.rigo_id == rigo_id]
    nets = profiles.networks_for(atlas, "", [rigo_id])
    return RigoView(
        rigo_id=rigo_id, members=members,
        status_counts={str(s): int(n) for s, n in members.status.value_counts().items()},
        history=charts.view(charts.membership_timeline(
            periods, t("Status periods in {acronym} since 1990", acronym=acronym),
            i18n.of(atlas)),
                            periods, queries.sources_for(atlas, members), atlas.as_of, i18n.of(atlas)),
        channels=channels, n_open=int(queries.open_to_national(channels).sum()),
        cards=texts.cards(atlas, channels, suggesting.page_came_from(i18n.of(atlas), "rigo", id=rigo_id)),
        networks=nets,
        cited=queries.sources_for(atlas, atlas.rigos[atlas.rigos.rigo_id == rigo_id], members,
                                  channels, nets),
    )
