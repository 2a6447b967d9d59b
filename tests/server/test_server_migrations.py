"""The server's migrations build exactly the tables its models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

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
