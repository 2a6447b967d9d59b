"""What ships beside the code: Designer forms compiled, every visible string translated."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "operator_console_vi.ts"
QT_TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(QT_TOOLS)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6")
    return found


def test_every_designer_form_is_compiled_and_current(tmp_path: Path) -> None:
    for form in sorted((ROOT / "ui").glob("*.ui")):
        compiled = ROOT / "operator_console" / "gui" / "forms" / f"ui_{form.stem}.py"
        fresh = tmp_path / compiled.name
        subprocess.run([tool("pyside6-uic"), str(form), "-o", str(fresh)], check=True)
        assert _body(fresh) == _body(compiled), (
            f"run: pyside6-uic ui/{form.name} -o {compiled.relative_to(ROOT)}"
        )


def _body(path: Path) -> list[str]:
    # The header names the uic version; the code below it is what matters.
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("## Created by")]


def test_every_string_of_the_interface_has_a_vietnamese_translation() -> None:
    unfinished = []
    for message in ET.parse(TS).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        texts = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
        if not any(t.strip() for t in texts) or translation.get("type") in (
            "unfinished",
            "vanished",
            "obsolete",
        ):
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_no_visible_string_is_missing_from_the_translation_source(tmp_path: Path) -> None:
    """lupdate over today's code finds no text the .ts file does not already hold."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "operator_console" / "gui").rglob("*.py"))]
    sources += [str(p) for p in sorted((ROOT / "ui").glob("*.ui"))]
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(m.findtext("source"), _context(fresh, m)) for m in ET.parse(fresh).iter("message")}
    have = {(m.findtext("source"), _context(TS, m)) for m in ET.parse(TS).iter("message")}
    missing = sorted(str(w) for w in wanted - have)
    assert missing == [], "run pyside6-lupdate, then translate the new strings"


def _context(path: Path, message: ET.Element) -> str:
    for context in ET.parse(path).iter("context"):
        for candidate in context.iter("message"):
            if candidate.findtext("source") == message.findtext("source"):
                return context.findtext("name") or ""
    return ""


def test_the_compiled_translation_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "vi.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == (TS.with_suffix(".qm")).read_bytes(), "run pyside6-lrelease on the .ts file"


def test_the_shown_window_has_no_english_left_in_vietnamese(qtbot: QtBot, tmp_path: Path) -> None:
    """Every label, button, menu and column heading a Vietnamese operator sees is translated."""
    from PySide6.QtCore import QSettings, QTranslator
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMenu, QWidget

    from operator_console.gui.shell.app import build_console

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    console = build_console(
        app, tmp_path / "s.sqlite3", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "vi"
    )
    try:
        qtbot.addWidget(console.window)
        english = {m.findtext("source") for m in ET.parse(TS).iter("message")}
        window = console.window
        shown = [w.text() for w in window.findChildren(QLabel)] + [
            w.text() for w in window.findChildren(QAbstractButton)
        ]
        shown += [m.title() for m in window.menuBar().findChildren(QMenu)]
        shown += [a.text() for a in window.actions_by_id.values()]
        shown += [w.placeholderText() for w in window.findChildren(QLineEdit)]
        shown += [w.accessibleName() for w in window.findChildren(QWidget)]
        model = window.cases
        shown += [
            model.headerData(i, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
            for i in range(model.columnCount())
        ]
        left = sorted(t for t in shown if t and t in english)
        assert left == []
    finally:
        console.shutdown()
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)


def test_every_package_of_the_source_tree_is_installed_by_a_wheel() -> None:
    """setuptools installs only the packages pyproject.toml lists; a forgotten one breaks `pip install .`."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "operator_console").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()


def test_the_qt_binding_keeps_none_alive_over_a_shift_of_typing(qapp: QApplication) -> None:
    """PySide6 6.12 on Python 3.11 lost a reference to None on each void call: a console crashed
    after some ten thousand label updates. This fails on such a binding before an operator does."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("✓ 0389 123 456")
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50
