"""How fast the case list's search answers (Ctrl+F), on a store of 100,000 cases.

    python benchmarks/bench_case_list.py [--cases N] [--no-write]

Each word typed matches the start of a word of a name or a street (folded: no diacritics), two
LIKE patterns per key per word; the list asks for its first page (200 newest). The figures are
the median and slowest of 20 runs of each search, on a store filled from the sample generator.
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

from generate_cases import rows as generated_rows
from readme import machine, today, write_section

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import build_case
from operator_console.domain.interchange import draft_from_row
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.store.case_store import CaseFilter, CaseStore

SEARCHES = ("tran", "tran thi hoa", "nguyen van", "le van sy", "hoa")
RUNS = 20


def main() -> None:
    count = int(sys.argv[sys.argv.index("--cases") + 1]) if "--cases" in sys.argv else 100_000
    gazetteer, taxonomy, now = default_gazetteer(), default_taxonomy(), datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        store = CaseStore(Path(folder) / "list.sqlite3")
        store.import_cases(
            build_case(draft_from_row(r), gazetteer=gazetteer, taxonomy=taxonomy, now=now)
            for r in generated_rows(count, seed=7)
        )
        lines = []
        for words in SEARCHES:
            times, found = [], 0
            for _ in range(RUNS):
                started = time.perf_counter()
                found = len(store.list_cases(CaseFilter(text=words), limit=200))
                times.append((time.perf_counter() - started) * 1000)
            lines.append(f"| `{words}` | {found} | {statistics.median(times):.1f} ms | {max(times):.1f} ms |")
            print(lines[-1])
        store.close()
    if "--no-write" not in sys.argv:
        write_section(
            "bench_case_list",
            f"Last run, {today()}, {machine()}, {count:,} cases in the store:\n\n"
            "| search | cases on the first page (of 200) | median | slowest |\n"
            "| --- | --- | --- | --- |\n" + "\n".join(lines),
        )


if __name__ == "__main__":
    main()
