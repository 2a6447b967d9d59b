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
    # Batches keep memory flat on a store with a million cases.
    result = bind.execute(sa.text("SELECT id, caller_name, subject_name, street FROM cases"))
    update = sa.text("UPDATE cases SET name_key = :name_key, street_key = :street_key WHERE id = :id")
    pending = []
    while batch_rows := result.fetchmany(10_000):
        pending.append(
            [
                {
                    "id": r.id,
                    "name_key": fold(f"{r.caller_name} {r.subject_name}"),
                    "street_key": fold(r.street),
                }
                for r in batch_rows
            ]
        )
    for values in pending:
        bind.execute(update, values)
    op.create_index("ix_cases_status_received", "cases", ["status", "received_at"])
    op.create_index("ix_cases_ward_status", "cases", ["ward_code", "status"])
