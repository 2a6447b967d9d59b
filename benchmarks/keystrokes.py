"""How many keys an operator presses for 20 realistic calls, with the console's help and without.

    QT_QPA_PLATFORM=offscreen python benchmarks/keystrokes.py

Replays the calls below through the real intake window (real key events on the real widgets, a real
store in a temporary folder) twice: once as an operator uses the console (digit keys, completion
of wards and streets, F4 to fill a repeat caller's details, the suggested priority), once with
completion and defaults switched off (everything typed out, the priority chosen by hand). Both runs
must store the same cases; the script checks that, then prints the keys of each call and the ratio.
Target: half the keys or fewer.

Accepting an offered completion is counted as the keys an operator presses (Down, Enter); the
offscreen platform has no keyboard grab for the completion list, so the script puts the offered
text in itself and then sends the Enter.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from readme import machine, today, write_section

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import build_case
from operator_console.domain.interchange import draft_from_row
from operator_console.domain.phones import parse_phone
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.gui.intake.likely_dialog import LikelyDialog
from operator_console.gui.shell.app import Console, build_console
from operator_console.samples import rows as generated_rows
from operator_console.store.case_store import CaseStore, case_record


@dataclass(frozen=True)
class Call:
    phone: str
    caller: str
    ward: str
    address: str
    category: str  # digit, then how many Downs to a sub-category
    description: str
    relation_downs: int = 0  # Bản thân, Người nhà (1), Hàng xóm (2), Người khác (3)
    subject: str = ""
    household: str = ""
    vulnerable: tuple[str, ...] = ()
    no_food: bool = False
    sub_downs: int = 0
    today: str = ""
    """For a former ward split between several (Phường 5, Quận 8): the one of today the caller is in."""


CALLS = [
    Call("0168 912 3456", "Trần Văn Bình", "Phường 5, Quận 8", "12/3/45 Phạm Thế Hiển", "1",
         "Bà cụ sống một mình, hết gạo", 2, "Bà Lê Thị Mai", "1", ("lone_elderly",), True,
         today="Phường Chánh Hưng"),
    Call("0909 214 775", "Nguyễn Thị Hồng", "Phường Chánh Hưng", "88 Âu Dương Lân", "2",
         "Chưa nhận tiền hỗ trợ gói 2", household="4", sub_downs=1),
    Call("0387 552 190", "Lê Văn Tám", "Phường Bình Đông", "102/7 Bình Đông", "1",
         "Nhà 3 trẻ nhỏ, hết sữa", household="5", vulnerable=("children",), sub_downs=2),
    Call("028 3855 1234", "Phạm Thị Lan", "Phường Chánh Hưng", "45/2 Âu Dương Lân", "3",
         "Trẻ đi lạc ở chợ", 3, "Bé Tí", sub_downs=2),
    Call("0168 912 3456", "Trần Văn Bình", "Phường 5, Quận 8", "12/3/45 Phạm Thế Hiển", "1",
         "Gọi lại: chưa ai đến", 2, "Bà Lê Thị Mai", "1", ("lone_elderly",), True,
         today="Phường Chánh Hưng"),
    Call("0935 667 012", "Võ Minh Tuấn", "Phường Bình Đông", "7 Bình Đông", "2",
         "Lao động tự do mất việc", household="2", sub_downs=3),
    Call("0909 214 775", "Nguyễn Thị Hồng", "Phường Chánh Hưng", "88 Âu Dương Lân", "2",
         "Vẫn chưa nhận được", household="4", sub_downs=1),
    Call("0778 120 455", "Huỳnh Văn Lộc", "Phường Phú Định", "33 Phạm Thế Hiển", "1",
         "Khu trọ 6 công nhân thiếu ăn", household="6", no_food=True),
    Call("0387 552 190", "Lê Văn Tám", "Phường Bình Đông", "102/7 Bình Đông", "1",
         "Gọi lại, con sốt", household="5", vulnerable=("children", "sick"), sub_downs=2),
    Call("0912 008 331", "Đặng Thị Thu", "Phường Phú Định", "19/4 Phạm Thế Hiển", "3",
         "Ông cụ khuyết tật ở một mình", 2, "Ông Năm", "1", ("lone_elderly", "disabled"), sub_downs=5),
    Call("0168 912 3456", "Trần Văn Bình", "Phường 5, Quận 8", "12/3/45 Phạm Thế Hiển", "1",
         "Lần 3, bà yếu lắm", 2, "Bà Lê Thị Mai", "1", ("lone_elderly", "sick"), True,
         today="Phường Chánh Hưng"),
    Call("0356 441 208", "Trương Văn Hải", "Phường Chánh Hưng", "5 Âu Dương Lân", "4",
         "Tụ tập đông người"),
    Call("0935 667 012", "Võ Minh Tuấn", "Phường Bình Đông", "7 Bình Đông", "2",
         "Hỏi lại tiền hỗ trợ", household="2", sub_downs=3),
    Call("0778 120 455", "Huỳnh Văn Lộc", "Phường Phú Định", "33 Phạm Thế Hiển", "1",
         "Vẫn thiếu ăn", household="6", no_food=True),
    Call("0987 300 122", "Bùi Thị Cúc", "Phường Bình Đông", "61 Bình Đông", "2",
         "Hộ nghèo chưa nhận hỗ trợ", household="3", sub_downs=2),
    Call("0912 008 331", "Đặng Thị Thu", "Phường Phú Định", "19/4 Phạm Thế Hiển", "3",
         "Ông Năm chưa có ai thăm", 2, "Ông Năm", "1", ("lone_elderly", "disabled"), sub_downs=5),
    Call("0909 214 775", "Nguyễn Thị Hồng", "Phường Chánh Hưng", "88 Âu Dương Lân", "2",
         "Lần 3", household="4", sub_downs=1),
    Call("0387 552 190", "Lê Văn Tám", "Phường Bình Đông", "102/7 Bình Đông", "1",
         "Đã nhận gạo, cần sữa", household="5", vulnerable=("children",), sub_downs=2),
    Call("0356 441 208", "Trương Văn Hải", "Phường Chánh Hưng", "5 Âu Dương Lân", "5",
         "Đèn đường hư"),
    Call("0987 300 122", "Bùi Thị Cúc", "Phường Bình Đông", "61 Bình Đông", "2",
         "Gọi lại", household="3", sub_downs=2),
]  # fmt: skip

VULNERABLE_BOX = {
    "lone_elderly": "loneElderlyCheck",
    "children": "childrenCheck",
    "disabled": "disabledCheck",
    "pregnant": "pregnantCheck",
    "sick": "sickCheck",
}


@dataclass
class Keyboard:
    """Sends key events to the focused widget, and counts them (a chord such as Ctrl+Enter is one)."""

    app: QApplication
    window: QWidget
    count: int = 0
    log: list[str] = field(default_factory=list)

    def focused(self) -> QWidget:
        return self.window.focusWidget() or self.window

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focused(), key, modifiers)
        self.count += 1
        self.settle()

    def chord(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """A window shortcut or an Alt+letter (sent to the window, as the platform would)."""
        if QApplication.activeWindow() is not self.window:
            # Offscreen, a completion list that was shown takes the activation with it (no
            # window manager to give it back); on a desktop the window never loses it.
            self.window.activateWindow()
            self.settle()
        QTest.keyClick(self.window, key, modifiers)
        self.count += 1
        self.settle()

    def text(self, text: str) -> None:
        for ch in text:
            target = self.focused()
            if ch.isascii():
                QTest.keyClicks(target, ch)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                    )
            self.count += 1
        self.settle()

    def accept_completion(self, edit: QLineEdit, offered: str) -> None:
        """Down to the offered line, Tab to take it and go on: two keys."""
        edit.setText(offered)
        self.count += 1
        self.key(Qt.Key.Key_Tab)

    def wait_for(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                sys.exit("the console did not answer in time")
            self.settle(0.005)

    def settle(self, until: float = 0.0) -> None:
        deadline = time.monotonic() + until
        while True:
            QCoreApplication.processEvents()
            if time.monotonic() >= deadline:
                break
            time.sleep(0.005)


def alt(letter: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    return Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier


def enter_call(console: Console, kb: Keyboard, call: Call, helped: bool, caller_id: bool) -> None:
    window, ui = console.window, console.window.form.ui
    window.form.completion = helped
    if caller_id:
        # The exchange hands the number over (operator-console --incoming-call): no key at all.
        window.incoming_call(call.phone)
        kb.settle()
        kb.key(Qt.Key.Key_Backtab)  # back to the phone field, as after typing it
    else:
        kb.chord(Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
        kb.text(call.phone)
    # The caller's earlier cases arrive from the database worker: wait for them (a fixed pause
    # missed them on a busy machine, and the run typed out what F4 fills in).
    kb.wait_for(
        lambda: window.history.phone == parse_phone(call.phone).national and not window.history.model.loading
    )
    filled = False
    if helped and window.history.model.rowCount():
        kb.chord(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)
        kb.settle(0.15)
        filled = ui.callerNameEdit.text() == call.caller
    if filled:
        kb.chord(*alt("l"))  # straight to the category: everything above is filled in
    else:
        kb.key(Qt.Key.Key_Return)
        kb.text(call.caller)
        kb.key(Qt.Key.Key_Return)
        for _ in range(call.relation_downs):
            kb.key(Qt.Key.Key_Down)
        kb.key(Qt.Key.Key_Return)
        kb.text(call.subject)
        kb.key(Qt.Key.Key_Return)
        type_address(console, kb, call.address, helped)
        type_ward(console, kb, call.ward, helped, call.today)
    kb.text(call.category)
    for _ in range(call.sub_downs):
        kb.key(Qt.Key.Key_Down)
    kb.key(Qt.Key.Key_Return)
    kb.text(call.household)
    kb.key(Qt.Key.Key_Return)  # on the tick boxes: a digit ticks each, Enter goes to the description
    boxes = window.form.tick_boxes
    ticked = ([ui.noFoodCheck] if call.no_food else []) + [
        getattr(ui, VULNERABLE_BOX[v]) for v in call.vulnerable
    ]
    kb.text("".join(str(boxes.index(box) + 1) for box in ticked))
    kb.key(Qt.Key.Key_Return)
    kb.text(call.description)
    if not helped:
        # No suggestion: the operator sets the priority the rules would have given.
        suggested = window.form.ui.priorityHint.text()
        kb.chord(*alt("u"))
        target = next(
            i for i in range(1, ui.priorityCombo.count()) if ui.priorityCombo.itemText(i) in suggested
        )
        for _ in range(target):
            kb.key(Qt.Key.Key_Down)
    kb.chord(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def type_address(console: Console, kb: Keyboard, address: str, helped: bool) -> None:
    edit = console.window.form.ui.addressEdit
    number, street = address.split(" ", 1)
    kb.text(number + " ")
    if helped:
        for ch in street:
            known = console.store.known_streets(street[: len(edit.text()) - len(number) - 1])
            if known and known[0] == street and len(edit.text()) > len(number) + 2:
                kb.accept_completion(edit, f"{number} {street}")
                return
            kb.text(ch)
    else:
        kb.text(street)
    kb.key(Qt.Key.Key_Return)


def type_ward(console: Console, kb: Keyboard, ward: str, helped: bool, today: str) -> None:
    form = console.window.form
    edit, choices = form.ui.wardEdit, form.ui.wardChoices
    gazetteer = console.window._context.gazetteer
    if helped:
        # The operator types the ward's own name, not its unit word: "chanh h…", "5 quan 8".
        wanted = gazetteer.resolve(ward)
        for unit in ("Phường ", "Xã "):
            ward = ward.removeprefix(unit)
        for ch in ward:
            offered = gazetteer.complete(edit.text(), limit=1) if len(edit.text()) >= 2 else []
            if (
                offered
                and wanted.current is not None
                and gazetteer.resolve(offered[0].label).current == wanted.current
            ):
                kb.accept_completion(edit, offered[0].label)
                return
            kb.text(ch)
    else:
        kb.text(ward)
    kb.key(Qt.Key.Key_Return)
    if console.window.focusWidget() is choices:
        # A split former ward: its successors are listed, and the digit of the caller's one picks it.
        names = [choices.item(row).text().split("  ", 1)[1] for row in range(choices.count())]
        kb.text(str(next(i for i, name in enumerate(names, start=1) if name.startswith(today))))


def run(
    helped: bool, caller_id: bool, folder: Path
) -> tuple[list[int], list[float], list[tuple[object, ...]], int]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    settings = QSettings(str(folder / f"settings-{helped}-{caller_id}.ini"), QSettings.Format.IniFormat)
    store = folder / f"store-{helped}-{caller_id}.sqlite3"
    # A desk in use: the store already holds the city's earlier cases (and so its streets).
    seed = CaseStore(store)
    gazetteer, taxonomy, now = default_gazetteer(), default_taxonomy(), datetime.now(UTC)
    earlier = generated_rows(20_000, seed=11)
    with seed.bulk_import() as bulk:  # the importer's own path
        bulk.add(
            [
                case_record(
                    build_case(draft_from_row(r), gazetteer=gazetteer, taxonomy=taxonomy, now=now), now
                )
                for r in earlier
            ]
        )
    seed.close()
    console = build_console(app, store, settings, "vi")
    console.window.resize(1500, 920)
    console.window.show()
    kb = Keyboard(app, console.window)
    per_call: list[int] = []
    ready_ms: list[float] = []
    questions = 0
    for call in CALLS:
        before = kb.count
        saved = console.store.count_cases()
        enter_call(console, kb, call, helped, caller_id)
        started = time.perf_counter()
        form = console.window.form
        asked = False
        while not (form.is_blank() and console.window.focusWidget() is form.ui.phoneEdit):
            QCoreApplication.processEvents()
            # A short sleep, as an event loop waits: a loop that never lets go of the GIL starves
            # the worker threads the save goes through (the duplicate check, the store's writer).
            time.sleep(0.0005)
            # (the last call's question may still be there, closed: deleted later)
            shown = [d for d in console.window.findChildren(LikelyDialog) if d.isVisible()]
            if shown and not asked:
                question = shown[0]
                # The caller's earlier case is likely the same need: the console asks. Every call
                # here is saved as its own case (the three runs must store the same cases), so
                # the operator answers M, "a new case anyway": one key, counted.
                QTest.keyClick(question, Qt.Key.Key_M)
                kb.count += 1
                asked = True
                questions += 1
            if time.perf_counter() - started > 5:
                errors = [
                    e.text() for e in (form.ui.phoneError, form.ui.categoryError, form.ui.householdError)
                ]
                sys.exit(f"call {len(per_call) + 1} was not saved: {errors}, draft {form.draft()}")
        if not asked:  # the time to answer a question is the operator's, not the console's
            ready_ms.append((time.perf_counter() - started) * 1000)
        while console.store.count_cases() != saved + 1:
            kb.settle(0.01)
        per_call.append(kb.count - before)
    stored: list[tuple[object, ...]] = [
        (c.caller.phone.national, c.caller.name, c.needy.name, c.address.ward_code, c.address.street,
         c.category, c.household_size, sorted(c.vulnerable), c.no_food_today, c.priority.value, c.description)
        for c in console.store.iter_cases()
    ]  # fmt: skip
    console.shutdown()
    console.window.close()
    return per_call, ready_ms, stored, questions


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["OPERATOR_CONSOLE_DATA"] = tmp
        with_id, ready_ms, cases_with_id, questions = run(True, True, Path(tmp))
        helped, _ready, helped_cases, _asked = run(True, False, Path(tmp))
        plain, _ready, plain_cases, _asked = run(False, False, Path(tmp))
    if not helped_cases == plain_cases == cases_with_id:
        sys.exit("the runs stored different cases: the comparison would be unfair")
    print("| call | with caller ID | number typed | typed out, no help |")
    print("| --- | --- | --- | --- |")
    for number, counts in enumerate(zip(with_id, helped, plain, strict=True), start=1):
        print(f"| {number} | " + " | ".join(str(c) for c in counts) + " |")
    totals = [sum(with_id), sum(helped), sum(plain)]
    print("| all 20 | " + " | ".join(str(t) for t in totals) + " |")
    ratios = totals[0] / totals[2], totals[1] / totals[2]
    ready = (
        f"Ctrl+Enter to an empty, focused form: median {statistics.median(ready_ms):.1f} ms, "
        f"max {max(ready_ms):.1f} ms over the {len(ready_ms)} saves that asked nothing"
    )
    print(f"\nratio with caller ID: {ratios[0]:.2f}; with the number typed: {ratios[1]:.2f}")
    print(ready)
    asked = (
        f"The console asked before {questions} of the 20 saves (an earlier case likely the same need "
        "was listed); each answer, M, is counted."
    )
    print(asked)
    if "--no-write" not in sys.argv:
        write_section(
            "keystrokes",
            f"Last run, {today()}, {machine()}:\n\n"
            "| with caller ID | number typed | typed out, no help | ratios to no help (caller ID, typed) |\n"
            "| --- | --- | --- | --- |\n"
            f"| {totals[0]:,} keys | {totals[1]:,} keys | {totals[2]:,} keys "
            f"| {ratios[0]:.2f}, {ratios[1]:.2f} |\n\n"
            f"{ready}.\n\n{asked}",
        )


if __name__ == "__main__":
    main()
