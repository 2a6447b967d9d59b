"""Is this earlier case the same need? A score from 0 to 1, a *likely* flag, and the reasons in words.

The evidence, strongest first:

- **the same phone**: the caller's or the person in need's number (today's form; an old 11-digit
  number is the same number) among every number the earlier case knows, repeat callers included;
- **the same person**: family and given names equal after folding (no diacritics, ``Ng.`` for
  Nguyễn), middle names allowed to be dropped or shortened, one typing slip allowed in the given
  name; the caller of one may be the person in need of the other (a neighbour calls about her);
- **the same place**: the same ward (today's, or the former one it was said as), the same street,
  the same house number and alley (``12/3/45``), or only the same alley mouth (the same building).

*Likely the same* needs two independent kinds of evidence (phone and person, person and house,
phone and house), or a phone with nothing typed yet to contradict it, or the given name said alone
("bà Hoa", as neighbours speak of her) at the same house or on her phone, or the whole name in the
same ward with nothing typed that disagrees while the ward holds no namesake
(:func:`without_namesakes`). One kind alone (a common name on the same street, a neighbour in the
same building) is *possibly related*. Never *likely*: a name that contradicts the earlier case's
(another given name at the same number: the same household, another person's need; "chị Bình"
for Trần Văn Bình), or the same caller about another person in need. Another home (the same
number in another ward, another house on the street typed) ranks below the home typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from operator_console.domain.messages import Language, render
from operator_console.domain.search_keys import (
    NameParts,
    filler_slip,
    house_keys,
    known_given_names,
    name_parts,
    street_words,
    ward_slug,
    without_honorifics,
)
from operator_console.store.search import CandidateRow

LIKELY_AT = 0.7
SAME_PERSON = 0.75
ANOTHER_PERSON = 0.55
"""Below this, a name typed is another person than the earlier case's: it is never *likely*."""
GIVEN_ONLY = 0.7
"""A given name said alone that is the earlier case's person's: at the same house, the same person."""


@dataclass(frozen=True)
class DraftFacts:
    """What the operator has typed so far, in the shape the scoring compares."""

    phones: frozenset[str] = frozenset()
    phone_prefix: str = ""
    names: tuple[NameParts, ...] = ()
    street: tuple[str, ...] = ()
    house: tuple[str, ...] = ()
    wards: frozenset[int] = frozenset()
    ward_slug: str = ""
    spelled: tuple[str, ...] = ()
    """The names as typed, lower case, diacritics kept: Hùng and Hưng fold alike but are not."""
    subject: NameParts | None = None
    """The person in need, when the caller named someone else (a neighbour calling about her)."""


@dataclass(frozen=True)
class Scored:
    row: CandidateRow
    score: float
    likely: bool
    reasons: tuple[str, ...] = field(default=())
    name_in_ward: bool = False
    """The name as typed, whole, in the same ward (a namesake counts as much)."""
    likely_by_name: bool = False
    """*Likely* on the whole name in the ward alone: it holds only while no namesake is found."""
    named: str = ""
    """The name typed that matched whole in the ward (folded), when ``name_in_ward``."""


def _say(key: str, language: Language, **said: str) -> str:
    return render(f"reason.{key}", language, **said)


def _phone_shown(national: str) -> str:
    """``0389 123 456`` as people read it; a number still being typed grouped the same way."""
    if len(national) in (8, 9, 10) and national.startswith("0") and national[1] != "2":
        return " ".join(p for p in (national[:4], national[4:7], national[7:]) if p)
    return national


def _slip(a: str, b: str) -> float:
    """0.85: one letter wrong, missing, extra or swapped (Lnn is Lan mistyped); 0.5 when both are
    real names (Linh and Bình: perhaps a slip, more likely two people); 0 otherwise."""
    if min(len(a), len(b)) < 2 or max(len(a), len(b)) < 3 or DamerauLevenshtein.distance(a, b) > 1:
        return 0.0
    names = known_given_names()
    return 0.5 if a in names and b in names else 0.85


def _name_match(typed: NameParts, known: NameParts) -> float:
    """1.0 the same name; 0.85 with a dropped/shortened middle name or one slip in the given name;
    ``GIVEN_ONLY`` for a given name said alone ("bà Hoa") that is the other's given name; 0 for
    another person (another family or given name); in between for partial evidence."""
    if typed.sex and known.sex and typed.sex != known.sex:
        return 0.0  # "ông Hoa" is not Lê Thị Hoa; "chị Bình" is not Trần Văn Bình
    if len(typed.words) == 1 or len(known.words) == 1:
        # "bà Hoa": the given name only, as neighbours speak of her; the family name unsaid.
        if typed.given == known.given:
            return GIVEN_ONLY
        return GIVEN_ONLY * _slip(typed.given, known.given)
    if typed.family != known.family:
        return 0.0
    if typed.given == known.given:
        given = 1.0
    elif (slip := _slip(typed.given, known.given)) > 0:
        given = slip
    else:
        return 0.0
    typed_middle, known_middle = typed.words[1:-1], known.words[1:-1]
    if not typed_middle or not known_middle:
        return given * (1.0 if typed_middle == known_middle else 0.9)
    same = all(any(k.startswith(t) or t.startswith(k) for k in known_middle) for t in typed_middle)
    return given if same else given * 0.6


