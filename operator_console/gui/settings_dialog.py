"""The settings an operator may change: name, server address, language, font size."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from operator_console.gui import settings as S
from operator_console.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from operator_console.gui.tone import set_tone

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._settings = settings
        ui = self.ui
        for code, name in LANGUAGE_NAMES.items():
            ui.languageCombo.addItem(name, code)
        ui.operatorEdit.setText(settings.get(S.OPERATOR))
        ui.serverEdit.setText(settings.get(S.SERVER_URL))
        ui.languageCombo.setCurrentIndex(max(ui.languageCombo.findData(settings.get(S.LANGUAGE)), 0))
        ui.fontSpin.setValue(settings.get(S.FONT_SIZE))
        set_tone(ui.serverError, "error")
        ui.serverError.setVisible(False)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self._save)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _save(self) -> None:
        ui = self.ui
        server = ui.serverEdit.text().strip()
        parts = urlsplit(server)
        # TLS always: personal data goes to the server. Plain http only to this very machine.
        local = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if server and not (parts.netloc and (parts.scheme == "https" or (parts.scheme == "http" and local))):
            ui.serverError.setText(
                self.tr("The server address must start with https:// (http:// only for this computer).")
            )
            ui.serverError.setVisible(True)
            ui.serverEdit.setFocus()
            return
        self._settings.set(S.OPERATOR, ui.operatorEdit.text().strip())
        self._settings.set(S.SERVER_URL, server)
        self._settings.set(S.LANGUAGE, str(ui.languageCombo.currentData()))
        self._settings.set(S.FONT_SIZE, ui.fontSpin.value())
        self._settings.sync()
        self.accept()
