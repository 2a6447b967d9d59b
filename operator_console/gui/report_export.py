"""The dashboard's current view as a file for the daily report: XLSX (one sheet per table) or CSV.

Plain Python (no Qt): the dashboard hands over the sheets as already-translated text and numbers,
and the writing runs off the GUI thread.

XLSX is written here as the few XML parts of Office Open XML SpreadsheetML that a report needs
(ECMA-376: inline strings, numbers, a bold heading, column widths, the headings frozen), with
``zipfile``: openpyxl, which the admin tools use, would add half a megabyte to the desktop bundle,
over its size budget (``benchmarks/README.md``). The tests read the files back with openpyxl.

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
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr


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


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot hold at all (control characters other than tab and line breaks).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
PLAIN, BOLD, HEADING = 0, 1, 2
"""Cell styles, by their index in styles.xml."""

APPLY_FONT = ' applyFont="1"'
_FONTS = "".join(
    f'<font>{bold}<sz val="{size}"/><name val="Calibri"/></font>'
    for bold, size in (("", 11), ("<b/>", 11), ("<b/>", 13))
)
_XFS = "".join(
    f'<xf numFmtId="0" fontId="{font}" fillId="0" borderId="0" xfId="0"{APPLY_FONT if font else ""}/>'
    for font in (PLAIN, BOLD, HEADING)
)
_STYLES = (
    f'{XML}<styleSheet xmlns="{MAIN}"><fonts count="3">{_FONTS}</fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="3">{_XFS}</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
FROZEN = (
    '<sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
)
"""The heading and the column titles stay in view as the rows scroll."""


def column_letter(number: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(reference: str, value: Any, style: int) -> str:
    styled = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{reference}"{styled}/>'
    if isinstance(value, float) and not math.isfinite(value):
        return f'<c r="{reference}"{styled}/>'  # Excel has no NaN: an empty cell, not a "repair"
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = escape(_NOT_XML.sub("", str(value)))
        return f'<c r="{reference}" t="inlineStr"{styled}><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c r="{reference}"{styled}><v>{value!r}</v></c>'


def _worksheet(heading: str, sheet: Sheet) -> str:
    rows = [[heading], list(sheet.headers), *[list(r) for r in sheet.rows]]
    styles = [HEADING, BOLD] + [PLAIN] * len(sheet.rows)
    lines = []
    for number, (row, style) in enumerate(zip(rows, styles, strict=True), start=1):
        cells = "".join(_cell(f"{column_letter(c)}{number}", v, style) for c, v in enumerate(row, start=1))
        lines.append(f'<row r="{number}">{cells}</row>')
    widths = []
    for column, header in enumerate(sheet.headers, start=1):
        texts = [str(row[column - 1]) for row in sheet.rows[:500] if len(row) >= column]
        width = min(60, max(10, max(map(len, [str(header), *texts])) + 2))
        widths.append(f'<col min="{column}" max="{column}" width="{width}" customWidth="1"/>')
    cols = f"<cols>{''.join(widths)}</cols>" if widths else ""
    data = "".join(lines)
    return f'{XML}<worksheet xmlns="{MAIN}">{FROZEN}{cols}<sheetData>{data}</sheetData></worksheet>'


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
    taken: set[str] = set()
    names = [sheet_name(s.title, taken) for s in sheets]
    count = len(sheets)
    content_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    parts = {
        "[Content_Types].xml": (
            f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{content_types}</Types>"
        ),
        "_rels/.rels": (
            f'{XML}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            "<bookViews><workbookView/></bookViews><sheets>"
            + "".join(
                f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                for i, name in enumerate(names, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{XML}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{RELATIONSHIPS}/worksheet" '
                f'Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, count + 1)
            )
            + f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES,
    }
    for i, sheet in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = _worksheet(heading, sheet)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text.encode("utf-8"))
