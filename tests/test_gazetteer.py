"""Wards as callers name them: today's, former ones (merged whole or split), abbreviations, no marks.

The expected units come from the official conversion table (resources/data/wards_hcmc.json, made
from it by make_wards.py), never from the code under test.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.gazetteer import Gazetteer, WardUnit
from operator_console.domain.text import clean


def unit_of_today(gazetteer: Gazetteer, ward: str, district: str | None = None) -> WardUnit:
    """The unit of today the words resolve to (the test expects one)."""
    current = gazetteer.resolve(ward, district).current
    assert current is not None, (ward, district)
    return current


def _former(gazetteer: Gazetteer, name: str, district: str) -> WardUnit:
    return next(w for w in gazetteer.former_wards if w.name == name and w.district_name == district)


def test_the_city_has_its_168_units_of_today_and_the_former_ones_of_its_three_parts(
    gazetteer: Gazetteer,
) -> None:
    assert len(gazetteer.current_wards) == 168
    assert {w.kind for w in gazetteer.current_wards} == {"phường", "xã", "đặc khu"}
    by_province = {
        code: [d for d in gazetteer.former_districts if d.province_code == code] for code in (79, 74, 77)
    }
    # 22 district-level units of the city, 9 of Bình Dương, 7 of Bà Rịa – Vũng Tàu (Côn Đảo included)
    assert [len(by_province[code]) for code in (79, 74, 77)] == [22, 9, 7]
    assert len(gazetteer.former_wards) == 441
    assert all(gazetteer.successors(w) for w in gazetteer.former_wards)


def test_todays_units_carry_their_official_codes_not_the_draft_ones(gazetteer: Gazetteer) -> None:
    ban_co = gazetteer.resolve("Phường Bàn Cờ").current
    assert ban_co is not None and ban_co.code == 27154
    assert gazetteer.current(27160) is None, "27160 was the draft code"
    assert gazetteer.official_code(27160) == 27154, "a draft code an older release stored is read"
    assert gazetteer.official_code(26740) == 26740
    assert gazetteer.official_code(99999) is None


@pytest.mark.parametrize(
    "typed", ["Phường Bến Thành", "ben thanh", "P. Bến Thành", "phuong  BEN THANH", "P.Bến Thành"]
)
def test_todays_ward_is_found_however_it_is_typed(gazetteer: Gazetteer, typed: str) -> None:
    match = gazetteer.resolve(typed)
    assert match.status == "current"
    assert match.current is not None and match.current.name == "Phường Bến Thành"
    assert not match.needs_operator


@pytest.mark.parametrize(
    ("ward", "district"),
    [
        ("Phường 2, Quận 5", ""),
        ("P.2 Q.5", ""),
        ("P2", "Q5"),
        ("F2 Q.5", ""),
        ("phuong 2 quan 5", ""),
        ("Phường 02", "Quận 5"),
    ],
)
def test_a_former_ward_merged_whole_resolves_to_its_successor_at_once(
    gazetteer: Gazetteer, ward: str, district: str
) -> None:
    """Former Phường 2, Quận 5 merged whole into today's Phường Chợ Quán."""
    match = gazetteer.resolve(ward, district)
    assert match.status == "former" and not match.needs_operator
    assert match.former is not None and match.former.label == "Phường 2, Quận 5"
    assert match.current is not None and match.current.name == "Phường Chợ Quán"
    message = match.message.render("vi") if match.message else ""
    assert "Phường 2, Quận 5" in message and "Phường Chợ Quán" in message


@pytest.mark.parametrize(
    ("ward", "district", "former", "successors"),
    [
        ("P.5", "Q.8", "Phường 5, Quận 8", {"Phường Chánh Hưng", "Phường Bình Đông"}),
        ("Đa Kao", "", "Phường Đa Kao, Quận 1", {"Phường Tân Định", "Phường Sài Gòn"}),
        ("Phường 15", "Tân Bình", "Phường 15, Quận Tân Bình", {"Phường Tân Bình", "Phường Tân Sơn"}),
        (
            "Tân Thành",
            "Tân Phú",
            "Phường Tân Thành, Quận Tân Phú",
            {"Phường Tân Sơn Nhì", "Phường Phú Thọ Hòa", "Phường Tân Phú"},
        ),
        ("Mỹ Phước", "", "Phường Mỹ Phước, Thành phố Bến Cát", {"Phường Bến Cát", "Phường Long Nguyên"}),
    ],
)
def test_a_split_ward_is_never_resolved_silently_and_offers_exactly_its_successors(
    gazetteer: Gazetteer, ward: str, district: str, former: str, successors: set[str]
) -> None:
    match = gazetteer.resolve(ward, district)
    assert match.status == "split" and match.needs_operator
    assert match.current is None
    assert match.former is not None and match.former.label == former
    assert {u.name for u in match.choice_units} == successors
    assert all(c.via == match.former for c in match.choices)


