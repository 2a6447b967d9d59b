"""Repeat reports written the way the desk meets them, independently of the duplicate scoring.

``dedupe_labels.py`` makes one variation per draft, each chosen to exercise one rule of the
scoring it was tuned with. The drafts here are written from the other side: what reaches the desk
again about a need already recorded, as the 2021 desk saw it (``../shared/domain``): the caller
again from another phone form or another channel (a web form in capitals, no diacritics), a
neighbour who calls about the old lady next door and knows her by her given name (``bà Hoa``), the
ward said the old way (``phường 2 quận 5``) or today's way, the street typed with a slip or with
``Đường``/``đ.`` in front, a name typed with Telex keys left in (``Hoaf``), and several of these at
once. Nothing here reads ``operator_console.dedupe``: a variation is what a person does, not what
a rule expects.

Not the same need, and hard: another person of the same household (same address, often the same
phone); another family at the same house number; the same full name elsewhere; and the same full
name in the same ward at another address (a namesake).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from operator_console.domain.gazetteer import Gazetteer, WardUnit, default_gazetteer
from operator_console.domain.phones import LEGACY_MOBILE_PREFIXES
from operator_console.samples import GIVEN_F, GIVEN_M, STREETS
from operator_console.samples import name as random_name
from operator_console.samples import phone as random_phone

Draft = dict[str, str]

SAME_NEED = (
    "caller_again",
    "neighbour_reports",
    "neighbour_given_name",
    "another_channel",
    "several_at_once",
    "name_and_ward_only",
)
NOT_SAME_NEED = ("same_household", "same_building", "same_name_elsewhere", "namesake_same_ward")
HONORIFICS_F = ("bà", "cô", "chị", "cụ bà", "dì")
HONORIFICS_M = ("ông", "chú", "anh", "cụ ông", "bác")
_NEW_TO_OLD = {new: old for old, new in LEGACY_MOBILE_PREFIXES.items()}
# What sits beside a letter on a phone's keyboard (a slip of the thumb).
_NEAR_KEYS = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wetryuiopoadfghjklkxcvbnmn", strict=True))


@dataclass(frozen=True)
class Report:
    kind: str
    draft: Draft
    expected: str | None
    """The external id of the earlier case this is the same need as; None: a need of its own."""
    source: str
    variations: tuple[str, ...] = field(default=())


def no_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _digits(text: str) -> str:
    digits = "".join(c for c in text if c.isdigit())
    return "0" + digits[2:] if digits.startswith("84") else digits


def phone_said_otherwise(phone: str, rng: random.Random) -> str:
    """The same number as the other channel or the caller says it: +84, grouped, dotted, or the old
    11-digit number the caller still remembers."""
    digits = _digits(phone)
    if len(digits) == 11:  # an old number: today's form
        new = LEGACY_MOBILE_PREFIXES.get(digits[:4])
        return new + digits[4:] if new else phone
    if len(digits) != 10:
        return phone
    if digits[:3] in _NEW_TO_OLD and rng.random() < 0.4:
        return _NEW_TO_OLD[digits[:3]] + digits[3:]
    return rng.choice(
        [
            f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}",
            f"{digits[:4]}.{digits[4:7]}.{digits[7:]}",
            f"{digits[:4]} {digits[4:7]} {digits[7:]}",
            f"84{digits[1:]}",
        ]
    )


def slip(word: str, rng: random.Random) -> str:
    """One slip of a person typing fast: a neighbouring key, a letter lost, a Telex tone key left in."""
    plain = no_marks(word)
    if len(plain) < 3:
        return word
    roll = rng.random()
    if roll < 0.3:  # Telex with the input method off: "Hoà" typed "Hoaf"
        return plain + rng.choice("sfrxj")
    i = rng.randrange(1, len(plain))
    if roll < 0.6:
        return plain[:i] + plain[i + 1 :]
    low = plain[i].lower()
    return plain[:i] + _NEAR_KEYS.get(low, low) + plain[i + 1 :]


def _female(name: str) -> bool:
    """How a neighbour would speak of her or him: the middle name says it (Thị, Văn), else the given
    name when only women bear it."""
    words = [no_marks(w).lower() for w in name.split()]
    if "thi" in words[1:-1]:
        return True
    if "van" in words[1:-1]:
        return False
    given = words[-1]
    return any(no_marks(g).lower() == given for g in GIVEN_F) and not any(
        no_marks(g).lower() == given for g in GIVEN_M
    )


@cache
def _former_of() -> dict[int, list[WardUnit]]:
    """Today's ward → the former wards that went to it whole (said the old way by older callers)."""
    g = default_gazetteer()
    out: dict[int, list[WardUnit]] = {}
    for old in g.former_wards:
        successors = g.successors(old)
        if len(successors) == 1 and old.district_name:
            out.setdefault(successors[0].unit.code, []).append(old)
    return out


