"""F1: every key of the console on one page, read from the action registry and the form's labels."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QWidget,
)

from operator_console.gui.forms.ui_cheat_sheet import Ui_CheatSheet
from operator_console.gui.shell.actions import ACTIONS


def mnemonic(text: str) -> str:
    """The letter after the single ``&`` of a label ("Số điện &thoại" → "T"), or ""."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].upper() if 0 <= at < len(plain) - 1 else ""


class CheatSheet(QDialog):
    def __init__(self, form: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CheatSheet()
        self.ui.setupUi(self)
        rows: list[tuple[str, str]] = []
        for spec in ACTIONS:
            keys = ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys
            )
            rows.append((keys, spec.label.replace("&", "")))
        rows.append((self.tr("Enter"), self.tr("Next field (in the description: a new line)")))
        rows.append((self.tr("Shift+Tab"), self.tr("Previous field")))
        rows.append((self.tr("1 … 9"), self.tr("Category, in the category list")))
        rows.append(
            (
                self.tr("1 … 6, then Enter"),
                self.tr("Tick boxes: tick or untick by digit; Enter goes to the description"),
            )
        )
        rows.append(
            (
                self.tr("Enter / Tab"),
                self.tr("Ward offered in the list: Enter takes it and stays, Tab takes it and goes on"),
            )
        )
        rows.append(
            (self.tr("Enter, then 1 … 9"), self.tr("Ward: pick today's one when the words name several"))
        )
        rows.append((self.tr("Enter"), self.tr("On a listed case: open it")))
        for widget in form.findChildren(QWidget):
            text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
            letter = mnemonic(text)
            if letter and (not isinstance(widget, QLabel) or widget.buddy() is not None):
                rows.append((f"Alt+{letter}", text.replace("&", "")))
        table = self.ui.keysTable
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        table.setRowCount(len(rows))
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)  # one line a key: the rows stay even and the page short
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.resize(640, 820)
        self.rows = rows
