"""operator-console-admin: a supervisor imports a spreadsheet of cases, lists them and exports them back."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from operator_console.admin.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from operator_console.admin.importer import import_file
from operator_console.domain.interchange import COLUMNS
from operator_console.store.case_store import CaseStore
from tests.drafts import MakeCase

GOOD = [
    {
        "external_id": "W-1",
        "received_at": "2021-08-29T09:15:00+07:00",
        "channel": "phone",
        "caller_phone": "0168 912 3456",
        "caller_name": "Nguyễn Văn Hùng",
        "subject_name": "",
        "address": "hẻm 12/3/45 Lê Văn Sỹ",
        "ward": "P.2",
        "district": "Q.5",
        "category": "essential_supplies",
        "household_size": "4",
        "description": "Hết gạo từ hôm qua, nhà có 2 trẻ nhỏ",
    },
    {
        "external_id": "W-2",
        "received_at": "2021-08-29T10:00:00+07:00",
        "channel": "zalo",
        "caller_phone": "",
        "caller_name": "Trần Thị Thu Hà",
        "subject_name": "Bà Lê Thị Mai",
        "address": "45 Tô Hiến Thành, Phường 13",
        "ward": "",
        "district": "Quận 10",
        "category": "vulnerable_person/lone_elderly",
        "household_size": "1",
        "description": 'Bà sống một mình, "không ai" chăm sóc; gọi 2 lần rồi',
    },
    {
        "external_id": "W-3",
        "received_at": "2021-09-01T20:30:00+00:00",
        "channel": "web",
        "caller_phone": "+84 28 3823 4567",
        "caller_name": "nguyen thi lan",
        "subject_name": "",
        "address": "",
        "ward": "ben thanh",
        "district": "",
        "category": "policy_support",
        "household_size": "",
        "description": "",
    },
]
BAD = [
    {"external_id": "B-1", "received_at": "hôm qua", "caller_name": "A", "category": "other"},
    {
        "external_id": "B-2",
        "received_at": "2021-08-29T10:00:00+07:00",
        "channel": "fax",
        "caller_phone": "12",
        "category": "food",
        "household_size": "-1",
    },
    {"external_id": "B-3", "received_at": "2021-08-29T10:00:00+07:00", "category": "other"},
    {"external_id": "B-4", "received_at": "2021-08-29T10:00:00", "caller_name": "A", "category": "other"},
    {
        "external_id": "W-1",
        "received_at": "2021-08-29T09:15:00+07:00",
        "caller_name": "A",
        "category": "other",
    },
]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_good_rows_go_in_and_each_bad_row_is_named_with_its_reason_in_vietnamese(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "cases.csv", GOOD + BAD)
    db = tmp_path / "s.sqlite3"
    code, out, err = run("import", "--db", str(db), str(source), "--lang", "vi", "--quiet")
    assert code == EXIT_REJECTED
    assert "Đã nhập 3 hồ sơ" in out and "từ chối 5 dòng" in out
    assert "Dòng 5: [received_at] Không đọc được thời điểm «hôm qua»" in err
    assert "Dòng 6: [channel] Không có kênh «fax»" in err
    assert "Dòng 6: [caller_phone] Số điện thoại quá ngắn" in err
    assert "Dòng 6: [category] Không có lĩnh vực «food»" in err
    assert "Dòng 6: [household_size] Số người trong hộ phải là số nguyên dương: «-1»" in err
    assert "Dòng 7: [caller_phone] Cần ít nhất số điện thoại hoặc họ tên" in err
    assert "Dòng 8: [received_at] Thời điểm «2021-08-29T10:00:00» thiếu múi giờ" in err
    assert "Dòng 9: [external_id] Mã hồ sơ «W-1» đã xuất hiện ở dòng 2" in err
    store = CaseStore(db)
    assert store.count_cases() == 3
    store.close()


def test_messages_follow_the_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_csv(tmp_path / "cases.csv", BAD[:1])
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    _code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(source), "--quiet")
    assert "Row 2: [received_at] Cannot read the time “hôm qua”" in err
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    _code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(source), "--quiet")
    assert "Dòng 2:" in err


def test_importing_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "cases.csv", GOOD)
    db = str(tmp_path / "s.sqlite3")
    assert run("import", "--db", db, str(source), "--quiet")[0] == EXIT_OK
    code, out, _err = run("import", "--db", db, str(source), "--quiet", "--lang", "en")
    assert code == EXIT_OK
    assert "Imported 0 cases, skipped 3 already present" in out


def test_an_id_a_file_repeats_is_refused_on_every_run_and_the_rest_is_skipped(tmp_path: Path) -> None:
    """Run again, the rows the store has are skipped without being read twice; the row that
    repeats an id is still named, so whoever fixes the file sees it each time."""
    rows = [*GOOD, GOOD[0] | {"description": "Gọi lại"}]
    source = write_csv(tmp_path / "cases.csv", rows)
    db = str(tmp_path / "s.sqlite3")
    for imported in (3, 0):
        code, out, err = run("import", "--db", db, str(source), "--quiet", "--lang", "en")
        assert code == EXIT_REJECTED
        assert f"Imported {imported} cases, skipped {3 - imported} already present, rejected 1 rows" in out
        assert "Row 5:" in err and "“W-1” already appears on row 2 of this file" in err


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_an_imported_file_exports_back_without_loss(tmp_path: Path, fmt: str) -> None:
    source = write_csv(tmp_path / "cases.csv", GOOD)
    db = str(tmp_path / "s.sqlite3")
    run("import", "--db", db, str(source), "--quiet")
    exported = tmp_path / f"out.{fmt}"
    assert run("export", "--db", db, str(exported))[0] == EXIT_OK
    rows = read_back(exported)
    by_id = {r["external_id"]: r for r in rows}
    assert set(by_id) == {"W-1", "W-2", "W-3"}
    w1 = by_id["W-1"]
    assert w1["caller_phone"] == "0389123456"  # today's number…
    assert w1["caller_phone_old"] == "01689123456"  # …and the old one the caller gave
    assert w1["ward_name"] == "Phường Chợ Quán" and w1["status"] == "queued"
    assert w1["caller_name"] == "Nguyễn Văn Hùng" and w1["description"] == GOOD[0]["description"]
    assert (w1["address"], w1["ward"], w1["district"]) == ("hẻm 12/3/45 Lê Văn Sỹ", "P.2", "Q.5")
    assert by_id["W-2"]["description"] == GOOD[1]["description"]
    assert by_id["W-3"]["received_at"] == "2021-09-01T20:30:00+00:00"
    assert by_id["W-3"]["caller_name"] == "Nguyen Thi Lan"
    # and the export imports into a new store as the very same cases
    db2 = str(tmp_path / "s2.sqlite3")
    assert run("import", "--db", db2, str(exported), "--quiet")[0] == EXIT_OK
    again = tmp_path / f"again.{fmt}"
    run("export", "--db", db2, str(again))
    assert read_back(again) == rows


def read_back(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    sheet = load_workbook(path).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    return [
        {h: ("" if v is None else str(v)) for h, v in zip(values[0], row, strict=True)} for row in values[1:]
    ]


def test_a_spreadsheet_with_numbers_and_date_cells_imports(tmp_path: Path) -> None:
    """Spreadsheets store phones as numbers (the leading 0 is lost) and times as date cells."""
    from datetime import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(
        [
            "X-1",
            datetime(2021, 8, 29, 9, 15),
            "phone",
            389123456,
            "Lê Văn Tám",
            None,
            "12 Âu Cơ",
            "Phường Bến Thành",
            None,
            "essential_supplies",
            5,
            "Cần gạo",
        ]
    )
    path = tmp_path / "cases.xlsx"
    workbook.save(path)
    db = tmp_path / "s.sqlite3"
    assert run("import", "--db", str(db), str(path), "--quiet")[0] == EXIT_OK
    store = CaseStore(db)
    case = store.get_by_external_id("X-1")
    assert case is not None
    assert case.caller.phone.national == "0389123456"
    assert case.received_at.isoformat() == "2021-08-29T09:15:00+07:00"  # read as Ho Chi Minh City time
    assert case.household_size == 5
    store.close()


def test_a_broken_json_line_is_rejected_and_the_rest_imported(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(
        json.dumps(GOOD[0], ensure_ascii=False) + "\n{not json\n" + json.dumps(GOOD[1]) + "\n",
        encoding="utf-8",
    )
    code, out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--quiet", "--lang", "en")
    assert code == EXIT_REJECTED
    assert "Imported 2 cases" in out and "Row 2: Not a valid JSON line." in err


def test_rejected_rows_can_be_written_to_a_file_for_correction(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "cases.csv", GOOD + BAD[:2])
    rejects = tmp_path / "rejects.csv"
    run(
        "import",
        "--db",
        str(tmp_path / "s.sqlite3"),
        str(source),
        "--quiet",
        "--rejects",
        str(rejects),
        "--lang",
        "vi",
    )
    rows = read_back(rejects)
    assert [r["row"] for r in rows] == ["5", "6", "6", "6", "6"]
    assert rows[0]["field"] == "received_at" and "hôm qua" in rows[0]["reason"]


def test_a_file_without_the_required_columns_is_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text("name,phone\nA,0389123456\n", encoding="utf-8")
    code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--lang", "en")
    assert code == EXIT_USAGE and "lacks required columns: external_id, received_at" in err
    assert (
        run("import", "--db", str(tmp_path / "s.sqlite3"), str(tmp_path / "cases.txt"), "--lang", "en")[0]
        == EXIT_USAGE
    )


def test_stats_count_by_status_category_and_ward(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    run("import", "--db", db, str(write_csv(tmp_path / "c.csv", GOOD)), "--quiet")
    code, out, _err = run("stats", "--db", db, "--lang", "vi")
    assert code == EXIT_OK
    assert "Tổng số hồ sơ: 3" in out
    assert "Chờ gửi" in out
    assert "Nhu yếu phẩm" in out and "Người già neo đơn" in out
    assert "Phường Bến Thành" in out and "Phường Chợ Quán" in out  # P.2, Q.5 resolved to today's ward
    assert "Phường Hòa Hưng" in out  # Phường 13, Quận 10 (in the address): merged whole into Hòa Hưng
    assert "Chưa xác định phường/xã" not in out


def test_stats_on_a_missing_store_says_so(tmp_path: Path) -> None:
    code, _out, err = run("stats", "--db", str(tmp_path / "none.sqlite3"), "--lang", "en")
    assert code == EXIT_USAGE and "No database" in err


def test_the_parallel_import_gives_the_same_store_as_the_plain_one(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "cases.csv", (GOOD + BAD) * 1)
    plain, parallel = CaseStore(tmp_path / "a.sqlite3"), CaseStore(tmp_path / "b.sqlite3")
    one = import_file(plain, source, workers=0)
    two = import_file(parallel, source, workers=2)
    assert (one.imported, one.rejections) == (two.imported, two.rejections)
    assert [c.external_id for c in plain.iter_cases()] == [c.external_id for c in parallel.iter_cases()]
    plain.close()
    parallel.close()


def test_imported_cases_can_be_listed_and_filtered(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    run("import", "--db", db, str(write_csv(tmp_path / "c.csv", GOOD)), "--quiet")
    code, out, _err = run("list", "--db", db, "--lang", "vi")
    lines = out.splitlines()
    assert code == EXIT_OK and len(lines) == 3
    assert lines[0].split("\t")[2] == "Nguyen Thi Lan"  # newest first
    _code, out, _err = run("list", "--db", db, "--phone", "0168.912.3456", "--lang", "vi")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["Nguyễn Văn Hùng"]
    assert "Phường Chợ Quán" in out and "Chờ gửi" in out
    _code, out, _err = run("list", "--db", db, "--ward", "P. Bến Thành")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["Nguyen Thi Lan"]
    _code, out, _err = run("list", "--db", db, "--text", "le thi mai", "--lang", "en")
    assert [line.split("\t")[2] for line in out.splitlines()] == ["Bà Lê Thị Mai"]
    code, _out, err = run("list", "--db", db, "--ward", "Phường Không Có", "--lang", "vi")
    assert code == EXIT_USAGE and "Không tìm thấy phường/xã" in err
    code, _out, err = run("list", "--db", db, "--category", "essential%", "--lang", "vi")
    assert code == EXIT_USAGE and "Không có lĩnh vực «essential%»" in err


def test_an_import_cut_short_leaves_whole_cases_and_finishes_when_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from operator_console.admin import importer
    from operator_console.store.case_store import BulkImport, CaseRecord, ImportCounts

    rows = [dict(GOOD[0], external_id=f"R-{i}", caller_name=f"Người {i}") for i in range(10)]
    source = write_csv(tmp_path / "cases.csv", rows)
    monkeypatch.setattr(importer, "BATCH_SIZE", 4)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 4)
    original = BulkImport.add
    batches: list[int] = []

    def fail_on_third_batch(self: BulkImport, records: Sequence[CaseRecord]) -> ImportCounts:
        batches.append(len(records))
        if len(batches) == 3:
            raise OSError("disk full")
        return original(self, records)

    monkeypatch.setattr(BulkImport, "add", fail_on_third_batch)
    store = CaseStore(tmp_path / "s.sqlite3")
    with pytest.raises(OSError):
        import_file(store, source, workers=0)
    assert store.count_cases() == 8  # two whole batches, nothing of the third
    assert all(len(c.history) == 1 for c in store.iter_cases())
    monkeypatch.setattr(BulkImport, "add", original)
    report = import_file(store, source, workers=0)
    assert (report.imported, report.skipped, store.count_cases()) == (2, 8, 10)
    store.close()


def test_progress_is_reported_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from operator_console.admin import importer

    monkeypatch.setattr(importer, "CHUNK_ROWS", 2)
    source = write_csv(tmp_path / "cases.csv", GOOD + BAD)
    seen: list[int] = []
    store = CaseStore(tmp_path / "s.sqlite3")
    import_file(store, source, progress=seen.append, workers=0)
    store.close()
    assert seen == [2, 4, 6, 8]


def test_a_case_entered_in_the_console_exports_and_imports_whole(tmp_path: Path, make_case: MakeCase) -> None:
    """Everything the operator recorded survives an export: into another store, as the same case."""
    first = CaseStore(tmp_path / "a.sqlite3")
    case = make_case(
        caller_phone="0168 912 3456",
        caller_name="Trần Văn Bình",
        caller_relation="neighbour",
        subject_name="Bà Lê Thị Mai",
        subject_phone="028 3823 4567",
        address="hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.8, gần chợ",
        household_size="1",
        vulnerable={"lone_elderly", "sick"},
        no_food_today=True,
        description="Bà sống một mình.\nHết gạo từ hôm qua.\n  Hàng xóm gửi tạm ít mì.",
        priority="urgent",
        callback_consent=True,
    )
    first.add_case(case)
    exported = tmp_path / "out.csv"
    assert run("export", "--db", str(first.path), str(exported))[0] == EXIT_OK
    assert run("import", "--db", str(first.path), str(exported), "--quiet")[0] == EXIT_OK
    assert first.count_cases() == 1  # its own export adds nothing to a store
    first.close()
    second = tmp_path / "b.sqlite3"
    assert run("import", "--db", str(second), str(exported), "--quiet")[0] == EXIT_OK
    store = CaseStore(second)
    copy = store.get_by_external_id(case.id)
    store.close()
    assert copy is not None
    assert copy.description == "Bà sống một mình.\nHết gạo từ hôm qua.\nHàng xóm gửi tạm ít mì."
    assert (copy.priority.value, copy.priority_suggested.value) == ("urgent", "critical")
    assert copy.vulnerable == case.vulnerable and copy.no_food_today and copy.callback_consent
    assert copy.caller_relation == case.caller_relation and copy.subject == case.subject
    assert copy.caller.phone == case.caller.phone  # with its old 11-digit form
    assert copy.address.landmark == "gần chợ" and copy.address.ward_code == case.address.ward_code
    assert (copy.status, copy.operator) == (case.status, case.operator)


@pytest.mark.parametrize("size", ["nan", "inf", "-inf", "1e400", "2.5", "0"])
def test_a_household_size_that_is_no_count_of_people_is_rejected(tmp_path: Path, size: str) -> None:
    source = write_csv(tmp_path / "c.csv", [dict(GOOD[0], household_size=size)])
    code, _out, err = run(
        "import", "--db", str(tmp_path / "s.sqlite3"), str(source), "--quiet", "--lang", "en"
    )
    assert code == EXIT_REJECTED and "Household size must be a positive whole number" in err


def test_a_row_with_more_cells_than_the_header_is_rejected_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    header = ",".join(COLUMNS)
    path.write_text(
        f"{header}\nR-1,2021-08-29T09:15:00+07:00,phone,0389123456,A,,,,,other,2,Het gao, can giup gap\n",
        encoding="utf-8",
    )
    code, out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--quiet", "--lang", "en")
    assert code == EXIT_REJECTED and "Imported 0 cases" in out
    assert "Row 2: The row has more cells than the header" in err


def test_a_bad_row_is_named_by_the_row_a_spreadsheet_shows_and_short_rows_import(tmp_path: Path) -> None:
    """A blank line counts as a row (the spreadsheet shows it), and a row cut short of the
    header's last columns has them empty."""
    path = tmp_path / "c.csv"
    header = ",".join(COLUMNS)
    path.write_text(
        f"{header}\n"
        "R-1,2021-08-29T09:15:00+07:00,phone,0389123456,Lê Thị Mai,,,,,other,2\n"
        "\n"
        "R-2,hôm qua,phone,0389123457,A,,,,,other,2,\n",
        encoding="utf-8",
    )
    code, out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--quiet", "--lang", "en")
    assert code == EXIT_REJECTED and "Imported 1 cases" in out
    assert "Row 4: " in err and "Row 3" not in err
    store = CaseStore(tmp_path / "s.sqlite3")
    (case,) = store.iter_cases()
    store.close()
    assert case.caller.name == "Lê Thị Mai" and case.description == ""


