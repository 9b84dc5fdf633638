"""Markdown built from data (no Streamlit): channel cards and source lists, every data text escaped.

A card is one Markdown text, so a page shows it as one element instead of one per line.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import glossary, i18n, queries, suggesting
from atlas.escape import for_href, for_markdown, isolate
from atlas.i18n import N_, data
from atlas.pathways import BAND_LABELS, CLOSED, CONDITIONAL, OPEN
from atlas.tables import Atlas
from etl import catalog

BAND_MARKS = {OPEN: "✔", CONDITIONAL: "◐", CLOSED: "✖"}
BAND_COLOURS = {OPEN: "green", CONDITIONAL: "orange", CLOSED: "gray"}


@dataclass(frozen=True)
class Card:
    """One channel as shown: its organisation's acronym, the card text and any practice notes,
    all Markdown with data text escaped."""

    rigo: str
    markdown: str
    practice: str
    original: str = ""  # the English of any machine-translated or stale text, shown on request
    last_verified: str = ""  # how long ago is written when the card is drawn (relative to today)


# Sources that are not the organisation's or publisher's own page say so wherever they are cited.
WEAK_KINDS = {"mirror": N_("(a copy on a third-party site)"), "encyclopedia": N_("(encyclopedia)")}


def _kind_mark(t: i18n.Translator, kind: object) -> str:
    return f" {t(WEAK_KINDS[kind])}" if kind in WEAK_KINDS else ""


def source_links(atlas: Atlas) -> dict[str, str]:
    """source_id -> its Markdown link (use through `atlas.derived`: built once per dataset)."""
    t = i18n.of(atlas)
    seed = t("(seed document)")
    return {s.source_id: (f"[{for_markdown(t.data(s.title))}]({for_href(s.url)})" if for_href(s.url)
                          else f"{for_markdown(t.data(s.title))} {seed}") + _kind_mark(t, s.kind)
            for s in atlas.sources.itertuples()}


def sources_line(atlas: Atlas, ids: tuple[str, ...]) -> str:
    links = atlas.derived("source_links", source_links)
    return " · ".join(f"[{n}] {links[sid]}" for n, sid in enumerate(ids, 1) if sid in links)


READ_FIELDS = (("name", N_("Name")), ("organ", N_("Organ")), ("how_to_engage", N_("How to engage")),
               ("requirements", N_("Requirements")), ("eligibility_notes", N_("Who can apply")),
               ("practice_notes", N_("What happens in practice")))
MARKS = {"machine": N_("machine translation: the ? sign shows the English original"),
         "stale": N_("in English: the translation is being updated")}


def translation_note(atlas: Atlas, record_id: str, table: str = "channels",
                     fields: tuple[tuple[str, str], ...] = READ_FIELDS) -> tuple[str, str]:
    """(a mark for the card, the English originals) when any of the record's `fields` (name,
    label) is a machine translation or shown in English because its translation is stale;
    ('', '') otherwise. `table` is a translatable table (a channel, a window, a case)."""
    if atlas.english is None:
        return "", ""
    origins = atlas.derived("origins", data.origins)
    kinds = {f: origins.get((table, record_id, f)) for f, _ in fields}
    t = i18n.of(atlas)
    mark = " · ".join(t(MARKS[k]) for k in ("machine", "stale") if k in kinds.values())
    machine = [(f, label) for f, label in fields if kinds[f] == "machine"]
    if not machine:
        return mark, ""
    key = catalog.TRANSLATABLE[table][0]
    english = atlas.english.derived(f"{table}_by_id", lambda a: getattr(a, table).set_index(key))
    row = english.loc[record_id]
    original = "\n\n".join("**" + t("{label}, in English:", label=t(label)) + "** "
                             + for_markdown(row[f]) for f, label in machine)
    return mark, original


def line(t: i18n.Translator, *parts: str) -> str:
    """Parts of a line (Markdown, data already escaped) joined by " · ", each isolated so that
    none reorders another (an acronym in brackets in an Arabic name stays in place), the line in
    the page's direction. Empty parts are left out."""
    return t.mark + " · ".join(isolate(p) for p in parts if p)


