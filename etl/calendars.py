"""iCalendar files of the engagement windows (all, per organisation, per country) for static/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pandas as pd

from etl import publish

FOLDER = Path("calendar")  # under static/data: served as /app/static/data/calendar/…
PRODID = "-//Engagement Atlas//engagement windows//EN"
# A country's calendar holds the windows of the organisations whose channels its CSOs can use
# (the same statuses as the home map's count), as they stand in the latest period on record.
REACHING = ("member", "suspended", "associate")


def _day(text: str) -> dt.date | None:
    """A full YYYY-MM-DD date, or None for a month or a year: no event is made from those."""
    return dt.date.fromisoformat(text) if len(text) == 10 else None


def _urls(ids: list[str] | tuple[str, ...], sources: pd.DataFrame) -> list[str]:
    urls = sources.set_index("source_id").url
    return [urls[s] for s in ids if s in urls.index and urls[s].startswith("http")]


def _description(w: pd.Series, past: bool, urls: list[str]) -> str:
    lines = ["Held (past date, from the sources)." if past else "Date announced by the source."]
    lines += [w.what_happens, f"Who may take part: {w.who_may_take_part}",
              f"What to do: {w.cso_action}"]
    lines += [f"Lead time: {w.lead_time}"] if w.lead_time else []
    lines += [f"Recurrence: {w.recurrence}", *(f"Source: {u}" for u in urls)]
    return "\n".join(lines)


def _event(w: pd.Series, acronym: str, start: dt.date, end: dt.date | None, place: str,
           past: bool, urls: list[str]) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{w.window_id}/{start.isoformat()}@engagement-atlas")
    event.add("dtstamp", dt.datetime.combine(dt.date.fromisoformat(w.last_verified), dt.time(),
                                             tzinfo=dt.UTC))
    event.add("summary", f"{acronym}: {w.title}" + (" (past)" if past else ""))
    event.add("dtstart", start)
    event.add("dtend", (end or start) + dt.timedelta(days=1))  # all-day: DTEND is exclusive
    event.add("description", _description(w, past, urls))
    if place:
        event.add("location", place)
    event.add("categories", ["past" if past else "announced"])
    if urls:
        event.add("url", urls[0])
    return event


def _window_events(w: pd.Series, acronym: str, sources: pd.DataFrame) -> list[icalendar.Event]:
    """One event per full held date and one for the announced next date; none is invented."""
    urls = _urls(w.source_ids, sources)
    found = []
    for span in w.held_dates:
        start, _, end = span.partition("/")
        if day := _day(start):
            found.append(_event(w, acronym, day, _day(end) if end else None, "", True, urls))
    if w.next_start and (day := _day(w.next_start)):
        found.append(_event(w, acronym, day, _day(w.next_end) if w.next_end else None,
                            w.next_place, False, urls))
    return found


def calendar(name: str, windows: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    acronyms = tables["rigos"].set_index("rigo_id").acronym
    for _, w in windows.sort_values("window_id").iterrows():
        for event in _window_events(w, acronyms[w.rigo_id], tables["sources"]):
            cal.add_component(event)
    return cal.to_ical()


def _split(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """List columns as tuples, as the app reads them (the published CSV joins them with ';')."""
    return df.assign(**{column: df[column].map(lambda s: tuple(s.split(";")) if s else ())})


def files(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """Relative path -> iCalendar bytes: all.ics, rigo/<rigo_id>.ics, country/<ISO3>.ics."""
    windows = _split(_split(tables["engagement_windows"], "held_dates"), "source_ids")
    out = {"all.ics": calendar("Engagement Atlas: all engagement windows", windows, tables)}
    for rigo in tables["rigos"].itertuples():
        mine = windows[windows.rigo_id == rigo.rigo_id]
        out[f"rigo/{rigo.rigo_id}.ics"] = calendar(f"Engagement Atlas: {rigo.acronym}", mine, tables)
    m = tables["memberships"]
    current = m[(m.end_date == "") & m.status.isin(REACHING)]
    names = tables["countries"].set_index("iso3").name
    for iso3, rows in current.groupby("iso3"):
        mine = windows[windows.rigo_id.isin(set(rows.rigo_id))]
        label = names.get(iso3, iso3)
        out[f"country/{iso3}.ics"] = calendar(f"Engagement Atlas: {label}", mine, tables)
    return out


def write_all(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Write every calendar into a temporary folder, then swap it into `folder`."""
    publish.write_folder(files(tables), folder)
