"""Reading and writing interchange files: CSV, XLSX and JSON Lines, chosen by the file's extension.

CSV is written with a byte-order mark so that spreadsheet programs open Vietnamese text as UTF-8;
one is accepted on reading too. Row numbers are the ones a person sees: in CSV and XLSX the header
is row 1, in JSON Lines the first line is row 1.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

FileFormat = Literal["csv", "xlsx", "jsonl"]


class FileFormatError(ValueError):
    pass


class BadLine(ValueError):
    """A JSON Lines line that is not a JSON object."""


def file_format(path: Path) -> FileFormat:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise FileFormatError(path.name)


def header_of(path: Path) -> list[str]:
    """The file's column names (for JSON Lines: the keys of its first line)."""
    for _number, row in read_rows(path):
        if isinstance(row, BadLine):
            continue
        return list(row)
    return []


def read_rows(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadLine]]:
    """``(row number, row)`` for every data row; a broken JSON line comes as :class:`BadLine`."""
    fmt = file_format(path)
    if fmt == "csv":
        yield from _read_csv(path)
    elif fmt == "xlsx":
        yield from _read_xlsx(path)
    else:
        yield from _read_jsonl(path)


def _read_csv(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadLine]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        for number, row in enumerate(reader, start=2):
            yield number, {(k or "").strip(): v for k, v in row.items()}


def _read_xlsx(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadLine]]:
    from openpyxl import load_workbook  # imported here: only XLSX files need it

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        for number, values in enumerate(rows, start=2):
            if values is None or all(v is None or v == "" for v in values):
                continue
            yield number, dict(zip(header, values, strict=False))
    finally:
        workbook.close()


def _read_jsonl(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadLine]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, BadLine(str(exc))
                continue
            yield number, value if isinstance(value, dict) else BadLine("not an object")


def write_rows(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping[str, object]]) -> int:
    """Write ``rows`` in the format the extension names; returns how many were written.

    The file appears whole or not at all: we write a temporary file beside it, then rename it.
    """
    fmt = file_format(path)
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        if fmt == "csv":
            with partial.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
                writer.writeheader()
                for row in rows:
                    writer.writerow(row)
                    count += 1
        elif fmt == "jsonl":
            with partial.open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps({c: row.get(c, "") for c in columns}, ensure_ascii=False) + "\n")
                    count += 1
        else:
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("cases")
            sheet.append(list(columns))
            for row in rows:
                # Everything as text: a phone number must keep its leading 0 in a spreadsheet.
                sheet.append([str(row.get(c, "")) for c in columns])
                count += 1
            workbook.save(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count
