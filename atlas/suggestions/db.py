"""The suggestions database: one engine per URL, the same pragmas everywhere, Alembic migrations.

SQLite (the default): WAL, a 10 s busy timeout, foreign keys on every connection; writes take the
database lock at BEGIN (BEGIN IMMEDIATE) and, within a process, queue on one lock, so concurrent
writers wait in turn instead of failing. synchronous=NORMAL: a commit survives the process being
killed (tested with SIGKILL); a power cut may lose the last commits, one reason why a hosted
deployment uses PostgreSQL. PostgreSQL (a configured URL): psycopg 3, pre-ping.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from atlas.suggestions import settings

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# One number for PostgreSQL's advisory lock around migrations ("atlas-suggestions-migrate").
MIGRATE_LOCK = zlib.crc32(b"atlas-suggestions-migrate")
_WRITE_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()

metadata = sa.MetaData()
suggestions = sa.Table(
    "suggestions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("reference", sa.String(16), nullable=False, unique=True),
    sa.Column("token", sa.String(200), nullable=True, unique=True),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(200), nullable=False),
    sa.Column("field", sa.String(80), nullable=False),
    sa.Column("current_value", sa.Text, nullable=False),
    sa.Column("proposed_value", sa.Text, nullable=False),
    sa.Column("evidence_url", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("page_url", sa.Text, nullable=False),
    sa.Column("session_id", sa.String(200), nullable=False),
    sa.Column("spam_reason", sa.String(40), nullable=True),
    sa.Column("reviewer", sa.String(100), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("merged_in", sa.String(100), nullable=False),
)
suggestion_contacts = sa.Table(
    "suggestion_contacts", metadata,
    sa.Column("reference", sa.String(16),
              sa.ForeignKey("suggestions.reference", ondelete="CASCADE"), primary_key=True),
    sa.Column("email", sa.String(254), nullable=False),
)
suggestion_events = sa.Table(
    "suggestion_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("reference", sa.String(16),
              sa.ForeignKey("suggestions.reference", ondelete="CASCADE"), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reviewer", sa.String(100), nullable=False),
    sa.Column("from_state", sa.String(20), nullable=True),
    sa.Column("to_state", sa.String(20), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)


def normalise_url(url: str | URL) -> URL:
    """postgres:// and postgresql:// mean psycopg 3 here (SQLAlchemy's default is psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(bind: Engine | Connection | URL) -> bool:
    url = bind if isinstance(bind, URL) else bind.engine.url
    return url.get_backend_name() == "sqlite"


def engine_options(url: str | URL) -> dict[str, Any]:
    """create_engine keyword arguments (also what the app passes to st.connection)."""
    if is_sqlite(normalise_url(url)):
        return {"pool_size": 8, "max_overflow": 56, "pool_timeout": 30,
                "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}}
    return {"pool_size": 10, "max_overflow": 54, "pool_timeout": 30, "pool_pre_ping": True}


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event says BEGIN itself
    cursor = dbapi_connection.cursor()
    for pragma in (f"busy_timeout = {BUSY_TIMEOUT_MS}", "journal_mode = WAL",
                   "synchronous = NORMAL", "foreign_keys = ON"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get("atlas_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def configure(bound: Engine) -> Engine:
    """Attach the SQLite pragmas and BEGIN handling (once; before the first connection)."""
    if is_sqlite(bound) and not event.contains(bound, "connect", _sqlite_connect):
        event.listen(bound, "connect", _sqlite_connect)
        event.listen(bound, "begin", _sqlite_begin)
    return bound


def prepare_sqlite_file(url: URL) -> None:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def engine(url: str | None = None) -> Engine:
    """A new engine for `url` (default: settings.database_url())."""
    parsed = normalise_url(url or settings.database_url())
    if is_sqlite(parsed):
        prepare_sqlite_file(parsed)
    return configure(sa.create_engine(parsed, **engine_options(parsed)))


def _write_lock(bound: Engine) -> threading.Lock:
    key = bound.url.render_as_string(hide_password=False)
    with _LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(key, threading.Lock())


@contextmanager
def writing(bound: Engine) -> Iterator[Connection]:
    """A write transaction: committed on leaving, rolled back on an exception. On SQLite the
    process's writers queue on one lock and the transaction holds the database lock from BEGIN."""
    if not is_sqlite(bound):
        with bound.begin() as connection:
            yield connection
        return
    with _write_lock(bound), bound.connect() as connection:
        connection = connection.execution_options(atlas_write=True)
        with connection.begin():
            yield connection


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(bound: Engine) -> None:
    """Alembic upgrade to head, in one transaction; several processes may call it at once
    (PostgreSQL: an advisory transaction lock; SQLite: BEGIN IMMEDIATE)."""
    from alembic import command

    with writing(bound) as connection:
        if not is_sqlite(bound):
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK})
        command.upgrade(_alembic_config(connection), "head")


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)  # type: ignore[arg-type]
    return str(ScriptDirectory.from_config(config).get_current_head())


def current_revision(bound: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with bound.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
