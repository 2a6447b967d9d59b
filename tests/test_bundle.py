"""The desktop bundle IT installs: PyInstaller builds ``build_spec/operator_console.spec`` and the
bundled console checks itself (forms, translations, gazetteer, store), so that a file the spec
forgets fails here and not on the call-centre floor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from operator_console.store.database import head_revision

ROOT = Path(__file__).resolve().parent.parent
# The budget of the Linux one-folder bundle (issue 8), in bytes as a file manager counts them.
SIZE_BUDGET = 150_000_000

pytestmark = [pytest.mark.slow, pytest.mark.bundle]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
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
        timeout=900,
    )
    folder = out / "dist" / "operator-console"
    assert (folder / "operator-console").is_file()
    return folder


def _run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OPERATOR_CONSOLE_DATA": str(tmp_path / "data"),
        "HOME": str(tmp_path),  # its settings land in a folder of the test's own
    }
    return subprocess.run(
        [str(bundle / "operator-console"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_bundled_console_checks_itself(bundle: Path, tmp_path: Path) -> None:
    checked = _run(bundle, tmp_path, "--self-check")
    print(checked.stdout, checked.stderr)
    assert checked.returncode == 0, checked.stderr
    assert "self-check ok" in checked.stdout
    assert "translations vi" in checked.stdout and "168 wards" in checked.stdout
    assert "(bundle " in checked.stdout  # stamped by the spec
    assert len(checked.stdout.strip().splitlines()) == 1


def test_the_bundle_says_its_version_build_and_data(bundle: Path, tmp_path: Path) -> None:
    shown = _run(bundle, tmp_path, "--version")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("operator-console ")
    for line in (
        "build: bundle",
        "categories: v1",
        f"store schema: {head_revision()}",
        "wards: 168 today, 441 former",
    ):
        assert line in shown.stdout
    assert " ?" not in shown.stdout  # every version known: the packages' metadata is in the bundle


def test_the_bundle_fits_its_size_budget_without_the_server(bundle: Path) -> None:
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"bundle size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    assert size < SIZE_BUDGET
    names = {path.name for path in bundle.rglob("*")}
    # Qt modules the console does not use, and the reference server, stay out
    for left_out in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6", "libQt6Qml.so.6"):
        assert left_out not in names


def test_the_bundle_has_no_demo_server_and_says_so(bundle: Path, tmp_path: Path) -> None:
    """Workstations talk to the city's server: the reference server is not in the bundle."""
    started = _run(bundle, tmp_path, "--demo")
    assert started.returncode == 2
    assert "--demo needs the server's packages" in started.stderr
