"""How long the console takes to end after SIGTERM (a session logging out), in each state.

    python benchmarks/bench_stop.py [--runs 5] [--no-write]

Starts the real console as a process N times per state (``tests/console_driver.py`` plays the
operator's hands; the server is one that takes requests and never answers), signals it once the
state is reached, and times, from outside, the signal to the process's end. Budget: 5 s in every
state (issue 18); the console's watchdog ends a stop that takes 4 s.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from readme import machine, today, write_section  # noqa: E402

from tests.driven_console import DrivenConsole, SilentServer  # noqa: E402

STATES = {
    "idle": ("the window up, nothing typed", "window up", None),
    "dialog": ("a dialog open (F1, its own event loop)", "dialog open", None),
    "login": ("a login sent to a server that never answers", "login sent", "POST /api/v1/auth/token"),
    "syncing": (
        "the sync worker waiting for a server that never answers",
        "window up",
        "GET /api/v1/changes",
    ),
    "hung-stop": ("the stop itself hanging (the watchdog ends it)", "window up", None),
}


def one_stop(folder: Path, scenario: str, state: str, request: str | None) -> tuple[float, int]:
    server = SilentServer() if scenario in ("login", "syncing") else None
    console = DrivenConsole(folder, scenario, server)
    try:
        console.wait_for_state(state)
        if server is not None and request is not None:
            server.wait_for(request, console.process)
        started = time.perf_counter()
        console.process.send_signal(signal.SIGTERM)
        code = console.process.wait(timeout=120)
        return time.perf_counter() - started, code
    finally:
        console.kill()
        if server is not None:
            server.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scenario, (words, state, request) in STATES.items():
            times, codes = [], set()
            for run in range(args.runs):
                folder = Path(tmp) / f"{scenario}-{run}"
                folder.mkdir()
                seconds, code = one_stop(folder, scenario, state, request)
                times.append(seconds)
                codes.add(code)
            line = (
                f"| {words} | {statistics.median(times) * 1000:,.0f} ms | {max(times) * 1000:,.0f} ms "
                f"| {', '.join(map(str, sorted(codes)))} |"
            )
            print(line, flush=True)
            rows.append(line)
    if not args.no_write:
        write_section(
            "bench_stop",
            f"Last run, {today()}, {machine()}, {args.runs} runs per state:\n\n"
            "| state when SIGTERM came | median to exit | slowest | exit code |\n"
            "| --- | --- | --- | --- |\n" + "\n".join(rows),
        )


if __name__ == "__main__":
    main()
