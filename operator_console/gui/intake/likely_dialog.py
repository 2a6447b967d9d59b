"""Asked once, at Ctrl+Enter, while an earlier case *likely the same need* is on screen.

Saving a second case for a need already recorded sends two teams to one door and leaves the first
case looking unanswered. So before the new case is written the operator says which it is: **Enter
links the call** to the earlier case (a repeat call there, as Ctrl+1 and Enter would), **M saves a
new case anyway** (recorded on it: a *distinct* link to the earlier case, with the reasons shown),
Esc goes back to the form with nothing lost.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from operator_console.dedupe.scoring import Scored
from operator_console.domain.case import case_reference
from operator_console.domain.interchange import HCMC_TIME

SAVE_ANYWAY_KEY = Qt.Key.Key_M
"""*Mới*: the key that saves a new case anyway (the same in both languages, shown on its button)."""


class LikelyDialog(QDialog):
    link_call = Signal(str, str)
    """The call is a repeat call about this case: its id and its reference."""
    save_anyway = Signal(str, str)
    """Another need after all: a new case, recorded as distinct from this one (its id, the reasons)."""

    def __init__(self, found: Scored, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = found.row
        self._case_id = row.id
        self._reference = row.case_number or case_reference(row.id)
        self._reasons = "; ".join(found.reasons)
        self.setWindowTitle(self.tr("Likely the same need"))
        layout = QVBoxLayout(self)
        received = datetime.fromtimestamp(row.received_at.timestamp(), HCMC_TIME).strftime("%d/%m/%Y %H:%M")
        names = " / ".join(escape(n) for n in (row.caller_name, row.subject_name) if n)
        house = "/".join(p.strip("/") for p in (row.alley, row.house_number) if p.strip("/"))
        where = " ".join(p for p in (house, row.street, row.ward_as_said) if p)
        why = "".join(f"<li>{escape(reason)}</li>" for reason in found.reasons)
        self.summary = QLabel(
            "<p><b>"
            + escape(self.tr("This call is likely about case %1, received %2:"))
            .replace("%1", escape(self._reference))
            .replace("%2", received)
            + f"</b></p><p>{names}<br>{escape(where)}</p><ul>{why}</ul>"
        )
        self.summary.setObjectName("likely_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        # In the order of the keys' likelihood, the default first (a button box would order them
        # by the platform's rules and put "save anyway" on top).
        self.link_button = QPushButton(
            self.tr("&Link the call to case %1 (Enter)").replace("%1", self._reference)
        )
        self.new_button = QPushButton(self.tr("Save as a new case anyway (M)"))
        self.back_button = QPushButton(self.tr("Back to the form (Esc)"))
        for button in (self.link_button, self.new_button, self.back_button):
            layout.addWidget(button)
        # Enter on the button the focus is on, as in every dialog (Tab, then Enter, is a choice
        # made on purpose): the link first, so a lone Enter links.
        self.link_button.setDefault(True)
        self.link_button.setFocus()
        self.link_button.clicked.connect(self._link)
        self.new_button.clicked.connect(self._new)
        self.back_button.clicked.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The key, not a QShortcut: it works whichever window the system thinks is active (a
        # dialog opened without a window manager may not be), from any button of the dialog.
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        # A held-down key repeating is not an answer.
        if plain and event.key() == SAVE_ANYWAY_KEY and not event.isAutoRepeat():
            self._new()
            return
        super().keyPressEvent(event)

    def _link(self) -> None:
        self.accept()
        self.link_call.emit(self._case_id, self._reference)

    def _new(self) -> None:
        self.accept()
        self.save_anyway.emit(self._case_id, self._reasons)
