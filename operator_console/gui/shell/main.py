"""``operator-console``: start the operator's console, or hand a call to the one already running."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from operator_console import __version__
from operator_console.client.embedded import EmbeddedServer, server_installed
from operator_console.crash import crash_folder, write_crash_report
from operator_console.domain.messages import LANGUAGES
from operator_console.gui.shell import settings as S
from operator_console.gui.shell.app import build_console
from operator_console.gui.shell.crash_guard import CrashGuard
from operator_console.gui.shell.main_window import MainWindow
from operator_console.gui.shell.single_instance import Handover, InstanceServer, hand_over, socket_name
from operator_console.logs import close_logging, setup_logging
from operator_console.paths import APP_AUTHOR, APP_NAME, data_dir, default_store_path, open_private, resource
from operator_console.versions import build

log = logging.getLogger("operator_console")
# app.exit() code of "restart the console" (the crash dialog): main() starts it again once closed.
RESTART = 75


def build_parser() -> argparse.ArgumentParser:
    # No abbreviations: the restart drops --incoming-call by its whole name.
    parser = argparse.ArgumentParser(
        prog="operator-console", description="1022 Operator Console", allow_abbrev=False
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version, the build and the data's versions; exit"
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation (forms, translations, data, store); print one line; exit 0 if fine",
    )
    parser.add_argument(
        "--db", type=Path, default=None, help="local store file (default: in the user's data folder)"
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="interface language (default: settings, vi)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo server (published demo accounts, sample cases) and log in to it",
    )
    parser.add_argument(
        "--incoming-call",
        metavar="NUMBER",
        help="caller ID: open a new intake with this number in the console already running (or start one)",
    )
    return parser


class _VersionAction(argparse.Action):
    """``--version``: several lines (build and data versions), computed only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from operator_console.versions import version_report

        print(version_report())
        parser.exit()


