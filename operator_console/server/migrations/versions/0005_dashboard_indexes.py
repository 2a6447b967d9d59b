"""Indexes for the supervisor's dashboard: open cases by category, priority and age; arrivals by hour.

The ageing histogram and the cases past their deadline read the open cases' partial index on
(category, priority, received_at); the arrivals per hour and channel over seven days read
(received_at, channel) without visiting the table.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OPEN = sa.text("status IN ('dispatched', 'accepted', 'in_progress')")


def upgrade() -> None:
    op.create_index(
        "ix_cases_open_category",
        "cases",
        ["category", "priority", "received_at"],
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.create_index("ix_cases_received_channel", "cases", ["received_at", "channel"])
