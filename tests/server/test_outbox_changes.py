"""Changes made at a console to a case (a call back, a status, a priority) reach the server through
the outbox: written locally first, sent in order and once, through outages; a decision made on a
state someone has changed since is refused and kept, with the server's reason, for the person."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from operator_console.client.api import ServerClient
from operator_console.client.outbox_worker import drain
from operator_console.domain.case import CallOutcome, Priority, Status
from operator_console.domain.changes import InvalidChange, make_change
from operator_console.server.db import open_engine
from operator_console.store.case_store import CaseStore
from operator_console.store.models import CaseRow
from operator_console.store.outbox import Outbox
from tests.server.harness import (
    PASSWORD,
    Server,
    drop_database,
    free_port,
    fresh_database,
    prepare,
    running_server,
)
from tests.server.test_outbox import a_case
from tests.server.test_security import _wait_for_claim


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(tmp_path / "console.sqlite3")


def logged_in(server: Server, username: str) -> ServerClient:
    client = ServerClient(server.url)
    client.login(username, PASSWORD)
    return client


def _sent_case(server: Server, store: CaseStore, name: str) -> tuple[str, str]:
    """A case taken at this console and sent: (its local id, its id on the server)."""
    case = a_case(name)
    store.add_case(case)
    assert drain(store, Outbox(store.engine), logged_in(server, "op"), by="op").sent == 1
    with Session(store.engine) as session:
        server_id = session.scalar(select(CaseRow.server_id).where(CaseRow.id == case.id))
    assert server_id is not None
    return case.id, server_id


def _history(server: Server, server_id: str) -> list[dict[str, Any]]:
    detail = server.session("supervisor").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    return list(detail["history"])


def test_a_call_back_recorded_while_the_server_is_away_reaches_it_once(
    server: Server, store: CaseStore
) -> None:
    case_id, server_id = _sent_case(server, store, "Bà Tư gọi lại")
    outbox = Outbox(store.engine)
    change = make_change(at=datetime.now(UTC), callback=CallOutcome.REACHED, note="Đã báo: chiều nay có gạo")
    store.add_change(case_id, change, by="op")  # written here before anything is sent
    tried = datetime.now(UTC)
    away = ServerClient(f"http://127.0.0.1:{free_port()}", language="en")
    report = drain(store, outbox, away, by="op", rng=random.Random(1), now=lambda: tried)
    assert report.sent == 0 and report.failed
    ((kept, state, _error),) = store.changes_of(case_id)
    assert kept == change and state == "waiting"

    # The server is back; the first try had in fact reached it, and only its answer was lost.
    client = logged_in(server, "op")
    client.update_case(server_id, change.body(), idempotency_key=change.id)
    report = drain(store, outbox, client, by="op", now=lambda: tried + timedelta(minutes=10))
    assert (report.sent, report.refused) == (1, 0)
    assert store.changes_of(case_id)[0][1] == "sent"
    callbacks = [e for e in _history(server, server_id) if e["kind"] == "callback"]
    assert [(e["by"], e["outcome"], e["note"]) for e in callbacks] == [
        ("op", "reached", "Đã báo: chiều nay có gạo")
    ]


def test_changes_go_in_the_order_they_were_made(server: Server, store: CaseStore) -> None:
    case_id, server_id = _sent_case(server, store, "Ông Năm")
    supervisor = logged_in(server, "sup")
    version = int(
        server.session("supervisor").get(server.api(f"/cases/{server_id}"), timeout=30).json()["version"]
    )
    now = datetime.now(UTC)
    first = make_change(at=now, priority=Priority.CRITICAL, note="Cụ ở một mình", base_version=version)
    second = make_change(at=now, callback=CallOutcome.NOT_REACHED, note="Máy bận")
    store.add_change(case_id, first, by="sup")
    store.add_change(case_id, second, by="sup")
    assert drain(store, Outbox(store.engine), supervisor, by="sup").sent == 2
    kinds = [(e["kind"], e["by"]) for e in _history(server, server_id)[1:]]
    assert kinds == [("priority", "sup"), ("callback", "sup")]


def test_a_decision_on_a_state_changed_since_is_refused_and_kept_with_the_reason(
    server: Server, store: CaseStore
) -> None:
    case_id, server_id = _sent_case(server, store, "Chị Sáu")
    seen = int(
        server.session("supervisor").get(server.api(f"/cases/{server_id}"), timeout=30).json()["version"]
    )
    # Meanwhile the unit accepts the case at its own desk.
    accepted = server.session("unit").patch(
        server.api(f"/cases/{server_id}"), json={"status": "accepted"}, timeout=30
    )
    assert accepted.status_code == 200
    change = make_change(at=datetime.now(UTC), priority=Priority.URGENT, base_version=seen)
    store.add_change(case_id, change, by="sup")
    outbox = Outbox(store.engine)
    report = drain(store, outbox, logged_in(server, "sup"), by="sup")
    assert (report.sent, report.refused) == (0, 1)
    ((_seq, refused_case, message),) = outbox.refused_items()
    assert refused_case == case_id and "người khác thay đổi" in message
    ((kept, state, error),) = store.changes_of(case_id)
    assert kept == change and state == "refused" and error == message
    now = server.session("supervisor").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert now["priority"] == "normal" and now["status"] == "accepted"  # nothing overwritten


def _work_offline(store: CaseStore, case_id: str, seen: int) -> None:
    """A unit's focal point works the case from the list while the server is away: accepts it, notes
    progress, resolves it; each decision made on the version the list showed."""
    at = datetime.now(UTC)
    for change in (
        make_change(at=at, status=Status.ACCEPTED, base_version=seen),
        make_change(at=at, note="Tổ dân phố đã đến, cụ cần gạo và thuốc"),
        make_change(at=at, status=Status.RESOLVED, note="Đã trao gạo và thuốc", base_version=seen),
    ):
        store.add_change(case_id, change, by="unit-a")
    away = ServerClient(f"http://127.0.0.1:{free_port()}", language="en")
    report = drain(store, Outbox(store.engine), away, by="unit-a", rng=random.Random(1))
    assert report.sent == 0 and report.failed
    assert [s for _c, s, _e in store.changes_of(case_id)] == ["waiting"] * 3


def test_a_unit_working_offline_sends_its_changes_after_the_outage_in_order_and_once(
    server: Server, store: CaseStore
) -> None:
    case_id, server_id = _sent_case(server, store, "Cụ Năm ở một mình")
    seen = int(server.session("unit").get(server.api(f"/cases/{server_id}"), timeout=30).json()["version"])
    _work_offline(store, case_id, seen)
    # The server is back: the three go in order, each on the version the one before it made
    # (the desk's own accept is not someone else's change).
    outbox = Outbox(store.engine)
    later = datetime.now(UTC) + timedelta(minutes=10)
    report = drain(store, outbox, logged_in(server, "unit-a"), by="unit-a", now=lambda: later)
    assert (report.sent, report.refused) == (3, 0)
    assert drain(store, outbox, logged_in(server, "unit-a"), by="unit-a", now=lambda: later).sent == 0
    history = [(e["kind"], e["by"], e.get("status"), e["note"]) for e in _history(server, server_id)[1:]]
    assert history == [
        ("status", "unit-a", "accepted", ""),
        ("note", "unit-a", None, "Tổ dân phố đã đến, cụ cần gạo và thuốc"),
        ("status", "unit-a", "resolved", "Đã trao gạo và thuốc"),
    ]
    with Session(store.engine) as session:  # the local copy as the server answered the last one
        row = session.get(CaseRow, case_id)
        assert row is not None and (row.status, row.server_version) == ("resolved", seen + 3)


def test_someone_elses_change_during_the_outage_breaks_the_chain_and_nothing_is_overwritten(
    server: Server, store: CaseStore
) -> None:
    case_id, server_id = _sent_case(server, store, "Anh Tám")
    seen = int(server.session("unit").get(server.api(f"/cases/{server_id}"), timeout=30).json()["version"])
    _work_offline(store, case_id, seen)
    # Meanwhile a supervisor raises its priority.
    moved = server.session("supervisor").patch(
        server.api(f"/cases/{server_id}"), json={"priority": "urgent"}, timeout=30
    )
    assert moved.status_code == 200
    later = datetime.now(UTC) + timedelta(minutes=10)
    report = drain(store, Outbox(store.engine), logged_in(server, "unit-a"), by="unit-a", now=lambda: later)
    # The note overwrites nothing and goes; both decisions were made on a state that is gone.
    assert (report.sent, report.refused) == (1, 2)
    assert [s for _c, s, _e in store.changes_of(case_id)] == ["refused", "sent", "refused"]
    now = server.session("supervisor").get(server.api(f"/cases/{server_id}"), timeout=30).json()
    assert (now["status"], now["priority"]) == ("dispatched", "urgent")


def test_what_a_change_must_say_is_checked_before_it_is_kept() -> None:
    now = datetime.now(UTC)
    with pytest.raises(InvalidChange) as empty:
        make_change(at=now, note="   ")
    assert empty.value.field == "note" and empty.value.message.code == "change.empty"
    with pytest.raises(InvalidChange) as no_reason:
        make_change(at=now, status=Status.NOT_ELIGIBLE)
    assert no_reason.value.field == "reason"
    with pytest.raises(InvalidChange) as by_hand:
        make_change(at=now, status=Status.DISPATCHED)
    assert by_hand.value.field == "status"
    additive = make_change(at=now, callback=CallOutcome.WRONG_NUMBER, base_version=7)
    assert additive.base_version is None  # a call back overwrites nothing: no If-Match
    decision = make_change(at=now, status=Status.NOT_ELIGIBLE, reason=" Đã nhận  đợt 2 ", base_version=7)
    assert decision.base_version == 7 and decision.body() == {
        "status": "not_eligible",
        "reason": "Đã nhận đợt 2",
    }


def test_a_change_in_flight_when_the_server_died_goes_through_at_its_first_try_after_the_restart(
    backend: str, tmp_path: Path, store: CaseStore
) -> None:
    """A unit's accept is being written when the server loses its power: after the restart, the
    console's next try is made at once (its key is not left claimed for the lease's minute, with
    the ordered outbox waiting behind it), and the change is made once."""
    if backend != "postgresql":
        pytest.skip("holding a request mid-write needs PostgreSQL's row lock (SQLite: test_security)")
    url = fresh_database(backend, tmp_path)
    prepare(url)
    engine = open_engine(url)
    outbox = Outbox(store.engine)
    try:
        with running_server(backend, tmp_path / "before", database_url=url, prepared=True) as server:
            case_id, server_id = _sent_case(server, store, "Cụ Mười")
            seen = int(
                server.session("unit").get(server.api(f"/cases/{server_id}"), timeout=30).json()["version"]
            )
            accept = make_change(at=datetime.now(UTC), status=Status.ACCEPTED, base_version=seen)
            store.add_change(case_id, accept, by="unit-a")
            blocker = engine.connect()
            blocker.begin()  # someone else's transaction holds the case: the accept waits in the server
            blocker.execute(text("SELECT id FROM cases WHERE id = :id FOR UPDATE"), {"id": server_id})
            with ThreadPoolExecutor(1) as pool:
                sending = pool.submit(drain, store, outbox, logged_in(server, "unit-a"), by="unit-a")
                _wait_for_claim(engine, accept.id)
                server.process.kill()  # the power cut, with the accept in flight
                server.process.wait()
                blocker.rollback()
                blocker.close()
                first = sending.result()
            assert first.failed and first.sent == 0
            with engine.connect() as connection:  # where the kill landed: the key claimed, not done
                state = connection.execute(
                    text("SELECT state FROM idempotency_keys WHERE key = :k"), {"k": accept.id}
                ).scalar_one()
            assert state == "in_flight"
        with running_server(backend, tmp_path / "after", database_url=url, prepared=True) as restarted:
            later = datetime.now(UTC) + timedelta(minutes=10)  # the outbox's pause is over
            report = drain(store, outbox, logged_in(restarted, "unit-a"), by="unit-a", now=lambda: later)
            assert (report.sent, report.refused, report.failed) == (1, 0, False)  # its first try
            accepted = [e for e in _history(restarted, server_id) if e["kind"] == "status"]
            assert [(e["by"], e["status"]) for e in accepted] == [("unit-a", "accepted")]
    finally:
        engine.dispose()
        drop_database(url)
