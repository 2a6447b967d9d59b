"""A store the console cannot open is kept aside whole, its unsent cases listed, and a fresh one opens.

Real SQLite files throughout: a file that is not a database, and a store an earlier release left
whose upgrade fails the same way at every start (the defect of issue 18: what an interrupted,
non-transactional migration had already made).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from operator_console.admin.files import header_of, read_rows
from operator_console.admin.importer import import_file
from operator_console.domain.interchange import COLUMNS
from operator_console.store.case_store import CaseStore
from operator_console.store.database import before_upgrade_copy
from operator_console.store.set_aside import LISTING, open_store
from tests.drafts import MakeCase

FIXTURE = Path(__file__).parent / "fixtures" / "previous_release" / "console.sqlite3"


UNSENT = 8
"""The fixture's cases: all eight wait in its outbox, none ever reached the server."""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_whose_upgrade_always_fails(path: Path) -> None:
    """The previous release's store (8 cases, most never sent) with 0007's index already there."""
    shutil.copyfile(FIXTURE, path)
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE INDEX ix_cases_former_ward ON cases (former_ward_code)")
        db.commit()


def test_a_file_that_is_not_a_store_is_kept_aside_and_the_console_gets_a_fresh_one(
    tmp_path: Path, make_case: MakeCase
) -> None:
    path = tmp_path / "console.sqlite3"
    path.write_bytes(b"not a database, and never was " * 200)
    digest = _digest(path)
    store, aside = open_store(path)
    try:
        assert aside is not None and aside.reason == "SQLITE_NOTADB"
        assert _digest(aside.folder / path.name) == digest  # kept as it was
        assert aside.folder.stat().st_mode & 0o077 == 0  # personal data: the user's only
        assert aside.unsent is None and aside.listing is None  # nothing could be read from it
        store.add_case(make_case(caller_phone="0909 123 456"))  # calls are taken at once
        assert store.count_cases() == 1
    finally:
        store.close()
    again, nothing = open_store(path)  # and the next start opens the new store as usual
    again.close()
    assert nothing is None and len(list(tmp_path.glob("console.sqlite3.unusable-*"))) == 1


def test_a_store_whose_upgrade_fails_every_time_lists_its_unsent_cases_for_it(tmp_path: Path) -> None:
    path, queued = tmp_path / "console.sqlite3", UNSENT
    _store_whose_upgrade_always_fails(path)
    with pytest.raises(Exception, match="index ix_cases_former_ward already exists"):
        CaseStore(path)  # what every start met before
    assert before_upgrade_copy(path).exists()  # made before the upgrade; kept, as it did not commit

    store, aside = open_store(path)
    store.close()
    assert aside is not None and aside.reason == "SQLITE_ERROR"
    assert sorted(p.name for p in aside.folder.iterdir()) == sorted(
        [path.name, before_upgrade_copy(path).name, LISTING]
    )
    assert not before_upgrade_copy(path).exists()
    with closing(sqlite3.connect(f"file:{aside.folder / path.name}?mode=ro", uri=True)) as kept:
        assert kept.execute("SELECT count(*) FROM outbox WHERE state = 'waiting'").fetchone() == (queued,)
    assert aside.unsent is not None and len(aside.unsent) == queued and not aside.read_from_copy
    times = [case.received_at for case in aside.unsent if case.received_at is not None]
    assert len(times) == len(aside.unsent) and times == sorted(times)
    assert all(case.reference and case.phone for case in aside.unsent)

    # The list is the interchange format: the admin tool reads it back, one row per unsent case.
    assert aside.listing is not None and aside.listing.stat().st_mode & 0o077 == 0
    assert header_of(aside.listing) == list(COLUMNS)
    rows = [row for _number, row in read_rows(aside.listing)]
    assert len(rows) == queued and all(isinstance(row, dict) for row in rows)
    assert {row["caller_phone"] for row in rows if isinstance(row, dict)} == {c.phone for c in aside.unsent}
    it = CaseStore(tmp_path / "it.sqlite3")
    try:
        report = import_file(it, aside.listing, workers=0)
        assert (report.imported, report.rejected_rows) == (queued, 0)
    finally:
        it.close()


def test_a_store_unreadable_past_its_pre_upgrade_copy_is_listed_from_that_copy(tmp_path: Path) -> None:
    path = tmp_path / "console.sqlite3"
    _store_whose_upgrade_always_fails(path)
    with pytest.raises(Exception, match="already exists"):
        CaseStore(path)
    path.write_bytes(path.read_bytes()[:4096] + b"\0" * 4096)  # and then the disk damaged it
    store, aside = open_store(path)
    store.close()
    assert aside is not None and aside.read_from_copy
    assert aside.unsent is not None and len(aside.unsent) == UNSENT


def test_a_busy_store_is_not_moved(tmp_path: Path, make_case: MakeCase) -> None:
    """Another program holding the store's write lock is not the file's fault: nothing is moved."""
    path = tmp_path / "console.sqlite3"
    first = CaseStore(path)
    first.add_case(make_case(caller_phone="0909 123 456"))
    first.close()
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        with closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN EXCLUSIVE")
            locked.set()
            release.wait(120)
            other.execute("ROLLBACK")

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    try:
        assert locked.wait(60)
        # A store at its newest schema needs no write to open: the migrations' write lock is
        # what the other program holds, and the open waits for it, then gives up.
        with pytest.raises(Exception, match="database is locked"):
            open_store(path)
    finally:
        release.set()
        holder.join()
    assert path.exists() and not list(tmp_path.glob("*.unusable-*"))
    store, aside = open_store(path)
    try:
        assert aside is None and store.count_cases() == 1
    finally:
        store.close()


def test_a_start_that_died_while_setting_the_store_aside_loses_none_of_its_last_commits(
    tmp_path: Path, make_case: MakeCase
) -> None:
    """The store moved aside, the process gone before its WAL followed: the next start moves the
    WAL after it before anything opens the path (SQLite deletes the WAL of an empty database)."""
    live = tmp_path / "live" / "console.sqlite3"
    live.parent.mkdir()
    store = CaseStore(live)
    try:
        for number in range(3):
            store.add_case(make_case(caller_phone=f"0909 000 00{number}"))
        # What is on disk at this instant: the commits are in the WAL, not yet in the store file.
        wal = live.with_name(live.name + "-wal")
        assert wal.stat().st_size > 0
        path = tmp_path / "console.sqlite3"
        folder = tmp_path / "console.sqlite3.unusable-20261207T010203Z"
        folder.mkdir()
        shutil.copyfile(live, folder / path.name)  # already moved
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))  # not yet
    finally:
        store.close()

    fresh, aside = open_store(path)
    fresh.close()
    assert aside is None
    assert (folder / (path.name + "-wal")).exists()
    with closing(sqlite3.connect(folder / path.name)) as kept:
        assert kept.execute("SELECT count(*) FROM cases").fetchone() == (3,)
