"""What changed: the change log (data/processed/changes.csv) filtered by country, organisation and
dates, each change as a sentence in the reader's language with links to its records, and the Atom
feed that follows the same choice (no Streamlit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas import eras, glossary, i18n, links, profiles, queries
from atlas.escape import for_href, for_markdown
from atlas.i18n import N_, Translator
from atlas.tables import Atlas

FEED_URL = "/app/static/data/feeds"
FEED_DIR = Path(__file__).resolve().parents[1] / "static" / "data" / "feeds"
REACHING = ("member", "suspended", "associate")  # as the feeds: whose channels a country uses
SENTENCES = {
    "joined": N_("{organisation}: {country} became a member."),
    "rejoined": N_("{organisation}: {country} became a member again."),
    "suspended": N_("{organisation}: {country} was suspended."),
    "reinstated": N_("{organisation}: {country} was reinstated."),
    "left": N_("{organisation}: {country} left."),
    "observer_admitted": N_("{organisation}: {country} was admitted as an observer."),
    "associate_admitted": N_("{organisation}: {country} became an associate member."),
    "candidate_admitted": N_("{organisation}: {country} became a candidate for membership."),
    "observer_ended": N_("{organisation}: {country} is no longer an observer."),
    "associate_ended": N_("{organisation}: {country} is no longer an associate member."),
    "candidacy_ended": N_("{organisation}: the candidacy of {country} ended."),
    "channel_added": N_("{organisation}: new channel, {channel}."),
    "channel_changed": N_("{organisation}: {channel}: “{field}” corrected."),
    "channel_closed": N_("{organisation}: {channel} closed."),
    "correction": N_("Correction to {record}: “{field}”."),
}
FIELDS = {"*": N_("the whole record"), "name": N_("Name"), "organ": N_("Organ"),
          "how_to_engage": N_("How to engage"), "requirements": N_("Requirements"),
          "eligibility_notes": N_("Who can apply"), "practice_notes": N_("What happens in practice"),
          "url": N_("Official page"), "status": N_("Status")}


def parse_day(raw: object, today: dt.date) -> tuple[dt.date | None, links.Message | None]:
    """An optional date from a link: None when absent, None and a message when unusable."""
    value = raw[-1] if isinstance(raw, list | tuple) and raw else raw
    if value is None or value == "" or value == []:
        return None, None
    day, problem = links.parse_date(raw, today)
    if problem is None:
        return day, None
    return None, links.Message(N_("We can't use the date '{value}'. Dates look like 2024-06-01 and "
                                  "run from {year} to today."), problem.values)


def feed_url(kind: str = "", code: str = "") -> str | None:
    """The Atom feed of everything (no kind), an organisation ("rigo") or a country ("country"),
    or None when the ETL wrote none for it (no change recorded)."""
    name = f"{kind}/{code}.atom" if kind else "all.atom"
    return f"{FEED_URL}/{name}" if (FEED_DIR / name).is_file() else None


def country_rigos(atlas: Atlas, iso3: str) -> set[str]:
    """The organisations a country belongs to in its latest period on record."""
    m = atlas.memberships
    return set(m[(m.iso3 == iso3) & (m.end_date == "") & m.status.isin(REACHING)].rigo_id)


def choose(atlas: Atlas, iso3: str | None = None, rigo_id: str | None = None,
           start: dt.date | None = None, end: dt.date | None = None) -> pd.DataFrame:
    """The changes that fit, newest first. A country's changes are its memberships and the other
    changes (channels…) of the organisations it belongs to, as in its feed."""
    df = atlas.changes
    if iso3:
        df = df[(df.iso3 == iso3) | ((df.iso3 == "") & df.rigo_id.isin(country_rigos(atlas, iso3)))]
    if rigo_id:
        df = df[df.rigo_id == rigo_id]
    if start:
        df = df[df.date >= start.isoformat()]
    if end:
        df = df[df.date <= end.isoformat()]
    return df.sort_values(["date", "change_id"], ascending=[False, True]).reset_index(drop=True)


def _organisation(atlas: Atlas, t: Translator, rigo_id: str, date: str, lang: str | None) -> str:
    """The organisation as a link to its page; its predecessor's name before it existed."""
    if not rigo_id:
        return ""
    rigos = atlas.derived("rigos_by_id", lambda a: a.rigos.set_index("rigo_id"))
    if rigo_id not in rigos.index:
        return for_markdown(rigo_id)
    rigo = rigos.loc[rigo_id]
    label = rigo.acronym
    if eras.era({**rigo.to_dict(), "rigo_id": rigo_id}, dt.date.fromisoformat(date)) == eras.PREDECESSOR:
        before = t("predecessor of the {acronym}", acronym=rigo.acronym)
        label = f"{t.data(rigo.predecessor)} ({before})"
    return f"[{for_markdown(label)}]({links.page_link('rigo', {'id': rigo_id, 'lang': lang})})"


