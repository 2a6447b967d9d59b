"""The case list's search index: the words of each case's names and street, for Ctrl+F.

Revision ID: 0010
Revises: 0009

The list finds a case when each searched word begins a word of a name or the street (``hoa``
finds Hòa, not Khoa). A plain scan of the folded keys answers at once when the words are common
(the newest hits are near the top) but reads far back for words rarely together (``tran thi
hoa``: a quarter of a second at 100,000 cases, seconds at a million). This FTS5 index over the same
folded keys (external content: nothing stored twice; prefix queries, no positions) finds those few
at once; ``case_store`` asks it first and falls back to the scan when it holds many hits.

New cases are indexed by ``case_store.insert_records`` in their own transaction (as the duplicate
search's index, 0006); changed and deleted cases by the triggers below. After a VACUUM, run
``INSERT INTO case_words(case_words) VALUES('rebuild')`` (the console never vacuums).
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER cases_words_delete AFTER DELETE ON cases BEGIN
         INSERT INTO case_words(case_words, rowid, name_key, street_key)
         VALUES ('delete', old.rowid, old.name_key, old.street_key);
       END""",
    """CREATE TRIGGER cases_words_update AFTER UPDATE OF name_key, street_key ON cases BEGIN
         INSERT INTO case_words(case_words, rowid, name_key, street_key)
         VALUES ('delete', old.rowid, old.name_key, old.street_key);
         INSERT INTO case_words(rowid, name_key, street_key) VALUES (new.rowid, new.name_key, new.street_key);
       END""",
)


def upgrade() -> None:
    op.execute(
        # detail=none: which cases hold a word, nothing more (the list asks no phrases); prefix
        # indexes for the first two and three letters, which a search typed as it goes asks most.
        "CREATE VIRTUAL TABLE case_words USING fts5("
        "name_key, street_key, content='cases', content_rowid='rowid', tokenize='unicode61', "
        "detail=none, columnsize=0, prefix='2 3')"
    )
    op.execute("INSERT INTO case_words(case_words) VALUES ('rebuild')")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in ("cases_words_delete", "cases_words_update"):
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE case_words")
