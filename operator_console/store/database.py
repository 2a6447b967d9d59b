"""Opening the local SQLite file: durable settings, private permissions, migrations at start."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect

from operator_console.paths import create_private

HEAD = "head"


def naive_utc(moment: datetime) -> datetime:
    """An aware time as the store keeps it: UTC, without a zone (SQLite's DateTime has none)."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def open_engine(path: Path) -> Engine:
    """An engine on ``path`` with WAL, ``synchronous=FULL`` and foreign keys, the file private to its user."""
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)  # before SQLite writes a byte of personal data into it
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a case the operator saw as saved survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "operator_console.store:migrations")
    return config


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the store's schema to ``revision`` (the newest by default)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def head_revision() -> str:
    """The newest schema revision this build knows (what a store it opens is migrated to)."""
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
