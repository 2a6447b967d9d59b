"""What exactly runs on this workstation: the console's version, its build, and its data's versions.

``operator-console --version``, the About box, the self-check and every crash report say the same
thing, so that IT can tell which build and which data a workstation has without opening a file.

The build is stamped by the PyInstaller spec into ``resources/build_info.json`` (commit and date of
the bundle); a source install reads the commit of the git checkout it runs from, when there is one.
"""

from __future__ import annotations

import json
import platform
import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from operator_console import __version__
from operator_console.paths import resource

BUILD_INFO = "build_info.json"


@dataclass(frozen=True)
class Build:
    commit: str  # short commit id, "" when unknown
    date: str  # ISO date of the bundle's build, "" for a source install
    kind: str  # "bundle" or "source"

    def describe(self) -> str:
        parts = [self.kind]
        if self.commit:
            parts.append(self.commit)
        if self.date:
            parts.append(self.date)
        return " ".join(parts)


@cache
def build() -> Build:
    stamped = resource(BUILD_INFO)
    if stamped.is_file():
        data = json.loads(stamped.read_text(encoding="utf-8"))
        return Build(commit=str(data.get("commit", "")), date=str(data.get("date", "")), kind="bundle")
    return Build(commit=_checkout_commit(Path(__file__).resolve().parent.parent), date="", kind="source")


def _checkout_commit(root: Path) -> str:
    """The commit a git checkout is on, read from its files (no git command at start)."""
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="ascii").strip()
        if head.startswith("ref: "):
            ref = head[5:]
            loose = git / ref
            if loose.is_file():
                head = loose.read_text(encoding="ascii").strip()
            else:
                packed = (git / "packed-refs").read_text(encoding="ascii").splitlines()
                head = next((line.split()[0] for line in packed if line.endswith(" " + ref)), "")
    except (OSError, UnicodeDecodeError):
        return ""
    return head[:10] if len(head) >= 10 and all(c in "0123456789abcdef" for c in head) else ""


@cache
def data_versions() -> dict[str, str]:
    """The versions of the data this console reasons with, by name, in a stable order."""
    from operator_console.store.database import head_revision

    categories = json.loads(resource("data", "categories.json").read_text(encoding="utf-8"))
    units = json.loads(resource("data", "units.json").read_text(encoding="utf-8"))
    wards = json.loads(resource("data", "wards_hcmc.json").read_text(encoding="utf-8"))
    source = re.search(r"^(\S+) \(sha256 ([0-9a-f]{12})", str(wards.get("source", "")))
    given = resource("data", "given_names.txt").read_text(encoding="utf-8").splitlines()
    return {
        "categories": f"v{categories.get('version', '?')}",
        "units": f"v{units.get('version', '?')} ({len(units['units'])})",
        "wards": f"{len(wards['current'])} today, {len(wards['former'])} former"
        + (f" ({source[1]} {source[2]})" if source else ""),
        "given names": str(sum(1 for line in given if line.strip() and not line.startswith("#"))),
        "phone metadata": f"phonenumbers {_package('phonenumbers')}",
        "store schema": head_revision(),
    }


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # a bundle without the package's metadata
        return "?"


def version_report() -> str:
    """Several lines for ``--version`` and the About box (no personal data: it goes in reports)."""
    lines = [
        f"operator-console {__version__} (build: {build().describe()})",
        f"PySide6 {_package('PySide6-Essentials')}, Python {platform.python_version()}"
        f" on {platform.system()} {platform.release()} ({sys.platform})",
    ]
    lines += [f"{name}: {value}" for name, value in data_versions().items()]
    return "\n".join(lines)
