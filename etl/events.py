"""Cross-record checks of engagement windows and cases: channels, networks, countries, sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from etl.curated import Curated, Located
from etl.problems import Problem

KINDS = ("engagement_windows", "cases")


def _problem(item: Located, field: str, message: str) -> Problem:
    return Problem(item.path, item.record_id, field, message)


def _channels(data: Curated, item: Located) -> Iterator[Problem]:
    """A linked channel exists and belongs to the record's own organisation."""
    owner = {c.channel_id: c.rigo_id for c in data.records("channels")}
    channel = item.record.channel_id
    if channel is None:
        return
    if channel not in owner:
        yield _problem(item, "channel_id", f"unknown channel_id '{channel}'")
    elif owner[channel] != item.record.rigo_id:
        yield _problem(item, "channel_id", f"channel '{channel}' belongs to '{owner[channel]}'")


def _dated_sources(data: Curated, item: Located) -> Iterator[Problem]:
    """The sources of each held and announced date resolve, like the record's own."""
    known = {s.source_id for s in data.records("sources")}
    dated = [("held", h) for h in item.record.held]
    dated += [("next", item.record.next)] if item.record.next else []
    for field, date in dated:
        for sid in date.source_ids:
            if sid not in known:
                yield _problem(item, f"{field}.source_ids", f"unknown source_id '{sid}'")


def _case_references(data: Curated, item: Located) -> Iterator[Problem]:
    from etl.checks import is_iso3

    networks = {n.network_id for n in data.records("networks")}
    for network in item.record.network_ids:
        if network not in networks:
            yield _problem(item, "network_ids", f"unknown network_id '{network}'")
    for code in item.record.countries:
        if not is_iso3(code):
            yield _problem(item, "countries", f"unknown ISO 3166-1 alpha-3 code '{code}'")


def problems(data: Curated) -> list[Problem]:
    found = []
    for item in data.located("engagement_windows"):
        found += [*_channels(data, item), *_dated_sources(data, item)]
    for item in data.located("cases"):
        found += [*_channels(data, item), *_case_references(data, item)]
    return found


def passed(data: Curated, today: dt.date | None = None) -> list[Problem]:
    """Warnings: an announced next date that has passed belongs in `held` now (with its source)."""
    today = today or dt.date.today()
    return [_problem(item, "next.start", f"{item.record.next.start} has passed: record it under "
                                         "'held' once a source confirms it took place")
            for item in data.located("engagement_windows")
            if item.record.next and (item.record.next.end or item.record.next.start) < today]