def ward_said_otherwise(row: Draft, gazetteer: Gazetteer, rng: random.Random) -> tuple[str, str]:
    """The same place named another way: today's name for a former ward, a former one for today's,
    or the old ``P.5, Q.8`` shorthand; without diacritics now and then."""
    match = gazetteer.resolve(row["ward"], row["district"])
    if match.former is not None and match.current is not None and rng.random() < 0.7:
        ward, district = match.current.name, ""
    elif (
        match.former is None and match.current is not None and (olds := _former_of().get(match.current.code))
    ):
        old = rng.choice(olds)
        number = old.name.split()[-1]
        district = old.district_name or ""
        if number.isdigit() and rng.random() < 0.5:
            # "p10 q3", "p10 Q. Gò Vấp": the shorthand joins a number, not a name
            short = district.replace("Quận ", "q" if district.removeprefix("Quận ").isdigit() else "Q. ")
            ward, district = f"p{number}", short.replace("Huyện ", "H. ")
        else:
            ward = old.name.lower()
    else:
        ward, district = row["ward"], row["district"]
    if rng.random() < 0.5:
        ward, district = no_marks(ward), no_marks(district)
    return ward, district


def address_said_otherwise(address: str, rng: random.Random) -> str:
    """The same address as another person types it: ``Đường``/``đ.`` in front of the street,
    ``số`` before the number, no diacritics, or a slip in the street's name."""
    if not address:
        return address
    number, _, street = address.partition(" ")
    roll = rng.random()
    if roll < 0.25:
        return f"số {number} đường {street}"
    if roll < 0.45:
        return f"{number} đ. {street}"
    if roll < 0.75:
        return no_marks(address)
    words = street.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = slip(words[longest], rng).lower()
    return f"{number} {' '.join(words)}"


def _person(row: Draft) -> str:
    """The person the need is about: the person in need when a neighbour called, else the caller."""
    return row["subject_name"] or row["caller_name"]


def _variations(draft: Draft, row: Draft, gazetteer: Gazetteer, rng: random.Random, count: int) -> list[str]:
    """Apply ``count`` of the ways the same facts come back changed; return their names."""
    pool: list[tuple[str, Callable[[], None]]] = []

    def name_field() -> str:
        return "subject_name" if draft.get("subject_name") else "caller_name"

    def no_diacritics() -> None:
        for key in ("caller_name", "subject_name", "address"):
            if draft.get(key):
                draft[key] = no_marks(draft[key])

    def capitals() -> None:
        key = name_field()
        draft[key] = no_marks(draft[key]).upper()

    def given_slip() -> None:
        key = name_field()
        words = draft[key].split()
        words[-1] = slip(words[-1], rng)
        draft[key] = " ".join(words)

    def middle_dropped() -> None:
        key = name_field()
        words = draft[key].split()
        if len(words) > 2:
            draft[key] = f"{words[0]} {words[-1]}"

    def phone_form() -> None:
        if draft.get("caller_phone"):
            draft["caller_phone"] = phone_said_otherwise(draft["caller_phone"], rng)

    def ward_form() -> None:
        draft["ward"], draft["district"] = ward_said_otherwise(row, gazetteer, rng)

    def address_form() -> None:
        draft["address"] = address_said_otherwise(draft.get("address", ""), rng)

    pool = [
        ("no_diacritics", no_diacritics),
        ("capitals", capitals),
        ("given_name_slip", given_slip),
        ("middle_name_dropped", middle_dropped),
        ("ward_other_form", ward_form),
    ]
    if draft.get("caller_phone") == row["caller_phone"] and row["caller_phone"]:
        pool.append(("phone_other_form", phone_form))
    if draft.get("address"):
        pool.append(("address_other_form", address_form))
    chosen = rng.sample(pool, min(count, len(pool)))
    for _name, apply in chosen:
        apply()
    return [n for n, _ in chosen]


def _other(rows: list[Draft], rng: random.Random, unlike: Callable[[Draft], bool]) -> Draft:
    while True:
        other = rng.choice(rows)
        if unlike(other):
            return other


