"""Log in to the central server: address, user name, password; the answer comes back off the GUI thread.

An error shows beside its field (a wrong password under the password, an unreachable or invalid
server under the address) and the dialog stays open with everything typed but the password.
Cancel is always possible: cases are still saved here and wait in the outbox until a login.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from operator_console.client.api import AuthenticationNeeded, Refused, ServerError
from operator_console.gui.forms.ui_login_dialog import Ui_LoginDialog
from operator_console.gui.shell.connection import Connection
from operator_console.gui.shell.tone import set_tone

log = logging.getLogger(__name__)


class LoginDialog(QDialog):
    def __init__(self, connection: Connection, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._connection = connection
        ui = self.ui
        ui.serverEdit.setText(connection.url)
        if connection.server_locked:
            ui.serverEdit.setEnabled(False)  # greyed, as in the settings dialog
            ui.serverEdit.setToolTip(self.tr("Set by IT for this workstation"))
        ui.usernameEdit.setText(connection.username)
        if connection.keyring_problem is not None:
            # Said where the password is asked: why it will be asked again at the next start.
            ui.note.setText(connection.keyring_problem.message(connection.language))
            set_tone(ui.note, "warn")
        ui.reason.setText(reason)
        ui.reason.setVisible(bool(reason))
        set_tone(ui.reason, "warn")
        for label in (ui.serverError, ui.passwordError):
            set_tone(label, "error")
            label.setVisible(False)
        self._ok = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Log in"))
        self._ok.clicked.connect(self._log_in)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        # The hands go where the next thing to type is.
        first_empty = next(
            (edit for edit in (ui.serverEdit, ui.usernameEdit) if not edit.text().strip()), ui.passwordEdit
        )
        first_empty.setFocus()

    def _log_in(self) -> None:
        ui = self.ui
        url, user, password = (
            ui.serverEdit.text().strip(),
            ui.usernameEdit.text().strip(),
            ui.passwordEdit.text(),
        )
        for label in (ui.serverError, ui.passwordError):
            label.setVisible(False)
        if not url:
            self._error(ui.serverError, self.tr("Type the server's address (https://…)."))
            ui.serverEdit.setFocus()
            return
        if not user or not password:
            self._error(ui.passwordError, self.tr("Type your user name and password."))
            (ui.usernameEdit if not user else ui.passwordEdit).setFocus()
            return
        self._busy(True)
        # "Later" stays open to the operator while the answer is on its way: the answer may then
        # come for a dialog already gone (the login itself still counts: Connection keeps it).
        self._connection.login(
            url,
            user,
            password,
            lambda: self.accept() if shiboken6.isValid(self) else None,
            lambda error: self._failed(error) if shiboken6.isValid(self) else None,
        )

    def _failed(self, error: BaseException) -> None:
        ui = self.ui
        self._busy(False)
        ui.passwordEdit.clear()
        if isinstance(error, (AuthenticationNeeded, Refused)):
            self._error(ui.passwordError, error.message)
            ui.passwordEdit.setFocus()
        elif isinstance(error, ServerError):
            self._error(ui.serverError, error.message)
            ui.serverEdit.setFocus()
        elif isinstance(error, ValueError):
            self._error(
                ui.serverError,
                self.tr("The server address must start with https:// (http:// only for this computer)."),
            )
            ui.serverEdit.setFocus()
        else:
            # Not the server's answer: something here failed. Said at the address, logged by type.
            log.error("login failed: %s", type(error).__name__)
            self._error(
                ui.serverError,
                self.tr("The login failed on this computer (%1).").replace("%1", type(error).__name__),
            )
            ui.serverEdit.setFocus()

    def _busy(self, busy: bool) -> None:
        ui = self.ui
        ui.progress.setText(self.tr("Logging in…") if busy else "")
        for widget in (ui.serverEdit, ui.usernameEdit, ui.passwordEdit, self._ok):
            widget.setEnabled(not busy)

    @staticmethod
    def _error(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)
