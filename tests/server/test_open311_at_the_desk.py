"""What an app posted by Open311, as the desk sees it: the triage list shows the map pin, the case's
details show the e-mail, the point, the photo and what the app sent beside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from operator_console.client.api import ServerClient
from operator_console.client.replica_sync import follow
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.cases.case_details import CaseDetails
from operator_console.gui.dashboard.drilldown_dialog import DrillDownDialog
from operator_console.gui.shell.i18n import install_translator
from operator_console.store.case_store import CaseStore
from operator_console.store.replica import Replica
from tests.keyring_stand_in import MemoryKeyring
from tests.server.harness import PASSWORD, Server, running_server
from tests.server.test_console_window import WAIT_MS, Open, focused, open_console, press
from tests.server.test_supervisor_dashboard import figures_shown, log_in_as

__all__ = ["open_console"]
pytestmark = pytest.mark.gui

PIN = {
    "service_code": "vulnerable_person.lone_elderly",
    "lat": "10.762622",
    "long": "106.660172",
    "email": "hang@example.vn",
    "media_url": "https://app.example/p/77.jpg",
    "device_id": "android-5521",
    "attribute[household_size]": "1",
    "attribute[floor]": "tầng 3",
    "description": "Bà cụ sống một mình, không ai mang cơm",
}


def links_in(details: CaseDetails) -> list[str]:
    """The addresses of the links the details hold, in order (what Tab then Enter would open)."""
    found: list[str] = []
    block = details.ui.details.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href and href not in found:
                found.append(href)
            it += 1
        block = block.next()
    return found


@pytest.fixture
def pinned(tmp_path: Path) -> Iterator[tuple[Server, str]]:
    """A server holding one request an app sent with a map pin and nothing else of where."""
    with running_server("sqlite", tmp_path / "server") as server:
        answer = requests.post(
            f"{server.url}/open311/v2/requests.json", data=PIN | {"api_key": server.keys["app"]}, timeout=30
        )
        assert answer.status_code == 201, answer.text
        yield server, answer.json()[0]["service_request_id"]


def test_a_supervisor_finds_a_map_pin_request_at_triage_with_its_point(
    pinned: tuple[Server, str], open_console: Open, qtbot: QtBot, keyring_stand_in: MemoryKeyring
) -> None:
    server, number = pinned
    console = log_in_as(qtbot, open_console, server, "sup")
    dashboard = figures_shown(qtbot, console)
    press(qtbot, console, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # the backlog by unit
    view = dashboard.views["units"]
    assert focused(console) is view
    row = next(r for r, unit in enumerate(dashboard.units.rows) if unit.key == "1022-triage")
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dashboard.drilldowns), timeout=WAIT_MS)
    triage = dashboard.drilldowns[-1]
    assert isinstance(triage, DrillDownDialog)
    qtbot.waitUntil(lambda: len(triage.model.rows) == 1, timeout=WAIT_MS)
    assert triage.model.rows[0]["case_number"] == number
    shown = [triage.model.data(triage.model.index(0, column)) for column in range(triage.model.columnCount())]
    assert "điểm bản đồ 10.7626, 106.6602" in shown


def test_the_case_details_show_everything_the_app_sent(
    pinned: tuple[Server, str], qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    server, number = pinned
    store = CaseStore(tmp_path / "console.sqlite3")
    client = ServerClient(server.url)
    client.login("op", PASSWORD)
    assert follow(Replica(store.engine), client).added == 1
    [case] = [c for c in (store.get_case(s.id) for s in store.list_cases()) if c and c.case_number == number]
    assert case.address.point is not None and case.caller_email == "hang@example.vn"
    translator = install_translator(qapp, "vi")
    assert translator is not None
    try:
        details = CaseDetails(case, default_gazetteer(), default_taxonomy(), "vi")
    finally:
        qapp.removeTranslator(translator)
    qtbot.addWidget(details)
    text = details.ui.details.toPlainText()
    for expected in (
        "hang@example.vn",
        "10.762622, 106.660172 · OpenStreetMap",
        "https://app.example/p/77.jpg",
        "thiết bị: android-5521; floor: tầng 3",
        "không có: chỉ có điểm trên bản đồ",
        "Đơn vị xử lý\nTổng đài 1022 – phân loại",  # the unit's name, not its code
    ):
        assert expected in text, (expected, text)
    assert links_in(details) == [
        "https://www.openstreetmap.org/?mlat=10.762622&mlon=106.660172#map=18/10.762622/106.660172",
        "https://app.example/p/77.jpg",
    ]
    store.close()
