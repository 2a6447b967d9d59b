"""The candidates panel as an operator meets it: a repeat caller's earlier case shows up while the
number is still being typed, Ctrl+1 opens it, Enter links the call to it; or the call is another
need of the same household and is saved as a new case, related to the earlier one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from operator_console.gui.intake.candidate_dialog import CandidateDialog
from operator_console.gui.intake.likely_dialog import LikelyDialog
from operator_console.gui.shell.app import Console, build_console
from operator_console.store.case_store import CaseStore
from operator_console.store.models import CaseLinkRow
from operator_console.store.outbox import Outbox
from tests.drafts import MakeCase
from tests.keys import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def console(qtbot: QtBot, qapp: QApplication, tmp_path: Path, make_case: MakeCase) -> Iterator[Console]:
    earlier = CaseStore(tmp_path / "console.sqlite3")
    earlier.add_case(
        make_case(
            caller_phone="0389 123 456",
            caller_name="Lê Thị Mai",
            address="12/3/45 Lê Văn Sỹ",
            ward="Phường Sài Gòn",
            description="Hết gạo, hai cháu nhỏ",
        )
    )
    earlier.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = build_console(qapp, tmp_path / "console.sqlite3", settings, "vi")
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    built.window.activateWindow()
    qtbot.waitUntil(built.window.isActiveWindow)
    yield built
    built.shutdown()
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)


def opened_dialog(console: Console) -> CandidateDialog | None:
    return console.window.findChild(CandidateDialog)


def test_a_repeat_callers_earlier_case_shows_before_the_number_is_finished(
    console: Console, qtbot: QtBot
) -> None:
    window = console.window
    qtbot.keyClicks(window.form.ui.phoneEdit, "0389 123 4")  # two digits still to come
    panel = window.candidates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert (
        window.form.ui.phoneEdit.text() == "0389 123 4" and window.focusWidget() is window.form.ui.phoneEdit
    )
    row = [panel.model.data(panel.model.index(0, c)) for c in range(panel.model.columnCount())]
    assert row[0] == "Ctrl+1" and row[5] == "Lê Thị Mai" and "số điện thoại bắt đầu giống" in row[6]
    qtbot.keyClicks(window.form.ui.phoneEdit, "56")
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(0, 1)) == "rất có thể trùng")
    assert panel.ui.summaryLabel.text() == "1 hồ sơ trước rất có thể cùng nhu cầu: Ctrl+1 để mở hồ sơ đầu."
    # What the two words mean is on screen, and in full on the word itself.
    assert panel.legend.isVisible() and panel.legend.text().startswith("«rất có thể trùng»: cùng người")
    assert "«có thể liên quan»: giống một phần" in panel.legend.text()
    tip = panel.model.data(panel.model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert str(tip).startswith("rất có thể trùng: cùng người hoặc cùng hộ")


def test_linking_the_call_makes_it_a_repeat_call_on_the_earlier_case_not_a_new_case(
    console: Console, qtbot: QtBot
) -> None:
    window = console.window
    qtbot.keyClicks(window.form.ui.phoneEdit, "0389123456")
    window.form.ui.addressEdit.setFocus()
    type_text(qtbot, window.form.ui.addressEdit, "hẻm 12/3 Lê Văn Sỹ")
    window.form.ui.descriptionEdit.setFocus()
    type_text(qtbot, window.form.ui.descriptionEdit, "Vẫn chưa ai đến")
    qtbot.waitUntil(lambda: window.candidates.model.rowCount() == 1)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: opened_dialog(console) is not None)
    dialog = opened_dialog(console)
    assert dialog is not None and "cùng số điện thoại 0389 123 456" in dialog.ui.details.toPlainText()
    assert dialog.focusWidget() is dialog.link_button
    qtbot.keyClick(dialog.link_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã ghi cuộc gọi lại vào hồ sơ"))
    assert window.form.is_blank() and window.focusWidget() is window.form.ui.phoneEdit
    (only,) = console.store.list_cases()  # no second case
    case = console.store.get_case(only.id)
    assert case is not None and case.repeat_count == 1
    (contact,) = case.contacts
    # Nothing the caller said is lost by linking: what they told and the address they gave.
    assert contact.note == "Vẫn chưa ai đến\nĐịa chỉ: hẻm 12/3 Lê Văn Sỹ"
    # and the case's details show it line by line, not run together ("đến Địa chỉ")
    from operator_console.gui.cases.case_details import CaseDetails

    context = console.window._context
    details = CaseDetails(case, context.gazetteer, context.taxonomy, "vi", window)
    lines = details.ui.details.toPlainText().replace("\u2028", "\n").splitlines()
    assert "Vẫn chưa ai đến" in lines and "Địa chỉ: hẻm 12/3 Lê Văn Sỹ" in lines
    details.deleteLater()
    assert contact.caller.phone.national == "0389123456"
    assert Outbox(console.store.engine).state().waiting == 2  # the case itself, then its repeat call


def test_another_need_of_the_same_household_is_a_new_case_related_to_the_earlier_one(
    console: Console, qtbot: QtBot
) -> None:
    window = console.window
    ui = window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.callerNameEdit.setFocus()
    type_text(qtbot, ui.callerNameEdit, "Lê Văn Tư")  # her son, about his own job loss
    ui.categoryCombo.setFocus()
    qtbot.keyClicks(ui.categoryCombo, "2")
    qtbot.waitUntil(lambda: window.candidates.model.rowCount() == 1)
    assert window.candidates.model.data(window.candidates.model.index(0, 1)) == "có thể liên quan"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: opened_dialog(console) is not None)
    dialog = opened_dialog(console)
    assert dialog is not None
    earlier_id = console.store.list_cases()[0].id
    dialog.related_button.click()
    qtbot.waitUntil(lambda: console.store.count_cases() == 2)
    new = next(c for c in console.store.list_cases() if c.id != earlier_id)
    assert new.name == "Lê Văn Tư"
    assert links_of(console.store, new.id) == [("related", earlier_id)]


def likely_question(console: Console) -> LikelyDialog | None:
    shown = [d for d in console.window.findChildren(LikelyDialog) if d.isVisible()]
    return shown[0] if shown else None


def writes_done(console: Console, qtbot: QtBot) -> None:
    """Every write queued so far has run: the store's one writer took a no-op after them."""
    done: list[bool] = []
    console.window._runner.run_db(lambda: None, lambda _none: done.append(True))
    qtbot.waitUntil(lambda: bool(done))


