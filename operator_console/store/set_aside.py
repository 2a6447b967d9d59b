"""A store this console cannot open: kept aside whole, its unsent cases listed, a fresh one opened.

A store can become unusable for this build: a disk that damaged it, a migration that fails the same
way at every start, a store a newer release left. Before this module the console said it could not
start, and the operator could take no call at all until IT repaired the file by hand. Now the file
is moved aside untouched (with its WAL, whose commits are part of it, and the copy made before an
upgrade, if one is there) into a folder of its own beside it, the cases in it that the server never
received are read from a copy and listed for IT (``unsent-cases.csv``, in the interchange format
the admin tool and the server import), and the console opens a fresh store and takes calls.

Only errors that say the *file* is unusable set it aside (not a database, damaged, a schema this
build cannot bring to its own); a store that is busy, on a full or failing disk or not readable by
this user is left where it is and the console says it cannot start, as moving it would not help.

Moving the store and its WAL are separate renames: a start that finds a WAL without its store (the
process died between them) moves it after the store before anything opens the path, because SQLite
deletes the WAL of an empty database, and with it the set-aside store's last commits.
"""

from __future__ import annotations

import csv
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy.exc import DBAPIError

from operator_console.domain.case import case_reference
from operator_console.domain.interchange import COLUMNS, HCMC_TIME
from operator_console.paths import open_private, private_folder, sync_folder
from operator_console.store.case_store import CaseStore
from operator_console.store.database import before_upgrade_copy

log = logging.getLogger(__name__)

SIDECARS = ("-wal", "-shm", "-journal")
LISTING = "unsent-cases.csv"
UNKNOWN_REVISION = "schema revision unknown to this release"
# SQLite's result codes that mean "this file is not a store this build can use"; the others (busy,
# cannot open, I/O error, read-only, disk full, no permission…) are not the file's fault.
UNUSABLE_CODES = frozenset(
    {"SQLITE_NOTADB", "SQLITE_CORRUPT", "SQLITE_ERROR", "SQLITE_FORMAT", "SQLITE_SCHEMA", "SQLITE_CONSTRAINT"}
)


@dataclass(frozen=True)
class UnsentCase:
    """A case saved on this workstation that the server never acknowledged."""

    reference: str
    received_at: datetime | None
    phone: str
    name: str
    ward: str
    category: str


@dataclass(frozen=True)
class SetAside:
    """What was done with a store that could not be opened, for the window and for IT."""

    reason: str
    """SQLite's code or Alembic's finding: no personal data, fit for the log."""
    folder: Path
    """Where the store (and its WAL, and the copy made before an upgrade) now are, untouched."""
    unsent: tuple[UnsentCase, ...] | None
    """Its cases the server never received, oldest first; None when they could not be read."""
    other_unsent: int = 0
    """Repeat calls and links the server never received (they are in the kept store)."""
    listing: Path | None = None
    """``unsent-cases.csv`` in ``folder``, when there are unsent cases."""
    read_from_copy: bool = False
    """The unsent cases were read from the copy made before an upgrade, the store being unreadable."""


def open_store(path: Path) -> tuple[CaseStore, SetAside | None]:
    """The store at ``path``; a fresh one, and what became of the old, when that one is unusable.

    Any other failure (the folder not writable, the file busy) is raised: the console cannot start.
    """
    _finish_setting_aside(path)
    try:
        return CaseStore(path), None
    except Exception as error:
        reason = unusable(error)
        if reason is None or not path.exists():
            raise
    aside = set_aside(path, reason)
    log.error(
        "the store could not be opened (%s): kept aside in %s, %s unsent case(s) in it; a fresh one is used",
        reason,
        aside.folder.name,
        "unknown" if aside.unsent is None else len(aside.unsent),
    )
    return CaseStore(path), aside


def unusable(error: BaseException) -> str | None:
    """Why the store's file itself is unusable, or None when the failure is not the file's."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (CommandError, RevisionError)):
            return UNKNOWN_REVISION
        if isinstance(seen, DBAPIError) and isinstance(seen.orig, sqlite3.Error):
            seen = seen.orig
        if isinstance(seen, sqlite3.Error):
            code = getattr(seen, "sqlite_errorname", "")
            return code if code in UNUSABLE_CODES else None
        seen = seen.__cause__ or seen.__context__
    return None


def set_aside(path: Path, reason: str) -> SetAside:
    """Move the store, its WAL and its pre-upgrade copy into a folder of their own beside it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = path.with_name(f"{path.name}.unusable-{stamp}")
    number = 1
    while folder.exists():
        number += 1
        folder = path.with_name(f"{path.name}.unusable-{stamp}-{number}")
    private_folder(folder)
    sync_folder(path.parent)
    path.replace(folder / path.name)  # the store first: see the module's note
    for suffix in SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.replace(folder / sidecar.name)
    copy = before_upgrade_copy(path)
    if copy.exists():
        copy.replace(folder / copy.name)
    sync_folder(folder)
    sync_folder(path.parent)
    return _list_unsent(folder, path.name, reason)


