"""Addresses as said: house numbers in alleys, streets, khu phố, ward and district."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.address import parse_address


@pytest.mark.parametrize(
    ("said", "house", "alley", "street", "ward", "district", "landmark"),
    [
        ("hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.3, gần chợ", "45", "12/3", "Lê Văn Sỹ", "P.5", "Q.3", "gần chợ"),
        ("12/3/45 Lê Văn Sỹ P5 Q3", "45", "12/3", "Lê Văn Sỹ", "P5", "Q3", ""),
        (
            "45 đường Tô Hiến Thành, Phường 13, Quận 10, TP.HCM",
            "45",
            "",
            "Tô Hiến Thành",
            "Phường 13",
            "Quận 10",
            "",
        ),
        ("số 7A Nguyễn Trãi, phường Bến Thành", "7A", "", "Nguyễn Trãi", "phường Bến Thành", "", ""),
        ("123 Nguyen Van Cu phuong 4 quan 5", "123", "", "Nguyen Van Cu", "phuong 4", "quan 5", ""),
    ],
)
def test_an_address_is_split_into_its_parts(
    said: str, house: str, alley: str, street: str, ward: str, district: str, landmark: str
) -> None:
    parsed = parse_address(said)
    assert (parsed.house_number, parsed.alley, parsed.street) == (house, alley, street)
    assert (parsed.ward, parsed.district, parsed.landmark) == (ward, district, landmark)


def test_khu_pho_and_ap_are_kept_as_the_hamlet() -> None:
    assert parse_address("KP 2, P. Linh Trung, TP Thủ Đức").hamlet == "KP 2"
    assert parse_address("Ấp 3, Xã Bình Hưng").hamlet == "Ấp 3"


streets = st.sampled_from(
    ["Lê Văn Sỹ", "Tô Hiến Thành", "Phạm Thế Hiển", "Âu Cơ", "Nguyễn Văn Linh", "Quang Trung"]
)
wards = st.sampled_from(["Phường 5", "P.14", "phường Tân Định", "Xã Bình Hưng", "P. Linh Trung"])
districts = st.sampled_from(["Quận 8", "Q.3", "Huyện Bình Chánh", "TP Thủ Đức", ""])


@given(
    st.lists(st.integers(1, 999), min_size=1, max_size=4),
    st.sampled_from(["", "A", "B"]),
    streets,
    wards,
    districts,
)
def test_parts_written_together_come_apart_again(
    numbers: list[int], suffix: str, street: str, ward: str, district: str
) -> None:
    path = "/".join(str(n) for n in numbers) + suffix
    said = ", ".join(p for p in (f"{path} {street}", ward, district) if p)
    parsed = parse_address(said)
    assert parsed.house_number == f"{numbers[-1]}{suffix}"
    assert parsed.alley == "/".join(str(n) for n in numbers[:-1])
    assert parsed.street == street
    assert parsed.ward == ward
    assert parsed.district == district


@given(st.text(max_size=60))
def test_no_number_said_is_ever_lost(said: str) -> None:
    """House numbers, alleys, ward numbers: every run of digits survives in some part."""
    parsed = parse_address(said)
    kept = " ".join(
        [
            parsed.alley,
            parsed.house_number,
            parsed.street,
            parsed.hamlet,
            parsed.ward,
            parsed.district,
            parsed.landmark,
        ]
    )
    for run in re.findall(r"\d+", said):
        assert run in kept


@pytest.mark.parametrize(
    ("said", "street", "ward", "district"),
    [
        ("28 Bạch Đằng F. An Phú Q.2 TPHCM", "Bạch Đằng", "F. An Phú", "Q.2 TPHCM"),
        ("hem 84/15/38 Nguyễn Trãi Long Sơn TP Vũng Tàu", "Nguyễn Trãi", "Long Sơn", "TP Vũng Tàu"),
        ("kiet 57 le loi, tan phuoc, tx phu my, tinh br-vt", "le loi", "tan phuoc", "tx phu my"),
        ("187 HÙNG VƯƠNG, TÂN PHÚ, Q 7, SÀI GÒN", "HÙNG VƯƠNG", "TÂN PHÚ", "Q 7"),
        ("kiệt 55 Quang Trung, Tân Bình, Sài Gòn", "Quang Trung", "", "Tân Bình"),  # Sài Gòn: the city
        ("số 3 ấp 2 xã Long Hòa huyện Cần Giờ tp hcm", "", "xã Long Hòa", "huyện Cần Giờ tp hcm"),
        ("10 Ấp Bắc, P.13, Tân Bình", "Ấp Bắc", "P.13", "Tân Bình"),  # a street, not a hamlet
        ("45 Trần Hưng Đạo P. Chợ Quán", "Trần Hưng Đạo", "P. Chợ Quán", ""),
    ],
)
def test_the_ward_and_district_are_found_in_addresses_as_callers_give_them(
    said: str, street: str, ward: str, district: str
) -> None:
    parsed = parse_address(said)
    assert (parsed.street, parsed.ward, parsed.district) == (street, ward, district)


def test_the_house_said_first_then_its_alley_and_street() -> None:
    parsed = parse_address("Số nhà 23, hẻm 74 Võ Văn Ngân")
    assert (parsed.house_number, parsed.alley, parsed.street) == ("23", "74", "Võ Văn Ngân")
