"""Duties an admin gives an account on top of its role: ``triage`` (route the cases without a unit).

Revision ID: 0010
Revises: 0009

The triage desk is staffed by supervisors and by experienced operators on a shift's rota. A duty
rather than a role: the operator still takes calls at the same desk, and the right to route a
case at the triage queue (only there) goes with it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("duties", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("users", "duties")
