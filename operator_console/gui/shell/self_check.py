"""``operator-console --self-check``: does this installation have everything it needs?

Run by CI on the bundle PyInstaller built, and by IT on a freshly installed workstation. It builds
the real window (every Designer form) in Vietnamese on a throw-away store in a temporary folder,
saves a made-up case and finds it again with the duplicate search (so the migrations, SQLite's FTS5
and the gazetteer are there), then prints one line and exits 0; on the first missing piece it
prints what was missing and exits 1. It never touches the user's store, settings or keyring, and
it needs no server.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from operator_console import __version__
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.versions import build, data_versions

# A made-up caller: nobody's personal data.
_DRAFT = CaseDraft(
    caller_phone="0389 000 111",
    caller_name="Kiểm Tra Tự Động",
    address="1 Đường Thử",
    ward="Phường Sài Gòn",
    category="essential_supplies",
    description="self-check",
)


class SelfCheckFailed(Exception):
    pass


def run_self_check(app: QApplication) -> str:
    """The one-line report, or :class:`SelfCheckFailed` naming the first thing missing."""
    started = time.perf_counter()
    facts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="operator-console-self-check-") as folder:
        for name, step in _steps(app, Path(folder)):
            try:
                facts.append(step())
            except Exception as error:  # the report must name any failure, whatever its kind
                raise SelfCheckFailed(f"{name}: {type(error).__name__}: {error}") from error
    elapsed = time.perf_counter() - started
    return (
        f"operator-console {__version__} ({build().describe()}) self-check ok: "
        + ", ".join(facts)
        + f" ({elapsed:.1f} s)"
    )


def _steps(app: QApplication, folder: Path) -> list[tuple[str, Callable[[], str]]]:
    from operator_console.dedupe.finder import DuplicateFinder
    from operator_console.domain.gazetteer import default_gazetteer
    from operator_console.domain.taxonomy import default_taxonomy
    from operator_console.store.search import CandidateIndex

    def data() -> str:
        versions = data_versions()
        return f"categories {versions['categories']}, units {versions['units']}"

    def gazetteer() -> str:
        wards = default_gazetteer()
        # A former ward merged whole resolves; a split one offers exactly its successors.
        merged, split = wards.resolve("P.2", "Q.5"), wards.resolve("P.5", "Q.8")
        if merged.current is None or merged.current.name != "Phường Chợ Quán":
            raise LookupError("the gazetteer does not resolve a former ward (P.2 Q.5)")
        if split.status != "split" or {u.name for u in split.choice_units} != {
            "Phường Chánh Hưng",
            "Phường Bình Đông",
        }:
            raise LookupError("the gazetteer does not offer a split ward's successors (P.5 Q.8)")
        return f"gazetteer {len(wards.current_wards)} wards ({len(wards.former_wards)} former)"

    def window() -> str:
        from operator_console.gui.shell.app import build_console

        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        console = build_console(app, folder / "console.sqlite3", settings, "vi")
        try:
            translated = QCoreApplication.translate("SettingsDialog", "Save")
            if translated == "Save":
                raise LookupError("the Vietnamese translation is not loaded")
            console.window.show()
            app.processEvents()
            case = build_case(
                _DRAFT,
                gazetteer=default_gazetteer(),
                taxonomy=default_taxonomy(),
                now=datetime.now(UTC),
                operator="self-check",
            )
            console.store.add_case(case)
            found = DuplicateFinder(CandidateIndex(console.store.engine), default_gazetteer()).find(_DRAFT)
            if not found or found[0].row.id != case.id:
                raise LookupError("the duplicate search does not find a case just saved")
            schema = data_versions()["store schema"]
            return f"window with {_compiled_forms()} forms, translations vi, store schema {schema}"
        finally:
            console.window.close()
            console.shutdown()

    def dashboard() -> str:
        """The supervisor's view (QtCharts, the report writer) over made-up figures: a bundle
        without QtCharts would otherwise fail only at a supervisor's first login."""
        from operator_console.client.queue_figures import parse_queue_figures
        from operator_console.gui.dashboard.page import Dashboard
        from operator_console.gui.dashboard.report_export import write_report
        from operator_console.gui.shell.tasks import TaskRunner

        runner = TaskRunner()
        view = Dashboard(runner, lambda: None, default_taxonomy(), "vi")
        try:
            view.show_figures(parse_queue_figures(_FIGURES))
            view.show()
            app.processEvents()
            heading, sheets = view.report()
            write_report(folder / "report.xlsx", heading, sheets)
            return f"dashboard with {len(view.charts)} charts, report of {len(sheets)} sheets"
        finally:
            view.close()
            runner.shutdown()

    def configuration() -> str:
        """IT's file for this machine, as a user who never changed a setting gets it."""
        from operator_console.gui.shell import settings as S

        machine = S.MachineConfig.read()
        path = machine.path
        if machine.problem:
            raise ValueError(f"{path} cannot be read ({machine.problem})")
        if not machine.found:
            return "machine config: none"
        fresh_user = QSettings(str(folder / "user.ini"), QSettings.Format.IniFormat)
        settings = S.Settings(fresh_user, machine)
        problems = S.configuration_problems(settings)
        if problems:
            raise ValueError(f"{path}: " + "; ".join(problems))
        return f"machine config: {path}" + (" (locked)" if settings.locked_by_it else "")

    def keyring_backend() -> str:
        from operator_console.client.credentials import InsecureKeyring, check_backend

        try:
            backend = check_backend()
        except InsecureKeyring as error:
            return f"keyring: none ({error.backend}; the token is kept in memory only)"
        return f"keyring: {getattr(backend, 'name', type(backend).__name__)}"

    return [
        ("data files", data),
        ("gazetteer", gazetteer),
        ("window, forms, translations and store", window),
        ("supervisor's dashboard", dashboard),
        ("machine configuration", configuration),
        ("keyring", keyring_backend),
    ]


