"""Suggested corrections: screened, stored (SQLite or PostgreSQL), reviewed by state.

settings (where the database is), db (engine, pragmas, Alembic migrations), screen (pure checks of
a draft), store (submit, read, transition, forget a contact), connect (the app's st.connection).
"""
