"""Pure Altair chart builders (no Streamlit)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from atlas.maps import STATUS_COLOURS

STATUS_ORDER = ["member", "suspended", "associate", "observer", "candidate"]


def timeline_height(periods: pd.DataFrame) -> int:
    """20 px per country, so every name stays readable."""
    return 20 * max(4, periods.country.nunique())


def membership_timeline(periods: pd.DataFrame, title: str) -> alt.Chart:
    """One bar per status period and country; colour (with the status in the tooltip) = status."""
    shown = [s for s in STATUS_ORDER if s in set(periods.status)]
    return (
        alt.Chart(periods, title=title)
        .mark_bar(height=12)
        .encode(
            x=alt.X("from:T", title="Year"),
            x2="to:T",
            y=alt.Y("country:N", title=None, sort="ascending", axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("status:N", scale=alt.Scale(
                domain=shown, range=[STATUS_COLOURS[s] for s in shown]), title="Status"),
            tooltip=["country", "status", alt.Tooltip("start_date", title="from"),
                     alt.Tooltip("end_date", title="until"), "note"],
        )
        .properties(height=timeline_height(periods))
    )
