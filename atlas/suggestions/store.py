"""Suggestions stored and reviewed: submit (exactly once per token), read, move between states
(each move logged as an event), forget a contact. Contact e-mails live only in
suggestion_contacts: no SuggestionRow, listing or history carries them.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping
from sqlalchemy.exc import IntegrityError

from atlas.suggestions import screen
from atlas.suggestions.db import suggestion_contacts, suggestion_events, suggestions, writing
from atlas.suggestions.screen import Draft

STATES = ("received", "needs_evidence", "accepted", "rejected", "spam", "merged")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("needs_evidence", "accepted", "rejected", "spam"),
    "needs_evidence": ("accepted", "rejected", "spam"),
    "accepted": ("merged", "rejected"),
    "spam": ("received",),
    "rejected": (),
    "merged": (),
}
SUBMITTER = "public form"
# Crockford's base 32 without I, L, O, U: short, unambiguous read aloud or copied by hand.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8


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
class Receipt:
    reference: str
    state: str


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


def utc(moment: dt.datetime | None = None) -> dt.datetime:
    """An aware UTC time (SQLite gives naive ones back: they were stored as UTC)."""
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def new_reference() -> str:
    return "S-" + "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalise_reference(reference: str) -> str:
    """What a person types: any case, spaces, O for 0, I or L for 1; with or without S-."""
    text = "".join(str(reference).split()).upper()
    if text.startswith("S-"):
        text = text[2:]
    elif text.startswith("S") and len(text) == REFERENCE_LENGTH + 1:
        text = text[1:]
    text = text.translate(str.maketrans("OIL", "011")).replace("-", "")
    return "S-" + text


def _counts(connection: Connection, session_id: str, now: dt.datetime) -> tuple[int, int]:
    count = sa.select(sa.func.count()).select_from(suggestions)
    session = 0
    if session_id:
        session = connection.execute(count.where(
            suggestions.c.session_id == session_id,
            suggestions.c.created_at >= now - dt.timedelta(hours=1))).scalar_one()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    day = connection.execute(count.where(suggestions.c.created_at >= day_start)).scalar_one()
    return int(session), int(day)


def _existing(connection: Connection, token: str) -> Receipt | None:
    if not token:
        return None
    row = connection.execute(sa.select(suggestions.c.reference, suggestions.c.state)
                             .where(suggestions.c.token == token)).first()
    return Receipt(row.reference, row.state) if row else None


def _values(draft: Draft, state: str, spam_reason: str | None, now: dt.datetime) -> dict:
    return {
        "token": draft.token or None, "state": state, "created_at": now, "updated_at": now,
        "table_name": draft.table, "record_id": draft.record_id, "field": draft.field,
        "current_value": draft.current_value[:screen.MAX_CURRENT],
        "proposed_value": draft.proposed_value, "evidence_url": draft.evidence_url,
        "note": draft.note, "lang": draft.lang, "page_url": draft.page_url,
        "session_id": draft.session_id[:screen.MAX_SHORT], "spam_reason": spam_reason,
        "reviewer": "", "reason": "", "merged_in": "",
    }


def _insert(engine: Engine, draft: Draft, now: dt.datetime) -> Receipt:
    with writing(engine) as connection:
        existing = _existing(connection, draft.token)
        if existing:
            return existing
        session_count, day_count = _counts(connection, draft.session_id, now)
        reason = screen.spam_reason(draft, now, session_count, day_count)
        state = "spam" if reason else "received"
        reference = new_reference()
        values = _values(draft, state, reason, now)
        connection.execute(suggestions.insert().values(reference=reference, **values))
        if draft.contact_email:
            connection.execute(suggestion_contacts.insert().values(
                reference=reference, email=draft.contact_email))
        connection.execute(suggestion_events.insert().values(
            reference=reference, at=now, reviewer=SUBMITTER, from_state=None, to_state=state,
            reason=reason or ""))
    return Receipt(reference, state)


def submit(engine: Engine, draft: Draft, now: dt.datetime | None = None) -> Receipt:
    """Store a suggestion; the same token twice gives the same reference (one row).
    Raises Refused(msgid) for a draft the user must fix. Spam is stored as `spam`."""
    draft = screen.clean(draft)
    refused = screen.refusal(draft)
    if refused:
        raise Refused(refused)
    moment = utc(now)
    for _attempt in range(5):
        try:
            return _insert(engine, draft, moment)
        except IntegrityError:
            # Another writer stored the same token first (then its reference is the answer),
            # or a reference collided (then try a new one).
            with engine.connect() as connection:
                existing = _existing(connection, draft.token)
            if existing:
                return existing
    raise RuntimeError("could not store the suggestion")


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
    """Move a suggestion to `to_state` (if allowed from its state) and log the move."""
    reference, moment = normalise_reference(reference), utc(now)
    reviewer, reason = screen.clean_text(reviewer)[:100], screen.clean_text(reason, True)
    with writing(engine) as connection:
        state = connection.execute(sa.select(suggestions.c.state).where(
            suggestions.c.reference == reference).with_for_update()).scalar_one_or_none()
        if state is None:
            raise NotFound(reference)
        if to_state not in TRANSITIONS.get(state, ()):
            raise IllegalTransition(f"{reference}: {state} -> {to_state} is not allowed")
        changes = {"state": to_state, "updated_at": moment, "reviewer": reviewer, "reason": reason}
        if merged_in:
            changes["merged_in"] = screen.clean_text(merged_in)[:100]
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
