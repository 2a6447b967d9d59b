"""The composition root: builds the console's parts once and hands each widget what it needs."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui import settings as S
from operator_console.gui.context import ConsoleContext
from operator_console.gui.draft_keeper import DraftKeeper
from operator_console.gui.i18n import install_translator
from operator_console.gui.main_window import MainWindow
from operator_console.gui.tasks import TaskRunner
from operator_console.paths import resource
from operator_console.store.case_store import CaseStore


@dataclass
class Console:
    window: MainWindow
    store: CaseStore
    runner: TaskRunner
    settings: S.Settings
    drafts: DraftKeeper

    def shutdown(self) -> None:
        """Keep the draft, finish every queued write, then close the store."""
        self.drafts.flush()
        self.runner.shutdown()
        self.store.close()
        self.settings.sync()


def build_console(
    app: QApplication, store_path: Path, qsettings: QSettings, language: Language | None = None
) -> Console:
    settings = S.Settings(qsettings)
    chosen: Language = language or ("en" if settings.get(S.LANGUAGE) == "en" else "vi")
    install_translator(app, chosen)
    font = QFont(app.font())
    font.setPointSize(settings.get(S.FONT_SIZE))
    app.setFont(font)
    app.setStyleSheet(resource("styles", "console.qss").read_text(encoding="utf-8"))
    store = CaseStore(store_path)
    runner = TaskRunner()
    context = ConsoleContext(
        store=store,
        runner=runner,
        gazetteer=default_gazetteer(),
        taxonomy=default_taxonomy(),
        language=chosen,
        # Until login arrives with the server, the workstation's own login names the operator.
        operator=settings.get(S.OPERATOR) or getpass.getuser(),
    )
    drafts = DraftKeeper(store_path.with_name(store_path.stem + ".draft.json"), runner)
    window = MainWindow(context, settings, drafts)
    restored = drafts.restore()
    if restored is not None:
        window.restore_draft(restored)
    return Console(window=window, store=store, runner=runner, settings=settings, drafts=drafts)
