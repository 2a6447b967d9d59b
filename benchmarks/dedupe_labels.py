"""Labelled later contacts for the duplicate search: drafts whose right answer is known.

Each query is built from one earlier case (an interchange row of ``operator_console.samples``) the
way the desk meets it again, and says which earlier case it is (``expected``: that row's
``external_id``), or that it is *not* that case's need (``expected`` None: a hard non-duplicate
that shares something with it).

The same need again (``kind`` below):
- ``again_other_form``: the caller again, the name typed without diacritics, the phone said in
  another form (``+84 …``, spaced, dotted, or the old 11-digit number);
- ``typo``: one slip in the given name (a letter dropped, doubled, swapped or wrong), same ward;
- ``no_middle``: the middle name dropped, the same address;
- ``neighbour``: a neighbour (another name, another phone) reports the same person at the same
  address;
- ``only_phone``: a draft with only the phone so far;
- ``name_ward``: only a name and a ward so far;
- ``abbreviated``: ``Ng. Văn Hùng``, ``P.`` for the ward, ``đ.`` for the street.

Not the same need:
- ``common_name_elsewhere``: the same name, in another ward, with another phone and address;
- ``same_building``: another family at the same house number and street;
- ``same_household``: the same address and phone, another person of the family (another given
  name): another person's need.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from operator_console.samples import name as random_name
from operator_console.samples import phone as random_phone

DUPLICATE_KINDS = (
    "again_other_form",
    "typo",
    "no_middle",
    "neighbour",
    "only_phone",
    "name_ward",
    "abbreviated",
)
HARD_NON_DUPLICATES = ("common_name_elsewhere", "same_building", "same_household")


@dataclass(frozen=True)
class Labelled:
    kind: str
    draft: dict[str, str]
    expected: str | None
    """The external id of the earlier case this is the same need as; None: it is not."""
    source: str
    """The earlier case the query was made from."""


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def other_form(phone: str, rng: random.Random) -> str:
    """The same number said another way."""
    digits = _digits(phone)
    if digits.startswith("84"):
        digits = "0" + digits[2:]
    if len(digits) != 10:
        return phone
    form = rng.randrange(3)
    if form == 0:
        return f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    if form == 1:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # dropped
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # doubled
    if kind == 2 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped
    return word[:i] + rng.choice("aeiounghtm") + word[i + 1 :]  # wrong


def _words(name: str) -> list[str]:
    return name.split()


def _abbreviate_family(name: str) -> str:
    words = _words(name)
    shorts = {"Nguyễn": "Ng.", "Trần": "Tr.", "Phạm": "Ph."}
    if len(words) > 1 and words[0] in shorts:
        words[0] = shorts[words[0]]
    return " ".join(words)


def _other_ward(row: dict[str, str], rows: list[dict[str, str]], rng: random.Random) -> dict[str, str]:
    while True:
        other = rng.choice(rows)
        if other["ward"] != row["ward"]:
            return other


def make_query(kind: str, row: dict[str, str], rows: list[dict[str, str]], rng: random.Random) -> Labelled:
    name, phone = row["caller_name"], row["caller_phone"]
    person = row["subject_name"] or name
    base = {"ward": row["ward"], "district": row["district"]}
    expected: str | None = row["external_id"]
    if kind == "again_other_form":
        draft = {**base, "caller_phone": other_form(phone, rng), "caller_name": strip_marks(name)}
        draft["address"] = row["address"]
    elif kind == "typo":
        words = _words(name)
        words[-1] = typo(words[-1], rng)
        draft = {**base, "caller_name": " ".join(words), "subject_name": row["subject_name"]}
    elif kind == "no_middle":
        words = _words(name)
        draft = {**base, "caller_name": " ".join([words[0], words[-1]]), "address": row["address"]}
        draft["subject_name"] = row["subject_name"]
    elif kind == "neighbour":
        draft = {
            **base,
            "caller_name": random_name(rng),
            "caller_phone": random_phone(rng),
            "subject_name": person,
            "address": row["address"],
        }
    elif kind == "only_phone":
        draft = {"caller_phone": phone}
    elif kind == "name_ward":
        draft = {**base, "caller_name": name}
    elif kind == "abbreviated":
        ward = row["ward"].replace("Phường ", "P. ").replace("Xã ", "X. ")
        draft = {
            "ward": ward,
            "district": row["district"],
            "caller_name": _abbreviate_family(name),
            "address": row["address"].replace(" Đường ", " đ. "),
            "subject_name": row["subject_name"],
        }
    elif kind == "common_name_elsewhere":
        elsewhere = _other_ward(row, rows, rng)
        draft = {
            "ward": elsewhere["ward"],
            "district": elsewhere["district"],
            "caller_name": name,
            "caller_phone": random_phone(rng),
            "address": elsewhere["address"],
        }
        expected = None
    elif kind == "same_building":
        draft = {**base, "caller_name": random_name(rng), "caller_phone": random_phone(rng)}
        draft["address"] = row["address"]
        expected = None
    elif kind == "same_household":
        words = _words(name)
        given = words[-1]
        while given == words[-1]:
            given = _words(random_name(rng))[-1]
        draft = {**base, "caller_name": " ".join([*words[:-1], given]), "caller_phone": phone}
        draft["address"] = row["address"]
        expected = None
    else:
        raise ValueError(kind)
    return Labelled(kind, draft, expected, row["external_id"])


def labelled_queries(rows: list[dict[str, str]], count: int, seed: int) -> list[Labelled]:
    """``count`` queries of every kind in turn, each from a random earlier case that suits it."""
    rng = random.Random(seed)
    kinds = DUPLICATE_KINDS + HARD_NON_DUPLICATES
    out = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        while True:
            row = rng.choice(rows)
            needs_phone = kind in ("again_other_form", "only_phone", "same_household")
            if needs_phone and not row["caller_phone"]:
                continue
            if kind in ("same_building", "same_household", "no_middle", "neighbour") and not row["address"]:
                continue
            if kind in ("typo", "no_middle") and len(row["caller_name"].split()) < 3:
                continue
            break
        out.append(make_query(kind, row, rows, rng))
    return out
