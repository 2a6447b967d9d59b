"""The console's link to the central server, on one thread of its own: send, follow, report.

Each pass of :class:`SyncWorker` drains the outbox (``outbox_worker.drain``: in order, each item
once), follows the server's changes feed into the local replica when that is due (every 20 s, so a
unit's status change shows within a minute), and tells the server how this console is doing (a
heartbeat each minute: the supervisors see the consoles' queues). Then it reports what it knows
(:class:`SyncReport`: online or not and why, what waits, what was refused) through a callback, and
sleeps until a save or a login wakes it, or until something is due.

Why a thread of its own and not the GUI's task pool: a pass can hang on a dead server for the
whole read timeout, and at quit the console must not wait for it. Everything the worker does is
already durable in the store before it starts (the outbox), and every POST carries its idempotency
key, so abandoning a request in flight at quit loses nothing and doubles nothing.

The client's token may be set or cleared from another thread (a login, a logout): the worker reads
it at each request, and a missing token simply makes the pass report that a login is needed.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from operator_console.client.api import AuthenticationNeeded, Refused, ServerClient, ServerError, Unreachable
from operator_console.client.outbox_worker import drain
from operator_console.client.replica_sync import WINDOW, follow
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox, OutboxState
from operator_console.store.replica import Replica

log = logging.getLogger(__name__)

FOLLOW_EVERY_S = 20.0
HEARTBEAT_EVERY_S = 60.0
IDLE_S = 30.0
ERROR_PAUSE_S = 1.0


@dataclass(frozen=True)
class SyncReport:
    online: bool | None
    """True: the server answered this pass; False: it could not be reached; None: not tried yet."""
    reason: str
    """Why it is offline or waiting, in the operator's language (the server's words when it said)."""
    needs_login: bool
    next_try: datetime | None
    sent: int
    """Items the server acknowledged in this pass."""
    refused: int
    """Items the server refused for good in this pass."""
    outbox: OutboxState
    followed_at: datetime | None
    """When the replica last reached the end of the server's feed."""
    changed: int
    """Changes the feed brought in this pass (cases added or updated here)."""
    generation: int = 0
    """The token's generation this pass ran with: a report from before a login or logout is stale."""


@dataclass
class _Pass:
    online: bool | None = None
    reason: str = ""
    needs_login: bool = False
    next_try: datetime | None = None
    sent: int = 0
    refused: int = 0
    changed: int = 0


