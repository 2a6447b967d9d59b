"""Cold start: from launching the console to the cursor blinking in the phone field.

    python benchmarks/startup.py [--runs 5] [--store PATH]

Starts the real console N times as a new process (offscreen) on a store (by default a new one;
``--store`` for a big one), and times, from outside, the moment the process says its phone field
has the focus. The first run is the coldest (nothing in the file cache yet).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from operator_console.gui.shell import main as entry

def report():
    app = QApplication.instance()
    for window in app.topLevelWidgets():
        form = getattr(window, "form", None)
        if form is not None and window.isVisible() and window.focusWidget() is form.ui.phoneEdit:
            print("ready", flush=True)
            QTimer.singleShot(0, app.quit)
            return
    QTimer.singleShot(5, report)

QTimer.singleShot(0, report)
sys.exit(entry.main(["--db", sys.argv[1]]))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "console.sqlite3"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPERATOR_CONSOLE_DATA": tmp}
        for _ in range(args.runs):
            started = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(store)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            timings.append((time.perf_counter() - started) * 1000)
            child.wait(timeout=30)
            assert line.strip() == b"ready", line
    median = statistics.median(timings)
    first = timings[0]
    runs = len(timings)
    print(f"cold start to a focused phone field: first {first:.0f} ms, median {median:.0f} ms ({runs} runs)")


if __name__ == "__main__":
    main()
