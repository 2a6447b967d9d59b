"""The duplicate search's quality on repeat reports it was not tuned on, beside a stronger reference.

    python benchmarks/bench_duplicate_quality.py --cases 1000000 [--reports 2000] [--reference 100]

1. The store of ``--cases`` realistic cases that ``bench_duplicates.py`` builds (the real
   ``operator-console-admin import``, with the search index), read once into the page cache.
2. ``--reports`` drafts from ``repeat_reports.py`` (written from what callers do, not from the
   scoring's rules), each about an earlier case drawn from the whole store, through the same
   ``DuplicateFinder`` as the console's panel.
3. Reported: recall@5 overall, for drafts with several variations at once, and for a name and a
   ward only; the share of true duplicates shown *likely*; the share of hard non-duplicates given
   any *likely* candidate; per-query median, p95, max (warm), and the first query of a new process.
4. The reference, on ``--reference`` of the drafts: what helpdesks ship (an exact check of the phone,
   and of the folded name with the ward) and then ``rapidfuzz`` over name, address and ward of every
   case (``token_set_ratio``), the best five.

The figures are written into ``benchmarks/README.md`` (``duplicate-quality-<cases>`` section).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_duplicates import generated, percentile, store_of
from rapidfuzz import fuzz, process
from readme import machine, today, write_section
from repeat_reports import NOT_SAME_NEED, SAME_NEED, Report, repeat_reports
from sqlalchemy import text

from operator_console.dedupe.finder import DuplicateFinder, search_for
from operator_console.domain.address import parse_address
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.domain.search_keys import house_keys, street_slug
from operator_console.domain.text import fold
from operator_console.store.case_store import CaseStore
from operator_console.store.search import CandidateIndex

_FIRST_QUERY = """
import sys, time
from operator_console.dedupe.finder import DuplicateFinder
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.store.case_store import CaseStore
from operator_console.store.search import CandidateIndex
from pathlib import Path
store = CaseStore(Path(sys.argv[1]))
finder = DuplicateFinder(CandidateIndex(store.engine), default_gazetteer())
draft = CaseDraft(caller_name=sys.argv[2], ward=sys.argv[3], district=sys.argv[4], address=sys.argv[5])
started = time.perf_counter()
finder.find(draft)
print((time.perf_counter() - started) * 1000)
"""


def draft_of(report: Report) -> CaseDraft:
    return CaseDraft(**report.draft)  # type: ignore[arg-type]


class Reference:
    """What a helpdesk ships (exact phone, exact name in the ward), then rapidfuzz over every case."""

    def __init__(self, store: CaseStore) -> None:
        with store.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT external_id, caller_name, subject_name, caller_phone, subject_phone, street, "
                    "house_number, alley, ward_code, former_ward_code FROM cases"
                )
            ).all()
        self.ids = [r.external_id for r in rows]
        self.phones: dict[str, list[int]] = defaultdict(list)
        self.name_ward: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.texts: list[str] = []
        for i, r in enumerate(rows):
            for phone in (r.caller_phone, r.subject_phone):
                if phone:
                    self.phones[phone].append(i)
            wards = [w for w in (r.ward_code, r.former_ward_code) if w]
            names = [fold(n).strip() for n in (r.caller_name, r.subject_name) if n]
            for name in names:
                for ward in wards:
                    self.name_ward[(name, ward)].append(i)
            house = " ".join(house_keys(r.house_number or "", r.alley or "")[:1])
            where = f"{house} {street_slug(r.street or '')} {' '.join(map(str, wards))}"
            self.texts.append(f"{' '.join(names)} {where}")

    def namesakes(self, draft: CaseDraft) -> int:
        """How many cases hold the draft's whole name (folded) in the ward it says."""
        wards = search_for(draft, default_gazetteer()).facts.wards
        name = fold(draft.caller_name).strip()
        return len({i for ward in wards for i in self.name_ward.get((name, ward), ())})

    def find(self, draft: CaseDraft, limit: int = 5) -> list[str]:
        search = search_for(draft, default_gazetteer())
        found: dict[int, float] = {}
        for phone in search.facts.phones:
            for i in self.phones.get(phone, ()):
                found[i] = 300.0
        names = [fold(n).strip() for n in (draft.caller_name, draft.subject_name) if n.strip()]
        for name in names:
            for ward in search.facts.wards:
                for i in self.name_ward.get((name, ward), ()):
                    found[i] = max(found.get(i, 0.0), 200.0)
        address = parse_address(draft.address)
        house = " ".join(house_keys(address.house_number, address.alley)[:1])
        wards = " ".join(map(str, search.facts.wards))
        typed = f"{' '.join(names)} {house} {street_slug(address.street)} {wards}"
        if typed.strip():
            for _text, similarity, i in process.extract(
                typed, self.texts, scorer=fuzz.token_set_ratio, limit=limit
            ):
                found[i] = max(found.get(i, 0.0), similarity)
        return [self.ids[i] for i, _v in sorted(found.items(), key=lambda kv: -kv[1])][:limit]


