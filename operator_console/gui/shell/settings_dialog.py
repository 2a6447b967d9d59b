"""The settings an operator may change (name, server address, language, font size) and the ones IT
sets per machine (CA certificates, proxy, timeout, replica window, log level), which a user may
override unless IT locked them (``gui/shell/settings.py``; docs/configuration.md)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QSpinBox, QWidget

from operator_console.client.api import secure_address
from operator_console.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.tone import set_tone
from operator_console.logs import LEVELS

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
        for level in LEVELS:
            ui.logCombo.addItem(level, level)
        ui.operatorEdit.setText(settings.get(S.OPERATOR))
        ui.serverEdit.setText(settings.get(S.SERVER_URL))
        ui.languageCombo.setCurrentIndex(max(ui.languageCombo.findData(settings.get(S.LANGUAGE)), 0))
        ui.fontSpin.setValue(settings.get(S.FONT_SIZE))
        ui.caEdit.setText(settings.get(S.CA_BUNDLE))
        ui.proxyEdit.setText(settings.get(S.PROXY))
        ui.timeoutSpin.setValue(settings.get(S.READ_TIMEOUT_S))
        ui.replicaSpin.setValue(settings.get(S.REPLICA_DAYS))
        ui.logCombo.setCurrentIndex(max(ui.logCombo.findData(settings.get(S.LOG_LEVEL)), 0))
        self._fields: dict[str, QWidget] = {
            S.SERVER_URL.key: ui.serverEdit,
            S.CA_BUNDLE.key: ui.caEdit,
            S.PROXY.key: ui.proxyEdit,
            S.READ_TIMEOUT_S.key: ui.timeoutSpin,
            S.REPLICA_DAYS.key: ui.replicaSpin,
            S.LOG_LEVEL.key: ui.logCombo,
        }
        # What the fields show now: only a field the operator changes is written (a value shown
        # normalised or clamped, INFO for "info", is not the operator's choice).
        self._shown = {key: _field_value(field) for key, field in self._fields.items()}
        locked = [setting for setting in S.MACHINE_SETTINGS if settings.locked(setting)]
        for setting in locked:
            field = self._fields[setting.key]
            field.setEnabled(False)
            field.setToolTip(self.tr("Set by IT for this workstation"))
        ui.lockNote.setVisible(bool(locked))
        set_tone(ui.serverError, "error")
        ui.serverError.setVisible(False)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self._save)
        ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _problem(self, field: QWidget, message: str) -> None:
        self.ui.serverError.setText(message)
        self.ui.serverError.setVisible(True)
        field.setFocus()

    def _save(self) -> None:
        ui = self.ui
        server = ui.serverEdit.text().strip()
        if self._changed(S.SERVER_URL) and server and not secure_address(server):
            self._problem(
                ui.serverEdit,
                self.tr("The server address must start with https:// (http:// only for this computer)."),
            )
            return
        ca_bundle = ui.caEdit.text().strip()
        if self._changed(S.CA_BUNDLE) and ca_bundle and not Path(ca_bundle).is_file():
            self._problem(ui.caEdit, self.tr("There is no CA certificates file at this path."))
            return
        proxy = ui.proxyEdit.text().strip()
        problem = S.proxy_problem(proxy) if self._changed(S.PROXY) else None
        if problem == "format":
            self._problem(ui.proxyEdit, self.tr("A proxy is written http://host:port."))
            return
        if problem == "credentials":
            self._problem(
                ui.proxyEdit,
                self.tr(
                    "No user name or password in the proxy address: IT sets proxy sign-in on the system."
                ),
            )
            return
        self._settings.keep(S.OPERATOR, ui.operatorEdit.text().strip())
        self._settings.keep(S.LANGUAGE, str(ui.languageCombo.currentData()))
        self._settings.keep(S.FONT_SIZE, ui.fontSpin.value())
        self._keep(S.SERVER_URL, server)
        self._keep(S.CA_BUNDLE, ca_bundle)
        self._keep(S.PROXY, proxy)
        self._keep(S.READ_TIMEOUT_S, ui.timeoutSpin.value())
        self._keep(S.REPLICA_DAYS, ui.replicaSpin.value())
        self._keep(S.LOG_LEVEL, str(ui.logCombo.currentData()))
        self._settings.sync()
        self.accept()

    def _changed(self, setting: S.Setting[S.T]) -> bool:
        """The operator changed this field (what IT set and nobody touched is IT's to check)."""
        return _field_value(self._fields[setting.key]) != self._shown[setting.key]

    def _keep(self, setting: S.Setting[S.T], value: S.T) -> None:
        if self._changed(setting):
            self._settings.keep(setting, value)


def _field_value(field: QWidget) -> object:
    if isinstance(field, QLineEdit):
        return field.text().strip()
    if isinstance(field, QSpinBox):
        return field.value()
    if isinstance(field, QComboBox):
        return field.currentData()
    raise TypeError(type(field).__name__)
