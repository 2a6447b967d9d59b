"""The embedded demo server: the reference server as a child process of the console, on loopback.

``operator-console --demo`` shows the whole loop with no configuration: this module starts
``operator-console-server --demo`` (its own SQLite file in the user's data folder, the published
demo accounts, a few hundred realistic cases) on 127.0.0.1 and a free port, waits until it
answers, and stops it when the console quits. It runs the server as a separate process, not
inside the console's: the console's layers never import the server (a contract), its startup and
its database stay out of the window's process, and a crash of either side leaves the other whole.
The child watches its parent (``--exit-with-parent``): a killed console leaves no server behind.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from operator_console.paths import private_folder

SERVER_MODULE = "operator_console.server.cli"
DEMO_USER = "operator1"
DEMO_PASSWORD = "demo1022"  # published in the README: a demo server never holds real cases
START_TIMEOUT_S = 90.0


class EmbeddedServerFailed(Exception):
    """The demo server did not start; the message says why (for the operator and IT)."""


def server_installed() -> bool:
    """Whether the server's dependencies (the ``server`` extra) are installed here."""
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class EmbeddedServer:
    data_dir: Path
    port: int = field(default_factory=free_port)
    _process: subprocess.Popen[bytes] | None = None
    _stopped: bool = False
    # start() runs on a thread of its own, stop() on the GUI thread: one or the other, never a
    # server started just after the console's stop looked for it.
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "demo-server.log"

    def start(self) -> None:
        """Start the child (returns at once; :meth:`wait_until_up` waits for it, off the GUI thread)."""
        private_folder(self.data_dir)
        database = self.data_dir / "demo-server.sqlite3"
        command = [
            sys.executable,
            "-m",
            SERVER_MODULE,
            "--database-url",
            f"sqlite:///{database}",
            "serve",
            "--demo",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "--exit-with-parent",
            str(os.getpid()),
        ]
        with self._lock, self.log_path.open("ab") as log:
            if self._stopped:  # the console stopped before this thread got here
                raise EmbeddedServerFailed("the console is stopping")
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env={**os.environ, "OPERATOR_CONSOLE_DATA": str(self.data_dir)},
            )

    def wait_until_up(self, timeout: float = START_TIMEOUT_S) -> None:
        """Block (on a worker thread) until the server answers ``/info``, or raise why it did not."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                raise EmbeddedServerFailed(f"the demo server stopped at start; see {self.log_path}")
            try:
                if requests.get(f"{self.url}/api/v1/info", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise EmbeddedServerFailed(
            f"the demo server did not answer within {timeout:.0f} s; see {self.log_path}"
        )

    def stop(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._stopped = True
            process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