def test_a_file_that_is_not_utf8_or_not_a_spreadsheet_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    legacy = tmp_path / "windows.csv"
    row = "R-1,2021-08-29T09:15:00+07:00,,,Lê Hà,,,,,other,,"  # saved by a Windows program
    legacy.write_bytes((",".join(COLUMNS) + "\n" + row + "\n").encode("cp1258"))
    db = tmp_path / "s.sqlite3"
    code, _out, err = run("import", "--db", str(db), str(legacy), "--lang", "vi")
    assert code == EXIT_USAGE and "CSV cần mã UTF-8" in err
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a spreadsheet", encoding="utf-8")
    code, _out, err = run("import", "--db", str(db), str(fake), "--lang", "en")
    assert code == EXIT_USAGE and "Cannot read “fake.xlsx”" in err


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_text_from_the_public_never_becomes_a_spreadsheet_formula(tmp_path: Path, fmt: str) -> None:
    attack = '=HYPERLINK("http://example.invalid","Bấm vào đây")'
    db = str(tmp_path / "s.sqlite3")
    run(
        "import",
        "--db",
        db,
        str(write_csv(tmp_path / "c.csv", [dict(GOOD[0], description=attack)])),
        "--quiet",
    )
    exported = tmp_path / f"out.{fmt}"
    run("export", "--db", db, str(exported))
    if fmt == "csv":
        assert "'=HYPERLINK" in exported.read_text(encoding="utf-8-sig")
    else:
        cell = load_workbook(exported).worksheets[0]["L2"]
        assert cell.data_type == "s" and cell.value == attack
    db2 = str(tmp_path / "s2.sqlite3")
    run("import", "--db", db2, str(exported), "--quiet")
    store = CaseStore(Path(db2))
    assert next(store.iter_cases()).description == attack
    store.close()


