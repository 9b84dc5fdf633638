"""The app's connection to the suggestions database (the only Streamlit part of the package).

`connection()` gives the SQLAlchemy engine of `st.connection("suggestions", type="sql")`, made
with the same URL, pool and pragmas as atlas.suggestions.db.engine, and migrated once per process.
"""

from __future__ import annotations

import threading

import streamlit as st
from sqlalchemy.engine import Engine

from atlas.suggestions import db, settings

_MIGRATED: set[str] = set()
_GUARD = threading.Lock()


def connection() -> Engine:
    """The suggestions engine for this app process (created once, migrated once)."""
    url = db.normalise_url(settings.database_url())
    if db.is_sqlite(url):
        db.prepare_sqlite_file(url)
    text = url.render_as_string(hide_password=False)
    conn = st.connection(settings.CONNECTION, type="sql", url=text, **db.engine_options(url))
    engine = db.configure(conn.engine)
    with _GUARD:
        if text not in _MIGRATED:
            db.migrate(engine)
            _MIGRATED.add(text)
    return engine
