"""The versions are locked: requirements.lock names every package the project needs, and the
environment the suite runs in (the README's commands install from the lock) is the locked one."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>[^\s;\\]+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$"
)


def _locked() -> dict[str, tuple[str, str | None]]:
    pins: dict[str, tuple[str, str | None]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            pins[canonicalize_name(match["name"])] = (match["version"], match["marker"])
    return pins


def test_every_dependency_of_the_project_is_locked_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += [r for r in extra if not r.startswith("operator-console")]
    locked = _locked()
    for requirement in map(Requirement, wanted):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in requirements.lock: run the command at its top"
        pinned = locked[name][0]
        assert requirement.specifier.contains(pinned), f"{name} {pinned} breaks {requirement}"
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if _PIN.match(line):
            assert lines[number + 1].strip().startswith("--hash=sha256:"), f"{line}: no hash"


def test_the_suite_runs_on_the_locked_versions() -> None:
    checked = 0
    for name, (pinned, marker) in _locked().items():
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            raise AssertionError(f"{name} {pinned} is locked but not installed") from None
        assert installed == pinned, f"{name}: {installed} installed, {pinned} locked"
        checked += 1
    assert checked > 60
