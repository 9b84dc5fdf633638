"""Suggest a correction (no Streamlit): which records can be corrected, their ids and current
values, the relative links to the Suggest page, and the reading of its hostile URL parameters.

A record's id is the one `python -m etl review` reads (etl/record_ids.py): a membership period is
`RIGO/ISO3/START` (`au/KEN/2004-05-25`, or `au/KEN/before-2000` for a period held since before
2000); a network's country entry is `NETWORK/ISO3` (`wanep/GHA`); every other table has a
one-column key. The link back to where the user came from (`from`) is kept only when it is a
relative link to one of our pages, rebuilt from its parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from atlas import i18n, links
from atlas.escape import for_page_href
from atlas.i18n import N_
from atlas.tables import Atlas
from etl import catalog

WHOLE = "*"  # the field meaning "the whole record"
SEP = "/"
BEFORE_2000 = "before-2000"  # the start of an undated period (etl.record_ids)
PAGE = "suggest"
# The app's pages (streamlit_app.py's url paths): the only places `from` may lead back to.
PAGES = ("home", "country", "pathways", "rigo", "compare", "gaps", "early-warning", "networks",
         "planner", "calendar", "cases", "changes", "data")
MAX_ID = 200
MAX_FROM = 500

KINDS = {"channels": N_("Channel"), "memberships": N_("Membership"), "networks": N_("Network"),
         "network_countries": N_("A network's presence in a country"),
         "rigos": N_("Organisation"), "sources": N_("Source"),
         "engagement_windows": N_("Engagement window"), "cases": N_("Case"),
         "recommendations": N_("Recommendation")}
FIELDS: dict[str, tuple[str, ...]] = {
    "channels": ("name", "organ", "how_to_engage", "requirements", "eligibility_notes", "url",
                 "status", "practice_notes"),
    "memberships": ("status", "start_date", "end_date", "note"),
    "networks": ("name", "acronym", "hq_city", "website", "parent_network_id"),
    "network_countries": ("as_of_year", "note"),
    "rigos": ("name", "acronym", "hq_city", "website", "founded_year"),
    "sources": ("title", "publisher", "year", "url"),
    "engagement_windows": ("title", "what_happens", "who_may_take_part", "cso_action", "lead_time",
                           "next_start", "next_place"),
    "cases": ("title", "actors", "action", "outcome"),
    "recommendations": ("text",),
}
FIELD_LABELS = {
    WHOLE: N_("The whole record"), "name": N_("Name"), "organ": N_("Organ"),
    "how_to_engage": N_("How to engage"), "requirements": N_("Requirements"),
    "eligibility_notes": N_("Who can apply"), "url": N_("Link"), "status": N_("Status"),
    "practice_notes": N_("What happens in practice"), "start_date": N_("Start date"),
    "end_date": N_("End date"), "note": N_("Note"), "acronym": N_("Acronym"),
    "hq_city": N_("Based in"), "website": N_("Website"), "parent_network_id": N_("Part of"),
    "as_of_year": N_("As of"), "founded_year": N_("Founded"), "title": N_("Title"),
    "publisher": N_("Publisher"), "year": N_("Year"), "what_happens": N_("What happens"),
    "who_may_take_part": N_("Who may take part"), "cso_action": N_("What a CSO must do"),
    "lead_time": N_("By when"), "next_start": N_("Next date"), "next_place": N_("Next place"),
    "actors": N_("Who"), "action": N_("What they did"), "outcome": N_("What came of it"),
    "text": N_("Text"),
}
KEYS = {t.name: t.key for t in catalog.TABLES if t.name in KINDS} | {
    "memberships": ("rigo_id", "iso3", "start_date"), "network_countries": ("network_id", "iso3")}


def _part(key: str, value: object) -> str:
    return BEFORE_2000 if key == "start_date" and not value else str(value)
# Coded fields, shown in words (atlas.glossary kinds).
CODED = {("memberships", "status"): "status", ("channels", "status"): "channel_status"}


@dataclass(frozen=True)
class Record:
    """A record as the form shows it: its kind, id, a short name and its correctable values."""

    table: str
    record_id: str
    title: str
    values: dict[str, str]

    def current(self, name: str) -> str:
        """The current value of a field, or of the whole record (one `field: value` a line)."""
        if name != WHOLE:
            return self.values.get(name, "")
        return "\n".join(f"{k}: {v}" for k, v in self.values.items() if v)


def record_id(table: str, row) -> str:
    """The id of a row (a namedtuple or Series) of one of the correctable tables."""
    return SEP.join(_part(k, getattr(row, k)) for k in KEYS[table])


def record_ids(table: str, rows: pd.DataFrame) -> list[str]:
    """The ids of every row of a frame holding `table`'s key columns (column-wise: fast)."""
    columns = [rows[k].map(lambda v, k=k: _part(k, v)) for k in KEYS[table]]
    return [SEP.join(key) for key in zip(*columns, strict=True)]


def _text(value: object) -> str:
    if isinstance(value, tuple | list):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


def _titles(atlas: Atlas, table: str, rows: pd.DataFrame) -> pd.Series:
    """A short name for each row: what the user saw it called."""
    names = dict(zip(atlas.countries.iso3, atlas.countries.name, strict=True))
    acronyms = dict(zip(atlas.rigos.rigo_id, atlas.rigos.acronym, strict=True))
    networks = dict(zip(atlas.networks.network_id, atlas.networks.name, strict=True))
    if table == "memberships":
        return rows.rigo_id.map(acronyms).fillna(rows.rigo_id) + " · " + rows.iso3.map(
            names).fillna(rows.iso3)
    if table == "network_countries":
        return rows.network_id.map(networks).fillna(rows.network_id) + " · " + rows.iso3.map(
            names).fillna(rows.iso3)
    if table == "rigos":
        return rows.acronym + ": " + rows["name"]
    if table == "recommendations":
        return rows.rec_id
    column = "title" if "title" in rows.columns else "name"
    return rows[column]


