"""How fast the case list's search answers (Ctrl+F), on stores of 100,000 and 1,000,000 cases.

    python benchmarks/bench_case_list.py [--cases N[,N…]] [--no-write]

Each word typed matches the start of a word of a name or a street (folded: no diacritics). When
few cases hold every word (``case_store.few_hits``), the words' index (store migration 0010) gives them;
else the folded keys are scanned newest first (two LIKE patterns per key per word). The list asks
for its first page (200 newest). The figures are the median and slowest of 20 runs of each
search, on a store filled from the sample generator; "index" or "scan" says which way answered.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from filled_store import fill
from readme import machine, today, write_section

from operator_console.domain.text import fold_words
from operator_console.store.case_store import (
    NEWEST_WINDOW,
    WINDOW_PER_ROW,
    CaseFilter,
    CaseStore,
    few_hits,
)

SEARCHES = ("tran", "tran thi hoa", "nguyen van", "le van sy", "hoa")
RUNS = 20


def main() -> None:
    given = sys.argv[sys.argv.index("--cases") + 1] if "--cases" in sys.argv else "100000,1000000"
    sizes = [int(n) for n in given.split(",")]
    lines = []
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            store = CaseStore(Path(folder) / "list.sqlite3")
            fill(store, count, seed=7)  # a batch at a time, as the importer writes
            for words in SEARCHES:
                cap = few_hits(count, 200)
                if among_newest(store, words) >= 200:
                    way = "newest"
                else:
                    way = "index" if holding(store, words, cap) <= cap else "scan"
                times, found = [], 0
                for _ in range(RUNS):
                    started = time.perf_counter()
                    found = len(store.list_cases(CaseFilter(text=words), limit=200))
                    times.append((time.perf_counter() - started) * 1000)
                lines.append(
                    f"| {count:,} | `{words}` | {found} | {way} | {statistics.median(times):.1f} ms "
                    f"| {max(times):.1f} ms |"
                )
                print(lines[-1], flush=True)
            store.close()
    if "--no-write" not in sys.argv:
        write_section(
            "bench_case_list",
            f"Last run, {today()}, {machine()}:\n\n"
            "| cases in the store | search | first page (of 200) | answered by | median | slowest |\n"
            "| --- | --- | --- | --- | --- | --- |\n" + "\n".join(lines),
        )


def among_newest(store: CaseStore, words: str) -> int:
    """How many of the newest cases the search looks at first hold every word."""
    window = max(NEWEST_WINDOW, 200 * WINDOW_PER_ROW)
    starts = " AND ".join(
        "((' ' || name_key) LIKE ? OR (' ' || street_key) LIKE ?)" for _ in fold_words(words)
    )
    query = (
        f"SELECT count(*) FROM cases WHERE received_at >= (SELECT received_at FROM cases "
        f"ORDER BY received_at DESC LIMIT 1 OFFSET ?) AND {starts}"
    )
    patterns = [p for w in fold_words(words) for p in (f"% {w}%", f"% {w}%")]
    with store.engine.connect() as connection:
        return int(connection.exec_driver_sql(query, (window - 1, *patterns)).scalar_one())


def holding(store: CaseStore, words: str, cap: int) -> int:
    """How many cases hold every word (up to one more than the list reads through the index)."""
    match = " AND ".join(f'"{w}"*' for w in fold_words(words))
    with store.engine.connect() as connection:
        query = "SELECT count(*) FROM (SELECT rowid FROM case_words WHERE case_words MATCH ? LIMIT ?)"
        return int(connection.exec_driver_sql(query, (match, cap + 1)).scalar_one())


if __name__ == "__main__":
    main()
