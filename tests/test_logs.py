"""The log's two safety nets, each spelling by spelling: phone numbers masked in every line, and
exceptions written without their messages (the end-to-end check through the window is in
``tests/server/test_console_logs_and_crashes.py``)."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

from operator_console.logs import close_logging, mask_phones, safe_traceback, setup_logging


@pytest.mark.parametrize(
    "spoken",
    [
        "0389 123 456",
        "0389123456",
        "+84 389 123 456",
        "84389123456",
        "0084 389 123 456",
        "01689123456",
        "028.3823.4567",
        "(028) 3823 4567",
        "028-3823-4567",
        "38234567",
        "0389  123  456",
        "0389/123/456",
    ],
)
def test_every_way_a_phone_number_is_written_is_masked(spoken: str) -> None:
    for line in (f"number {spoken}", f"SĐT{spoken}.", f"({spoken})"):
        masked = mask_phones(line)
        assert "[phone]" in masked
        assert not any(ch.isdigit() for ch in masked.replace("SĐT", "")), masked


def test_ids_times_and_counts_stay_readable() -> None:
    line = (
        "2026-11-29 23:10:49,705 INFO sync: sent case 01a22993-0ddc-7335-8992-848241595722"
        " as 1022-2026-000123 after 3 tries; next at 08:15:00; HTTP 422; 12 changes"
    )
    assert mask_phones(line) == line


def _raise_with_personal_data() -> None:
    try:
        raise KeyError("0389 123 456")
    except KeyError as first:
        raise ValueError("Trần Thị Bích Ngọc, 45/12 Nguyễn Thiện Thuật") from first


def test_a_traceback_keeps_the_frames_and_the_kinds_but_no_message() -> None:
    try:
        _raise_with_personal_data()
    except ValueError as error:
        text = safe_traceback(type(error), error, error.__traceback__)
    assert "_raise_with_personal_data" in text and "test_logs.py" in text
    assert "builtins.KeyError" in text and "builtins.ValueError" in text and "which led to:" in text
    assert "0389" not in text and "Ngọc" not in text and "Thuật" not in text


def test_lines_from_qt_libraries_and_warnings_lose_what_they_quote(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path, "DEBUG")
    try:
        logging.getLogger("qt").warning('QLineEdit: cannot show "Lương Văn Khởi" (0912 777 408)')
        logging.getLogger("some.library").error("row 'Hoàng Thị Xuân, 12/3 Lê Văn Sỹ' rejected")
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("odd name Đinh Văn Tâm", UserWarning, stacklevel=1)
        logging.getLogger("operator_console.test").info(
            "case %s saved", "01a22993-0ddc-7335-8992-848241595722"
        )
    finally:
        close_logging()
    text = log_file.read_text(encoding="utf-8")
    for secret in ("Lương", "0912", "Hoàng", "Lê Văn", "Đinh Văn Tâm"):
        assert secret not in text
    assert "QLineEdit: cannot show [text] " in text and "[phone]" in text
    assert "UserWarning: (message withheld" in text and "test_logs.py" in text
    assert "case 01a22993-0ddc-7335-8992-848241595722 saved" in text
