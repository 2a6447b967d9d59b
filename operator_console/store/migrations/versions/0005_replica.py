"""The replica: cases copied from the server's feed, the feed's cursor, cases found by server id.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN with a literal default, never a batch table rebuild: rebuilding drops the
    # old table, and with foreign keys on that would cascade into the cases' history and contacts.
    op.add_column("cases", sa.Column("from_server", sa.Boolean(), nullable=False, server_default="0"))
    op.create_index("ix_cases_server_id", "cases", ["server_id"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
