"""Folding Vietnamese text: what makes "Nguyễn", "NGUYEN" and a decomposed "Nguyễn" the same key."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from operator_console.domain.text import clean, clean_name, fold, fold_words

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
