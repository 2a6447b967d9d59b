"""The server's version of each case, as this console last knew it.

Revision ID: 0013
Revises: 0012

A unit's focal point (or the triage desk) decides from the worklist, offline too: the decision is
sent with the version the list showed (``If-Match``), so that a change someone else made since is
not overwritten unseen. The feed and the answers to this console's own changes keep it; a page of
the feed older than what the console already has does not move it back. The worklists read a
unit's open cases by (unit, status). Each change keeps the versions the server applied it on and
made: a decision made after this desk's own earlier change (accept, then resolve; offline, or
before the feed came round) is sent with the versions that change made as well, so that the
desk's own change does not count as someone else's.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("server_version", sa.Integer(), nullable=True))
    # The worklists read a unit's (or the triage desk's) open cases out of the whole replica.
    op.create_index("ix_cases_unit_status", "cases", ["handling_unit", "status"])
    # The versions each change was made on and made, as the server said: the changes made here
    # one after another (offline, or faster than the feed) are sent on the chain they make.
    op.add_column("case_changes", sa.Column("applied_from", sa.Integer(), nullable=True))
    op.add_column("case_changes", sa.Column("applied_to", sa.Integer(), nullable=True))
    # The cases already copied have no version yet: the feed is read again from its start (page
    # by page, as at a first start), so that each gets the server's version before anyone decides.
    op.execute("DELETE FROM sync_state WHERE key = 'changes_cursor'")


def downgrade() -> None:
    op.drop_column("case_changes", "applied_to")
    op.drop_column("case_changes", "applied_from")
    op.drop_index("ix_cases_unit_status", "cases")
    op.drop_column("cases", "server_version")
