"""Engagement windows and cases: the published tables keep issue 16's contract, and every
iCalendar file the ETL writes parses back with the dates and stable UIDs of its windows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from etl import calendars, catalog
from etl.build import STATIC_DATA, build
from etl.checks import is_iso3

CALENDARS = STATIC_DATA / calendars.FOLDER
ICS_FILES = sorted(CALENDARS.rglob("*.ics"))
TODAY = dt.date.today().isoformat()


def _events(path: Path) -> list:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _expected_events(windows) -> dict[str, tuple[dt.date, dt.date]]:
    """UID -> (start, exclusive end) for every full date a window records, held or announced."""
    found = {}
    for w in windows.itertuples():
        spans = [s.partition("/") for s in w.held_dates]
        spans += [(w.next_start, "/", w.next_end)] if w.next_start else []
        for start, _, end in spans:
            if len(start) == 10:
                last = end if len(end) == 10 else start
                found[f"{w.window_id}/{start}@engagement-atlas"] = (
                    dt.date.fromisoformat(start),
                    dt.date.fromisoformat(last) + dt.timedelta(days=1))
    return found


# --- the published tables ------------------------------------------------------------------

def test_coverage_meets_issue_16(real_atlas):
    windows, cases = real_atlas.engagement_windows, real_atlas.cases
    assert len(windows) >= 40 and windows.rigo_id.nunique() >= 15
    assert len(cases) >= 40
    regions = real_atlas.rigos.set_index("rigo_id").region
    assert cases.rigo_id.map(regions).nunique() >= 4


# Windows per organisation that the curated data must keep (a drop means a lost record).
MIN_WINDOWS = {"au": 6, "oas": 7, "coe": 4, "osce": 2, "pif": 2, "asean": 1, "eu": 2, "sadc": 1,
               "ecowas": 1, "las": 1, "oic": 1, "mercosur": 1, "segib": 1}
MIN_CASES = {"au": 5, "oas": 5, "ecowas": 2, "eu": 2, "osce": 2, "asean": 2, "pif": 3, "las": 2}


@pytest.mark.parametrize(("table", "minimum"), [("engagement_windows", MIN_WINDOWS),
                                                ("cases", MIN_CASES)])
def test_counts_per_organisation(real_atlas, table, minimum):
    counts = getattr(real_atlas, table).rigo_id.value_counts()
    short = {r: int(counts.get(r, 0)) for r, n in minimum.items() if counts.get(r, 0) < n}
    assert not short, short


@pytest.mark.parametrize("table", ["engagement_windows", "cases"])
def test_every_row_is_cited_and_references_resolve(real_atlas, table):
    df = getattr(real_atlas, table)
    assert df.source_ids.map(len).min() >= 1
    assert {s for ids in df.source_ids for s in ids} <= set(real_atlas.sources.source_id)
    assert (df.last_verified != "").all() and (df.last_verified <= TODAY).all()
    assert set(df.rigo_id) <= set(real_atlas.rigos.rigo_id)
    linked = df[df.channel_id != ""]
    owner = real_atlas.channels.set_index("channel_id").rigo_id
    assert (linked.channel_id.map(owner) == linked.rigo_id).all()
    assert set(df.themes.explode().dropna()) <= set(catalog.THEMES)


def test_case_references_and_dates(real_atlas):
    cases = real_atlas.cases
    assert all(is_iso3(c) for codes in cases.countries for c in codes)
    assert {n for ids in cases.network_ids for n in ids} <= set(real_atlas.networks.network_id)
    assert set(cases.outcome_category) <= set(catalog.OUTCOMES)
    assert (cases.date_from <= TODAY).all()
    assert (cases.date_to <= TODAY).all()


def test_window_dates_are_possible_and_never_invented(real_atlas):
    w = real_atlas.engagement_windows
    assert set(w.recurrence_kind) <= set(catalog.RECURRENCE_KINDS)
    assert all(d.partition("/")[0] <= TODAY for held in w.held_dates for d in held)
    announced = w[w.next_start != ""]
    assert (w.date_status == w.next_start.map(lambda s: "announced" if s else "not_yet_announced")).all()
    assert (announced.next_start > announced.last_held_start).all()


def test_every_seed_channel_with_a_cycle_has_a_window(real_atlas):
    cyclic = {"oas-ga-dialogue", "oas-summits-civil-society", "pif-cso-regional-security-dialogue",
              "asean-acsc-apf-interface", "osce-human-dimension-conference", "eu-csdn"}
    assert cyclic <= set(real_atlas.engagement_windows.channel_id)


def test_seed_episodes_are_cases(real_atlas):
    ids = set(real_atlas.cases.case_id)
    assert {"kenya-2008-civil-society-and-au-panel", "ecowas-wanep-ecowarn-2003",
            "pif-gppac-2005-to-dialogue-2009", "latin-america-mutual-indifference",
            "gambia-2016-post-election-impasse"} <= ids


# --- the iCalendar files -------------------------------------------------------------------

def test_a_calendar_for_all_for_each_organisation_and_member_country(real_atlas):
    names = {str(p.relative_to(CALENDARS)) for p in ICS_FILES}
    assert "all.ics" in names
    assert {f"rigo/{r}.ics" for r in real_atlas.rigos.rigo_id} <= names
    assert {"country/KEN.ics", "country/FRA.ics", "country/FJI.ics"} <= names


@pytest.mark.parametrize("path", ICS_FILES, ids=lambda p: str(p.relative_to(CALENDARS)))
def test_every_ics_file_parses_with_unique_uids(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_all_ics_holds_exactly_the_dated_windows(real_atlas):
    expected = _expected_events(real_atlas.engagement_windows)
    events = {str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND")) for e in _events(
        CALENDARS / "all.ics")}
    assert events == expected
    undated = real_atlas.engagement_windows[real_atlas.engagement_windows.held_dates.map(len) == 0]
    assert not any(uid.split("/")[0] in set(undated.window_id) for uid in events)


def test_country_calendar_holds_its_organisations_windows(real_atlas):
    events = {str(e["UID"]).split("/")[0] for e in _events(CALENDARS / "country" / "KEN.ics")}
    rigos = set(real_atlas.engagement_windows.set_index("window_id").loc[list(events)].rigo_id)
    assert rigos <= {"au", "eac", "igad", "comesa"} and "au" in rigos


# --- the tiny fixture: announced dates, past dates, and none invented -------------------------

def test_fixture_calendars_mark_past_and_announced_dates(raw_copy, tmp_path):
    build(raw_copy, tmp_path / "out", tmp_path / "static")
    folder = tmp_path / "static" / calendars.FOLDER
    events = {str(e["UID"]): e for e in _events(folder / "all.ics")}
    assert set(events) == {"alpha-forum-annual/2024-06-10@engagement-atlas",
                           "alpha-forum-annual/2027-06-14@engagement-atlas"}
    past, announced = (events[f"alpha-forum-annual/{d}@engagement-atlas"]
                       for d in ("2024-06-10", "2027-06-14"))
    assert past.decoded("DTEND") == dt.date(2024, 6, 12) and "past" in str(past["SUMMARY"])
    assert announced.decoded("DTSTART") == dt.date(2027, 6, 14)
    assert str(announced["LOCATION"]) == "Kampala"
    assert _events(folder / "rigo" / "beta.ics") == []  # an undated window gives no event
    assert _events(folder / "country" / "HND.ics") == []
    assert len(_events(folder / "country" / "KEN.ics")) == 2


def test_rebuilding_gives_identical_calendars(raw_copy, tmp_path):
    for name in ("a", "b"):
        build(raw_copy, tmp_path / name / "out", tmp_path / name / "static")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a" / "static").rglob("*.ics"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
                         for f in files)
