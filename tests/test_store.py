"""The local store: a case written is a case kept, on a real SQLite file."""

import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operator_console.domain.case import Case, Channel, Contact, Person, Relation, Status
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.phones import parse_phone
from operator_console.store.case_store import CaseFilter, CaseStore, ImportCounts, case_record
from operator_console.store.outbox import Outbox
from operator_console.store.replica import Replica
from operator_console.store.server_state import ServerCase
from tests.drafts import MakeCase


def import_cases(store: CaseStore, cases: Iterable[Case]) -> ImportCounts:
    """Cases in through the importer's own path (one batch)."""
    now = datetime.now(UTC)
    with store.bulk_import() as bulk:
        return bulk.add([case_record(c, now) for c in cases])


def acknowledge(store: CaseStore, case_id: str, *, case_number: str, handling_unit: str) -> None:
    """The server's answer to the case's outbox item, as the outbox worker records it."""
    outbox = Outbox(store.engine)
    item = outbox.next_item()  # the oldest waiting: the tests acknowledge in order
    assert item is not None and item.case_id == case_id
    outbox.case_sent(
        item.seq,
        case_id,
        server_id=f"server-{case_id}",
        case_number=case_number,
        handling_unit=handling_unit,
        by="sync",
        now=datetime.now(UTC),
    )


def test_a_saved_case_reads_back_exactly(store: CaseStore, make_case: MakeCase) -> None:
    case = make_case(
        caller_phone="0168 912 3456",
        caller_name="Nguyễn Văn Hùng",
        subject_name="Lê Thị Mai",
        address="hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.8",
        household_size="4",
        vulnerable={"children", "sick"},
        no_food_today=True,
        description="Hết gạo từ hôm qua",
        callback_consent=True,
    )
    store.add_case(case)
    assert store.get_case(case.id) == case


