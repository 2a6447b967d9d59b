"""Every command of the console as data: id, title, default keys, menu.

Menus, the F1 cheat sheet and the conflict test all read this registry; the window binds each id
to its handler in one place (``MainWindow._build_actions``).
"""

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
    ActionSpec(
        # F3, not Ctrl+Shift+Z: a text field takes that as its own Redo, and the cursor is in one.
        "intake.undo_clear",
        str(QT_TRANSLATE_NOOP("actions", "Bring back the last held call")),
        ("F3",),
        "call",
    ),
    ActionSpec("intake.held", str(QT_TRANSLATE_NOOP("actions", "&Held calls…")), ("F8",), "call"),
    ActionSpec(
        "intake.fill_previous",
        str(QT_TRANSLATE_NOOP("actions", "&Fill in from this caller's last case")),
        ("F4",),
        "call",
    ),
    ActionSpec(
        # An 08 + 8 digits number is a mobile today and was a city landline until 2017: both are shown.
        "intake.take_landline",
        str(QT_TRANSLATE_NOOP("actions", "Landline &reading of an 08 number (028…)")),
        ("F7",),
        "call",
    ),
    ActionSpec("app.settings", str(QT_TRANSLATE_NOOP("actions", "Se&ttings…")), ("Ctrl+,",), "call"),
    ActionSpec("app.login", str(QT_TRANSLATE_NOOP("actions", "&Log in to the server…")), ("Ctrl+L",), "call"),
    ActionSpec("app.logout", str(QT_TRANSLATE_NOOP("actions", "Log &out")), (), "call"),
    ActionSpec(
        "sync.refused",
        str(QT_TRANSLATE_NOOP("actions", "Cases the server refu&sed…")),
        ("Ctrl+Shift+R",),
        "view",
    ),
    ActionSpec("app.quit", str(QT_TRANSLATE_NOOP("actions", "&Quit")), ("Ctrl+Q",), "call"),
    ActionSpec(
        "cases.find", str(QT_TRANSLATE_NOOP("actions", "&Find in the case list")), ("Ctrl+F",), "view"
    ),
    ActionSpec("cases.refresh", str(QT_TRANSLATE_NOOP("actions", "&Refresh the case list")), ("F5",), "view"),
    ActionSpec(
        "view.dashboard",
        str(QT_TRANSLATE_NOOP("actions", "Supervisor's &dashboard / call intake")),
        ("F6",),
        "view",
    ),
    ActionSpec(
        "view.worklist",
        str(QT_TRANSLATE_NOOP("actions", "&Worklist / triage desk / call intake")),
        ("F9",),
        "view",
    ),
    # The dashboard's tables, straight to their first row (Enter there lists the row's cases).
    ActionSpec("dashboard.units", str(QT_TRANSLATE_NOOP("actions", "Backlog by &unit")), ("Alt+1",), "view"),
    ActionSpec("dashboard.wards", str(QT_TRANSLATE_NOOP("actions", "Backlog by &ward")), ("Alt+2",), "view"),
    ActionSpec(
        "dashboard.overdue", str(QT_TRANSLATE_NOOP("actions", "Cases &past deadline")), ("Alt+3",), "view"
    ),
    ActionSpec(
        "dashboard.operators", str(QT_TRANSLATE_NOOP("actions", "&Operators on shift")), ("Alt+4",), "view"
    ),
    ActionSpec(
        "view.export_xlsx",
        str(QT_TRANSLATE_NOOP("actions", "&Export the dashboard to Excel…")),
        ("Ctrl+E",),
        "view",
    ),
    ActionSpec(
        "view.export_csv",
        str(QT_TRANSLATE_NOOP("actions", "Export the dashboard to CS&V…")),
        ("Ctrl+Shift+E",),
        "view",
    ),
    # The duplicate search's candidates, by their place in the panel.
    ActionSpec("candidates.open_1", str(QT_TRANSLATE_NOOP("actions", "Candidate &1…")), ("Ctrl+1",), "view"),
    ActionSpec("candidates.open_2", str(QT_TRANSLATE_NOOP("actions", "Candidate &2…")), ("Ctrl+2",), "view"),
    ActionSpec("candidates.open_3", str(QT_TRANSLATE_NOOP("actions", "Candidate &3…")), ("Ctrl+3",), "view"),
    ActionSpec("candidates.open_4", str(QT_TRANSLATE_NOOP("actions", "Candidate &4…")), ("Ctrl+4",), "view"),
    ActionSpec("candidates.open_5", str(QT_TRANSLATE_NOOP("actions", "Candidate &5…")), ("Ctrl+5",), "view"),
    ActionSpec("help.keys", str(QT_TRANSLATE_NOOP("actions", "&Keys (cheat sheet)")), ("F1",), "help"),
    ActionSpec("help.about", str(QT_TRANSLATE_NOOP("actions", "About the console…")), (), "help"),
)

MENUS: dict[str, str] = {
    "call": str(QT_TRANSLATE_NOOP("actions", "&Operator")),
    "view": str(QT_TRANSLATE_NOOP("actions", "&View")),
    # No mnemonic: every free letter belongs to a field of the form; F1 opens what it holds.
    "help": str(QT_TRANSLATE_NOOP("actions", "Help")),
}


def menu_label(menu: str) -> str:
    return QCoreApplication.translate(CONTEXT, MENUS[menu])
