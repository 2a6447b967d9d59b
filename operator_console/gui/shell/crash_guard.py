"""An unexpected exception: a calm dialog, the call and the queue kept, a report for IT.

Installed as ``sys.excepthook`` (exceptions in slots and event handlers reach it) and
``threading.excepthook`` (a thread of ours that dies). The exception is logged and a crash report
written (neither holds personal data: see :mod:`operator_console.logs`), the form's call goes to
its draft file at once; the outbox is in the store already, committed when each case was saved.
The dialog says so and offers *Continue* (Enter: most faults spoil one action, not the console)
or *Restart* (the console closes cleanly, keeping draft and queue, and starts again; the draft
comes back in the form). While it is open, further faults are only counted in it: a fault that
repeats on every repaint must not bury the operator under dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from operator_console.crash import write_crash_report

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashDialog(QMessageBox):
    """A message box (it sizes itself to its wrapped text) with Continue (Enter) and Restart."""

    restart = Signal()

    def __init__(self, report: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = 1
        self._report = report
        self.setText(self.tr("Something went wrong inside the console."))
        self.continue_button = self.addButton(self.tr("&Continue working"), QMessageBox.ButtonRole.AcceptRole)
        self.restart_button = self.addButton(
            self.tr("&Restart the console"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.continue_button)
        self.setEscapeButton(self.continue_button)
        self.restart_button.clicked.connect(self.restart)
        self._show_text()

    @property
    def message(self) -> str:
        return self.text() + "\n\n" + self.informativeText()

    def again(self, report: Path | None) -> None:
        self.count += 1
        self._report = report or self._report
        self._show_text()

    def _show_text(self) -> None:
        parts = [
            self.tr(
                "Nothing is lost: the call being typed is kept, and every saved case is in the queue and"
                " will be sent. You can go on working; if the error comes back, restart the console."
            ),
        ]
        if self.count > 1:
            parts.append(self.tr("The error happened %n times.", "", self.count))
        if self._report is not None:
            parts.append(
                self.tr("A report without personal data is saved for IT: %1").replace("%1", str(self._report))
            )
        self.setInformativeText("\n\n".join(parts))


class CrashGuard(QObject):
    """The console's exception hooks; ``keep`` saves the call being typed (to its draft file)."""

    restart_requested = Signal()
    _from_thread = Signal(object)

    def __init__(
        self,
        data: Path,
        keep: Callable[[], None],
        window: Callable[[], QWidget | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data, self._keep, self._window = data, keep, window
        self.dialog: CrashDialog | None = None
        self._handling = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._from_thread.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _hook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, tb)  # Ctrl+C in a terminal
            return
        if self._handling:
            # A fault while this very hook runs (keeping the draft, building the dialog): logged
            # and reported, never a dialog again (that would loop).
            self._record((kind, error, tb), "MainThread (while reporting an error)")
            return
        self._handling = True
        try:
            self._show(self._record((kind, error, tb), "MainThread"))
        finally:
            self._handling = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "thread"
        # Written here; the draft and the dialog on the GUI thread, where the form lives.
        self._from_thread.emit(self._record((args.exc_type, args.exc_value, args.exc_traceback), name))

    def _record(self, info: ExcInfo, thread: str) -> Path | None:
        log.critical("unexpected error in %s", thread, exc_info=info)
        try:
            return write_crash_report(self._data, *info, thread=thread)
        except OSError as failure:
            log.error("could not write the crash report: %s", type(failure).__name__)
            return None

    def _show(self, report: Path | None) -> None:
        try:
            self._keep()
        except Exception:  # the fault may be in the form itself: the last draft on disk stays
            log.exception("could not keep the draft after an unexpected error")
        if self.dialog is not None:
            self.dialog.again(report)
            return
        self.dialog = CrashDialog(report, self._window())
        self.dialog.restart.connect(self.restart_requested)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