_NOW = "2026-11-30T08:00:00+07:00"
_FIGURES: dict[str, object] = {
    "generated_at": _NOW,
    "received_today": {"total": 1, "by_channel": {"phone": 1}},
    "received_last_hour": {"total": 1, "by_channel": {"phone": 1}},
    "open_by_status": {"dispatched": 1},
    "open_total": 1,
    "oldest_open_received_at": _NOW,
    "repeat_contacts_today": 0,
    "repeated_cases_today": 0,
    "repeat_rate_today": 0.0,
    "backlog_by_unit": [
        {"unit": "ubnd-26740", "name": "UBND Phường Sài Gòn", "open": 1, "oldest_received_at": _NOW}
    ],
    "backlog_by_ward": [
        {"ward_code": 26740, "ward_name": "Phường Sài Gòn", "open": 1, "oldest_received_at": _NOW}
    ],
    "ageing": [{"from_h": 0, "to_h": 4, "open": 1}],
    "past_deadline": {"total": 0, "by_category": []},
    "arrivals": {"first_hour": _NOW, "by_hour": [{"phone": 1}]},
    "consoles": {
        "on_shift": 0,
        "outbox_waiting": 0,
        "outbox_oldest_waiting_s": 0,
        "agents": {},
        "operators": [],
    },
    "calls": {
        "waiting": 0,
        "oldest_wait_s": 0,
        "offered_today": 0,
        "answered_today": 0,
        "answered_within_20s": 0,
        "counted_for_service_level": 0,
        "service_level": None,
        "abandoned_today": 0,
        "abandon_rate": None,
        "average_answer_s": None,
        "average_handle_s": None,
        "operators_on_call": 0,
    },
}
"""Made-up figures in the server's shape, for the dashboard's self-check."""


def _compiled_forms() -> int:
    """In a bundle the forms are compiled modules inside the archive, not files: count them there."""
    import pkgutil

    from operator_console.gui import forms

    return sum(1 for module in pkgutil.iter_modules(forms.__path__) if module.name.startswith("ui_"))
