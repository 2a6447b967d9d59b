"""A real central server on 127.0.0.1 for the tests: its own database, test accounts, real HTTP.

The server runs as a child process (``operator-console-server serve``), exactly as an admin starts
it. The database is prepared first, through the same service functions the admin commands use:
one account per role, a second unit handler in another unit, a channel key and an exchange key.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from operator_console.server import accounts
from operator_console.server.db import migrate, open_engine, session_factory, transaction
from operator_console.server.schemas import UserIn

PASSWORD = "test-password-1022"
UNIT_A = "ubnd-26740"  # Phường Sài Gòn
UNIT_B = "ubnd-27004"  # Phường Tân Bình
RoleName = Literal["operator", "supervisor", "unit", "monitor", "admin"]  # UserIn.role
USERS: dict[str, tuple[str, RoleName, str | None]] = {
    "operator": ("op", "operator", None),
    "operator2": ("op2", "operator", None),
    "supervisor": ("sup", "supervisor", None),
    "unit": ("unit-a", "unit", UNIT_A),
    "unit_b": ("unit-b", "unit", UNIT_B),
    "monitor": ("mon", "monitor", None),
    "admin": ("adm", "admin", None),
}
POSTGRES_VARIABLE = "OPERATOR_CONSOLE_TEST_POSTGRES"
"""A PostgreSQL URL whose role may create databases; the server tests then run on it too."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_VARIABLE) or None


def fresh_database(backend: str, folder: Path) -> str:
    """The URL of a new, empty database on ``backend``."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'server.sqlite3'}"
    admin_url = postgres_url()
    assert admin_url, f"{POSTGRES_VARIABLE} is not set"
    name = f"oc_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    admin_url = postgres_url()
    assert admin_url
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    # An autovacuum worker may be on the new database; a role that is not a superuser cannot end
    # it, so wait for it to finish. A database left behind is only a test's leftover.
    for _attempt in range(20):
        try:
            with engine.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
            break
        except (OperationalError, ProgrammingError):
            time.sleep(0.5)
    engine.dispose()


def prepare(url: str) -> dict[str, str]:
    """Schema, shipped units, test accounts and keys; the keys' secrets."""
    engine = open_engine(url)
    migrate(engine)
    factory = session_factory(engine)
    now = datetime.now(UTC)
    with transaction(factory) as session:
        accounts.seed_units(session)
    with transaction(factory) as session:
        for username, role, unit in USERS.values():
            accounts.create_user(
                session, UserIn(username=username, password=PASSWORD, role=role, unit_code=unit), now
            )
        keys = {
            # The web form's and the Zalo bot's backends read back in full what they posted; the
            # app's key sits in the app (posts, and reads what is public).
            "web": accounts.create_client_key(session, "web-form", "channel", "web", now, full_reads=True),
            "zalo": accounts.create_client_key(session, "zalo-bot", "channel", "zalo", now, full_reads=True),
            "app": accounts.create_client_key(session, "city-app", "channel", "app", now),
            "exchange": accounts.create_client_key(session, "pbx-1", "exchange", None, now),
        }
    engine.dispose()
    return keys


@dataclass
class Server:
    url: str
    database_url: str
    backend: str
    keys: dict[str, str]
    process: subprocess.Popen[bytes]
    log_path: Path
    rules_path: Path
    _tokens: dict[str, str] = field(default_factory=dict)

    def api(self, path: str) -> str:
        return f"{self.url}/api/v1{path}"

    def token(self, who: str) -> str:
        if who not in self._tokens:
            username = USERS[who][0]
            answer = requests.post(
                self.api("/auth/token"), data={"username": username, "password": PASSWORD}, timeout=30
            )
            answer.raise_for_status()
            self._tokens[who] = answer.json()["access_token"]
        return self._tokens[who]

    def token_for(self, username: str, password: str) -> str:
        answer = requests.post(
            self.api("/auth/token"), data={"username": username, "password": password}, timeout=30
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])

    def session(self, who: str) -> requests.Session:
        http = requests.Session()
        http.headers["Authorization"] = f"Bearer {self.token(who)}"
        return http

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_server(
    backend: str,
    folder: Path,
    *,
    extra_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    database_url: str | None = None,
    prepared: bool = False,
    port: int | None = None,
) -> Iterator[Server]:
    """A server on ``database_url`` (a new database by default), prepared by :func:`prepare` unless
    ``prepared`` says it was already; on ``port`` (a free one by default)."""
    folder.mkdir(parents=True, exist_ok=True)
    url = database_url or fresh_database(backend, folder)
    keys = {} if prepared else prepare(url)
    port = port or free_port()
    log_path = folder / "server.log"
    rules = folder / "routing_rules.json"
    command = [
        sys.executable,
        "-m",
        "operator_console.server.cli",
        "--database-url",
        url,
        "serve",
        "--port",
        str(port),
        "--routing-rules",
        str(rules),
        *extra_args,
    ]
    environment = os.environ | {"OPERATOR_CONSOLE_DATA": str(folder / "data")} | (env or {})
    with log_path.open("ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
    server = Server(f"http://127.0.0.1:{port}", url, backend, keys, process, log_path, rules)
    try:
        wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if database_url is None:
            drop_database(url)


def wait_until_up(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server stopped at start:\n{server.log()}")
        try:
            if requests.get(server.api("/health"), timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer in {timeout} s:\n{server.log()}")


def new_case(**fields: Any) -> dict[str, Any]:
    """A valid case body in the interchange format, as a console sends it."""
    body: dict[str, Any] = {
        "received_at": "2026-11-25T09:15:00+07:00",
        "channel": "phone",
        "caller_phone": "0903 123 456",
        "caller_name": "Nguyễn Thị Mai",
        "address": "12/3 Lê Văn Sỹ",
        "ward": "Phường Sài Gòn",
        "category": "essential_supplies",
        "household_size": 4,
        "description": "Gia đình hết gạo",
    }
    body.update(fields)
    return body


def key() -> str:
    return str(uuid.uuid4())


@contextmanager
def answering(
    body: bytes,
    status: int = 200,
    *,
    asked: threading.Event | None = None,
    release: threading.Event | None = None,
) -> Iterator[str]:
    """A server on 127.0.0.1 that answers every GET and POST with ``body`` (JSON) and ``status``:
    it sets ``asked`` when a request has come, and answers once ``release`` is set (at once when
    none is given), so that a test decides when the answer arrives, not a pause."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if asked is not None:
                asked.set()
            if release is not None:
                release.wait(120)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        if release is not None:
            release.set()
        httpd.shutdown()
        httpd.server_close()