def labelled(t: i18n.Translator, label: str, value: str) -> str:
    """"**Label:** value" with the language's colon; `value` is Markdown (data escaped)."""
    return f"**{t.label(label)}** {value}"


def mark_line(mark: str) -> str:
    """The card's last line saying its texts are machine-translated or being updated."""
    return f":violet[{for_markdown(mark)}]"


def card_markdown(atlas: Atlas, ch, mark: str = "", came_from: str = "") -> str:
    """A channel (a row of the channels table, with band and reasons when assessed) as Markdown:
    band in words, badges, how to engage, requirements, verification and sources."""
    t = i18n.of(atlas)
    band = getattr(ch, "band", "")
    lines = ([f":{BAND_COLOURS[band]}-badge[{BAND_MARKS[band]} {t(BAND_LABELS[band])}]"]
             if band else [])
    lines.append(f"**{line(t, for_markdown(ch.name))}**  \n{line(t, for_markdown(ch.organ))}")
    badges = [glossary.label(t, "channel_type", ch.channel_type), glossary.label(t, "space", ch.space),
              glossary.label(t, "level", ch.participation_level)]
    lines.append(":gray[" + line(t, *(for_markdown(b) for b in badges if b)) + "]")
    if getattr(ch, "reasons", ""):
        verb = t("Not open because") if band == CLOSED else t("Open if")
        lines.append(labelled(t, verb, for_markdown(ch.reasons)))
    lines.append(labelled(t, t("How to engage"), for_markdown(ch.how_to_engage)))
    for label, value in ((t("Requirements"), ch.requirements), (t("Who can apply"), ch.eligibility_notes)):
        if value:
            lines.append(labelled(t, label, for_markdown(value)))
    if for_href(ch.url):
        lines.append("[" + t("Official page") + f"]({for_href(ch.url)})")
    verified = (t("verified") if ch.confidence == "verified"
                else labelled(t, t("unverified"), t("check before acting")))
    lines.append(":gray[" + t("Last verified {date}", date=for_markdown(t.date(ch.last_verified)))
                 + f" · {verified} · " + t("Sources:") + f" {sources_line(atlas, ch.source_ids)} · "
                 + suggesting.record_link(t, "channels", ch.channel_id, came_from) + "]")
    if mark:
        lines.append(mark_line(mark))
    return "\n\n".join(lines)


def cards(atlas: Atlas, channels: pd.DataFrame, came_from: str = "") -> list[Card]:
    """Every channel of `channels` as a card, in the frame's order; `came_from` is the page they
    are shown on (where "Suggest a correction" leads back to)."""
    from atlas.casebook import used_in_practice  # casebook cites through this module

    acronyms = queries.acronyms(atlas)
    out = []
    for ch in channels.itertuples(index=False):
        mark, original = translation_note(atlas, ch.channel_id)
        used = used_in_practice(atlas, ch.channel_id, ch.rigo_id)
        out.append(Card(for_markdown(acronyms.get(ch.rigo_id, ch.rigo_id)),
                        card_markdown(atlas, ch, mark, came_from) + (f"\n\n{used}" if used else ""),
                        for_markdown(ch.practice_notes), original, ch.last_verified))
    return out


def sources_markdown(t: i18n.Translator, sources: pd.DataFrame, came_from: str = "") -> str:
    """The sources as one Markdown list (one message to the browser, not one per source), each
    with its "Suggest a correction" link."""
    seed = t("seed document")
    return "\n".join(
        f"- **{for_markdown(s.source_id)}**: {for_markdown(s.title)}{_kind_mark(t, s.kind)}. "
        f"{for_markdown(s.publisher)} "
        f"{for_markdown(s.year)}. "
        f"{for_markdown(s.url if s.url.startswith('http') else f'{seed} {s.url}')} · "
        + suggesting.record_link(t, "sources", s.source_id, came_from)
        for s in sources.itertuples())
