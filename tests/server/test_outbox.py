"""The console's outbox against the real server: in order, once, through outages and refusals."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Unpack

import pytest
from sqlalchemy import func, select

from operator_console.client.api import ServerClient
from operator_console.client.outbox_worker import backoff, drain
from operator_console.client.payload import case_body
from operator_console.client.replica_sync import follow
from operator_console.client.sync_worker import SyncReport, SyncWorker
from operator_console.domain.case import Case, Channel, Contact, Person, Relation, Status
from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.phones import parse_phone
from operator_console.domain.taxonomy import default_taxonomy
from operator_console.server.db import open_engine
from operator_console.server.models import CaseRow as ServerCaseRow
from operator_console.store.case_store import CaseStore
from operator_console.store.models import CaseRow
from operator_console.store.outbox import Outbox
from operator_console.store.replica import Replica
from tests.drafts import DraftFields
from tests.server.harness import PASSWORD, Server, free_port


def a_case(name: str, **fields: Unpack[DraftFields]) -> Case:
    draft = CaseDraft(
        caller_phone="0903 123 456",
        caller_name=name,
        address="12/3 Lê Văn Sỹ",
        ward="Phường Sài Gòn",
        category="essential_supplies",
        description="Hết gạo",
    )
    for key, value in fields.items():
        setattr(draft, key, value)
    return build_case(
        draft,
        gazetteer=default_gazetteer(),
        taxonomy=default_taxonomy(),
        now=datetime.now(UTC),
        operator="Lan",
    )


def case_number(case: Case | None) -> str:
    """The server's number of a case the console holds and has sent."""
    assert case is not None and case.case_number is not None
    return case.case_number


def logged_in(server: Server) -> ServerClient:
    client = ServerClient(server.url)
    client.login("op", PASSWORD)
    return client


def server_copies(server: Server, case_ids: list[str]) -> dict[str, int]:
    engine = open_engine(server.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(ServerCaseRow.source_key, func.count())
            .where(ServerCaseRow.source_key.in_(case_ids))
            .group_by(ServerCaseRow.source_key)
        ).all()
    engine.dispose()
    return dict(rows)


@pytest.fixture
def store(tmp_path: Path) -> CaseStore:
    return CaseStore(tmp_path / "console.sqlite3")


def test_saved_cases_reach_the_server_in_order_and_come_back_with_number_and_unit(
    server: Server, store: CaseStore
) -> None:
    cases = [a_case(f"Người {i}") for i in range(5)]
    for case in cases:
        store.add_case(case)
    outbox = Outbox(store.engine)
    assert outbox.state().waiting == 5
    report = drain(store, outbox, logged_in(server), by="op")
    assert (report.sent, report.refused, report.next_try) == (5, 0, None)
    local = [store.get_case(c.id) for c in cases]
    assert all(c is not None and c.status is Status.DISPATCHED for c in local)
    numbers = [case_number(c) for c in local]
    assert numbers == sorted(numbers), "sent in the order they were saved"
    assert {c.handling_unit for c in local if c is not None} == {"ubnd-26740"}
    assert server_copies(server, [c.id for c in cases]) == {c.id: 1 for c in cases}
    assert outbox.state().waiting == 0


def test_while_the_server_is_away_cases_wait_and_then_drain_in_order_without_duplicates(
    server: Server, store: CaseStore
) -> None:
    outbox = Outbox(store.engine)
    away = ServerClient(f"http://127.0.0.1:{free_port()}", language="en")
    cases = [a_case(f"Người chờ {i}") for i in range(4)]
    for case in cases[:2]:
        store.add_case(case)
    # One clock for the whole story: "not due yet" must not depend on how fast this machine runs.
    tried = datetime.now(UTC)
    report = drain(store, outbox, away, by="op", rng=random.Random(1), now=lambda: tried)
    assert report.sent == 0 and "Cannot reach the server" in report.reason
    assert report.next_try is not None and report.next_try > tried
    for case in cases[2:]:
        store.add_case(case)  # intake goes on meanwhile
    state = outbox.state()
    assert state.waiting == 4 and state.last_error == "Cannot reach the server."
    # Not due yet: nothing is tried, even with the server back.
    assert drain(store, outbox, logged_in(server), by="op", now=lambda: tried).sent == 0
    later = tried + timedelta(minutes=10)
    report = drain(store, outbox, logged_in(server), by="op", now=lambda: later)
    assert report.sent == 4
    numbers = [case_number(store.get_case(c.id)) for c in cases]
    assert numbers == sorted(numbers)
    assert server_copies(server, [c.id for c in cases]) == {c.id: 1 for c in cases}


