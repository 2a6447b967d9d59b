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


def open_engine(path: Path, *, transactional_ddl: bool = False) -> Engine:
    """An engine on ``path`` with WAL, ``synchronous=FULL`` and foreign keys, the file private to its user.

    ``transactional_ddl``: the driver's own transaction handling off and SQLAlchemy's BEGIN
    instead (SQLAlchemy's documented pysqlite recipe), for the migrations: in its own mode pysqlite
    opens no transaction before a schema statement, so each one committed by itself and a
    migration killed half-way left a store no later start could open; this way a migration is one
    transaction, undone whole if the process dies in it. The store's everyday engine keeps the
    driver's handling, which begins a transaction at the first write (not at the first read), so
    that the window's and the sync worker's writes wait for each other rather than fail on a stale
    read snapshot.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path)  # before SQLite writes a byte of personal data into it
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        if transactional_ddl:
            dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a case the operator saw as saved survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    if transactional_ddl:

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the writer from the start: no upgrade to fail

    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "operator_console.store:migrations")
    return config


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the store's schema to ``revision`` (the newest by default), in one transaction."""
    config = alembic_config()
    database = engine.url.database
    assert database, "the store is a file"
    migrating = open_engine(Path(database), transactional_ddl=True)
    try:
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        migrating.dispose()


def head_revision() -> str:
    """The newest schema revision this build knows (what a store it opens is migrated to)."""
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
