"""A one-page printable country briefing as self-contained HTML (every data text escaped)."""

from __future__ import annotations

import pandas as pd

from atlas import eras, glossary, i18n
from atlas.escape import for_href
from atlas.escape import for_html as e
from atlas.pathways import BAND_LABELS, CLOSED, CONDITIONAL, OPEN

STYLE = """
body{font-family:Georgia,serif;max-width:46rem;margin:1.5rem auto;padding:0 .8rem;color:#111;
line-height:1.35;overflow-wrap:anywhere}nav{font:.95rem sans-serif;margin-bottom:1rem}
nav a{margin-inline-end:.8rem;display:inline-block;padding:.2rem 0}
h1{font-size:1.5rem;margin:0}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.2rem}
h3{font-size:1rem;margin:.8rem 0 .2rem}.meta{color:#444;font-size:.85rem}
li{margin:.15rem 0}.src{font-size:.8rem}@media print{a{color:#111}body{margin:0}}
"""


def _records(df: pd.DataFrame, columns: str) -> list[dict]:
    """Rows as plain dicts of the columns used (iterrows, or all columns, is several times slower:
    the light pages render this for every country in every language)."""
    return df[[c for c in columns.split() if c in df.columns]].to_dict("records")


def _channel_items(channels: pd.DataFrame, cite: dict[str, int], t: i18n.Translator) -> str:
    items, how, none = [], e(t.label(t("How to engage"))), e(t("None."))
    used = "last_verified source_ids reasons name rigo_id channel_type how_to_engage confidence"
    for ch in _records(channels, used):
        verified = e(t("Last verified {date}", date=t.date(ch["last_verified"])))
        marks = "".join(f"[{cite[s]}]" for s in ch["source_ids"] if s in cite)
        reason = f" <i>({e(ch['reasons'])})</i>" if ch.get("reasons") else ""
        items.append(f"<li><b>{e(ch['name'])}</b> ({e(ch['rigo_id'].upper())}, "
                     f"{e(glossary.channel_type(t, ch['channel_type']))}){reason}. "
                     f"{how} {e(ch['how_to_engage'])} <span class='meta'>{verified}, "
                     f"{e(glossary.label(t, 'confidence', ch['confidence']))}.</span> {marks}</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else f"<p>{none}</p>"


def _membership_item(m: dict, t: i18n.Translator) -> str:
    """One membership; before the organisation existed, its predecessor's name (never the
    successor as if it existed)."""
    who = (eras.predecessor_label(t, m) if m.get("era") == eras.PREDECESSOR
           else f"{m['acronym']}: {m['name']}")
    status = glossary.label(t, "status", m["status"])
    return f"<li>{e(who)} ({e(status)}, {e(eras.since_label(t, m['start_date']))})</li>"


def country_briefing(name: str, date: str, as_of: str, summary: str, memberships: pd.DataFrame,
                     channels: pd.DataFrame, networks: pd.DataFrame, sources: pd.DataFrame,
                     t: i18n.Translator | None = None, header: str = "") -> str:
    """The briefing page; `header` is trusted HTML put first in the body (the light pages' links)."""
    t = t or i18n.translator()
    words = {k: e(v) for k, v in {
        "title": t("Engagement Atlas briefing: {name}", name=name),
        "heading": t("{name}: regional engagement channels for civil society", name=name),
        "situation": t("Situation on {date}.", date=t.date(date)),
        "as_of": t("Data verified as of {date}.", date=t.date(as_of)),
        "memberships": t("Memberships"), "channels": t("Channels"),
        "networks": t("Networks that can carry your voice"), "none": t("None recorded."),
        "sources": t("Sources"), "seed": t("seed document")}.items()}
    cite = {sid: n for n, sid in enumerate(sources.source_id, 1)}
    member_items = "".join(_membership_item(m, t) for m in _records(
        memberships, "acronym name status start_date era predecessor predecessor_until"))
    bands = "".join(
        f"<h3>{e(t(BAND_LABELS[b]))}</h3>" + _channel_items(channels[channels.band == b], cite, t)
        for b in (OPEN, CONDITIONAL, CLOSED)
    )
    nets = "".join(f"<li>{e(n['name'])} ({e(glossary.label(t, 'relation', n['relation']))} "
                   f"{e(n['rigo_id'].upper())})</li>"
                   for n in _records(networks.drop_duplicates("network_id"), "name relation rigo_id"))
    refs = "".join(
        f"<li class='src'>[{cite[s['source_id']]}] {e(s['title'])}. {e(s['publisher'])} "
        f"{e(s['year'])}. "
        + (f"<a href='{e(for_href(s['url']))}'>{e(s['url'])}</a>" if for_href(s["url"]) else
           f"{words['seed']} {e(s['url'])}") + "</li>"
        for s in _records(sources, "source_id title publisher year url")
    )
    return (
        f"<!doctype html><html lang='{t.locale.language}' dir='{t.direction}'><head>"
        f"<meta charset='utf-8'><meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{words['title']}</title><style>{STYLE}</style></head><body>{header}"
        f"<h1>{words['heading']}</h1>"
        f"<p class='meta'>{words['situation']} {words['as_of']} Engagement Atlas, CC BY 4.0."
        f"</p><p>{e(summary)}</p>"
        f"<h2>{words['memberships']}</h2><ul>{member_items}</ul><h2>{words['channels']}</h2>{bands}"
        f"<h2>{words['networks']}</h2>"
        f"<ul>{nets or '<li>' + words['none'] + '</li>'}</ul>"
        f"<h2>{words['sources']}</h2><ol style='list-style:none;padding:0'>{refs}</ol></body></html>"
    )
