"""Crash reports IT can read and pass on: what ran, where it failed, and no personal data.

A report holds the version, build and data versions, the thread, the traceback without exception
messages (:func:`operator_console.logs.safe_traceback`) and the last lines of the (already safe)
log. It is written to ``<data>/crash/``, readable by its user only; the newest ``KEEP`` are kept.
"""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from operator_console.logs import LOG_FILE, log_folder, mask_phones, safe_traceback
from operator_console.paths import open_private, private_folder
from operator_console.versions import version_report

KEEP = 20
LOG_TAIL = 60


def crash_folder(data: Path) -> Path:
    return private_folder(data / "crash")


def write_crash_report(
    data: Path,
    kind: type[BaseException],
    error: BaseException | None,
    tb: TracebackType | None,
    *,
    thread: str,
) -> Path:
    now = datetime.now(UTC)
    folder = crash_folder(data)
    path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}-{now.microsecond:06d}.txt"
    try:
        versions = version_report()
    except Exception as failure:  # a report must be written even if the data files are the trouble
        versions = f"(versions unavailable: {type(failure).__name__})"
    text = "\n".join(
        [
            "1022 Operator Console: crash report (no personal data: exception messages are withheld)",
            f"time (UTC): {now.isoformat(timespec='seconds')}",
            f"thread: {thread}",
            f"machine: {platform.machine()}",
            versions,
            "",
            safe_traceback(kind, error, tb),
            "",
            f"last lines of {LOG_FILE}:",
            _log_tail(data),
            "",
        ]
    )
    with open_private(path, "w") as handle:
        handle.write(mask_phones(text))
    for old in sorted(folder.glob("crash-*.txt"))[:-KEEP]:
        old.unlink(missing_ok=True)
    return path


def _log_tail(data: Path) -> str:
    try:
        lines = (log_folder(data) / LOG_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(lines[-LOG_TAIL:])
