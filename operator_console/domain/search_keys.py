"""The words a case is found by, for the duplicate search: folded, tagged by field, typo-tolerant.

A case's search text is one line of tokens (ASCII, no diacritics), each tagged with what it is,
so that one full-text index answers every question the search asks:

- ``n_<word>``: every word of a name (the caller's and the person in need's);
- ``f_<word>``: a family name (the first word), ``g_<word>``: a given name (the last word): a name
  said with or without its middle names meets on these two;
- ``d_<word>``: the given name with one letter left out, every way (``hung`` → ``ung hng hug
  hun``): a given name typed with one letter wrong, missing, extra or swapped shares one of these
  with the right one (the symmetric-deletion trick of SymSpell), so typos still meet;
- ``s_<word>``: the street's words; ``h_<number>``: the house number with its alley
  (``12/3/45`` → ``h_12_3_45``, also ``h_12``: the alley's mouth, where a neighbour may say it);
- ``w_<code>``: today's ward, and the former ward it was said as.

Common abbreviations are expanded before folding (``Ng.`` Nguyễn, ``Tr.`` Trần), so the same
person typed short or long meets too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
_NUMBER = re.compile(r"\d+[a-z]?")
# Words that are part of how a street is said, not of its name.
_STREET_FILLER = {"duong", "d", "pho", "hem", "hxh", "kiet", "ngo", "so", "nha", "sn"}


@cache
def known_given_names() -> frozenset[str]:
    """``resources/data/given_names.txt``: common given names, folded."""
    lines = resource("data", "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def ward_slug(ward_as_said: str) -> str:
    """The ward's words as said, folded and joined (``phuong_cho_quan``): where the gazetteer could
    not name one ward (a former name the city now has twice), the same words still meet."""
    return "_".join(w for w in fold_words(ward_as_said) if w not in {"phuong", "p", "xa", "x", "thi", "tran"})


@dataclass(frozen=True)
class NameParts:
    family: str
    given: str
    words: tuple[str, ...]


def name_parts(name: str) -> NameParts | None:
    """A person's name as folded words with its family and given names; None when there is none."""
    words = [w.rstrip(".") for w in fold_words(name.replace(".", ". "))]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    if not words:
        return None
    if len(words) > 1 and words[0] in _FAMILY_SHORT:
        words[0] = _FAMILY_SHORT[words[0]]
    return NameParts(family=words[0], given=words[-1], words=tuple(words))


def deletions(word: str) -> set[str]:
    """The word with one letter left out, every way (for words of 3 letters or more)."""
    if len(word) < 3:
        return set()
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def house_keys(house_number: str, alley: str) -> list[str]:
    """``12/3/45`` → ``['12_3_45', '12']``: the whole number, and the alley's mouth on the street."""
    numbers = _NUMBER.findall(f"{alley} {house_number}".lower().replace("/", " "))
    if not numbers:
        return []
    keys = ["_".join(numbers)]
    if len(numbers) > 1:
        keys.append(numbers[0])
    return keys


def street_words(street: str) -> list[str]:
    return [w for w in fold_words(street) if w not in _STREET_FILLER and not w.isdigit()]


def name_tokens(name: str) -> list[str]:
    parts = name_parts(name)
    if parts is None:
        return []
    tokens = [f"n_{w}" for w in parts.words]
    tokens += [f"f_{parts.family}", f"g_{parts.given}"]
    tokens += [f"d_{w}" for w in sorted(deletions(parts.given))]
    return tokens


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
    tokens: list[str] = []
    for name in names:
        tokens += name_tokens(name)
    tokens += [f"s_{w}" for w in street_words(street)]
    tokens += [f"h_{k}" for k in house_keys(house_number, alley)]
    tokens += [f"w_{code}" for code in ward_codes if code]
    if slug := ward_slug(ward_as_said):
        tokens.append(f"w_{slug}")
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
    given_terms: tuple[str, ...] = ()
    """A given name and its one-letter neighbours (``g_…``/``d_…``), any of which may meet."""
    family_terms: tuple[str, ...] = ()
    street_terms: tuple[str, ...] = ()
    house_terms: tuple[str, ...] = ()
    ward_terms: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.phones or self.phone_prefix or self.given_terms or self.street_terms)


def given_terms(given: str) -> tuple[str, ...]:
    """Terms that meet a stored given name within one edit of ``given`` (symmetric deletion)."""
    near = deletions(given)
    return tuple(
        dict.fromkeys(
            [f"g_{given}", f"d_{given}"] + [f"g_{w}" for w in sorted(near)] + [f"d_{w}" for w in sorted(near)]
        )
    )
