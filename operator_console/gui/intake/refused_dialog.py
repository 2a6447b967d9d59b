"""The cases and calls the server refused for good, each with the server's reason.

Retrying cannot fix these (a 4xx), so they are not retried: the operator reads why, opens the case
(Enter) and tells the supervisor. The rest of the queue went on without them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operator_console.domain.case import case_reference


class RefusedDialog(QDialog):
    open_case = Signal(str)

    def __init__(self, items: list[tuple[int, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cases the server refused"))
        self.resize(720, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The server refused these for good; they are kept here. Enter opens the case.")
            if items
            else self.tr("The server has refused nothing.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Refused cases and the server's reasons"))
        for _seq, case_id, reason in items:
            entry = QListWidgetItem(
                self.tr("Case %1: %2").replace("%1", case_reference(case_id)).replace("%2", reason)
            )
            entry.setData(Qt.ItemDataRole.UserRole, case_id)
            self.list.addItem(entry)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(
            lambda entry: self.open_case.emit(entry.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.list.setFocus()
