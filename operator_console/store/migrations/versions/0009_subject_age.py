"""The person in need's age, said on the call (it was typed into the description: "82 tuổi").

Revision ID: 0009
Revises: 0008

A plain ``ADD COLUMN`` (see 0005): no table rebuild that could cascade into the history.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("subject_age", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("cases", "subject_age")
