"""The installed commands start as a user would start them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from operator_console.gui.shell.single_instance import Handover, hand_over, socket_name

BIN = Path(sys.executable).parent


def command(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed: pip install -e . creates it")
    return str(path)


@pytest.mark.slow
def test_the_console_starts_on_its_local_store(tmp_path: Path, qapp: QApplication) -> None:
    store = tmp_path / "console.sqlite3"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OPERATOR_CONSOLE_DATA": str(tmp_path),
        "HOME": str(tmp_path),
    }
    process = subprocess.Popen(
        [command("operator-console"), "--db", str(store)], env=env, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        ready = False
        while time.monotonic() < deadline and process.poll() is None and not ready:
            time.sleep(0.2)
            if store.exists():
                try:
                    with sqlite3.connect(store) as db:
                        ready = db.execute("SELECT version_num FROM alembic_version").fetchone() is not None
                except sqlite3.Error:
                    ready = False
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert ready, "the console did not create its store"
        # Its window's event loop answers a second start: it runs, and did not quit on its own.
        while hand_over(socket_name(tmp_path), {"activate": True}) is not Handover.DELIVERED:
            assert process.poll() is None, "the console quit on its own"
            assert time.monotonic() < deadline + 60, "the console's window never answered"
        process.terminate()
        assert process.wait(timeout=60) == 0  # SIGTERM: the clean stop
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)
        if process.stderr:
            process.stderr.close()


def test_the_admin_command_reports_its_version() -> None:
    result = subprocess.run(
        [command("operator-console-admin"), "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("operator-console-admin ")
