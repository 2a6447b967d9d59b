"""The replica's copies of cases taken elsewhere, as a unit's or the triage desk's console keeps them:
a page of the feed never moves a case back to an older version, a case that leaves the account's
view leaves its worklist, and nothing made at this desk (a decision, a repeat call) is ever dropped
with a copy. On a real SQLite store, without a server (the feed's pages are given)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from operator_console.domain.case import Contact, Person, Priority, Status
from operator_console.domain.changes import make_change
from operator_console.domain.deadlines import default_deadlines
from operator_console.domain.phones import parse_phone
from operator_console.store.case_store import CaseRecord, CaseStore, insert_records
from operator_console.store.models import CaseRow
from operator_console.store.outbox import Outbox
from operator_console.store.replica import Replica
from operator_console.store.server_state import ServerCase
from operator_console.store.worklist import worklist
from tests.server.test_outbox import a_case

UNIT = "ubnd-26740"
OPEN = (Status.DISPATCHED, Status.ACCEPTED, Status.IN_PROGRESS)


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(tmp_path / "console.sqlite3")


def from_the_feed(
    name: str, version: int, *, status: Status = Status.DISPATCHED, days_ago: int = 0
) -> ServerCase:
    case = a_case(name)
    case = replace(
        case,
        received_at=case.received_at - timedelta(days=days_ago),
        status=status,
        handling_unit=UNIT,
        case_number=f"1022-2026-{version:06d}",
    )
    return ServerCase(server_id=str(uuid.uuid4()), source_key=str(uuid.uuid4()), case=case, version=version)


def listed(store: CaseStore) -> dict[str, tuple[Status, int | None, bool, str]]:
    return {
        i.server_id or "": (i.status, i.version, i.waiting, i.refused)
        for i in worklist(store.engine, {UNIT}, OPEN, default_deadlines())
    }


def test_a_page_of_the_feed_older_than_what_the_console_has_does_not_move_the_case_back(
    store: CaseStore,
) -> None:
    replica, now = Replica(store.engine), datetime.now(UTC)
    accepted = from_the_feed("Cụ Hai", 5, status=Status.ACCEPTED)
    replica.apply([accepted], 1, now)
    older = replace(accepted, case=replace(accepted.case, status=Status.DISPATCHED), version=4)
    replica.apply([older], 2, now)
    assert listed(store)[accepted.server_id][:2] == (Status.ACCEPTED, 5)
    unversioned = replace(accepted, case=replace(accepted.case, status=Status.IN_PROGRESS), version=None)
    replica.apply([unversioned], 3, now)  # a server before versions: the version known stays
    assert listed(store)[accepted.server_id][:2] == (Status.IN_PROGRESS, 5)


def test_a_case_routed_away_leaves_the_list_and_what_was_made_here_stays(store: CaseStore) -> None:
    replica, outbox, now = Replica(store.engine), Outbox(store.engine), datetime.now(UTC)
    untouched, decided, called = (from_the_feed(n, 3) for n in ("Bà Ba", "Chú Tư", "Cô Năm"))
    replica.apply([untouched, decided, called], 1, now)
    assert set(listed(store)) == {untouched.server_id, decided.server_id, called.server_id}
    store.add_change(
        decided.server_id, make_change(at=now, status=Status.ACCEPTED, base_version=3), by="unit-a"
    )
    store.add_contact(
        called.server_id,
        Contact(str(uuid.uuid4()), now, called.case.channel, Person("Con gái", parse_phone("0903 555 777"))),
    )
    assert listed(store)[decided.server_id][:3] == (Status.ACCEPTED, 3, True)  # shown at once, waiting

    # A supervisor re-routes all three to another unit: this account sees them no more.
    replica.apply([], 2, now, gone=[untouched.server_id, decided.server_id, called.server_id])
    assert listed(store) == {}
    with Session(store.engine) as session:
        assert session.get(CaseRow, untouched.server_id) is None  # a copy, nothing made here: dropped
        for kept in (decided.server_id, called.server_id):
            row = session.get(CaseRow, kept)
            assert row is not None and row.handling_unit == ""
    assert [s for _c, s, _e in store.changes_of(decided.server_id)] == ["waiting"]
    assert outbox.state().waiting == 2  # the accept and the repeat call still go to the server


def test_the_replicas_window_never_forgets_a_copy_with_something_made_here(store: CaseStore) -> None:
    replica, now = Replica(store.engine), datetime.now(UTC)
    old_plain, old_decided = (
        from_the_feed("Ông Sáu", 2, days_ago=100),
        from_the_feed("Bà Bảy", 2, days_ago=100),
    )
    replica.apply([old_plain, old_decided], 1, now)
    store.add_change(old_decided.server_id, make_change(at=now, note="Đã gọi lại"), by="unit-a")
    assert replica.forget_older_than(now - timedelta(days=90)) == 1
    assert store.get_case(old_plain.server_id) is None
    assert store.get_case(old_decided.server_id) is not None


def test_a_drill_down_decision_copies_the_case_and_keeps_the_change_in_one_go(store: CaseStore) -> None:
    replica, now = Replica(store.engine), datetime.now(UTC)
    late = from_the_feed("Cụ Tám", 7, days_ago=120)  # older than the replica's window: no copy yet
    known = from_the_feed("Cô Chín", 4)
    replica.apply([known], 1, now)
    escalate = make_change(at=now, handling_unit="so-ldtbxh", priority=Priority.URGENT, base_version=7)
    note = make_change(at=now, note="Quá hạn", base_version=None)
    replica.keep_with_changes([(late, escalate), (known, note)], now, by="sup")
    assert [c.id for c, _s, _e in store.changes_of(late.server_id)] == [escalate.id]
    assert [c.id for c, _s, _e in store.changes_of(known.server_id)] == [note.id]
    assert Outbox(store.engine).change_to_send(escalate.id) == (escalate.body(), frozenset({7}))
    with Session(store.engine) as session:
        row = session.get(CaseRow, late.server_id)
        assert row is not None and row.from_server and row.server_version == 7


def test_a_drill_down_decision_racing_the_feeds_copy_of_the_same_case_is_kept_once(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feed's pass copies the case between the decision's look-up and its own copy: the
    decision's transaction is rolled back whole and made again on the feed's copy."""
    from operator_console.store import replica as replica_module

    replica, now = Replica(store.engine), datetime.now(UTC)
    late = from_the_feed("Cụ Mười Một", 6, days_ago=10)
    raced: list[bool] = []

    def feed_first(connection: Connection, records: Sequence[CaseRecord]) -> None:
        if not raced:
            raced.append(True)
            Replica(CaseStore(Path(str(store.engine.url.database))).engine).apply([late], 1, now)
        insert_records(connection, records)  # the real one (the replica's name for it is patched)

    monkeypatch.setattr(replica_module, "insert_records", feed_first)
    note = make_change(at=now, note="Quá hạn, đã báo Sở")
    replica.keep_with_changes([(late, note)], now, by="sup")
    assert raced == [True]
    assert [c.id for c, _s, _e in store.changes_of(late.server_id)] == [note.id]
    with Session(store.engine) as session:
        assert session.query(CaseRow).filter(CaseRow.server_id == late.server_id).count() == 1
