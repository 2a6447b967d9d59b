"""Open311 to the letter: what a channel posts is kept, and a channel key's reads are scoped.

Revision ID: 0007
Revises: 0006

- ``cases``: ``caller_email``, ``lat``/``lon`` (a map pin), ``media_url`` (a photo link) and
  ``channel_refs`` (the app's device, account and address ids and its answers to a service's
  questions, as JSON). Earlier releases accepted these fields and dropped them.
- ``client_keys.full_reads``: whether a channel's key reads back in full what it posted. Off for
  every key, those made before this revision too: a key that sits in a public page must not
  publish what citizens sent with it, and nothing tells the server which keys do. An admin gives
  a backend's key its full reads back with ``key-reads NAME full`` (docs/server.md).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("caller_email", sa.String(200), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("lat", sa.Float(), nullable=True))
    op.add_column("cases", sa.Column("lon", sa.Float(), nullable=True))
    op.add_column("cases", sa.Column("media_url", sa.Text(), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("channel_refs", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "client_keys", sa.Column("full_reads", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    op.drop_column("client_keys", "full_reads")
    for column in ("channel_refs", "media_url", "lon", "lat", "caller_email"):
        op.drop_column("cases", column)
