"""Completion of the street in the address field, from the streets this console already knows.

"12/3/45 lê v" offers "12/3/45 Lê Văn Sỹ": the house number stays as typed and the street is
completed, from the streets recorded in the ward already typed, or in the whole city. The look-up
runs on the database worker; a newer keystroke makes an older answer moot.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, QStringListModel, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from operator_console.gui.shell.tasks import TaskRunner
from operator_console.store.case_store import CaseStore

_LEAD = re.compile(r"^\s*((?:[^\W\d_]+\.?\s+){0,2}?\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*\s+)(.*)$")
PAUSE_MS = 120


class StreetCompletion(QObject):
    def __init__(
        self,
        edit: QLineEdit,
        store: CaseStore,
        runner: TaskRunner,
        ward_code: Callable[[], int | None],
        enabled: Callable[[], bool],
    ) -> None:
        super().__init__(edit)
        self._edit, self._store, self._runner = edit, store, runner
        self._ward_code, self._enabled = ward_code, enabled
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        edit.setCompleter(self._completer)
        self._asked = 0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._ask)
        edit.textEdited.connect(lambda _text: self._pause.start())

    def _ask(self) -> None:
        text = self._edit.text()
        lead, street = split_lead(text)
        if not self._enabled() or len(street.strip()) < 2:
            self._hide()
            return
        self._asked += 1
        asked, ward = self._asked, self._ward_code()
        self._runner.run_db(
            lambda: self._store.known_streets(street, ward_code=ward),
            lambda streets: self._offer(asked, text, lead, streets),
        )

    def _hide(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _offer(self, asked: int, text: str, lead: str, streets: list[str]) -> None:
        if (
            asked != self._asked
            or self._edit.text() != text
            or self._edit.window().focusWidget() is not self._edit
        ):
            return  # the operator typed on meanwhile
        offers = [lead + s for s in streets if lead + s != text]
        self._model.setStringList(offers)
        if offers:
            self._completer.complete()
        else:
            self._hide()


def split_lead(text: str) -> tuple[str, str]:
    """("hẻm 12/3/45 ", "lê v") from "hẻm 12/3/45 lê v": what precedes the street, and the street."""
    match = _LEAD.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)
