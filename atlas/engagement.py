"""The Calendar and Cases pages' views: filtered tables, the timeline chart and files (no Streamlit)."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from dataclasses import dataclass

import altair as alt
import pandas as pd

from atlas import casebook, charts, exports, glossary, i18n, queries, windows
from atlas.charts import ChartView
from atlas.i18n.data import with_text_language
from atlas.tables import Atlas

STATUS_COLOURS = {windows.ANNOUNCED: "#c85200", windows.USUAL: "#a3cce9"}
# The window names take a fixed width left of the bars, and the legend is drawn under the chart
# from its left edge, one item a line: at the bars' left edge (Vega's "bottom"), or side by side,
# it ran off a 390 px phone screen.
AXIS_WIDTH = 170
LEGEND_LABEL_LIMIT = 300
LEGEND_LINE = 40  # characters: a label fits a phone's width on lines this long
LEGEND_HEIGHT = 90  # room kept under the month labels (its title and up to four lines)


def _legend(t: i18n.Translator, domain: list[str]) -> alt.Legend:
    """Under the month labels (`height` is the bars' height as Vega lays them out), from the
    chart's left edge, each label on lines short enough for a phone."""
    lines = {code: textwrap.wrap(glossary.label(t, "date_status", code), LEGEND_LINE)
             for code in domain}
    return alt.Legend(orient="none", legendX=-AXIS_WIDTH, legendY=alt.ExprRef("height + 30"),
                      direction="vertical", columns=1, labelLimit=LEGEND_LABEL_LIMIT,
                      labelExpr=f"({json.dumps(lines, ensure_ascii=False)})[datum.label] || datum.label")


def timeline(rows: pd.DataFrame, months: list[dt.date], t: i18n.Translator) -> alt.Chart:
    """One bar per window and month: an announced date (dark, its own days) or a usual month
    (light, the whole month, 'next date not yet announced' in the tooltip and legend)."""
    domain = [windows.ANNOUNCED, windows.USUAL]
    end = months_end(months)
    height = 22 * max(4, rows.window.nunique()) + 60
    return (alt.Chart(rows).mark_bar(height=12)
            .encode(x=alt.X("start:T", title=None, scale=alt.Scale(domain=[_stamp(months[0]), _stamp(end)]),
                        axis=alt.Axis(format="%b %Y", tickCount="month", labelAngle=0,
                                      labelOverlap="greedy", grid=True)),
                    x2="end_excl:T",
                    y=alt.Y("window:N", title=None, sort=alt.EncodingSortField("order"),
                            axis=alt.Axis(labelLimit=AXIS_WIDTH - 10, labelOverlap=False,
                                          minExtent=AXIS_WIDTH, maxExtent=AXIS_WIDTH)),
                    color=alt.Color("date_status:N", title=t("Date"), scale=alt.Scale(
                        domain=domain, range=[STATUS_COLOURS[d] for d in domain]),
                        legend=_legend(t, domain)),
                    tooltip=[alt.Tooltip("organisation", title=t("Organisation")),
                             alt.Tooltip("title", title=t("Window")),
                             alt.Tooltip("when", title=t("When"))])
            .properties(height=height, width="container", title=t("The next twelve months"),
                        padding={"left": 5, "top": 5, "right": 5, "bottom": LEGEND_HEIGHT}))


def _stamp(day: dt.date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day)


def months_end(months: list[dt.date]) -> dt.date:
    return windows.months_ahead(months[-1], 2)[1]


@dataclass(frozen=True)
class Calendar:
    """The windows that fit the filters, those in the next twelve months on a chart, files."""

    windows: pd.DataFrame  # every fitting window, announced dates first
    upcoming: pd.DataFrame  # one row per window and month
    chart: ChartView | None
    table: pd.DataFrame  # in words, for the page
    files: exports.Downloads
    cited: pd.DataFrame


def _chart_rows(atlas: Atlas, fitting: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    t = i18n.of(atlas)
    info = fitting.set_index("window_id")
    first = rows.groupby("window_id").start.min().rank(method="first")
    return rows.assign(
        organisation=rows.window_id.map(info.acronym), title=rows.window_id.map(info.title),
        window=[f"{info.at[w, 'acronym']} · {info.at[w, 'title'][:60]}" for w in rows.window_id],
        when=[windows.timing(t, info.loc[w].rename(None)) for w in rows.window_id],
        order=rows.window_id.map(first),
        start=rows.start.map(dt.date.isoformat),
        end_excl=(rows.end + dt.timedelta(days=1)).map(dt.date.isoformat),
        end=rows.end.map(dt.date.isoformat), month=rows.month.map(dt.date.isoformat))


def calendar(atlas: Atlas, today: dt.date, iso3: str | None, rigo_id: str | None,
             region: str | None, theme: str | None) -> Calendar:
    t = i18n.of(atlas)
    fitting = windows.ordered(windows.select(atlas, atlas.engagement_windows, today, iso3, rigo_id,
                                             region, theme))
    rows = windows.upcoming(fitting, today)
    cited = queries.sources_for(atlas, fitting)
    chart = None
    if len(rows):
        shown = _chart_rows(atlas, fitting, rows)
        months = windows.months_ahead(today)
        chart = charts.view(timeline(shown, months, t), shown.drop(columns=["order", "end_excl"]),
                            cited, atlas.as_of, t)
    return Calendar(fitting, rows, chart, windows.table(t, fitting),
                    exports.downloads(with_text_language(atlas, fitting.drop(
                        columns=["acronym", "region"]), "engagement_windows"), cited, atlas.as_of),
                    cited)


@dataclass(frozen=True)
class Cases:
    cases: pd.DataFrame
    table: pd.DataFrame
    files: exports.Downloads
    cited: pd.DataFrame


def cases(atlas: Atlas, today: dt.date, region: str | None, rigo_id: str | None,
          channel_type: str | None, theme: str | None, outcome: str | None) -> Cases:
    chosen = casebook.choose(atlas, today, region, rigo_id, channel_type, theme, outcome)
    cited = queries.sources_for(atlas, chosen)
    return Cases(chosen, casebook.table(i18n.of(atlas), chosen),
                 exports.downloads(with_text_language(atlas, chosen.drop(
                     columns=["acronym", "region"]), "cases"), cited, atlas.as_of),
                 cited)
