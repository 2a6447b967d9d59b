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
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_store_path() -> Path:
    return data_dir() / "console.sqlite3"
