"""The dashboard's current view as a file for the daily report: XLSX (one sheet per table) or CSV.

Plain Python (no Qt): the dashboard hands over the sheets as already-translated text and numbers,
and the writing runs off the GUI thread.

XLSX is written with XlsxWriter (a maintained, write-only library, small enough for the desktop
bundle's budget where openpyxl is not): a bold heading, the column titles in bold and frozen in
view, numbers as numbers, column widths from the contents. Every text is written as text, never
as a formula or a link, and characters a workbook cannot hold are dropped rather than refused.

CSV is UTF-8 with a byte-order mark, the one encoding that spreadsheet programs (Excel included)
open with Vietnamese intact on a double click; its tables follow one another, each under its own
title, separated by an empty line.
"""

from __future__ import annotations

import csv
import math
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    """Text, whole numbers or decimals (kept as numbers: a spreadsheet can add them up); None: empty."""


def write_report(path: Path, heading: str, sheets: Sequence[Sheet]) -> None:
    """Written beside, then moved into place: a half-written report never replaces a good one."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        if path.suffix.lower() == ".csv":
            _write_csv(Path(temporary), heading, sheets)
        else:
            _write_xlsx(Path(temporary), heading, sheets)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_csv(path: Path, heading: str, sheets: Sequence[Sheet]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([heading])
        for sheet in sheets:
            writer.writerow([])
            writer.writerow([sheet.title])
            writer.writerow(list(sheet.headers))
            writer.writerows([["" if v is None else v for v in row] for row in sheet.rows])


MAX_CELL_TEXT = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit)."""
# Characters a workbook cannot hold at all (control characters other than tab and line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def column_letter(number: int) -> str:
    """1 → A, 27 → AA."""
    return str(xl_col_to_name(number - 1))


def _value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None  # Excel has no NaN: an empty cell, not a "repair"
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return _NOT_XML.sub("", str(value)) or None


def _write_row(sheet: Worksheet, row: int, values: Sequence[Any], style: Format | None) -> None:
    for column, raw in enumerate(values):
        value = _value(raw)
        if value is None:
            sheet.write_blank(row, column, None, style)
        elif isinstance(value, str):
            if len(value) > MAX_CELL_TEXT:  # a cell holds at most 32,767 characters: say it was cut
                value = value[: MAX_CELL_TEXT - 1] + "…"
            sheet.write_string(row, column, value, style)  # never a formula, a link or a number
        else:
            sheet.write_number(row, column, value, style)


def _fill(book: Workbook, sheet: Worksheet, heading: str, table: Sheet) -> None:
    heading_style = book.add_format({"bold": True, "font_size": 13})
    titles_style = book.add_format({"bold": True})
    for column, header in enumerate(table.headers):
        texts = [str(row[column]) for row in table.rows[:500] if len(row) > column]
        sheet.set_column(column, column, min(60, max(10, max(map(len, [str(header), *texts])) + 2)))
    sheet.freeze_panes(2, 0)  # the heading and the column titles stay in view as rows scroll
    _write_row(sheet, 0, [heading], heading_style)
    _write_row(sheet, 1, list(table.headers), titles_style)
    for number, row in enumerate(table.rows, start=2):
        _write_row(sheet, number, row, None)


def sheet_name(title: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , no apostrophe first or last, not "History"
    # (reserved), unique in the book (case-blind).
    name = re.sub(r"[\[\]:*?/\\]", "-", _NOT_XML.sub("", title))[:31].strip("'") or "Sheet"
    base, n = name, 2
    while name.lower() in taken or name.lower() == "history":
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _write_xlsx(path: Path, heading: str, sheets: Sequence[Sheet]) -> None:
    # constant_memory: each row goes to disk as it is written (a drill-down can be long)
    book = Workbook(str(path), {"constant_memory": True})
    try:
        taken: set[str] = set()
        for table in sheets:
            _fill(book, book.add_worksheet(sheet_name(table.title, taken)), heading, table)
    finally:
        try:
            book.close()  # always: it also removes its temporary files
        except FileCreateError as exc:
            # XlsxWriter wraps the disk's own error (full, no permission): the dashboard says which
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            if cause is not None:
                raise cause from exc
            raise
