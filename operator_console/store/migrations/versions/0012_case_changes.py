"""Changes made to a case after it was taken (a call back, a note, a status): kept until the server has them.

Revision ID: 0012
Revises: 0011

Each is written with its outbox item in one transaction (``CaseStore.add_change``) and sent as
``PATCH /cases/{id}`` with its id as the idempotency key; ``base_version`` is the case's version
the person saw, for a change that decides (the server's ``If-Match``), null for one that only adds.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(80), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
    )
    op.create_index("ix_case_changes_case_id", "case_changes", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_case_changes_case_id", "case_changes")
    op.drop_table("case_changes")
