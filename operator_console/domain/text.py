"""Vietnamese text: what we store (NFC) and what we compare (folded keys).

Text reaches us in NFC and in NFD (some keyboards and web forms send decomposed letters). We store
NFC with runs of white space collapsed, and we compare *folded* keys: decomposed, combining marks
dropped, đ/Đ mapped to d (đ is a letter of its own, not d plus a mark, so NFD leaves it alone) and
case-folded.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})
_NON_WORD = re.compile(r"[^\w]+")


def clean(text: str | None) -> str:
    """Text as we store it: NFC, trimmed, inner white space collapsed to single spaces."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str | None) -> str:
    """The comparison key: no diacritics, no case, đ→d, white space collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_D_MAP)).strip()


def fold_words(text: str | None) -> list[str]:
    """The folded words of a text, punctuation dropped: the tokens search and scoring work on."""
    return [w for w in _NON_WORD.sub(" ", fold(text)).split() if w]


def clean_name(text: str | None) -> str:
    """A person's name as stored: cleaned, and each word capitalised when it was typed in one case.

    Operators type fast; "nguyen van hung" and "NGUYỄN VĂN HÙNG" become "Nguyen Van Hung" and
    "Nguyễn Văn Hùng". A name typed with mixed case is left as the operator wrote it.
    """
    name = clean(text)
    if name and (name.islower() or name.isupper()):
        name = " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))
    return name
