"""The desktop bundle: its size, what takes the room, and how fast the bundled console starts.

    python benchmarks/bench_bundle.py [--dist DIR] [--runs 5]

Builds ``build_spec/operator_console.spec`` into a temporary folder (or measures ``--dist``, an
already built ``dist/operator-console``), then prints the folder's size, its ten biggest files,
the size of its tarball, and the wall time of ``--self-check`` (a new process that builds the
window on a throw-away store) for the bundle and for the pip-installed console beside it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from readme import machine, today, write_section

ROOT = Path(__file__).resolve().parent.parent


def lock_state() -> str:
    """Whether this environment is the locked set the bundle is built from in CI: the lock's
    digest, or how many installed versions differ from it."""
    import hashlib
    import re
    from importlib.metadata import PackageNotFoundError, version

    from packaging.markers import Marker

    lock = ROOT / "requirements.lock"
    pin = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")
    differ = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        if (match := pin.match(line)) is None:
            continue
        name, pinned, marker = match.groups()
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "absent"
        if installed != pinned:
            differ.append(f"{name} {installed} (locked {pinned})")
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    if differ:
        return f"**not** the locked set: {len(differ)} versions differ ({', '.join(differ[:5])})"
    return f"the locked set (`requirements.lock` {digest})"


def build(out: Path) -> Path:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(ROOT / "build_spec" / "operator_console.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    print(f"build: {time.perf_counter() - started:.0f} s")
    return out / "dist" / "operator-console"


def self_check_times(command: list[str], runs: int, data: Path) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPERATOR_CONSOLE_DATA": str(data)}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*command, "--self-check"], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dist", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only; leave README.md alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dist or build(Path(tmp))
        files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
        size = sum(p.stat().st_size for p in files)
        print(f"bundle: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {len(files)} files")
        for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:10]:
            print(f"  {path.stat().st_size / 1e6:5.1f} MB  {path.relative_to(folder)}")
        tarball = Path(tmp) / "bundle.tar.gz"
        with tarfile.open(tarball, "w:gz") as archive:
            archive.add(folder, arcname="operator-console")
        print(f"tarball: {tarball.stat().st_size / 1e6:.1f} MB")
        checks = []
        for name, command in (
            ("bundle", [str(folder / "operator-console")]),
            ("pip install", [sys.executable, "-m", "operator_console.gui.shell.main"]),
        ):
            times = self_check_times(command, args.runs, Path(tmp) / "data")
            checks.append(
                f"first {times[0] * 1000:,.0f} ms, median {statistics.median(times) * 1000:,.0f} ms "
                f"({args.runs} runs)"
            )
            print(f"--self-check, {name}: {checks[-1]}")
        if not args.no_write:
            write_section(
                "bench_bundle",
                f"Last run, {today()}, {machine()}, built from {lock_state()}:\n\n"
                "| bundle | tarball | `--self-check`, bundle | `--self-check`, pip install |\n"
                "| --- | --- | --- | --- |\n"
                f"| **{size / 1e6:.1f} MB** ({size / 2**20:.1f} MiB, {len(files)} files) "
                f"| {tarball.stat().st_size / 1e6:.1f} MB | {checks[0]} | {checks[1]} |",
            )


if __name__ == "__main__":
    main()
