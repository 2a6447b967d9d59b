"""Upgrading a store made by an older console: every case survives, new columns are filled in."""

import sqlite3
from pathlib import Path

from operator_console.store.case_store import CaseFilter, CaseStore
from operator_console.store.database import current_revision, head_revision, migrate, open_engine


def test_a_store_full_of_cases_from_the_first_schema_upgrades_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = open_engine(path)
    migrate(engine, "0001")
    engine.dispose()
    old = sqlite3.connect(path)
    rows = [
        (
            f"00000000-0000-0000-0000-{i:012d}",
            f"OLD-{i}",
            None,
            "2021-08-29 02:15:00.000000",
            420,
            "phone",
            "essential_supplies",
            "queued",
            "normal",
            "normal",
            "op",
            None,
            "0389123456" if i % 2 else None,
            None,
            f"Nguyễn Văn Hùng {i}",
            "self",
            0,
            "",
            None,
            None,
            4,
            "",
            0,
            "45 Lê Văn Sỹ",
            "45",
            "",
            "Lê Văn Sỹ",
            "",
            "Tân Định",
            "",
            26734,
            None,
            0,
            "",
            "Hết gạo",
            None,
            0,
            None,
            0,
            "2021-08-29 02:15:00",
            "2021-08-29 02:15:00",
        )
        for i in range(500)
    ]
    old.executemany(f"INSERT INTO cases VALUES ({','.join('?' * len(rows[0]))})", rows)
    old.executemany(
        "INSERT INTO status_history (case_id, status, at, by, reason) "
        "VALUES (?, 'queued', '2021-08-29 02:15:00', 'op', '')",
        [(r[0],) for r in rows],
    )
    old.commit()
    old.close()

    store = CaseStore(path)  # migrations run at start
    assert current_revision(store.engine) == head_revision()
    assert store.count_cases() == 500
    case = store.get_by_external_id("OLD-7")
    assert case is not None
    assert case.caller.name == "Nguyễn Văn Hùng 7" and case.caller.phone.display == "0389 123 456"
    assert case.address.street == "Lê Văn Sỹ" and case.address.ward_code == 26734
    assert case.description == "Hết gạo" and len(case.history) == 1
    # the new folded key was filled in for the old cases: diacritic-free search finds them
    assert store.count_cases(CaseFilter(text="nguyen van hung 499")) == 1
    assert store.count_cases(CaseFilter(text="le van sy")) == 500
    # the duplicate search's index was built for them: the street in their ward finds all 500
    with store.engine.connect() as connection:
        indexed = connection.exec_driver_sql(
            "SELECT count(*) FROM case_search WHERE case_search MATCH 'sw_le_van_sy_26734'"
        ).scalar()
    assert indexed == 500
    store.close()


def test_migrating_twice_is_harmless(tmp_path: Path) -> None:
    first = CaseStore(tmp_path / "s.sqlite3")
    first.close()
    second = CaseStore(tmp_path / "s.sqlite3")
    assert current_revision(second.engine) == head_revision()
    second.close()
