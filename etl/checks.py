"""Cross-record checks that a single record's schema cannot see: ids, references, codes, periods."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

import pycountry

from etl import history
from etl.curated import Curated, Located
from etl.problems import Problem

EXTRA_ISO3 = {"XKX": "Kosovo"}
UNIQUE_KEYS = {
    "sources": "source_id",
    "rigos": "rigo_id",
    "channels": "channel_id",
    "networks": "network_id",
    "recommendations": "rec_id",
    "questions": "question_id",
    "engagement_windows": "window_id",
    "cases": "case_id",
    "context": "context_id",
    "corrections": "correction_id",
}


@cache
def is_iso3(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


def _problem(item: Located, field: str, message: str, record_id: str | None = None) -> Problem:
    return Problem(item.path, record_id or item.record_id, field, message)


def unique_ids(data: Curated) -> list[Problem]:
    problems = []
    for kind, key in UNIQUE_KEYS.items():
        first: dict[str, Located] = {}
        for item in data.located(kind):
            value = getattr(item.record, key)
            if value in first:
                where = first[value].path
                problems.append(_problem(item, key, f"duplicate id '{value}' (first in {where})"))
            else:
                first[value] = item
    return problems


def _ids(data: Curated, kind: str) -> set[str]:
    return {getattr(r, UNIQUE_KEYS[kind]) for r in data.records(kind)}


def references(data: Curated) -> list[Problem]:
    sources, rigos, networks = _ids(data, "sources"), _ids(data, "rigos"), _ids(data, "networks")
    channel_rigo = {c.channel_id: c.rigo_id for c in data.records("channels")}
    targets = {"rigo_id": rigos, "network_id": networks, "parent_network_id": networks}
    problems = []
    for kind in data.kinds:
        for item in data.located(kind):
            for sid in getattr(item.record, "source_ids", []):
                if sid not in sources:
                    problems.append(_problem(item, "source_ids", f"unknown source_id '{sid}'"))
            for field, known in targets.items():
                value = getattr(item.record, field, None)
                if value is not None and kind != field.removesuffix("_id") + "s" and value not in known:
                    problems.append(_problem(item, field, f"unknown {field} '{value}'"))
    for item in data.located("networks"):  # each country list cites its own sources
        problems += [_problem(item, "countries", f"unknown source_id '{sid}'")
                     for group in item.record.countries for sid in group.source_ids
                     if sid not in sources]
    for item in data.located("network_links"):
        link = item.record
        if link.channel_id is None:
            continue
        owner = channel_rigo.get(link.channel_id)
        if owner is None:
            problems.append(_problem(item, "channel_id", f"unknown channel_id '{link.channel_id}'"))
        elif owner != link.rigo_id:
            problems.append(
                _problem(item, "channel_id", f"channel '{link.channel_id}' belongs to '{owner}'")
            )
    return problems


def country_codes(data: Curated) -> list[Problem]:
    problems = []
    for item in data.located("memberships"):
        for code in item.record.countries:
            if not is_iso3(code):
                problems.append(_problem(item, "iso3", f"unknown ISO 3166-1 alpha-3 code '{code}'"))
    for item in data.located("channels"):
        for code in item.record.limited_to_iso3:
            if not is_iso3(code):
                message = f"unknown ISO 3166-1 alpha-3 code '{code}'"
                problems.append(_problem(item, "limited_to_iso3", message))
    for item in data.located("networks"):
        for group in item.record.countries:
            problems += [_problem(item, "countries", f"unknown ISO 3166-1 alpha-3 code '{code}'")
                         for code in group.countries if not is_iso3(code)]
    for kind in ("rigos", "networks"):
        for item in data.located(kind):
            code = item.record.hq_iso3
            if code is not None and not is_iso3(code):
                problems.append(_problem(item, "hq_iso3", f"unknown ISO 3166-1 alpha-3 code '{code}'"))
    return problems


def _overlaps(a, b) -> bool:
    far_past, far_future = dt.date.min, dt.date.max
    return (a.start_date or far_past) < (b.end_date or far_future) and (
        b.start_date or far_past
    ) < (a.end_date or far_future)


def periods(data: Curated) -> list[Problem]:
    by_country: dict[tuple[str, str], list[Located]] = defaultdict(list)
    for item in data.located("memberships"):
        for code in item.record.countries:
            by_country[(item.record.rigo_id, code)].append(item)
    problems = []
    for (rigo, code), items in sorted(by_country.items()):
        for i, first in enumerate(items):
            for second in items[i + 1 :]:
                if _overlaps(first.record, second.record):
                    problems.append(
                        _problem(
                            second,
                            "start_date",
                            f"{code} has overlapping status periods in '{rigo}' "
                            f"(also {first.record.status} from {first.record.start_date} in {first.path})",
                            record_id=f"{rigo}/{code}",
                        )
                    )
    return problems


def context_references(data: Curated) -> list[Problem]:
    """A context note names organisations and networks of the atlas (the UN is none of them)."""
    known = {"rigo_ids": _ids(data, "rigos"), "network_ids": _ids(data, "networks")}
    return [_problem(item, field, f"unknown {field.removesuffix('s')} '{value}'")
            for item in data.located("context") for field, ids in known.items()
            for value in getattr(item.record, field) if value not in ids]


def network_countries_once(data: Curated) -> list[Problem]:
    """A network lists a country once: two dates for one country would make the table ambiguous."""
    problems = []
    for item in data.located("networks"):
        seen: set[str] = set()
        for group in item.record.countries:
            problems += [_problem(item, "countries", f"{code} is listed twice")
                         for code in group.countries if code in seen]
            seen.update(group.countries)
    return problems


def every_rigo_has_members(data: Curated) -> list[Problem]:
    with_members = {m.rigo_id for m in data.records("memberships")}
    return [
        _problem(item, "memberships", "this organisation has no membership rows")
        for item in data.located("rigos")
        if item.record.rigo_id not in with_members
    ]


def unique_links(data: Curated) -> list[Problem]:
    """The same network link twice would break the published table's key and double-count."""
    first: dict[tuple, str] = {}
    problems = []
    for item in data.located("network_links"):
        r = item.record
        key = (r.network_id, r.rigo_id, r.channel_id or "", r.relation)
        if key in first:
            problems.append(_problem(item, "relation", f"the link {'/'.join(key)} is listed twice "
                                                       f"(first in {first[key]})"))
        first.setdefault(key, item.path)
    return problems


