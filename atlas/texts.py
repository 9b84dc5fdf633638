"""Markdown built from data (no Streamlit): channel cards and source lists, every data text escaped.

A card is one Markdown text, so a page shows it as one element instead of one per line.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from atlas import glossary, queries
from atlas.escape import for_href, for_markdown
from atlas.pathways import BAND_LABELS, CLOSED, CONDITIONAL, OPEN
from atlas.tables import Atlas

BAND_MARKS = {OPEN: "✔", CONDITIONAL: "◐", CLOSED: "✖"}
BAND_COLOURS = {OPEN: "green", CONDITIONAL: "orange", CLOSED: "gray"}


@dataclass(frozen=True)
class Card:
    """One channel as shown: its organisation's acronym, the card text and any practice notes,
    all Markdown with data text escaped."""

    rigo: str
    markdown: str
    practice: str


def source_links(atlas: Atlas) -> dict[str, str]:
    """source_id -> its Markdown link (use through `atlas.derived`: built once per dataset)."""
    return {s.source_id: (f"[{for_markdown(s.title)}]({for_href(s.url)})" if for_href(s.url)
                          else f"{for_markdown(s.title)} (seed document)")
            for s in atlas.sources.itertuples()}


def sources_line(atlas: Atlas, ids: tuple[str, ...]) -> str:
    links = atlas.derived("source_links", source_links)
    return " · ".join(f"[{n}] {links[sid]}" for n, sid in enumerate(ids, 1) if sid in links)


def card_markdown(atlas: Atlas, ch) -> str:
    """A channel (a row of the channels table, with band and reasons when assessed) as Markdown:
    band in words, badges, how to engage, requirements, verification and sources."""
    band = getattr(ch, "band", "")
    lines = [f":{BAND_COLOURS[band]}-badge[{BAND_MARKS[band]} {BAND_LABELS[band]}]"] if band else []
    lines.append(f"**{for_markdown(ch.name)}**  \n{for_markdown(ch.organ)}")
    badges = [glossary.channel_type(ch.channel_type), glossary.space(ch.space),
              glossary.level(ch.participation_level)]
    lines.append(":gray[" + " · ".join(for_markdown(b) for b in badges if b) + "]")
    if getattr(ch, "reasons", ""):
        verb = "Not open because" if band == CLOSED else "Open if"
        lines.append(f"**{verb}:** {for_markdown(ch.reasons)}")
    lines.append(f"**How to engage:** {for_markdown(ch.how_to_engage)}")
    for label, value in (("Requirements", ch.requirements), ("Who can apply", ch.eligibility_notes)):
        if value:
            lines.append(f"**{label}:** {for_markdown(value)}")
    if for_href(ch.url):
        lines.append(f"[Official page]({for_href(ch.url)})")
    verified = "verified" if ch.confidence == "verified" else "**unverified**: check before acting"
    lines.append(f":gray[Last verified {for_markdown(ch.last_verified)} · {verified} · Sources: "
                 f"{sources_line(atlas, ch.source_ids)}]")
    return "\n\n".join(lines)


def cards(atlas: Atlas, channels: pd.DataFrame) -> list[Card]:
    """Every channel of `channels` as a card, in the frame's order."""
    acronyms = queries.acronyms(atlas)
    return [Card(for_markdown(acronyms.get(ch.rigo_id, ch.rigo_id)), card_markdown(atlas, ch),
                 for_markdown(ch.practice_notes))
            for ch in channels.itertuples(index=False)]


def sources_markdown(sources: pd.DataFrame) -> str:
    """The sources as one Markdown list (one message to the browser, not one per source)."""
    return "\n".join(
        f"- **{for_markdown(s.source_id)}**: {for_markdown(s.title)}. {for_markdown(s.publisher)} "
        f"{for_markdown(s.year)}. "
        f"{for_markdown(s.url if s.url.startswith('http') else f'seed document {s.url}')}"
        for s in sources.itertuples())
