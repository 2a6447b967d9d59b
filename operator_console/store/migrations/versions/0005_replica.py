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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("from_server", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_index("ix_cases_server_id", ["server_id"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
