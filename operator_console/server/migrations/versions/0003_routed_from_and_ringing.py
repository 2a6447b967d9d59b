"""The unit a re-routed case left (so that unit's feed hears it is gone); who a ringing call rings.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both databases: no SQLite table rebuild (which drops the table).
    op.add_column("case_events", sa.Column("from_unit", sa.String(40), nullable=True))
    op.create_index("ix_case_events_from_unit", "case_events", ["from_unit"])
    op.add_column("calls", sa.Column("ringing", sa.Text(), nullable=False, server_default=""))