def test_a_case_the_server_took_before_the_console_crashed_is_not_made_twice(
    server: Server, store: CaseStore
) -> None:
    case = a_case("Người gửi rồi")
    store.add_case(case)
    client = logged_in(server)
    first = client.create_case(case_body(case), case.id)  # sent; the console died before noting it
    drain(store, Outbox(store.engine), client, by="op")
    assert case_number(store.get_case(case.id)) == first["case_number"]
    assert server_copies(server, [case.id]) == {case.id: 1}


def test_a_refused_item_is_set_aside_with_the_servers_reason_and_the_rest_goes_on(
    server: Server, store: CaseStore
) -> None:
    too_old = a_case("Người năm 1999", received_at=datetime(1999, 12, 31, 9, 0, tzinfo=UTC))
    fine = a_case("Người bình thường")
    store.add_case(too_old)
    store.add_case(fine)
    outbox = Outbox(store.engine)
    report = drain(store, outbox, logged_in(server), by="op")
    assert (report.sent, report.refused) == (1, 1)
    ((_seq, case_id, message),) = outbox.refused_items()
    assert case_id == too_old.id and "received_at" in message
    kept = store.get_case(too_old.id)
    assert kept is not None and kept.status is Status.QUEUED


def test_a_repeat_call_follows_its_case_to_the_server(server: Server, store: CaseStore) -> None:
    case = a_case("Bà Năm")
    store.add_case(case)
    contact = Contact(
        id=str(uuid.uuid4()),
        received_at=datetime.now(UTC),
        channel=Channel.PHONE,
        caller=Person("Con gái bà Năm", parse_phone("0912 345 678")),
        relation=Relation.FAMILY,
        note="Vẫn chưa ai đến",
    )
    store.add_contact(case.id, contact)
    report = drain(store, Outbox(store.engine), logged_in(server), by="op")
    assert report.sent == 2
    local = store.get_case(case.id)
    assert local is not None and local.case_number
    detail = server.session("supervisor").get(
        server.api(f"/cases/{case_server_id(store, case.id)}"), timeout=30
    )
    assert [c["caller_name"] for c in detail.json()["contacts"]] == ["Con gái bà Năm"]
    assert detail.json()["repeat_count"] == 1


def test_a_case_marked_related_reaches_the_server_with_its_link(server: Server, store: CaseStore) -> None:
    earlier = a_case("Bà Năm")
    store.add_case(earlier)
    # Her son calls about his own need: a new case, related to hers (the same household).
    son = a_case("Lê Văn Tư", category="policy_support")
    store.add_related_case(son, earlier.id, "cùng hộ")
    report = drain(store, Outbox(store.engine), logged_in(server), by="op")
    assert report.sent == 3 and report.refused == 0  # her case, his case, then the link
    detail = server.session("supervisor").get(
        server.api(f"/cases/{case_server_id(store, son.id)}"), timeout=30
    )
    (link,) = detail.json()["links"]
    assert link["target_id"] == case_server_id(store, earlier.id) and link["kind"] == "related"


def test_an_operators_answer_another_need_after_all_reaches_the_server_with_the_reasons(
    server: Server, store: CaseStore
) -> None:
    earlier = a_case("Bà Năm")
    store.add_case(earlier)
    # The search called hers likely the same; the operator said another need (M at the question).
    reasons = "Được đề xuất là rất có thể trùng: cùng số điện thoại 0389 123 456"
    new = a_case("Bà Năm", category="policy_support")
    store.add_related_case(new, earlier.id, reasons, kind="distinct")
    report = drain(store, Outbox(store.engine), logged_in(server), by="op")
    assert report.sent == 3 and report.refused == 0
    detail = server.session("supervisor").get(
        server.api(f"/cases/{case_server_id(store, new.id)}"), timeout=30
    )
    (link,) = detail.json()["links"]
    assert link["target_id"] == case_server_id(store, earlier.id)
    assert (link["kind"], link["note"]) == ("distinct", reasons)


