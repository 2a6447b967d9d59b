"""What a unit's focal point, the triage desk or a supervisor decides about one case or several.

One dialog for every decision, its parts shown as the decision needs them (declared in
:data:`DECISIONS`): a unit (today's ward as the caller said it, old names too, or a unit's name,
diacritics ignored), a priority, a reason (required for *not eligible* and *rejected*: the caller
is told why) and a note. The keys: Up/Down pick among the units offered, **Enter** goes on to the
next field and, in the last one, records; **Ctrl+Enter** records from anywhere; **Esc** goes back
with nothing recorded. A mistake is said at its field, and nothing is recorded until it is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.case import Priority, Status, label
from operator_console.domain.changes import InvalidChange, make_change
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.messages import Language
from operator_console.domain.units import Unit, units_for
from operator_console.gui.shell.tone import set_tone


@dataclass(frozen=True)
class Decision:
    key: str
    title: str
    """The dialog's title (English source; translated in the dialog's context)."""
    status: Status | None = None
    picks_unit: bool = False
    picks_priority: bool = False
    note_required: bool = False
    raises_priority: bool = False
    """An escalation: the priority offered is one step up from the case's."""


DECISIONS = {
    d.key: d
    for d in (
        Decision("progress", str(QT_TRANSLATE_NOOP("DecisionDialog", "Progress note")), note_required=True),
        Decision("note", str(QT_TRANSLATE_NOOP("DecisionDialog", "Note")), note_required=True),
        Decision("resolve", str(QT_TRANSLATE_NOOP("DecisionDialog", "Resolved")), status=Status.RESOLVED),
        Decision(
            "not_eligible",
            str(QT_TRANSLATE_NOOP("DecisionDialog", "Not eligible")),
            status=Status.NOT_ELIGIBLE,
        ),
        Decision("reject", str(QT_TRANSLATE_NOOP("DecisionDialog", "Rejected")), status=Status.REJECTED),
        Decision("route", str(QT_TRANSLATE_NOOP("DecisionDialog", "Route to a unit")), picks_unit=True),
        Decision(
            "priority", str(QT_TRANSLATE_NOOP("DecisionDialog", "Change the priority")), picks_priority=True
        ),
        Decision(
            "escalate",
            str(QT_TRANSLATE_NOOP("DecisionDialog", "Escalate")),
            picks_unit=True,
            picks_priority=True,
            raises_priority=True,
        ),
    )
}
COMMON_REASONS = (
    str(QT_TRANSLATE_NOOP("DecisionDialog", "Already received relief (on the ward's list)")),
    str(QT_TRANSLATE_NOOP("DecisionDialog", "Not in the groups this relief covers")),
    str(QT_TRANSLATE_NOOP("DecisionDialog", "Could not be reached after three calls")),
    str(QT_TRANSLATE_NOOP("DecisionDialog", "The same need as another case")),
)
"""Offered in the reason's list (typed freely too): the answers a ward gave most in 2021."""
ESCALATE_TO = "so-ldtbxh"
"""Escalation goes to the Department of Labour–Invalids–Social Affairs unless another unit is picked."""
UP = {
    Priority.NORMAL: Priority.URGENT,
    Priority.URGENT: Priority.CRITICAL,
    Priority.CRITICAL: Priority.CRITICAL,
}


@dataclass(frozen=True)
class Decided:
    """What the person decided, the same for every case it is about."""

    status: Status | None = None
    reason: str = ""
    note: str = ""
    priority: Priority | None = None
    unit: Unit | None = None
    escalate: bool = False
    """Each case one step more urgent than it is (at least ``priority``), never less."""


