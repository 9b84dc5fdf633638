"""The change log: what changed and when, derived from the dated membership periods and from the
corrections log (data/raw/corrections.yaml, published as corrections.csv when present).

Membership periods of one country in one organisation never overlap, and a change is where one
period meets the next (the end of one is the start of the other) or where a period starts or ends
with no neighbour:

- a dated start with no period just before: `joined` (`rejoined` after an earlier membership),
  `observer_admitted`, `associate_admitted` or `candidate_admitted`;
- a `suspended` period after a member period: `suspended`; a member period after a suspension:
  `reinstated`; a member period after an observer, associate or candidate period: `joined`;
- an end with no period starting that day: `left` (a member or a suspended member),
  `observer_ended`, `associate_ended` or `candidacy_ended`.

Undated starts (held since before 2000) are no change we can date, and are left out. Where the
period's note says that the day of its start (or of its end, for an exit) is unverified (the
data's convention: a year or a month only is dated by its last day), `day_unverified` is true.
"""

from __future__ import annotations

import re

import pandas as pd

from etl import catalog
from etl.steps.tabulate import frame

KINDS = catalog.CHANGE_KINDS
# The columns of data/processed/corrections.csv that the change log reads (see SUGGESTIONS_API).
CORRECTION_COLUMNS = ("correction_id", "date", "table", "record_id", "field", "change", "old",
                      "new", "why", "suggestion", "source_ids", "last_verified")
# A note saying that the day a period started (or ended) is not confirmed (data/README.md).
START_UNSURE = re.compile(r"unverified[^.;]*(the day|exact date|exact day|date of (the )?accession|"
                          r"the date (it|membership|the status|on which|the re-accession)|which date|"
                          r"the year and exact date|readmission date|date of associate)", re.I)
END_UNSURE = re.compile(r"unverified[^.;]*(end date|withdrawal date|exact (notification|withdrawal))",
                        re.I)
ADMITTED = {"member": "joined", "observer": "observer_admitted", "associate": "associate_admitted",
            "candidate": "candidate_admitted", "suspended": "suspended"}
ENDED = {"member": "left", "suspended": "left", "observer": "observer_ended",
         "associate": "associate_ended", "candidate": "candidacy_ended"}
SUMMARIES = {
    "joined": "{who}: {country} became a member.",
    "rejoined": "{who}: {country} became a member again.",
    "suspended": "{who}: {country} was suspended.",
    "reinstated": "{who}: {country} was reinstated.",
    "left": "{who}: {country} left.",
    "observer_admitted": "{who}: {country} was admitted as an observer.",
    "associate_admitted": "{who}: {country} became an associate member.",
    "candidate_admitted": "{who}: {country} became a candidate for membership.",
    "observer_ended": "{who}: {country} is no longer an observer.",
    "associate_ended": "{who}: {country} is no longer an associate member.",
    "candidacy_ended": "{who}: {country}'s candidacy ended.",
    "channel_added": "{who}: new channel, {name}.",
    "channel_changed": "{who}: {name}: {field} corrected.",
    "channel_closed": "{who}: {name} closed.",
    "correction": "Correction to {table} {record_id}: {field}.",
}


def empty_corrections() -> pd.DataFrame:
    """A corrections log with no entry (before any correction was merged)."""
    return pd.DataFrame(columns=list(CORRECTION_COLUMNS), dtype=str)


def membership_id(rigo_id: str, iso3: str, start_date: str) -> str:
    """The id of a membership period, as corrections name it (etl/record_ids.py):
    `RIGO/ISO3/START`, `before-2000` for an undated start."""
    return f"{rigo_id}/{iso3}/{start_date or 'before-2000'}"


def _transition(before: pd.Series | None, after: pd.Series, earlier: pd.DataFrame) -> str | None:
    """The kind of change where `after` starts (`before` is the period ending that day, if any)."""
    if before is None:
        rejoin = after.status == "member" and earlier.status.isin(("member", "suspended")).any()
        return "rejoined" if rejoin else ADMITTED.get(after.status)
    if after.status == "member":
        return "reinstated" if before.status == "suspended" else (
            None if before.status == "member" else "joined")
    return None if after.status == before.status else ADMITTED.get(after.status)


