"""The dashboard's current view as a file for the daily report: XLSX (one sheet per table) or CSV.

Plain Python (no Qt): the dashboard hands over the sheets as already-translated text and numbers,
and the writing runs off the GUI thread. CSV is UTF-8 with a byte-order mark, the one encoding that
spreadsheet programs (Excel included) open with Vietnamese intact on a double click; its tables
follow one another, each under its own title, separated by an empty line.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    """Text, whole numbers or decimals (kept as numbers: a spreadsheet can add them up)."""


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
            writer.writerows([list(row) for row in sheet.rows])


def _sheet_name(title: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ ; unique in the book.
    name = re.sub(r"[\[\]:*?/\\]", "-", title)[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def _write_xlsx(path: Path, heading: str, sheets: Sequence[Sheet]) -> None:
    book = Workbook()
    taken: set[str] = set()
    first = True
    for sheet in sheets:
        page = book.active if first else book.create_sheet()
        assert page is not None
        first = False
        page.title = _sheet_name(sheet.title, taken)
        page.append([heading])
        page["A1"].font = Font(bold=True, size=12)
        page.append(list(sheet.headers))
        for cell in page[2]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append(list(row))
        page.freeze_panes = "A3"
        for column, header in enumerate(sheet.headers, start=1):
            longest = max([len(str(header))] + [len(str(row[column - 1])) for row in sheet.rows[:500]])
            page.column_dimensions[get_column_letter(column)].width = min(60, max(10, longest + 2))
    book.save(path)