def test_every_split_ward_offers_the_tables_successors_and_every_other_resolves(gazetteer: Gazetteer) -> None:
    for old in gazetteer.former_wards:
        successors = gazetteer.successors(old)
        match = gazetteer.resolve(old.name, old.district_name)
        if len(successors) > 1:
            assert match.status == "split", old.label
            assert set(match.choice_units) == {s.unit for s in successors}, old.label
        else:
            assert match.current == successors[0].unit, old.label


def test_the_successor_that_took_the_people_is_offered_first(gazetteer: Gazetteer) -> None:
    """Long Thạnh Mỹ: part of its area to Tăng Nhơn Phú, its whole population to Long Bình."""
    match = gazetteer.resolve("Phường Long Thạnh Mỹ", "TP Thủ Đức")
    assert [c.unit.name for c in match.choices] == ["Phường Long Bình", "Phường Tăng Nhơn Phú"]


def test_todays_name_wins_over_a_former_namesake_elsewhere_unless_the_district_says_otherwise(
    gazetteer: Gazetteer,
) -> None:
    """Today's Phường Tân Định (Quận 1's); former Phường Tân Định of Bến Cát went into Hòa Lợi."""
    assert unit_of_today(gazetteer, "Tân Định").name == "Phường Tân Định"
    bến_cát = gazetteer.resolve("Tân Định", "Bến Cát")
    assert bến_cát.former is not None and bến_cát.former.district_name == "Thành phố Bến Cát"
    assert bến_cát.current is not None and bến_cát.current.name == "Phường Hòa Lợi"
    assert unit_of_today(gazetteer, "Tân Định, TX Bến Cát").name == "Phường Hòa Lợi"