def test_exports_and_rejects_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    rejects = tmp_path / "rejects.csv"
    run(
        "import",
        "--db",
        db,
        str(write_csv(tmp_path / "c.csv", GOOD + BAD)),
        "--quiet",
        "--rejects",
        str(rejects),
    )
    run("export", "--db", db, str(tmp_path / "out.xlsx"))
    for path in (rejects, tmp_path / "out.xlsx"):
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_unknown_status_priority_or_vulnerable_group_is_rejected(tmp_path: Path) -> None:
    row = dict(GOOD[0], status="done", priority="asap", vulnerable="elderly")
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _out, err = run("import", "--db", str(tmp_path / "s.sqlite3"), str(path), "--quiet", "--lang", "en")
    assert code == EXIT_REJECTED
    assert "Unknown status “done”" in err and "Unknown priority “asap”" in err
    assert "Unknown vulnerable group “elderly”" in err


def test_a_split_former_ward_lists_the_cases_said_in_it_and_flags_them(tmp_path: Path) -> None:
    """Former Phường 5, Quận 8 went to Chánh Hưng and Bình Đông: its cases await the operator."""
    db = str(tmp_path / "s.sqlite3")
    row = GOOD[0] | {"external_id": "S-1", "ward": "Phường 5", "district": "Quận 8"}
    run("import", "--db", db, str(write_csv(tmp_path / "c.csv", [row, GOOD[2]])), "--quiet")
    code, out, _err = run("list", "--db", db, "--ward", "P.5 Q.8", "--lang", "vi")
    assert code == EXIT_OK and [line.split("\t")[4] for line in out.splitlines()] == ["Phường 5 (?)"]
    _code, out, _err = run("stats", "--db", db, "--lang", "vi")
    assert "Chưa xác định phường/xã          1" in out