def _attach_console() -> None:
    """The Windows bundle is a windowed program (no console of its own): ``--version`` and
    ``--self-check`` write to the command prompt that started it, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        # Both live as long as the process.
        sys.stdout = Path("CONOUT$").open("w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = Path("CONOUT$").open("w", encoding="utf-8")  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    if {"--version", "--self-check", "--help", "-h"} & set(argv if argv is not None else sys.argv[1:]):
        _attach_console()  # only what prints: a console attached for good would close with its window
    args = build_parser().parse_args(argv)
    if args.self_check and sys.platform.startswith("linux"):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # IT checking over SSH
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "operator-console.png"))))
    app.setDesktopFileName(APP_NAME)  # Wayland and the task bar match the window to the launcher
    if args.self_check:
        return _self_check(app)
    data = data_dir()
    name = socket_name(data)
    message = {"incoming_call": args.incoming_call} if args.incoming_call else {"activate": True}
    handed = hand_over(name, message)
    if handed is Handover.DELIVERED:
        return 0  # the running console took it
    if handed is Handover.REFUSED:
        print(
            "operator-console: the console running here is logged in to an account that takes no "
            "calls (a monitor's); the call was not taken.",
            file=sys.stderr,
        )
        return 3
    if handed is Handover.NO_ANSWER:
        print(
            "operator-console: the running console does not answer; try again in a moment.", file=sys.stderr
        )
        return 1
    demo: EmbeddedServer | None = None
    store_path = args.db or default_store_path()
    if args.demo:
        if not server_installed():
            print(
                "operator-console: --demo needs the server's packages: "
                "pip install 'operator-console[server]' (from a clone: pip install -e '.[server]')",
                file=sys.stderr,
            )
            return 2
        # The demo's cases stay apart from real ones: a store and a server database of their own.
        demo = EmbeddedServer(data / "demo")
        store_path = args.db or demo.data_dir / "console.sqlite3"
    server = InstanceServer(name)
    started: list[MainWindow] = []
    guard = CrashGuard(
        data,
        lambda: started[0].keep_draft_now() if started else None,
        lambda: started[0] if started else None,
    )
    try:
        # Before anything is logged or built: a SIGTERM while the window is built ends it cleanly too.
        _quit_on_sigterm(app)
        machine = S.MachineConfig.read()
        qsettings = S.user_settings()
        settings = S.Settings(qsettings, machine)
        setup_logging(data, settings.get(S.LOG_LEVEL))
        qInstallMessageHandler(_qt_message)
        log.info(
            "console %s (%s) starting; machine file %s%s; server configured: %s",
            __version__,
            build().describe(),
            "read" if machine.found else "absent",
            " (locked by IT)" if settings.locked_by_it else "",
            bool(settings.get(S.SERVER_URL)) or args.demo,
        )
        if machine.problem:
            log.warning("configuration: the machine file cannot be read: %s", machine.problem)
        for problem in S.configuration_problems(settings):
            log.warning("configuration: %s", problem)
        # The hooks before anything else can fail: a fault while the window is built is reported too.
        guard.restart_requested.connect(lambda: app.exit(RESTART))
        guard.install()
        _record_hard_faults(data)
        console = build_console(app, store_path, qsettings, args.lang, demo=demo, machine=machine)
    except Exception as error:  # the console cannot run: say so on screen, and why in the report
        guard.uninstall()
        _could_not_start(data, error)
        _signals_handled()
        server.close()
        close_logging()
        return 1
    window = console.window
    started.append(window)
    serve_handovers(server, window)
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1500, screen.width()), min(920, screen.height()))
    window.show()
    if args.incoming_call:
        window.incoming_call(args.incoming_call)
    code = 0
    _READY.set()
    try:
        code = app.exec()
    finally:
        server.close()
        console.shutdown()
        _signals_handled()  # stopped in time: the watchdog stands down
        guard.uninstall()
        log.info("console stopped (%s)", "restarting" if code == RESTART else f"exit {code}")
        close_logging()
    if code == RESTART and not _SIGNALLED.is_set():  # a session ending wants no new console
        _start_again(argv if argv is not None else sys.argv[1:])
        return 0
    return code


def _could_not_start(data: Path, error: Exception) -> None:
    """Said on screen whatever else fails (the data folder not writable: no log, no report)."""
    log.critical("the console could not start", exc_info=error)
    try:
        report: str = str(
            write_crash_report(data, type(error), error, error.__traceback__, thread="MainThread")
        )
    except Exception as failure:  # the message box below must come all the same
        report = f"- ({type(failure).__name__})"
    QMessageBox.critical(
        None,
        QCoreApplication.translate("main", "1022 Operator Console"),
        QCoreApplication.translate(
            "main",
            "The console could not start. Nothing on this computer was deleted. Tell IT, with this"
            " report (it holds no personal data): %1",
        ).replace("%1", report),
    )


def _record_hard_faults(data: Path) -> None:
    """A crash Python cannot catch (inside Qt, a segmentation fault): its Python frames, and only
    those, to ``crash/fatal.log``, so IT has a trace where there would be nothing."""
    path = crash_folder(data) / "fatal.log"
    if path.exists() and path.stat().st_size > FATAL_LOG_BYTES:
        path.replace(path.with_name("fatal.log.1"))  # one older file kept, never an endless one
    _FATAL.append(open_private(path, "a"))  # open for the life of the process
    faulthandler.enable(file=_FATAL[-1])


_FATAL: list[TextIO] = []
FATAL_LOG_BYTES = 1_000_000


class _Stopper(QObject):
    """Carries a SIGTERM from the thread that hears it to the GUI thread (a queued signal: the
    stopper lives in the GUI thread, the emitter does not)."""

    requested = Signal(bool)  # early: before the window's event loop ran

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.requested.connect(self._stop, Qt.ConnectionType.QueuedConnection)

    @Slot(bool)
    def _stop(self, early: bool) -> None:
        log.info("SIGTERM: stopping%s", " before the console was ready" if early else "")
        self._app.exit(0)


# The longest a stop may take once asked for (the budget is 5 s from the signal). Everything
# the console waits for at quit is bounded below it (``Console.shutdown``); this is the last resort.
STOP_LIMIT_S = 4.0
_READY = threading.Event()  # set when the window's event loop is about to run
_SIGNALLED = threading.Event()  # a SIGTERM or SIGINT came


def _quit_on_sigterm(app: QApplication) -> None:
    """A session that logs out (or a service manager) sends SIGTERM; Ctrl+C in a terminal sends
    SIGINT: close like Ctrl+Q, so the draft is kept and the store closed, within seconds whatever
    the console is doing.

    Why it once did not: ``app.quit()`` is a no-op outside ``app.exec()`` (the "could not start"
    box runs before it, so a console showing it ran on after SIGTERM), Qt 6 lets a window refuse
    it, and a login or the demo server's start on the task pool held the exit for a whole read
    timeout. Now:

    - Python's C-level handler writes the signal's number to a socket at once (``set_wakeup_fd``),
      whatever the GUI thread is doing; a thread of its own reads it, so nothing waits for the GUI
      thread to run Python again (a Python-level handler runs only between bytecodes).
    - That thread arms a watchdog in C (``faulthandler``): should the stop still be running
      ``STOP_LIMIT_S`` later, the stacks of every thread go to ``crash/fatal.log`` for IT and the
      process ends with exit 1. A stop that finished in time disarms it (``_signals_handled``).
    - The GUI thread then calls ``app.exit(0)``, which ends every event loop, nested ones (a
      dialog's ``exec()``, a message box shown before the window) included; no window can veto it.
      A signal that comes before the loop runs is queued and ends the loop as soon as it starts.

    Where the socket pair cannot be made (security software on Windows may refuse the loopback
    connection it is built on), the console still starts, with the plain handler of old."""
    stopper = _Stopper(app)
    try:
        heard, wakeup = socket.socketpair()
        wakeup.setblocking(False)  # the C handler must never block
        # The socket before the handlers: a signal between the two would otherwise be lost.
        signal.set_wakeup_fd(wakeup.fileno(), warn_on_full_buffer=False)
    except (OSError, ValueError) as error:
        log.warning("SIGTERM: no wakeup socket (%s); stopping on the GUI thread's next tick", error)
        _plain_handler(app, stopper)
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _signum, _frame: None)  # the thread below acts
    _KEEP.extend((heard, wakeup))
    threading.Thread(target=_hear_signals, args=(heard, stopper), name="signals", daemon=True).start()


_KEEP: list[object] = []  # the socket pair lives as long as the process


def _plain_handler(app: QApplication, stopper: _Stopper) -> None:
    def stop(_signum: int, _frame: object) -> None:
        _SIGNALLED.set()
        stopper.requested.emit(not _READY.is_set())

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    ticker = QTimer(app)  # Python runs its handlers only between bytecodes: give it some
    ticker.timeout.connect(lambda: None)
    ticker.start(500)


def _hear_signals(heard: socket.socket, stopper: _Stopper) -> None:
    while True:
        try:
            received = heard.recv(64)
        except OSError:
            return
        if not received:
            return
        if not {signal.SIGTERM.value, signal.SIGINT.value} & set(received):
            continue
        if not _SIGNALLED.is_set():
            _SIGNALLED.set()
            _arm_watchdog()
        stopper.requested.emit(not _READY.is_set())


def _arm_watchdog() -> None:
    target = _FATAL[-1] if _FATAL else sys.stderr
    if target is None:
        return  # a windowed program on Windows with no log folder: nowhere to write the stacks
    try:
        faulthandler.dump_traceback_later(STOP_LIMIT_S, exit=True, file=target)
    except (ValueError, RuntimeError, OSError, AttributeError):
        log.warning("SIGTERM: no watchdog for the stop (no file for it)")


def _signals_handled() -> None:
    """The console has stopped (or never started): the watchdog stands down, and a signal from
    now on ends the process at once (there is nothing left to close, and no stopper to ask)."""
    faulthandler.cancel_dump_traceback_later()
    if threading.current_thread() is not threading.main_thread():
        return
    try:
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL)
    except (OSError, ValueError):
        pass


def _start_again(argv: Sequence[str]) -> None:
    """The same console again, as a new process (the draft and the queue are on disk by now)."""
    subprocess.Popen(
        relaunch_command(restart_arguments(argv)),
        start_new_session=True,  # not a child of this one: it outlives it
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # a windowed program: its messages go to its log file
    )


def restart_arguments(argv: Sequence[str]) -> list[str]:
    """The options to start again with; not ``--incoming-call``: that call is in the restored draft."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--incoming-call":
            skip = True
        elif not arg.startswith("--incoming-call="):
            kept.append(arg)
    return kept


def relaunch_command(argv: Sequence[str]) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, *argv]  # the bundle's own executable
    return [sys.executable, "-m", "operator_console.gui.shell.main", *argv]


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log (masked like every line), not to a console nobody reads."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def _self_check(app: QApplication) -> int:
    from operator_console.gui.shell.self_check import SelfCheckFailed, run_self_check

    # The offscreen platform's chatter (no window manager to ask) is not a finding.
    qInstallMessageHandler(
        lambda kind, _context, message: (
            print(message, file=sys.stderr)
            if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
            else None
        )
    )

    try:
        print(run_self_check(app), flush=True)
    except SelfCheckFailed as failure:
        print(f"operator-console self-check FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    return 0


def serve_handovers(server: InstanceServer, window: MainWindow) -> None:
    """What a second start hands over (a caller ID, "come to the front") goes to this window; a call
    is refused, with its own exit code, where the account takes no calls."""
    server.judge = lambda message: window.takes_calls or "incoming_call" not in message
    server.message.connect(lambda message: _handle(window, message))


def _handle(window: MainWindow, message: dict[str, object]) -> None:
    number = message.get("incoming_call")
    if isinstance(number, str):
        window.incoming_call(number)
    else:
        window.showNormal()
        window.raise_()
        window.activateWindow()


if __name__ == "__main__":
    sys.exit(main())
