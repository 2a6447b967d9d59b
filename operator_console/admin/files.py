"""Reading and writing interchange files: CSV, XLSX and JSON Lines, chosen by the file's extension.

CSV is written with a byte-order mark so that spreadsheet programs open Vietnamese text as UTF-8;
one is accepted on reading too. Row numbers are the ones a person sees: in CSV and XLSX the header
is row 1, in JSON Lines the first line is row 1.

Exports hold personal data: they are created readable by their owner only. Text from the public
(a web form, Zalo) may begin with ``=``, ``+``, ``-`` or ``@``, which a spreadsheet program runs as a
formula: XLSX cells are written as text, and such a CSV cell gets a leading apostrophe, which an
import removes again.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from zipfile import BadZipFile, ZipFile

from operator_console.domain.messages import Message

FileFormat = Literal["csv", "xlsx", "jsonl"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FileFormatError(ValueError):
    pass


class FileUnreadable(ValueError):
    """The file as a whole cannot be read (wrong encoding, not really a spreadsheet)."""


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be taken apart: a broken JSON line, more cells than the header."""

    message: Message


def file_format(path: Path) -> FileFormat:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    raise FileFormatError(path.name)


# An XLSX file is a zip of XML: what it expands to is what the reader holds and parses. Genuine
# case files compress 5 to 20 times; a file that expands 100 times or more, to more than 100 MB, is
# a "zip bomb" (880 KB that became 600 MB ran an import out of memory), and nothing past 1 GB is a
# case file the console should read as XLSX (CSV streams any size).
XLSX_MAX_EXPANDED = 1 << 30
XLSX_SUSPECT_EXPANDED = 100 << 20
XLSX_SUSPECT_RATIO = 100


class FileTooLarge(ValueError):
    """The file expands to more than the reader should hold: ``message`` says by how much."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.code)
        self.message = message


def check_readable(path: Path) -> None:
    """Fail before anything is imported if the file cannot be read to its end."""
    if file_format(path) == "xlsx":
        _check_expansion(path)
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            load_workbook(path, read_only=True).close()
        except (BadZipFile, InvalidFileException, KeyError, OSError, EOFError, zlib.error) as exc:
            raise FileUnreadable(type(exc).__name__) from exc
        return
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    with path.open("rb") as handle:
        try:
            while block := handle.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise FileUnreadable(f"not UTF-8 (byte {exc.start} of a block)") from exc


def _check_expansion(path: Path) -> None:
    """Refuse an XLSX that would expand to more than the reader should hold, before it is opened."""
    try:
        with ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (BadZipFile, OSError, EOFError) as exc:
        raise FileUnreadable(type(exc).__name__) from exc
    ratio = expanded / max(path.stat().st_size, 1)
    suspect = expanded > XLSX_SUSPECT_EXPANDED and ratio >= XLSX_SUSPECT_RATIO
    if expanded > XLSX_MAX_EXPANDED or suspect:
        limit = XLSX_SUSPECT_EXPANDED if suspect else XLSX_MAX_EXPANDED
        raise FileTooLarge(
            Message(
                "import.xlsx_too_large",
                {"path": path.name, "size": expanded >> 20, "ratio": round(ratio), "limit": limit >> 20},
            )
        )


def header_of(path: Path) -> list[str]:
    """The file's column names (for JSON Lines: the keys of its first object)."""
    fmt = file_format(path)
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [h.strip() for h in next(csv.reader(handle), [])]
    if fmt == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True)
        try:
            first = next(workbook.worksheets[0].iter_rows(values_only=True), ())
            return [str(h).strip() for h in first if h is not None]
        finally:
            workbook.close()
    for _number, row in read_rows(path):
        if not isinstance(row, BadRow):
            return list(row)
    return []


def read_rows(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadRow]]:
    """``(row number, row)`` for every data row; a row that cannot be taken apart comes as :class:`BadRow`."""
    fmt = file_format(path)
    if fmt == "csv":
        yield from _read_csv(path)
    elif fmt == "xlsx":
        yield from _read_xlsx(path)
    else:
        yield from _read_jsonl(path)


def _read_csv(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadRow]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = [name.strip() for name in next(reader, [])]
        width = len(header)
        for number, cells in enumerate(reader, start=2):
            if not cells:  # a blank line (csv.DictReader skipped them too)
                continue
            if len(cells) > width:
                surplus = ",".join(cells[width:])[:80]
                yield number, BadRow(Message("import.extra_fields", {"value": surplus}))
                continue
            # A short row's missing cells are empty; cells are unguarded only when one starts with
            # the apostrophe (the check per cell cost a million-row import some 4 s).
            row: dict[str, object] = dict(zip(header, cells, strict=False))
            if "\0'" in "\0" + "\0".join(cells):
                row = {k: _unguard(v) if isinstance(v, str) else v for k, v in row.items()}
            yield number, row


def _read_xlsx(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadRow]]:
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


def _read_jsonl(path: Path) -> Iterator[tuple[int, Mapping[str, object] | BadRow]]:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                yield number, BadRow(Message("import.bad_json"))
                continue
            yield number, value if isinstance(value, dict) else BadRow(Message("import.bad_json"))


def write_rows(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping[str, object]]) -> int:
    """Write ``rows`` in the format the extension names; returns how many were written.

    The file appears whole or not at all: we write a temporary file beside it, then rename it.
    """
    fmt = file_format(path)
    partial = path.with_name(path.name + ".partial")
    count = 0
    os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
    try:
        if fmt == "csv":
            with partial.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
                writer.writeheader()
                for row in rows:
                    writer.writerow({c: _guard(str(row.get(c, ""))) for c in columns})
                    count += 1
        elif fmt == "jsonl":
            with partial.open("w", encoding="utf-8") as handle:
                for row in rows:
                    handle.write(json.dumps({c: row.get(c, "") for c in columns}, ensure_ascii=False) + "\n")
                    count += 1
        else:
            count = _write_xlsx(partial, columns, rows)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _write_xlsx(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping[str, object]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("cases")
    sheet.append(list(columns))
    count = 0
    for row in rows:
        cells = []
        for column in columns:
            # Text, always: a phone keeps its leading 0, and "=..." from the public is not a formula.
            cell = WriteOnlyCell(sheet, value=str(row.get(column, "")))
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count


def _guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _unguard(value: str | None) -> str | None:
    if value and len(value) > 1 and value[0] == "'" and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value
