"""A store filled with generated cases the way the importer writes them: built by the intake's own
rules, a batch of 20,000 a transaction (the benchmarks that read a large store start from one)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import build_case
from operator_console.domain.interchange import draft_from_row
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.samples import rows as generated_rows
from operator_console.store.case_store import CaseStore, case_record

BATCH = 20_000


def fill(store: CaseStore, count: int, *, seed: int) -> None:
    gazetteer, taxonomy, now = default_gazetteer(), default_taxonomy(), datetime.now(UTC)
    rows = iter(generated_rows(count, seed=seed))
    with store.bulk_import() as bulk:
        for _ in range(0, count, BATCH):
            batch = itertools.islice(rows, BATCH)
            bulk.add(
                [
                    case_record(
                        build_case(draft_from_row(r), gazetteer=gazetteer, taxonomy=taxonomy, now=now), now
                    )
                    for r in batch
                ]
            )