def report(kind: str, row: Draft, rows: list[Draft], gazetteer: Gazetteer, rng: random.Random) -> Report:
    place = {"ward": row["ward"], "district": row["district"], "address": row["address"]}
    person = _person(row)
    expected: str | None = row["external_id"]
    variations: list[str] = []
    if kind == "caller_again":  # "I called two days ago, nobody has come"
        draft = {**place, "caller_name": row["caller_name"], "caller_phone": row["caller_phone"]}
        draft["subject_name"] = row["subject_name"]
        variations = _variations(draft, row, gazetteer, rng, 1)
    elif kind == "neighbour_reports":  # another person calls about the same person in need
        draft = {**place, "caller_name": random_name(rng), "caller_phone": random_phone(rng)}
        draft["subject_name"] = person
        variations = _variations(draft, row, gazetteer, rng, rng.randrange(0, 2))
    elif kind == "neighbour_given_name":  # "bà Hoa ở 45 Nguyễn Trãi", the ward said the old way
        honorific = rng.choice(HONORIFICS_F if _female(person) else HONORIFICS_M)
        given = person.split()[-1]
        draft = {"caller_name": random_name(rng), "caller_phone": random_phone(rng)}
        draft["subject_name"] = f"{honorific} {given}"
        draft["address"] = row["address"]
        draft["ward"], draft["district"] = ward_said_otherwise(row, gazetteer, rng)
        variations = ["given_name_only", "ward_other_form"]
        if rng.random() < 0.5:
            draft["address"] = address_said_otherwise(draft["address"], rng)
            variations.append("address_other_form")
    elif kind == "another_channel":  # the same caller again through the web form or Zalo
        draft = {**place, "caller_name": no_marks(row["caller_name"]), "caller_phone": row["caller_phone"]}
        draft["subject_name"] = no_marks(row["subject_name"])
        draft["channel"] = rng.choice(["web", "zalo", "app"])
        variations = ["no_diacritics", *_variations(draft, row, gazetteer, rng, 1)]
    elif kind == "several_at_once":
        if rng.random() < 0.5:
            draft = {**place, "caller_name": row["caller_name"], "caller_phone": row["caller_phone"]}
            draft["subject_name"] = row["subject_name"]
        else:
            draft = {**place, "caller_name": random_name(rng), "caller_phone": random_phone(rng)}
            draft["subject_name"] = person
            variations = ["another_caller"]
        variations += _variations(draft, row, gazetteer, rng, rng.randrange(2, 4))
    elif kind == "name_and_ward_only":  # a chatbot message: a name and a ward, nothing else yet
        draft = {"ward": row["ward"], "district": row["district"], "caller_name": person}
        if rng.random() < 0.5:
            draft["caller_name"] = no_marks(person)
            variations.append("no_diacritics")
    elif kind == "same_household":  # the husband or the daughter: same home, often the same phone
        words = person.split()
        given = words[-1]
        while no_marks(given) == no_marks(words[-1]):
            given = random_name(rng).split()[-1]
        draft = {**place, "caller_name": " ".join([*words[:-1], given])}
        draft["caller_phone"] = row["caller_phone"] if rng.random() < 0.6 else random_phone(rng)
        expected = None
    elif kind == "same_building":  # another family, same house number on the same street
        number = row["address"].split(" ", 1)[0]
        draft = {"ward": row["ward"], "district": row["district"], "caller_name": random_name(rng)}
        draft["caller_phone"] = random_phone(rng)
        draft["address"] = f"{number} {row['address'].split(' ', 1)[1]}"
        expected = None
    elif kind == "same_name_elsewhere":
        elsewhere = _other(rows, rng, lambda o: o["ward"] != row["ward"])
        draft = {
            "ward": elsewhere["ward"],
            "district": elsewhere["district"],
            "address": elsewhere["address"],
        }
        draft["caller_name"] = person
        draft["caller_phone"] = random_phone(rng)
        expected = None
    elif kind == "namesake_same_ward":  # the same full name in the same ward, another home
        street = rng.choice([s for s in STREETS if s not in row["address"]])
        draft = {"ward": row["ward"], "district": row["district"], "caller_name": person}
        draft["address"] = f"{rng.randrange(1, 900)} {street}"
        draft["caller_phone"] = random_phone(rng)
        expected = None
    else:
        raise ValueError(kind)
    return Report(kind, draft, expected, row["external_id"], tuple(variations))


def repeat_reports(rows: list[Draft], count: int, seed: int) -> list[Report]:
    """``count`` reports, the kinds in turn, each about an earlier case drawn from the whole store."""
    rng = random.Random(seed)
    gazetteer = default_gazetteer()
    kinds = SAME_NEED + NOT_SAME_NEED
    out = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        while True:
            row = rng.choice(rows)
            if kind in ("caller_again", "another_channel", "same_household") and not row["caller_phone"]:
                continue
            if not row["address"] or len(_person(row).split()) < 2:
                continue
            break
        out.append(report(kind, row, rows, gazetteer, rng))
    return out
