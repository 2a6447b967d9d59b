"""The window's handle on the central server: login, logout, the sync worker and its reports.

A service, not a widget: it owns the :class:`~operator_console.client.sync_worker.SyncWorker`
(its own thread), turns its reports into a Qt signal (queued to the GUI thread), and runs the
slow parts (a login, the keyring, starting the demo server) through the task runner, so the
window never waits on the network or on the keyring's D-Bus.

Login and the keyring: the token is kept in the OS keyring under the server and the user; the
user name and server address in the settings. At start, a kept token is used without asking; the
first 401 from the server (expired, revoked) asks again. Where there is no real OS keyring, the
token lives in memory only and the operator types the password at each start (and is told why).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from operator_console import __version__
from operator_console.client.api import Login, ServerClient, ServerError
from operator_console.client.credentials import InsecureKeyring, TokenVault
from operator_console.client.embedded import DEMO_PASSWORD, DEMO_USER, EmbeddedServer
from operator_console.client.sync_worker import SyncReport, SyncWorker
from operator_console.domain.messages import Language
from operator_console.gui import settings as S
from operator_console.gui.tasks import TaskRunner
from operator_console.store.case_store import CaseStore

log = logging.getLogger(__name__)


class Connection(QObject):
    reported = Signal(object)
    """A :class:`SyncReport` after each pass of the worker (on the GUI thread)."""
    login_needed = Signal(str)
    """The server wants a (new) login; the reason, in the operator's language (may be empty)."""
    changed = Signal()
    """Logged in or out, another server, the demo up or failed: the status bar says it again."""

    def __init__(
        self,
        store: CaseStore,
        runner: TaskRunner,
        settings: S.Settings,
        language: Language,
        *,
        vault: Callable[[], TokenVault] = TokenVault.system,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._runner, self._settings, self._language = store, runner, settings, language
        self._vault_factory = vault
        self._vault: TokenVault | None = None
        self.keyring_problem: InsecureKeyring | None = None
        self.worker: SyncWorker | None = None
        self.url = settings.get(S.SERVER_URL)
        self.username = settings.get(S.SERVER_USER)
        self.logged_in = False
        self.demo: EmbeddedServer | None = None
        self.problem = ""
        """Why there is no connection at all (a bad address, the demo server failed), or ''."""
        self.last_report: SyncReport | None = None
        self._asked_login = False
        self.reported.connect(self._note)

    # what the window asks -------------------------------------------------------------------------
    @property
    def configured(self) -> bool:
        return bool(self.url) or self.demo is not None

    def operator(self, fallback: str) -> str:
        """The name stamped on a case: the server account when there is one, else ``fallback``."""
        return self.username if self.configured and self.username else fallback

    def start(self) -> None:
        """Open the configured server with the token kept in the keyring, or ask for a login."""
        if not self.url:
            return
        url, user = self.url, self.username
        self._runner.run(lambda: self._kept_token(url, user), self._use_kept_token)

    def reconfigure(self) -> None:
        """The server address was changed in the settings: that server, with its own login."""
        url = self._settings.get(S.SERVER_URL)
        if self.demo is not None or url == self.url:
            return
        if self.worker is not None:
            old, self.worker = self.worker, None
            self._runner.run(old.stop)
        self.url, self.logged_in, self.last_report, self._asked_login = url, False, None, False
        self.changed.emit()
        self.start()

    def start_demo(self, server: EmbeddedServer) -> None:
        """Start the embedded demo server and log in to it with the demo operator's account."""
        self.demo, self.url, self.username = server, server.url, DEMO_USER
        server.start()
        self.changed.emit()

        def up_and_login() -> Login:
            server.wait_until_up()
            client = ServerClient(server.url, language=self._language)
            try:
                return client.login(DEMO_USER, DEMO_PASSWORD)
            finally:
                client.close()

        self._runner.run(up_and_login, self._demo_ready, self._demo_failed)

    def login(
        self,
        url: str,
        username: str,
        password: str,
        on_success: Callable[[], None],
        on_failure: Callable[[BaseException], None],
    ) -> Future[Login]:
        """Log in on a worker; ``on_failure`` gets a :class:`ServerError` or a ``ValueError`` (a bad
        address). On success the worker sends with the new token and the keyring keeps it."""

        def call() -> Login:
            client = ServerClient(url, ca_bundle=self._ca_bundle(), language=self._language)
            try:
                return client.login(username, password)
            finally:
                client.close()

        def done(session: Login) -> None:
            self._logged_in(url, session)
            on_success()

        return self._runner.run(call, done, on_failure)

    def logout(self) -> None:
        """Forget the token (keyring and server); what waits in the outbox waits for the next login."""
        if self.worker is None:
            return
        token, url, user = self.worker.client.token, self.url, self.username
        self.worker.set_token(None)
        self.logged_in = False
        self._asked_login = True  # the operator chose this: no dialog pops up for it

        def revoke() -> None:
            if self._vault is not None:
                self._vault.forget(url, user)
            if token:
                client = ServerClient(url, ca_bundle=self._ca_bundle(), language=self._language, token=token)
                try:
                    client.logout()
                except ServerError:
                    pass  # offline: the token expires on its own on the server
                finally:
                    client.close()

        self._runner.run(revoke)
        self.changed.emit()

    def wake(self, *, follow_now: bool = False) -> None:
        if self.worker is not None:
            self.worker.wake(follow_now=follow_now)

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        if self.demo is not None:
            self.demo.stop()

    # inside ---------------------------------------------------------------------------------------
    def _ca_bundle(self) -> str | None:
        return self._settings.get(S.CA_BUNDLE) or None

    def _open(self, url: str, token: str | None = None) -> bool:
        """A worker for this server (the one before it, if another, is stopped)."""
        if self.worker is not None:
            if self.worker.client.base_url == url.rstrip("/"):
                if token:
                    self.worker.set_token(token)
                return True
            old = self.worker
            self._runner.run(old.stop)
            self.worker = None
        try:
            client = ServerClient(
                url,
                ca_bundle=self._ca_bundle(),
                language=self._language,
                token=token,
                read_timeout=float(self._settings.get(S.READ_TIMEOUT_S)),
            )
        except ValueError:
            self.problem = self.tr("The server address is not valid (it must start with https://).")
            self.changed.emit()
            return False
        self.problem = ""
        self.worker = SyncWorker(
            self._store,
            client,
            by=self.username or "console",
            console_id=self._console_id(),
            version=__version__,
            on_report=self.reported.emit,  # from the worker's thread: queued to the GUI thread
        )
        self.worker.start()
        return True

    def _console_id(self) -> str:
        known = self._settings.get(S.CONSOLE_ID)
        if not known:
            known = uuid.uuid4().hex
            self._settings.set(S.CONSOLE_ID, known)
        return known

    def _kept_token(self, url: str, user: str) -> str | None:
        try:
            self._vault = self._vault_factory()
        except InsecureKeyring as problem:
            self.keyring_problem = problem
            log.warning("no OS keyring: %s", problem.for_it())
            return None
        return self._vault.load(url, user) if user else None

    def _use_kept_token(self, token: str | None) -> None:
        # The worker starts only now: without the kept token, its first pass would ask for a login.
        if not self._open(self.url, token) or self.worker is None:
            return
        if token:
            self.worker.by = self.username
            self.logged_in = True
            self.changed.emit()
        else:
            self._ask_login("")

    def _logged_in(self, url: str, session: Login) -> None:
        self.url, self.username = url, session.username
        if self.demo is None:
            self._settings.set(S.SERVER_URL, url)
            self._settings.set(S.SERVER_USER, session.username)
            self._settings.sync()
        if self._open(url, session.token) and self.worker is not None:
            self.worker.by = session.username
            self.worker.set_token(session.token)
        self.logged_in = True
        self._asked_login = False
        self.changed.emit()
        if self.demo is None:
            vault, token = self._vault, session.token

            def keep() -> None:
                if vault is not None:
                    vault.save(url, session.username, token)

            self._runner.run(keep)

    def _demo_ready(self, session: Login) -> None:
        assert self.demo is not None
        self._logged_in(self.demo.url, session)

    def _demo_failed(self, error: BaseException) -> None:
        log.error("demo server failed: %s", type(error).__name__)
        self.problem = self.tr("The demo server did not start: %1").replace("%1", str(error))
        self.changed.emit()

    def _note(self, report: SyncReport) -> None:
        self.last_report = report
        if report.needs_login:
            if self.logged_in:
                self.logged_in = False
                self.changed.emit()
            self._ask_login(report.reason)

    def _ask_login(self, reason: str) -> None:
        if not self._asked_login:
            self._asked_login = True
            self.login_needed.emit(reason)
