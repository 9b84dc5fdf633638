"""Suggestions stored and reviewed: submit (exactly once per token), read, move between states
(each move logged as an event), forget a contact. Contact e-mails live only in
suggestion_contacts: no SuggestionRow, listing or history carries them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine, RowMapping
from sqlalchemy.exc import IntegrityError

from atlas.suggestions import intake, screen
from atlas.suggestions.db import suggestion_contacts, suggestion_events, suggestions, writing
from atlas.suggestions.intake import REFERENCE_LENGTH, SUBMITTER, Receipt, new_reference, utc
from atlas.suggestions.screen import Draft

__all__ = ["STATES", "TRANSITIONS", "SUBMITTER", "Draft", "Event", "IllegalTransition",
           "NotFound", "Receipt", "Refused", "SuggestionRow", "contact", "forget_contact", "get",
           "history", "listing", "new_reference", "normalise_reference", "submit", "transition",
           "utc"]

STATES = ("received", "needs_evidence", "accepted", "rejected", "spam", "merged")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("needs_evidence", "accepted", "rejected", "spam"),
    "needs_evidence": ("accepted", "rejected", "spam"),
    "accepted": ("merged", "rejected"),
    "spam": ("received",),
    "rejected": (),
    "merged": (),
}


class Refused(ValueError):
    """A draft the user must fix; `msgid` is the English message the page translates."""

    def __init__(self, msgid: str):
        super().__init__(msgid)
        self.msgid = msgid


class IllegalTransition(ValueError):
    pass


class NotFound(LookupError):
    pass


@dataclass(frozen=True)
class SuggestionRow:
    reference: str
    state: str
    created_at: dt.datetime
    updated_at: dt.datetime
    table: str
    record_id: str
    field: str
    current_value: str
    proposed_value: str
    evidence_url: str
    note: str
    lang: str
    page_url: str
    session_id: str
    spam_reason: str | None
    reviewer: str
    reason: str
    merged_in: str
    has_contact: bool = False


@dataclass(frozen=True)
class Event:
    reference: str
    at: dt.datetime
    reviewer: str
    from_state: str | None
    to_state: str
    reason: str


def normalise_reference(reference: str) -> str:
    """What a person types: any case, spaces, O for 0, I or L for 1; with or without S-."""
    text = "".join(str(reference).split()).upper()
    if text.startswith("S-"):
        text = text[2:]
    elif text.startswith("S") and len(text) == REFERENCE_LENGTH + 1:
        text = text[1:]
    text = text.translate(str.maketrans("OIL", "011")).replace("-", "")
    return "S-" + text


def submit(engine: Engine, draft: Draft, now: dt.datetime | None = None) -> Receipt:
    """Store a suggestion; the same token twice gives the same reference (one row).
    Raises Refused(msgid) for a draft the user must fix. Spam is stored as `spam`.
    Without `now` (the app), concurrent submissions are committed together (intake.Group)."""
    draft = screen.clean(draft)
    refused = screen.refusal(draft)
    if refused:
        raise Refused(refused)
    if now is None:
        return intake.group(engine).submit(engine, draft)
    for _attempt in range(4):
        try:
            return intake.write_one(engine, draft, utc(now))
        except IntegrityError:  # a reference drawn twice (one in 10^12): draw again
            continue
    return intake.write_one(engine, draft, utc(now))


def _select() -> sa.Select:
    contact = sa.exists().where(suggestion_contacts.c.reference == suggestions.c.reference)
    return sa.select(suggestions, contact.label("has_contact"))


def _from_result(mapping: RowMapping) -> SuggestionRow:
    values = {key: value for key, value in mapping.items() if key not in ("id", "token")}
    values["table"] = values.pop("table_name")
    values["created_at"] = utc(values["created_at"])
    values["updated_at"] = utc(values["updated_at"])
    values["has_contact"] = bool(values["has_contact"])
    return SuggestionRow(**values)


def get(engine: Engine, reference: str) -> SuggestionRow | None:
    with engine.connect() as connection:
        found = connection.execute(_select().where(
            suggestions.c.reference == normalise_reference(reference))).mappings().first()
    return _from_result(found) if found else None


def listing(engine: Engine, state: str | None = None) -> list[SuggestionRow]:
    """Oldest first (the order of review)."""
    query = _select().order_by(suggestions.c.created_at, suggestions.c.id)
    if state is not None:
        query = query.where(suggestions.c.state == state)
    with engine.connect() as connection:
        return [_from_result(m) for m in connection.execute(query).mappings()]


def history(engine: Engine, reference: str) -> list[Event]:
    query = (sa.select(suggestion_events)
             .where(suggestion_events.c.reference == normalise_reference(reference))
             .order_by(suggestion_events.c.id))
    with engine.connect() as connection:
        return [Event(reference=m["reference"], at=utc(m["at"]), reviewer=m["reviewer"],
                      from_state=m["from_state"], to_state=m["to_state"], reason=m["reason"])
                for m in connection.execute(query).mappings()]


def transition(engine: Engine, reference: str, to_state: str, reviewer: str, reason: str = "",
               merged_in: str = "", now: dt.datetime | None = None) -> SuggestionRow:
    """Move a suggestion to `to_state` (if allowed from its state) and log the move. A reviewer
    is required, and for `merged` the build or commit it went into (`merged_in`)."""
    reference, moment = normalise_reference(reference), utc(now)
    reviewer, reason = screen.clean_text(reviewer)[:100], screen.clean_text(reason, True)
    merged_in = screen.clean_text(merged_in)[:100]
    if not reviewer:
        raise ValueError("a reviewer is required")
    with writing(engine) as connection:
        state = connection.execute(sa.select(suggestions.c.state).where(
            suggestions.c.reference == reference).with_for_update()).scalar_one_or_none()
        if state is None:
            raise NotFound(reference)
        if to_state not in TRANSITIONS.get(state, ()):
            raise IllegalTransition(f"{reference}: {state} -> {to_state} is not allowed")
        if to_state == "merged" and not merged_in:
            raise ValueError("merged_in (the build or commit) is required to mark it merged")
        changes = {"state": to_state, "updated_at": moment, "reviewer": reviewer, "reason": reason}
        if merged_in:
            changes["merged_in"] = merged_in
            reason = reason or f"merged in {merged_in}"
        connection.execute(suggestions.update().where(suggestions.c.reference == reference)
                           .values(**changes))
        connection.execute(suggestion_events.insert().values(
            reference=reference, at=moment, reviewer=reviewer, from_state=state, to_state=to_state,
            reason=reason))
    row = get(engine, reference)
    assert row is not None
    return row


def forget_contact(engine: Engine, reference: str) -> bool:
    """Delete the contact e-mail of a suggestion; True if there was one."""
    with writing(engine) as connection:
        deleted = connection.execute(suggestion_contacts.delete().where(
            suggestion_contacts.c.reference == normalise_reference(reference)))
    return bool(deleted.rowcount)


def contact(engine: Engine, reference: str) -> str | None:
    """The contact e-mail (for the maintainer who replies; never shown, exported or logged)."""
    with engine.connect() as connection:
        return connection.execute(sa.select(suggestion_contacts.c.email).where(
            suggestion_contacts.c.reference == normalise_reference(reference))).scalar_one_or_none()
