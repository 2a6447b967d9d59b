"""A version per case (ETag/If-Match), and each change's before and after in its history.

Revision ID: 0009
Revises: 0008

Two people changing one case (a unit's focal point resolving it while a supervisor re-routes it)
must not overwrite each other silently: every change of a case (each event of its history) moves
its version, a change sent with ``If-Match`` of an older version is refused (412), and the history
says from what to what (the status, the unit, the priority) and the outcome of a call back.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("case_events", sa.Column("from_status", sa.String(20), nullable=True))
    op.add_column("case_events", sa.Column("priority", sa.String(10), nullable=True))
    op.add_column("case_events", sa.Column("from_priority", sa.String(10), nullable=True))
    op.add_column("case_events", sa.Column("outcome", sa.String(20), nullable=True))


def downgrade() -> None:
    for column in ("outcome", "from_priority", "priority", "from_status"):
        op.drop_column("case_events", column)
    op.drop_column("cases", "version")
