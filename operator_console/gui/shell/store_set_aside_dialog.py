"""Said at start when the store could not be opened and was kept aside (``store/set_aside.py``).

The operator reads that nothing was deleted and that calls can be taken now; IT reads where the
old store is, why it could not be opened and which cases in it the server never received (the
same list is in ``unsent-cases.csv`` beside it). Close (Enter, Esc) gives the keys back to the form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from operator_console.store.set_aside import UNKNOWN_REVISION, SetAside


class StoreSetAsideDialog(QDialog):
    def __init__(self, aside: SetAside, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The case store was kept aside"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This computer's case store could not be opened (%1). Nothing was deleted: it is kept,"
                " as it was, in %2. The console goes on with a new store: you can take calls now."
            )
            .replace("%1", f"{self._why(aside.reason)}; {aside.reason}")
            .replace("%2", str(aside.folder))
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # IT copies the path
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Cases in the kept store that the server never received"))
        layout.addWidget(QLabel(self._unsent_heading(aside)))
        for case in aside.unsent or ():
            when = case.received_at.strftime("%d/%m %H:%M") if case.received_at else ""
            parts = (when, case.reference, case.phone, case.name, case.ward)
            self.list.addItem(" · ".join(p for p in parts if p))
        self.list.setVisible(bool(aside.unsent))
        layout.addWidget(self.list)
        tell = QLabel(self._for_it(aside))
        tell.setWordWrap(True)
        layout.addWidget(tell)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setDefault(True)
        folder = buttons.addButton(self.tr("Open the folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.setAutoDefault(False)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(aside.folder))))
        buttons.rejected.connect(self.reject)
        if not aside.unsent:
            layout.addStretch(1)  # the paragraphs stay together above the buttons
        layout.addWidget(buttons)
        # As tall as what it says (the list, when there is one, takes the room there is).
        self.resize(760, 420 if aside.unsent else self.sizeHint().height())
        close.setFocus()

    def _why(self, reason: str) -> str:
        """The reason in words; its code stays beside it for IT."""
        if reason == "SQLITE_NOTADB":
            return self.tr("the file is not a database")
        if reason == "SQLITE_CORRUPT":
            return self.tr("the file is damaged")
        if reason == UNKNOWN_REVISION:
            return self.tr("a newer version of the console wrote it")
        return self.tr("it could not be brought to this version")

    def _unsent_heading(self, aside: SetAside) -> str:
        if aside.unsent is None:
            return self.tr("Its cases could not be read here: IT can recover them from the kept file.")
        if not aside.unsent:
            return self.tr("Every case in it had reached the server.")
        heading = self.tr("%1 case(s) in it never reached the server:").replace("%1", str(len(aside.unsent)))
        if aside.read_from_copy:
            heading += " " + self.tr("(read from the copy made before the last upgrade)")
        return heading

    def _for_it(self, aside: SetAside) -> str:
        parts = []
        if aside.other_unsent:
            parts.append(
                self.tr("%1 repeat call(s) or link(s) in it never reached the server either.").replace(
                    "%1", str(aside.other_unsent)
                )
            )
        if aside.listing is not None:
            parts.append(self.tr("The list is in %1 for IT.").replace("%1", str(aside.listing)))
        parts.append(self.tr("Tell IT."))
        return " ".join(parts)
