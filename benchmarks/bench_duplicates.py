"""Duplicate search benchmark: found or not (labelled later contacts), and how fast, at scale.

    python benchmarks/bench_duplicates.py --cases 100000 [--queries 2000] [--reference 200]

1. A store of ``--cases`` realistic cases (``operator_console.samples``, imported with the real
   ``operator-console-admin import``; kept in ``benchmarks/data/`` for the next run).
2. ``--queries`` labelled drafts (``dedupe_labels.py``): the same need met again in seven ways,
   and three kinds of hard non-duplicates. Each goes through the same ``DuplicateFinder`` as the
   console's panel and ``find-duplicates``.
3. Reported: recall@1 and recall@5 of the true earlier case (duplicates), the share of hard
   non-duplicates given a *likely* candidate, both per kind; median and p95 time per query.
4. The reference: a plain full scan with ``rapidfuzz`` (every case's names against the draft's,
   ``WRatio``, and the phones compared) for ``--reference`` of the queries, timed the same way.
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dedupe_labels import HARD_NON_DUPLICATES, labelled_queries
from rapidfuzz import fuzz, process
from sqlalchemy import text

from operator_console.dedupe.finder import DuplicateFinder, search_for
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.domain.interchange import COLUMNS
from operator_console.domain.text import fold
from operator_console.samples import rows as sample_rows
from operator_console.store.case_store import CaseStore
from operator_console.store.search import CandidateIndex

DATA = Path(__file__).resolve().parent / "data"
CHUNK = 50_000
SEED = 1022


def generated(count: int) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for offset in range(0, count, CHUNK):
        out += sample_rows(min(CHUNK, count - offset), SEED * 1_000_003 + offset)
    return out


def store_of(count: int, rows: list[dict[str, str]]) -> Path:
    path = DATA / f"dedupe-{count}.sqlite3"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    source = DATA / f"dedupe-{count}.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "operator_console.admin", "import", "--db", str(path), str(source), "--quiet"],
        check=True,
    )
    print(f"imported {count:,} cases (with the search index) in {time.perf_counter() - started:.0f} s")
    source.unlink()
    return path


def percentile(values: list[float], p: float) -> float:
    """The value below which a share ``p`` of them lie (NaN when there are none)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else float("nan")


class Reference:
    """The plain full scan: every case's folded names against the draft's, and the phones."""

    def __init__(self, store: CaseStore) -> None:
        with store.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT external_id, name_key, caller_phone, subject_phone FROM cases")
            ).all()
        self.ids = [r.external_id for r in rows]
        self.names = [r.name_key for r in rows]
        self.phones = [(r.caller_phone, r.subject_phone) for r in rows]

    def find(self, draft: CaseDraft, phones: frozenset[str], limit: int = 5) -> list[str]:
        found: dict[str, float] = {}
        if phones:
            for i, (a, b) in enumerate(self.phones):
                if a in phones or b in phones:
                    found[self.ids[i]] = 200.0
        typed = fold(f"{draft.caller_name} {draft.subject_name}").strip()
        if typed:
            for _name, similarity, i in process.extract(typed, self.names, scorer=fuzz.WRatio, limit=limit):
                found[self.ids[i]] = max(found.get(self.ids[i], 0.0), similarity)
        return [k for k, _v in sorted(found.items(), key=lambda kv: -kv[1])][:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--reference", type=int, default=200)
    args = parser.parse_args()
    rows = generated(args.cases)
    path = store_of(args.cases, rows)
    # A working desk's store is in the page cache (it is read at every keystroke): read it once.
    with path.open("rb") as whole:
        while whole.read(1 << 24):
            pass
    store = CaseStore(path)
    gazetteer = default_gazetteer()
    finder = DuplicateFinder(CandidateIndex(store.engine), gazetteer)
    queries = labelled_queries(rows, args.queries, seed=7)
    for query in queries[:200]:  # and the gazetteer's memo and SQLite's own cache, as a desk has
        finder.find(CaseDraft(**query.draft))  # type: ignore[arg-type]
    times: list[float] = []
    at1: dict[str, list[bool]] = defaultdict(list)
    at5: dict[str, list[bool]] = defaultdict(list)
    false_likely: dict[str, list[bool]] = defaultdict(list)
    source_likely: dict[str, list[bool]] = defaultdict(list)
    for query in queries:
        draft = CaseDraft(**query.draft)  # type: ignore[arg-type]
        started = time.perf_counter()
        found = finder.find(draft, limit=5)
        times.append((time.perf_counter() - started) * 1000)
        ids = [c.row.external_id for c in found]
        if query.expected is None:
            # A new need: any *likely* flag is false; the case it resembles most of all.
            false_likely[query.kind].append(any(c.likely for c in found))
            source_likely[query.kind].append(
                any(c.likely and c.row.external_id == query.source for c in found)
            )
        else:
            at1[query.kind].append(ids[:1] == [query.expected])
            at5[query.kind].append(query.expected in ids)
    print(
        f"\n{args.cases:,} cases, {len(queries)} labelled queries; {platform.machine()}, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print("| kind | queries | recall@1 | recall@5 |")
    print("| --- | --- | --- | --- |")

    def mean(values: list[bool]) -> str:
        return f"{statistics.mean(values):.3f}"

    for kind in at1:
        print(f"| {kind} | {len(at1[kind])} | {mean(at1[kind])} | {mean(at5[kind])} |")
    every1 = [v for k in at1 for v in at1[k]]
    every5 = [v for k in at5 for v in at5[k]]
    print(f"| **all duplicates** | {len(every1)} | **{mean(every1)}** | **{mean(every5)}** |")
    print("\n| hard non-duplicate | queries | any candidate *likely* | the case it resembles *likely* |")
    print("| --- | --- | --- | --- |")
    for kind in HARD_NON_DUPLICATES:
        shares = f"{mean(false_likely[kind])} | {mean(source_likely[kind])}"
        print(f"| {kind} | {len(false_likely[kind])} | {shares} |")
    every = [v for k in false_likely for v in false_likely[k]]
    every_source = [v for k in source_likely for v in source_likely[k]]
    print(f"| **all** | {len(every)} | **{mean(every)}** | {mean(every_source)} |")
    median, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"\nper query: median {median:.2f} ms, p95 {p95:.2f} ms, max {max(times):.1f} ms")

    reference = Reference(store)
    sample = random.Random(3).sample(queries, min(args.reference, len(queries)))
    ref_times: list[float] = []
    ref_hits: list[bool] = []
    for query in sample:
        draft = CaseDraft(**query.draft)  # type: ignore[arg-type]
        phones = search_for(draft, gazetteer).facts.phones
        started = time.perf_counter()
        ref_ids = reference.find(draft, phones)
        ref_times.append((time.perf_counter() - started) * 1000)
        if query.expected is not None:
            ref_hits.append(query.expected in ref_ids)
    if not ref_times:  # --reference 0
        return
    ref_median, ref_p95 = statistics.median(ref_times), percentile(ref_times, 0.95)
    print(
        f"rapidfuzz full scan ({len(sample)} queries): median {ref_median:.1f} ms, p95 {ref_p95:.1f} ms, "
        f"recall@5 {statistics.mean(ref_hits):.3f}; the index is {ref_median / median:.0f}× faster (median), "
        f"{ref_p95 / p95:.0f}× (p95)"
    )


if __name__ == "__main__":
    main()
