"""``operator-console``: start the operator's console, or hand a call to the one already running."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from operator_console import __version__
from operator_console.client.embedded import EmbeddedServer, server_installed
from operator_console.domain.messages import LANGUAGES
from operator_console.gui.app import build_console
from operator_console.gui.single_instance import Handover, InstanceServer, hand_over, socket_name
from operator_console.paths import APP_AUTHOR, APP_NAME, data_dir, default_store_path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="operator-console", description="1022 Operator Console")
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
    _attach_console()
    args = build_parser().parse_args(argv)
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    if args.self_check:
        return _self_check(app)
    name = socket_name(data_dir())
    message = {"incoming_call": args.incoming_call} if args.incoming_call else {"activate": True}
    handed = hand_over(name, message)
    if handed is Handover.DELIVERED:
        return 0  # the running console took it
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
        demo = EmbeddedServer(data_dir() / "demo")
        store_path = args.db or demo.data_dir / "console.sqlite3"
    server = InstanceServer(name)
    qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)
    console = build_console(app, store_path, qsettings, args.lang, demo=demo)
    window = console.window
    server.message.connect(lambda m: _handle(window, m))
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1500, screen.width()), min(920, screen.height()))
    window.show()
    if args.incoming_call:
        window.incoming_call(args.incoming_call)
    try:
        return app.exec()
    finally:
        server.close()
        console.shutdown()


def _self_check(app: QApplication) -> int:
    from operator_console.gui.self_check import SelfCheckFailed, run_self_check

    try:
        print(run_self_check(app), flush=True)
    except SelfCheckFailed as failure:
        print(f"operator-console self-check FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    return 0


def _handle(window: object, message: dict[str, object]) -> None:
    from operator_console.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    number = message.get("incoming_call")
    if isinstance(number, str):
        window.incoming_call(number)
    else:
        window.showNormal()
        window.raise_()
        window.activateWindow()


if __name__ == "__main__":
    sys.exit(main())