def parent_cycles(data: Curated) -> list[Problem]:
    """A network may not be its own parent, directly or through others."""
    parents = {n.network_id: n.parent_network_id for n in data.records("networks")}
    problems = []
    for item in data.located("networks"):
        seen, current = [item.record.network_id], item.record.parent_network_id
        while current is not None and current in parents:
            if current in seen:
                problems.append(_problem(item, "parent_network_id", "parents form a loop: "
                                         + " → ".join([*seen, current])))
                break
            seen.append(current)
            current = parents[current]
    return problems


def limited_to_members(data: Curated) -> list[Problem]:
    """A channel limited to some countries names countries of its own organisation."""
    members: dict[str, set[str]] = defaultdict(set)
    for m in data.records("memberships"):
        members[m.rigo_id].update(m.countries)
    return [_problem(item, "limited_to_iso3", f"{code} was never in '{item.record.rigo_id}'")
            for item in data.located("channels") for code in item.record.limited_to_iso3
            if is_iso3(code) and code not in members[item.record.rigo_id]]


def possible_dates(data: Curated) -> list[Problem]:
    """No period that ends before its organisation was founded (start dates: etl.history)."""
    founded = {r.rigo_id: r.founded_year for r in data.records("rigos")}
    problems = []
    for item in data.located("memberships"):
        m = item.record
        year = founded.get(m.rigo_id)
        if m.end_date and year and m.end_date < dt.date(year, 1, 1):
            problems.append(_problem(item, "end_date", f"ends on {m.end_date}, before "
                                     f"'{m.rigo_id}' was founded ({year})",
                                     record_id=f"{m.rigo_id}/{m.countries[0]}"))
    return problems


SEAT_TOLERANCE = 1.5  # degrees: seaside seats sit off the simplified coastline, swapped ones far away


def seats_in_their_countries(data: Curated, shapes) -> list[Problem]:
    """A seat's point falls in, or near, the shape of its country (latitude and longitude swapped,
    or a wrong sign, puts it far away). Countries without a shape are not checked."""
    from shapely.geometry import Point

    by_code = dict(zip(shapes.iso3, shapes.geometry, strict=True))
    problems = []
    for kind in ("rigos", "networks"):
        for item in data.located(kind):
            r = item.record
            shape = by_code.get(r.hq_iso3) if r.hq_iso3 else None
            if shape is None or r.hq_lat is None or r.hq_lon is None:
                continue
            away = shape.distance(Point(r.hq_lon, r.hq_lat))
            if away > SEAT_TOLERANCE:
                problems.append(_problem(item, "hq_lat", f"({r.hq_lat}, {r.hq_lon}) is {away:.1f}° "
                                         f"from {r.hq_iso3}: latitude and longitude swapped?"))
    return problems


def corrected_records(data: Curated) -> list[Problem]:
    """A correction that changed or closed a record names one that exists (etl.record_ids)."""
    from etl import record_ids

    return [_problem(item, "record_id", f"no {item.record.table} record '{item.record.record_id}'")
            for item in data.located("corrections")
            if item.record.change != "added"
            and not record_ids.exists(data, item.record.table, item.record.record_id)]


def _translations(data: Curated) -> list[Problem]:
    from etl import translations

    return translations.problems(data)


def _events(data: Curated) -> list[Problem]:
    from etl import events

    return events.problems(data)


CHECKS = (unique_ids, references, country_codes, periods, every_rigo_has_members, unique_links,
          parent_cycles, limited_to_members, possible_dates, *history.CHECKS,
          context_references, network_countries_once, corrected_records, _translations, _events)


def run_checks(data: Curated) -> list[Problem]:
    return [problem for check in CHECKS for problem in check(data)]
