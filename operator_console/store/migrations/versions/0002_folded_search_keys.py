"""Folded search keys on cases, filled in for the cases already stored; list indexes.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from operator_console.domain.text import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("name_key", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("street_key", sa.Text, nullable=False, server_default=""))
    bind = op.get_bind()
    # A rowid range at a time: memory stays flat on a store with a million cases.
    select_batch = sa.text(
        "SELECT rowid, caller_name, subject_name, street FROM cases "
        "WHERE rowid > :last ORDER BY rowid LIMIT 10000"
    )
    update = sa.text("UPDATE cases SET name_key = :name_key, street_key = :street_key WHERE rowid = :rowid")
    last = 0
    while rows := bind.execute(select_batch, {"last": last}).fetchall():
        bind.execute(
            update,
            [
                {
                    "rowid": r.rowid,
                    "name_key": fold(f"{r.caller_name} {r.subject_name}"),
                    "street_key": fold(r.street),
                }
                for r in rows
            ],
        )
        last = rows[-1].rowid
    op.create_index("ix_cases_status_received", "cases", ["status", "received_at"])
    op.create_index("ix_cases_ward_status", "cases", ["ward_code", "status"])
