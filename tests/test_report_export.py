"""The daily report's files as a spreadsheet reads them (openpyxl here; Excel and LibreOffice the same
format): Vietnamese intact, numbers as numbers, titles frozen in view, awkward names made valid."""

from __future__ import annotations

import csv
import errno
import gc
import warnings
from pathlib import Path

import pytest
import xlsxwriter.workbook
from openpyxl import load_workbook

from operator_console.gui.dashboard.report_export import Sheet, column_letter, write_report

SHEETS = [
    Sheet("Tổng quan", ["Chỉ số", "Giá trị"], [["Quá hạn xử lý", "90"], ["Gọi lại hôm nay", "39,6 %"]]),
    Sheet("Tồn đọng theo phường", ["Phường/xã", "Đang mở"], [["Phường Sài Gòn", 4], ["Chưa rõ phường", 1]]),
    Sheet(
        "Tổng đài viên: ca 1/2 [sáng]",
        ["Tổng đài viên", "TG nhập TB"],
        [["Trần Thị Ánh\x07", 61.5], ["op2", None]],
    ),
    Sheet("TỔNG QUAN", ["a"], []),
]


def test_the_workbook_opens_with_its_vietnamese_and_its_numbers(tmp_path: Path) -> None:
    path = tmp_path / "báo cáo.xlsx"
    write_report(path, "Đường dây 1022: số liệu giám sát lúc 30/11/2026 08:00:00", SHEETS)
    book = load_workbook(path)
    # Excel's rules for names: no "/", "[", "]" or ":", at most 31 characters, unique whatever the case.
    assert book.sheetnames == [
        "Tổng quan",
        "Tồn đọng theo phường",
        "Tổng đài viên- ca 1-2 -sáng-",
        "TỔNG QUAN (2)",
    ]
    wards = book["Tồn đọng theo phường"]
    assert wards["A1"].value.startswith("Đường dây 1022") and wards["A1"].font.b
    assert [c.value for c in wards[2]] == ["Phường/xã", "Đang mở"] and wards["A2"].font.b
    assert [(r[0], r[1]) for r in wards.iter_rows(min_row=3, values_only=True)] == [
        ("Phường Sài Gòn", 4),
        ("Chưa rõ phường", 1),
    ]
    assert wards.freeze_panes == "A3"
    operators = book.worksheets[2]
    assert list(operators.iter_rows(min_row=3, values_only=True)) == [("Trần Thị Ánh", 61.5), ("op2", None)]
    assert not list(tmp_path.glob(".report-*")), "a temporary file left behind"


def test_the_csv_starts_with_a_byte_order_mark_and_holds_every_table(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.csv"
    write_report(path, "Đường dây 1022", SHEETS[:2])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as text:
        rows = list(csv.reader(text))
    assert rows[:5] == [["Đường dây 1022"], [], ["Tổng quan"], ["Chỉ số", "Giá trị"], ["Quá hạn xử lý", "90"]]
    assert ["Phường Sài Gòn", "4"] in rows


def test_columns_are_lettered_as_a_spreadsheet_does() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def test_text_that_looks_like_a_formula_stays_text_and_no_number_is_a_repair(tmp_path: Path) -> None:
    """A name typed as ``=HYPERLINK(…)`` is shown as typed, never run; a ratio with nothing to divide
    (NaN) is an empty cell, not a value Excel would have to repair."""
    path = tmp_path / "r.xlsx"
    attack = '=HYPERLINK("http://example.invalid","Bấm vào đây")'
    write_report(path, "1022", [Sheet("Tổng đài viên", ["Tên", "Tỉ lệ"], [[attack, float("nan")]])])
    cell = load_workbook(path).worksheets[0]["A3"]
    assert cell.data_type == "s" and cell.value == attack
    assert load_workbook(path).worksheets[0]["B3"].value is None


def test_a_text_longer_than_a_cell_holds_is_cut_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_report(path, "1022", [Sheet("Ghi chú", ["Nội dung"], [["x" * 40_000]])])
    text = load_workbook(path).worksheets[0]["A3"].value
    assert len(text) == 32_767 and text.endswith("…")


def test_a_report_that_cannot_be_written_says_why_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk's own error reaches the dashboard (full, no permission), not the library's wrapper.
    (A full disk cannot be made here: the zip file's opening is made to fail as a full disk does.)"""

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", full)
    with pytest.raises(OSError) as refused:
        write_report(tmp_path / "r.xlsx", "1022", SHEETS)
    assert refused.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []
    # XlsxWriter leaves its row files (anonymous temporary files) to the garbage collector when a
    # workbook cannot be stored; Python warns as it closes them: here, not at the session's end.
    del refused
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
