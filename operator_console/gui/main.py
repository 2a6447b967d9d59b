"""``operator-console``: start the operator's console."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from operator_console import __version__
from operator_console.domain.messages import LANGUAGES
from operator_console.gui.app import build_console
from operator_console.paths import APP_AUTHOR, APP_NAME, default_store_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="operator-console", description="1022 Operator Console")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, help="local store file (default: in the user's data folder)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="interface language (default: settings, vi)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)
    console = build_console(app, args.db or default_store_path(), qsettings, args.lang)
    screen = app.primaryScreen().availableGeometry()
    console.window.resize(min(1500, screen.width()), min(920, screen.height()))
    console.window.show()
    try:
        return app.exec()
    finally:
        console.shutdown()


if __name__ == "__main__":
    sys.exit(main())
