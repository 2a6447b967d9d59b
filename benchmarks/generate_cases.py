"""Writes realistic interchange rows (see operator_console.samples) to a CSV file for the benchmarks.

    python benchmarks/generate_cases.py 1000000 benchmarks/data/cases-1m.csv [--seed 7]

The rows look like the 2021 desk's: most about essential supplies and relief not received, names
drawn with the real weight of Nguyễn and Trần, wards written the ways callers write them (today's
names, former "P.5, Q.8" forms, no diacritics), phones with spaces, dots, +84 and old 11-digit
prefixes, and a share of rows without a phone (web and Zalo reports that give only a name).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from operator_console.domain.interchange import COLUMNS
from operator_console.samples import rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        chunk = 50_000
        for offset in range(0, args.count, chunk):
            part = rows(min(chunk, args.count - offset), args.seed * 1_000_003 + offset)
            writer.writerows(part)


if __name__ == "__main__":
    main()
