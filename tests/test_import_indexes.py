"""An import into an empty store builds its indexes once, at its end; a power cut in the middle
leaves a store that the next start completes (``store/pending_indexes.py``)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from operator_console.admin import importer
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.store.case_store import CaseFilter, CaseStore, case_record
from tests.test_import_limits import ROW, run, write_csv


def _indexes(db: Path) -> set[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _pending(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return int(connection.execute("SELECT count(*) FROM pending_indexes").fetchone()[0])


def _cases(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return int(connection.execute("SELECT count(*) FROM cases").fetchone()[0])


def _houses_found(store: CaseStore, street: str, house: int) -> int:
    """Cases the duplicate search's index finds at this house (its ``sh_`` words)."""
    with store.engine.connect() as connection:
        found = connection.exec_driver_sql(
            f"SELECT count(*) FROM case_search WHERE case_search MATCH 'sh_{street}_{house}'"
        ).scalar()
    return int(found or 0)


def _every_index_of_a_new_store(tmp_path: Path) -> set[str]:
    fresh = tmp_path / "fresh.sqlite3"
    CaseStore(fresh).close()
    return _indexes(fresh)


def _rows(count: int, prefix: str, padding: str = "") -> list[dict[str, str]]:
    return [
        ROW
        | {"external_id": f"{prefix}-{i}", "address": f"{i} Lê Văn Sỹ", "description": f"Hết gạo {padding}"}
        for i in range(count)
    ]


def test_an_import_into_an_empty_store_leaves_every_index_built_and_filled(tmp_path: Path) -> None:
    expected = _every_index_of_a_new_store(tmp_path)
    db = tmp_path / "s.sqlite3"
    code, _out, err = run("import", "--db", str(db), str(write_csv(tmp_path / "a.csv", _rows(300, "A"))))
    assert code == 0, err
    assert _indexes(db) == expected and _pending(db) == 0
    store = CaseStore(db)
    try:
        assert store.count_cases(CaseFilter(text="le van sy")) == 300  # the case list's words
        assert _houses_found(store, "le_van_sy", 17) == 1  # the duplicate search's words
    finally:
        store.close()


def test_a_second_import_into_a_store_with_cases_is_indexed_as_it_goes(tmp_path: Path) -> None:
    expected = _every_index_of_a_new_store(tmp_path)
    db = tmp_path / "s.sqlite3"
    assert run("import", "--db", str(db), str(write_csv(tmp_path / "a.csv", _rows(50, "A"))))[0] == 0
    more = [row | {"address": f"{i} Nguyễn Trãi"} for i, row in enumerate(_rows(50, "B"))]
    assert run("import", "--db", str(db), str(write_csv(tmp_path / "b.csv", more)))[0] == 0
    assert _indexes(db) == expected and _pending(db) == 0
    store = CaseStore(db)
    try:
        assert store.count_cases(CaseFilter(text="nguyen trai")) == 50
        assert _houses_found(store, "nguyen_trai", 7) == 1 and _houses_found(store, "le_van_sy", 7) == 1
    finally:
        store.close()


def test_a_power_cut_in_an_import_into_an_empty_store_is_mended_at_the_next_start(tmp_path: Path) -> None:
    """kill -9 after the first batch is in and before the last: the store lacks its indexes and
    says so; the next start builds them, and importing the file again brings in the rest."""
    expected = _every_index_of_a_new_store(tmp_path)
    total = 2 * importer.BATCH_SIZE
    source = write_csv(tmp_path / "big.csv", _rows(total, "K", "nhà có trẻ nhỏ " * 8))
    assert source.stat().st_size >= importer.PARALLEL_FROM_BYTES  # as a real import: with workers
    db = tmp_path / "s.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "operator_console.admin", "import", "--db", str(db), str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"LANG": "en_US.UTF-8"},
    )
    try:
        deadline = time.monotonic() + 300
        while not (db.exists() and _cases_or_zero(db) > 0):
            assert process.poll() is None, "the import ended before its first batch was seen"
            assert time.monotonic() < deadline, "no batch was written"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    # Where the kill landed: in the load, the indexes dropped and listed, not all rows in.
    loaded = _cases(db)
    assert 0 < loaded < total
    assert _pending(db) > 0 and _indexes(db) != expected

    store = CaseStore(db)  # the next start
    try:
        assert _indexes(db) == expected and _pending(db) == 0
        assert store.count_cases(CaseFilter(text="le van sy")) == loaded
        assert _houses_found(store, "le_van_sy", 3) == 1
    finally:
        store.close()

    code, out, err = run("import", "--db", str(db), str(source), "--lang", "en")
    assert code == 0, err
    assert _cases(db) == total and _indexes(db) == expected and _pending(db) == 0
    assert f"{total - loaded:,}" in out or str(total - loaded) in out


def _cases_or_zero(db: Path) -> int:
    """The cases a reader sees now; 0 while the file is still being created by the migrations."""
    try:
        return _cases(db)
    except sqlite3.OperationalError:
        return 0


def test_a_console_started_during_an_import_leaves_the_indexes_to_the_import(tmp_path: Path) -> None:
    """A second store opened while an import into the empty store loads (a console started, an
    admin command): it must not build the listed indexes half-way, and the import's end builds them
    for every row, those loaded after it too."""
    expected = _every_index_of_a_new_store(tmp_path)
    db = tmp_path / "s.sqlite3"
    now = datetime.now(UTC)
    records = [
        case_record(
            build_case(
                CaseDraft(
                    caller_name="Nguyễn Văn Hùng",
                    address=f"{i} Lê Văn Sỹ",
                    ward="Phường Sài Gòn",
                    category="essential_supplies",
                    external_id=f"C-{i}",
                ),
                gazetteer=default_gazetteer(),
                taxonomy=default_taxonomy(),
                now=now,
            ),
            now,
        )
        for i in range(200)
    ]
    store = CaseStore(db)
    with store.bulk_import() as bulk:
        bulk.add(records[:100])
        CaseStore(db).close()  # a console starting meanwhile
        assert _pending(db) > 0 and _indexes(db) != expected  # left to the import
        bulk.add(records[100:])
    assert _indexes(db) == expected and _pending(db) == 0
    try:
        assert store.count_cases(CaseFilter(text="le van sy")) == 200
        assert _houses_found(store, "le_van_sy", 150) == 1
    finally:
        store.close()
