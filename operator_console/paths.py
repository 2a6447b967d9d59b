"""Where the shipped resources and the user's files live.

``resources/`` and ``ui/`` sit at the top of the repository (the design card's layout) and are
installed as the packages ``operator_console.resources`` and ``operator_console.ui_forms``; a
PyInstaller bundle lays them out the same way.
"""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal, TextIO

import platformdirs

APP_NAME = "operator-console"
APP_AUTHOR = "1022"


def resource(*parts: str) -> Traversable:
    """A file shipped in ``resources/`` (for example ``resource("data", "categories.json")``)."""
    node: Traversable
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle lays resources/ out as plain files in its folder (build_spec/).
        node = Path(getattr(sys, "_MEIPASS", ".")) / "operator_console" / "resources"
    else:
        node = files("operator_console.resources")
    for part in parts:
        node = node / part
    return node


def data_dir() -> Path:
    """The user's data folder (the local store, drafts, logs); ``OPERATOR_CONSOLE_DATA`` overrides it."""
    override = os.environ.get("OPERATOR_CONSOLE_DATA")
    return private_folder(
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    )


# Everything under the data folder holds or may hold personal data: readable by its user only.
def private_folder(path: Path) -> Path:
    """``path`` as a folder, created ``0700`` when missing."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def create_private(path: Path) -> None:
    """``path`` created empty with ``0600`` when missing, before a byte is written into it."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def open_private(path: Path, mode: Literal["w", "a"]) -> TextIO:
    """``path`` opened for writing (``w``) or appending (``a``) text, created ``0600``."""
    flags = os.O_CREAT | os.O_WRONLY | (os.O_APPEND if mode == "a" else os.O_TRUNC)
    return os.fdopen(os.open(path, flags, 0o600), mode, encoding="utf-8")


def sync_folder(path: Path) -> None:
    """A rename or removal in ``path`` on disk (a power cut after it does not undo it); POSIX only:
    Windows cannot open a folder, and NTFS journals its renames."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def default_store_path() -> Path:
    return data_dir() / "console.sqlite3"
