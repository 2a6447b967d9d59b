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
    ActionSpec("intake.new", QT_TRANSLATE_NOOP("actions", "&New call"), ("F2",), "call"),
    ActionSpec("intake.save", QT_TRANSLATE_NOOP("actions", "&Save and queue"), ("Ctrl+Return", "Ctrl+Enter"), "call"),
    ActionSpec("intake.clear", QT_TRANSLATE_NOOP("actions", "&Clear the form"), ("Esc",), "call"),
    ActionSpec("cases.refresh", QT_TRANSLATE_NOOP("actions", "&Refresh the case list"), ("F5",), "view"),
    ActionSpec("app.quit", QT_TRANSLATE_NOOP("actions", "&Quit"), ("Ctrl+Q",), "call"),
)

MENUS: dict[str, str] = {
    "call": QT_TRANSLATE_NOOP("actions", "&Operator"),
    "view": QT_TRANSLATE_NOOP("actions", "&View"),
}


def menu_label(menu: str) -> str:
    return QCoreApplication.translate(CONTEXT, MENUS[menu])
