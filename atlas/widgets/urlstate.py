"""Widgets whose value lives in the URL, without losing what the user picks.

A widget whose default (value=, index=, default=) is read from the URL changes identity every
time the URL changes, and Streamlit then drops the user's next pick: every second change was
lost. So each such widget has a fixed key, and its state is set from the URL only on its first
run and when the URL changed from outside (a link, a pasted address, back and forward), never
because of our own writes to the URL.

    urlstate.seed("country", iso3_from_url, "iso3", valid=codes)
    picked = st.selectbox("Country", codes, key="country")
    st.query_params["iso3"] = picked
    urlstate.written("country", "iso3")
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

_SEEN = "url-seen:"


def _raw(params: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(st.query_params.get_all(p)) for p in params)


def seed(key: str, value: object, *params: str, valid: Collection | None = None) -> None:
    """Give widget `key` the URL's `value` unless the user's own choice is current.

    `params` are the URL parameters the widget writes; `valid`, when given, is what the widget
    can show now (a stored choice outside it, e.g. after a filter changed, is replaced).
    """
    state = st.session_state
    stale = valid is not None and key in state and not _fits(state[key], valid)
    if key not in state or state.get(_SEEN + key) != _raw(params) or stale:
        state[key] = value


def _fits(value: object, valid: Collection) -> bool:
    if isinstance(value, list):
        return all(v in valid for v in value)
    return value in valid


def written(key: str, *params: str) -> None:
    """Record the URL parameters as the page wrote them after drawing widget `key`."""
    st.session_state[_SEEN + key] = _raw(params)


def bound(widget, param: str, value: object, *, key: str, valid: Collection | None = None,
          to_url=str, **kwargs):
    """Draw `widget(key=key, **kwargs)` seeded from the URL's `value`, write its pick to `param`
    (removed when empty), and return the pick."""
    seed(key, value, param, valid=valid)
    picked = widget(key=key, **kwargs)
    if picked is None or picked == "" or picked == []:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = to_url(picked)
    written(key, param)
    return picked


def optional(widget, param: str, value: str | None, *, key: str, options: list[str],
             everything: str, format_func=str, **kwargs) -> str | None:
    """A choice that may be "all of them" (shown as `everything`, no URL parameter): returns
    None for it. (A None option would show as an empty box once the widget has a key.)"""
    choices = ["", *options]
    picked = bound(widget, param, value or "", key=key, options=choices, valid=choices,
                   format_func=lambda v: format_func(v) if v else everything, **kwargs)
    return picked or None
