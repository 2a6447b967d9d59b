"""Every command of the console as data: id, title, default keys. Menus and tests read this registry."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "actions"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str
    """English source text, marked for lupdate; shown through Qt's translator."""
    keys: tuple[str, ...]
    menu: str

    @property
    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("intake.new", str(QT_TRANSLATE_NOOP("actions", "&New call")), ("F2",), "call"),
    ActionSpec(
        "intake.save",
        str(QT_TRANSLATE_NOOP("actions", "&Save and queue")),
        ("Ctrl+Return", "Ctrl+Enter"),
        "call",
    ),
    ActionSpec("intake.clear", str(QT_TRANSLATE_NOOP("actions", "&Clear the form")), ("Esc",), "call"),
    ActionSpec("cases.refresh", str(QT_TRANSLATE_NOOP("actions", "&Refresh the case list")), ("F5",), "view"),
    ActionSpec("app.quit", str(QT_TRANSLATE_NOOP("actions", "&Quit")), ("Ctrl+Q",), "call"),
)

MENUS: dict[str, str] = {
    "call": str(QT_TRANSLATE_NOOP("actions", "&Operator")),
    "view": str(QT_TRANSLATE_NOOP("actions", "&View")),
}


def menu_label(menu: str) -> str:
    return QCoreApplication.translate(CONTEXT, MENUS[menu])
