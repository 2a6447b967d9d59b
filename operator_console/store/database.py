"""Opening the local SQLite file: durable settings, private permissions, migrations at start."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect

from operator_console.paths import create_private, sync_folder

HEAD = "head"
log = logging.getLogger(__name__)


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


def pragma(connection: Connection, statement: str) -> None:
    """``PRAGMA statement`` on the DB-API cursor: SQLAlchemy would open a transaction around it, and
    some pragmas (a checkpoint, the sorter's threads) are refused or ignored inside one."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"PRAGMA {statement}")
    finally:
        cursor.close()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "operator_console.store:migrations")
    return config


def migrate(engine: Engine, revision: str = HEAD) -> None:
    """Bring the store's schema to ``revision`` (the newest by default), in one transaction.

    Before an upgrade (a store an earlier release left) the store is copied whole beside itself
    (``before_upgrade_copy``) and the copy removed once the upgrade has committed: the transaction
    already undoes a migration the process dies in, the copy is there for what a transaction cannot
    undo (a migration that fails the same way at every start, a disk that fails under it). A store
    the console cannot open is kept aside with this copy (``store/set_aside.py``).
    """
    config = alembic_config()
    database = engine.url.database
    assert database, "the store is a file"
    path = Path(database)
    migrating = open_engine(path, transactional_ddl=True)
    try:
        before = current_revision(migrating)
        target = head_revision() if revision == HEAD else revision
        copy = _copy_before_upgrade(path, before) if before not in (None, target) else None
        if before == target:
            # Left by a start that died between an upgrade's commit and the copy's removal.
            before_upgrade_copy(path).unlink(missing_ok=True)
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        migrating.dispose()
    if copy is not None:
        copy.unlink()  # the upgrade is on disk (synchronous=FULL): the copy has done its job
        sync_folder(path.parent)
        log.info("store upgraded from schema %s; the copy made before it is removed", before)


def before_upgrade_copy(path: Path) -> Path:
    """Where the store's copy is kept while an upgrade runs."""
    return path.with_name(path.name + ".before-upgrade")


def _copy_before_upgrade(path: Path, revision: str | None) -> Path | None:
    """A consistent copy of the store (SQLite's backup: the WAL's commits included), written under
    another name and renamed, so that a copy with the final name is always whole. None when the
    disk has not the room for it twice over: the upgrade, atomic, runs all the same."""
    copy = before_upgrade_copy(path)
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    if shutil.disk_usage(path.parent).free < 2 * size:
        log.warning("store upgrade from schema %s without a copy: not enough free disk space", revision)
        return None
    partial = copy.with_name(copy.name + ".partial")
    partial.unlink(missing_ok=True)  # a copy a killed start left half-written
    create_private(partial)
    source, target = sqlite3.connect(path), sqlite3.connect(partial)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    fd = os.open(partial, os.O_RDWR)  # writable: Windows flushes no read-only handle
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    partial.replace(copy)
    sync_folder(path.parent)
    log.info("store at schema %s copied before its upgrade", revision)
    return copy


def head_revision() -> str:
    """The newest schema revision this build knows (what a store it opens is migrated to)."""
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
