"""Import benchmark: N generated rows through ``operator-console-admin import`` into a fresh store.

    python benchmarks/bench_import.py [--rows 1000000]

Generates ``benchmarks/data/cases-<N>.csv`` once (see generate_cases.py), imports it into a new
store in a temporary folder with the real command, imports it a second time (everything skipped),
and prints the figures as a Markdown table row for benchmarks/README.md. Target: 1,000,000 rows in
under 2 minutes on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    data = HERE / "data" / f"cases-{args.rows}.csv"
    if not data.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate_cases.py"), str(args.rows), str(data)], check=True
        )
    admin = [sys.executable, "-m", "operator_console.admin"]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        timings = []
        for _ in range(2):
            started = time.perf_counter()
            subprocess.run(
                [*admin, "import", "--db", str(db), str(data), "--quiet", "--lang", "en"], check=True
            )
            timings.append(time.perf_counter() - started)
        size_mb = db.stat().st_size / 1e6
    first, second = timings
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"
    rate = f"{args.rows / first:,.0f} rows/s"
    cells = [
        date.today().isoformat(),
        machine,
        f"{args.rows:,}",
        f"{first:.1f} s ({rate})",
        f"{second:.1f} s",
    ]
    cells.append(f"{size_mb:,.0f} MB")
    print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
