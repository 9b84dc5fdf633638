"""The three tables: suggestions, suggestion_contacts, suggestion_events.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATES = ("received", "needs_evidence", "accepted", "rejected", "spam", "merged")
STATE_CHECK = "state IN (" + ", ".join(f"'{s}'" for s in STATES) + ")"


def upgrade() -> None:
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("token", sa.String(200), nullable=True),
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
        sa.UniqueConstraint("reference", name="uq_suggestions_reference"),
        sa.UniqueConstraint("token", name="uq_suggestions_token"),
        sa.CheckConstraint(STATE_CHECK, name="ck_suggestions_state"),
    )
    op.create_index("ix_suggestions_state", "suggestions", ["state", "created_at"])
    op.create_index("ix_suggestions_session", "suggestions", ["session_id", "created_at"])
    op.create_index("ix_suggestions_created", "suggestions", ["created_at"])
    op.create_table(
        "suggestion_contacts",
        sa.Column("reference", sa.String(16), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False),
        sa.ForeignKeyConstraint(["reference"], ["suggestions.reference"], ondelete="CASCADE",
                                name="fk_contacts_reference"),
    )
    op.create_table(
        "suggestion_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("from_state", sa.String(20), nullable=True),
        sa.Column("to_state", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(["reference"], ["suggestions.reference"], ondelete="CASCADE",
                                name="fk_events_reference"),
    )
    op.create_index("ix_events_reference", "suggestion_events", ["reference", "id"])


def downgrade() -> None:
    op.drop_table("suggestion_events")
    op.drop_table("suggestion_contacts")
    op.drop_table("suggestions")
