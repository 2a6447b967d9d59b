"""Vietnamese text: what we store (NFC) and what we compare (folded keys).

Text reaches us in NFC and in NFD (some keyboards and web forms send decomposed letters). We store
NFC with runs of white space collapsed, and we compare *folded* keys: decomposed, combining marks
dropped, đ/Đ mapped to d (đ is a letter of its own, not d plus a mark, so NFD leaves it alone) and
case-folded.

Folding runs for every name, street and ward of every imported row, so it is a translation table
built once from the slow definition (:func:`_fold_char`) rather than a per-character loop.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Latin letters with marks (Latin-1 to Latin Extended Additional, where all Vietnamese letters are),
# and the combining marks that NFC could not compose onto a letter.
_FOLD_TABLE: dict[int, str | None] = {
    cp: _fold_char(chr(cp)) for cp in range(0x00C0, 0x2000) if _fold_char(chr(cp)) != chr(cp)
}
_FOLD_TABLE.update(dict.fromkeys(range(768, 880)))


def clean(text: str | None) -> str:
    """Text as we store it: NFC, trimmed, inner white space collapsed to single spaces."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def clean_block(text: str | None) -> str:
    """Free text as we store it: NFC, each line cleaned, line breaks kept, no blank lines at the ends."""
    if not text:
        return ""
    lines = [" ".join(line.split()) for line in unicodedata.normalize("NFC", text).splitlines()]
    return "\n".join(lines).strip("\n")


def fold(text: str | None) -> str:
    """The comparison key: no diacritics, no case, đ→d, white space collapsed."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFC", text).translate(_FOLD_TABLE).casefold()
    return " ".join(folded.split())


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
