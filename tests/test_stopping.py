"""What a session logging out (or a service manager, or IT) sees: SIGTERM ends the console within
seconds whatever it is doing, and it ends it the clean way (the draft kept, the store closed, exit 0)
wherever that is possible.

Each test runs the real console as a process (``tests/console_driver.py`` plays the operator's
hands) and signals it once it is in the state the test names, known from the console itself or from
the test's server, never from a pause. The one bound in time, the 4 s watchdog, is the console's own
(``gui/shell/main.py``); ``benchmarks/bench_stop.py`` measures how long each stop takes.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.driven_console import CEILING_S, DrivenConsole, SilentServer
from tests.test_workstation import _start_console, _wait_until_it_answers

pytestmark = pytest.mark.gui

SYNC_WORKER_REQUEST = "GET /api/v1/changes"  # the worker's first request with nothing to send: the feed


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    server = SilentServer()
    yield server
    server.close()


def assert_stopped_cleanly(console: DrivenConsole, code: int) -> None:
    assert code == 0
    log = console.log()
    assert "SIGTERM: stopping" in log and "console stopped (exit 0)" in log
    assert "Timeout" not in console.fatal_log()  # the watchdog never had to act


def test_sigterm_with_a_dialog_open_ends_its_loop_and_the_console(tmp_path: Path) -> None:
    """The keys' sheet open (a dialog's own event loop): no window may veto the stop."""
    console = DrivenConsole(tmp_path, "dialog")
    try:
        console.wait_for_state("dialog open (CheatSheet)")
        assert_stopped_cleanly(console, console.terminate())
    finally:
        console.kill()


def test_sigterm_while_a_login_waits_for_a_server_that_never_answers(
    tmp_path: Path, silent_server: SilentServer
) -> None:
    """The defect behind the console that ran on after SIGTERM: the login ran on the task pool,
    which the stop finished, so the stop waited a whole read timeout for a server's answer."""
    console = DrivenConsole(tmp_path, "login", silent_server)
    try:
        console.wait_for_state("login sent")
        silent_server.wait_for("POST /api/v1/auth/token", console.process)
        assert_stopped_cleanly(console, console.terminate())
    finally:
        console.kill()


def test_sigterm_while_the_sync_worker_waits_for_a_hung_server(
    tmp_path: Path, silent_server: SilentServer
) -> None:
    """A token kept: the worker's request and the role's are out, unanswered, when the signal comes."""
    console = DrivenConsole(tmp_path, "syncing", silent_server)
    try:
        console.wait_for_state("window up")
        # The worker's own request (the role's, on a thread of its own, would not prove it).
        silent_server.wait_for(SYNC_WORKER_REQUEST, console.process)
        assert_stopped_cleanly(console, console.terminate())
    finally:
        console.kill()


def test_sigterm_while_the_could_not_start_box_waits_for_ok(tmp_path: Path) -> None:
    """The box comes before the window's loop runs: ``app.quit()`` did nothing there, and a console
    that could not start stayed on screen after SIGTERM. Its exit code is still "could not start"."""
    data = tmp_path / "data"
    (data / "console.sqlite3").mkdir(parents=True)  # a store this user cannot open
    console = _start_console(tmp_path)
    try:
        _wait_until_it_answers(tmp_path, console)  # the box's loop is running
        console.send_signal(signal.SIGTERM)
        assert console.wait(timeout=CEILING_S) == 1
    finally:
        console.kill()
        console.wait()
    log = (data / "logs" / "console.log").read_text(encoding="utf-8")
    assert "the console could not start" in log
    assert "SIGTERM: stopping before the console was ready" in log
    fatal = data / "crash" / "fatal.log"
    assert "Timeout" not in (fatal.read_text(encoding="utf-8") if fatal.exists() else "")


def test_a_stop_that_hangs_is_ended_by_the_watchdog_with_its_stacks_for_it(tmp_path: Path) -> None:
    """The last resort: whatever holds the stop (here the stop itself), the process ends on its own,
    with exit 1 and every thread's stack in ``crash/fatal.log`` (names and lines, no values)."""
    console = DrivenConsole(tmp_path, "hung-stop")
    try:
        console.wait_for_state("window up")
        console.process.send_signal(signal.SIGTERM)
        console.wait_for_state("stopping")  # the stop has begun, and hangs
        assert console.process.wait(timeout=CEILING_S) == 1
    finally:
        console.kill()
    fatal = console.fatal_log()
    assert "Timeout (0:00:04)!" in fatal
    assert "in shutdown" in fatal and "console_driver.py" in fatal
    assert "console stopped" not in console.log()
