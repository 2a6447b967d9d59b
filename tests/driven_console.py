"""The console as a process, from outside: its environment of its own (data folder, settings,
machine file), driven by ``tests/console_driver.py``, and a central server that never answers.
Used by the tests that signal a console (``test_stopping.py``, ``test_workstation.py``) and by
``benchmarks/bench_stop.py``."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from operator_console.gui.shell import settings as S
from tests.console_driver import SERVER_ENV


def isolated_env(tmp_path: Path, machine: Path | None = None) -> dict[str, str]:
    """A console process with its own data folder, user settings and machine file."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OPERATOR_CONSOLE_DATA": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the user's settings file, if anything wrote one
        S.MACHINE_CONFIG_ENV: str(machine or tmp_path / "no-machine-file.ini"),
    }


CEILING_S = 120  # only for a console that never reaches the state or never ends: a failure, not a timing


class SilentServer:
    """A central server that takes each connection, reads the request and never answers (hung behind
    a load balancer, a half-dead database): what a console must never wait for at its stop."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.requests: list[str] = []
        self._arrived = threading.Condition()
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self._held.append(connection)  # kept open, never answered
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection: socket.socket) -> None:
        try:
            first = connection.recv(65536)
        except OSError:
            return
        with self._arrived:
            self.requests.append(first.split(b"\r\n", 1)[0].decode("latin-1"))
            self._arrived.notify_all()

    def wait_for(self, words: str, process: subprocess.Popen[str]) -> None:
        """Until a request line with ``words`` has arrived (the console is waiting for its answer)."""
        deadline = time.monotonic() + CEILING_S
        with self._arrived:
            while not any(words in line for line in self.requests):
                assert process.poll() is None, "the console ended before it asked the server"
                assert time.monotonic() < deadline, f"no request with {words!r}: {self.requests}"
                self._arrived.wait(0.5)

    def close(self) -> None:
        self._listener.close()
        for connection in self._held:
            connection.close()


class DrivenConsole:
    """The console under ``tests/console_driver.py``, its ``state: …`` lines read as they come."""

    def __init__(self, tmp_path: Path, scenario: str, server: SilentServer | None = None) -> None:
        self.data = tmp_path / "data"
        machine = tmp_path / "operator-console.ini"
        env = isolated_env(tmp_path, machine)
        if server is not None:
            # A long read timeout, as IT may set for a slow link: a stop that waited for the
            # answer would wait 300 s, far past the watchdog, and the test would see exit 1.
            machine.write_text(f"[server]\nurl={server.url}\nread_timeout_s=300\n", encoding="utf-8")
            env[SERVER_ENV] = server.url
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.console_driver", scenario],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.strip())

    def wait_for_state(self, state: str) -> None:
        deadline = time.monotonic() + CEILING_S
        while True:
            try:
                line = self._lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"the console ended before {state!r}"
                assert time.monotonic() < deadline, f"the console never said {state!r}"
                continue
            assert not line.startswith("state: driver failed"), line
            if line.startswith(f"state: {state}"):
                return

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=CEILING_S)

    def log(self) -> str:
        return (self.data / "logs" / "console.log").read_text(encoding="utf-8")

    def fatal_log(self) -> str:
        path = self.data / "crash" / "fatal.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def kill(self) -> None:
        """Whatever happened, no console left running and its pipe closed."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self._reader.join()
        assert self.process.stdout is not None
        self.process.stdout.close()
