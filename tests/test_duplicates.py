"""The duplicate search on a real store: the same family reported again is found, a stranger is not.

Each test saves earlier cases as the desk would (a real SQLite file, its FTS5 index kept by the
same transaction) and asks what an operator's half-typed call would find.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Unpack

import pytest

from operator_console.admin.cli import EXIT_REJECTED, main
from operator_console.dedupe.finder import DuplicateFinder
from operator_console.dedupe.scoring import Scored
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox
from operator_console.store.replica import Replica
from operator_console.store.search import CandidateIndex
from operator_console.store.server_state import ServerCase
from tests.drafts import DraftFields, MakeCase

EARLIER: DraftFields = {
    "caller_phone": "0168 912 3456",  # the old 11-digit form of 0389 123 456
    "caller_name": "Nguyễn Văn Hùng",
    "subject_name": "Bà Lê Thị Mai",
    "address": "12/3/45 Lê Văn Sỹ",
    "ward": "Phường Sài Gòn",
    "category": "vulnerable_person",
}


@pytest.fixture
def finder(store: CaseStore, gazetteer: Gazetteer) -> DuplicateFinder:
    return DuplicateFinder(CandidateIndex(store.engine), gazetteer, "vi")


@pytest.fixture
def earlier(store: CaseStore, make_case: MakeCase) -> str:
    case = make_case(**EARLIER)
    store.add_case(case)
    # Other people of the city: the same common name elsewhere, a neighbour in the same building.
    store.add_case(
        make_case(caller_name="Nguyễn Văn Hùng", caller_phone="0903 000 111", ward="Phường Bến Thành")
    )
    store.add_case(
        make_case(
            caller_name="Trần Thị Bích",
            caller_phone="0903 000 222",
            address="12/3/45 Lê Văn Sỹ",
            ward="Phường Sài Gòn",
        )
    )
    return str(case.id)


def found(finder: DuplicateFinder, **typed: Unpack[DraftFields]) -> list[Scored]:
    return finder.find(CaseDraft(**typed))


def test_the_same_caller_again_with_another_phone_form_and_no_diacritics_is_likely_the_same(
    finder: DuplicateFinder, earlier: str
) -> None:
    best = found(finder, caller_phone="+84 389 123 456", caller_name="nguyen van hung")[0]
    assert best.row.id == earlier and best.likely
    assert best.reasons[0] == "cùng số điện thoại 0389 123 456"
    assert "cùng người: Nguyễn Văn Hùng" in best.reasons


def test_the_earlier_case_shows_before_the_number_is_finished(finder: DuplicateFinder, earlier: str) -> None:
    assert found(finder, caller_phone="0389 12") == []  # six digits: too few to mean anything
    best = found(finder, caller_phone="0389 123 4")[0]
    assert best.row.id == earlier and "số điện thoại bắt đầu giống" in best.reasons[0]


def test_a_slip_in_the_given_name_and_a_dropped_middle_name_still_meet_in_the_same_ward(
    finder: DuplicateFinder, earlier: str
) -> None:
    best = found(finder, caller_name="Nguyễn Hnùg", ward="P. Sài Gòn", address="12/3/45 Le Van Sy")[0]
    assert best.row.id == earlier and best.likely
    assert "tên gần giống: Nguyễn Văn Hùng" in best.reasons and "cùng nhà 12/3/45 Lê Văn Sỹ" in best.reasons


def test_a_neighbour_reporting_the_same_person_finds_her_case(finder: DuplicateFinder, earlier: str) -> None:
    best = found(
        finder,
        caller_name="Phạm Văn Tư",
        caller_phone="0909 777 666",
        subject_name="cụ Lê Thị Mai",
        address="12/3/45 Lê Văn Sỹ",
        ward="Phường Sài Gòn",
    )[0]
    assert best.row.id == earlier and best.likely
    assert "cùng người: Lê Thị Mai" in best.reasons


def test_another_person_of_the_household_is_related_not_the_same(
    finder: DuplicateFinder, earlier: str
) -> None:
    # The same phone and address, another son of the family: another person's need.
    candidates = found(
        finder,
        caller_phone="0389 123 456",
        caller_name="Nguyễn Văn Dũng",
        address="12/3/45 Lê Văn Sỹ",
        ward="Phường Sài Gòn",
    )
    household = next(c for c in candidates if c.row.id == earlier)
    assert not household.likely and "cùng số điện thoại 0389 123 456" in household.reasons


def test_the_same_common_name_in_another_ward_is_not_likely(finder: DuplicateFinder, earlier: str) -> None:
    candidates = found(
        finder, caller_name="Nguyễn Văn Hùng", caller_phone="0911 222 333", ward="Phường Tân Định"
    )
    assert not any(c.likely for c in candidates)


def test_a_neighbour_who_knows_her_by_her_given_name_finds_her_case_likely(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    # An hour ago a relative reported the old lady; now a neighbour calls from another phone, knows
    # her as "bà Hoa", types the street without diacritics and the ward the old way.
    lady = make_case(
        caller_name="Trần Văn Bình",
        caller_phone="0903 111 222",
        subject_name="Lê Thị Hoa",
        address="45 Nguyễn Trãi",
        ward="Phường Chợ Quán",
        category="vulnerable_person/lone_elderly",
    )
    store.add_case(lady)
    for number, street in ((12, "Nguyễn Trãi"), (45, "Trần Hưng Đạo"), (7, "An Dương Vương")):
        store.add_case(
            make_case(caller_name="Nguyễn Thị Hoa", address=f"{number} {street}", ward="Phường Chợ Quán")
        )
    best = found(
        finder,
        caller_name="Phạm Văn Tư",
        caller_phone="0911 333 444",
        subject_name="bà Hoa",
        address="45 Nguyen Trai",
        ward="phuong 2 quan 5",
    )[0]
    assert best.row.id == lady.id and best.likely
    assert best.reasons == ("cùng tên Hoa: Lê Thị Hoa", "cùng nhà 45 Nguyễn Trãi", "cùng phường/xã")


def test_the_person_at_the_house_typed_outranks_every_namesake_in_the_ward(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    him = make_case(caller_name="Nguyễn Văn Hùng", address="88 Lê Văn Sỹ", ward="Phường Nhiêu Lộc")
    store.add_case(him)
    # A slip in the street's name still says the same home.
    (alone,) = found(finder, caller_name="Nguyễn Văn Hùng", address="88 Le Vna Sy", ward="Nhieu Loc")
    assert alone.row.id == him.id and alone.likely and "cùng nhà 88 Lê Văn Sỹ" in alone.reasons
    # Newer cases that flood each look-up on its own: 120 men of the same name in the ward, each
    # at another home, and 40 other families at "88 Lê Văn Sỹ" where the street runs through the
    # next ward. The look-ups that ask for both (the name and the house, the house in the ward)
    # still bring him.
    for n in range(1, 121):
        store.add_case(
            make_case(caller_name="Nguyễn Văn Hùng", address=f"{n} Trần Quang Diệu", ward="Phường Nhiêu Lộc")
        )
    for n in range(40):
        store.add_case(
            make_case(caller_name=f"Trần Thị Lan {n}", address="88 Lê Văn Sỹ", ward="Phường Tân Định")
        )
    candidates = found(finder, caller_name="Nguyen Van Hung", address="88 Le Van Sy", ward="Nhieu Loc")
    assert candidates[0].row.id == him.id and candidates[0].likely
    assert "cùng nhà 88 Lê Văn Sỹ" in candidates[0].reasons
    assert not any(c.likely for c in candidates[1:])
    assert "khác địa chỉ" in candidates[1].reasons


def test_a_whole_name_in_the_ward_is_likely_only_while_the_ward_holds_one_such_person(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    first = make_case(caller_name="Hồ Thị Thu Sương", caller_phone="0903 555 666", ward="Phường Bàn Cờ")
    store.add_case(first)
    (only,) = found(finder, caller_name="Ho Thi Thu Suong", ward="Phường Bàn Cờ")
    assert only.row.id == first.id and only.likely
    # A namesake in the same ward: nothing typed yet tells the two apart.
    store.add_case(
        make_case(caller_name="Hồ Thị Thu Sương", caller_phone="0903 777 888", ward="Phường Bàn Cờ")
    )
    both = found(finder, caller_name="Ho Thi Thu Suong", ward="Phường Bàn Cờ")
    assert len(both) == 2 and not any(c.likely for c in both)
    # Her phone tells them apart again.
    mine = found(finder, caller_name="Ho Thi Thu Suong", caller_phone="0903555666", ward="Phường Bàn Cờ")
    assert mine[0].row.id == first.id and mine[0].likely and not mine[1].likely


def test_the_same_house_number_and_street_in_another_ward_is_another_home(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    store.add_case(make_case(caller_name="Võ Văn Tâm", address="120 Nguyễn Trãi", ward="Phường Bến Thành"))
    candidates = found(finder, caller_name="Võ Văn Tâm", address="120 Nguyễn Trãi", ward="Phường Chợ Lớn")
    assert candidates and not any(c.likely for c in candidates)
    assert "khác phường/xã" in candidates[0].reasons


def test_the_same_volunteer_calling_about_another_person_is_another_need(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    store.add_case(
        make_case(
            caller_name="Nguyễn Văn Hùng",
            caller_phone="0903 123 999",
            subject_name="Trần Văn Tư",
            address="8 Trần Bình Trọng",
            ward="Phường Chợ Quán",
        )
    )
    candidates = found(
        finder,
        caller_name="Nguyễn Văn Hùng",
        caller_phone="0903 123 999",
        subject_name="Lê Thị Mai",
        address="30 An Dương Vương",
        ward="Phường Chợ Quán",
    )
    assert candidates and not any(c.likely for c in candidates)


def test_an_honorific_that_says_a_woman_is_not_a_man_of_that_given_name(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    him = make_case(
        caller_name="Trần Văn Bình", caller_phone="0903 222 111", address="9 Hàm Tử", ward="Phường Chợ Quán"
    )
    store.add_case(him)
    # His wife, called by her husband's name ("chị Bình"), at the same house: another person.
    wife = found(
        finder, caller_name="Phạm Thị Lan", subject_name="chị Bình", address="9 Hàm Tử", ward="Chợ Quán"
    )
    assert not any(c.likely for c in wife)
    # "bà" alone is how she is spoken of, not her name: nothing to compare.
    assert not any(c.likely for c in found(finder, subject_name="bà", address="9 Hàm Tử", ward="Chợ Quán"))
    # "anh Bình" is him; the reason keeps the name's marks.
    (same,) = found(
        finder, caller_name="Phạm Thị Lan", subject_name="anh Bình", address="9 Ham Tu", ward="Cho Quan"
    )
    assert same.row.id == him.id and same.likely and "cùng tên Bình: Trần Văn Bình" in same.reasons
    # And her given name on the number her case knows is her too.
    (by_phone,) = found(finder, caller_phone="0903 222 111", caller_name="anh Bình")
    assert by_phone.likely


def test_another_street_one_letter_away_is_not_a_slip_and_an_alley_mouth_is_the_alley(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    store.add_case(
        make_case(caller_name="Lý Văn Sáu", address="12 Nguyễn Thái Học", ward="Phường Cầu Ông Lãnh")
    )
    elsewhere = found(
        finder, caller_name="Lý Văn Sáu", address="12 Nguyễn Thái Bình", ward="Phường Cầu Ông Lãnh"
    )
    assert elsewhere and not any(c.likely for c in elsewhere) and "khác địa chỉ" in elsewhere[0].reasons
    store.add_case(make_case(caller_name="Đỗ Thị Na", address="40/7/3 Cô Giang", ward="Phường Cầu Ông Lãnh"))
    (mouth,) = found(finder, caller_name="Đỗ Thị Na", address="40 Cô Giang", ward="Phường Cầu Ông Lãnh")
    assert mouth.likely and "cùng hẻm 40 Cô Giang" in mouth.reasons


def test_her_own_second_case_is_not_her_namesake(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    for category in ("essential_supplies", "policy_support"):
        store.add_case(
            make_case(
                caller_name="Hồ Thị Thu Sương",
                caller_phone="0903 555 666",
                ward="Phường Bàn Cờ",
                category=category,
            )
        )
    both = found(finder, caller_name="Ho Thi Thu Suong", ward="Phường Bàn Cờ")
    assert len(both) == 2 and all(c.likely for c in both)


def test_words_that_mean_something_to_the_index_are_searched_as_text(
    finder: DuplicateFinder,
    earlier: str,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    odd = make_case(caller_name='Lê "NEAR" OR*', caller_phone="0903 999 888", ward="Phường Sài Gòn")
    store.add_case(odd)
    for typed in ('Lê "NEAR" OR*', "AND OR NOT", "-*", '"', "NEAR(a b)", "hung*", "^x"):
        found(finder, caller_name=typed, ward="Phường Sài Gòn", address=typed)  # no syntax error
    assert found(finder, caller_name='Lê "NEAR" OR*', ward="Phường Sài Gòn")[0].row.id == odd.id


def test_cases_still_waiting_to_be_sent_and_cases_from_other_desks_are_searched(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    waiting = make_case(caller_name="Đỗ Thị Hạnh", caller_phone="0912 345 678", ward="Phường Sài Gòn")
    store.add_case(waiting)  # queued in the outbox, not sent
    other_desk = make_case(caller_name="Vũ Văn Nam", caller_phone="0987 654 321", ward="Phường Sài Gòn")
    Replica(store.engine).apply(
        [ServerCase(server_id="srv-1", source_key="elsewhere-1", case=other_desk)], 1, datetime.now(UTC)
    )
    assert found(finder, caller_phone="0912345678")[0].row.id == waiting.id
    assert found(finder, caller_phone="0987654321")[0].row.id == "srv-1"


def test_find_duplicates_prints_one_line_per_draft_in_order(
    store: CaseStore, earlier: str, tmp_path: Path
) -> None:
    queries = tmp_path / "drafts.jsonl"
    queries.write_text(
        "\n".join(
            [
                json.dumps({"caller_phone": "0389123456"}),
                "this is not json",
                json.dumps({"caller_name": "Lê Thị Mai", "ward": "Sài Gòn"}, ensure_ascii=False),
                json.dumps({"caller_name": "Không Ai Cả", "ward": "Phường Sài Gòn"}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    code = main(
        [
            "find-duplicates",
            "--db",
            str(store.path),
            "--queries",
            str(queries),
            "--limit",
            "2",
            "--lang",
            "en",
        ],
        out=out,
    )
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == EXIT_REJECTED and len(lines) == 4
    first = lines[0]["candidates"][0]
    assert first["case_id"] == earlier and first["likely"] is True and 0.0 <= first["score"] <= 1.0
    assert first["reasons"][0] == "same phone 0389 123 456"
    assert lines[1] == {"candidates": [], "error": "Line 2 is not a JSON object (interchange columns)."}
    assert lines[2]["candidates"][0]["case_id"] == earlier
    assert lines[3]["candidates"] == []


def test_odd_names_neither_break_the_index_nor_blow_it_up(
    finder: DuplicateFinder,
    store: CaseStore,
    make_case: MakeCase,
    tmp_path: Path,
) -> None:
    pasted = "Nguyễn " + "a" * 5000  # a pasted text in the name field
    other_script = "Lê ᦰᦱᦲ 李小龍 Mai"  # letters FTS5 would split a token on
    for name in (pasted, other_script, "7", "Ng."):
        store.add_case(make_case(caller_name=name, caller_phone="0903 444 555", ward="Phường Sài Gòn"))
    with store.engine.connect() as connection:
        longest = connection.exec_driver_sql("SELECT max(length(search_text)) FROM cases").scalar()
    assert longest is not None and longest < 2_000
    for name in (pasted, other_script, "7", "Ng."):
        found(finder, caller_name=name, ward="Phường Sài Gòn")  # no error
    queries = tmp_path / "odd.jsonl"
    queries.write_text(
        json.dumps({"caller_name": other_script, "ward": "Sài Gòn"}, ensure_ascii=False), encoding="utf-8"
    )
    out = io.StringIO()
    main(["find-duplicates", "--db", str(store.path), "--queries", str(queries)], out=out)
    assert "error" not in json.loads(out.getvalue())


def test_the_index_stays_exact_when_the_desk_and_the_sync_write_at_once(
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    import threading

    def write(prefix: str) -> None:
        for i in range(60):
            store.add_case(make_case(caller_name=f"Người {prefix} {i}", caller_phone=f"0903{i:06d}"))

    writers = [threading.Thread(target=write, args=(p,)) for p in ("desk", "sync")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    with store.engine.begin() as connection:
        # FTS5 compares its index with the cases it was made from; a doubled entry fails it.
        connection.exec_driver_sql("INSERT INTO case_search(case_search, rank) VALUES ('integrity-check', 1)")
    assert store.count_cases() == 120


def test_a_related_link_still_knows_its_target_after_the_copy_is_forgotten(
    store: CaseStore,
    make_case: MakeCase,
) -> None:
    copy = make_case(caller_name="Bà Sáu", caller_phone="0987 000 111")
    replica = Replica(store.engine)
    replica.apply([ServerCase(server_id="srv-9", source_key="x", case=copy)], 1, datetime.now(UTC))
    son = make_case(caller_name="Con bà Sáu", caller_phone="0987 000 222")
    link_id = store.add_related_case(son, "srv-9")
    replica.forget_older_than(datetime.now(UTC) + timedelta(days=1))  # the copy leaves the window
    assert store.get_case("srv-9") is None
    assert Outbox(store.engine).link_to_send(link_id) == ("srv-9", "related", "")
