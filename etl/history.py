"""Checks that membership history is possible: after the founding, the state and the category."""

from __future__ import annotations

import datetime as dt

from etl.curated import Curated, Located
from etl.problems import Problem

BEFORE_2000 = dt.date(2000, 1, 1)

# States that came into being after 2000: no status before these days (and none "before 2000").
# SSD: independence on 9 July 2011 (the example the data contract's review gives).
# TLS: independence on 20 May 2002 (britannica.com/place/East-Timor-Year-In-Review-2002).
# MNE: parliament's declaration of 3 June 2006 (news.bbc.co.uk/2/hi/europe/5043462.stm).
# XKX: declaration of 17 February 2008 (European Parliament minutes of 18 February 2008,
#      europarl.europa.eu/doceo/document/PV-6-2008-02-18-ITM-002_IT.html).
# Serbia (SRB) is not listed: the data codes it as the continuing state of Serbia and Montenegro.
STATE_BEGINS = {
    "TLS": dt.date(2002, 5, 20),
    "MNE": dt.date(2006, 6, 3),
    "XKX": dt.date(2008, 2, 17),
    "SSD": dt.date(2011, 7, 9),
}


def _problem(item: Located, code: str, field: str, message: str) -> Problem:
    return Problem(item.path, f"{item.record.rigo_id}/{code}", field, message)


def _rigos(data: Curated) -> dict:
    return {r.rigo_id: r for r in data.records("rigos")}


def after_founding(data: Curated) -> list[Problem]:
    """A period starts in or after its organisation's founding year, unless the organisation
    names the predecessor the period began in."""
    rigos, problems = _rigos(data), []
    for item in data.located("memberships"):
        m, rigo = item.record, rigos.get(item.record.rigo_id)
        if rigo is None or rigo.predecessor is not None:
            continue
        code = m.countries[0]
        if m.start_date and m.start_date.year < rigo.founded_year:
            problems.append(_problem(item, code, "start_date", f"starts on {m.start_date}, before "
                                     f"'{m.rigo_id}' was founded ({rigo.founded_year}), and the "
                                     "organisation names no predecessor"))
        elif m.since_before_2000 and rigo.founded_year >= BEFORE_2000.year:
            problems.append(_problem(item, code, "since_before_2000", f"'{m.rigo_id}' was founded "
                                     f"in {rigo.founded_year} and names no predecessor: give the "
                                     "founding members the founding date"))
    return problems


def states_existed(data: Curated) -> list[Problem]:
    """No state holds a status before it existed (nor 'since before 2000' if it began later)."""
    problems = []
    for item in data.located("memberships"):
        m = item.record
        for code in m.countries:
            began = STATE_BEGINS.get(code)
            if began and (m.start_date is None or m.start_date < began):
                problems.append(_problem(item, code, "start_date",
                                         f"{code} did not exist before {began}"))
    return problems


def categories_existed(data: Curated) -> list[Problem]:
    """No observer or associate period before the organisation created that category."""
    rigos, problems = _rigos(data), []
    for item in data.located("memberships"):
        m, rigo = item.record, rigos.get(item.record.rigo_id)
        created = rigo.categories.get(m.status) if rigo else None
        if created and (m.start_date is None or m.start_date < created):
            problems.append(_problem(item, m.countries[0], "start_date", f"'{m.rigo_id}' created "
                                     f"its {m.status} category on {created}; this period starts "
                                     f"{m.start_date or 'before 2000'}"))
    return problems


def start_stated(data: Curated) -> list[Problem]:
    """An empty start_date says explicitly that the status held before 2000."""
    return [_problem(item, item.record.countries[0], "start_date", "no start_date: give the day "
                     "the status took effect, or since_before_2000: true if it held before 2000")
            for item in data.located("memberships")
            if item.record.start_date is None and not item.record.since_before_2000]


def predecessor_sources(data: Curated) -> list[Problem]:
    """A predecessor's sources resolve, and it gives way in or after the successor's founding year."""
    known = {s.source_id for s in data.records("sources")}
    problems = []
    for item in data.located("rigos"):
        before = item.record.predecessor
        if before is None:
            continue
        problems += [Problem(item.path, item.record_id, "predecessor",
                             f"unknown source_id '{sid}'")
                     for sid in before.source_ids if sid not in known]
        if before.until.year < item.record.founded_year:
            problems.append(Problem(item.path, item.record_id, "predecessor",
                                    f"until {before.until} is before the founding year "
                                    f"{item.record.founded_year}"))
    return problems


CHECKS = (after_founding, states_existed, categories_existed, start_stated, predecessor_sources)
