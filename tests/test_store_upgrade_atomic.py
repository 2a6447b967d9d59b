"""A console killed in the middle of its store's migrations loses nothing and starts next time.

The store's migrations run at start (a first start builds the schema; an upgrade brings a store
an earlier release left, here ``fixtures/previous_release/console.sqlite3``, to this one). The
process is ended right after each SQL statement in turn, the way a power cut would end it
(``tests/migration_killer.py`` prints after which statement it died); the next start must open the
store, finish the migrations and hold every case there was. Before the migrations ran in
SQLAlchemy's transactions (``store.database.open_engine``), pysqlite opened none before a schema
statement, each one committed by itself, and such a store could never be opened again.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from operator_console.store.case_store import CaseStore
from operator_console.store.database import before_upgrade_copy, current_revision, head_revision
from operator_console.store.outbox import Outbox

FIXTURE = Path(__file__).parent / "fixtures" / "previous_release" / "console.sqlite3"
SPLIT_Q8 = "00000000-0000-4000-8000-000000000001"  # P.5 Q.8, resolved silently by the old release
pytestmark = pytest.mark.slow


def _start_and_die_after(store: Path, statement: int) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tests.migration_killer", str(store), str(statement)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 9), done.stderr[-2000:]
    return done.stdout.strip()


def _kill_after_every_statement(
    folder: Path,
    make_store: Callable[[Path], object],
    check: Callable[[CaseStore, str], None],
    killed: Callable[[Path, str], None] = lambda _path, _said: None,
) -> list[str]:
    """A fresh store killed after statement 1, then 2, … until a start gets to the end; each time
    ``killed`` looks at what the kill left, then the next start must open it (``check``). Where
    each kill landed."""
    landed: list[str] = []
    for statement in range(1, 500):
        store_path = folder / f"store-{statement}.sqlite3"
        make_store(store_path)
        said = _start_and_die_after(store_path, statement)
        if said.startswith("finished"):
            assert not before_upgrade_copy(store_path).exists()  # removed once the upgrade committed
            return landed
        assert said.startswith("killed after"), said
        landed.append(said)
        killed(store_path, said)
        store = CaseStore(store_path)  # the next start
        try:
            assert current_revision(store.engine) == head_revision(), said
            check(store, said)
        finally:
            store.close()
        assert not before_upgrade_copy(store_path).exists(), said
    raise AssertionError("the migrations never finished")


def test_a_first_start_killed_after_any_statement_starts_next_time(tmp_path: Path) -> None:
    def check(store: CaseStore, said: str) -> None:
        assert store.count_cases() == 0, said

    landed = _kill_after_every_statement(tmp_path, lambda _path: None, check)
    assert len(landed) > 40
    assert any("CREATE TABLE cases" in said for said in landed)
    assert any("CREATE VIRTUAL TABLE case_search" in said for said in landed)


def test_an_upgrade_killed_after_any_statement_keeps_every_case_and_finishes_next_time(
    tmp_path: Path,
) -> None:
    def check(store: CaseStore, said: str) -> None:
        assert store.count_cases() == 8, said
        assert Outbox(store.engine).state().waiting == 8, said  # nothing sent is lost, nothing twice
        split = store.get_case(SPLIT_Q8)
        assert split is not None and split.address.ward_needs_check, said  # and upgraded

    copies: list[str] = []

    def killed(path: Path, said: str) -> None:
        """Killed in the upgrade's transaction: the copy made before it is there, whole."""
        copy = before_upgrade_copy(path)
        if copy.exists():
            copies.append(said)
            with closing(sqlite3.connect(copy)) as kept:
                assert kept.execute("SELECT count(*) FROM cases").fetchone() == (8,), said
                assert kept.execute("SELECT version_num FROM alembic_version").fetchone() == (before,), said
        if said.startswith(("killed after ALTER", "killed after CREATE", "killed after UPDATE")):
            assert copy.exists(), said

    with closing(sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)) as fixture:
        (before,) = fixture.execute("SELECT version_num FROM alembic_version").fetchone()
    landed = _kill_after_every_statement(tmp_path, lambda path: shutil.copyfile(FIXTURE, path), check, killed)
    assert len(copies) > 10
    assert any("CREATE INDEX ix_cases_former_ward" in said for said in landed)
    assert any("UPDATE cases SET ward_code" in said for said in landed)
