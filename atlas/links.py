"""URL state: parse hostile query parameters into safe values, and build shareable links."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from atlas.i18n import N_, Translator

MAX_PARAM = 64
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EARLIEST = dt.date(1945, 1, 1)


@dataclass(frozen=True)
class Message:
    """A message for the user, translated where it is shown. `what` names the parameter (a
    catalogue string); `then` says what is shown instead (a catalogue string, may be empty)."""

    template: str
    values: dict[str, str] = field(default_factory=dict)
    then: str = ""

    def showing(self, then: str, **values: str) -> Message:
        return Message(self.template, {**self.values, **values}, then)

    def text(self, t: Translator) -> str:
        values = {k: (t(v) if k == "what" else v) for k, v in self.values.items()}
        first = t(self.template, **values)
        return f"{first} {t(self.then, **values)}" if self.then else first


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


def parse_date(raw: object, today: dt.date) -> tuple[dt.date, Message | None]:
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
    return today, Message(N_("We can't use the date '{value}'. Dates look like 2024-06-01 and run "
                             "from {year} to today. Showing today."),
                          {"value": shown(value), "year": str(EARLIEST.year)})


def parse_choice(raw: object, choices: Iterable[str], default: str | None, what: str
                 ) -> tuple[str | None, Message | None]:
    """A value that must be one of `choices` (case-insensitive), else (default, message)."""
    value = _single(raw)
    if value is None or value == "":
        return default, None
    allowed = {c.lower(): c for c in choices}
    if len(value) <= MAX_PARAM and value.strip().lower() in allowed:
        return allowed[value.strip().lower()], None
    return default, Message(N_("We don't know the {what} '{value}'."),
                            {"what": what, "value": shown(value)})


def page_link(path: str, params: Mapping[str, str | None]) -> str:
    """A relative link to another page that carries the state in its query string."""
    kept = {k: v for k, v in params.items() if v}
    return f"/{path.strip('/')}" + (f"?{urlencode(kept)}" if kept else "")


def parse_int(raw: object, low: int, high: int, what: str) -> tuple[int | None, Message | None]:
    """A whole number within [low, high], or (None, message)."""
    value = _single(raw)
    if value is None or value == "":
        return None, None
    if len(value) <= 6 and value.isascii() and value.isdigit() and low <= int(value) <= high:
        return int(value), None
    return None, Message(N_("We can't use '{value}' for {what}: give a whole number from {low} "
                            "to {high}."),
                         {"value": shown(value), "what": what, "low": str(low), "high": str(high)})


MAX_LIST = 500  # characters of a comma list read from a link


def parse_list(raw: object, choices: Iterable[str], what: str) -> tuple[list[str], Message | None]:
    """Comma-separated values that must each be one of `choices`; unknown ones are dropped.

    An over-long list is cut at the last whole item, never inside one (a cut item would be
    reported as an unknown value that the link never held), and the message says so."""
    value = _single(raw)
    if not value:
        return [], None
    allowed = set(choices)
    cut = len(value) > MAX_LIST
    kept = value[:MAX_LIST].rsplit(",", 1)[0] if cut else value
    items = [v.strip() for v in kept.split(",") if v.strip()]
    good = [v for v in dict.fromkeys(items) if v in allowed]
    bad = [v for v in items if v not in allowed]
    if bad:
        return good, Message(N_("We don't know the {what} '{value}'."),
                             {"what": what, "value": shown(bad[0])})
    if cut:
        return good, Message(N_("The list of {what} in the link is too long: we read its first "
                                "{count} items."), {"what": what, "count": str(len(items))})
    return good, None
