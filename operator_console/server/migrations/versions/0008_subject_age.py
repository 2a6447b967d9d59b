"""The person in need's age, said on the call (consoles typed it into the description: "82 tuổi").

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("subject_age", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("cases", "subject_age")
