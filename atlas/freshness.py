"""How long ago a record was checked against its sources, in words (no Streamlit).

A record whose `last_verified` is more than twelve months before today is marked on screen:
"not verified for over a year".
"""

from __future__ import annotations

import datetime as dt

from atlas.escape import for_markdown
from atlas.i18n import Translator

STALE_MONTHS = 12


def _day(value: str | dt.date) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (0 when `end` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    return max(0, months)


def is_stale(last_verified: str | dt.date, today: dt.date) -> bool:
    """True when the record was last verified more than twelve months before today."""
    day = _day(last_verified)
    if day is None:
        return False
    months = months_between(day, today)
    return months > STALE_MONTHS or (months == STALE_MONTHS and
                                     (today.month, today.day) != (day.month, day.day))


def verified_ago(t: Translator, last_verified: str | dt.date, today: dt.date) -> str:
    """'verified today', 'verified 12 days ago', 'verified 3 months ago', 'verified 2 years ago';
    '' when the date is missing or unreadable."""
    day = _day(last_verified)
    if day is None:
        return ""
    days = (today - day).days
    if days <= 0:
        return t("verified today")
    if days < 31:
        return t.n("verified {count} day ago", "verified {count} days ago", days)
    months = max(1, months_between(day, today))
    if months < 24:
        return t.n("verified {count} month ago", "verified {count} months ago", months)
    return t.n("verified {count} year ago", "verified {count} years ago", months // 12)


def freshness_markdown(t: Translator, last_verified: str | dt.date, today: dt.date) -> str:
    """A line for a card: grey when fresh, orange and marked when not verified for over a year."""
    ago = verified_ago(t, last_verified, today)
    if not ago:
        return ""
    if is_stale(last_verified, today):
        return ":orange[**" + t("Not verified for over a year") + "** · " + for_markdown(ago) + "]"
    return ":gray[" + for_markdown(ago) + "]"
