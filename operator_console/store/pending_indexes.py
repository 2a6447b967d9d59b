"""Indexes built once at the end of an import into an empty store, and finished after a power cut.

Loading a million cases into a store that holds none, SQLite spends half its time keeping a dozen
B-tree indexes and the two FTS5 word indexes up to date row by row (measured on 200,000 rows: 23.5 s
against 10.2 s when they are built from the loaded rows at the end; ``benchmarks/README.md``). So an
import into an empty store drops the case table's secondary indexes and leaves the word indexes
unfilled while it loads, then builds them.

What is dropped is listed in ``pending_indexes`` (revision 0011) in the same transaction, each entry
deleted in the transaction that builds its index again: a store whose import died half-way lists what
it lacks, and :func:`finish_pending` (run by every start, after the migrations) builds it before
anything reads the store. The unique indexes (the case's id, its external id) are never dropped: an
import skips the rows the store has by them.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from operator_console.store.database import pragma

log = logging.getLogger(__name__)

# The secondary indexes of the tables an import fills (the unique ones have no ``sql`` of their own
# in ``sqlite_master``: they belong to the table's constraints and stay).
_DROPPABLE = (
    "SELECT name, sql FROM sqlite_master "
    "WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'status_history') ORDER BY name"
)
# The FTS5 indexes over the case table's own columns (external content): "rebuild" reads every row.
_WORD_INDEXES = ("case_search", "case_words")
_CREATE = re.compile(r"^CREATE (UNIQUE )?INDEX", re.IGNORECASE)


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".import-lock")


@contextmanager
def import_lock(store: Path, *, wait: bool = True) -> Iterator[bool]:
    """The store's import lock, held for a whole import that defers its indexes: a second import
    waits for it (then finds the store not empty), and a start that finds the indexes listed
    leaves them to the import that is still running (its end builds them). The operating system
    lets go of it when the process ends, also by a power cut's kill. Yields whether it is held."""
    path = lock_path(store)
    handle: IO[bytes] = path.open("a+b")
    try:
        held = _lock(handle, wait)
        try:
            yield held
        finally:
            if held:
                _unlock(handle)
    finally:
        handle.close()


def _lock(handle: IO[bytes], wait: bool) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        mode = msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK
        try:
            msvcrt.locking(handle.fileno(), mode, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def defer(connection: Connection) -> list[tuple[str, str]] | None:
    """When the store holds no case: drop the indexes an import would update row by row and list
    them; what is to be built at the import's end (None: nothing deferred, the store has cases).
    Commits its own transaction. Called under :func:`import_lock`."""
    with connection.begin():
        if connection.scalar(text("SELECT EXISTS (SELECT 1 FROM cases)")):
            return None
        listed = _listed(connection)
        if listed:
            return listed  # an earlier import's, not built yet: this import builds them at its end
        indexes = [(str(name), str(sql)) for name, sql in connection.execute(text(_DROPPABLE))]
        # Built again "if not exists": a start after a power cut between the index's creation and its
        # entry's removal (the driver commits a CREATE on its own) finds it there already.
        entries = [
            *((name, _CREATE.sub(r"\g<0> IF NOT EXISTS", sql, count=1)) for name, sql in indexes),
            *((name, f"INSERT INTO {name}({name}) VALUES ('rebuild')") for name in _WORD_INDEXES),
        ]
        connection.execute(
            text("INSERT INTO pending_indexes (name, statement) VALUES (:name, :statement)"),
            [{"name": name, "statement": statement} for name, statement in entries],
        )
        for name, _sql in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return entries


def _listed(connection: Connection) -> list[tuple[str, str]]:
    return [
        (str(name), str(statement))
        for name, statement in connection.execute(
            text("SELECT name, statement FROM pending_indexes ORDER BY seq")
        )
    ]


def finish(connection: Connection, entries: list[tuple[str, str]]) -> int:
    """Build the indexes, each in its own transaction with its entry's removal; how many.

    ``entries``: what the import deferred, or what the list holds at a start (all of it is built
    again, whatever another process did with the list meanwhile: every statement is safe to repeat)."""
    if connection.in_transaction():
        connection.commit()
    # CREATE INDEX sorts the table's keys: SQLite's sorter may use a thread per core for it.
    pragma(connection, f"threads={min(os.cpu_count() or 1, 8)}")
    built = 0
    try:
        for name, statement in entries:
            with connection.begin():
                connection.exec_driver_sql(statement)
                connection.execute(text("DELETE FROM pending_indexes WHERE name = :name"), {"name": name})
            built += 1
    finally:
        pragma(connection, "threads=0")
    return built


def finish_pending(engine: Engine, store: Path) -> None:
    """At start: build what an import that died half-way left unbuilt (nothing, almost always).

    Left alone while an import holds the store's import lock (it builds them at its end). A
    failure is logged, not raised: without these indexes the store still works, only slower, and
    the next start tries again."""
    try:
        with engine.connect() as connection:
            entries = _listed(connection)
            if not entries:
                return
            if connection.in_transaction():
                connection.commit()
            with import_lock(store, wait=False) as held:
                if not held:
                    log.info("an import into this store is running: it builds the indexes at its end")
                    return
                log.warning(
                    "an import into this store stopped before its indexes were built: building them now"
                )
                built = finish(connection, entries)
                log.info("%d index(es) built", built)
    except (OSError, SQLAlchemyError) as exc:
        log.error(
            "the store's indexes could not be built (%s); the next start tries again", type(exc).__name__
        )