def type_repeat_call(console: Console, qtbot: QtBot) -> None:
    """The caller of the earlier case again, the need typed, the earlier case shown *likely*."""
    window, ui = console.window, console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.callerNameEdit.setFocus()
    type_text(qtbot, ui.callerNameEdit, "Le Thi Mai")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("essential_supplies"))
    ui.descriptionEdit.setFocus()
    type_text(qtbot, ui.descriptionEdit, "Vẫn chưa ai đến")
    qtbot.waitUntil(lambda: window.candidates.first_likely() is not None)


def test_saving_while_a_likely_case_shows_asks_first_and_enter_links_the_call(
    console: Console, qtbot: QtBot
) -> None:
    window = console.window
    type_repeat_call(console, qtbot)
    qtbot.keyClick(window.form.ui.descriptionEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: likely_question(console) is not None)
    question = likely_question(console)
    assert question is not None and question.isVisible()
    summary = question.summary.text()
    assert "Lê Thị Mai" in summary and "cùng số điện thoại 0389 123 456" in summary
    assert question.focusWidget() is question.link_button and question.link_button.isDefault()
    writes_done(console, qtbot)
    assert console.store.count_cases() == 1  # nothing written before the answer
    qtbot.keyClick(question.link_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã ghi cuộc gọi lại vào hồ sơ"))
    (only,) = console.store.list_cases()
    case = console.store.get_case(only.id)
    assert case is not None and case.repeat_count == 1 and case.contacts[0].note.startswith("Vẫn chưa ai đến")
    assert window.form.is_blank() and window.focusWidget() is window.form.ui.phoneEdit


def test_escape_goes_back_to_the_call_and_m_saves_a_new_case_with_the_answer_kept(
    console: Console, qtbot: QtBot
) -> None:
    window, ui = console.window, console.window.form.ui
    earlier_id = console.store.list_cases()[0].id
    type_repeat_call(console, qtbot)
    qtbot.keyClick(ui.descriptionEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: likely_question(console) is not None)
    question = likely_question(console)
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # not sure yet: back to the call, nothing lost
    qtbot.waitUntil(lambda: likely_question(console) is None)
    writes_done(console, qtbot)
    assert ui.descriptionEdit.toPlainText() == "Vẫn chưa ai đến" and console.store.count_cases() == 1
    qtbot.waitUntil(lambda: window.focusWidget() is ui.descriptionEdit)
    # Asked again at the next Ctrl+Enter; this time it is another need: M saves it anyway.
    qtbot.keyClick(ui.descriptionEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: likely_question(console) is not None)
    question = likely_question(console)
    assert question is not None
    qtbot.keyClick(question, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: console.store.count_cases() == 2)
    qtbot.waitUntil(lambda: window.saved_banner.text().startswith("Đã lưu: hồ sơ"))
    new = next(c for c in console.store.list_cases() if c.id != earlier_id)
    assert links_of(console.store, new.id) == [("distinct", earlier_id)]
    with console.store.engine.connect() as connection:
        note = connection.exec_driver_sql("SELECT note FROM case_links WHERE case_id = ?", (new.id,)).scalar()
    assert note == "Được đề xuất là rất có thể trùng: cùng số điện thoại 0389 123 456; cùng người: Lê Thị Mai"
    # The earlier case, the new one and the answer, each to be sent to the server.
    assert Outbox(console.store.engine).state().waiting == 3


def test_a_fast_typist_who_saves_before_the_search_has_run_is_asked_too(
    console: Console, qtbot: QtBot
) -> None:
    window, ui = console.window, console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("essential_supplies"))
    ui.descriptionEdit.setFocus()
    type_text(qtbot, ui.descriptionEdit, "Vẫn chưa ai đến")
    # Ctrl+Enter at once: the panel's pause after the last key is not over, nothing searched yet.
    assert window.candidates.first_likely() is None
    qtbot.keyClick(ui.descriptionEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: likely_question(console) is not None)
    writes_done(console, qtbot)
    assert console.store.count_cases() == 1
    # The candidates that made it ask are on screen behind the question.
    assert window.candidates.model.data(window.candidates.model.index(0, 1)) == "rất có thể trùng"


