"""Calling a citizen back about their case: the number said large, what came of the call, what was said.

Opened from a case's details (Alt+G). The keys: **1**, **2**, **3** choose the outcome (reached, not
reached, wrong number) and go on to the note; **Ctrl+Enter** records it; Esc goes back with nothing
recorded. The change is written to the local store first and sent through the outbox (the server
keeps it in the case's history, by whom and when).
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.case import CallOutcome, Case
from operator_console.domain.changes import CaseChange, InvalidChange, make_change
from operator_console.domain.messages import Language
from operator_console.gui.shell.tone import set_tone

_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}


def _records(event: QKeyEvent) -> bool:
    """Ctrl+Enter (either Enter key): record, as Ctrl+Enter saves a call in the window."""
    control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return bool(control) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CallbackDialog(QDialog):
    recorded = Signal(object)
    """The call back to keep: a :class:`CaseChange`."""

    def __init__(self, case: Case, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.setWindowTitle(self.tr("Call back: case %1").replace("%1", case.reference))
        layout = QVBoxLayout(self)
        numbers: list[tuple[str, str, str]] = []
        for role, person in ((self.tr("Caller"), case.caller), (self.tr("Person in need"), case.needy)):
            if person.phone.display and person.phone.display not in (n for _r, _p, n in numbers):
                numbers.append((role, person.name, person.phone.display))
        shown = "<br>".join(
            f"{escape(role)}: {escape(name)} <b>{escape(number)}</b>" for role, name, number in numbers
        ) or escape(self.tr("No phone number in this case."))
        self.number = QLabel(shown)
        self.number.setObjectName("callback_number")  # large (console.qss): read off while dialling
        self.number.setTextFormat(Qt.TextFormat.RichText)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.number)

        layout.addWidget(QLabel(self.tr("What came of the call (1, 2 or 3):")))
        self.outcomes = QButtonGroup(self)
        self.choices: list[QRadioButton] = []
        for index, (outcome, text) in enumerate(
            (
                (CallOutcome.REACHED, self.tr("&1 Reached: the citizen was told")),
                (CallOutcome.NOT_REACHED, self.tr("&2 Not reached (no answer, busy, switched off)")),
                (CallOutcome.WRONG_NUMBER, self.tr("&3 Wrong number")),
            )
        ):
            choice = QRadioButton(text)
            choice.setProperty("outcome", outcome.value)
            self.outcomes.addButton(choice, index)
            self.choices.append(choice)
            layout.addWidget(choice)
        self.outcome_error = QLabel()
        set_tone(self.outcome_error, "error")
        self.outcome_error.setVisible(False)
        layout.addWidget(self.outcome_error)

        self.note_label = QLabel(self.tr("What was said (&note):"))
        layout.addWidget(self.note_label)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("e.g. told her the ward brings rice this afternoon"))
        self.note.setAccessibleName(self.tr("What was said"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.note_label.setBuddy(self.note)
        layout.addWidget(self.note)
        self.note_error = QLabel()
        set_tone(self.note_error, "error")
        self.note_error.setVisible(False)
        layout.addWidget(self.note_error)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Record (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)
        # Ctrl+Enter as a key, not a QShortcut: it works whichever window the system thinks is
        # active (a dialog opened without a window manager may not be), and from inside the note.
        self.note.installEventFilter(self)
        self.choices[0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.KeyPress and _records(event):  # type: ignore[arg-type]
            self.record()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _records(event):
            self.record()
            return
        # 1, 2, 3 anywhere but in the note (where they are text): choose, and go on to the note.
        index = _KEYS.get(Qt.Key(event.key()))
        if index is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.choices[index].setChecked(True)
            self.outcome_error.setVisible(False)
            self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        super().keyPressEvent(event)

    def outcome(self) -> CallOutcome | None:
        checked = self.outcomes.checkedButton()
        return CallOutcome(str(checked.property("outcome"))) if checked is not None else None

    def record(self) -> None:
        outcome = self.outcome()
        if outcome is None:
            self.outcome_error.setText(self.tr("Choose what came of the call: 1, 2 or 3."))
            self.outcome_error.setVisible(True)
            self.choices[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            change: CaseChange = make_change(
                at=datetime.now(UTC), callback=outcome, note=self.note.toPlainText()
            )
        except InvalidChange as invalid:
            self.note_error.setText(invalid.message.render(self._language))
            self.note_error.setVisible(True)
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.recorded.emit(change)
        self.accept()
