"""The composition root: builds the console's parts once and hands each widget what it needs."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from operator_console.client.credentials import TokenVault
from operator_console.client.embedded import EmbeddedServer
from operator_console.dedupe.finder import DuplicateFinder
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.messages import Language
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.intake.draft_keeper import DraftKeeper
from operator_console.gui.intake.held_calls import HeldCalls
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.connection import Connection
from operator_console.gui.shell.context import ConsoleContext
from operator_console.gui.shell.i18n import install_translator
from operator_console.gui.shell.main_window import MainWindow
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.paths import resource
from operator_console.store.case_store import CaseStore
from operator_console.store.search import CandidateIndex
from operator_console.store.set_aside import SetAside, open_store

log = logging.getLogger(__name__)


@dataclass
class Console:
    window: MainWindow
    store: CaseStore
    runner: TaskRunner
    settings: S.Settings
    drafts: DraftKeeper
    connection: Connection
    set_aside: SetAside | None = None
    """The store found unusable at start and kept aside, if that happened."""
    closed: bool = False

    def shutdown(self) -> None:
        """Keep the draft, finish every queued write, then close the store.

        Every wait here is bounded, well inside the few seconds a SIGTERM allows (``gui/shell/main.py``):
        the draft is queued first; the sync worker gets 1 s (an unanswered request is abandoned:
        its item still waits in the outbox, and its idempotency key makes the next try safe), the
        demo server 2 s; the local work left is the store's own (milliseconds); calls to a server
        are on daemon threads nobody waits for (``gui/shell/tasks.py``).
        """
        if self.closed:
            return
        self.closed = True
        if shiboken6.isValid(self.window):
            self.window.keep_draft_now()  # the form as it is now, not as of its last keystroke
        else:
            self.drafts.flush()
        self.connection.shutdown()
        self.runner.shutdown()
        self.store.close()
        self.settings.sync()


def build_console(
    app: QApplication,
    store_path: Path,
    qsettings: QSettings,
    language: Language | None = None,
    *,
    demo: EmbeddedServer | None = None,
    vault: Callable[[], TokenVault] = TokenVault.system,
    machine: S.MachineConfig | None = None,
) -> Console:
    """The console on ``store_path``: with the server of the settings (a login when needed), with
    ``demo`` (the embedded demo server, started and logged in to), or on this workstation only.
    ``machine``: IT's configuration file for this workstation (``gui/shell/settings.py``)."""
    settings = S.Settings(qsettings, machine)
    chosen: Language = language or ("en" if settings.get(S.LANGUAGE) == "en" else "vi")
    install_translator(app, chosen)
    font = QFont(app.font())
    font.setPointSize(settings.get(S.FONT_SIZE))
    app.setFont(font)
    app.setStyleSheet(resource("styles", "console.qss").read_text(encoding="utf-8"))
    store, aside = open_store(store_path)  # an unusable store is kept aside, a fresh one opened
    runner = TaskRunner()
    gazetteer = default_gazetteer()
    context = ConsoleContext(
        store=store,
        runner=runner,
        gazetteer=gazetteer,
        taxonomy=default_taxonomy(),
        language=chosen,
        # Without a server account, the settings' name or the workstation's login names the operator.
        operator=settings.get(S.OPERATOR) or getpass.getuser(),
        finder=DuplicateFinder(CandidateIndex(store.engine), gazetteer, chosen),
    )
    drafts = DraftKeeper(store_path.with_name(store_path.stem + ".draft.json"), runner)
    connection = Connection(store, runner, settings, chosen, vault=vault)
    held = HeldCalls(store_path.with_name(store_path.stem + ".held"), runner)
    window = MainWindow(context, settings, drafts, connection, held)
    restored = drafts.restore()
    if restored is not None:
        log.info("the call being typed when the console last stopped is back in the form")
        window.restore_draft(restored)
    if held.calls():
        log.info("held calls kept from before: %d", len(held.calls()))
    window.offer_old_held_calls()
    if aside is not None:
        window.report_store_set_aside(aside)
    if demo is not None:
        connection.start_demo(demo)
    else:
        connection.start()
    return Console(
        window=window,
        store=store,
        runner=runner,
        settings=settings,
        drafts=drafts,
        connection=connection,
        set_aside=aside,
    )
