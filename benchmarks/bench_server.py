"""Central server benchmark: cases created per second, and the supervisor's and replicas' reads at 1M.

    python benchmarks/bench_server.py [--backend sqlite|postgresql] [--rows 1000000] [--seconds 10]

1. Throughput: a fresh server (``--workers 2``: one per core), its clients logged in as
   operators, each client a thread with its own HTTP session sending ``POST /api/v1/cases`` with a
   new Idempotency-Key, back to back, for ``--seconds``; with 1, 10 and 50 clients.
2. Reads at scale: a database filled directly (not through the API, which would take hours) with
   ``--rows`` cases over a year (90 % closed, the rest open, spread over the 170 units) and one
   feed event each, then ``GET /stats/queue`` and ``GET /changes`` (from the start, and from the
   last thousand) timed over 30 calls each: median and 95th percentile.

PostgreSQL: ``OPERATOR_CONSOLE_TEST_POSTGRES`` names a role that may create databases, as for the
tests. Prints Markdown table rows for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from operator_console.domain.case import new_case_id
from operator_console.server.db import open_engine
from operator_console.server.models import CaseEventRow, CaseRow, UnitRow
from tests.server.harness import drop_database, fresh_database, new_case, prepare, running_server

OPEN = ["dispatched", "accepted", "in_progress"]
CLOSED = ["resolved", "resolved", "resolved", "not_eligible", "rejected", "merged"]


def throughput(backend: str, clients: int, seconds: float, workers: int = 2) -> float:
    with (
        tempfile.TemporaryDirectory() as folder,
        running_server(backend, Path(folder), extra_args=("--workers", str(workers))) as server,
    ):
        token = server.token("operator")
        counts = [0] * clients
        stop = time.perf_counter() + seconds

        def client(number: int) -> None:
            http = requests.Session()
            http.headers["Authorization"] = f"Bearer {token}"
            body = new_case(caller_phone=f"0903{number:06d}")
            while time.perf_counter() < stop:
                answer = http.post(
                    server.api("/cases"), json=body, headers={"Idempotency-Key": str(uuid.uuid4())}
                )
                answer.raise_for_status()
                counts[number] += 1

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return sum(counts) / (time.perf_counter() - started)


def fill(url: str, rows: int) -> None:
    """``rows`` cases over the past year and one event each, straight into the tables."""
    engine = open_engine(url)
    with engine.connect() as connection:
        units = [u for (u,) in connection.execute(UnitRow.__table__.select().with_only_columns(UnitRow.code))]
    rng = random.Random(1022)
    now = datetime.now(UTC)
    batch = 20_000
    number = 0
    for start in range(0, rows, batch):
        cases, events = [], []
        for _ in range(min(batch, rows - start)):
            number += 1
            received = now - timedelta(seconds=rng.randrange(365 * 86400))
            status = rng.choice(OPEN) if rng.random() < 0.1 else rng.choice(CLOSED)
            unit = rng.choice(units)
            case_id = new_case_id()
            cases.append(
                {
                    "id": case_id,
                    "case_number": f"1022-B-{number:09d}",
                    "source_key": case_id,
                    "created_by": "op",
                    "received_at": received,
                    "channel": rng.choice(["phone", "phone", "phone", "web", "zalo", "app"]),
                    "category": rng.choice(
                        ["essential_supplies", "essential_supplies/medicine", "policy_support", "other"]
                    ),
                    "status": status,
                    "status_reason": "",
                    "priority": rng.choice(["normal"] * 6 + ["urgent"] * 3 + ["critical"]),
                    "priority_suggested": "normal",
                    "call_duration_s": rng.randrange(20, 120),
                    "operator": "",
                    "caller_phone": f"+8490{rng.randrange(10**7):07d}",
                    "caller_name": "Nguyễn Văn An",
                    "caller_relation": "self",
                    "subject_name": "",
                    "vulnerable": "",
                    "no_food_today": False,
                    "callback_consent": False,
                    "address": "12 Lê Văn Sỹ",
                    "ward_as_said": "",
                    "district_as_said": "",
                    "ward_code": int(unit[5:]) if unit.startswith("ubnd-") else None,
                    "ward_needs_check": False,
                    "landmark": "",
                    "description": "Gia đình hết gạo",
                    "handling_unit": unit,
                    "repeat_count": 0,
                    "created_at": received,
                    "updated_at": received,
                    "closed_at": None if status in OPEN else received,
                }
            )
            events.append(
                {
                    "case_id": case_id,
                    "at": received,
                    "by": "op",
                    "kind": "created",
                    "status": status,
                    "unit": unit,
                    "note": "",
                }
            )
        with engine.begin() as connection:
            connection.execute(insert(CaseRow), cases)
            connection.execute(insert(CaseEventRow), events)
    # What autovacuum does on a live server within minutes: statistics, and on PostgreSQL the
    # visibility map that lets the queue figures be read from the indexes alone.
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    # SQLite: no ANALYZE; nothing runs it on a live server either (the queries name their indexes).
    engine.dispose()


def timed(http: requests.Session, url: str, params: dict[str, int], calls: int = 30) -> tuple[float, float]:
    times = []
    http.get(url, params=params).raise_for_status()  # warm
    for _ in range(calls):
        started = time.perf_counter()
        http.get(url, params=params).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def reads(backend: str, rows: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as folder:
        url = fresh_database(backend, Path(folder))
        prepare(url)
        started = time.perf_counter()
        fill(url, rows)
        print(f"  filled {rows:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
        try:
            with running_server(backend, Path(folder) / "s", database_url=url, prepared=True) as server:
                http = server.session("supervisor")
                last = http.get(server.api("/changes"), params={"after": 0, "limit": 1}).json()
                top = rows + last["items"][0]["seq"]
                return {
                    "GET /stats/queue": timed(http, server.api("/stats/queue"), {}),
                    "GET /changes from the start (500)": timed(
                        http, server.api("/changes"), {"after": 0, "limit": 500}
                    ),
                    "GET /changes, the last 500": timed(
                        http, server.api("/changes"), {"after": top - 500, "limit": 500}
                    ),
                }
        finally:
            drop_database(url)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="sqlite", choices=["sqlite", "postgresql"])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    if not args.skip_throughput:
        for clients in (1, 10, 50):
            rate = throughput(args.backend, clients, args.seconds)
            print(f"| {args.backend} | {clients} | {rate:.0f} cases/s |", flush=True)
    for name, (median, p95) in reads(args.backend, args.rows).items():
        print(f"| {args.backend} | {name} | {args.rows:,} | {median:.1f} ms | {p95:.1f} ms |", flush=True)


if __name__ == "__main__":
    main()
