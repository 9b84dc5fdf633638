"""Pure Altair chart builders (no Streamlit)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

import altair as alt
import pandas as pd

from atlas import glossary
from atlas.exports import Downloads, downloads, flat
from atlas.i18n import Translator
from atlas.maps import STATUS_COLOURS, status_word

STATUS_ORDER = ["member", "suspended", "associate", "observer", "candidate"]


Figure = alt.Chart | alt.LayerChart


@dataclass(frozen=True)
class ChartView:
    """A chart with the numbers behind it (list cells joined) and their files, built once."""

    figure: Figure
    table: pd.DataFrame
    files: Downloads


def view(figure: Figure, table: pd.DataFrame, sources: pd.DataFrame, as_of: str,
         t: Translator | None = None) -> ChartView:
    """The chart (with its numbers and dates in the reader's language when `t` is given), the
    table behind it and its files."""
    if t is not None:
        figure = figure.configure(locale=vega_locale(t))
    return ChartView(figure, flat(table), downloads(table, sources, as_of))


def vega_locale(t: Translator) -> dict:
    """The d3 number and time locale of the reader's language, from CLDR through Babel, for
    Vega-Lite's `config.locale` (Streamlit's Vega takes it from the chart, not from a renderer)."""
    from babel.dates import get_day_names, get_month_names

    loc = t.locale
    symbols = loc.number_symbols.get("latn", {})
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, d3 from Sunday

    def days(width: Literal["abbreviated", "wide"]) -> list[str]:
        names = get_day_names(width, locale=loc)
        return [names[i] for i in sunday_first]

    def months(width: Literal["abbreviated", "wide"]) -> list[str]:
        names = get_month_names(width, locale=loc)
        return [names[i] for i in range(1, 13)]

    return {"number": {"decimal": symbols.get("decimal", "."), "thousands": symbols.get("group", ","),
                       "grouping": [3], "currency": ["", ""], "percent": symbols.get("percentSign", "%")},
            "time": {"dateTime": "%x %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
                     "periods": ["AM", "PM"], "days": days("wide"), "shortDays": days("abbreviated"),
                     "months": months("wide"), "shortMonths": months("abbreviated")}}


def _words(t: Translator, kind: str, codes) -> str:
    """A Vega expression that shows each code of `kind` in words (legends and axes keep the
    codes as data, so tables and downloads stay stable)."""
    names = {c: (status_word(t, c) if kind == "status" else glossary.label(t, kind, c))
             for c in codes}
    return f"({json.dumps(names, ensure_ascii=False)})[datum.label] || datum.label"


def legend(t: Translator, kind: str, codes) -> alt.Legend:
    return alt.Legend(labelExpr=_words(t, kind, codes), labelLimit=260)


def timeline_height(periods: pd.DataFrame) -> int:
    """20 px per country, so every name stays readable."""
    return 20 * max(4, periods.country.nunique())


def membership_timeline(periods: pd.DataFrame, title: str, t: Translator) -> alt.Chart:
    """One bar per status period and country; colour (with the status in the tooltip) = status."""
    shown = [s for s in STATUS_ORDER if s in set(periods.status)]
    return (
        alt.Chart(periods, title=title)
        .mark_bar(height=12)
        .encode(
            x=alt.X("from:T", title=t("Year")),
            x2="to:T",
            y=alt.Y("country:N", title=None, sort="ascending", axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("status:N", scale=alt.Scale(
                domain=shown, range=[STATUS_COLOURS[s] for s in shown]), title=t("Status"),
                legend=legend(t, "status", shown)),
            tooltip=[alt.Tooltip("country", title=t("Country")),
                     alt.Tooltip("status", title=t("Status")),
                     alt.Tooltip("start_date", title=t("From")),
                     alt.Tooltip("end_date", title=t("Until")), alt.Tooltip("note", title=t("Note"))],
        )
        .properties(height=timeline_height(periods))
    )


# Tableau 10 colour-blind palette (plus black for the eleventh type), one colour per channel type,
# used identically on every page.
CHANNEL_TYPE_COLOURS = dict(zip(
    ["consultative_or_observer_status", "registry_or_accreditation", "advisory_organ",
     "dialogue_forum", "mou_partnership", "early_warning_partnership", "liaison_office",
     "complaint_mechanism", "funding_programme", "summit_participation", "other"],
    ["#1170aa", "#5fa2ce", "#fc7d0b", "#ffbc79", "#c85200", "#57606c", "#a3cce9", "#7b848f",
     "#000000", "#c8d0d9", "#a3acb9"], strict=True))
ORDINAL_SCHEME: Literal["blues"] = "blues"


def _rows_height(df: pd.DataFrame, column: str, step: int) -> int:
    return step * max(3, df[column].nunique()) if len(df) else 3 * step


MIX_KINDS = {"channel_type": "channel_type", "space": "space", "participation_level": "level"}


def stacked_mix(df: pd.DataFrame, field: str, title: str, t: Translator,
                by: str = "region") -> alt.Chart:
    """Horizontal stacked bars: channels per `by`, split by `field`, with a legend."""
    domain = [v for v in CHANNEL_TYPE_COLOURS if v in set(df[field])] if field == "channel_type" \
        else sorted(set(df[field]))
    heading = t(glossary.COLUMNS[field])
    words = legend(t, MIX_KINDS[field], domain)
    colour = (alt.Color(f"{field}:N", title=heading, legend=words, scale=alt.Scale(
        domain=domain, range=[CHANNEL_TYPE_COLOURS[v] for v in domain]))
        if field == "channel_type" else alt.Color(f"{field}:N", title=heading, legend=words,
                                                  scale=alt.Scale(scheme="tableau10")))
    return (alt.Chart(df, title=title).mark_bar()
            .encode(y=alt.Y(f"{by}:N", title=None, axis=alt.Axis(
                        labelExpr=_words(t, "region", set(df[by])))),
                    x=alt.X("channels:Q", title=t("Channels")),
                    color=colour, tooltip=[by, field, "channels"])
            .properties(height=_rows_height(df, by, 28)))


HEATMAP_KINDS = {"policy_stage": "stage", "role": "ew_role"}


def heatmap(df: pd.DataFrame, x: str, y: str, value: str, title: str, t: Translator,
            x_order: list[str] | None = None) -> alt.Chart:
    """A count heatmap with the number printed in every cell (colour is not the only carrier)."""
    base = alt.Chart(df, title=title).encode(
        x=alt.X(f"{x}:N", title=t(glossary.COLUMNS[x]), sort=x_order, axis=alt.Axis(
            labelAngle=0, labelExpr=_words(t, HEATMAP_KINDS[x], set(df[x])))),
        y=alt.Y(f"{y}:N", title=None))
    # The scale starts at 0, so a cell's shade depends only on its count. Up to 60% of the largest
    # count the blue is light enough for black numbers (at least 6.7:1); above it, dark enough for
    # white ones (at least 3.1:1, the contrast WCAG asks of large or graphical text).
    top = max(1, int(df[value].max())) if len(df) else 1
    cells = base.mark_rect().encode(color=alt.Color(f"{value}:Q", scale=alt.Scale(
        scheme=ORDINAL_SCHEME, domain=[0, top]), title=t(glossary.COLUMNS[value])),
        tooltip=[y, x, value])
    text = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text=f"{value}:Q", color=alt.condition(f"datum.{value} > {0.6 * top}",
                                               alt.value("white"), alt.value("black")))
    return (cells + text).properties(height=_rows_height(df, y, 26))


def established_timeline(df: pd.DataFrame, title: str, t: Translator) -> alt.Chart:
    """One point per channel at its year of establishment, by region, coloured by type."""
    domain = [v for v in CHANNEL_TYPE_COLOURS if v in set(df.channel_type)]
    return (alt.Chart(df, title=title).mark_circle(size=90, opacity=0.85)
            .encode(x=alt.X("year:O", title=t("Year established")),
                    y=alt.Y("region:N", title=None, axis=alt.Axis(
                        labelExpr=_words(t, "region", set(df.region)))),
                    color=alt.Color("channel_type:N", title=t("Channel type"),
                                    legend=legend(t, "channel_type", domain), scale=alt.Scale(
                        domain=domain, range=[CHANNEL_TYPE_COLOURS[v] for v in domain])),
                    tooltip=["year", "acronym", "name", "channel_type", "status"])
            .properties(height=_rows_height(df, "region", 40)))


def share_bars(df: pd.DataFrame, by: str, title: str, t: Translator) -> alt.Chart:
    """Share of channels open to a national CSO, labelled with the numbers."""
    base = alt.Chart(df, title=title).encode(
        y=alt.Y(f"{by}:N", sort="-x", title=None, axis=alt.Axis(
            labelExpr=_words(t, "region", set(df[by])))),
        x=alt.X("share:Q", axis=alt.Axis(format="%"), title=t("Open to a national CSO")))
    bars = base.mark_bar(color="#1170aa").encode(tooltip=[by, "channels", "open_to_national"])
    labels = base.mark_text(align="left", dx=4).encode(
        text=alt.Text("label:N"))
    of = json.dumps(" " + t("of") + " ", ensure_ascii=False)
    return (bars + labels).transform_calculate(
        label=f"datum.open_to_national + {of} + datum.channels").properties(
        height=_rows_height(df, by, 28))


def verdict_bars(df: pd.DataFrame, title: str, order: tuple[str, ...],
                 colours: dict[str, str], t: Translator) -> alt.Chart:
    """Stacked counts of gap-analysis verdicts per organisation."""
    return (alt.Chart(df, title=title).mark_bar()
            .encode(y=alt.Y("acronym:N", title=None),
                    x=alt.X("recommendations:Q", title=t("Recommendations")),
                    color=alt.Color("verdict:N", scale=alt.Scale(
                        domain=list(order), range=[colours[v] for v in order]), title=t("Verdict"),
                        legend=legend(t, "verdict", order)),
                    order=alt.Order("verdict_rank:Q"),
                    tooltip=["acronym", "verdict", "recommendations"])
            .transform_calculate(verdict_rank=f"indexof({list(order)}, datum.verdict)")
            .properties(height=_rows_height(df, "acronym", 20)))


LINK_COLOURS = {"mou": "#c85200", "member_of_organ": "#1170aa", "accredited": "#5fa2ce",
                "partner": "#7b848f", "convenes": "#fc7d0b"}


def network_graph(nodes: pd.DataFrame, edges: pd.DataFrame, title: str, t: Translator) -> alt.Chart:
    """Networks (left) joined to the organisations (right) whose channels they use."""
    rels = [r for r in LINK_COLOURS if r in set(edges.relation)]
    lines = alt.Chart(edges).mark_rule(strokeWidth=1.5, opacity=0.7).encode(
        x=alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.35, 1.35])),
        y=alt.Y("y:Q", axis=None), x2="x2:Q", y2="y2:Q",
        color=alt.Color("relation:N", scale=alt.Scale(
            domain=rels, range=[LINK_COLOURS[r] for r in rels]), title=t("Relation"),
            legend=legend(t, "relation", rels)),
        tooltip=["network", "relation", "organisation", "channel_id"])
    dots = alt.Chart(nodes).mark_circle(size=70, color="#222222").encode(x="x:Q", y="y:Q",
                                                                         tooltip=["label", "side"])
    left = alt.Chart(nodes).transform_filter("datum.x < 0.5").mark_text(
        fontSize=11, align="right", dx=-8).encode(x="x:Q", y="y:Q", text="label:N")
    right = alt.Chart(nodes).transform_filter("datum.x >= 0.5").mark_text(
        fontSize=11, align="left", dx=8).encode(x="x:Q", y="y:Q", text="label:N")
    height = 18 * max(4, int((nodes.side == "network").sum()))
    return (lines + dots + left + right).properties(title=title, height=height)
