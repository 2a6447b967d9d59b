"""Typing as an operator's keyboard does, including letters QTest cannot send.

``QTest.keyClicks`` only knows ASCII (it asserts on "ễ"). A Vietnamese keyboard layout, or an input
method committing a finished letter, delivers a key event whose text is the letter itself: that is
what :func:`type_text` sends for every character outside ASCII.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
            continue
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def compose_with_input_method(widget: QWidget, steps: list[str], commit: str) -> None:
    """An input method (Telex: "a", "aa", "aas" → "ấ") showing pre-edit text, then committing."""
    for preedit in steps:
        QApplication.sendEvent(widget, QInputMethodEvent(preedit, []))
    event = QInputMethodEvent()
    event.setCommitString(commit)
    QApplication.sendEvent(widget, event)
