"""The server's migrations build exactly the tables its models describe, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.orm import Session

from operator_console.server.accounts import create_client_key
from operator_console.server.db import migrate, open_engine
from operator_console.server.models import Base
from tests.server.harness import drop_database, fresh_database


def test_migrations_match_the_models_and_run_twice_harmlessly(backend: str, tmp_path: Path) -> None:
    url = fresh_database(backend, tmp_path)
    engine = open_engine(url)
    try:
        migrate(engine)
        migrate(engine)
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()
        drop_database(url)


def test_no_key_reads_in_full_after_the_upgrade_until_an_admin_says_so(backend: str, tmp_path: Path) -> None:
    """Revision 0007: nothing tells which old keys sit in a public page, so none reads in full; a new
    key posts and reads what is public unless made with full reads."""
    url = fresh_database(backend, tmp_path)
    engine = open_engine(url)
    try:
        migrate(engine, "0006")
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO client_keys (digest, name, kind, channel, created_at) "
                    "VALUES ('d1', 'old-web', 'channel', 'web', '2026-01-01 00:00:00')"
                )
            )
        migrate(engine)
        with Session(engine) as session, session.begin():
            create_client_key(session, "new-app", "channel", "app", datetime.now(UTC))
            create_client_key(session, "new-bot", "channel", "zalo", datetime.now(UTC), full_reads=True)
        with engine.connect() as connection:
            rows: dict[str, bool | int] = dict(  # a boolean in PostgreSQL, 0 or 1 in SQLite
                connection.execute(text("SELECT name, full_reads FROM client_keys")).all()
            )
        assert {name: bool(value) for name, value in rows.items()} == {
            "old-web": False,
            "new-app": False,
            "new-bot": True,
        }
    finally:
        engine.dispose()
        drop_database(url)
