"""Outbox benchmark: how fast a console's queue drains into the local server, and save-to-sent time.

    python benchmarks/bench_outbox.py [--cases 500]

A real server (SQLite, ``--workers 2``) and a real console store on this machine: ``--cases``
cases are saved while the server is "away" (nothing drains), then one drain sends them all, in
order, each with its idempotency key and its answer written back locally (cases per second).
Then 50 single cases, each saved and drained at once: the time from the save's commit to the
case carrying the server's number (the console's part of "Ctrl+Enter to sent", without the GUI).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from operator_console.client.api import ServerClient
from operator_console.client.outbox_worker import drain
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox
from tests.server.harness import PASSWORD, running_server
from tests.server.test_outbox import a_case


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=500)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        running_server("sqlite", Path(folder) / "server", extra_args=("--workers", "2")) as server,
    ):
        store = CaseStore(Path(folder) / "console.sqlite3")
        outbox = Outbox(store.engine)
        client = ServerClient(server.url)
        client.login("op", PASSWORD)
        for i in range(args.cases):
            store.add_case(a_case(f"Người {i}"))
        started = time.perf_counter()
        report = drain(store, outbox, client, by="op")
        elapsed = time.perf_counter() - started
        assert report.sent == args.cases, report
        print(f"| drain {args.cases} waiting cases | {args.cases / elapsed:.0f} cases/s | {elapsed:.1f} s |")
        latencies = []
        for i in range(50):
            case = a_case(f"Ca đơn {i}")
            store.add_case(case)
            started = time.perf_counter()
            drain(store, outbox, client, by="op")
            latencies.append((time.perf_counter() - started) * 1000)
            local = store.get_case(case.id)
            assert local is not None and local.case_number
        latencies.sort()
        median = statistics.median(latencies)
        print(f"| save to sent, one case | median {median:.1f} ms | max {latencies[-1]:.1f} ms |")


if __name__ == "__main__":
    main()