def _records(event: QKeyEvent) -> bool:
    control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return bool(control) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DecisionDialog(QDialog):
    decided = Signal(object)
    """A :class:`Decided`, checked as far as the console can."""

    def __init__(
        self,
        decision: Decision,
        about: str,
        gazetteer: Gazetteer,
        language: Language,
        parent: QWidget | None = None,
        *,
        ward_said: str = "",
        priority: Priority = Priority.NORMAL,
    ) -> None:
        """``about``: the case (or "3 cases") it is about; ``ward_said``: the ward the caller gave,
        to start the unit's search from; ``priority``: the case's."""
        super().__init__(parent)
        self.decision, self._gazetteer, self._language = decision, gazetteer, language
        self.setWindowTitle(f"{self.tr(decision.title)}: {about}")
        self.setObjectName("decision_dialog")
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{self.tr(decision.title)}</b> — {about}")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        layout.addLayout(form)
        self._fields: list[QWidget] = []
        self.unit_edit = QLineEdit()
        self.unit_list = QListWidget()
        self.unit_error = self._error_label()
        if decision.picks_unit:
            self.unit_edit.setPlaceholderText(self.tr("Ward (old names too) or unit, e.g. phuong 2 quan 5"))
            self.unit_edit.setAccessibleName(self.tr("Ward or unit"))
            self.unit_list.setAccessibleName(self.tr("Units offered"))
            self.unit_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Up/Down from the field pick
            self.unit_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
            form.addRow(self.tr("&Unit:"), self.unit_edit)
            form.addRow("", self.unit_list)
            form.addRow("", self.unit_error)
            self.unit_edit.textChanged.connect(self._offer_units)
            self.unit_edit.installEventFilter(self)
            self._fields.append(self.unit_edit)
        self.priority_box = QComboBox()
        if decision.picks_priority:
            for choice in (Priority.NORMAL, Priority.URGENT, Priority.CRITICAL):
                self.priority_box.addItem(label(choice, language), choice.value)
            wanted = UP[priority] if decision.raises_priority else priority
            self.priority_box.setCurrentIndex(self.priority_box.findData(wanted.value))
            form.addRow(self.tr("&Priority:"), self.priority_box)
            self._fields.append(self.priority_box)
        self.reason_box = QComboBox()
        self.reason_error = self._error_label()
        if decision.status in (Status.NOT_ELIGIBLE, Status.REJECTED):
            self.reason_box.setEditable(True)
            self.reason_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.reason_box.addItems([""] + [self.tr(r) for r in COMMON_REASONS])
            reason_line = self.reason_box.lineEdit()
            assert reason_line is not None  # editable
            reason_line.setPlaceholderText(self.tr("Required: the caller is told why"))
            self.reason_box.setAccessibleName(self.tr("Reason"))
            form.addRow(self.tr("&Reason:"), self.reason_box)
            form.addRow("", self.reason_error)
            reason_line.installEventFilter(self)
            self._fields.append(self.reason_box)
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(
            self.tr("Required") if decision.note_required else self.tr("Optional: for the history")
        )
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.note_error = self._error_label()
        form.addRow("", self.note_error)
        self.note_edit.installEventFilter(self)
        self._fields.append(self.note_edit)

        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.record_button.setAutoDefault(False)  # Enter goes field by field, not to the button
        self.cancel_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(560)
        if decision.picks_unit:
            if decision.raises_priority and not ward_said:
                ward_said = ESCALATE_TO
            self.unit_edit.setText(ward_said)
        self._fields[0].setFocus()

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setWordWrap(True)
        set_tone(error, "error")
        error.setVisible(False)
        return error

    # the unit -------------------------------------------------------------------------------------
    def _offer_units(self, text: str) -> None:
        self.unit_list.clear()
        self.unit_error.setVisible(False)
        for unit in units_for(text, self._gazetteer):
            item = QListWidgetItem(unit.name)
            item.setData(Qt.ItemDataRole.UserRole, unit)
            self.unit_list.addItem(item)
        if self.unit_list.count():
            self.unit_list.setCurrentRow(0)

    def chosen_unit(self) -> Unit | None:
        item = self.unit_list.currentItem()
        unit = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return unit if isinstance(unit, Unit) else None

    # keys -----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if _records(key_event):
            self.record()
            return True
        key = key_event.key()
        if watched is self.unit_edit and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row = self.unit_list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
            if 0 <= row < self.unit_list.count():
                self.unit_list.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and key_event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self._enter(watched)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _records(event):
            self.record()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._enter(self.focusWidget())
            return
        super().keyPressEvent(event)

    def _enter(self, where: QObject | None) -> None:
        """Enter: on to the next field (a unit must be picked first), or record from the last."""
        if where is self.unit_edit and self.chosen_unit() is None:
            self._unit_missing()
            return
        owner = self.reason_box if where is self.reason_box.lineEdit() else where
        index = self._fields.index(owner) if owner in self._fields else len(self._fields) - 1
        if index + 1 < len(self._fields):
            self._fields[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.record()

    def _unit_missing(self) -> None:
        self.unit_error.setText(
            self.tr("No unit matches these words: type the ward (old names too) or the unit's name.")
            if self.unit_edit.text().strip()
            else self.tr("Type the ward or the unit to route to.")
        )
        self.unit_error.setVisible(True)
        self.unit_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # recording ------------------------------------------------------------------------------------
    def decided_fields(self) -> Decided:
        priority = Priority(str(self.priority_box.currentData())) if self.decision.picks_priority else None
        return Decided(
            status=self.decision.status,
            reason=self.reason_box.currentText() if self.decision.status else "",
            note=self.note_edit.text(),
            priority=priority,
            unit=self.chosen_unit() if self.decision.picks_unit else None,
            escalate=self.decision.raises_priority,
        )

    def record(self) -> None:
        for error in (self.unit_error, self.reason_error, self.note_error):
            error.setVisible(False)
        fields = self.decided_fields()
        if self.decision.picks_unit and fields.unit is None:
            self._unit_missing()
            return
        if self.decision.note_required and not fields.note.strip():
            self.note_error.setText(self.tr("Write the note: it goes into the case's history."))
            self.note_error.setVisible(True)
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:  # the same checks the changes get, said at their field
            make_change(
                at=datetime.now(UTC),
                status=fields.status,
                reason=fields.reason,
                note=fields.note,
                priority=fields.priority,
                handling_unit=fields.unit.code if fields.unit is not None else None,
            )
        except InvalidChange as invalid:
            shown, focus = (
                (self.reason_error, self.reason_box)
                if invalid.field == "reason"
                else (self.note_error, self.note_edit)
            )
            shown.setText(invalid.message.render(self._language))
            shown.setVisible(True)
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.decided.emit(fields)
        self.accept()