def first_query(path: Path, report: Report) -> float:
    """The first search of a new process on the store (the page cache warm, as on a desk)."""
    d = report.draft
    args = [d.get("caller_name", ""), d.get("ward", ""), d.get("district", ""), d.get("address", "")]
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_QUERY, str(path), *args], check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def share(values: list[bool]) -> float:
    return statistics.mean(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--reference", type=int, default=100)
    parser.add_argument("--no-readme", action="store_true", help="print only")
    args = parser.parse_args()
    rows = generated(args.cases)
    path = store_of(args.cases, rows)
    with path.open("rb") as whole:  # a working desk's store is in the page cache
        while whole.read(1 << 24):
            pass
    reports = repeat_reports(rows, args.reports, seed=22)
    firsts = [first_query(path, r) for r in reports[:5]]
    store = CaseStore(path)
    finder = DuplicateFinder(CandidateIndex(store.engine), default_gazetteer())
    for report in repeat_reports(rows, 200, seed=23):  # warm: SQLite's cache, the gazetteer's memo
        finder.find(draft_of(report))
    times: list[float] = []
    at5: dict[str, list[bool]] = defaultdict(list)
    several: list[bool] = []
    likely_true: list[bool] = []
    likely_kind: dict[str, list[bool]] = defaultdict(list)
    wrong_likely: list[bool] = []
    false_likely: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for report in reports:
        draft = draft_of(report)
        started = time.perf_counter()
        found = finder.find(draft, limit=5)
        times.append((time.perf_counter() - started) * 1000)
        if report.expected is None:
            false_likely[report.kind].append(any(c.likely for c in found))
            continue
        ids = [c.row.external_id for c in found]
        hit = report.expected in ids
        at5[report.kind].append(hit)
        if len(report.variations) >= 2:
            several.append(hit)
        likely_true.append(any(c.likely and c.row.external_id == report.expected for c in found))
        likely_kind[report.kind].append(likely_true[-1])
        wrong_likely.append(any(c.likely and c.row.external_id != report.expected for c in found))
        if not likely_true[-1] and len(misses) < 12:
            misses.append(f"{report.kind} {report.variations}: {report.draft}")
    every = [v for k in SAME_NEED for v in at5[k]]
    every_false = [v for k in NOT_SAME_NEED for v in false_likely[k]]

    reference = Reference(store)
    # The drafts nothing can tell from a namesake: a name and a ward only, and the store holds
    # another case of the same whole name (folded) in that ward.
    alone = [r for r in reports if r.expected]
    told_apart = [
        not (r.kind == "name_and_ward_only" and reference.namesakes(draft_of(r)) > 1) for r in alone
    ]
    likely_told = [v for v, ok in zip(likely_true, told_apart, strict=True) if ok]
    sample = [r for r in random.Random(5).sample(reports, len(reports)) if r.expected][: args.reference]
    ref_hits: dict[str, list[bool]] = defaultdict(list)
    ref_times: list[float] = []
    ours: list[bool] = []
    for report in sample:
        started = time.perf_counter()
        ref_ids = reference.find(draft_of(report))
        ref_times.append((time.perf_counter() - started) * 1000)
        ref_hits[report.kind].append(report.expected in ref_ids)
        ours.append(report.expected in [c.row.external_id for c in finder.find(draft_of(report))])
    ref_every = [v for k in ref_hits for v in ref_hits[k]]

    median, p95 = statistics.median(times), percentile(times, 0.95)
    lines = [
        f"Last run, {today()}, {machine()}: **{args.cases:,} cases** in the store, {len(reports):,} "
        f"reports ({len(every):,} the same need, {len(every_false):,} not).",
        "",
        "| recall@5 | several variations at once | name and ward only | *likely* given to true "
        "duplicates; those a person could tell from a namesake "
        "| false *likely* (not the same need; another case of a repeat report) "
        "| per query median, p95, max (warm) | first query of a new process |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| **{share(every):.3f}** | **{share(several):.3f}** ({len(several)}) | "
        f"{share(at5['name_and_ward_only']):.3f} | **{share(likely_true):.3f}**; "
        f"**{share(likely_told):.3f}** without the {told_apart.count(False)} namesakes | "
        f"**{share(every_false):.3f}**; {share(wrong_likely):.3f} | "
        f"{median:.2f}, **{p95:.2f}**, {max(times):.1f} ms | {max(firsts):.0f} ms (max of {len(firsts)}) |",
        "",
        "| kind | reports | recall@5 | shown *likely* | reference recall@5 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind in SAME_NEED:
        ref = f"{share(ref_hits[kind]):.2f} ({len(ref_hits[kind])})" if ref_hits[kind] else "–"
        cells = [kind.replace("_", " "), str(len(at5[kind])), f"{share(at5[kind]):.3f}"]
        cells += [f"{share(likely_kind[kind]):.3f}", ref]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| not the same need | reports | any candidate *likely* |", "| --- | --- | --- |"]
    for kind in NOT_SAME_NEED:
        lines.append(
            f"| {kind.replace('_', ' ')} | {len(false_likely[kind])} | {share(false_likely[kind]):.3f} |"
        )
    lines += [
        "",
        f"The reference (exact phone, exact name in the ward, then rapidfuzz `token_set_ratio` over "
        f"name, house, street and ward of every case) on {len(sample)} of the same drafts: recall@5 "
        f"**{share(ref_every):.3f}** against {share(ours):.3f} for the search on the same drafts; "
        f"median {statistics.median(ref_times or [0]):.0f} ms, "
        f"p95 {percentile(ref_times or [0], 0.95):.0f} ms a query.",
    ]
    if not sample:
        lines = lines[:-1]
    markdown = "\n".join(lines)
    print(markdown)
    if misses:
        print("\nsome misses:\n" + "\n".join(misses))
    if not args.no_readme:
        write_section(f"duplicate-quality-{args.cases}", markdown)


if __name__ == "__main__":
    main()
