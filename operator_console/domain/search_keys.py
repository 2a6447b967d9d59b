"""The words a case is found by, for the duplicate search: folded, compound, typo-tolerant.

A case's search text is one line of tokens (ASCII, no diacritics) for one FTS5 index. Each token
joins what a question asks together, so that every look-up reads a short posting list whatever
the size of the store (a million cases: "Hùng" alone is thousands, "Hùng in this ward" a few):

- ``fgw_<family>_<given>_<ward>``: family and given name (a name's first and last words) in a
  ward; ``fdw_<family>_<near>_<ward>``: the same with the given name one letter short, every way
  (``hung`` → ``ung hng hug hun``). A given name typed with one letter wrong, missing, extra or
  swapped shares one of these with the right one (the symmetric-deletion trick of SymSpell), so
  typos still meet; ``fmg_``/``fmd_`` the same with the (first) middle name, for a name that has
  one (its neighbours are kept with the middle name only: short lists where one family name is a
  third of the city, and fewer words to index); ``gw_<given>_<ward>``: a given name alone in a
  ward ("bà Mai");
- ``fg_<family>_<given>``: family and given name, for a name without a ward yet; a name said with
  or without its middle names meets on these;
- ``sh_<street>_<number>``: the street's words joined with the house number and its alley
  (``12/3/45 Lê Văn Sỹ`` → ``sh_le_van_sy_12_3_45``, also ``sh_le_van_sy_12``: the alley's mouth,
  where a neighbour may say it); ``sw_<street>_<ward>``: the street in a ward;
- a ward is its code today, its former code, and the words it was said with (``phuong_cho_quan``:
  where the gazetteer could not name one ward, the same words still meet).

Common abbreviations are expanded before folding (``Ng.`` Nguyễn, ``Tr.`` Trần), honorifics
dropped (``bà``, ``cụ``), so the same person typed short or long meets too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import Levenshtein

from operator_console.domain.text import fold_words
from operator_console.paths import resource

# Family-name abbreviations operators and callers use (the most common ones only: a wrong guess
# would make a stranger meet, and the rest are rarely shortened).
_FAMILY_SHORT = {
    "ng": "nguyen",
    "tr": "tran",
    "ph": "pham",
    "h": "huynh",
    "l": "le",
}
# How a person is spoken of before the name ("bà Mai", "cụ ông Tư"): not part of the name.
_HONORIFICS = {"ong", "ba", "co", "chu", "anh", "chi", "em", "cu", "bac", "di", "thim", "me", "bo", "cau"}
_NOT_TOKEN = re.compile(r"[^a-z0-9]")
MAX_WORD = 20
"""Longer words are not names (a slip of the keyboard, a pasted text): kept whole, no neighbours."""
MAX_NAME_WORDS = 6
_NUMBER = re.compile(r"[0-9]{1,6}[a-z]?")
# Words that are part of how a street is said, not of its name.
_STREET_FILLER = {"duong", "d", "pho", "hem", "hxh", "kiet", "ngo", "so", "nha", "sn"}


@cache
def known_given_names() -> frozenset[str]:
    """``resources/data/given_names.txt``: common given names, folded."""
    lines = resource("data", "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=16_384)  # a few thousand ways of saying a ward; read for every candidate scored
def ward_slug(ward_as_said: str) -> str:
    """The ward's words as said, folded and joined (``phuong_cho_quan``): where the gazetteer could
    not name one ward (a former name the city now has twice), the same words still meet."""
    words = (_NOT_TOKEN.sub("", w)[:MAX_WORD] for w in fold_words(ward_as_said))
    kept = [w for w in words if w and w not in {"phuong", "p", "xa", "x", "thi", "tran"}]
    return "_".join(kept[:MAX_NAME_WORDS])


def without_honorifics(name: str) -> str:
    """The name as written, without how the person was spoken of before it ("Bà Lê Thị Mai" →
    "Lê Thị Mai"; a lone "Bà" is kept: it is all there is)."""
    words = name.split()
    while len(words) > 1 and _NOT_TOKEN.sub("", " ".join(fold_words(words[0]))) in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


# The honorific says a woman or a man (as written, with its marks: "ba" alone is a father in the
# South, or a given name); "Văn" and "Thị" in the middle say it too.
_SPOKEN_OF_WOMEN = {"bà", "cô", "chị", "dì", "thím", "mẹ"}
_SPOKEN_OF_MEN = {"ông", "chú", "anh", "bố", "cậu"}


@dataclass(frozen=True)
class NameParts:
    family: str
    given: str
    words: tuple[str, ...]
    spoken_of: str = ""
    """"f" or "m" when the honorific before the name says a woman or a man ("bà Hoa"), else ""."""

    @property
    def sex(self) -> str:
        """ "f", "m" or "": said by the honorific, else by the middle name (Thị, Văn)."""
        if self.spoken_of:
            return self.spoken_of
        middle = self.words[1:-1]
        return "f" if "thi" in middle else "m" if "van" in middle else ""


@lru_cache(maxsize=65_536)  # an import meets the same few thousand names again and again
def name_parts(name: str) -> NameParts | None:
    """A person's name as folded words with its family and given names; None when there is none."""
    # Only a-z and 0-9 reach the index (another script's letters would split a token in FTS5).
    words = [_NOT_TOKEN.sub("", w)[:MAX_WORD] for w in fold_words(name.replace(".", ". "))]
    words = [w for w in words if w][: MAX_NAME_WORDS + 2]
    written = [w.strip(".,") for w in name.lower().split()]
    spoken_of = ""
    while words and words[0] in _HONORIFICS:
        said = written[0] if written else ""
        spoken_of = "f" if said in _SPOKEN_OF_WOMEN else "m" if said in _SPOKEN_OF_MEN else spoken_of
        if len(words) == 1:
            # "bà" alone says who, not her name; "ba" without its marks may be a name (Ba).
            if said in _SPOKEN_OF_WOMEN or said in _SPOKEN_OF_MEN or said in ("cụ", "bác", "em"):
                return None
            break
        words.pop(0)
        written = written[1:]
    if not words:
        return None
    if len(words) > 1 and words[0] in _FAMILY_SHORT:
        words[0] = _FAMILY_SHORT[words[0]]
    return NameParts(family=words[0], given=words[-1], words=tuple(words), spoken_of=spoken_of)


