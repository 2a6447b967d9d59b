"""The window against the server: Ctrl+Enter to "sent", and the GUI thread's longest stall.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_console_sync.py [--calls 100] [--hang-s 40]

1. A real server (SQLite) and the real window with a real store on this machine. For each of
   ``--calls`` calls the form is filled (as typed: the fields' own handlers run) and Ctrl+Enter is
   pressed; the clock runs from the key to the banner reading *Đã gửi: hồ sơ 1022-…* (the server's
   number and unit on screen, read back from the local store). Median, p95, max.
2. A server that accepts connections and never answers, and the window's default read timeout
   (15 s): for ``--hang-s`` seconds a call is saved every 2 s while the worker hangs on the server
   and times out, again and again. A 5 ms timer on the GUI thread records the longest gap between
   its ticks (what an operator would feel as a frozen window), and the same is measured with no
   server configured at all, as the baseline of the window's own work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from operator_console.client.credentials import SERVICE
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.app import Console, build_console
from tests.keyring_stand_in import MemoryKeyring
from tests.server.harness import PASSWORD, running_server
from tests.stall import StallMeter


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.001)


def open_console(app: QApplication, folder: Path, url: str, token: str) -> Console:
    folder.mkdir(parents=True, exist_ok=True)
    if url:
        keyring.get_keyring().set_password(SERVICE, f"{url}|op", token)
    qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(S.SERVER_URL.key, url)
    qsettings.setValue(S.SERVER_USER.key, "op" if url else "")
    console = build_console(app, folder / "console.sqlite3", qsettings, "vi")
    console.window.show()
    console.window.activateWindow()
    wait_until(app, console.window.isActiveWindow)
    return console


def enter_and_save(console: Console, i: int) -> None:
    ui = console.window.form.ui
    ui.phoneEdit.setFocus()
    QTest.keyClicks(ui.phoneEdit, f"0903{i:06d}")
    ui.callerNameEdit.setText(f"Nguyen Van {i}")
    ui.wardEdit.setText("Phường Sài Gòn")
    ui.categoryCombo.setFocus()
    QTest.keyClicks(ui.categoryCombo, "1")
    QTest.keyClick(console.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def ctrl_enter_to_sent(app: QApplication, folder: Path, calls: int) -> list[float]:
    with running_server("sqlite", folder / "server") as server:
        console = open_console(app, folder / "console", server.url, server.token_for("op", PASSWORD))
        banner = console.window.saved_banner
        wait_until(app, lambda: "đã kết nối" in console.window.connection_label.text())
        times = []
        for i in range(calls):
            wait_until(app, console.window.form.is_blank)
            started = time.perf_counter()
            enter_and_save(console, i)
            wait_until(app, lambda: banner.text().startswith("Đã gửi: hồ sơ 1022-"))
            times.append((time.perf_counter() - started) * 1000)
        console.shutdown()
    return times


class _Hang(BaseHTTPRequestHandler):
    release = threading.Event()

    def _hang(self) -> None:
        self.release.wait(600)

    do_GET = do_POST = _hang

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def hanging_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hang)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Hang.release.set()
        httpd.shutdown()
        httpd.server_close()


def longest_stall(app: QApplication, folder: Path, url: str, seconds: float) -> tuple[float, int]:
    console = open_console(app, folder, url, "token")
    meter = StallMeter()
    meter.start()
    saved = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        wait_until(app, console.window.form.is_blank)
        enter_and_save(console, saved)
        saved += 1
        pause = time.monotonic() + 2
        wait_until(app, lambda: time.monotonic() >= pause)  # noqa: B023 - read at once
    stalled = meter.stop()
    console.shutdown()
    return stalled, saved


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--hang-s", type=float, default=40.0)
    args = parser.parse_args()
    app = QApplication([])
    keyring.set_keyring(MemoryKeyring())  # no OS keyring runs on this headless machine
    with tempfile.TemporaryDirectory() as folder:
        times = sorted(ctrl_enter_to_sent(app, Path(folder) / "loop", args.calls))
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"| Ctrl+Enter to sent, {args.calls} calls | median {statistics.median(times):.0f} ms, "
            f"p95 {p95:.0f} ms, max {times[-1]:.0f} ms |"
        )
        with hanging_server() as url:
            stalled, saved = longest_stall(app, Path(folder) / "hang", url, args.hang_s)
        hang = f"server hangs {args.hang_s:.0f} s"
        print(f"| longest GUI stall, {hang}, {saved} saves | {stalled * 1000:.0f} ms |")
        stalled, saved = longest_stall(app, Path(folder) / "alone", "", args.hang_s)
        print(f"| longest GUI stall, no server, {saved} saves | {stalled * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
