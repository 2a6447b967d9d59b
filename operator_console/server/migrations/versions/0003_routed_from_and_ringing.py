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
    with op.batch_alter_table("case_events") as batch:
        batch.add_column(sa.Column("from_unit", sa.String(40), nullable=True))
        batch.create_index("ix_case_events_from_unit", ["from_unit"])
    with op.batch_alter_table("calls") as batch:
        batch.add_column(sa.Column("ringing", sa.Text(), nullable=False, server_default=""))
