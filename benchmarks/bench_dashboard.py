"""The supervisor's dashboard against a server holding a million cases: does its refresh ever freeze
the window?

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_dashboard.py [--rows 1000000] [--seconds 60]

1. A database filled as ``bench_server.py`` fills it (``--rows`` cases over a year, 10 % open,
   170 units), the real server on it, and a busy desk on top: 40 consoles' heartbeats and a day
   of calls, so that every table and chart has rows.
2. The dashboard, built as the console builds it, refreshing from that server every second
   (five times its normal pace) for ``--seconds``, while a timer on the GUI thread that should tick
   every 5 ms records the gaps between its ticks (what a supervisor feels as a frozen window): the
   99th percentile and the longest. The first figures (tables and charts built, columns sized) are
   timed on their own, before the timer starts.
3. The GUI thread's share of one refresh, measured alone: ``show_figures`` plus a full repaint of
   the dashboard (more than a refresh repaints: the worst case), 50 times over the server's real
   figures: median, 95th percentile, longest.

A frame at 60 Hz is 16.7 ms. Prints Markdown table rows for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_server import fill

from operator_console.client.api import ServerClient
from operator_console.client.queue_figures import QueueFigures
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.dashboard.page import Dashboard
from operator_console.gui.shell.i18n import install_translator
from operator_console.gui.shell.tasks import TaskRunner
from operator_console.server.db import open_engine
from operator_console.server.models import CallRow, HeartbeatRow
from tests.server.harness import drop_database, fresh_database, prepare, running_server

FRAME_MS = 1000 / 60


def busy_desk(url: str, consoles: int = 40) -> None:
    """Forty consoles on shift and a day of calls (about 3,000), straight into the tables."""
    engine = open_engine(url)
    now = datetime.now(UTC)
    beats = [
        {
            "console_id": f"desk-{i}",
            "username": f"op{i}",
            "operator": f"Tổng đài viên {i}",
            "version": "bench",
            "outbox_size": i % 3,
            "oldest_waiting_s": 20 * (i % 3) or None,
            "seen_at": now,
        }
        for i in range(consoles)
    ]
    calls = []
    for i in range(3000):
        started = now - timedelta(seconds=i * 28)
        answered = started + timedelta(seconds=5 + i % 40) if i % 15 else None
        calls.append(
            {
                "exchange": "bench",
                "call_id": f"c{i}",
                "direction": "in",
                "from_phone": "",
                "to_number": "1022",
                "started_at": started,
                "answered_at": answered,
                "ended_at": (answered or started) + timedelta(seconds=90) if i > 10 else None,
                "operator": f"op{i % consoles}" if answered else None,
                "ringing": "",
                "cause": "",
            }
        )
    with engine.begin() as connection:
        connection.execute(insert(HeartbeatRow), beats)
        connection.execute(insert(CallRow), calls)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    install_translator(app, "vi")
    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(args.backend, Path(folder))
        prepare(url)
        started = time.perf_counter()
        fill(url, args.rows)
        busy_desk(url)
        print(f"  filled {args.rows:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
        try:
            with running_server(args.backend, Path(folder) / "s", database_url=url, prepared=True) as server:
                token = server.token("supervisor")
                runner = TaskRunner()

                def reader() -> ServerClient:
                    return ServerClient(server.url, token=token)

                dashboard = Dashboard(runner, reader, default_taxonomy(), "vi")
                dashboard.resize(1500, 860)
                dashboard.show()
                dashboard.poller.set_interval(1000)
                # The first figures build the tables and charts (columns sized, axes laid out): timed
                # on their own; the meter then watches the refreshes that follow.
                first_ms: list[float] = []
                original = dashboard.show_figures

                def timed_first(figures: QueueFigures) -> None:
                    began = time.perf_counter()
                    original(figures)
                    app.processEvents()
                    if not first_ms:
                        first_ms.append((time.perf_counter() - began) * 1000)

                dashboard.poller.updated.disconnect(dashboard.show_figures)
                dashboard.poller.updated.connect(timed_first)
                dashboard.poller.start()
                while not first_ms:
                    app.processEvents()
                    time.sleep(0.001)
                gaps: list[float] = []
                last = time.monotonic()

                def tick() -> None:
                    nonlocal last
                    now = time.monotonic()
                    gaps.append((now - last) * 1000)
                    last = now

                meter = QTimer()
                meter.setInterval(5)
                meter.timeout.connect(tick)
                meter.start()
                refreshes = 0

                def counted(_figures: object) -> None:
                    nonlocal refreshes
                    refreshes += 1

                dashboard.poller.updated.connect(counted)
                stop = time.monotonic() + args.seconds
                while time.monotonic() < stop:
                    app.processEvents()
                    time.sleep(0.001)
                meter.stop()
                dashboard.poller.stop()
                gaps.sort()
                longest, p99 = gaps[-1], gaps[int(len(gaps) * 0.99) - 1]
                fetch_ms = dashboard.poller.last_took_s * 1000
                figures = dashboard.figures
                assert figures is not None, "no figures arrived"
                times = []
                for _ in range(50):
                    began = time.perf_counter()
                    dashboard.show_figures(figures)
                    dashboard.repaint()
                    app.processEvents()
                    times.append((time.perf_counter() - began) * 1000)
                times.sort()
                runner.shutdown()
                print(
                    f"| {args.backend} | {args.rows:,} | {refreshes} refreshes in {args.seconds:.0f} s "
                    f"(last fetch {fetch_ms:.0f} ms) | first figures shown in {first_ms[0]:.1f} ms | "
                    f"GUI gaps (5 ms timer) p99 {p99:.1f} ms, longest {longest:.1f} ms | "
                    f"show + repaint median {statistics.median(times):.1f} ms, p95 "
                    f"{times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms |",
                    flush=True,
                )
                print(
                    f"  units {len(figures.backlog_by_unit)}, wards {len(figures.backlog_by_ward)}, "
                    f"operators {len(figures.operators)}, frame {FRAME_MS:.1f} ms",
                    flush=True,
                )
        finally:
            drop_database(url)


if __name__ == "__main__":
    main()
