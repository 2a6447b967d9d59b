"""A console's store made by the previous release, opened by this one: the official ward data.

The store in ``tests/fixtures/previous_release/`` was written by the release before the official
ward data (``make_fixtures.py`` there says how): draft codes, a split ward resolved silently, former
wards left unresolved, a name typed with Ð. Opening it runs the store's migrations, as a console
does at start after an upgrade.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_console.client.payload import case_body
from operator_console.dedupe.finder import DuplicateFinder
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.store.case_store import CaseStore
from operator_console.store.outbox import Outbox
from operator_console.store.search import CandidateIndex

FIXTURES = Path(__file__).parent / "fixtures" / "previous_release"
SPLIT_Q8, BAN_CO, P2_Q6, P2_Q5, SAI_GON, LINH_XUAN, DA_KAO, P14_BT = (
    f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 9)
)


@pytest.fixture
def upgraded(tmp_path: Path) -> Iterator[CaseStore]:
    path = tmp_path / "console.sqlite3"
    shutil.copyfile(FIXTURES / "console.sqlite3", path)
    store = CaseStore(path)
    yield store
    store.close()


def test_draft_codes_become_official_ones_in_the_ward_and_the_unit(upgraded: CaseStore) -> None:
    ban_co, linh_xuan = upgraded.get_case(BAN_CO), upgraded.get_case(LINH_XUAN)
    assert ban_co is not None and linh_xuan is not None
    assert (ban_co.address.ward_code, ban_co.handling_unit) == (27154, "ubnd-27154")
    assert (linh_xuan.address.ward_code, linh_xuan.handling_unit) == (26800, "ubnd-26800")
    assert linh_xuan.address.former_ward_code == 26794, "a former ward's official code is left as it is"


def test_a_split_ward_chosen_silently_is_flagged_for_the_operator_and_nothing_said_is_lost(
    upgraded: CaseStore, gazetteer: Gazetteer
) -> None:
    for case_id, said, successors in (
        (SPLIT_Q8, ("P.5", "Q.8"), {"Phường Chánh Hưng", "Phường Bình Đông"}),
        (DA_KAO, ("Đa Kao", "Quận 1"), {"Phường Tân Định", "Phường Sài Gòn"}),
    ):
        case = upgraded.get_case(case_id)
        assert case is not None
        assert case.address.ward_needs_check
        assert (case.address.ward_as_said, case.address.district_as_said) == said
        old = gazetteer.former_unit(case.address.former_ward_code or 0)
        assert old is not None
        assert {s.unit.name for s in gazetteer.successors(old)} == successors  # the review's choices
        assert case.address.ward_code in {s.unit.code for s in gazetteer.successors(old)}  # kept


def test_former_wards_left_unresolved_now_reach_their_ward(upgraded: CaseStore) -> None:
    for case_id, today, former in ((P2_Q6, 27367, 27367), (P2_Q5, 27301, 27307), (P14_BT, 26929, 26929)):
        case = upgraded.get_case(case_id)
        assert case is not None
        assert (case.address.ward_code, case.address.former_ward_code) == (today, former), case_id
        assert not case.address.ward_needs_check


def test_a_case_with_nothing_to_change_is_left_as_it_was(upgraded: CaseStore) -> None:
    case = upgraded.get_case(SAI_GON)
    assert case is not None
    assert (case.address.ward_code, case.address.former_ward_code, case.address.ward_needs_check) == (
        26740,
        None,
        False,
    )


def test_the_unsent_cases_go_to_the_server_with_the_official_codes(upgraded: CaseStore) -> None:
    assert Outbox(upgraded.engine).state().waiting == 8  # the outbox is untouched: nothing lost
    p2_q5 = upgraded.get_case(P2_Q5)
    assert p2_q5 is not None
    assert case_body(p2_q5)["ward_code"] == 27301 and case_body(p2_q5)["ward"] == "Phường 2"


def test_the_search_finds_again_what_was_typed_with_look_alike_letters_and_new_codes(
    upgraded: CaseStore, gazetteer: Gazetteer
) -> None:
    finder = DuplicateFinder(CandidateIndex(upgraded.engine), gazetteer)
    found = finder.find(CaseDraft(caller_name="Đỗ Văn Hùng", ward="Phường 14", district="Quận Bình Thạnh"))
    assert [c.row.id for c in found][:1] == [P14_BT]
    in_ban_co = finder.find(CaseDraft(caller_name="Trần Văn Bình", ward="Phường Bàn Cờ"))
    assert [c.row.id for c in in_ban_co][:1] == [BAN_CO]
