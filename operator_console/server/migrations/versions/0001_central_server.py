"""The central server: units, users, tokens, cases with contacts, links and events, idempotency keys, calls.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 13:36:23.009619
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("exchange", sa.String(length=80), nullable=False),
        sa.Column("call_id", sa.String(length=100), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("from_phone", sa.String(length=40), nullable=False),
        sa.Column("to_number", sa.String(length=40), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("operator", sa.String(length=80), nullable=True),
        sa.Column("cause", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("exchange", "call_id"),
    )
    with op.batch_alter_table("calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calls_operator"), ["operator"], unique=False)
        batch_op.create_index(batch_op.f("ix_calls_started_at"), ["started_at"], unique=False)

    op.create_table(
        "case_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "client_keys",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("digest"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "heartbeats",
        sa.Column("console_id", sa.String(length=100), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("version", sa.String(length=40), nullable=False),
        sa.Column("outbox_size", sa.Integer(), nullable=False),
        sa.Column("oldest_waiting_s", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("console_id"),
    )
    with op.batch_alter_table("heartbeats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_heartbeats_seen_at"), ["seen_at"], unique=False)

    op.create_table(
        "idempotency_keys",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("principal", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("principal", "scope", "key"),
    )
    op.create_table(
        "login_failures",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_failures_last_failed_at"), ["last_failed_at"], unique=False
        )

    op.create_table(
        "units",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ward_code", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_number", sa.String(length=20), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("priority_suggested", sa.String(length=10), nullable=False),
        sa.Column("operator", sa.String(length=80), nullable=False),
        sa.Column("call_duration_s", sa.Integer(), nullable=True),
        sa.Column("caller_phone", sa.String(length=16), nullable=True),
        sa.Column("caller_phone_legacy", sa.String(length=16), nullable=True),
        sa.Column("caller_name", sa.String(length=200), nullable=False),
        sa.Column("caller_relation", sa.String(length=12), nullable=False),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("subject_phone", sa.String(length=16), nullable=True),
        sa.Column("household_size", sa.Integer(), nullable=True),
        sa.Column("vulnerable", sa.String(length=100), nullable=False),
        sa.Column("no_food_today", sa.Boolean(), nullable=False),
        sa.Column("callback_consent", sa.Boolean(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("ward_as_said", sa.String(length=200), nullable=False),
        sa.Column("district_as_said", sa.String(length=200), nullable=False),
        sa.Column("ward_code", sa.Integer(), nullable=True),
        sa.Column("former_ward_code", sa.Integer(), nullable=True),
        sa.Column("ward_needs_check", sa.Boolean(), nullable=False),
        sa.Column("landmark", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("handling_unit", sa.String(length=40), nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("repeat_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handling_unit"],
            ["units.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_number"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_caller_phone"), ["caller_phone"], unique=False)
        batch_op.create_index(
            "ix_cases_open_unit",
            ["handling_unit", "received_at"],
            unique=False,
            sqlite_where=sa.text("status IN ('dispatched', 'accepted', 'in_progress')"),
            postgresql_where=sa.text("status IN ('dispatched', 'accepted', 'in_progress')"),
        )
        batch_op.create_index(
            "ix_cases_open_ward",
            ["ward_code", "received_at"],
            unique=False,
            sqlite_where=sa.text("status IN ('dispatched', 'accepted', 'in_progress')"),
            postgresql_where=sa.text("status IN ('dispatched', 'accepted', 'in_progress')"),
        )
        batch_op.create_index(batch_op.f("ix_cases_received_at"), ["received_at"], unique=False)
        batch_op.create_index("ix_cases_source", ["created_by", "source_key"], unique=False)
        batch_op.create_index("ix_cases_status_received", ["status", "received_at"], unique=False)
        batch_op.create_index("ix_cases_unit_received", ["handling_unit", "received_at"], unique=False)

    op.create_table(
        "users",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("unit_code", sa.String(length=40), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            ["units.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "case_events",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_events_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_links",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "target_id", "kind"),
    )
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_links_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_links_target_id"), ["target_id"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_case_id"), ["case_id"], unique=False)

    op.create_table(
        "tokens",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tokens_expires_at"), ["expires_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_tokens_user_id"), ["user_id"], unique=False)
