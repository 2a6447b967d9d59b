"""The server's database: SQLite for one desk and tests, PostgreSQL for a city.

SQLite: WAL, ``synchronous=FULL`` and every transaction ``BEGIN IMMEDIATE``, so that concurrent
writers (several uvicorn workers) queue on the database lock instead of failing half-way with
"database is locked" when a read turns into a write.

PostgreSQL: READ COMMITTED; the few places that need order take explicit locks (the case-number
counter row, and the feed lock taken when case events are written, see :func:`_write_events`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

HEAD = "head"
# Any constant will do: it names the one advisory lock that orders the changes feed on PostgreSQL.
_FEED_LOCK_ID = 1022_0001


def open_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    # pool_pre_ping: a PostgreSQL restart must not turn into a 500 on the next request.
    # lock_timeout: no request waits on a lock for more than 20 s (idempotency leases are 60 s).
    return create_engine(
        url,
        pool_size=10,
        max_overflow=10,
        pool_pre_ping=True,
        hide_parameters=True,
        connect_args={"options": "-c lock_timeout=20s"},
    )


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        path = Path(database)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Private from the first byte: the file will hold callers' names and phones.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    # hide_parameters: an error's message never quotes the values (names, phones) it was given.
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 20}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Python's sqlite3 would otherwise open transactions itself, lazily, as DEFERRED.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=20000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # Reads (read_only sessions) begin DEFERRED: in WAL mode they neither wait for nor block
        # the writer.
        read_only = connection.get_execution_options().get("read_only", False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def insert_for(session: Session, model: type[Any]) -> Any:
    """The dialect's INSERT for ``model``, which knows ``ON CONFLICT`` (both databases speak it)."""
    if session.get_bind().dialect.name == "postgresql":
        return pg_insert(model)
    return sqlite_insert(model)


def session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    """Sessions on ``engine``; ``read_only`` ones must not write (on SQLite they begin DEFERRED)."""
    bind = engine.execution_options(read_only=True) if read_only else engine
    return sessionmaker(bind, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work commits at the end of the block, or rolls back on any exception."""
    with factory() as session, session.begin():
        yield session


def queue_event(session: Session, event_row: object) -> None:
    """Add a case event (a row of the changes feed) to the session's commit; see :func:`_write_events`."""
    session.info.setdefault(_EVENTS, []).append(event_row)


_EVENTS = "operator_console.case_events"


@event.listens_for(Session, "before_commit")
def _write_events(session: Session) -> None:
    """Write the queued events last, under the feed lock, which is held until the commit.

    Sequence numbers are handed out when a row is inserted, but transactions commit in their own
    order; without this lock a reader could see event 12 committed, move its cursor past it, and
    never see event 11 that committed a moment later. Under the lock, events commit in ``seq``
    order. The lock is taken as the very last step, so it is held only for the insert and the
    commit. SQLite needs no lock: its writers are already one at a time (``BEGIN IMMEDIATE``).
    """
    events = session.info.pop(_EVENTS, None)
    if not events:
        return
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _FEED_LOCK_ID})
    session.add_all(events)
    session.flush()


@event.listens_for(Session, "after_rollback")
def _drop_events(session: Session) -> None:
    session.info.pop(_EVENTS, None)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "operator_console.server:migrations")
    return config


def migrate(engine: Engine, revision: str = HEAD) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several servers starting at once against one database: one migrates, the others wait.
            connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _FEED_LOCK_ID + 1})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