class SyncWorker:
    def __init__(
        self,
        store: CaseStore,
        client: ServerClient,
        *,
        by: str,
        console_id: str,
        version: str,
        on_report: Callable[[SyncReport], None] = lambda _report: None,
        window: timedelta = WINDOW,
        follow_every_s: float = FOLLOW_EVERY_S,
        heartbeat_every_s: float = HEARTBEAT_EVERY_S,
        idle_s: float = IDLE_S,
        after: SyncWorker | None = None,
    ) -> None:
        """``after``: the worker this one replaces (another server, another account); this one
        starts sending only once that one's thread has ended, so two never drain at once."""
        self._store, self._client = store, client
        self._outbox, self._replica = Outbox(store.engine), Replica(store.engine)
        self.by = by
        self._console_id, self._version = console_id, version
        self._on_report = on_report
        self._window = window
        self._follow_every, self._heartbeat_every, self._idle = follow_every_s, heartbeat_every_s, idle_s
        self._next_follow = self._next_heartbeat = 0.0  # monotonic: both due at once
        self._followed_at: datetime | None = None
        self._online: bool | None = None
        self._reason = ""
        self._rng = random.Random()
        self._after = after
        self.generation = 0
        self._retry_now = False
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)

    @property
    def client(self) -> ServerClient:
        return self._client

    def start(self) -> None:
        self._thread.start()

    def wake(self, *, follow_now: bool = False, retry_now: bool = False) -> None:
        """A save: try now. The operator's F5 or a login: also read the feed now (``follow_now``)
        and try at once what waits for a later try (``retry_now``)."""
        if follow_now:
            self._next_follow = 0.0
        if retry_now:
            self._retry_now = True
        self._wake.set()

    def set_token(self, token: str | None) -> None:
        self.generation += 1
        self._client.token = token
        self.wake(follow_now=True, retry_now=True)

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop after the request in flight, waiting at most ``timeout`` s (then the daemon thread
        is abandoned: its request is idempotent and its item still waits in the outbox)."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    # the loop -------------------------------------------------------------------------------------
    def _run(self) -> None:
        if self._after is not None:
            self._after.stop(timeout=3600.0)  # its request in flight ends within its read timeout
            self._after = None
        while not self._stop.is_set():
            self._wake.clear()
            generation = self.generation
            try:
                if self._retry_now:
                    self._retry_now = False
                    self._outbox.retry_now(datetime.now(UTC))
                result = self._pass()
                if result.online is None and not result.needs_login:
                    # A pass with nothing to send and nothing due did not ask the server: what was
                    # known before still holds.
                    result.online, result.reason = self._online, self._reason
                if result.online is not None and result.online != self._online:
                    log.info("server %s", "reachable" if result.online else "unreachable")
                if result.changed:
                    log.info("feed: %d cases added or updated here", result.changed)
                self._online, self._reason = result.online, result.reason
                report = SyncReport(
                    online=result.online,
                    reason=result.reason,
                    needs_login=result.needs_login,
                    next_try=result.next_try,
                    sent=result.sent,
                    refused=result.refused,
                    outbox=self._outbox.state(),
                    followed_at=self._followed_at,
                    changed=result.changed,
                    generation=generation,
                )
            except Exception as exc:
                # The store failed (busy with the window's write, a full disk): nothing is lost, the
                # outbox is durable, and an item the server took but this store did not record is
                # answered again for its key. Log the type only (no personal data), retry soon.
                log.warning("sync pass failed (%s); trying again", type(exc).__name__)
                self._stop.wait(ERROR_PAUSE_S)
                continue
            if self._stop.is_set():
                return
            self._on_report(report)
            self._wake.wait(self._sleep(report))

    def _sleep(self, report: SyncReport) -> float:
        if report.needs_login:
            return 3600.0  # until a login wakes it
        wait = min(self._idle, max(0.05, self._next_follow - time.monotonic()))
        if report.next_try is not None:
            wait = min(wait, max(0.05, (report.next_try - datetime.now(UTC)).total_seconds()))
        return wait

    def _pass(self) -> _Pass:
        result = _Pass()
        if not self._client.token:
            result.needs_login = True
            return result
        drained = drain(self._store, self._outbox, self._client, by=self.by, stop=self._stop)
        result.sent, result.refused = drained.sent, drained.refused
        result.needs_login = drained.needs_login
        if drained.needs_login:
            result.reason = drained.reason
            return result
        if drained.failed:
            # The server could not take the first item now: offline until the item is due again.
            result.online, result.reason, result.next_try = False, drained.reason, drained.next_try
            return result
        # (An item waiting for its next try was not sent now, but the feed and the heartbeat still
        # go on: a unit's progress must not hide behind one item's Retry-After.)
        result.next_try = drained.next_try
        if drained.sent or drained.refused:
            result.online = True
        now = time.monotonic()
        if now >= self._next_follow:
            self._follow(result)
            self._next_follow = time.monotonic() + self._follow_every
        if result.online is not False and time.monotonic() >= self._next_heartbeat:
            self._heartbeat(result)
        return result

    def _follow(self, result: _Pass) -> None:
        try:
            report = follow(self._replica, self._client, window=self._window)
        except AuthenticationNeeded as exc:
            result.needs_login, result.reason = True, exc.message
        except Unreachable as exc:
            result.online, result.reason = False, exc.message
            # Read the feed again soon, not in a whole period: the server may be back in seconds.
            result.next_try = datetime.now(UTC) + timedelta(seconds=min(self._follow_every, 5.0))
        except Refused as exc:
            # The server does not let this account read the feed: the replica stays as it is.
            result.online, result.reason = True, exc.message
        else:
            result.online, result.changed = True, report.applied
            self._followed_at = datetime.now(UTC)

    def _heartbeat(self, result: _Pass) -> None:
        state = self._outbox.state()
        oldest = max(0, int((datetime.now(UTC) - state.oldest).total_seconds())) if state.oldest else None
        try:
            self._client.heartbeat(self._console_id, self.by, self._version, state.waiting, oldest)
        except AuthenticationNeeded as exc:
            result.needs_login, result.reason = True, exc.message
        except Refused:
            # A monitor's account takes no calls and may not send one: not again before the next minute.
            self._next_heartbeat = time.monotonic() + self._heartbeat_every
            return
        except ServerError:
            return  # a lost heartbeat is only a late figure on a supervisor's screen
        self._next_heartbeat = time.monotonic() + self._heartbeat_every
        result.online = True if result.online is None else result.online
