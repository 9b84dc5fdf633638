"""Writing submissions: one at a time, or in groups (group commit).

Submissions arriving together in one process are written by whichever of their threads comes
first (the leader), in one transaction: a few queries and one commit for the whole group instead
of one each, so 50 concurrent writers do not queue behind 50 commits. Each submitter is answered
only after the commit that stored its suggestion. If a group fails (another process stored the
same token at the same moment, say), each of its submissions is written alone.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from atlas.suggestions import screen
from atlas.suggestions.db import suggestion_contacts, suggestion_events, suggestions, writing
from atlas.suggestions.screen import Draft

SUBMITTER = "public form"
# Crockford's base 32 without I, L, O, U: short, unambiguous read aloud or copied by hand.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8
GROUP_MAX = 100
PG_LEADERS = 3


@dataclass(frozen=True)
class Receipt:
    reference: str
    state: str


def utc(moment: dt.datetime | None = None) -> dt.datetime:
    """An aware UTC time (SQLite gives naive ones back: they were stored as UTC)."""
    moment = moment or dt.datetime.now(dt.UTC)
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def new_reference() -> str:
    return "S-" + "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))


def _windows(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The session cap's window (the last hour) and the site cap's (today, UTC)."""
    return now - dt.timedelta(hours=1), now.replace(hour=0, minute=0, second=0, microsecond=0)


_CREATED = suggestions.c.created_at
_DAY = sa.select(sa.func.count()).where(_CREATED >= sa.bindparam("day_start"))
_SESSIONS = (sa.select(suggestions.c.session_id, sa.func.count())
             .where(suggestions.c.session_id.in_(sa.bindparam("sessions", expanding=True)),
                    _CREATED >= sa.bindparam("hour_ago"))
             .group_by(suggestions.c.session_id))
_TOKENS = sa.select(suggestions.c.token, suggestions.c.reference, suggestions.c.state).where(
    suggestions.c.token.in_(sa.bindparam("tokens", expanding=True)))
_EVENT = suggestion_events.insert()
_CONTACT = suggestion_contacts.insert()
_SUGGESTION = suggestions.insert()


def _insert_once(dialect: str) -> sa.Insert:
    """INSERT ... ON CONFLICT (token) DO NOTHING RETURNING reference (both databases)."""
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    return (insert(suggestions).on_conflict_do_nothing(index_elements=["token"])  # type: ignore
            .returning(suggestions.c.reference))


_INSERT_ONCE = {"sqlite": _insert_once("sqlite"), "postgresql": _insert_once("postgresql")}


def _counts(connection: Connection, sessions: set[str], now: dt.datetime) -> tuple[Counter, int]:
    hour_ago, day_start = _windows(now)
    day = connection.execute(_DAY, {"day_start": day_start}).scalar_one()
    per_session: Counter = Counter()
    if sessions:
        rows = connection.execute(_SESSIONS, {"sessions": sorted(sessions), "hour_ago": hour_ago})
        per_session.update({session: int(count) for session, count in rows})
    return per_session, int(day)


def _known(connection: Connection, tokens: set[str]) -> dict[str, Receipt]:
    if not tokens:
        return {}
    rows = connection.execute(_TOKENS, {"tokens": sorted(tokens)})
    return {token: Receipt(reference, state) for token, reference, state in rows}


def _row(draft: Draft, reason: str | None, now: dt.datetime) -> dict:
    return {
        "reference": new_reference(), "token": draft.token or None,
        "state": "spam" if reason else "received", "created_at": now, "updated_at": now,
        "table_name": draft.table, "record_id": draft.record_id, "field": draft.field,
        "current_value": draft.current_value[:screen.MAX_CURRENT],
        "proposed_value": draft.proposed_value, "evidence_url": draft.evidence_url,
        "note": draft.note, "lang": draft.lang, "page_url": draft.page_url,
        "session_id": draft.session_id[:screen.MAX_SHORT], "spam_reason": reason,
        "reviewer": "", "reason": "", "merged_in": "",
    }


def _event(row: dict) -> dict:
    return {"reference": row["reference"], "at": row["created_at"], "reviewer": SUBMITTER,
            "from_state": None, "to_state": row["state"], "reason": row["spam_reason"] or ""}