def find(atlas: Atlas, table: str, rid: str) -> Record | None:
    """The record `rid` of `table`, or None (unknown table, malformed or unknown id)."""
    if table not in KINDS or not rid or len(rid) > MAX_ID:
        return None
    keys = KEYS[table]
    parts = rid.split(SEP)
    if len(parts) != len(keys):
        return None
    frame: pd.DataFrame = getattr(atlas, table)
    hit = frame
    for key, part in zip(keys, parts, strict=True):
        hit = hit[hit[key].map(lambda v, k=key: _part(k, v)) == part]
    if hit.empty:
        return None
    row = hit.iloc[:1]
    values = {f: _text(row.iloc[0][f]) for f in FIELDS[table] if f in row.columns}
    return Record(table, rid, str(_titles(atlas, table, row).iloc[0]), values)


def link(table: str = "", rid: str = "", field_name: str = WHOLE, lang: str = "",
         came_from: str = "", **extra: str) -> str:
    """The relative link to the Suggest page for one record (or, with no table, for a page)."""
    params = {"table": table, "id": rid, "field": field_name if table else "",
              "lang": "" if lang == i18n.DEFAULT else lang, "from": came_from, **extra}
    return links.page_link(PAGE, params)  # a missing channel: table=channels and no id


def links_for(table: str, ids: list[str], lang: str = "", came_from: str = "") -> list[str]:
    """`link(table, id, WHOLE, lang, came_from)` for many ids at once: the shared part of the
    query is encoded once (a page draws these at every rerun)."""
    rest = links.page_link(PAGE, {"field": WHOLE, "lang": "" if lang == i18n.DEFAULT else lang,
                                  "from": came_from}).split("?", 1)[1]
    table_part = urlencode({"table": table})
    return [f"/{PAGE}?{table_part}&" + (urlencode({"id": rid}) + "&" if rid else "") + rest
            for rid in ids]


def missing_channel_link(lang: str = "", came_from: str = "", rigo: str = "") -> str:
    return link("channels", "", WHOLE, lang, came_from, rigo=rigo)


LINK_LABEL = N_("Suggest a correction")


def record_link(t: i18n.Translator, table: str, rid: str, came_from: str = "",
                label: str = LINK_LABEL) -> str:
    """"Suggest a correction" as a Markdown link for one record (or, with no table, for the
    page), in the reader's language."""
    href = for_page_href(link(table, rid, WHOLE, t.code, came_from))
    return f"[{t(label)}]({href})"


def page_came_from(t: i18n.Translator, path: str, **params: str) -> str:
    """A page's address with its language, as a link's `from`."""
    return links.page_link(path, {**params, "lang": "" if t.code == i18n.DEFAULT else t.code})


def safe_return(raw: object) -> str:
    """`from` rebuilt as a relative link to one of our pages, or '' for anything else (another
    site, a scheme, a protocol-relative or backslashed address, control characters, an unknown
    page, an over-long value)."""
    value = links._single(raw) or ""
    if not value or len(value) > MAX_FROM or not value.isprintable() or "\\" in value:
        return ""
    if not value.startswith("/") or value.startswith("//"):
        return ""
    parts = urlsplit(value)
    path = parts.path.strip("/")
    if parts.scheme or parts.netloc or (path and path not in PAGES):
        return ""
    params = [(k, v) for k, v in parse_qsl(parts.query)[:12]
              if len(k) <= links.MAX_PARAM and len(v) <= links.MAX_PARAM]
    return links.page_link(path or "home", dict(params))


@dataclass(frozen=True)
class Request:
    """What the Suggest page was asked for. `kind` is 'record' (a known record), 'missing' (a
    missing channel) or 'page' (anything else: a correction to what the page says)."""

    kind: str
    record: Record | None = None
    field: str = WHOLE
    came_from: str = ""
    rigo: str = ""
    problem: links.Message | None = None


def read(atlas: Atlas, params: Mapping[str, object]) -> Request:
    """The Suggest page's request from its URL parameters, every one of them hostile."""
    back = safe_return(params.get("from"))
    table = links._single(params.get("table")) or ""
    rid = links._single(params.get("id")) or ""
    wanted = links._single(params.get("field")) or WHOLE
    rigo, _ = links.parse_choice(params.get("rigo"), list(atlas.rigos.rigo_id), "", "")
    if table == "channels" and not rid:
        return Request("missing", came_from=back, rigo=rigo or "")
    if not table:
        return Request("page", came_from=back)
    if table not in KINDS:
        return Request("page", came_from=back, problem=links.Message(
            N_("We don't know the kind of record '{value}'."), {"value": links.shown(table)}))
    record = find(atlas, table, rid)
    if record is None:
        return Request("page", came_from=back, problem=links.Message(
            N_("We don't know the record '{value}': it may have changed since the link was "
               "made."), {"value": links.shown(rid, 40)}))
    choice = wanted if wanted in (WHOLE, *FIELDS[table]) else WHOLE
    return Request("record", record, choice, back)


def missing_channel_text(organisation: str, name: str, how: str) -> str:
    """The proposed value of a missing-channel suggestion, one labelled line each (English keys:
    it is read by the maintainer, not shown to the public)."""
    return f"organisation: {organisation}\nchannel: {name}\nhow_to_engage: {how}"
