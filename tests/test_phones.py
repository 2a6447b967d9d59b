"""Phone numbers as callers read them out."""

import random

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.phones import (
    LEGACY_MOBILE_PREFIXES,
    WITHHELD,
    PhoneError,
    old_landline_reading,
    parse_phone,
)


@pytest.mark.parametrize(
    ("spoken", "display"),
    [
        ("0389 123 456", "0389 123 456"),
        ("0389.123.456", "0389 123 456"),
        ("+84 389 123 456", "0389 123 456"),
        ("84389123456", "0389 123 456"),
        ("0084 389 123 456", "0389 123 456"),
        ("389123456", "0389 123 456"),
        ("0168 912 3456", "0389 123 456"),
        ("+84 168 912 3456", "0389 123 456"),
        ("028 3823 4567", "028 3823 4567"),
        ("(028) 3823-4567", "028 3823 4567"),
        ("3823 4567", "028 3823 4567"),
        ("0838 234 567", "0838 234 567"),
    ],
)
def test_any_spoken_form_gives_one_canonical_number(spoken: str, display: str) -> None:
    assert parse_phone(spoken).display == display


def test_an_old_eleven_digit_mobile_keeps_the_form_the_caller_gave() -> None:
    phone = parse_phone("0168 912 3456")
    assert phone.national == "0389123456"
    assert phone.e164 == "+84389123456"
    assert phone.legacy_form == "01689123456"


def test_a_ten_digit_08_number_is_a_mobile_and_eight_digits_a_city_landline() -> None:
    assert parse_phone("0838234567").kind == "mobile"
    assert parse_phone("38234567").kind == "landline"
    assert parse_phone("38234567").national == "02838234567"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "ẩn số",
        "số ẩn",
        "Withheld",
        "private",
        "Private number",
        "không rõ",
        "không có số",
        "Không xác định",
        "--",
        "-",
        "…",
    ],
)
def test_a_withheld_caller_id_is_not_an_error(text: str) -> None:
    assert parse_phone(text).withheld


@pytest.mark.parametrize(
    ("text", "vietnamese"),
    [
        ("0389abc", "chỉ gồm chữ số"),
        ("12345", "quá ngắn"),
        ("038912345678", "quá dài"),
        ("0978 555 1234", "quá dài"),  # one digit too many: not a "bad prefix"
        ("+1 202 555 0100", "Chỉ nhận số điện thoại Việt Nam"),
        ("0201234567", "Đầu số «020»"),
        ("1800 1091", "số dịch vụ (1800)"),
        ("1900 6868", "số dịch vụ (1900)"),
        ("1900 123 456", "số dịch vụ (1900)"),
        # 84 as the country code, then a digit short: said as such, not "too long (10 digits)"
        ("8438912345", "sau đó chỉ còn 8 chữ số, thiếu 1"),
        ("+84 38912345", "quá ngắn (9 chữ số)"),
        ("01301234567", "Đầu số «0130»"),
    ],
)
def test_what_cannot_be_a_phone_number_is_said_plainly_in_vietnamese(text: str, vietnamese: str) -> None:
    with pytest.raises(PhoneError) as error:
        parse_phone(text)
    assert vietnamese in error.value.message.render("vi")
    assert error.value.message.render("en")  # and in English


def test_an_old_landline_written_08_and_eight_digits_is_read_as_a_mobile_with_the_landline_beside() -> None:
    """Until June 2017 the city's landlines were 08 + 8 digits: the shape of a mobile today."""
    phone = parse_phone("08 3823 4567")
    assert phone.kind == "mobile" and phone.display == "0838 234 567"
    landline = old_landline_reading(phone)
    assert landline is not None and landline.kind == "landline" and landline.display == "028 3823 4567"
    assert old_landline_reading(parse_phone("0389 123 456")) is None
    assert old_landline_reading(parse_phone("028 3823 4567")) is None
    # An old 11-digit mobile (0123 → 083) lands on an 08 number too, but never was a landline.
    assert old_landline_reading(parse_phone("0123 456 7890")) is None


def test_every_legacy_prefix_maps_to_a_valid_number_today() -> None:
    assert len(LEGACY_MOBILE_PREFIXES) == 21
    for old, new in LEGACY_MOBILE_PREFIXES.items():
        phone = parse_phone(old + "1234567")
        assert phone.national == new + "1234567"
        assert phone.kind == "mobile"


def test_an_old_number_is_keyed_by_todays_form_and_words_are_not_a_number() -> None:
    assert parse_phone("0168 912 3456").national == "0389123456"
    with pytest.raises(PhoneError):
        parse_phone("abc")
    assert parse_phone("") is WITHHELD


mobile_prefixes = st.sampled_from(
    ["032", "039", "070", "079", "081", "085", "086", "090", "098", "056", "058", "059"]
)


@given(
    mobile_prefixes, st.integers(0, 9_999_999), st.sampled_from(["plain", "spaced", "dotted", "plus84", "84"])
)
def test_every_way_of_writing_a_mobile_gives_the_same_number(prefix: str, rest: int, style: str) -> None:
    national = f"{prefix}{rest:07d}"
    written = {
        "plain": national,
        "spaced": f"{national[:4]} {national[4:7]} {national[7:]}",
        "dotted": f"{national[:4]}.{national[4:7]}.{national[7:]}",
        "plus84": f"+84 {national[1:]}",
        "84": f"84{national[1:]}",
    }[style]
    assert parse_phone(written).national == national


@given(st.sampled_from(sorted(LEGACY_MOBILE_PREFIXES)), st.integers(0, 9_999_999))
def test_old_and_new_forms_of_a_number_are_the_same_number(old: str, rest: int) -> None:
    assert (
        parse_phone(f"{old}{rest:07d}").national
        == parse_phone(f"{LEGACY_MOBILE_PREFIXES[old]}{rest:07d}").national
    )


def test_validity_by_prefix_agrees_with_phonenumbers_on_random_numbers() -> None:
    """We ask phonenumbers once per prefix and length; check that claim on 20,000 random numbers."""
    rng = random.Random(1022)
    checked = 0
    while checked < 20_000:
        number = "0" + "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 10])))
        if number.startswith("00") or (len(number) == 11 and number.startswith("01")):
            continue
        checked += 1
        try:
            ours = True
            parse_phone(number)
        except PhoneError:
            ours = False
        assert ours == phonenumbers.is_valid_number(phonenumbers.parse(number, "VN")), number
