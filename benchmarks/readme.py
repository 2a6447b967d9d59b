"""Benchmark scripts write their own figures into benchmarks/README.md, with the machine and the date.

A script owns the text between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->`` in the README and
replaces it with each run (the section's prose around the markers is written by hand), so a figure
in the README is always the last run's and never copied by hand.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def machine() -> str:
    """ "x86_64 (AMD EPYC 7B13, 2 cores, 24 GiB), Python 3.11.7, SQLite 3.40.1"."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory = f", {round(pages * size / 2**30)} GiB"
    except (ValueError, OSError, AttributeError):
        pass
    inside = ", ".join(p for p in (cpu, f"{os.cpu_count()} cores") if p) + memory
    return (
        f"{platform.machine()} ({inside}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def today() -> str:
    return time.strftime("%Y-%m-%d")


def write_section(name: str, markdown: str, readme: Path = README) -> None:
    """Replace the text between the section's markers (which must be there) with ``markdown``."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = readme.read_text(encoding="utf-8")
    if begin not in text or end not in text:
        raise SystemExit(f"{readme}: no {begin} … {end} markers to write the figures between")
    head, rest = text.split(begin, 1)
    _old, tail = rest.split(end, 1)
    readme.write_text(f"{head}{begin}\n{markdown.strip()}\n{end}{tail}", encoding="utf-8")