def test_the_store_is_durable_and_private(store: CaseStore) -> None:
    mode = stat.S_IMODE(store.path.stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_committed_case_is_seen_by_another_process_at_once(store: CaseStore, make_case: MakeCase) -> None:
    case = make_case(caller_name="Trần Thị Thu Hà")
    store.add_case(case)
    other = sqlite3.connect(store.path)
    assert other.execute("SELECT caller_name FROM cases WHERE id = ?", (case.id,)).fetchone() == (
        "Trần Thị Thu Hà",
    )
    other.close()


@pytest.mark.parametrize(
    ("few", "window"),
    [(0, 10_000), (2, 10_000), (2_000, 10_000), (2_000, 2)],
    ids=["scan", "scan-when-many", "index", "newest-first"],
)
def test_the_search_lists_the_same_cases_from_its_index_as_from_a_scan(
    store: CaseStore,
    make_case: MakeCase,
    monkeypatch: pytest.MonkeyPatch,
    few: int,
    window: int,
) -> None:
    """Ctrl+F looks among the newest cases first, then reads the words' index when few cases hold
    the words, else scans newest first: the same cases, page by page, in the same order, whichever
    way answers; and the index follows a case whose names change or that is deleted."""
    from operator_console.store import case_store

    monkeypatch.setattr(case_store, "few_hits", lambda _cases, _wanted: few)
    monkeypatch.setattr(case_store, "NEWEST_WINDOW", window)
    monkeypatch.setattr(case_store, "WINDOW_PER_ROW", 1)
    people = [
        ("Trần Thị Hoa", "45 Nguyễn Trãi"),
        ("Trần Thị Hòa", "12/3 Lê Văn Sỹ"),
        ("Nguyễn Thanh Khoa", "7 Trần Hưng Đạo"),
        ("Lê Văn Sỹ", "9 Hoa Lan"),
        ("Phạm Hoàng", "12 Lê Lợi"),
    ]
    start = datetime(2021, 8, 29, 8, 0, tzinfo=UTC)
    cases = [
        make_case(caller_name=name, address=street, ward="Sài Gòn", received_at=start + timedelta(minutes=i))
        for i, (name, street) in enumerate(people)
    ]
    for case in cases:
        store.add_case(case)
    ids = [c.id for c in cases]

    def found(text: str) -> set[str]:
        listed = [c.id for c in store.list_cases(CaseFilter(text=text))]
        assert store.count_cases(CaseFilter(text=text)) == len(listed)
        paged = [
            c.id
            for k in range(len(listed))
            for c in store.list_cases(CaseFilter(text=text), limit=1, offset=k)
        ]
        assert paged == listed  # a page at a time, as the list fetches: the same, in order
        return set(listed)

    assert found("tran thi hoa") == {ids[0], ids[1]}
    assert found("hoa") == {ids[0], ids[1], ids[3], ids[4]}  # Hoa, Hòa, Hoa Lan, Hoàng; not Khoa
    assert found("le van sy") == {ids[1], ids[3]}  # a street, a name
    assert found("tran hung") == {ids[2]}
    assert found("nguyen trai") == {ids[0]}  # the street alone
    assert found("khoa tran") == {ids[2]}
    assert found("xuan") == set()
    with store.engine.begin() as connection:  # a name corrected, a case gone
        connection.exec_driver_sql("UPDATE cases SET name_key = 'vo thi xuan' WHERE id = ?", (ids[4],))
        connection.exec_driver_sql("DELETE FROM status_history WHERE case_id = ?", (ids[0],))
        connection.exec_driver_sql("DELETE FROM cases WHERE id = ?", (ids[0],))
    assert found("xuan") == {ids[4]}
    assert found("hoa") == {ids[1], ids[3]}


def test_the_list_is_newest_first_and_filters_by_status_ward_category_text_and_phone(
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    a = make_case(
        caller_name="Nguyễn Văn Hùng",
        caller_phone="0389123456",
        ward="Bến Thành",
        category="essential_supplies/food",
    )
    b = make_case(caller_name="Trần Thị Thu Hà", ward="Sài Gòn", category="policy_support")
    store.add_case(a)
    store.add_case(b)
    store.add_contact(
        b.id,
        Contact(
            "c1", datetime.now(UTC), Channel.ZALO, Person("Lan", parse_phone("0909 000 111")), Relation.FAMILY
        ),
    )
    assert {c.id for c in store.list_cases()} == {a.id, b.id}
    assert [c.id for c in store.list_cases(CaseFilter(category="essential_supplies"))] == [a.id]
    assert [c.id for c in store.list_cases(CaseFilter(text="hung"))] == [a.id]
    assert [c.id for c in store.list_cases(CaseFilter(text="THU HA"))] == [b.id]
    # A word matches from the start of a word: "hoa" is not inside "Khoa", "tran th" narrows as typed.
    khoa = make_case(caller_name="Nguyễn Thanh Khoa", ward="Sài Gòn", category="other")
    store.add_case(khoa)
    assert store.list_cases(CaseFilter(text="tran thi hoa")) == []
    assert [c.id for c in store.list_cases(CaseFilter(text="tran th"))] == [b.id]
    assert [c.id for c in store.list_cases(CaseFilter(text="khoa"))] == [khoa.id]
    assert [c.id for c in store.list_cases(CaseFilter(phone="0389123456"))] == [a.id]
    assert [c.id for c in store.list_cases(CaseFilter(phone="0909000111"))] == [b.id]  # a repeat caller
    assert [c.id for c in store.list_cases(CaseFilter(ward_code=a.address.ward_code))] == [a.id]
    assert store.list_cases(CaseFilter(status=Status.RESOLVED)) == []
    # a category filter is the code itself (or a top level's sub-categories), never a pattern
    for pattern in ("%", "essential%", "essential_supplie_", "ESSENTIAL_SUPPLIES"):
        assert store.list_cases(CaseFilter(category=pattern)) == [], pattern


def test_paging_walks_every_case_once(store: CaseStore, make_case: MakeCase) -> None:
    cases = [make_case(caller_name=f"Người {i}") for i in range(25)]
    import_cases(store, cases)
    seen = [c.id for offset in range(0, 30, 10) for c in store.list_cases(limit=10, offset=offset)]
    assert sorted(seen) == sorted(c.id for c in cases)


def test_a_repeat_call_is_kept_as_a_contact_and_counted(store: CaseStore, make_case: MakeCase) -> None:
    case = make_case(caller_name="Nguyễn Văn Hùng")
    store.add_case(case)
    contact = Contact(
        "k1",
        datetime(2021, 8, 30, 9, 0, tzinfo=UTC),
        Channel.PHONE,
        Person("Hùng", parse_phone("0168 912 3456")),
    )
    store.add_contact(case.id, contact)
    stored = store.get_case(case.id)
    assert stored is not None and stored.repeat_count == 1
    assert stored.contacts == (contact,)
    assert stored.contacts[0].caller.phone.legacy_form == "01689123456"


def from_the_server(case: Case, server_id: str, version: int) -> ServerCase:
    """The case as the server's feed brings it back (its own status, unit, number and version)."""
    return ServerCase(server_id=server_id, source_key=case.id, case=case, version=version)


def test_the_servers_status_changes_reach_the_case_taken_here_in_its_history(
    store: CaseStore, make_case: MakeCase
) -> None:
    """The server decides a case's life (a unit's acceptance, a refusal): the feed brings each
    change to the desk that took the call, kept in the case's history."""
    case = make_case(caller_name="A")
    store.add_case(case)
    acknowledge(store, case.id, case_number="1022-2026-000123", handling_unit="ubnd-26740")
    replica, now = Replica(store.engine), datetime.now(UTC)
    server_id = f"server-{case.id}"
    replica.apply([from_the_server(replace(case, status=Status.ACCEPTED), server_id, 2)], cursor=1, now=now)
    replica.apply(
        [from_the_server(replace(case, status=Status.NOT_ELIGIBLE), server_id, 3)], cursor=2, now=now
    )
    stored = store.get_case(case.id)
    assert stored is not None and stored.status is Status.NOT_ELIGIBLE
    assert [(h.status, h.by) for h in stored.history] == [
        (Status.QUEUED, "op1"),
        (Status.DISPATCHED, "sync"),
        (Status.ACCEPTED, "server"),
        (Status.NOT_ELIGIBLE, "server"),
    ]


def test_importing_the_same_cases_twice_adds_nothing(store: CaseStore, make_case: MakeCase) -> None:
    cases = [make_case(caller_name=f"N {i}", external_id=f"X-{i}") for i in range(5)]
    assert import_cases(store, cases).imported == 5
    again = import_cases(store, [make_case(caller_name=f"N {i}", external_id=f"X-{i}") for i in range(6)])
    assert (again.imported, again.skipped) == (1, 5)
    assert store.count_cases() == 6


def test_a_store_reopened_keeps_everything(tmp_path: Path, make_case: MakeCase) -> None:
    first = CaseStore(tmp_path / "s.sqlite3")
    case = make_case(caller_name="A")
    first.add_case(case)
    first.close()
    second = CaseStore(tmp_path / "s.sqlite3")
    assert second.get_case(case.id) == case
    second.close()


def test_a_dispatched_case_carries_the_servers_number_and_unit(store: CaseStore, make_case: MakeCase) -> None:
    case = make_case(caller_name="A")
    store.add_case(case)
    acknowledge(store, case.id, case_number="1022-2026-000123", handling_unit="ubnd-26740")
    # re-routed on the server, then accepted there
    now_there = replace(
        case, status=Status.ACCEPTED, case_number="1022-2026-000123", handling_unit="ubnd-27004"
    )
    accepted = from_the_server(now_there, f"server-{case.id}", 2)
    Replica(store.engine).apply([accepted], cursor=1, now=datetime.now(UTC))
    stored = store.get_case(case.id)
    assert stored is not None
    assert (stored.case_number, stored.reference) == ("1022-2026-000123", "1022-2026-000123")
    assert stored.handling_unit == "ubnd-27004" and stored.status is Status.ACCEPTED
    assert store.list_cases()[0].reference == "1022-2026-000123"


def test_a_case_merged_on_the_server_is_merged_here_into_the_other(
    store: CaseStore, make_case: MakeCase
) -> None:
    first, second = make_case(caller_name="A"), make_case(caller_name="B")
    store.add_case(first)
    store.add_case(second)
    merged = from_the_server(replace(second, status=Status.MERGED, merged_into=first.id), "server-b", 2)
    Replica(store.engine).apply([merged], cursor=1, now=datetime.now(UTC))
    stored = store.get_case(second.id)
    assert stored is not None and stored.merged_into == first.id and stored.status is Status.MERGED


def test_local_references_of_cases_saved_together_differ(make_case: MakeCase) -> None:
    """The reference read to a caller must not repeat, even for cases saved in the same second."""
    references = {make_case(caller_name=f"N {i}").reference for i in range(2000)}
    assert len(references) == 2000
    assert all(len(r) == 9 and r[4] == "-" for r in references)


def test_the_queue_says_how_many_wait_and_since_when(store: CaseStore, make_case: MakeCase) -> None:
    outbox = Outbox(store.engine)
    assert outbox.state().waiting == 0 and outbox.state().oldest is None
    first, second = make_case(caller_name="A"), make_case(caller_name="B")
    store.add_case(first)
    store.add_case(second)
    acknowledge(store, first.id, case_number="1022-2026-000001", handling_unit="ubnd-26740")
    state = outbox.state()
    assert state.waiting == 1 and state.oldest is not None


def test_known_streets_complete_what_is_typed_most_used_first(
    store: CaseStore, make_case: MakeCase, gazetteer: Gazetteer
) -> None:
    for address, ward in [
        ("12 Lê Văn Sỹ", "Bến Thành"),
        ("14 Lê Văn Sỹ", "Bến Thành"),
        ("3 Lê Lợi", "Bến Thành"),
        ("9 Lê Lai", "Sài Gòn"),
    ]:
        store.add_case(make_case(caller_name="A", address=address, ward=ward))
    assert store.known_streets("le") == ["Lê Văn Sỹ", "Lê Lai", "Lê Lợi"]
    assert store.known_streets("lê l") == ["Lê Lai", "Lê Lợi"]
    ben_thanh = gazetteer.resolve("Bến Thành").current
    assert ben_thanh is not None
    assert store.known_streets("le l", ward_code=ben_thanh.code) == ["Lê Lợi"]
    assert store.known_streets("") == []


def test_a_saved_case_and_a_repeat_call_are_queued_for_the_server_in_the_same_write(
    store: CaseStore, make_case: MakeCase
) -> None:
    from operator_console.store.outbox import Outbox

    case = make_case(caller_name="Nguyễn Văn An")
    store.add_case(case)
    contact = Contact(
        id="c-1",
        received_at=datetime.now(UTC),
        channel=Channel.PHONE,
        caller=Person("Bé"),
        relation=Relation.FAMILY,
    )
    store.add_contact(case.id, contact)
    outbox = Outbox(store.engine)
    first = outbox.next_item()
    assert first is not None and (first.kind, first.item_id) == ("case", case.id)
    assert outbox.state().waiting == 2
    import_cases(store, [make_case(external_id="imported-1", caller_name="Trần Thị Bé")])
    assert outbox.state().waiting == 2, "imported history is not sent to the server"
