"""Folding Vietnamese text: what makes "Nguyễn", "NGUYEN" and a decomposed "Nguyễn" the same key."""

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.text import (
    INVISIBLE_RANGES,
    clean,
    clean_block,
    clean_name,
    fold,
    fold_words,
    tone_key,
)

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
vietnamese_text = st.text(
    alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " -.,/0123456789", max_size=40
)


def test_the_same_name_typed_four_ways_folds_to_one_key() -> None:
    nfc = "Nguyễn Văn Hùng"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert fold(nfc) == fold(nfd) == fold("NGUYEN VAN HUNG") == fold("nguyen  van hung") == "nguyen van hung"


def test_d_with_stroke_is_a_letter_of_its_own_and_folds_to_d() -> None:
    assert unicodedata.normalize("NFD", "đ") == "đ"  # why NFD alone is not enough
    assert fold("Đặng Thị Đào") == "dang thi dao"


def test_stored_text_is_nfc_with_spaces_collapsed() -> None:
    assert clean(unicodedata.normalize("NFD", "  Trần   Thị\tThu Hà ")) == "Trần Thị Thu Hà"


def test_a_name_typed_in_one_case_is_capitalised_and_a_mixed_one_is_left_alone() -> None:
    assert clean_name("nguyễn văn hùng") == "Nguyễn Văn Hùng"
    assert clean_name("TRẦN THỊ THU HÀ") == "Trần Thị Thu Hà"
    assert clean_name("McKay Nguyễn") == "McKay Nguyễn"


@pytest.mark.parametrize(
    ("typed", "stored", "key"),
    [
        ("Ðỗ Văn Hùng", "Đỗ Văn Hùng", "do van hung"),  # Ð U+00D0, typed where a keyboard lacks Đ
        ("ðỗ văn hùng", "Đỗ Văn Hùng", "do van hung"),
        ("Ɖặng Thị Thu", "Đặng Thị Thu", "dang thi thu"),  # Ɖ U+0189
        ("Ng\u200buyễn Văn An", "Nguyễn Văn An", "nguyen van an"),  # zero-width space
        ("Nguy\u00adễn Thị Hoa", "Nguyễn Thị Hoa", "nguyen thi hoa"),  # soft hyphen
        ("\ufeffTrần\u2060 Văn Bình", "Trần Văn Bình", "tran van binh"),  # BOM, word joiner
        ("LÊ\u00a0", "Lê", "le"),  # a trailing no-break space
        ("Ｎｇｕｙễｎ\u3000Ｖăｎ Ａｎ", "Nguyễn Văn An", "nguyen van an"),  # full-width letters
    ],
)
def test_look_alike_letters_and_invisible_characters_are_repaired_where_names_are_made(
    typed: str, stored: str, key: str
) -> None:
    """One repair for what is stored and what is searched: Ðỗ finds Đỗ, Ng\u200buyễn finds Nguyễn."""
    assert clean_name(typed) == stored
    assert fold(typed) == fold(stored) == key


def test_free_text_keeps_its_lines_and_loses_its_invisible_characters() -> None:
    assert clean_block("Bà\u200b cụ sống một mình\nhết gạo\u00ad") == "Bà cụ sống một mình\nhết gạo"


def test_the_invisible_characters_listed_are_unicodes_format_characters() -> None:
    listed = {cp for first, last in INVISIBLE_RANGES for cp in range(first, last + 1)}
    format_characters = {cp for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"}
    assert format_characters <= listed, sorted(format_characters - listed)
    others = {unicodedata.category(chr(cp)) for cp in listed - format_characters - {0x034F}}
    assert others <= {"Cn"}  # besides the combining grapheme joiner: later Unicode's format characters


def test_where_the_tone_mark_sits_does_not_matter_but_the_mark_does() -> None:
    assert tone_key("Xã Phước Hoà") == tone_key("Xã Phước Hòa") == tone_key("xã phước hòa")
    assert tone_key("Thuỷ") == tone_key("Thủy")
    assert tone_key("Thạnh An") != tone_key("Thanh An")
    assert tone_key("Hóa") != tone_key("Hòa")


def test_words_drop_punctuation() -> None:
    assert fold_words('Lê Văn Sỹ, "P.5" OR *') == ["le", "van", "sy", "p", "5", "or"]


@given(vietnamese_text)
def test_folding_ignores_normalisation_form_and_case(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == fold(text.upper()) == fold(text.lower())


@given(vietnamese_text)
def test_a_folded_key_is_plain_ascii_and_folding_it_again_changes_nothing(text: str) -> None:
    key = fold(text)
    assert key.isascii()
    assert fold(key) == key


@given(vietnamese_text)
def test_cleaning_keeps_every_letter(text: str) -> None:
    assert "".join(clean(text).split()) == "".join(unicodedata.normalize("NFC", text).split())
