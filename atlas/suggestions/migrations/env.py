"""Alembic environment: always run programmatically by atlas.suggestions.db.migrate, which passes
an open connection (inside its locked transaction) in config.attributes["connection"]."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run the migrations with atlas.suggestions.db.migrate(engine).")
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
