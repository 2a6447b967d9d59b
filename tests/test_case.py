"""The case: building it from what was typed, its priority, and its life."""

from datetime import UTC, datetime
from typing import Unpack

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.case import (
    Case,
    Priority,
    Status,
    TransitionError,
    Vulnerability,
    check_transition,
)
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.intake import CaseDraft, InvalidCase, build_case
from operator_console.domain.priority import suggest_priority
from operator_console.domain.taxonomy import TOP_LEVEL_CODES, Taxonomy
from tests.drafts import DraftFields

NOW = datetime(2021, 8, 29, 2, 15, tzinfo=UTC)


def build(gazetteer: Gazetteer, taxonomy: Taxonomy, **fields: Unpack[DraftFields]) -> Case:
    return build_case(CaseDraft(**fields), gazetteer=gazetteer, taxonomy=taxonomy, now=NOW)


def test_a_neighbour_reporting_a_lone_elderly_woman(gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
    case = build(
        gazetteer,
        taxonomy,
        caller_phone="0909 123 456",
        caller_name="trần văn bình",
        caller_relation="neighbour",
        subject_name="Bà Lê Thị Mai",
        address="hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.8",
        category="essential_supplies/food",
        vulnerable={"lone_elderly"},
        household_size="1",
    )
    assert case.caller.name == "Trần Văn Bình"
    assert case.needy.name == "Bà Lê Thị Mai"
    assert case.address.alley == "12/3" and case.address.house_number == "45"
    # Former Phường 5, Quận 8 was split between Chánh Hưng and Bình Đông: kept as said, for the operator.
    assert case.address.ward_code is None and case.address.former_ward_code == 27418
    assert case.address.ward_needs_check
    assert case.address.ward_as_said == "P.5" and case.address.district_as_said == "Q.8"
    assert case.priority is Priority.URGENT  # alone, asking for food (no food today would be critical)
    assert case.status is Status.QUEUED and case.history[0].status is Status.QUEUED


def test_the_ward_the_operator_picks_for_a_split_ward_is_kept_beside_what_was_said(
    gazetteer: Gazetteer, taxonomy: Taxonomy
) -> None:
    case = build(gazetteer, taxonomy, caller_name="A", ward="P.5 Q.8", ward_code=27424, category="other")
    assert (case.address.ward_code, case.address.former_ward_code) == (27424, 27418)  # Bình Đông, P.5 Q.8
    assert case.address.ward_as_said == "P.5 Q.8" and not case.address.ward_needs_check


def test_a_draft_ward_code_from_an_older_console_or_file_is_read_as_the_official_one(
    gazetteer: Gazetteer, taxonomy: Taxonomy
) -> None:
    case = build(
        gazetteer, taxonomy, caller_name="A", ward="Phường Bàn Cờ", ward_code=27160, category="other"
    )
    assert case.address.ward_code == 27154
    with pytest.raises(InvalidCase):
        build(gazetteer, taxonomy, caller_name="A", ward_code=12345, category="other")


def test_every_wrong_field_is_named_at_once(gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
    with pytest.raises(InvalidCase) as invalid:
        build(gazetteer, taxonomy, caller_phone="12", category="food", household_size="0")
    fields = {e.field for e in invalid.value.errors}
    assert fields == {"caller_phone", "category", "household_size"}


def test_a_case_needs_a_phone_or_a_name(gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
    with pytest.raises(InvalidCase) as invalid:
        build(gazetteer, taxonomy, category="other")
    assert "số điện thoại hoặc họ tên" in invalid.value.errors[0].message.render("vi")
    assert build(gazetteer, taxonomy, category="other", subject_name="Bé Na").needy.name == "Bé Na"


def test_the_operator_can_override_the_suggested_priority(gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
    case = build(gazetteer, taxonomy, caller_name="A", category="traffic", priority="urgent")
    assert case.priority is Priority.URGENT and case.priority_suggested is Priority.NORMAL


@pytest.mark.parametrize(
    ("category", "vulnerable", "no_food", "expected"),
    [
        ("policy_support", set(), False, Priority.NORMAL),
        ("essential_supplies", set(), True, Priority.CRITICAL),
        ("essential_supplies", {Vulnerability.CHILDREN}, False, Priority.URGENT),
        ("essential_supplies", {Vulnerability.LONE_ELDERLY}, False, Priority.URGENT),
        ("essential_supplies", {Vulnerability.LONE_ELDERLY}, True, Priority.CRITICAL),
        ("vulnerable_person/lone_elderly", set(), False, Priority.URGENT),
        ("vulnerable_person/lone_elderly", set(), True, Priority.CRITICAL),
        ("policy_support", {Vulnerability.LONE_ELDERLY}, False, Priority.URGENT),
        ("vulnerable_person/street_child", set(), False, Priority.URGENT),
        ("traffic", {Vulnerability.SICK}, False, Priority.NORMAL),
    ],
)
def test_priority_rules(
    category: str, vulnerable: set[Vulnerability], no_food: bool, expected: Priority
) -> None:
    assert suggest_priority(category, vulnerable, no_food)[0] is expected


@pytest.mark.parametrize(
    ("category", "age", "expected", "rule"),
    [
        ("essential_supplies", 82, Priority.URGENT, "very_old"),
        ("essential_supplies", 80, Priority.URGENT, "very_old"),
        ("essential_supplies", 79, Priority.NORMAL, None),
        ("policy_support", 90, Priority.URGENT, "very_old"),
        ("vulnerable_person/street_child", 4, Priority.URGENT, "very_young"),
        ("essential_supplies", 5, Priority.URGENT, "very_young"),
        ("essential_supplies", 6, Priority.NORMAL, None),
        ("traffic", 85, Priority.NORMAL, None),  # an age said on a report about a road
        ("suggestion", 3, Priority.NORMAL, None),
    ],
)
def test_the_person_in_needs_age_counts_where_the_call_is_about_a_person(
    category: str, age: int, expected: Priority, rule: str | None
) -> None:
    priority, rules = suggest_priority(category, set(), False, age)
    assert priority is expected and (rule in rules if rule else rules == [])


def test_an_age_said_at_the_desk_reaches_the_stored_priority(
    gazetteer: Gazetteer, taxonomy: Taxonomy
) -> None:
    case = build(gazetteer, taxonomy, caller_name="A", category="essential_supplies", subject_age="84")
    assert case.priority is Priority.URGENT and case.subject_age == 84
    case = build(gazetteer, taxonomy, caller_name="A", category="traffic", subject_age="84")
    assert case.priority is Priority.NORMAL


@given(
    st.sampled_from(["essential_supplies", "essential_supplies/food", "policy_support", "traffic", "other"]),
    st.sets(st.sampled_from(list(Vulnerability))),
    st.booleans(),
)
def test_the_lone_elderly_tick_and_the_lone_elderly_category_give_the_same_priority(
    category: str, vulnerable: set[Vulnerability], no_food: bool
) -> None:
    """However the operator enters "an old person living alone", the suggestion is the same."""
    ticked = suggest_priority(category, vulnerable | {Vulnerability.LONE_ELDERLY}, no_food)[0]
    assert ticked is suggest_priority("vulnerable_person/lone_elderly", vulnerable, no_food)[0]


def test_not_eligible_needs_a_reason_the_caller_can_be_told() -> None:
    with pytest.raises(TransitionError) as error:
        check_transition(Status.ACCEPTED, Status.NOT_ELIGIBLE, reason=" ")
    assert "lý do" in error.value.message.render("vi")
    check_transition(Status.ACCEPTED, Status.NOT_ELIGIBLE, reason="Không thuộc diện hỗ trợ")


def test_a_case_cannot_jump_back_to_draft_nor_merge_without_a_target() -> None:
    with pytest.raises(TransitionError):
        check_transition(Status.RESOLVED, Status.DRAFT)
    with pytest.raises(TransitionError):
        check_transition(Status.QUEUED, Status.MERGED)
    check_transition(Status.RESOLVED, Status.IN_PROGRESS)  # reopened: help never came


def test_the_taxonomy_holds_the_seeds_three_kinds_of_help_and_the_general_areas(taxonomy: Taxonomy) -> None:
    assert tuple(c.code for c in taxonomy.top_level()) == TOP_LEVEL_CODES
    assert [c.code for c in taxonomy.top_level() if c.help_kind] == [
        "essential_supplies",
        "policy_support",
        "vulnerable_person",
    ]
    assert [c.key for c in taxonomy.top_level()] == [str(d) for d in range(1, 10)]
    assert taxonomy.get("vulnerable_person/street_child") is not None
    assert all(c.label_vi and c.label_en for c in taxonomy.categories)


def test_a_held_or_recovered_draft_reads_back_as_the_call_typed_and_still_saves(
    gazetteer: Gazetteer, taxonomy: Taxonomy
) -> None:
    from operator_console.domain.drafts import draft_from_json, draft_to_json

    typed = CaseDraft(
        caller_phone="0389 123 456",
        subject_name="Bà Lê Thị Mai",
        subject_age="82",
        subject_phone="0909 123 456",
        category="vulnerable_person/lone_elderly",
    )
    again = draft_from_json(draft_to_json(typed))
    assert again == typed
    case = build_case(again, gazetteer=gazetteer, taxonomy=taxonomy, now=datetime.now(UTC))
    assert case.subject_age == 82 and case.channel_refs.to_json() == ""


def test_an_age_is_a_whole_number_of_years(gazetteer: Gazetteer, taxonomy: Taxonomy) -> None:
    for said in ("tám mươi", "-1", "131", "8.5"):
        with pytest.raises(InvalidCase) as refused:
            build(gazetteer, taxonomy, caller_phone="0389123456", category="other", subject_age=said)
        assert [e.field for e in refused.value.errors] == ["subject_age"], said


def test_a_repeat_calls_note_says_groups_category_and_the_ward_picked_in_words(
    gazetteer: Gazetteer, taxonomy: Taxonomy
) -> None:
    """The note a unit reads on a linked call: "Người già neo đơn", not "lone_elderly"."""
    from operator_console.domain.intake import build_contact

    draft = CaseDraft(
        caller_phone="0389 123 456",
        ward="P.5 Q.8",
        ward_code=27424,  # the successor the operator picked: Bình Đông
        vulnerable={"lone_elderly"},
        category="vulnerable_person/lone_elderly",
    )
    note = build_contact(draft, now=NOW, taxonomy=taxonomy, gazetteer=gazetteer).note
    category = taxonomy.get("vulnerable_person/lone_elderly")
    assert category is not None
    assert "Phường/xã: P.5 Q.8 → Phường Bình Đông" in note
    assert "Nhóm dễ tổn thương: Người già neo đơn" in note
    assert f"Lĩnh vực: {category.label('vi')}" in note and "lone_elderly" not in note