def write_one(engine: Engine, draft: Draft, now: dt.datetime) -> Receipt:
    """One submission, its own transaction (a token already stored gives its receipt)."""
    with writing(engine) as connection:
        per_session, day = _counts(connection, {draft.session_id} - {""}, now)
        reason = screen.spam_reason(draft, now, per_session[draft.session_id], day)
        row = _row(draft, reason, now)
        reference = connection.execute(_INSERT_ONCE[connection.dialect.name], row).scalar()
        if reference is None:  # this token was stored already: its reference is the answer
            known = _known(connection, {draft.token})[draft.token]
            return known
        if draft.contact_email:
            connection.execute(_CONTACT, {"reference": reference, "email": draft.contact_email})
        connection.execute(_EVENT, _event(row))
    return Receipt(reference, row["state"])


def write_group(engine: Engine, drafts: list[Draft], now: dt.datetime) -> list[Receipt]:
    """Several submissions in one transaction, screened in order against the caps."""
    with writing(engine) as connection:
        per_session, day = _counts(connection, {d.session_id for d in drafts} - {""}, now)
        known = _known(connection, {d.token for d in drafts} - {""})
        rows, receipts = [], []
        for draft in drafts:
            if draft.token in known:
                receipts.append(known[draft.token])
                continue
            reason = screen.spam_reason(draft, now, per_session[draft.session_id], day)
            row = _row(draft, reason, now)
            rows.append((row, draft.contact_email))
            receipts.append(Receipt(row["reference"], row["state"]))
            if draft.token:
                known[draft.token] = receipts[-1]
            per_session[draft.session_id] += 1 if draft.session_id else 0
            day += 1
        if rows:
            connection.execute(_SUGGESTION, [row for row, _ in rows])
            contacts = [{"reference": r["reference"], "email": e} for r, e in rows if e]
            if contacts:
                connection.execute(_CONTACT, contacts)
            connection.execute(_EVENT, [_event(row) for row, _ in rows])
    return receipts


class _Waiting:
    __slots__ = ("draft", "receipt", "error", "taken", "done")

    def __init__(self, draft: Draft):
        self.draft, self.taken, self.done = draft, False, False
        self.receipt: Receipt | None = None
        self.error: BaseException | None = None


def _write_alone(engine: Engine, item: _Waiting, now: dt.datetime) -> None:
    for _attempt in range(5):
        try:
            item.receipt = write_one(engine, item.draft, now)
            return
        except IntegrityError as error:  # a reference drawn twice (one in 10^12): again
            item.error = error
        except Exception as error:  # noqa: BLE001 (given to its own submitter)
            item.error = error
            return
    item.receipt = None


def _write_batch(engine: Engine, batch: list[_Waiting]) -> None:
    now = utc()
    try:
        receipts = write_group(engine, [item.draft for item in batch], now)
    except Exception:  # noqa: BLE001 (each is then written alone, with its own error)
        for item in batch:
            _write_alone(engine, item, now)
    else:
        for item, receipt in zip(batch, receipts, strict=True):
            item.receipt = receipt


class Group:
    """The submissions of one process to one database, waiting for a leader to write them.
    SQLite has one writer at a time (one leader); PostgreSQL takes a few groups at once."""

    def __init__(self, leaders: int = 1) -> None:
        self._turn = threading.Condition()
        self._queue: list[_Waiting] = []
        self._leaders, self._max_leaders = 0, leaders

    def _take(self, item: _Waiting) -> list[_Waiting] | None:
        """The batch to write if this thread leads now, else None (called holding the lock)."""
        while not item.done and (item.taken or self._leaders >= self._max_leaders):
            self._turn.wait()
        if item.done:
            return None
        self._leaders += 1
        batch, self._queue = self._queue[:GROUP_MAX], self._queue[GROUP_MAX:]
        for waiting in batch:
            waiting.taken = True
        return batch

    def submit(self, engine: Engine, draft: Draft) -> Receipt:
        item = _Waiting(draft)
        with self._turn:
            self._queue.append(item)
        while not item.done:
            with self._turn:
                batch = self._take(item)
            if batch is None:
                break
            try:
                _write_batch(engine, batch)
            finally:
                with self._turn:
                    for waiting in batch:
                        waiting.done = True
                    self._leaders -= 1
                    self._turn.notify_all()
        if item.receipt is None:
            raise item.error or RuntimeError("could not store the suggestion")
        return item.receipt


_GROUPS: dict[str, Group] = {}
_GROUPS_GUARD = threading.Lock()


def group(engine: Engine) -> Group:
    key = engine.url.render_as_string(hide_password=False)
    with _GROUPS_GUARD:
        if key not in _GROUPS:
            _GROUPS[key] = Group(1 if engine.url.get_backend_name() == "sqlite" else PG_LEADERS)
        return _GROUPS[key]
