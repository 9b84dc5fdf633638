"""The case library: what happened when CSOs used a channel, filtered and in words (no Streamlit)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from atlas import glossary, i18n, links, suggesting, texts
from atlas.escape import for_markdown
from atlas.i18n import N_, Translator
from atlas.tables import Atlas
from atlas.windows import day_words, select, with_region

OUTCOME_MARKS = {"positive": "green", "partial": "orange", "none": "gray", "negative": "red",
                 "unknown": "gray"}


def with_channel_type(atlas: Atlas, cases: pd.DataFrame) -> pd.DataFrame:
    types = dict(zip(atlas.channels.channel_id, atlas.channels.channel_type, strict=True))
    return cases.assign(channel_type=cases.channel_id.map(lambda c: types.get(c, "")))


def choose(atlas: Atlas, day: dt.date, region: str | None = None, rigo_id: str | None = None,
           channel_type: str | None = None, theme: str | None = None, outcome: str | None = None,
           iso3: str | None = None) -> pd.DataFrame:
    """The cases that fit every filter given, newest first. A country's cases are those that
    name it (not every case of its organisations)."""
    out = with_channel_type(atlas, select(atlas, atlas.cases, day, None, rigo_id, region, theme))
    if channel_type:
        out = out[out.channel_type == channel_type]
    if outcome:
        out = out[out.outcome_category == outcome]
    if iso3:
        out = out[out.countries.map(lambda cs: iso3 in cs).astype(bool)]
    return out.sort_values(["date_from", "case_id"], ascending=[False, True]).reset_index(drop=True)


def when(t: Translator, case) -> str:
    """The case's dates as the sources give them (a year, a month or a day)."""
    return day_words(t, case.date_from) + (" – " + day_words(t, case.date_to) if case.date_to else "")


def channel_names(atlas: Atlas) -> dict[str, str]:
    return atlas.derived("channel_names", lambda a: dict(zip(a.channels.channel_id, a.channels.name,
                                                             strict=True)))


# The texts a case card shows, with the labels their English originals are shown under.
CARD_FIELDS = (("title", N_("Title")), ("actors", N_("Who")), ("action", N_("What they did")),
               ("outcome", N_("What came of it")))


def card(atlas: Atlas, case, came_from: str = "") -> texts.Card:
    """One case as a card: its Markdown, marked when a text is a machine translation (or in
    English while its translation is updated), with the English originals to show on request."""
    note, original = texts.translation_note(atlas, case.case_id, "cases", CARD_FIELDS)
    return texts.Card(for_markdown(case.acronym), markdown(atlas, case, note, came_from), "", original,
                      last_verified=str(case.last_verified))


def markdown(atlas: Atlas, case, note: str = "", came_from: str = "") -> str:
    """One case as Markdown: title, organisation, when, outcome, who did what, what came of it,
    and its sources (every data text escaped)."""
    t = i18n.of(atlas)
    outcome = glossary.label(t, "outcome", case.outcome_category)
    channel = channel_names(atlas).get(case.channel_id, "")
    lines = [f"**{texts.line(t, for_markdown(t.data(case.title)))}**  \n"
             + texts.line(t, for_markdown(case.acronym), for_markdown(when(t, case)),
                          for_markdown(channel)),
             f":{OUTCOME_MARKS.get(case.outcome_category, 'gray')}-badge[{for_markdown(outcome)}]",
             texts.labelled(t, t("Who"), for_markdown(t.data(case.actors))),
             texts.labelled(t, t("What they did"), for_markdown(t.data(case.action))),
             texts.labelled(t, t("What came of it"), for_markdown(t.data(case.outcome)))]
    verified = (t("verified") if case.confidence == "verified" else "**" + t("unverified") + "**")
    lines.append(":gray[" + t("Last verified {date}", date=for_markdown(t.date(case.last_verified)))
                 + f" · {verified} · " + t("Sources:") + " "
                 + texts.sources_line(atlas, case.source_ids) + " · "
                 + suggesting.record_link(t, "cases", case.case_id, came_from) + "]")
    if note:
        lines.append(texts.mark_line(note))
    return "\n\n".join(lines)


def table(t: Translator, cases: pd.DataFrame) -> pd.DataFrame:
    """The cases as the page lists them."""
    return pd.DataFrame({
        "date_from": [when(t, c) for c in cases.itertuples(index=False)],
        "acronym": cases.acronym, "title": cases.title.map(t.data),
        "outcome_category": cases.outcome_category.map(glossary.labeller(t, "outcome"))})


def by_channel(atlas: Atlas) -> dict[str, list[tuple[str, str]]]:
    """channel_id -> [(case title, year)] of the cases that cite it (use through `derived`)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for c in atlas.cases.sort_values("date_from").itertuples(index=False):
        if c.channel_id:
            out.setdefault(c.channel_id, []).append((c.title, c.date_from[:4]))
    return out


def used_in_practice(atlas: Atlas, channel_id: str, rigo_id: str, most: int = 3) -> str:
    """'Used in practice: …' for a channel card: up to `most` cases, then how many more."""
    cases = atlas.derived("cases_by_channel", by_channel).get(channel_id, [])
    if not cases:
        return ""
    t = i18n.of(atlas)  # data texts marked in the pseudo-locale
    shown = "; ".join(f"{for_markdown(t.data(title))} ({year})" for title, year in cases[-most:][::-1])
    rest = len(cases) - most
    more = " " + t.n("and {count} more", "and {count} more", rest) if rest > 0 else ""
    link = links.page_link("cases", {"rigo": rigo_id,
                                     "lang": t.code if t.code != i18n.DEFAULT else None})
    return (texts.labelled(t, t("Used in practice"), shown + more) + " · ["
            + t("All cases of this organisation") + f" →]({link})")


FILTERS = (("region", "region", N_("region"), N_("Region")),
           ("rigo", "organisation", N_("organisation"), N_("Organisation")),
           ("type", "channel_type", N_("channel type"), N_("Channel type")),
           ("theme", "theme", N_("theme"), N_("Theme")),
           ("outcome", "outcome", N_("outcome"), N_("Outcome")))


def filters(atlas: Atlas) -> list[tuple[str, list[str], str, str, str]]:
    """(URL parameter, choices, label kind, what a bad value is called, widget label) of each
    filter, its choices those the cases hold (use through `derived`)."""
    cases = with_channel_type(atlas, with_region(atlas, atlas.cases))
    acronyms = dict(zip(atlas.rigos.rigo_id, atlas.rigos.acronym, strict=True))
    choices = {"region": sorted(set(cases.region)),
               "rigo": sorted(set(cases.rigo_id), key=lambda r: acronyms.get(r, r)),
               "type": sorted(set(cases.channel_type) - {""}),
               "theme": sorted({th for ths in cases.themes for th in ths}),
               "outcome": [o for o in OUTCOME_MARKS if o in set(cases.outcome_category)]}
    return [(param, choices[param], kind, what, label) for param, kind, what, label in FILTERS]
