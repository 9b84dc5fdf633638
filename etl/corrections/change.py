"""One reviewed change, as pure functions: find its entry, turn the proposed text into a value, and
write the new record file, the evidence source and the corrections log entry."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any
from urllib.parse import urlsplit

from etl import catalog, record_ids

# Fields a review may set on a membership period (the rest of a period is its identity).
MEMBERSHIP_FIELDS = ("end_date", "status", "note")
DATE_FIELDS = ("start_date", "end_date", "last_verified", "accessed", "date")
TABLES = {t.name: t for t in catalog.TABLES}


class Refused(ValueError):
    """A change that cannot be applied automatically; the message says what to do instead."""


@dataclass(frozen=True)
class Change:
    """What an accepted suggestion asks for, plus what the review adds."""

    table: str
    record_id: str
    field: str
    proposed: str
    evidence_url: str
    why: str
    reference: str = ""
    today: dt.date = _field(default_factory=dt.date.today)


def check_editable(change: Change) -> None:
    """Raise Refused for what only a maintainer can do by hand."""
    if not change.record_id or change.field == "*":
        raise Refused("a missing or whole record cannot be applied automatically: add it by hand")
    if change.table not in record_ids.ID_FIELDS and change.table != "memberships":
        raise Refused(f"{change.table} records are edited by hand (data/raw)")
    if change.table == "memberships" and change.field not in MEMBERSHIP_FIELDS:
        raise Refused(f"a membership's {change.field} is edited by hand; review may set "
                      f"{', '.join(MEMBERSHIP_FIELDS)} (record id RIGO/ISO3/START)")
    if change.field in (record_ids.ID_FIELDS.get(change.table), "source_ids", "last_verified"):
        raise Refused(f"'{change.field}' is not set by review: edit it by hand")


def entry_finder(table: str, record_id: str):
    """A function that finds the record's entry in a loaded YAML document (KeyError if absent)."""
    membership = record_ids.membership_id(record_id) if table == "memberships" else None

    def find(document: Any):
        for entry in (document or {}).get(table) or []:
            if membership is not None and membership.matches(entry):
                return entry
            if membership is None and entry.get(record_ids.ID_FIELDS.get(table, "")) == record_id:
                return entry
        raise KeyError(f"{table} record '{record_id}' not found")

    return find


def value(table: str, field: str, proposed: str, current: Any) -> Any:
    """The proposed text as the YAML value the schema expects; empty text removes the field."""
    text = proposed.strip()
    if not text:
        return None
    if field in TABLES[table].list_columns or isinstance(current, list):
        return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]
    if field in DATE_FIELDS or isinstance(current, dt.date):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # the build reports it with the record and field
    if isinstance(current, bool) or text in ("true", "false"):
        return {"true": True, "false": False}.get(text, text)
    for kind in (int, float):
        if isinstance(current, kind):
            try:
                return kind(text)
            except ValueError:
                return text
    return proposed.strip()


def as_text(current: Any) -> str | None:
    """A value as the log writes it (lists joined by '; '), None when the field was unset."""
    if current is None:
        return None
    if isinstance(current, list):
        return "; ".join(str(v) for v in current)
    if isinstance(current, bool):
        return "true" if current else "false"
    return str(current)


def plain(text: str, limit: int = 4000) -> str:
    """Free text for the log: control characters dropped (a terminal escape never reaches a file)."""
    kept = "".join(ch if ch in "\n\t" or unicodedata.category(ch) != "Cc" else " " for ch in text)
    return kept.strip()[:limit]


def host(url: str | None) -> str:
    try:
        name = (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""
    return name.removeprefix("www.")


def is_official(evidence_url: str, own_sites: list[str | None]) -> bool:
    """The evidence is on the organisation's own site (its host or one of its subdomains)."""
    found = host(evidence_url)
    return bool(found) and any(site and (found == site or found.endswith("." + site))
                               for site in map(host, own_sites))
