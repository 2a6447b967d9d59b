"""Wards as callers name them: today's, former ones, abbreviations, no diacritics."""

import pytest

from operator_console.domain.gazetteer import Gazetteer


def test_the_city_has_its_168_units_of_today_and_the_273_former_wards(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.current_wards) == 168
    assert {w.kind for w in gazetteer.current_wards} == {"phường", "xã", "đặc khu"}
    assert len(gazetteer.former_wards) == 273
    assert len(gazetteer.former_districts) == 22


@pytest.mark.parametrize(
    "typed", ["Phường Tân Định", "tan dinh", "P. Tân Định", "phuong  TAN DINH", "P.Tân Định"]
)
def test_todays_ward_is_found_however_it_is_typed(gazetteer: Gazetteer, typed: str) -> None:
    match = gazetteer.resolve(typed)
    assert match.status == "current"
    assert match.current is not None and match.current.name == "Phường Tân Định"
    assert not match.needs_operator


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


def test_a_former_ward_without_a_shared_code_is_kept_and_flagged_with_choices(gazetteer: Gazetteer) -> None:
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
