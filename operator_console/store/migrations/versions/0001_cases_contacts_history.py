"""Cases, their contacts (repeat calls) and their status history.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("external_id", sa.String(200), unique=True),
        sa.Column("case_number", sa.String(40), index=True),
        sa.Column("received_at", sa.DateTime, nullable=False, index=True),
        sa.Column("received_offset_min", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("category", sa.String(80), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("priority", sa.String(10), nullable=False),
        sa.Column("priority_suggested", sa.String(10), nullable=False),
        sa.Column("operator", sa.String(80), nullable=False),
        sa.Column("call_duration_s", sa.Integer),
        sa.Column("caller_phone", sa.String(15), index=True),
        sa.Column("caller_phone_legacy", sa.String(15)),
        sa.Column("caller_name", sa.String(200), nullable=False),
        sa.Column("caller_relation", sa.String(12), nullable=False),
        sa.Column("has_subject", sa.Boolean, nullable=False),
        sa.Column("subject_name", sa.String(200), nullable=False),
        sa.Column("subject_phone", sa.String(15), index=True),
        sa.Column("subject_phone_legacy", sa.String(15)),
        sa.Column("household_size", sa.Integer),
        sa.Column("vulnerable", sa.String(100), nullable=False),
        sa.Column("no_food_today", sa.Boolean, nullable=False),
        sa.Column("address_as_said", sa.Text, nullable=False),
        sa.Column("house_number", sa.String(40), nullable=False),
        sa.Column("alley", sa.String(40), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("hamlet", sa.String(100), nullable=False),
        sa.Column("ward_as_said", sa.String(200), nullable=False),
        sa.Column("district_as_said", sa.String(200), nullable=False),
        sa.Column("ward_code", sa.Integer),
        sa.Column("former_ward_code", sa.Integer),
        sa.Column("ward_needs_check", sa.Boolean, nullable=False),
        sa.Column("landmark", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("handling_unit", sa.String(200)),
        sa.Column("callback_consent", sa.Boolean, nullable=False),
        sa.Column("merged_into", sa.String(36)),
        sa.Column("repeat_count", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "case_id",
            sa.String(36),
            sa.ForeignKey("cases.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("received_offset_min", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("phone", sa.String(15), index=True),
        sa.Column("phone_legacy", sa.String(15)),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("relation", sa.String(12), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "status_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "case_id",
            sa.String(36),
            sa.ForeignKey("cases.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("by", sa.String(80), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