def test_todays_name_said_with_its_old_district_is_todays_unit(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường Chợ Quán", "Quận 5")
    assert match.status == "current" and match.current is not None and match.current.name == "Phường Chợ Quán"


@pytest.mark.parametrize(
    ("typed", "today"),
    [
        ("Phường Chợ Quán", "Phường Chợ Quán"),
        ("Phường Bình Quới", "Phường Bình Quới"),
        ("P. Chợ Quán", "Phường Chợ Quán"),
        ("Phường 12 Gò Vấp", "Phường An Hội Tây"),
        ("F12 Gò Vấp", "Phường An Hội Tây"),
        ("phuong 12 go vap", "Phường An Hội Tây"),
        ("Phường 12 Quận Gò Vấp", "Phường An Hội Tây"),
        ("Phường Thắng Tam Vũng Tàu", "Phường Vũng Tàu"),
        ("Xã Phước Hoà", "Xã Phước Hòa"),
        ("Long Hoà", "Xã Long Hòa"),
        ("X. Thạnh An", "Xã Thạnh An"),
        ("Quy Đức", "Xã Hưng Long"),
        ("Xã Qui Đức", "Xã Hưng Long"),
        ("Xã Quảng Thành", "Xã Bình Giã"),
        ("Huyện Côn Đảo", "Đặc khu Côn Đảo"),
        ("Côn Đảo", "Đặc khu Côn Đảo"),
        ("Ðặc khu Côn Ðảo", "Đặc khu Côn Đảo"),  # typed with Ð (U+00D0)
        ("Phường Tân\u200b Định", "Phường Tân Định"),  # a zero-width space from copy-paste
    ],
)
def test_words_that_look_like_a_district_or_a_type_do_not_mislead_it(
    gazetteer: Gazetteer, typed: str, today: str
) -> None:
    """A word starting with Q is not "Q." (district); a district qualifies without comma or type."""
    match = gazetteer.resolve(typed)
    assert match.current is not None and match.current.name == today, match


def test_tan_quy_is_a_former_ward_of_tan_phu_split_in_two(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Tân Quý")
    assert match.status == "split" and match.former is not None
    assert match.former.label == "Phường Tân Quý, Quận Tân Phú"


def test_marks_tell_namesakes_apart_and_their_absence_does_not(gazetteer: Gazetteer) -> None:
    """Xã Thạnh An (Cần Giờ) and Xã Thanh An (former Bình Dương) are both in today's city."""
    assert unit_of_today(gazetteer, "Thạnh An").code == 27676
    assert unit_of_today(gazetteer, "Xã Thanh An").code == 25807
    unmarked = gazetteer.resolve("thanh an")
    assert unmarked.status == "ambiguous"
    assert {u.code for u in unmarked.choice_units} == {27676, 25807}
    assert unit_of_today(gazetteer, "Thạnh An", "Cần Giờ").code == 27676


def test_a_former_ward_is_never_sent_to_a_namesake_elsewhere(gazetteer: Gazetteer) -> None:
    """Phường Tân Phú of Quận 7 is not today's Phường Tân Phú (in the former Tân Phú district):
    by the official table it went whole into Phường Tân Mỹ."""
    match = gazetteer.resolve("Tân Phú", "Quận 7")
    assert match.former is not None and match.former.label == "Phường Tân Phú, Quận 7"
    assert match.status == "former" and match.current is not None and match.current.name == "Phường Tân Mỹ"


def test_a_district_that_has_no_such_ward_leaves_the_ward_to_the_operator(gazetteer: Gazetteer) -> None:
    """Bến Thành said with Quận 8: a slip of the caller's, or another place; the operator chooses."""
    match = gazetteer.resolve("Phường Bến Thành", "Quận 8")
    assert match.status == "mismatch" and match.current is None
    assert [u.name for u in match.choice_units] == ["Phường Bến Thành"]
    assert "không có phường/xã tên này" in (match.message.render("vi") if match.message else "")


def test_a_district_field_that_holds_only_the_city_is_no_district(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("P.5 Q.8", "TP HCM")
    assert match.status == "split" and match.former is not None and match.former.label == "Phường 5, Quận 8"
    assert gazetteer.resolve("Phường 1 2").status == "unknown", "not Phường 12"


def test_former_wards_of_binh_duong_and_ba_ria_vung_tau_are_known(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường Phú Hòa", "TP Thủ Dầu Một")
    assert match.former is not None and match.former.district_name == "Thành phố Thủ Dầu Một"
    assert match.current is not None and match.current.name == "Phường Phú Lợi"
    vung_tau = gazetteer.resolve("P.1", "TP Vũng Tàu")
    assert vung_tau.former is not None and vung_tau.former.district_name == "Thành phố Vũng Tàu"


def test_codes_an_older_release_stored_for_former_wards_are_read(gazetteer: Gazetteer) -> None:
    old = gazetteer.former_unit(27361)  # vietnam-provinces 0.6.0's code for Phường 2, Quận 6
    assert old is not None and old.label == "Phường 2, Quận 6" and old.code == 27367
    assert unit_of_today(gazetteer, "Phường 2", "Quận 6").name == "Phường Bình Tây"


@given(st.text(max_size=30), st.text(max_size=20))
def test_any_text_resolves_to_a_ward_or_to_choices_and_is_kept(
    gazetteer: Gazetteer, ward: str, district: str
) -> None:
    """Whatever is typed: a ward of today, or choices for the operator, or nothing; never both."""
    match = gazetteer.resolve(ward, district)
    if match.status in ("current", "former"):
        assert match.current is not None and not match.needs_operator and not match.choices
    elif match.status in ("split", "ambiguous", "mismatch"):
        assert match.current is None and match.needs_operator and match.choices
        assert all(not unit.former for unit in match.choice_units)
    else:
        assert match.status in ("empty", "unknown") and match.current is None
    if clean(ward):  # invisible characters alone are no ward
        assert match.typed


def test_a_numbered_ward_without_its_district_is_ambiguous_with_todays_units_as_choices(
    gazetteer: Gazetteer,
) -> None:
    match = gazetteer.resolve("P.5")
    assert match.status == "ambiguous"
    assert len(match.choice_units) > 3 and all(not u.former for u in match.choice_units)
    assert all(c.via is not None and c.via.name == "Phường 5" for c in match.choices)
    assert "quận/huyện" in (match.message.render("vi") if match.message else "")


def test_an_unknown_ward_is_kept_as_typed_and_flagged(gazetteer: Gazetteer) -> None:
    match = gazetteer.resolve("Phường Không Có")
    assert match.status == "unknown"
    assert match.typed == "Phường Không Có"
    assert match.needs_operator


def test_the_unit_type_said_picks_between_namesakes(gazetteer: Gazetteer) -> None:
    assert unit_of_today(gazetteer, "Xã Củ Chi").name == "Xã Củ Chi"
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


def test_every_completion_the_ward_field_offers_resolves(gazetteer: Gazetteer) -> None:
    """Whatever the operator takes from the list leads to a ward: today's, or a split one's choices."""
    for unit in (*gazetteer.current_wards, *gazetteer.former_wards):
        match = gazetteer.resolve(unit.label)
        if unit.former:
            assert match.former == unit, unit.label
            assert match.status in ("current", "former", "split"), unit.label
        else:
            assert (match.status, match.current) == ("current", unit), unit.label
        # and by the first letters of each word of its name, as operators type it
        typed = " ".join(word[:4] for word in unit.label.replace(",", "").split())
        assert unit in gazetteer.complete(typed, limit=500), typed


@pytest.mark.parametrize(
    ("ward", "district", "today", "former"),
    [
        # a district with the city or province after it (the district said must not be dropped)
        ("LONG HÒA", "HUYỆN CẦN GIỜ, THÀNH PHỐ HỒ CHÍ MINH", "Xã Cần Giờ", "Xã Long Hòa, Huyện Cần Giờ"),
        ("tân hiệp", "h. hóc môn, tp hcm", "Xã Hóc Môn", "Xã Tân Hiệp, Huyện Hóc Môn"),
        ("P TÂN ĐỊNH", "TP.BẾN CÁT, BÌNH DƯƠNG", "Phường Hòa Lợi", "Phường Tân Định, Thành phố Bến Cát"),
        ("Bình Trung", "H. Châu Đức, Bà Rịa - Vũng Tàu", "Xã Bình Giã", "Xã Bình Trung, Huyện Châu Đức"),
        ("Phường 8 Quận 6 TPHCM", "", "Phường Bình Tiên", "Phường 8, Quận 6"),
        # the former province alone tells namesakes apart
        ("Bình Mỹ, BD", "", "Phường Bình Cơ", "Xã Bình Mỹ, Huyện Bắc Tân Uyên"),
        ("Phường Bến Nghé, Sài Gòn", "", "Phường Sài Gòn", "Phường Bến Nghé, Quận 1"),
        # marks typed: Thạnh is not Thành (Xã Phước Thành of today is elsewhere)
        ("Xã Phước Thạnh", "", "Xã Thái Mỹ", "Xã Phước Thạnh, Huyện Củ Chi"),
        # a hamlet before, the district first, no separator, the districts before 2025
        ("KP 3 Tan Thuan Tay Quan 7", "", "Phường Tân Thuận", "Phường Tân Thuận Tây, Quận 7"),
        ("Gò Vấp P5", "", "Phường An Nhơn", "Phường 5, Quận Gò Vấp"),
        ("Thị trấn Long Hải", "huyện Long Điền", "Xã Long Hải", "Thị trấn Long Hải, Huyện Long Đất"),
        ("đặc khu Côn Đảo - huyện Côn Đảo", "", "Đặc khu Côn Đảo", None),
    ],
)
def test_a_ward_with_what_callers_put_around_it_still_reaches_its_unit(
    gazetteer: Gazetteer, ward: str, district: str, today: str, former: str | None
) -> None:
    match = gazetteer.resolve(ward, district)
    assert match.current is not None and match.current.name == today, match
    assert (match.former.label if match.former else None) == former


@pytest.mark.parametrize(
    ("ward", "district", "former"),
    [
        ("Phú Mỹ", "Q.7, TP HCM", "Phường Phú Mỹ, Quận 7"),  # not today's Phú Mỹ (former BRVT)
        ("tân thành", "q.tân phú, tp hcm", "Phường Tân Thành, Quận Tân Phú"),
        ("Quận 8, Phường 5", "", "Phường 5, Quận 8"),
        ("P5Q8", "", "Phường 5, Quận 8"),
        ("Q8 P5", "", "Phường 5, Quận 8"),
    ],
)
def test_a_split_ward_stays_split_however_its_district_is_said(
    gazetteer: Gazetteer, ward: str, district: str, former: str
) -> None:
    match = gazetteer.resolve(ward, district)
    assert match.status == "split" and match.former is not None and match.former.label == former


def test_a_district_that_cannot_be_read_leaves_a_shared_name_to_the_operator(gazetteer: Gazetteer) -> None:
    """Said with words that name no district, Tân Phú may be today's ward or a former one elsewhere."""
    match = gazetteer.resolve("Phường Tân Phú", "abc xyz")
    assert match.status == "ambiguous" and match.current is None
    assert "Phường Tân Phú" in {u.name for u in match.choice_units}