@lru_cache(maxsize=16_384)
def deletions(word: str) -> tuple[str, ...]:
    """The word with one letter left out, every way (for words of 3 letters or more), sorted."""
    if not 3 <= len(word) <= MAX_WORD:
        return ()
    return tuple(sorted({word[:i] + word[i + 1 :] for i in range(len(word))}))


def house_keys(house_number: str, alley: str) -> list[str]:
    """``12/3/45`` → ``['12_3_45', '12']``: the whole number, and the alley's mouth on the street."""
    return list(_house_keys(house_number, alley))


@lru_cache(maxsize=65_536)  # read for every candidate the duplicate search scores
def _house_keys(house_number: str, alley: str) -> tuple[str, ...]:
    numbers = _NUMBER.findall(f"{alley} {house_number}".lower().replace("/", " "))[:6]
    if not numbers:
        return ()
    if len(numbers) > 1:
        return ("_".join(numbers), numbers[0])
    return ("_".join(numbers),)


@lru_cache(maxsize=16_384)
def street_words(street: str) -> tuple[str, ...]:
    words = (_NOT_TOKEN.sub("", w)[:MAX_WORD] for w in fold_words(street))
    return tuple(w for w in words if w and w not in _STREET_FILLER and not w.isdigit())[:MAX_NAME_WORDS]


def filler_slip(word: str) -> bool:
    """A word that is how a street is said, typed with a slip ("dong" for "đường"): the street's
    words drop "duong" as filler, so the street typed with it misspelled has one word more."""
    return any(Levenshtein.distance(word, filler) <= 1 for filler in _STREET_FILLER if len(filler) > 2)


def street_slug(street: str) -> str:
    return "_".join(street_words(street))


def ward_keys(ward_codes: tuple[int | None, ...], ward_as_said: str) -> list[str]:
    """A stored case's ward: its codes, or the words it was said with when it has no code (a query
    asks both, so a ward resolved on one side and not on the other still meets)."""
    keys = [str(code) for code in ward_codes if code]
    if not keys and (slug := ward_slug(ward_as_said)):
        keys.append(slug)
    return list(dict.fromkeys(keys))


