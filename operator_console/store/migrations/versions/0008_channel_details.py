"""What another channel sent beside a request: e-mail, map pin, photo link, the app's ids and answers.

Revision ID: 0008
Revises: 0007

The server keeps what an Open311 client posts (``email``, ``lat``/``long``, ``media_url``,
``device_id``, ``account_id``, ``address_id``, ``attribute[...]``) and its changes feed carries it;
the console's copy of a case keeps it too, so that the case's details show it offline. Plain
``ADD COLUMN``s (see 0005): no table rebuild that could cascade into the history.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("caller_email", sa.String(200), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("lat", sa.Float(), nullable=True))
    op.add_column("cases", sa.Column("lon", sa.Float(), nullable=True))
    op.add_column("cases", sa.Column("media_url", sa.Text(), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("channel_refs", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for column in ("channel_refs", "media_url", "lon", "lat", "caller_email"):
        op.drop_column("cases", column)