def _channel(atlas: Atlas, record_id: str, lang: str | None) -> str:
    names = atlas.derived("channel_names", lambda a: dict(zip(a.channels.channel_id, a.channels.name,
                                                              strict=True)))
    page = links.page_link("data", {"table": "channels", "q": record_id, "lang": lang})
    return f"[{for_markdown(names.get(record_id, record_id))}]({page})"


def sentence(atlas: Atlas, change, lang: str | None = None) -> str:
    """The change in the reader's language, as Markdown with links to its records."""
    t = i18n.of(atlas)
    country = ""
    if change.iso3:
        page = links.page_link("country", {"iso3": change.iso3, "lang": lang})
        country = f"[{for_markdown(profiles.country_name(atlas, change.iso3))}]({page})"
    field = getattr(change, "field", "*") or "*"
    page = links.page_link("data", {"table": change.table, "q": change.record_id, "lang": lang})
    return t(SENTENCES.get(change.kind, SENTENCES["correction"]),
             organisation=_organisation(atlas, t, change.rigo_id, change.date, lang),
             country=country, channel=_channel(atlas, change.record_id, lang),
             field=t(FIELDS[field]) if field in FIELDS else for_markdown(field),
             record=f"[{for_markdown(change.table)} {for_markdown(change.record_id)}]({page})")


def _sources(atlas: Atlas, t: Translator, ids: tuple[str, ...]) -> str:
    urls = atlas.derived("source_urls", lambda a: dict(zip(a.sources.source_id, a.sources.url,
                                                           strict=True)))
    found = [(n, for_href(urls[s])) for n, s in enumerate(ids, 1) if s in urls]
    seed = t("(seed document)")
    cited = " ".join(f"[{n}]({href})" if href else f"[{n}] {seed}" for n, href in found)
    return t("Sources:") + " " + cited if cited else ""


def line(atlas: Atlas, change, lang: str | None = None) -> str:
    """One change as a Markdown line: its date, its sentence, its kind and its sources."""
    t = i18n.of(atlas)
    unsure = t("exact day not confirmed: see the note of the membership") \
        if change.day_unverified == "true" else ""
    extra = " · ".join(x for x in (glossary.label(t, "change_kind", change.kind), unsure,
                                   _sources(atlas, t, change.source_ids)) if x)
    return f"**{t.date(change.date)}** · {sentence(atlas, change, lang)}  \n:gray[{extra}]"


@dataclass(frozen=True)
class Changes:
    """What the What changed page shows for one choice: the rows, their lines and their sources."""

    rows: pd.DataFrame
    lines: list[str]
    cited: pd.DataFrame


def view(atlas: Atlas, iso3: str | None, rigo_id: str | None, start: dt.date | None,
         end: dt.date | None, lang: str | None = None) -> Changes:
    rows = choose(atlas, iso3, rigo_id, start, end)
    return Changes(rows, [line(atlas, c, lang) for c in rows.itertuples(index=False)],
                   queries.sources_for(atlas, rows))
