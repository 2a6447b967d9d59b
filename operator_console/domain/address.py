"""Addresses as callers say them: "hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.3, gần chợ".

We split out the house number and alley, the street, the khu phố/ấp/tổ, the ward and district as
said, and leave the rest as a landmark. The ward is resolved by the gazetteer; what was said is
kept as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from operator_console.domain.text import clean, fold

# Words before a house number: "số", "nhà", "hẻm", "kiệt", "ngõ", "HXH" (hẻm xe hơi).
_NUMBER = re.compile(
    r"^(?P<words>(?:(?:so|nha|hem|hxh|kiet|ngo|ngach|sn)\.?\s*)*)"
    r"(?P<path>\d+[a-z]?(?:\s*/\s*\d+[a-z]?)*)(?=\s|$|,)\s*(?P<rest>.*)$"
)
_ALLEY_WORD = re.compile(r"\b(?:hem|hxh|kiet|ngo|ngach)\b")
_STREET_PREFIX = re.compile(r"^(?:duong|d\.|pho)\s+")
_WARD = re.compile(r"^(?:phuong|p\.?\s*\d|p\.|f\.?\s*\d|f\.|xa\s|x\.|thi tran|tt\.?\s|dac khu)")
_DISTRICT = re.compile(r"^(?:quan|q\.?\s*\d|q\.|huyen|h\.|thanh pho thu duc|tp\.?\s*thu duc|tp\.?\s*td\b)")
_HAMLET = re.compile(r"^(?:khu pho|kp\.?\s*\d|kp\.|ap\s|to\s+\d|to dan pho|khu\s)")
# Only a part that is nothing but the city's name is dropped.
_CITY = re.compile(
    r"^(?:tp\.?\s*hcm|tp\.?\s*ho chi minh|thanh pho ho chi minh|ho chi minh|hcm|sai gon|tphcm)\.?$"
)
# Where to cut a comma-less address; only markers that cannot start a street name.
_MARKERS = re.compile(
    r"\s(?=(?:phuong|p\.?\s*\d+|f\.?\s*\d+|xa\s|thi tran|quan|q\.?\s*\d+|huyen|khu pho|kp\.?\s*\d+)\b)"
)


@dataclass(frozen=True)
class ParsedAddress:
    house_number: str = ""
    alley: str = ""
    street: str = ""
    hamlet: str = ""
    ward: str = ""
    district: str = ""
    landmark: str = ""


def parse_address(text: str | None) -> ParsedAddress:
    """Split an address into its parts; never loses a word (what is not understood is a landmark)."""
    said = clean(text)
    if not said:
        return ParsedAddress()
    parts = [p.strip() for p in said.split(",") if p.strip()]
    if len(parts) == 1:
        parts = _cut_at_markers(said)
    house = alley = street = hamlet = ward = district = ""
    landmark: list[str] = []
    for index, part in enumerate(parts):
        folded = fold(part)
        if index == 0:
            number = _NUMBER.match(folded)
            if number:
                path = "".join(number.group("path").split())
                *alleys, house = path.split("/")
                alley = "/".join(alleys)
                if not alleys and _ALLEY_WORD.search(number.group("words")):
                    alley, house = house, ""  # "hẻm 12 Lê Văn Sỹ": alley 12, house not said
                street_part = (
                    part[len(part) - len(number.group("rest")) :].strip() if number.group("rest") else ""
                )
                street = _strip_street_prefix(street_part)
                continue
        if not ward and _WARD.match(folded):
            ward = part
        elif not district and _DISTRICT.match(folded):
            district = part
        elif not hamlet and _HAMLET.match(folded):
            hamlet = part
        elif _CITY.match(folded):
            continue
        elif index <= 1 and not street and not ward:
            street = _strip_street_prefix(part)
        else:
            landmark.append(part)
    return ParsedAddress(
        house_number=house.upper(),
        alley=alley.upper(),
        street=street,
        hamlet=hamlet,
        ward=ward,
        district=district,
        landmark=", ".join(landmark),
    )


def _strip_street_prefix(part: str) -> str:
    folded = fold(part)
    match = _STREET_PREFIX.match(folded)
    return part[match.end() :].strip() if match else part


def _cut_at_markers(said: str) -> list[str]:
    folded = fold(said)
    if len(folded) != len(said):  # a letter that folds to two: do not cut by position
        return [said]
    cuts = [m.end() for m in _MARKERS.finditer(folded)]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(said[start:cut].strip())
        start = cut
    pieces.append(said[start:].strip())
    return [p for p in pieces if p]
