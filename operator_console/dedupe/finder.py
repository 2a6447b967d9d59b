"""The duplicate search: a draft in, the earlier cases most likely the same need out, best first.

One code path for the console's candidates panel and ``operator-console-admin find-duplicates``:
the draft's words become a :class:`SearchQuery` (phones in today's form, the given name and its
one-slip neighbours, the family name, street words, the house number, the ward resolved by the
gazetteer), the store answers with a few dozen candidates by index, and each is scored here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from operator_console.dedupe.scoring import DraftFacts, Scored, score, without_namesakes
from operator_console.domain.address import parse_address
from operator_console.domain.gazetteer import Gazetteer
from operator_console.domain.intake import CaseDraft
from operator_console.domain.messages import Language
from operator_console.domain.phones import PhoneError, parse_phone
from operator_console.domain.search_keys import (
    SearchQuery,
    house_keys,
    name_parts,
    name_terms,
    street_words,
    ward_slug,
)
from operator_console.domain.text import clean
from operator_console.store.search import CandidateIndex

_DIGITS = re.compile(r"\D")
PREFIX_DIGITS = 7
"""Digits of a number still being typed from which its earlier cases are looked up (``0903 123``)."""


def _phone(text: str) -> tuple[str | None, str]:
    """(the whole number in national form, or None; else the typed start in national form, or '')."""
    if not text.strip():
        return None, ""
    try:
        phone = parse_phone(text)
    except PhoneError:
        digits = _DIGITS.sub("", text)
        if digits.startswith("84") and text.strip().startswith("+"):
            digits = "0" + digits[2:]
        # An old 11-digit number still being typed (01xx…) cannot be turned into today's yet.
        if digits.startswith("0") and not digits.startswith("01") and len(digits) >= PREFIX_DIGITS:
            return None, digits
        return None, ""
    return (phone.national or None), ""


@dataclass(frozen=True)
class Search:
    query: SearchQuery
    facts: DraftFacts


def search_for(draft: CaseDraft, gazetteer: Gazetteer) -> Search:
    phones: list[str] = []
    prefix = ""
    for text in (draft.caller_phone, draft.subject_phone):
        whole, start = _phone(text)
        if whole:
            phones.append(whole)
        elif start and not prefix:
            prefix = start
    names = tuple(n for n in (name_parts(draft.caller_name), name_parts(draft.subject_name)) if n is not None)
    address = parse_address(draft.address)
    street = tuple(street_words(address.street))
    house = tuple(house_keys(address.house_number, address.alley))
    wards: set[int] = set()
    slug = ward_slug(draft.ward)
    if draft.ward_code:
        wards.add(draft.ward_code)
    if draft.ward.strip():
        match = gazetteer.resolve(draft.ward, draft.district)
        # A split ward, or a name several places bear, is any of them until the operator chooses.
        for unit in (match.current, match.former, *match.choice_units):
            if unit is not None:
                wards.add(unit.code)
    ward_words = [str(c) for c in sorted(wards)] + ([slug] if slug else [])
    in_ward: list[str] = []
    near: list[str] = []
    full: list[str] = []
    with_middle: list[str] = []
    with_middle_near: list[str] = []
    named: list[str] = []
    for name in names:
        terms = name_terms(name, ward_words)
        named += terms.citywide
        in_ward += terms.exact_in_ward
        near += terms.near_in_ward
        with_middle += terms.full_in_ward
        with_middle_near += terms.full_near_in_ward
        if not ward_words:  # by name city-wide only while no ward is typed: the ward narrows it
            full += terms.citywide
    street_slug = "_".join(street)
    street_wards = tuple(f"sw_{street_slug}_{w}" for w in ward_words) if street else ()
    anyone = (*in_ward, *with_middle, *named)
    query = SearchQuery(
        phones=tuple(phones),
        phone_prefix=prefix,
        name_in_ward=tuple(dict.fromkeys(in_ward)),
        near_in_ward=tuple(dict.fromkeys(near)),
        full_in_ward=tuple(dict.fromkeys(with_middle)),
        full_near_in_ward=tuple(dict.fromkeys(with_middle_near)),
        full_name=tuple(dict.fromkeys(full)),
        street_house=(f"sh_{street_slug}_{house[0]}",) if street and house else (),
        street_in_ward=street_wards if not house else (),
        street_wards=street_wards,
        anyone_named=tuple(dict.fromkeys(anyone)),
    )
    facts = DraftFacts(
        phones=frozenset(phones),
        phone_prefix=prefix,
        names=names,
        street=street,
        house=house,
        wards=frozenset(wards),
        ward_slug=slug,
        spelled=tuple(clean(n).lower() for n in (draft.caller_name, draft.subject_name) if clean(n)),
        subject=name_parts(draft.subject_name),
    )
    return Search(query, facts)


class DuplicateFinder:
    def __init__(self, index: CandidateIndex, gazetteer: Gazetteer, language: Language = "vi") -> None:
        self._index, self._gazetteer, self._language = index, gazetteer, language

    def find(self, draft: CaseDraft, limit: int = 5, exclude: str | None = None) -> list[Scored]:
        """The ``limit`` best earlier cases for the draft, best first (``exclude``: its own id)."""
        search = search_for(draft, self._gazetteer)
        if search.query.empty:
            return []
        scored = [
            score(search.facts, row, self._language)
            for row in self._index.candidates(search.query)
            if row.id != exclude
        ]
        scored = without_namesakes([s for s in scored if s.score > 0.0 and s.reasons])
        scored.sort(key=lambda s: (s.likely, s.score, s.row.received_at), reverse=True)
        return scored[:limit]
