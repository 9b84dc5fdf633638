"""Which organisations existed on a date, and which stood in a predecessor's place (no Streamlit).

A date before an organisation's `predecessor_until` belongs to its predecessor (the OAU before the
AU): lists of a country's memberships show the predecessor by name, while counts, channels and
networks leave the organisation out (the predecessor's channels are not in the atlas). A date
before the founding year of an organisation without a predecessor shows nothing of it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from atlas import i18n
from atlas.tables import Atlas

EXISTS, PREDECESSOR, NOT_YET = "exists", "predecessor", "not_yet"


def membership_on(memberships: pd.DataFrame, date: dt.date) -> pd.DataFrame:
    """The status rows that hold at `date`: start <= date < end (an empty start is before 2000,
    an empty end is open). Use `held_on` for what a user sees: this ignores founding dates."""
    day = date.isoformat()
    started = (memberships.start_date == "") | (memberships.start_date <= day)
    not_ended = (memberships.end_date == "") | (memberships.end_date > day)
    return memberships[started & not_ended]


def era(rigo: pd.Series | dict, date: dt.date) -> str:
    """EXISTS, PREDECESSOR (the predecessor stood in its place) or NOT_YET at `date`."""
    until = rigo.get("predecessor_until", "")
    if until and date.isoformat() < until:
        return PREDECESSOR if rigo.get("predecessor", "") else NOT_YET
    founded = str(rigo.get("founded_year", "") or "")
    if founded.isdigit() and date.year < int(founded):
        return NOT_YET
    return EXISTS


def eras_on(atlas: Atlas, date: dt.date) -> dict[str, str]:
    """rigo_id -> its era at `date`."""
    return {r["rigo_id"]: era(r, date) for r in atlas.rigos.to_dict("records")}


def held_on(atlas: Atlas, date: dt.date, memberships: pd.DataFrame | None = None) -> pd.DataFrame:
    """Membership rows holding at `date`, with an `era` column; rows of organisations that did not
    exist and had no predecessor are dropped (the ETL already forbids them; this guards)."""
    rows = atlas.memberships if memberships is None else memberships
    held = membership_on(rows, date)
    eras = eras_on(atlas, date)
    held = held.assign(era=held.rigo_id.map(lambda r: eras.get(r, EXISTS)))
    return held[held.era != NOT_YET]


def existing_on(atlas: Atlas, date: dt.date, memberships: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """Membership rows at `date` of organisations that existed then (no predecessor rows)."""
    held = held_on(atlas, date, memberships)
    return held[held.era == EXISTS]


def predecessor_label(t: i18n.Translator, rigo: pd.Series | dict) -> str:
    """'Organisation of African Unity (OAU), 1963-2002, predecessor of the AU, until 9 July 2002'."""
    return t("{predecessor}, predecessor of the {acronym}, until {date}",
             predecessor=t.data(rigo["predecessor"]), acronym=rigo["acronym"],
             date=t.date(rigo["predecessor_until"]))


def since_label(t: i18n.Translator, start_date: str) -> str:
    """'since 3 May 2005', or 'since before 2000' for an empty start (the data's convention: the
    ETL refuses any other undated row)."""
    return t("since {date}", date=t.date(start_date)) if start_date else t("since before 2000")


def not_existing(atlas: Atlas, date: dt.date) -> pd.DataFrame:
    """The organisations that did not exist at `date`, with their era (for on-screen notes)."""
    eras = eras_on(atlas, date)
    out = atlas.rigos.assign(era=atlas.rigos.rigo_id.map(eras))
    return out[out.era != EXISTS].sort_values("acronym").reset_index(drop=True)