def _period_events(periods: pd.DataFrame) -> list[dict]:
    """The changes of one country in one organisation (its periods sorted by start)."""
    found = []
    rows = [row for _, row in periods.iterrows()]
    for i, row in enumerate(rows):
        before = next((r for r in rows[:i] if r.end_date and r.end_date == row.start_date), None)
        kind = _transition(before, row, periods.iloc[:i]) if row.start_date else None
        if kind:
            found.append(_membership_change(row, row.start_date, kind))
        follows = any(r.start_date == row.end_date for r in rows[i + 1:])
        if row.end_date and not follows and row.status in ENDED:
            found.append(_membership_change(row, row.end_date, ENDED[row.status]))
    return found


def _membership_change(row: pd.Series, date: str, kind: str) -> dict:
    unsure = (START_UNSURE if date == row.start_date else END_UNSURE).search(row.note)
    return {"change_id": f"membership:{row.rigo_id}:{row.iso3}:{date}:{kind}", "date": date,
            "day_unverified": "true" if unsure else "false",
            "kind": kind, "table": "memberships",
            "record_id": membership_id(row.rigo_id, row.iso3, row.start_date),
            "rigo_id": row.rigo_id, "iso3": row.iso3, "source_ids": row.source_ids}


def membership_changes(memberships: pd.DataFrame) -> list[dict]:
    """Every dated membership change (rows without a summary)."""
    ordered = memberships.sort_values(["rigo_id", "iso3", "start_date"], kind="stable")  # undated first
    return [change for _, periods in ordered.groupby(["rigo_id", "iso3"], sort=True)
            for change in _period_events(periods)]


def _correction_rigo(c: pd.Series, tables: dict[str, pd.DataFrame]) -> str:
    """The organisation a corrected record belongs to, where the record names one."""
    if c.table == "rigos":
        return c.record_id
    if c.table == "memberships":
        return c.record_id.split("/")[0] if "/" in c.record_id else ""
    owners = {"channels": "channel_id", "engagement_windows": "window_id", "cases": "case_id"}
    if c.table in owners and c.table in tables and "rigo_id" in tables[c.table]:
        df = tables[c.table]
        hit = df[df[owners[c.table]] == c.record_id].rigo_id
        return str(hit.iloc[0]) if len(hit) else ""
    return ""


def correction_changes(corrections: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> list[dict]:
    """One change per entry of the corrections log: channels added, changed or closed, and other
    corrections."""
    found = []
    for _, c in corrections.fillna("").astype(str).iterrows():
        kind = f"channel_{c.change}" if c.table == "channels" and c.change in (
            "added", "changed", "closed") else "correction"
        iso3 = c.record_id.split("/")[1] if c.table == "memberships" and "/" in c.record_id else ""
        found.append({"change_id": f"correction:{c.correction_id}", "date": c.date, "kind": kind,
                      "day_unverified": "false",
                      "table": c.table, "record_id": c.record_id,
                      "rigo_id": _correction_rigo(c, tables), "iso3": iso3, "field": c.field,
                      "source_ids": c.source_ids})
    return found


def _summary(change: dict, tables: dict[str, pd.DataFrame]) -> str:
    """A short English sentence (the app writes its own, translated, from the other columns)."""
    acronyms = dict(zip(tables["rigos"].rigo_id, tables["rigos"].acronym, strict=True))
    names = dict(zip(tables["countries"].iso3, tables["countries"].name, strict=True))
    channels = dict(zip(tables["channels"].channel_id, tables["channels"].name, strict=True))
    field = change.get("field", "")
    unsure = " (Exact day not confirmed.)" if change["day_unverified"] == "true" else ""
    return SUMMARIES[change["kind"]].format(
        who=acronyms.get(change["rigo_id"], change["rigo_id"] or "?"),
        country=names.get(change["iso3"], change["iso3"]),
        name=channels.get(change["record_id"], change["record_id"]),
        field="the whole record" if field in ("", "*") else field.replace("_", " "),
        table=change["table"], record_id=change["record_id"]) + unsure


def table(tables: dict[str, pd.DataFrame], corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """The published change log. `corrections` defaults to tables['corrections'] when the build
    has one, else to an empty log."""
    if corrections is None:
        corrections = tables.get("corrections", empty_corrections())
    changes = membership_changes(tables["memberships"]) + correction_changes(corrections, tables)
    return frame(catalog.CHANGES, ({**c, "summary": _summary(c, tables)} for c in changes))
