"""Keeps the call being typed on disk, so that a crash, a kill or a power cut does not lose it.

The draft is written a moment after the last keystroke (never on every key), atomically (a
temporary file, synced, then renamed) and readable only by its user: it holds personal data. It
is removed when the case is saved or the form is cleared, and restored when the console starts.
Writes go through the database worker, so that a write and a removal never race.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from operator_console.domain.drafts import draft_from_json, draft_to_json
from operator_console.domain.intake import CaseDraft
from operator_console.gui.shell.tasks import TaskRunner

DELAY_MS = 400


class DraftKeeper(QObject):
    def __init__(self, path: Path, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._runner = runner
        self._pending: CaseDraft | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def keep(self, draft: CaseDraft) -> None:
        """Remember ``draft``; it reaches the disk a moment after the typing stops."""
        self._pending = draft
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self._pending is not None:
            text, self._pending = draft_to_json(self._pending), None
            self._runner.run_db(lambda: write_atomically(self.path, text))

    def discard(self) -> None:
        self._timer.stop()
        self._pending = None
        self._runner.run_db(lambda: self.path.unlink(missing_ok=True))

    def restore(self) -> CaseDraft | None:
        """The draft left by the last session, if any (a small file: read at start-up)."""
        try:
            return draft_from_json(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None


def write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