def test_a_case_another_desk_saved_after_the_panel_searched_is_asked_about(
    console: Console,
    qtbot: QtBot,
    make_case: MakeCase,
) -> None:
    window, ui = console.window, console.window.form.ui
    qtbot.keyClicks(ui.phoneEdit, "0912 777 888")
    ui.callerNameEdit.setFocus()
    type_text(qtbot, ui.callerNameEdit, "Vũ Văn Nam")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("essential_supplies"))
    qtbot.waitUntil(
        lambda: window.candidates.model.rowCount() == 0 and not window.candidates._pause.isActive()
    )
    # Meanwhile his case from another desk reaches this console's store.
    console.store.add_case(make_case(caller_name="Vũ Văn Nam", caller_phone="0912 777 888"))
    qtbot.keyClick(ui.callerNameEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: likely_question(console) is not None)
    writes_done(console, qtbot)
    assert console.store.count_cases() == 2  # the earlier one and his, none written by this call


def test_a_duplicate_search_that_fails_does_not_stop_the_save(
    console: Console, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    window, ui = console.window, console.window.form.ui

    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise OSError("disk I/O error")  # the store could not answer

    monkeypatch.setattr(window.candidates._finder, "find", broken)
    qtbot.keyClicks(ui.phoneEdit, "0389123456")
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("essential_supplies"))
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: console.store.count_cases() == 2)  # saved, nothing asked
    assert likely_question(console) is None
    assert "duplicate search failed: OSError" in caplog.text  # the kind of error, no caller's data


def links_of(store: CaseStore, case_id: str) -> list[tuple[str, str]]:
    """(kind, the other case's id) of every link the store keeps from this case."""
    with Session(store.engine) as session:
        rows = session.execute(
            select(CaseLinkRow.kind, CaseLinkRow.target_id).where(CaseLinkRow.case_id == case_id)
        ).all()
    return [(kind, target) for kind, target in rows]