def test_a_repeat_call_linked_to_a_case_from_another_desk_reaches_that_case(
    server: Server, store: CaseStore
) -> None:
    # A case another operator took, known here from the server's feed only.
    other = server.session("operator2").post(
        server.api("/cases"),
        json=case_body(a_case("Bà Sáu")),
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )
    assert other.status_code == 201
    follow(Replica(store.engine), logged_in(server))
    copy = store.get_case(other.json()["id"])
    assert copy is not None
    contact = Contact(
        id=str(uuid.uuid4()),
        received_at=datetime.now(UTC),
        channel=Channel.PHONE,
        caller=Person("Hàng xóm bà Sáu", parse_phone("0912 000 111")),
        relation=Relation.NEIGHBOUR,
        note="Bà vẫn chưa có gạo",
    )
    store.add_contact(copy.id, contact)
    report = drain(store, Outbox(store.engine), logged_in(server), by="op")
    assert report.sent == 1
    detail = server.session("supervisor").get(server.api(f"/cases/{other.json()['id']}"), timeout=30)
    assert detail.json()["repeat_count"] == 1


def case_server_id(store: CaseStore, case_id: str) -> str:
    with store.engine.connect() as connection:
        return str(connection.execute(select(CaseRow.server_id).where(CaseRow.id == case_id)).scalar_one())


def test_retries_back_off_with_jitter_and_honour_the_servers_word() -> None:
    rng = random.Random(7)
    delays = [backoff(n, None, rng) for n in range(10)]
    assert 1.0 <= delays[0] <= 2.0
    assert all(d <= 300 for d in delays) and delays[-1] >= 150
    assert backoff(3, 42.0, rng) == 42.0


CRASH_CASES = 200


def _sent_but_not_recorded(store_path: Path, server: Server) -> set[str]:
    """The cases the server has made (their request had left) that still wait in the console's
    outbox (their answer was never recorded)."""
    if not store_path.exists():
        return set()
    with closing(sqlite3.connect(store_path)) as db:
        waiting = [row[0] for row in db.execute("SELECT case_id FROM outbox WHERE state = 'waiting'")]
    return set(server_copies(server, waiting)) if waiting else set()


def test_a_console_killed_again_and_again_while_sending_leaves_every_case_once_on_the_server(
    server: Server, tmp_path: Path
) -> None:
    """Killed (SIGKILL, as a power cut) while it saves calls and its worker sends them, over and
    over, until at least three kills landed mid-send, which the data proves (not the timing): the
    server had the case and the console's outbox had not recorded the answer."""
    store_path = tmp_path / "crash.sqlite3"
    command = [
        sys.executable,
        "-m",
        "tests.server.crash_console",
        str(store_path),
        server.url,
        str(CRASH_CASES),
    ]
    rng = random.Random(1022)
    kills = mid_send = 0
    before: set[str] = set()
    for _round in range(120):
        if kills >= 8 and mid_send >= 3:
            break
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        # Killed after a few saves of this run: its worker is sending the ones before by then.
        target, saved, finished = rng.randint(1, 12), 0, False
        for line in process.stdout:
            saved += line.startswith("saved ")
            finished = line.startswith("done ")
            if finished or saved >= target:
                break
        if not finished:
            process.send_signal(signal.SIGKILL)  # mid-write, mid-request, mid-anything
        process.wait()
        process.stdout.close()
        if finished or saved < target:
            break  # every case saved and sent before a kill could land: the final run checks
        kills += 1
        # Mid-send, proven by the data: a case the server took whose answer this run never
        # recorded (one left so by an earlier kill does not count again).
        pending = _sent_but_not_recorded(store_path, server)
        mid_send += bool(pending - before)
        before = pending
    assert mid_send >= 3, f"of {kills} kills, {mid_send} landed mid-send"
    final = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr[-3000:]
    assert "waiting=0" in final.stdout
    store = CaseStore(store_path)
    every = list(store.iter_cases())  # with the replica's copies of other tests' cases
    local = {c.external_id: c for c in every if c.external_id}
    assert sorted(local) == [f"crash-{i:04d}" for i in range(CRASH_CASES)]
    ours = {c.case_number for c in local.values()}
    assert sum(c.case_number in ours for c in every) == CRASH_CASES, "the feed copied a case back twice"
    assert all(c.status is Status.DISPATCHED and c.case_number for c in local.values())
    copies = server_copies(server, [c.id for c in local.values()])
    assert copies == {c.id: 1 for c in local.values()}, "a case is missing or doubled on the server"
    engine = open_engine(server.database_url)
    with engine.connect() as connection:
        numbers = dict(
            connection.execute(
                select(ServerCaseRow.source_key, ServerCaseRow.case_number).where(
                    ServerCaseRow.source_key.in_([c.id for c in local.values()])
                )
            ).all()
        )
    engine.dispose()
    assert {c.id: c.case_number for c in local.values()} == numbers, (
        "the local store disagrees with the server"
    )


