"""The console's copy of the city's recent cases, followed from the server's feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from operator_console.client.api import ServerClient
from operator_console.client.outbox_worker import drain
from operator_console.client.replica_sync import follow
from operator_console.domain.case import Status
from operator_console.store.case_store import CaseFilter, CaseStore
from operator_console.store.outbox import Outbox
from operator_console.store.replica import Replica
from tests.server.harness import PASSWORD, Server, key, new_case
from tests.server.test_outbox import a_case


def other_desk_case(server: Server, **fields: object) -> dict[str, object]:
    answer = server.session("operator2").post(
        server.api("/cases"), json=new_case(**fields), headers={"Idempotency-Key": key()}, timeout=30
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_cases_from_other_desks_and_their_progress_reach_this_console(
    scratch_server: Server, tmp_path: Path
) -> None:
    server = scratch_server
    store = CaseStore(tmp_path / "console.sqlite3")
    client = ServerClient(server.url)
    client.login("op", PASSWORD)
    replica = Replica(store.engine)
    theirs = other_desk_case(server, caller_phone="0977 111 222", caller_name="Đỗ Thị Hoa")
    report = follow(replica, client)
    assert report.added == 1
    found = store.list_cases(CaseFilter(phone="0977111222"))
    assert [c.id for c in found] == [theirs["id"]]
    local = store.get_case(str(theirs["id"]))
    assert (
        local is not None and local.case_number == theirs["case_number"] and local.status is Status.DISPATCHED
    )
    # A unit moves it along; the console hears it at its next look at the feed.
    server.session("unit").patch(
        server.api(f"/cases/{theirs['id']}"), json={"status": "in_progress"}, timeout=30
    )
    follow(replica, client)
    local = store.get_case(str(theirs["id"]))
    assert local is not None and local.status is Status.IN_PROGRESS
    assert [h.status for h in local.history][-1] is Status.IN_PROGRESS
    assert follow(replica, client).added == 0, "reading the feed again adds nothing"


def test_a_case_sent_from_this_desk_is_not_copied_back_as_a_second_case(
    scratch_server: Server, tmp_path: Path
) -> None:
    server = scratch_server
    store = CaseStore(tmp_path / "console.sqlite3")
    client = ServerClient(server.url)
    client.login("op", PASSWORD)
    mine = a_case("Người của bàn này")
    store.add_case(mine)
    drain(store, Outbox(store.engine), client, by="op")
    follow(Replica(store.engine), client)
    assert store.count_cases() == 1
    local = store.get_case(mine.id)
    assert local is not None and local.status is Status.DISPATCHED and local.case_number


def test_only_the_recent_window_is_copied(scratch_server: Server, tmp_path: Path) -> None:
    server = scratch_server
    old = (datetime.now(UTC) - timedelta(days=200)).isoformat()
    other_desk_case(server, received_at=old, caller_name="Ca cũ")
    recent = other_desk_case(server, caller_name="Ca mới")
    store = CaseStore(tmp_path / "console.sqlite3")
    client = ServerClient(server.url)
    client.login("op", PASSWORD)
    follow(Replica(store.engine), client)
    assert [c.id for c in store.list_cases(CaseFilter())] == [recent["id"]]