def _finish_setting_aside(path: Path) -> None:
    """A WAL (or journal) whose store is not there: the process died while setting the store aside
    (or someone removed it by hand). Moved after its store before SQLite can delete it."""
    if path.exists():
        return
    sidecars = [path.with_name(path.name + s) for s in SIDECARS if path.with_name(path.name + s).exists()]
    if not sidecars:
        return
    folders = sorted(
        (f for f in path.parent.glob(f"{path.name}.unusable-*") if (f / path.name).exists()),
        key=lambda f: f.stat().st_mtime,
    )
    if folders and not any((folders[-1] / s.name).exists() for s in sidecars):
        folder = folders[-1]
    else:
        folder = private_folder(path.with_name(f"{path.name}.orphaned-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"))
    for sidecar in sidecars:
        sidecar.replace(folder / sidecar.name)
    sync_folder(folder)
    sync_folder(path.parent)
    log.warning("a store's %d leftover file(s) moved to %s", len(sidecars), folder.name)


def _list_unsent(folder: Path, name: str, reason: str) -> SetAside:
    """The unsent cases, read from a copy (the kept files stay as they were), else from the copy
    made before an upgrade; written to ``unsent-cases.csv`` for IT."""
    read = _read_unsent(folder, name)
    from_copy = False
    copy = folder / before_upgrade_copy(Path(name)).name
    if read is None and copy.exists():
        read, from_copy = _read_unsent(folder, copy.name), True
    if read is None:
        return SetAside(reason, folder, None)
    rows, unsent, other = read
    listing = None
    if rows:
        listing = folder / LISTING
        with open_private(listing, "w") as handle:
            handle.write("\ufeff")  # Excel reads UTF-8 with its byte-order mark
            writer = csv.DictWriter(handle, COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    return SetAside(reason, folder, tuple(unsent), other, listing, from_copy)


_WANTED = (
    "id",
    "case_number",
    "received_at",
    "channel",
    "caller_phone",
    "caller_name",
    "subject_name",
    "address_as_said",
    "ward_as_said",
    "district_as_said",
    "category",
    "household_size",
    "description",
)


def _read_unsent(folder: Path, name: str) -> tuple[list[dict[str, str]], list[UnsentCase], int] | None:
    try:
        with _working_copy(folder, name) as connection:
            columns = {row[1] for row in connection.execute("PRAGMA table_info(cases)")}
            if "id" not in columns or "status" not in columns:
                return None
            listed = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {row[0] for row in listed}
            chosen = ", ".join(c if c in columns else "''" for c in _WANTED)
            # Not received: still waiting in the outbox, or refused there (since 0004); before
            # the outbox, a case the server had not acknowledged stayed "queued".
            unsent = "status = 'queued'"
            if "outbox" in tables:
                unsent += " OR id IN (SELECT case_id FROM outbox WHERE kind = 'case' AND state != 'sent')"
            found = connection.execute(
                f"SELECT {chosen} FROM cases WHERE {unsent} ORDER BY received_at"
            ).fetchall()
            other = 0
            if "outbox" in tables:
                other = connection.execute(
                    "SELECT count(*) FROM outbox WHERE kind != 'case' AND state != 'sent'"
                ).fetchone()[0]
    except (sqlite3.Error, OSError):
        return None
    rows: list[dict[str, str]] = []
    cases: list[UnsentCase] = []
    for values in found:
        row = {
            column: "" if value is None else str(value) for column, value in zip(_WANTED, values, strict=True)
        }
        received = _local_time(row["received_at"])
        cases.append(
            UnsentCase(
                row["case_number"] or case_reference(row["id"]),
                received,
                row["caller_phone"],
                row["caller_name"] or row["subject_name"],
                row["ward_as_said"],
                row["category"],
            )
        )
        rows.append(
            row
            | {
                "external_id": row["id"],
                "received_at": received.isoformat() if received else row["received_at"],
                "address": row["address_as_said"],
                "ward": row["ward_as_said"],
                "district": row["district_as_said"],
            }
        )
    return rows, cases, other


@contextmanager
def _working_copy(folder: Path, name: str) -> Iterator[sqlite3.Connection]:
    """The kept store (with its WAL) copied into a private temporary folder and opened there:
    opening a WAL store writes to it, and the kept one must stay as it was."""
    with tempfile.TemporaryDirectory(dir=folder) as temporary:
        for source in (folder / name, folder / (name + "-wal")):
            if source.exists():
                shutil.copyfile(source, Path(temporary) / source.name)
        connection = sqlite3.connect(Path(temporary) / name)
        try:
            yield connection
        finally:
            connection.close()


def _local_time(stored: str) -> datetime | None:
    """The store keeps naive UTC times; the list says Ho Chi Minh City's time."""
    try:
        return datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone(HCMC_TIME)
    except ValueError:
        return None