def search_text(
    *,
    names: tuple[str, ...],
    street: str,
    house_number: str,
    alley: str,
    ward_codes: tuple[int | None, ...],
    ward_as_said: str = "",
) -> str:
    """The case's line in the full-text index (see the module's docstring)."""
    wards = ward_keys(ward_codes, ward_as_said)
    tokens: list[str] = []
    for name in names:
        parts = name_parts(name)
        if parts is None:
            continue
        family, given = parts.family, parts.given
        tokens.append(f"fg_{family}_{given}")
        near = deletions(given)
        middle = parts.words[1] if len(parts.words) > 2 else ""
        for ward in wards:
            tokens += [f"gw_{given}_{ward}", f"fgw_{family}_{given}_{ward}"]
            if middle:  # the one-slip neighbours with the middle name: short lists, fewer words
                tokens.append(f"fmg_{family}_{middle}_{given}_{ward}")
                tokens += [f"fmd_{family}_{middle}_{w}_{ward}" for w in near]
            else:
                tokens += [f"fdw_{family}_{w}_{ward}" for w in near]
    if slug := street_slug(street):
        tokens += [f"sh_{slug}_{k}" for k in house_keys(house_number, alley)]
        tokens += [f"sw_{slug}_{ward}" for ward in wards]
    return " ".join(dict.fromkeys(tokens))  # each once, in order


@dataclass(frozen=True)
class SearchQuery:
    """What a draft (a call being typed, or a line of ``find-duplicates``) is searched by.

    Built by the duplicate search from a draft's words; the store turns it into index look-ups.
    Every term is one of this module's tokens, so no word the operator typed is ever read as
    full-text syntax (the store quotes each term as well).
    """

    phones: tuple[str, ...] = ()
    """Whole numbers in today's national form (caller's and person in need's)."""
    phone_prefix: str = ""
    """The start of a number still being typed (national form, 7 digits or more)."""
    name_in_ward: tuple[str, ...] = ()
    """``fgw_`` terms: this family and given name in one of the wards (or ``gw_``: a lone word)."""
    near_in_ward: tuple[str, ...] = ()
    """``fdw_``/``fgw_`` terms: the family name and a given name one slip away, in the wards."""
    full_in_ward: tuple[str, ...] = ()
    """``fmg_`` terms: family, middle and given name in the wards."""
    full_near_in_ward: tuple[str, ...] = ()
    """``fmd_``/``fmg_`` terms: family and middle name, a given name one slip away, in the wards."""
    full_name: tuple[str, ...] = ()
    """``fg_`` terms: family and given name (also with the given name one letter shorter)."""
    street_house: tuple[str, ...] = ()
    """``sh_`` terms: this house on this street."""
    street_in_ward: tuple[str, ...] = ()
    """``sw_`` terms: this street in one of the wards (looked up alone when no house is typed)."""
    street_wards: tuple[str, ...] = ()
    """``sw_`` terms for the narrowed look-ups below, whether a house is typed or not."""
    anyone_named: tuple[str, ...] = ()
    """Every name term above, and ``gw_`` for a given name said alone: for the narrowed look-ups
    (a name *and* the house, a name *and* the street in the ward), which still find the right case
    when a common name floods the name's own look-up with namesakes."""

    @property
    def empty(self) -> bool:
        return not (
            self.phones
            or self.phone_prefix
            or self.name_in_ward
            or self.full_name
            or self.street_house
            or self.street_in_ward
        )


@dataclass(frozen=True)
class NameTerms:
    exact_in_ward: list[str]
    near_in_ward: list[str]
    citywide: list[str]
    full_in_ward: list[str]
    full_near_in_ward: list[str]


def name_terms(parts: NameParts, wards: list[str]) -> NameTerms:
    """The terms that meet a stored name: the same family and given name in the wards; one slip
    away in the wards (symmetric deletion: typed one letter short ``fdw_<typed>``, one letter long
    ``fgw_<typed less one>``, one different ``fdw_<typed less one>``); and city-wide. A lone word
    ("bà Mai") may be a given name only: it is looked for in the wards."""
    family, given = parts.family, parts.given
    if len(parts.words) == 1:
        return NameTerms([f"gw_{given}_{w}" for w in wards], [], [], [], [])
    near = deletions(given)
    exact = [f"fgw_{family}_{given}_{w}" for w in wards]
    nearby: list[str] = []
    for ward in wards:
        nearby.append(f"fdw_{family}_{given}_{ward}")
        nearby += [f"fgw_{family}_{x}_{ward}" for x in near] + [f"fdw_{family}_{x}_{ward}" for x in near]
    full: list[str] = []
    full_near: list[str] = []
    if len(parts.words) > 2:
        middle = parts.words[1]
        for ward in wards:
            full.append(f"fmg_{family}_{middle}_{given}_{ward}")
            full_near.append(f"fmd_{family}_{middle}_{given}_{ward}")
            full_near += [f"fmg_{family}_{middle}_{x}_{ward}" for x in near]
            full_near += [f"fmd_{family}_{middle}_{x}_{ward}" for x in near]
    return NameTerms(exact, nearby, [f"fg_{family}_{given}"], full, full_near)