def test_the_sync_worker_sends_each_save_when_woken_reports_and_stops_cleanly(
    server: Server, store: CaseStore
) -> None:
    reports: list[SyncReport] = []
    worker = SyncWorker(
        store, logged_in(server), by="op", console_id="test-console", version="test", on_report=reports.append
    )
    worker.start()
    case = a_case("Người gọi buổi tối")
    store.add_case(case)
    worker.wake()
    deadline = time.monotonic() + 30
    while (local := store.get_case(case.id)) is None or local.status is not Status.DISPATCHED:
        assert time.monotonic() < deadline, "the worker did not send the saved case"
        time.sleep(0.05)
    assert local.case_number
    while not any(r.sent for r in reports) or reports[-1].outbox.waiting:
        assert time.monotonic() < deadline, "the worker did not report the case sent"
        time.sleep(0.05)
    assert reports[-1].online is True and reports[-1].followed_at is not None
    worker.stop()
    assert not worker.is_alive()


def test_without_a_token_the_worker_sends_nothing_and_asks_for_a_login(
    server: Server, store: CaseStore
) -> None:
    reports: list[SyncReport] = []
    client = ServerClient(server.url)
    worker = SyncWorker(store, client, by="op", console_id="c", version="t", on_report=reports.append)
    store.add_case(a_case("Chưa đăng nhập"))
    worker.start()
    deadline = time.monotonic() + 30
    while not reports:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert reports[0].needs_login and reports[0].outbox.waiting == 1
    client_with_token = logged_in(server)
    worker.set_token(client_with_token.token)
    while not reports[-1].sent:
        assert time.monotonic() < deadline, "a login did not wake the worker"
        time.sleep(0.05)
    assert reports[-1].outbox.waiting == 0
    worker.stop()


def test_the_person_in_needs_age_reaches_the_server_and_comes_back_to_other_desks(
    server: Server, store: CaseStore, tmp_path: Path
) -> None:
    from operator_console.client.replica_sync import follow
    from operator_console.store.replica import Replica

    case = a_case("Lê Văn Tám", subject_name="Bà Lê Thị Mai", subject_age="82", subject_phone="0909 123 456")
    store.add_case(case)
    assert drain(store, Outbox(store.engine), logged_in(server), by="op").sent == 1
    elsewhere = CaseStore(tmp_path / "another-desk.sqlite3")
    follow(Replica(elsewhere.engine), logged_in(server))
    sent = store.get_case(case.id)
    assert sent is not None and sent.case_number
    [copy] = [c for c in elsewhere.list_cases() if c.case_number == sent.case_number]
    copied = elsewhere.get_case(copy.id)
    assert copied is not None and copied.subject_age == 82
    assert copied.subject is not None and copied.subject.phone.display == "0909 123 456"
    elsewhere.close()
