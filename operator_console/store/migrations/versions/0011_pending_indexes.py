"""Indexes an import into an empty store builds at its end, listed until they are built.

Revision ID: 0011
Revises: 0010

An import into a store without cases (a new console taking a city's history) drops the case
table's secondary indexes and leaves the two FTS5 indexes unfilled while it loads, then builds them
once from the loaded rows: half the time of updating them row by row (``store/pending_indexes.py``).
Each index's statement is written here in the transaction that drops it, and deleted in the one that
builds it again, so a store whose import was killed half-way (a power cut) still lists what it lacks,
and the next start builds it before anything reads the store.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_indexes",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("statement", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pending_indexes")
