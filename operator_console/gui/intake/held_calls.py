"""Calls put aside half-typed: never thrown away by a key.

F2 (a new call), taking an incoming call, or Esc used to move the call being typed into one undo
slot, and the next of them dropped it for good. Each such call is now *held*: a file of its own in
the data folder (``console.held/``, readable by the user only, written on the database worker
like the draft, before the draft file is removed), listed in the status bar with its phone and
age, recalled by F3 (the latest) or from the list (F8), and removed only when recalled or when
the operator deletes it from the list and confirms. A call held longer than a shift is offered
at the next start, never dropped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.drafts import HeldCall, held_from_json, held_to_json
from operator_console.domain.interchange import HCMC_TIME
from operator_console.gui.intake.draft_keeper import write_atomically
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.paths import private_folder

SHIFT = timedelta(hours=12)
"""A call held longer than this was put aside on an earlier shift: it is offered at start."""


@dataclass(frozen=True)
class Held:
    key: str
    """The file's name: when it was held, then a random part (two held in one second differ)."""
    call: HeldCall

    @property
    def phone(self) -> str:
        return self.call.draft.caller_phone.strip()

    def age(self, now: datetime) -> timedelta:
        return now - self.call.held_at


class HeldCalls(QObject):
    """The held calls, newest first; on disk in ``folder``, one JSON file each."""

    changed = Signal()

    def __init__(self, folder: Path, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = private_folder(folder)
        self._runner = runner
        self._calls: list[Held] = []
        # Read at start (small files, like the draft): a file that is not a held call is left there.
        for path in sorted(self.folder.glob("*.json")):
            try:
                call = held_from_json(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                call = None
            if call is not None:
                self._calls.append(Held(path.name, call))
        self._calls.sort(key=lambda held: held.key, reverse=True)

    def calls(self) -> list[Held]:
        return list(self._calls)

    def hold(self, call: HeldCall) -> Held:
        held = Held(f"{call.held_at.astimezone(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.json", call)
        self._calls.insert(0, held)
        text, path = held_to_json(call), self.folder / held.key
        self._runner.run_db(lambda: write_atomically(path, text))
        self.changed.emit()
        return held

    def take(self, key: str) -> HeldCall | None:
        """The held call, out of the list and (after what the worker has before it) off the disk."""
        held = next((h for h in self._calls if h.key == key), None)
        if held is None:
            return None
        self._calls.remove(held)
        path = self.folder / key
        self._runner.run_db(lambda: path.unlink(missing_ok=True))
        self.changed.emit()
        return held.call

    def older_than(self, age: timedelta, now: datetime) -> list[Held]:
        return [held for held in self._calls if held.age(now) > age]


def describe(held: Held, now: datetime) -> str:
    """ "14:02 · 3 phút · 0389 123 456 · Nguyễn Văn A": when, how long ago, who."""
    draft = held.call.draft
    who = draft.caller_name.strip() or draft.subject_name.strip()
    parts = [held.call.held_at.astimezone(HCMC_TIME).strftime("%H:%M"), _age(held, now), held.phone, who]
    return " · ".join(p for p in parts if p)


def describe_briefly(held: Held, now: datetime) -> str:
    """ "0389 123 456, 3 phút": for the status bar, where the message beside it needs the room."""
    draft = held.call.draft
    who = held.phone or draft.caller_name.strip() or draft.subject_name.strip()
    return ", ".join(p for p in (who, _age(held, now)) if p)


def _age(held: Held, now: datetime) -> str:
    minutes = int(held.age(now).total_seconds() // 60)
    if minutes < 60:
        return QCoreApplication.translate("HeldCalls", "%1 min").replace("%1", str(minutes))
    return QCoreApplication.translate("HeldCalls", "%1 h").replace("%1", str(minutes // 60))


class HeldCallsDialog(QDialog):
    """F8: every held call; Enter brings one back, Delete throws one away (asked first)."""

    recall = Signal(str)

    def __init__(self, held: HeldCalls, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held = held
        self.setWindowTitle(self.tr("Held calls"))
        self.resize(640, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Enter brings a call back (the one being typed is held in its place); Delete throws it away."
            )
            if held.calls()
            else self.tr("No call is held.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Held calls, newest first"))
        for entry in held.calls():
            text = describe(entry, now)
            if entry.age(now) > SHIFT:
                text += " · " + self.tr("from an earlier shift")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.list.addItem(item)
        self.list.itemActivated.connect(self._recall)
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _recall(self, item: QListWidgetItem) -> None:
        self.recall.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and self.list.currentItem() is not None
        ):
            self.delete_current()
            return True
        return super().eventFilter(watched, event)

    def delete_current(self) -> None:
        """Throw the selected call away, once the operator said yes (No is the default)."""
        item = self.list.currentItem()
        if item is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Throw the held call away?"),
            self.tr("“%1” will be gone for good.").replace("%1", item.text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Throw away"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self._held.take(str(item.data(Qt.ItemDataRole.UserRole)))
            self.list.takeItem(self.list.row(item))
