"""Streamlit rendering of channel cards (texts built and escaped in atlas.texts), a page at a time."""

from __future__ import annotations

import streamlit as st

from atlas.texts import BAND_MARKS, Card

__all__ = ["BAND_MARKS", "show"]
PAGE = 25  # cards drawn at once; more on request (a large dataset can hold thousands per band)


def _card(card: Card) -> None:
    box = st.container(border=True)
    box.markdown(card.markdown)
    if card.practice:
        box.expander("What happens in practice").markdown(card.practice)


def _more(key: str) -> None:
    st.session_state[key] = st.session_state.get(key, PAGE) + PAGE


def show(cards: list[Card], key: str, by_rigo: bool = False) -> None:
    """The first cards, then a button for the next page; with `by_rigo`, a subheader each time
    the organisation changes (cards come sorted by organisation)."""
    shown = st.session_state.get(key, PAGE)
    rigo = None
    for card in cards[:shown]:
        if by_rigo and card.rigo != rigo:
            rigo = card.rigo
            st.subheader(rigo)
        _card(card)
    rest = len(cards) - shown
    if rest > 0:
        st.button(f"Show {min(rest, PAGE)} more ({rest} not shown)", key=f"{key}-button",
                  on_click=_more, args=(key,))
