"""What an import refuses, and how every way it can fail ends: a message and the documented exit
code (2: the command could not run; 3: some rows refused), never a traceback, nothing half-written."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from operator_console.admin import importer
from operator_console.admin.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from operator_console.domain.interchange import COLUMNS, MAX_LENGTH
from operator_console.server.schemas import CaseIn
from operator_console.store.case_store import CaseStore

ROW = {
    "external_id": "L-1",
    "received_at": "2021-08-29T09:15:00+07:00",
    "caller_phone": "0389 123 456",
    "caller_name": "Nguyễn Văn Hùng",
    "ward": "Phường Sài Gòn",
    "category": "essential_supplies",
    "description": "Hết gạo",
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def test_each_column_is_capped_as_the_server_caps_it() -> None:
    compared = 0
    for name, field in CaseIn.model_fields.items():
        limits = [m.max_length for m in field.metadata if getattr(m, "max_length", None) is not None]
        if name in MAX_LENGTH and limits and field.annotation is str:
            assert MAX_LENGTH[name] <= limits[0], name
            compared += 1
    assert compared >= 10


def test_a_cell_longer_than_its_column_allows_is_refused_with_the_row_the_field_and_the_limit(
    tmp_path: Path,
) -> None:
    rows = [ROW, ROW | {"external_id": "L-2", "description": "x" * 20_000}]
    db = tmp_path / "s.sqlite3"
    code, out, err = run(
        "import", "--db", str(db), str(write_csv(tmp_path / "c.csv", rows)), "--quiet", "--lang", "vi"
    )
    assert code == EXIT_REJECTED, err
    assert "Dòng 3: [description] Ô description quá dài: 20000 ký tự, tối đa 10000." in err
    assert "Đã nhập 1 hồ sơ" in out
    store = CaseStore(db)
    assert store.count_cases() == 1
    store.close()


def test_an_xlsx_that_expands_like_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A few hundred kilobytes that would expand to 150 MB: refused with what it expands to."""
    path = tmp_path / "bomb.xlsx"
    workbook = Workbook()
    workbook.active.append(list(COLUMNS))
    workbook.save(path)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/padding.xml", "w") as padding,
    ):
        for _ in range(150):
            padding.write(b"<c/>" * 262_144)  # 1 MiB of one repeated cell
    assert path.stat().st_size < 1_000_000
    code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--lang", "en")
    assert code == EXIT_USAGE
    assert "expands to 150 MB" in err and "more than 100 MB" in err and "Traceback" not in err


def test_a_truncated_xlsx_says_so_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    workbook = Workbook()
    workbook.active.append(list(COLUMNS))
    workbook.save(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--lang", "en")
    assert code == EXIT_USAGE and "Cannot read" in err and "Traceback" not in err


def test_a_damaged_store_is_named_and_the_command_exits_2(tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite3"
    db.write_bytes(b"this is not a database, it is a note someone saved with the wrong name\n" * 100)
    for command in (("list",), ("stats",), ("import", str(write_csv(tmp_path / "c.csv", [ROW])))):
        code, _out, err = run(*command, "--db", str(db), "--lang", "en")
        assert code == EXIT_USAGE, command
        assert "Cannot open the store" in err and "file is not a database" in err, err


def test_a_search_of_a_thousand_words_answers_and_leaks_none_of_them(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    run("import", "--db", str(db), str(write_csv(tmp_path / "c.csv", [ROW])), "--quiet")
    words = " ".join(f"tu{i}" for i in range(1_000))
    code, out, err = run("list", "--db", str(db), "--text", words)
    assert code == EXIT_OK and out == "" and err == ""


def test_an_unexpected_failure_is_one_line_without_the_sql_or_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever breaks inside, the admin sees the kind of failure, not a traceback holding the
    statement and its parameters (a caller's name, a phone)."""
    db = tmp_path / "s.sqlite3"
    run("import", "--db", str(db), str(write_csv(tmp_path / "c.csv", [ROW])), "--quiet")

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("SELECT … WHERE name_key LIKE '%nguyen van hung%'")

    monkeypatch.setattr(CaseStore, "list_cases", broken)
    code, _out, err = run("list", "--db", str(db), "--text", "nguyen van hung", "--lang", "en")
    assert code == EXIT_USAGE
    assert "could not run (RuntimeError)" in err and "nguyen" not in err and "Traceback" not in err


def test_rows_past_the_limit_are_refused_and_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MAX_ROWS", 2)
    rows = [ROW | {"external_id": f"L-{i}"} for i in range(4)]
    db = tmp_path / "s.sqlite3"
    code, out, err = run(
        "import", "--db", str(db), str(write_csv(tmp_path / "c.csv", rows)), "--quiet", "--lang", "vi"
    )
    assert code == EXIT_REJECTED
    assert "Dòng 4: Tệp có hơn 2 dòng" in err and "Đã nhập 2 hồ sơ" in out


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{pid}\n" in status:
                out.add(int(entry.name))
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_import_workers_end_when_the_import_is_killed(tmp_path: Path) -> None:
    """kill -9 of an import that runs worker processes: the workers go too (they had stayed,
    some 90 MB each). The kill lands while the workers are there, working."""
    rows = [
        ROW | {"external_id": f"K-{i}", "description": f"Hết gạo, lần {i} " + "nhà có trẻ nhỏ " * 8}
        for i in range(40_000)
    ]
    source = write_csv(tmp_path / "big.csv", rows)
    assert source.stat().st_size >= importer.PARALLEL_FROM_BYTES
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "operator_console.admin",
            "import",
            "--db",
            str(tmp_path / "s.sqlite3"),
            str(source),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"LANG": "en_US.UTF-8"},
    )
    try:
        deadline = time.monotonic() + 120
        while len(workers := _children(process.pid)) < 2:
            assert process.poll() is None and time.monotonic() < deadline, "no workers were started"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        deadline = time.monotonic() + 60
        while alive := {pid for pid in workers if Path(f"/proc/{pid}").exists()}:
            assert time.monotonic() < deadline, f"workers {alive} outlived the import"
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            process.kill()
