"""The one way to run work off the GUI thread (after Anki's ``aqt/taskman.py``).

``run_db`` queues work on the single database worker (the store's one writer: writes never race
and keep their order); ``run`` uses a small pool for local work (files, the duplicate search).
Both are finished at quit. Results and errors come back on the GUI thread through a queued signal.

``run_keyring`` is for the OS keyring: in order, on a daemon thread of its own (a keyring waiting
for its unlock prompt holds neither the store's writes nor the quit).

``run_network`` is for every call to a server started from the window (a login, a logout, the demo
server's start, the dashboard's figures, a drill-down, the account's role): each on a daemon thread
of its own, never waited for at quit, so a server that never answers cannot hold the console's
exit (SIGTERM must end it within seconds, ``gui/shell/main.py``) for a whole read timeout.

The one long-lived thread besides is the sync worker (``client/sync_worker.py``): a loop that may
hang on a dead server for a whole read timeout, so it must neither hold a pool slot nor be waited
for at quit (everything it sends is already durable in the outbox). ``gui/shell/connection.py`` turns
its reports into a queued signal, as here.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskRunner(QObject):
    # One tuple (callback, result, error) rather than three arguments: PySide6 has mishandled the
    # reference count of None passed as a signal argument (a crash after many deliveries on
    # Python 3.11, where None is not immortal); inside a tuple, None is never converted.
    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db")
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="task")
        self._done.connect(self._deliver)
        self._closed = False
        self._keyring_queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._keyring_thread: threading.Thread | None = None
        self._keyring_lock = threading.Lock()

    def run_db(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        return self._submit(self._db, work, on_success, on_failure)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[T]:
        """``owner``, when given: as for :meth:`run_network`."""
        if owner is not None:
            on_success, on_failure = (
                _while_alive(owner, on_success),
                _while_alive(owner, on_failure, quiet=True),
            )
        return self._submit(self._pool, work, on_success, on_failure)

    def run_network(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject,
    ) -> None:
        """``owner``: the widget or service the answer is for; an answer that arrives after it was
        deleted (a dialog closed, a logout) is dropped, never delivered to a dead object."""
        if self._closed:
            return
        future: Future[T] = Future()
        future.add_done_callback(
            partial(
                self._finished, _while_alive(owner, on_success), _while_alive(owner, on_failure, quiet=True)
            )
        )

        def call() -> None:
            try:
                future.set_result(work())
            except BaseException as error:  # delivered to on_failure on the GUI thread
                future.set_exception(error)

        threading.Thread(target=call, name="network", daemon=True).start()

    def run_keyring(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        *,
        owner: QObject,
    ) -> None:
        """The OS keyring, one call after another (a token kept, then forgotten, in that order),
        on a daemon thread of its own: a keyring may wait for its unlock prompt for minutes, and
        neither the store's writes nor a quit may wait behind it (a token lost at quit costs only
        a login)."""
        if self._closed:
            return
        future: Future[T] = Future()
        future.add_done_callback(
            partial(self._finished, _while_alive(owner, on_success), _while_alive(owner, None, quiet=True))
        )

        def call() -> None:
            try:
                future.set_result(work())
            except BaseException as error:  # delivered to the log on the GUI thread
                future.set_exception(error)

        with self._keyring_lock:
            if self._keyring_thread is None:
                thread = threading.Thread(target=self._keyring_loop, name="keyring", daemon=True)
                thread.start()
                self._keyring_thread = thread
        self._keyring_queue.put(call)

    def _keyring_loop(self) -> None:
        while True:
            self._keyring_queue.get()()

    def shutdown(self) -> None:
        """Finish queued database writes (nothing entered is dropped), then stop the workers."""
        self._closed = True
        self._db.shutdown(wait=True)
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
    ) -> Future[T]:
        if self._closed:
            # Late work from a widget that is going away (a timer, a last keystroke): dropped.
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        future = executor.submit(work)
        future.add_done_callback(partial(self._finished, on_success, on_failure))
        return future

    def _finished(
        self,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        done: Future[Any],
    ) -> None:
        if self._closed:
            return
        error = done.exception()
        if error is not None:
            self._done.emit((on_failure or _log_failure, None, error))
        elif on_success is not None:
            self._done.emit((on_success, done.result(), None))

    @Slot(object)
    def _deliver(self, delivery: tuple[Callable[..., None], Any, BaseException | None]) -> None:
        callback, result, error = delivery
        # A result that arrives after shutdown began is for widgets that are going away.
        if not self._closed:
            callback(error if error is not None else result)


def _while_alive(
    owner: QObject, callback: Callable[[Any], None] | None, *, quiet: bool = False
) -> Callable[[Any], None] | None:
    if callback is None and not quiet:
        return None

    def deliver(value: Any) -> None:
        if shiboken6.isValid(owner):
            (callback or _log_failure)(value)

    return deliver


def _log_failure(error: BaseException) -> None:
    log.error("background task failed", exc_info=error)
