"""How fast a worklist is read from the local store (a unit's open cases, the triage desk), on a
replica of 100,000 and 300,000 cases (the last 90 days of a city in a surge).

    python benchmarks/bench_worklist.py [--cases N[,N…]] [--no-write]

The list is read off the GUI thread after every pass of the sync and after every decision, so its
time is how long a decision takes to show. Each store is filled from the sample generator, then
spread as the server routes: every case at its ward's People's Committee (3 in 100 without a ward
at the triage desk), a third of them closed, and 200 decisions of this desk waiting in the outbox
(laid over the list). The figures are the median and slowest of 20 reads.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from filled_store import fill
from readme import machine, today, write_section

from operator_console.domain.case import Status
from operator_console.domain.changes import make_change
from operator_console.domain.deadlines import default_deadlines
from operator_console.domain.units import triage_codes
from operator_console.store.case_store import CaseStore
from operator_console.store.worklist import Order, worklist

RUNS = 20
OPEN = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS)


def main() -> None:
    given = sys.argv[sys.argv.index("--cases") + 1] if "--cases" in sys.argv else "100000,300000"
    sizes = [int(n) for n in given.split(",")]
    deadlines, lines, now = default_deadlines(), [], datetime.now(UTC)
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            store = CaseStore(Path(folder) / "replica.sqlite3")
            fill(store, count, seed=11)  # a batch at a time, as the importer writes
            with store.engine.begin() as connection:  # as the feed leaves them: routed, some closed
                connection.exec_driver_sql(
                    "UPDATE cases SET server_version = 2, handling_unit = CASE "
                    "WHEN ward_code IS NULL OR rowid % 33 = 0 THEN '1022-triage' "
                    "ELSE 'ubnd-' || ward_code END, status = CASE rowid % 6 "
                    "WHEN 0 THEN 'resolved' WHEN 1 THEN 'not_eligible' WHEN 2 THEN 'accepted' "
                    "ELSE 'dispatched' END"
                )
                busiest, size = connection.exec_driver_sql(
                    "SELECT handling_unit, count(*) FROM cases WHERE handling_unit LIKE 'ubnd-%' "
                    "AND status IN ('dispatched', 'accepted', 'in_progress') "
                    "GROUP BY handling_unit ORDER BY 2 DESC LIMIT 1"
                ).one()
                waiting = [
                    r[0]
                    for r in connection.exec_driver_sql(
                        "SELECT id FROM cases WHERE handling_unit = ? LIMIT 200", (busiest,)
                    )
                ]
            for case_id in waiting:
                store.add_change(case_id, make_change(at=now, status=Status.ACCEPTED, base_version=2), by="b")
            for name, units, statuses, order in (
                (f"a unit's ({size:,} open)", frozenset({busiest}), OPEN, Order.DEADLINE),
                ("the triage desk", triage_codes(), tuple(OPEN), Order.RECEIVED),
            ):
                times, found = [], 0
                for _ in range(RUNS):
                    started = time.perf_counter()
                    found = len(worklist(store.engine, units, statuses, deadlines, order=order))
                    times.append((time.perf_counter() - started) * 1000)
                median, slowest = statistics.median(times), max(times)
                lines.append(f"| {count:,} | {name} | {found:,} | {median:.1f} ms | {slowest:.1f} ms |")
                print(lines[-1], flush=True)
            store.close()
    if "--no-write" not in sys.argv:
        write_section(
            "bench_worklist",
            f"Last run, {today()}, {machine()}:\n\n"
            "| cases in the replica | list | cases listed | median | slowest |\n"
            "| --- | --- | --- | --- | --- |\n" + "\n".join(lines),
        )


if __name__ == "__main__":
    main()
