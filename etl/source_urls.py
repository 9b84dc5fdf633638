"""Rules for a source's URL: it stays in its folder and names a document, not a search."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit


def no_climbing(value: str) -> str:
    if ".." in value.split("?")[0].split("/") or "\\" in value:
        raise ValueError(f"'{value}' is a path that leaves its folder")
    return value


# Query keys of a search, or of a session: such a page shows what a search or a visit returned,
# not a document, and another reader may see something else (or nothing).
SEARCH_KEYS = {"q", "query", "search", "searchword", "keyword", "keywords", "s", "jsessionid",
               "phpsessid", "sessionid", "session_id", "sessid", "t:state:client"}
# Query keys that page through a listing: the items on page N move as new ones are posted.
LISTING_KEYS = {"page", "start", "paged", "wpv_paged", "offset"}


def not_a_search_page(value: str) -> str:
    """Refuse search results, session tokens and pages of a listing as a source URL."""
    if not value.startswith("http"):
        return value
    parts = urlsplit(value)
    segments = [seg.lower() for seg in parts.path.split("/")]
    query = {key.lower(): val for key, val in parse_qsl(parts.query, keep_blank_values=True)}
    why = None
    if any(seg == "search" or seg.startswith("search.") for seg in segments):
        why = "a search page"
    elif ";jsessionid=" in parts.path.lower() or SEARCH_KEYS & set(query):
        why = f"a search result or a session ({', '.join(sorted(SEARCH_KEYS & set(query)))})"
    elif "file" not in query and any(query.get(key, "").isdigit() for key in LISTING_KEYS) or (
            re.search(r"/page/\d+/?$", parts.path)):  # a page of a named file is a fixed place
        why = "a page of a listing whose items shift"
    if why:
        raise ValueError(f"'{value[:80]}' is {why}: cite the document itself")
    return value
