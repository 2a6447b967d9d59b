"""Help → About: what runs here (version, build, data versions), where its files are, and the
licence; with a button that copies it all for a message to IT."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from operator_console.gui.shell import settings as S
from operator_console.logs import LOG_FILE
from operator_console.paths import data_dir
from operator_console.versions import version_report


class AboutDialog(QDialog):
    def __init__(self, settings: S.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About the 1022 Operator Console"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>1022 Operator Console</b>: call intake for Ho Chi Minh City's 1022 hotline.<br>"
                "Free software under the GNU General Public License, version 3 or later."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        data = data_dir()
        lines = [
            version_report(),
            "",
            self.tr("Data folder: %1").replace("%1", str(data)),
            self.tr("Log files: %1").replace("%1", str(data / "logs" / LOG_FILE)),
            self.tr("Crash reports: %1").replace("%1", str(data / "crash")),
            self.tr("Machine configuration (IT): %1").replace("%1", str(S.machine_config_path())),
        ]
        if settings.locked_by_it:
            lines.append(self.tr("IT has locked this workstation's settings."))
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Version, build and data versions"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        copy = buttons.addButton(self.tr("&Copy for IT"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
