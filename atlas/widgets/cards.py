"""Streamlit rendering of channel cards (texts built and escaped in atlas.texts), a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import streamlit as st

from atlas import freshness
from atlas.i18n import N_
from atlas.pathways import CLOSED, CONDITIONAL, OPEN
from atlas.texts import BAND_MARKS, Card
from atlas.widgets import today, translator

__all__ = ["BAND_MARKS", "card", "paged", "show"]
T = TypeVar("T")
PAGE = 25  # cards drawn at once; more on request (a large dataset can hold thousands per band)


# What an empty band tells the user: where to look instead.
EMPTY_BANDS = {
    OPEN: N_("No channel is open now to an organisation like yours here. Look at the channels that "
             "open if conditions are met, and at the networks that can carry your voice."),
    CONDITIONAL: N_("No channel opens on conditions here."),
    CLOSED: N_("None: every channel here is open, or open on conditions."),
}


def card(item: Card) -> None:
    """One card in a border: its Markdown, the English originals behind the ? sign, and its
    practice notes in an expander."""
    box = st.container(border=True)
    fresh = freshness.freshness_markdown(translator(), item.last_verified, today())
    box.markdown(item.markdown + (f"\n\n{fresh}" if fresh else ""), help=item.original or None)
    if item.practice:
        t = translator()
        box.expander(t("What happens in practice")).markdown(item.practice)


def _more(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, PAGE) + PAGE


def paged(items: Sequence[T], key: str, draw: Callable[[T], object]) -> None:
    """Draw the first page of items, then a button for the next page."""
    shown = st.session_state.get(key, PAGE)
    for item in items[:shown]:
        draw(item)
    rest = len(items) - shown
    if rest > 0:
        t = translator()
        st.button(t("Show {more} more ({rest} not shown)", more=min(rest, PAGE), rest=rest),
                  key=f"{key}-button",
                  on_click=_more, args=(key,))


def show(cards: list[Card], key: str, by_rigo: bool = False, empty: str = N_("None.")) -> None:
    """Channel cards a page at a time; with `by_rigo`, a subheader each time the organisation
    changes (cards come sorted by organisation). `empty` is what an empty list says."""
    if not cards:
        st.markdown(translator()(empty))
        return
    last: list[str | None] = [None]

    def draw(item: Card) -> None:
        if by_rigo and item.rigo != last[0]:
            last[0] = item.rigo
            st.subheader(item.rigo, anchor=False)
        card(item)

    paged(cards, key, draw)