def test_the_list_reads_every_case_on_the_desks_clock(tmp_path: Path) -> None:
    """A case typed at a console is kept in UTC, one from the server in +07: one clock, the city's."""
    from datetime import UTC, datetime

    from operator_console.domain.gazetteer import default_gazetteer
    from operator_console.domain.intake import CaseDraft, build_case
    from operator_console.domain.taxonomy import default_taxonomy

    db = tmp_path / "s.sqlite3"
    store = CaseStore(db)
    received = datetime(2021, 8, 29, 2, 15, tzinfo=UTC)
    draft = CaseDraft(caller_name="Lê Thị Mai", category="other", received_at=received)
    store.add_case(
        build_case(draft, gazetteer=default_gazetteer(), taxonomy=default_taxonomy(), now=received)
    )
    store.close()
    code, out, _err = run("list", "--db", str(db), "--lang", "vi")
    assert code == EXIT_OK and out.split("\t")[0] == "2021-08-29 09:15"


def test_an_id_with_a_control_character_is_refused_on_every_run_not_a_crash(tmp_path: Path) -> None:
    """A broken export's NUL inside an id: such an id could not be matched on the next run."""
    path = tmp_path / "c.csv"
    header = ",".join(COLUMNS)
    path.write_text(
        f"{header}\nR-1\x002,2021-08-29T09:15:00+07:00,phone,0389123456,Lê Thị Mai,,,,,other,2\n"
        "R-3,2021-08-29T09:15:00+07:00,phone,0389123457,Lê Văn Ba,,,,,other,2\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.sqlite3")
    for run_number in (1, 2):
        code, out, err = run("import", "--db", db, str(path), "--quiet", "--lang", "en")
        assert code == EXIT_REJECTED, run_number
        assert "Row 2: [external_id]" in err and "control character" in err and "R-1�2" in err
        assert f"Imported {2 - run_number} cases" in out
