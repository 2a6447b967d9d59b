"""Importing an interchange file into a store: every good row in, every bad row named, nothing half-written.

Rows are read in order, checked and built into cases by worker processes (one per core: building a
case — phones, ward, address, priority — is the costly part), then written by this process a batch
at a time, each batch one transaction. A row is never half-written (its case and its first status
entry go in together) and importing the same file again adds nothing, so an import stopped halfway
is finished by running it again.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from multiprocessing import get_context, parent_process
from pathlib import Path

from operator_console.admin.files import BadRow, check_readable, header_of, read_rows
from operator_console.domain.case import Status
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import InvalidCase, build_case
from operator_console.domain.interchange import REQUIRED_COLUMNS, cell_text, draft_from_row
from operator_console.domain.messages import Message
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.store.case_store import BulkImport, CaseRecord, CaseStore, case_record

# A batch is one transaction; larger batches amortise the index updates (measured: 20,000 beats 5,000).
BATCH_SIZE = 20_000
CHUNK_ROWS = 2_000
# Below this size starting worker processes costs more than it saves.
PARALLEL_FROM_BYTES = 4_000_000
# The most rows one import takes (a city's years of cases is a few million): a bigger file is
# split by whoever made it; the rows past this one are refused, and said so, not read.
MAX_ROWS = 5_000_000

Row = tuple[int, Mapping[str, object] | BadRow]


@dataclass(frozen=True)
class Rejection:
    row: int
    field: str
    message: Message


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    rows: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({r.row for r in self.rejections})


class MissingColumns(ValueError):
    def __init__(self, columns: list[str]) -> None:
        super().__init__(", ".join(columns))
        self.columns = columns


@dataclass
class _Chunk:
    rows: int = 0
    built: list[tuple[int, CaseRecord]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


def import_file(
    store: CaseStore,
    path: Path,
    *,
    operator: str = "import",
    progress: Callable[[int], None] | None = None,
    indexing: Callable[[], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import ``path`` into ``store``; ``progress`` is called with the rows read so far, ``indexing``
    when every row is in and the search indexes are built (an import into an empty store)."""
    started = time.perf_counter()
    check_readable(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in header_of(path)]
    if missing:
        raise MissingColumns(missing)
    if workers is None:
        workers = (os.cpu_count() or 1) if path.stat().st_size >= PARALLEL_FROM_BYTES else 0
    build = partial(_build_chunk, operator=operator, now=datetime.now(UTC))
    report = ImportReport()
    first_row_of: dict[str, int] = {}  # external id → the row of the file that had it first
    with store.bulk_import(indexing=indexing) as bulk:
        chunks = _not_in_store(
            _chunked(_at_most(read_rows(path), MAX_ROWS), CHUNK_ROWS), bulk, first_row_of, report, progress
        )
        if workers > 0:
            with ProcessPoolExecutor(
                workers, mp_context=get_context("spawn"), initializer=_end_with_parent
            ) as pool:
                results = _in_order(pool, build, chunks, ahead=workers * 2)
                _consume(results, bulk, first_row_of, report, progress)
        else:
            _consume(map(build, chunks), bulk, first_row_of, report, progress)
    report.rejections.sort(key=lambda r: r.row)
    report.seconds = time.perf_counter() - started
    return report


def _not_in_store(
    chunks: Iterator[list[Row]],
    bulk: BulkImport,
    first_row_of: dict[str, int],
    report: ImportReport,
    progress: Callable[[int], None] | None,
) -> Iterator[list[Row]]:
    """Each chunk without the rows whose case the store has (by external id), counted as skipped:
    the same file imported again, or after a power cut, is not built a second time (a million rows
    took as long to skip as to import). A row repeating an id earlier in the file is kept, to be
    refused as such."""
    for chunk in chunks:
        ids = {n: cell_text(row.get("external_id")) for n, row in chunk if not isinstance(row, BadRow)}
        known = bulk.known([i for i in set(ids.values()) if i])
        kept: list[Row] = []
        for number, row in chunk:
            external_id = ids.get(number, "")
            if external_id in known and external_id not in first_row_of:
                first_row_of[external_id] = number
                report.rows += 1
                report.skipped += 1
            else:
                kept.append((number, row))
        if kept:
            yield kept
        elif progress is not None:
            progress(report.rows)


def _consume(
    results: Iterable[_Chunk],
    bulk: BulkImport,
    first_row_of: dict[str, int],
    report: ImportReport,
    progress: Callable[[int], None] | None,
) -> None:
    batch: list[CaseRecord] = []
    for chunk in results:
        report.rows += chunk.rows
        report.rejections.extend(chunk.rejections)
        for number, record in chunk.built:
            external_id = record.external_id or ""
            if external_id in first_row_of:
                message = Message(
                    "case.external_id_repeated", {"value": external_id, "row": first_row_of[external_id]}
                )
                report.rejections.append(Rejection(number, "external_id", message))
                continue
            first_row_of[external_id] = number
            batch.append(record)
        if len(batch) >= BATCH_SIZE:
            _write(bulk, batch, report)
            batch = []
        if progress is not None:
            progress(report.rows)
    _write(bulk, batch, report)


def _write(bulk: BulkImport, batch: list[CaseRecord], report: ImportReport) -> None:
    counts = bulk.add(batch)
    report.imported += counts.imported
    report.skipped += counts.skipped


def _build_chunk(rows: list[Row], *, operator: str, now: datetime) -> _Chunk:
    """Check and build one chunk of rows (runs in a worker process)."""
    gazetteer, taxonomy = default_gazetteer(), default_taxonomy()
    out = _Chunk(rows=len(rows))
    stored_at = now.replace(tzinfo=None)
    for number, row in rows:
        if isinstance(row, BadRow):
            out.rejections.append(Rejection(number, "", row.message))
            continue
        try:
            draft = draft_from_row(row)
            case = build_case(
                draft,
                gazetteer=gazetteer,
                taxonomy=taxonomy,
                now=now,
                operator=operator,
                status=Status.QUEUED,
            )
        except InvalidCase as exc:
            out.rejections.extend(Rejection(number, e.field, e.message) for e in exc.errors)
            continue
        out.built.append((number, case_record(case, stored_at)))
    return out


def _at_most(rows: Iterator[Row], limit: int) -> Iterator[Row]:
    """The first ``limit`` rows; in place of the one after, a refusal that says why it stops."""
    for count, (number, row) in enumerate(rows, start=1):
        if count > limit:
            yield number, BadRow(Message("import.too_many_rows", {"limit": f"{limit:,}"}))
            return
        yield number, row


def _end_with_parent() -> None:
    """In each worker: end when the importing process ends, even by ``kill -9`` (left alone, a
    worker waits for work forever, holding its memory)."""
    parent = parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _chunked(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def _in_order(
    pool: Executor, build: Callable[[list[Row]], _Chunk], chunks: Iterator[list[Row]], ahead: int
) -> Iterator[_Chunk]:
    """Results in the file's order, with at most ``ahead`` chunks in flight (memory stays flat)."""
    pending: deque[Future[_Chunk]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(build, chunk))
        if len(pending) > ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
