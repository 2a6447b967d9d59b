"""Vietnamese text: what we store (NFC) and what we compare (folded keys).

Text reaches us in NFC and in NFD (some keyboards and web forms send decomposed letters), and with
what copy-paste and odd keyboards carry: zero-width spaces and soft hyphens inside words, no-break
spaces, full-width letters, and letters that only look like Đ (Ð U+00D0 is typed for Đ where a
keyboard lacks it). We store NFC with those repaired (:func:`clean`) and compare *folded* keys
(:func:`fold`): the same repairs, then decomposed, combining marks dropped, đ/Đ mapped to d (đ is
a letter of its own, not d plus a mark, so NFD leaves it alone) and case-folded. Both go through
one table of repairs (:data:`_REPAIRS`), so what is stored and what is searched agree.

Folding runs for every name, street and ward of every imported row, so it is a translation table
built once from the slow definition (:func:`_fold_char`) rather than a per-character loop.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")

# Invisible characters: Unicode's format characters (category Cf: zero-width space and joiners, soft
# hyphen, direction marks, byte-order mark, tags…) and the combining grapheme joiner. Listed as
# ranges so that building the table costs nothing at start (Unicode 15: 0x13439–0x1343F are new
# there); a test checks them against the Unicode database of the Python that runs.
INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
# Letters that look like Đ/đ but are others: Ð/ð (Icelandic eth), Ɖ/ɖ (African D).
LOOKALIKES: dict[int, str] = {0x00D0: "Đ", 0x00F0: "đ", 0x0189: "Đ", 0x0256: "đ"}
_REPAIRS: dict[int, str | None] = {
    **{cp: None for first, last in INVISIBLE_RANGES for cp in range(first, last + 1)},
    **LOOKALIKES,
    # Full-width ASCII (some phone keyboards, text pasted from East Asian documents), and the
    # ideographic space.
    **{cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)},
    0x3000: " ",
}


# The same characters as a pattern: most text holds none, and a search is much cheaper than a
# translation by dictionary (every name and street of an import goes through here).
_REPAIRABLE = re.compile(
    "["
    + "".join(
        re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
        for first, last in (
            *INVISIBLE_RANGES,
            *((cp, cp) for cp in LOOKALIKES),
            (0xFF01, 0xFF5E),
            (0x3000, 0x3000),
        )
    )
    + "]"
)


def repair(text: str) -> str:
    """NFC, invisible characters dropped, look-alike letters and full-width forms made plain."""
    if text.isascii():
        return text
    if _REPAIRABLE.search(text):
        text = text.translate(_REPAIRS)
    return unicodedata.normalize("NFC", text)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# Latin letters with marks (Latin-1 to Latin Extended Additional, where all Vietnamese letters are),
# and the combining marks that NFC could not compose onto a letter.
_FOLD_TABLE: dict[int, str | None] = {
    cp: _fold_char(chr(cp)) for cp in range(0x00C0, 0x2000) if _fold_char(chr(cp)) != chr(cp)
}
_FOLD_TABLE.update(dict.fromkeys(range(768, 880)))
_FOLD_TABLE.update({cp: _fold_char(letter) for cp, letter in LOOKALIKES.items()})

# Vietnamese tone marks (grave, acute, tilde, hook above, dot below): "Hoà" and "Hòa" put the same
# tone on different vowels (old and new placement rules); the other marks (circumflex, breve, horn)
# make letters of their own and stay.
_TONES = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}


def clean(text: str | None) -> str:
    """Text as we store it: NFC, trimmed, inner white space collapsed to single spaces."""
    if not text:
        return ""
    # ASCII needs no repair (the common cell of an import: a phone, a code, a date)
    return " ".join((text if text.isascii() else repair(text)).split())


def clean_block(text: str | None) -> str:
    """Free text as we store it: NFC, each line cleaned, line breaks kept, no blank lines at the ends."""
    if not text:
        return ""
    lines = [" ".join(line.split()) for line in repair(text).splitlines()]
    return "\n".join(lines).strip("\n")


def fold(text: str | None) -> str:
    """The comparison key: no diacritics, no case, đ→d, white space collapsed."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    folded = repair(text).translate(_FOLD_TABLE).casefold()
    return " ".join(folded.split())


def tone_key(text: str | None) -> str:
    """A comparison key that keeps the marks but not where the tone sits: "Hoà" and "Hòa" agree,
    "Thạnh" and "Thanh" do not. Each word's tone marks are moved to its end."""
    words = []
    for word in clean(text).casefold().split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(_TONES[c] for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        words.append(base + tones)
    return " ".join(words)


def fold_words(text: str | None) -> list[str]:
    """The folded words of a text, punctuation dropped: the tokens search and scoring work on."""
    return [w for w in _NON_WORD.sub(" ", fold(text)).split() if w]


def starts_a_word(word: str, text: str | None) -> bool:
    """Whether the folded ``word`` begins a word of ``text`` once folded: how the case list's search
    matches ("hoa" finds Hòa, not the middle of Khoa), so that the list can say why a case is there."""
    return bool(word) and f" {word}" in f" {fold(text)}"


def clean_name(text: str | None) -> str:
    """A person's name as stored: cleaned, and each word capitalised when it was typed in one case.

    Operators type fast; "nguyen van hung" and "NGUYỄN VĂN HÙNG" become "Nguyen Van Hung" and
    "Nguyễn Văn Hùng". A name typed with mixed case is left as the operator wrote it.
    """
    name = clean(text)
    if name and (name.islower() or name.isupper()):
        name = " ".join(word[:1].upper() + word[1:].lower() for word in name.split(" "))
    return name
