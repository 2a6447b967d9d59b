"""Import benchmark: N generated rows through ``operator-console-admin import`` into a fresh store.

    python benchmarks/bench_import.py [--rows 1000000]

Generates ``benchmarks/data/cases-<N>.csv`` once (see generate_cases.py), imports it into a new
store in a temporary folder with the real command, imports it a second time (everything skipped),
and writes the figures into benchmarks/README.md (section ``bench_import``): the whole first import,
its two phases (the rows loaded; the search indexes built at the end, timed from the command's own
"building the search indexes" line), the second import, the store's size. Target: 1,000,000 rows
in under 2 minutes on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from readme import machine, today, write_section

HERE = Path(__file__).resolve().parent


def timed_import(db: Path, data: Path) -> tuple[float, float | None]:
    """Seconds for the whole command, and the seconds since it said it builds the indexes."""
    command = [sys.executable, "-m", "operator_console.admin", "import", "--db", str(db), str(data)]
    started = time.perf_counter()
    indexing_from = None
    # Not a terminal: the command writes a line per 100,000 rows, and one when it builds the indexes.
    with subprocess.Popen([*command, "--lang", "en"], stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("Building the search indexes"):
                indexing_from = time.perf_counter()
    if process.returncode != 0:
        raise SystemExit(f"the import failed ({process.returncode})")
    ended = time.perf_counter()
    return ended - started, (ended - indexing_from) if indexing_from is not None else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    data = HERE / "data" / f"cases-{args.rows}.csv"
    if not data.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate_cases.py"), str(args.rows), str(data)], check=True
        )
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        first, indexing = timed_import(db, data)
        second, _ = timed_import(db, data)
        size_mb = db.stat().st_size / 1e6
    phases = f"rows {first - indexing:.1f} s, indexes {indexing:.1f} s" if indexing is not None else "–"
    row = [
        f"{args.rows:,}",
        f"**{first:.1f} s** ({args.rows / first:,.0f} rows/s)",
        phases,
        f"{second:.1f} s",
        f"{size_mb:,.0f} MB",
    ]
    section = (
        f"Last run, {today()}, {machine()}:\n\n"
        "| rows | first import, into an empty store | its phases | the same file again (all skipped) "
        "| store size |\n| --- | --- | --- | --- | --- |\n| " + " | ".join(row) + " |"
    )
    write_section("bench_import", section)
    print(section)


if __name__ == "__main__":
    main()
