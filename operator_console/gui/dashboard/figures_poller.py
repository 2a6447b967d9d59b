"""Fetches the supervisor's figures every few seconds, off the GUI thread, one request at a time.

A slow server never piles requests up: the next one is asked only after the last one answered
(or failed), ``interval`` after it was sent. Every outcome comes back on the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from operator_console.client.api import AuthenticationNeeded, Refused, ServerClient, ServerError
from operator_console.client.queue_figures import QueueFigures
from operator_console.gui.shell.tasks import TaskRunner

REFRESH_MS = 5_000


class FiguresPoller(QObject):
    updated = Signal(object)
    """New :class:`QueueFigures`."""
    failed = Signal(str)
    """Why the last try gave nothing, in the user's language (the figures shown are kept)."""

    def __init__(
        self,
        runner: TaskRunner,
        reader: Callable[[], ServerClient | None],
        interval_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._reader = runner, reader
        self._client: ServerClient | None = None
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll_now)
        self._running = False
        self._generation = 0
        """Bumped by every new login: an answer asked under the one before is not shown."""
        self.last_took_s = 0.0

    @property
    def running(self) -> bool:
        return self._running

    @property
    def interval_s(self) -> int:
        return self._timer.interval() // 1000

    def set_interval(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def start(self) -> None:
        if not self._running:
            self._running = True
            self.poll_now()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def forget_login(self) -> None:
        """Another login or server: the next request is made with a new client."""
        self._generation += 1
        old, self._client = self._client, None
        if old is not None and not self._in_flight:  # one in use is closed by the garbage collector
            self._runner.run(old.close)

    def poll_now(self) -> None:
        if self._in_flight:
            return  # the answer on its way will do; it schedules the next one
        if self._client is None:
            self._client = self._reader()
        client = self._client
        if client is None:
            self.failed.emit(self.tr("Not logged in to the server: the figures cannot be fetched."))
            self._schedule()
            return
        self._in_flight = True
        started, generation = time.monotonic(), self._generation

        def fetch() -> QueueFigures:
            return client.queue_figures()

        def done(figures: QueueFigures) -> None:
            self.last_took_s = time.monotonic() - started
            self._in_flight = False
            if generation == self._generation:
                self.updated.emit(figures)
                self._schedule()
            elif self._running:
                self.poll_now()  # from the login before: ask again with this one

        def failed(error: BaseException) -> None:
            self._in_flight = False
            if generation != self._generation:
                if self._running:
                    self.poll_now()
                return
            if isinstance(error, AuthenticationNeeded):
                self.forget_login()
                message = self.tr("The server asks for a new login (Ctrl+L).")
            elif isinstance(error, Refused) and error.status == 403:
                message = self.tr("This account may not see the supervisor's figures.")
            elif isinstance(error, ServerError):
                message = error.message
            else:
                message = self.tr("The figures could not be read (%1).").replace("%1", type(error).__name__)
            self.failed.emit(message)
            self._schedule()

        self._runner.run_network(fetch, done, failed, owner=self)

    def _schedule(self) -> None:
        if self._running:
            self._timer.start()
