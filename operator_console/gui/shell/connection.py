"""The window's handle on the central server: login, logout, the sync worker and its reports.

A service, not a widget: it owns the :class:`~operator_console.client.sync_worker.SyncWorker`
(its own thread), turns its reports into a Qt signal (queued to the GUI thread), and runs the
slow parts (a login, the keyring, starting the demo server) through the task runner, so the
window never waits on the network or on the keyring's D-Bus.

Login and the keyring: the token is kept in the OS keyring under the server and the user; the
user name and server address in the settings. At start, a kept token is used without asking; the
first 401 from the server (expired, revoked) asks again. Where there is no real OS keyring, the
token lives in memory only and the operator types the password at each start (and is told why).
Keyring reads and writes go through the runner's one database lane: they stay in order (a logout
right after a login forgets the token the login kept), and never on the GUI thread.

Reports are stamped with the worker and its token's generation: a pass that began before a login,
a logout or a change of server reports into the void, so it cannot undo what the operator just did.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal

from operator_console import __version__
from operator_console.client.api import Account, Login, ServerClient, ServerError
from operator_console.client.credentials import InsecureKeyring, TokenVault
from operator_console.client.embedded import DEMO_PASSWORD, DEMO_USER, EmbeddedServer
from operator_console.client.sync_worker import SyncReport, SyncWorker
from operator_console.domain.messages import Language
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.store.case_store import CaseStore

log = logging.getLogger(__name__)


def _same_server(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")


class Connection(QObject):
    reported = Signal(object)
    """A :class:`SyncReport` after each pass (on the GUI thread); :attr:`last_report` holds the
    latest one of the current worker and login, the one to believe about the connection."""
    login_needed = Signal(str)
    """The server wants a (new) login; the reason, in the operator's language (may be empty)."""
    changed = Signal()
    """Logged in or out, another server, the demo up or failed: the status bar says it again."""
    _from_worker = Signal(object)

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
        self._store, self._runner, self._settings = store, runner, settings
        self.language: Language = language
        self._vault_factory = vault
        self._vault: TokenVault | None = None
        self._vault_lock = threading.Lock()
        self.keyring_problem: InsecureKeyring | None = None
        self.worker: SyncWorker | None = None
        self.url = settings.get(S.SERVER_URL)
        self.username = settings.get(S.SERVER_USER)
        self.logged_in = False
        self.account = Account()
        """The account's role, unit and duties on the server (role '' until known): supervisors and
        monitors get the dashboard, a unit's focal point its worklist, the triage duty the desk."""
        self.demo: EmbeddedServer | None = None
        self.problem = ""
        """Why there is no connection at all (a bad address, the demo server failed), or ''."""
        self.last_report: SyncReport | None = None
        self._asked_login = False
        self._asking_role = False
        self._from_worker.connect(self._note)

    # what the window asks -------------------------------------------------------------------------
    @property
    def role(self) -> str:
        """The account's role on the server ('' until known)."""
        return self.account.role

    @property
    def configured(self) -> bool:
        return bool(self.url) or self.demo is not None

    @property
    def server_locked(self) -> bool:
        """IT's configuration fixes the server address: the login dialog does not offer another."""
        return self._settings.locked(S.SERVER_URL)

    def operator(self, fallback: str) -> str:
        """The name stamped on a case: the server account when there is one, else ``fallback``."""
        return self.username if self.configured and self.username else fallback

    def new_reader(self) -> ServerClient | None:
        """A client of its own for reads off the GUI thread (the dashboard, a drill-down), with the
        current login; None when not logged in. ``requests`` sessions are not shared across threads."""
        if not self.logged_in or self.worker is None or not self.worker.client.token:
            return None
        return self._client(self.worker.client.base_url, self.worker.client.token)

    def start(self) -> None:
        """Open the configured server with the token kept in the keyring, or ask for a login."""
        if not self.url:
            return
        url, user = self.url, self.username
        self._runner.run_keyring(lambda: self._kept_token(url, user), self._use_kept_token, owner=self)

    def reconfigure(self) -> None:
        """The server address was changed in the settings: that server, with its own login."""
        url = self._settings.get(S.SERVER_URL)
        if self.demo is not None or _same_server(url, self.url):
            return
        self._retire_worker()
        self.url, self.logged_in, self.last_report, self._asked_login = url, False, None, False
        self.account = Account()
        self.changed.emit()
        self.start()

    def start_demo(self, server: EmbeddedServer) -> None:
        """Start the embedded demo server and log in to it with the demo operator's account."""
        self.demo, self.url, self.username = server, server.url, DEMO_USER

        def up_and_login() -> Login:
            server.start()
            server.wait_until_up()
            client = ServerClient(server.url, language=self.language)
            try:
                return client.login(DEMO_USER, DEMO_PASSWORD)
            finally:
                client.close()

        self.changed.emit()
        # Not a pool task: the start may take a minute on a busy machine, and a quit never waits
        # for it (the child server watches this process and goes with it).
        self._runner.run_network(up_and_login, self._demo_ready, self._demo_failed, owner=self)

    def login(
        self,
        url: str,
        username: str,
        password: str,
        on_success: Callable[[], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Log in on a network thread (a server that never answers holds no quit); ``on_failure``
        gets a :class:`ServerError` or a ``ValueError`` (a bad address). On success the worker
        sends with the new token and the keyring keeps it."""
        settings = self._connection_settings()  # through IT's proxy, as everything else

        def call() -> Login:
            client = ServerClient(url, **settings)
            try:
                return client.login(username, password)
            finally:
                client.close()

        def done(session: Login) -> None:
            self._logged_in(url, session)
            on_success()

        self._runner.run_network(call, done, on_failure, owner=self)

    def logout(self) -> None:
        """Forget the token (keyring and server); what waits in the outbox waits for the next login."""
        if self.worker is None:
            return
        token, url, user = self.worker.client.token, self.url, self.username
        settings = self._connection_settings()
        self.worker.set_token(None)
        self.logged_in, self.account = False, Account()
        self._settings.set(S.SERVER_ROLE, "")
        self._asked_login = True  # the operator chose this: no dialog pops up for it

        def forget() -> None:
            vault = self._vault_or_none()
            if vault is not None:
                vault.forget(url, user)

        def revoke() -> None:
            client = ServerClient(url, token=token, **settings)
            try:
                client.logout()
            except ServerError:
                pass  # offline: the token expires on its own on the server
            finally:
                client.close()

        self._runner.run_keyring(forget, owner=self)
        if token:
            self._runner.run_network(revoke, owner=self)
        self.changed.emit()

    def wake(self, *, follow_now: bool = False) -> None:
        """A save (send now), or the operator's F5 (also read the feed and retry what waits, now)."""
        if self.worker is not None:
            self.worker.wake(follow_now=follow_now, retry_now=follow_now)

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.stop(timeout=1.0)
        if self.demo is not None:
            self.demo.stop(timeout=2.0)

    # inside ---------------------------------------------------------------------------------------
    def _ca_bundle(self) -> str | None:
        return self._settings.get(S.CA_BUNDLE) or None

    def _client(self, url: str, token: str | None) -> ServerClient:
        """A client with this workstation's connection settings (CA bundle, read timeout, proxy)."""
        return ServerClient(url, token=token, **self._connection_settings())

    def _connection_settings(self) -> dict[str, Any]:
        """Read on the GUI thread (the settings are not the workers' to read)."""
        return {
            "ca_bundle": self._ca_bundle(),
            "language": self.language,
            "read_timeout": float(self._settings.get(S.READ_TIMEOUT_S)),
            "proxy": self._settings.get(S.PROXY) or None,
        }

    def _retire_worker(self) -> SyncWorker | None:
        """Stop the current worker without waiting for it (the next one waits, on its own thread)."""
        old, self.worker = self.worker, None
        if old is not None:
            threading.Thread(target=old.stop, kwargs={"timeout": 3600.0}, daemon=True).start()
        return old

    def _open(self, url: str, token: str | None = None) -> bool:
        """A worker for this server (the one before it, if for another server, is retired)."""
        if self.worker is not None and _same_server(self.worker.client.base_url, url):
            if token:
                self.worker.set_token(token)
            return True
        try:
            client = self._client(url, token)
        except ValueError:
            self.problem = self.tr("The server address is not valid (it must start with https://).")
            self.changed.emit()
            return False
        self.problem = ""
        old = self._retire_worker()
        made: list[SyncWorker] = []
        worker = SyncWorker(
            self._store,
            client,
            by=self.username or "console",
            console_id=self._console_id(),
            version=__version__,
            # From the worker's thread: queued to the GUI thread, with who sent it.
            on_report=lambda report: self._from_worker.emit((made[0], report)),
            after=old,  # never two workers draining the same outbox
            window=timedelta(days=min(max(self._settings.get(S.REPLICA_DAYS), 7), 365)),
        )
        made.append(worker)
        self.worker = worker
        worker.start()
        return True

    def _console_id(self) -> str:
        known = self._settings.get(S.CONSOLE_ID)
        if not known:
            known = uuid.uuid4().hex
            self._settings.set(S.CONSOLE_ID, known)
        return known

    def _vault_or_none(self) -> TokenVault | None:
        """The OS keyring, looked up once (off the GUI thread); None where there is no real one."""
        with self._vault_lock:
            if self._vault is None and self.keyring_problem is None:
                try:
                    self._vault = self._vault_factory()
                except InsecureKeyring as problem:
                    self.keyring_problem = problem
                    log.warning("no OS keyring: %s", problem.for_it())
            return self._vault

    def _kept_token(self, url: str, user: str) -> str | None:
        vault = self._vault_or_none()
        return vault.load(url, user) if vault is not None and user else None

    def _use_kept_token(self, token: str | None) -> None:
        if self.demo is not None or self.logged_in:
            return  # a login (or the demo) came first
        # The worker starts only now: without the kept token, its first pass would ask for a login.
        if not self._open(self.url, token) or self.worker is None:
            return
        if token:
            self.worker.by = self.username
            self.logged_in = True
            self.account = Account.from_text(self._settings.get(S.SERVER_ROLE))  # until the server says it
            self.changed.emit()
            self._learn_role()
        else:
            self._ask_login("")

    def _logged_in(self, url: str, session: Login) -> None:
        self.url, self.username = url, session.username
        if self.demo is None:
            self._settings.keep(S.SERVER_URL, url)  # not pinned when it is IT's address
            self._settings.set(S.SERVER_USER, session.username)
            self._settings.set(S.SERVER_ROLE, session.account.as_text())
            self._settings.sync()
        if self._open(url, session.token) and self.worker is not None:
            self.worker.by = session.username
        self.logged_in, self.account = True, session.account
        self._asked_login = False
        self.last_report = None  # what was known of the old login no longer holds
        self.changed.emit()
        if self.demo is None:
            token = session.token

            def keep() -> None:
                vault = self._vault_or_none()
                if vault is not None:
                    vault.save(url, session.username, token)

            self._runner.run_keyring(keep, owner=self)

    def _learn_role(self) -> None:
        """A kept token does not say its role: ask the server (a role unknown shows no dashboard)."""
        reader = self.new_reader()
        if reader is None or self._asking_role:
            return
        self._asking_role = True
        asked_with = reader.token

        def ask() -> Account:
            try:
                return reader.me()
            finally:
                reader.close()

        def learned(account: Account) -> None:
            self._asking_role = False
            if self.worker is None or self.worker.client.token != asked_with:
                return  # another login since: its own role holds
            if self.demo is None:
                self._settings.set(S.SERVER_ROLE, account.as_text())
            if self.logged_in and account != self.account:
                self.account = account
                self.changed.emit()

        def unknown(error: BaseException) -> None:
            self._asking_role = False
            log.info("the account's role is not known yet: %s", type(error).__name__)

        self._runner.run_network(ask, learned, unknown, owner=self)

    def _demo_ready(self, session: Login) -> None:
        assert self.demo is not None
        self._logged_in(self.demo.url, session)

    def _demo_failed(self, error: BaseException) -> None:
        log.error("demo server failed: %s", type(error).__name__)
        self.problem = self.tr("The demo server did not start: %1").replace("%1", str(error))
        self.changed.emit()

    def _note(self, delivery: tuple[SyncWorker, SyncReport]) -> None:
        worker, report = delivery
        if worker is not self.worker or report.generation != worker.generation:
            # From before a login, a logout or another server: what it says of the connection is
            # stale, but what it sent and brought in is true (the list and the banner follow it).
            self.reported.emit(report)
            return
        self.last_report = report
        if report.online and self.logged_in and not self.account.role:
            self._learn_role()  # the server was down when the kept token was first used
        if report.needs_login:
            if self.logged_in:
                self.logged_in = False
                self.changed.emit()
            self._ask_login(report.reason)
        self.reported.emit(report)

    def _ask_login(self, reason: str) -> None:
        if not self._asked_login:
            self._asked_login = True
            self.login_needed.emit(reason)
