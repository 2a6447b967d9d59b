"""Wards as callers name them: today's, former ones, abbreviations, no diacritics."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.gazetteer import Gazetteer


def test_the_city_has_its_168_units_of_today_and_the_former_ones_of_its_three_parts(
    gazetteer: Gazetteer,
) -> None:
    assert len(gazetteer.current_wards) == 168
    assert {w.kind for w in gazetteer.current_wards} == {"phường", "xã", "đặc khu"}
    by_province = {
        code: [d for d in gazetteer.former_districts if d.province_code == code] for code in (79, 74, 77)
    }
    assert [len(by_province[code]) for code in (79, 74, 77)] == [22, 9, 7]
    assert len(gazetteer.former_wards) == 273 + 91 + 77


@pytest.mark.parametrize(
    "typed", ["Phường Bến Thành", "ben thanh", "P. Bến Thành", "phuong  BEN THANH", "P.Bến Thành"]
)
def test_todays_ward_is_found_however_it_is_typed(gazetteer: Gazetteer, typed: str) -> None:
    match = gazetteer.resolve(typed)
    assert match.status == "current"
    assert match.current is not None and match.current.name == "Phường Bến Thành"
    assert not match.needs_operator


def test_a_name_the_new_city_has_twice_is_for_the_operator_to_choose(gazetteer: Gazetteer) -> None:
    """Tân Định is a ward of the old Quận 1, and of Bến Cát and Bắc Tân Uyên in former Bình Dương."""
    match = gazetteer.resolve("Tân Định")
    assert match.status == "ambiguous" and match.needs_operator
    assert {c.label for c in match.choices} >= {"Phường Tân Định", "Phường Tân Định, Thành phố Bến Cát"}
    with_district = gazetteer.resolve("Tân Định", "Quận 1")
    assert with_district.status == "current" and with_district.current is not None
    assert with_district.current.name == "Phường Tân Định"  # same name, code kept from its neighbour Đa Kao


def test_marks_tell_namesakes_apart_and_their_absence_does_not(gazetteer: Gazetteer) -> None:
    """Xã Thạnh An (Cần Giờ) and Xã Thanh An (former Bình Dương) are both in today's city."""
    assert gazetteer.resolve("Thạnh An").current.code == 27676  # type: ignore[union-attr]
    assert gazetteer.resolve("thanh an").status == "ambiguous"
    assert gazetteer.resolve("Thạnh An", "Cần Giờ").current.code == 27676  # type: ignore[union-attr]


def test_a_former_ward_is_never_sent_to_a_namesake_elsewhere(gazetteer: Gazetteer) -> None:
    """Phường Tân Phú of Quận 7 is not today's Phường Tân Phú (the former Tân Phú district)."""
    match = gazetteer.resolve("Tân Phú", "Quận 7")
    assert match.former is not None and match.former.district_name == "Quận 7"
    assert match.current is None or match.current.name != "Phường Tân Phú"
    for old in gazetteer.former_wards:
        today = gazetteer.mapped(old)
        if today is not None and today.code != old.code:
            assert today.name == old.name, old.label


def test_former_wards_of_binh_duong_and_ba_ria_vung_tau_are_known(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường Phú Hòa", "TP Thủ Dầu Một")
    assert match.former is not None and match.former.district_name == "Thành phố Thủ Dầu Một"
    vung_tau = gazetteer.resolve("P.1", "TP Vũng Tàu")
    assert vung_tau.former is not None and vung_tau.former.district_name == "Thành phố Vũng Tàu"


@given(st.text(max_size=30), st.text(max_size=20))
def test_any_text_resolves_without_error_and_is_kept(gazetteer: Gazetteer, ward: str, district: str) -> None:
    match = gazetteer.resolve(ward, district)
    assert match.status in ("empty", "current", "former", "former_unmapped", "ambiguous", "unknown")
    if ward.strip():
        assert match.typed


@pytest.mark.parametrize(
    ("ward", "district"),
    [
        ("Phường 5, Quận 8", ""),
        ("P5", "Q8"),
        ("P.5", "Q.8"),
        ("F5 Q.8", ""),
        ("phuong 5", "quan 8"),
        ("Phường 05", "Quận 8"),
    ],
)
def test_a_former_ward_resolves_to_the_ward_that_took_its_code(
    gazetteer: Gazetteer, ward: str, district: str
) -> None:
    match = gazetteer.resolve(ward, district)
    assert match.status == "former"
    assert match.former is not None and match.former.label == "Phường 5, Quận 8"
    assert match.current is not None and match.current.code == match.former.code
    assert match.message is not None and "Phường 5, Quận 8" in match.message.render("vi")


def test_a_former_ward_without_a_link_to_today_is_kept_and_flagged_with_choices(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường 2", "Quận 3")
    assert match.status == "former_unmapped"
    assert match.needs_operator
    assert match.former is not None and match.former.district_name == "Quận 3"
    assert match.choices, "the operator is offered the current wards of the former district"
    assert all(not c.former for c in match.choices)


def test_a_numbered_ward_without_its_district_is_ambiguous(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("P.5")
    assert match.status == "ambiguous"
    assert len(match.choices) > 3
    assert "quận/huyện" in (match.message.render("vi") if match.message else "")


def test_an_unknown_ward_is_kept_as_typed_and_flagged(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường Không Có")
    assert match.status == "unknown"
    assert match.typed == "Phường Không Có"
    assert match.needs_operator


def test_the_unit_type_said_picks_between_namesakes(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Xã Củ Chi").current.name == "Xã Củ Chi"  # type: ignore[union-attr]
    former = gazetteer.resolve("Thị trấn Củ Chi")
    assert former.former is not None and former.former.name == "Thị trấn Củ Chi"


def test_thu_duc_city_is_found_by_its_old_district_names(gazetteer: Gazetteer) -> None:
    for name in ("Quận 2", "Q.9", "TP Thủ Đức", "Thủ Đức"):
        district = gazetteer.district(name)
        assert district is not None and district.name == "Thành phố Thủ Đức", name


def test_completion_ignores_diacritics_and_offers_todays_wards_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.complete("tan dinh")
    assert found[0].name == "Phường Tân Định" and not found[0].former
    assert any(w.former for w in found)