def _same_street(typed: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """The same street, one word of it mistyped by one letter ("Kinh duongf Vuong", "Tih Lo 10",
    "quag Trung"); two real names one letter apart are rarely one street's (Thái Học and Thái
    Bình differ by more), and the rest of the name must be the same, word for word."""
    if not typed or not known:
        return False
    if typed == known:
        return True
    if len(typed) == len(known) + 1 or len(known) == len(typed) + 1:
        # "Kinh dong Vuong": "Dương" folds to "duong", dropped as the word for street, and its slip
        # is one word more than the street's own.
        longer, shorter = (typed, known) if len(typed) > len(known) else (known, typed)
        return any(
            longer[:i] + longer[i + 1 :] == shorter and filler_slip(longer[i]) for i in range(len(longer))
        )
    if len(typed) != len(known):
        return False
    differing = [(a, b) for a, b in zip(typed, known, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    return min(len(a), len(b)) >= 2 and DamerauLevenshtein.distance(a, b) <= 1


def score(facts: DraftFacts, row: CandidateRow, language: Language = "vi") -> Scored:
    reasons: list[str] = []
    phone = 0.0
    shared = sorted(facts.phones & row.phones)
    if shared:
        phone = 1.0
        reasons.append(_say("phone", language, phone=_phone_shown(shared[0])))
    elif facts.phone_prefix and any(p.startswith(facts.phone_prefix) for p in row.phones):
        phone = 0.5
        reasons.append(_say("phone_start", language, start=_phone_shown(facts.phone_prefix)))

    known = [n for n in (name_parts(row.caller_name), name_parts(row.subject_name)) if n is not None]
    person, contradicted = 0.0, False
    best_pair: tuple[NameParts, NameParts] | None = None
    for typed in facts.names:
        for other in known:
            match = _name_match(typed, other)
            if match > person:
                person, best_pair = match, (typed, other)
    if facts.names and known and person == 0.0:
        # Names were typed and none of them is anyone in the earlier case.
        contradicted = True
        family = next(
            (o for t in facts.names for o in known if t.family == o.family and len(t.words) > 1), None
        )
        if family is not None:
            reasons.append(_say("family_other", language, family=" ".join(family.words).title()))
    elif best_pair is not None:
        typed_pair, known_pair = best_pair
        shown = _shown_name(row, known_pair)
        if len(typed_pair.words) == 1 or len(known_pair.words) == 1:
            reasons.append(
                _say("given", language, given=shown.split()[-1] if shown else known_pair.given, name=shown)
            )
        else:
            reasons.append(_say("person" if person >= 0.9 else "person_near", language, name=shown))
    given_only = (
        best_pair is not None and person > 0.0 and 1 in (len(best_pair[0].words), len(best_pair[1].words))
    )
    # The caller named the person in need, and that person is nobody of the earlier case (not even
    # one slip away): the same caller (a volunteer who calls often) about another person is
    # another need.
    another_in_need = (
        facts.subject is not None
        and bool(known)
        and max(_name_match(facts.subject, other) for other in known) == 0.0
    )

    place = 0.0
    row_wards = {c for c in (row.ward_code, row.former_ward_code) if c}
    same_ward = bool(facts.wards & row_wards) or (
        bool(facts.ward_slug) and facts.ward_slug == ward_slug(row.ward_as_said)
    )
    # Both name a ward and not the same one: the same number on a street that crosses wards is
    # another home.
    other_ward = bool(facts.wards and row_wards) and not same_ward
    row_house = house_keys(row.house_number, row.alley)
    row_street = tuple(street_words(row.street))
    same_street = not other_ward and _same_street(facts.street, row_street)
    street_shown = row.street.strip()
    if same_street and facts.house and row_house and facts.house[0] == row_house[0]:
        place = 1.0
        reasons.append(_say("house", language, house=row_house[0].replace("_", "/"), street=street_shown))
    elif same_street and facts.house and row_house and _same_alley(facts.house, row_house):
        place = 0.6
        reasons.append(_say("alley", language, alley=_mouth(facts.house), street=street_shown))
    elif same_street:
        place = 0.35
        reasons.append(_say("street", language, street=street_shown))
    # Both say where they live, and it is not the same home: a namesake's, or another family's.
    elsewhere = other_ward or (
        bool(facts.street and row_street and facts.house and row_house) and place < 0.6
    )
    if same_ward:
        place = max(place, 0.25) + (0.1 if place >= 0.35 else 0.0)
        reasons.append(_say("ward", language))

    # The same person: the name as said, or with one slip and a dropped middle name (0.85 × 0.9).
    same_person = person >= SAME_PERSON
    evidence = sum(1 for v in (phone >= 1.0, same_person, place >= 0.6) if v)
    total = min(1.0, 0.5 * phone + 0.45 * person + 0.3 * min(place, 1.0))
    if person > 0 and facts.spelled:
        # Among namesakes that fold alike, the one spelled as typed first (a tie-breaker only).
        spelled = [n.lower() for n in (row.caller_name, row.subject_name) if n]
        closest = max((fuzz.ratio(t, c) for t in facts.spelled for c in spelled), default=0.0)
        total += 0.04 * closest / 100
    # A name typed that is not this case's person (another given name in the family: another
    # person's need) never makes it likely, whatever else is shared.
    conflict = (bool(facts.names and known) and person < ANOTHER_PERSON) or another_in_need
    if contradicted:
        total *= 0.5
    if elsewhere:
        # Another home outweighs a name: the namesake across the ward ranks below the person at
        # the house typed, even with a slip in the name.
        total *= 0.75
        reasons.append(_say("other_ward" if other_ward else "other_place", language))
    only_phone_so_far = phone >= 1.0 and not facts.names
    # "bà Hoa" at the house where Hoa's need was recorded: the same person, said as neighbours do.
    # Or her given name on her phone ("chị Hoa" from the number Lê Thị Hoa's case knows).
    given_at_house = given_only and (place >= 1.0 or phone >= 1.0)
    likely = not conflict and (
        evidence >= 2 or only_phone_so_far or (phone >= 1.0 and same_person) or given_at_house
    )
    # The whole name in the ward and nothing typed that disagrees (another home, another phone):
    # the same person, unless the ward holds a namesake (the finder looks across the candidates).
    name_in_ward = person >= 1.0 and same_ward
    # Another phone says another person only when the name matched is the caller's own (a
    # neighbour calling about her gives the neighbour's number).
    caller_matched = best_pair is not None and (facts.subject is None or best_pair[0] != facts.subject)
    other_phone = bool(facts.phones and row.phones) and phone < 1.0 and caller_matched
    likely_by_name = not likely and name_in_ward and not elsewhere and not other_phone and not conflict
    likely = likely or likely_by_name
    total = max(total, LIKELY_AT) if likely else min(total, LIKELY_AT - 0.01)
    return Scored(
        row=row,
        score=round(min(total, 1.0), 3),
        likely=likely,
        reasons=tuple(reasons),
        name_in_ward=name_in_ward,
        likely_by_name=likely_by_name,
        named=" ".join(best_pair[0].words) if name_in_ward and best_pair is not None else "",
    )


def without_namesakes(scored: list[Scored]) -> list[Scored]:
    """A whole name in the ward is *likely* only when the ward holds one such person: with two or
    more, nothing typed yet tells them apart, and each is only *possibly* the one. Cases that share
    a phone or a house are one person's (her second need is not her namesake)."""
    people: dict[str, list[list[Scored]]] = {}
    for found in scored:
        if not found.name_in_ward:
            continue
        groups = people.setdefault(found.named, [])
        for group in groups:
            if any(_one_person(found.row, other.row) for other in group):
                group.append(found)
                break
        else:
            groups.append([found])
    crowded = {name for name, groups in people.items() if len(groups) > 1}
    if not crowded:
        return scored
    return [
        replace(s, likely=False, likely_by_name=False, score=min(s.score, LIKELY_AT - 0.01))
        if s.likely_by_name and s.named in crowded
        else s
        for s in scored
    ]


def _one_person(a: CandidateRow, b: CandidateRow) -> bool:
    if a.phones & b.phones:
        return True
    house_a, house_b = house_keys(a.house_number, a.alley), house_keys(b.house_number, b.alley)
    return bool(house_a and house_a == house_b and street_words(a.street) == street_words(b.street))


def _same_alley(typed: tuple[str, ...], known: list[str]) -> bool:
    """The same alley: both give it (``12/3/45`` and ``12/3/7``), or one gives only its mouth on
    the street (``12`` for ``12/3/45``: where a neighbour may say it)."""
    return _mouth(typed) == _mouth(known) and (len(typed) > 1 or len(known) > 1)


def _mouth(house: Sequence[str]) -> str:
    """The alley's mouth on the street (``house_keys``' second key), or the house number itself."""
    return house[1] if len(house) > 1 else house[0]


def _shown_name(row: CandidateRow, parts: NameParts) -> str:
    """The earlier case's name as it was written (diacritics kept), else its folded words."""
    for written in (row.caller_name, row.subject_name):
        if written and name_parts(written) == parts:
            return without_honorifics(written)
    return " ".join(parts.words).title()
