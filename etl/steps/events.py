"""Steps for the engagement calendar and the case library (issue 16)."""

from __future__ import annotations

import pandas as pd

from etl import catalog
from etl.curated import Curated
from etl.steps.tabulate import frame


def _span(start: str, end: str | None) -> str:
    return f"{start}/{end}" if end and end != start else start


def _cited(*groups: list[str]) -> list[str]:
    """Every source id once, in the order first cited: the record's, then its dates'."""
    return list(dict.fromkeys(sid for group in groups for sid in group))


def window_row(w) -> dict:
    """A window as published: its last held and next dates and places taken from its dates."""
    held = sorted(w.held, key=lambda h: h.start)
    last = held[-1] if held else None
    row = w.model_dump(exclude={"held", "next"})
    row.update(
        held_dates=[_span(h.start, h.end) for h in held],
        last_held_start=last.start if last else None,
        last_held_end=last.end if last else None,
        last_held_place=last.place if last else None,
        next_start=w.next.start if w.next else None,
        next_end=w.next.end if w.next else None,
        next_place=w.next.place if w.next else None,
        date_status="announced" if w.next else "not_yet_announced",
        source_ids=_cited(w.source_ids, *(h.source_ids for h in held),
                          w.next.source_ids if w.next else []),
    )
    return row


def windows(data: Curated) -> pd.DataFrame:
    """One row per window; the next date only where a source announces it, else marked so."""
    return frame(catalog.ENGAGEMENT_WINDOWS, (window_row(w) for w in data.records("engagement_windows")))


def cases(data: Curated) -> pd.DataFrame:
    return frame(catalog.CASES, (c.model_dump() for c in data.records("cases")))
