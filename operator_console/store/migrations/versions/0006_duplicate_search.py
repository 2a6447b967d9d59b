"""The duplicate search's index (each case's tagged search words, an FTS5 index over them), and
the links an operator makes from it (a new case *related* to an earlier one).

Revision ID: 0006
Revises: 0005

``cases.search_text`` is written with the case (``case_store._case_values``), and the FTS5 index
(external content: the text is not stored twice) in the same transaction: new cases by
``case_store.insert_records``, the one way every case arrives (the desk, an import, the server's
feed), one statement per batch; changed and deleted cases by the triggers below. The index is keyed by the
cases' rowid, which a VACUUM may renumber: after a VACUUM, run
``INSERT INTO case_search(case_search) VALUES('rebuild')`` (the console never vacuums).
"""

import sqlalchemy as sa
from alembic import op

from operator_console.domain.search_keys import search_text

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
         INSERT INTO case_search(case_search, rowid, search_text)
         VALUES ('delete', old.rowid, old.search_text);
       END""",
    """CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text ON cases BEGIN
         INSERT INTO case_search(case_search, rowid, search_text)
         VALUES ('delete', old.rowid, old.search_text);
         INSERT INTO case_search(rowid, search_text) VALUES (new.rowid, new.search_text);
       END""",
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, caller_name, subject_name, street, house_number, alley, ward_code, "
            "former_ward_code, ward_as_said FROM cases"
        )
    ).all()
    for row in rows:
        text = search_text(
            names=(row.caller_name, row.subject_name),
            street=row.street,
            house_number=row.house_number,
            alley=row.alley,
            ward_codes=(row.ward_code, row.former_ward_code),
            ward_as_said=row.ward_as_said,
        )
        connection.execute(
            sa.text("UPDATE cases SET search_text = :t WHERE id = :id"), {"t": text, "id": row.id}
        )
    op.execute(
        # detail=none, columnsize=0: only which cases hold a token, no positions or lengths (the
        # search asks no phrases and ranks nothing itself): a third of the size, and faster to fill.
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "search_text, content='cases', content_rowid='rowid', tokenize=\"unicode61 tokenchars '_'\", "
        "detail=none, columnsize=0)"
    )
    op.execute("INSERT INTO case_search(case_search) VALUES ('rebuild')")
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.create_table(
        "case_links",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("target_server_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_case_links_case_id", "case_links", ["case_id"])
    op.create_index("ix_case_links_target_id", "case_links", ["target_id"])


def downgrade() -> None:
    op.drop_table("case_links")
    for name in ("cases_search_delete", "cases_search_update"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE case_search")
    op.drop_column("cases", "search_text")
