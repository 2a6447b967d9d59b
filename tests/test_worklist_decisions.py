"""One decision on several cases at once (the triage desk routes three, a supervisor escalates what
is past its deadline): each case gets its own change, on its own version, never made worse."""

from __future__ import annotations

from datetime import UTC, datetime

from operator_console.domain.case import Priority, Status
from operator_console.domain.units import all_units
from operator_console.gui.worklist.decision_dialog import Decided
from operator_console.gui.worklist.decisions import Target, changes_for

DEPARTMENT = next(u for u in all_units() if u.code == "so-ldtbxh")


def test_escalating_several_raises_each_from_its_own_priority_and_never_lowers_one() -> None:
    targets = [
        Target("a", "1022-2026-000001", Status.DISPATCHED, 3, Priority.NORMAL),
        Target("b", "1022-2026-000002", Status.ACCEPTED, 5, Priority.URGENT),
        Target("c", "1022-2026-000003", Status.DISPATCHED, 2, Priority.CRITICAL),
    ]
    # The dialog offered one step up from the first case's: urgent.
    decided = Decided(priority=Priority.URGENT, unit=DEPARTMENT, note="Quá hạn", escalate=True)
    outcome = changes_for(targets, decided, datetime.now(UTC))
    assert [(case_id, c.priority, c.handling_unit, c.base_version) for case_id, c in outcome.changes] == [
        ("a", Priority.URGENT, "so-ldtbxh", 3),
        ("b", Priority.CRITICAL, "so-ldtbxh", 5),
        ("c", Priority.CRITICAL, "so-ldtbxh", 2),
    ]
    assert len({c.id for _case, c in outcome.changes}) == 3  # each its own change (and key)


def test_a_priority_picked_by_hand_is_set_as_picked() -> None:
    targets = [Target("a", "A", Status.DISPATCHED, 1, Priority.CRITICAL)]
    outcome = changes_for(targets, Decided(priority=Priority.NORMAL), datetime.now(UTC))
    assert [c.priority for _case, c in outcome.changes] == [Priority.NORMAL]


def test_cases_the_decision_cannot_apply_to_are_named_and_left_as_they_are() -> None:
    targets = [
        Target("open", "1022-2026-000010", Status.ACCEPTED, 4),
        Target("closed", "1022-2026-000011", Status.REJECTED, 6),
        Target("unknown", "1022-2026-000012", Status.DISPATCHED, None),
    ]
    outcome = changes_for(targets, Decided(status=Status.RESOLVED, note="Đã trao gạo"), datetime.now(UTC))
    assert [case_id for case_id, _c in outcome.changes] == ["open"]
    assert outcome.cannot == ["1022-2026-000011"]
    assert outcome.unknown == ["1022-2026-000012"]  # its version unknown here: could overwrite
    # A note decides nothing: it goes on whatever the case is, its version known or not.
    notes = changes_for(targets[2:], Decided(note="Đã gọi lại"), datetime.now(UTC))
    assert [(case_id, c.base_version) for case_id, c in notes.changes] == [("unknown", None)]
