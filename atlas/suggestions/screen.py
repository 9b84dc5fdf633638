"""Screening a suggested correction, before it is stored: pure functions, no database.

`clean(draft)` makes every text storable (no NUL or control characters, no lone surrogates, one
kind of line break); `check(draft, now, ...)` says whether it is refused (an English message the
page translates: the user can fix it) or flagged as spam (stored as `spam`, answered like any
other: honeypot, too fast, over a cap). No CAPTCHA.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from urllib.parse import urlsplit

from atlas.i18n import LANGS, N_

MIN_FILL_SECONDS = 4.0
SESSION_CAP_PER_HOUR = 10
SITE_CAP_PER_DAY = 1_000
MAX_PROPOSED = 2_000
MAX_NOTE = 4_000
MAX_CURRENT = 4_000
MAX_URL = 2_000
MAX_EMAIL = 254
MAX_SHORT = 200  # record ids, session ids, tokens

_NOT_EDITABLE = {"source_ids", "last_verified", "confidence"}


def _fields(columns: str, key: str) -> tuple[str, ...]:
    return ("*", *(c for c in columns.split() if c != key and c not in _NOT_EDITABLE))


# What may be corrected: every published table, its columns (not its key or provenance), "*".
ALLOWED: dict[str, tuple[str, ...]] = {
    "channels": _fields(
        "channel_id rigo_id organ name channel_type space participation_level policy_stages "
        "eligibility eligibility_notes requirements selection_by open_to min_years_registered "
        "min_member_funding_share registered_in_member_state mandate_required limited_to_iso3 "
        "themes ew_roles established_year status how_to_engage url practice_notes", "channel_id"),
    "memberships": _fields("rigo_id iso3 status start_date end_date note", ""),
    "networks": _fields(
        "network_id name acronym scope region hq_city hq_iso3 hq_lat hq_lon parent_network_id "
        "themes website", "network_id"),
    "network_countries": _fields("network_id iso3 as_of_year note", ""),
    "rigos": _fields(
        "rigo_id acronym name region scope hq_city hq_iso3 hq_lat hq_lon founded_year website "
        "predecessor predecessor_until observer_since associate_since", "rigo_id"),
    "sources": _fields("source_id title publisher year url accessed kind", "source_id"),
    "engagement_windows": _fields(
        "window_id rigo_id channel_id title what_happens who_may_take_part cso_action lead_time "
        "recurrence recurrence_kind every_n_years usual_months themes held_dates last_held_start "
        "last_held_end last_held_place next_start next_end next_place date_status", "window_id"),
    "cases": _fields(
        "case_id title date_from date_to countries rigo_id channel_id actors network_ids action "
        "outcome outcome_category themes", "case_id"),
    "recommendations": _fields("rec_id section text addressed_to instrument", "rec_id"),
}

# Refusals: the user can fix these (the page shows t(msgid)).
NO_RECORD = N_("This record cannot take suggestions. Please use the link on the record itself.")
NO_CHANGE = N_("Please write the correction you propose.")
NO_EVIDENCE = N_("Please give a link to the evidence: a public web page that shows the correction.")
BAD_EVIDENCE = N_("The evidence link must be a full web address starting with http:// or https://.")
LONG_PROPOSED = N_("The proposed correction is too long: please keep it under 2,000 characters.")
LONG_NOTE = N_("The note is too long: please keep it under 4,000 characters.")
LONG_URL = N_("The evidence link is too long: please keep it under 2,000 characters.")
BAD_EMAIL = N_("This e-mail address does not look right. You can also leave it empty.")
REFUSALS = (NO_RECORD, NO_CHANGE, NO_EVIDENCE, BAD_EVIDENCE, LONG_PROPOSED, LONG_NOTE, LONG_URL,
            BAD_EMAIL)

_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
_MULTILINE = {"current_value", "proposed_value", "note"}


@dataclass(frozen=True)
class Draft:
    """What the form sends."""

    table: str
    record_id: str
    field: str
    current_value: str = ""
    proposed_value: str = ""
    evidence_url: str = ""
    note: str = ""
    lang: str = "en"
    page_url: str = ""
    contact_email: str = ""
    honeypot: str = ""
    started_at: float = 0.0
    session_id: str = ""
    token: str = ""


@dataclass(frozen=True)
class Verdict:
    refused: str | None = None      # an English msgid: shown (translated), nothing stored
    spam_reason: str | None = None  # stored as spam, answered like any other

    @property
    def ok(self) -> bool:
        return self.refused is None and self.spam_reason is None


def clean_text(value: object, multiline: bool = False) -> str:
    """A storable text: lone surrogates become U+FFFD, NUL and other control characters go
    (tabs and line breaks stay in multi-line texts, as \\n), leading/trailing spaces go."""
    if isinstance(value, bytes):
        text = value.decode("utf-8", errors="replace")
    else:
        text = "" if value is None else str(value)
    # Surrogate pairs become their character, a lone surrogate one U+FFFD.
    text = text.encode("utf-16-le", errors="surrogatepass").decode("utf-16-le", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isprintable():  # the common case skips the character-by-character pass
        keep = "\n\t" if multiline else ""
        text = "".join(c for c in text if c in keep or unicodedata.category(c) != "Cc")
    return text.strip()


def clean(draft: Draft) -> Draft:
    """The draft with every text field cleaned; an unknown language becomes English."""
    changes: dict[str, object] = {
        f.name: clean_text(getattr(draft, f.name), f.name in _MULTILINE)
        for f in fields(draft) if f.name != "started_at"
    }
    changes["session_id"] = str(changes["session_id"])[:MAX_SHORT]
    if len(str(changes["token"])) > MAX_SHORT:
        changes["token"] = ""  # a forged key: no idempotency for it
    if changes["lang"] not in LANGS:
        changes["lang"] = "en"
    if changes["page_url"] and not web_address(str(changes["page_url"])):
        changes["page_url"] = ""  # the page's own address, from a URL parameter: dropped if odd
    try:
        started = float(draft.started_at)
    except (TypeError, ValueError):
        started = 0.0
    changes["started_at"] = started if started == started else 0.0  # NaN
    return replace(draft, **changes)  # type: ignore[arg-type]


def web_address(url: str) -> bool:
    """An absolute http(s) address with a host name, no spaces or credentials."""
    if not url or len(url) > MAX_URL:
        return False
    if any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in url):
        return False  # spaces, controls, invisible and direction marks
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        return False
    named = "." in host.strip(".") or ":" in host  # a domain name or an IPv6 address
    return parts.scheme.lower() in ("http", "https") and named and not parts.username


def email_shape(address: str) -> bool:
    return len(address) <= MAX_EMAIL and _EMAIL.fullmatch(address) is not None


def refusal(draft: Draft) -> str | None:
    """Why a (cleaned) draft is refused, or None."""
    if draft.table not in ALLOWED or draft.field not in ALLOWED[draft.table] \
            or len(draft.record_id) > MAX_SHORT:
        return NO_RECORD
    if not draft.proposed_value and not draft.note:
        return NO_CHANGE
    if len(draft.proposed_value) > MAX_PROPOSED:
        return LONG_PROPOSED
    if len(draft.note) > MAX_NOTE:
        return LONG_NOTE
    if not draft.evidence_url:
        return NO_EVIDENCE
    if len(draft.evidence_url) > MAX_URL:
        return LONG_URL
    if not web_address(draft.evidence_url):
        return BAD_EVIDENCE
    if draft.contact_email and not email_shape(draft.contact_email):
        return BAD_EMAIL
    return None


def _epoch(now: float | dt.datetime) -> float:
    return now.timestamp() if isinstance(now, dt.datetime) else float(now)


def spam_reason(draft: Draft, now: float | dt.datetime, session_count: int = 0,
                day_count: int = 0) -> str | None:
    """Why a draft looks automated or abusive, or None. `session_count`: this session's
    submissions in the last hour; `day_count`: the site's today (both counted by the store)."""
    if draft.honeypot:
        return "honeypot"
    elapsed = _epoch(now) - draft.started_at
    if not draft.started_at or elapsed < MIN_FILL_SECONDS or elapsed > 86_400 * 2:
        return "too_fast" if 0 <= elapsed < MIN_FILL_SECONDS else "bad_start"
    if len(draft.current_value) > MAX_CURRENT:  # the page fills it in: a forged form
        return "oversized"
    if session_count >= SESSION_CAP_PER_HOUR:
        return "session_cap"
    if day_count >= SITE_CAP_PER_DAY:
        return "site_cap"
    return None


def check(draft: Draft, now: float | dt.datetime, *, session_count: int = 0,
          day_count: int = 0) -> Verdict:
    """Refused (a msgid), spam (a reason) or fine; the draft is cleaned first."""
    draft = clean(draft)
    reason = refusal(draft)
    if reason:
        return Verdict(refused=reason)
    return Verdict(spam_reason=spam_reason(draft, now, session_count, day_count))
