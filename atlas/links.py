"""URL state: parse hostile query parameters into safe values, and build shareable links."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

MAX_PARAM = 64
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EARLIEST = dt.date(1945, 1, 1)


def _single(raw: object) -> str | None:
    """The value of a parameter as one short string (the last one if repeated), or None."""
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else None
    if raw is None:
        return None
    return str(raw)


def shown(value: str, limit: int = 24) -> str:
    """A hostile value cut short and stripped of control characters, for a message."""
    clean = "".join(ch for ch in value if ch.isprintable())
    return clean[:limit] + ("…" if len(clean) > limit else "")


def parse_date(raw: object, today: dt.date) -> tuple[dt.date, str | None]:
    """(date, None) for a valid YYYY-MM-DD between 1945 and today, else (today, message)."""
    value = _single(raw)
    if value is None or value == "":
        return today, None
    if len(value) <= MAX_PARAM and DATE_RE.match(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None and EARLIEST <= day <= today:
            return day, None
    return today, (
        f"We can't use the date '{shown(value)}'. Dates look like 2024-06-01 and run from "
        f"{EARLIEST.year} to today. Showing today."
    )


def parse_choice(raw: object, choices: Iterable[str], default: str | None, what: str
                 ) -> tuple[str | None, str | None]:
    """A value that must be one of `choices` (case-insensitive), else (default, message)."""
    value = _single(raw)
    if value is None or value == "":
        return default, None
    allowed = {c.lower(): c for c in choices}
    if len(value) <= MAX_PARAM and value.strip().lower() in allowed:
        return allowed[value.strip().lower()], None
    return default, f"We don't know the {what} '{shown(value)}'."


def page_link(path: str, params: Mapping[str, str | None]) -> str:
    """A relative link to another page that carries the state in its query string."""
    kept = {k: v for k, v in params.items() if v}
    return f"/{path.strip('/')}" + (f"?{urlencode(kept)}" if kept else "")


def parse_int(raw: object, low: int, high: int, what: str) -> tuple[int | None, str | None]:
    """A whole number within [low, high], or (None, message)."""
    value = _single(raw)
    if value is None or value == "":
        return None, None
    if len(value) <= 6 and value.isascii() and value.isdigit() and low <= int(value) <= high:
        return int(value), None
    return None, f"We can't use '{shown(value)}' for {what}: give a whole number from {low} to {high}."


def parse_list(raw: object, choices: Iterable[str], what: str) -> tuple[list[str], str | None]:
    """Comma-separated values that must each be one of `choices`; unknown ones are dropped."""
    value = _single(raw)
    if not value:
        return [], None
    allowed = set(choices)
    items = [v.strip() for v in value[:500].split(",") if v.strip()]
    good = [v for v in dict.fromkeys(items) if v in allowed]
    bad = [v for v in items if v not in allowed]
    return good, (f"We don't know the {what} '{shown(bad[0])}'." if bad else None)
