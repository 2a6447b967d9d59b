"""Addresses as callers say them: "hẻm 12/3/45 Lê Văn Sỹ, P.5, Q.3, gần chợ".

We split out the house number and alley, the street, the khu phố/ấp/tổ, the ward and district as
said, and leave the rest as a landmark. The ward is resolved by the gazetteer; what was said is
kept as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from operator_console.domain.gazetteer import default_gazetteer
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
# Where to cut a comma-less address; only markers that cannot start a street name. "quan", "huyen"
# and "xa" are also words of names ("Chợ Quán", "Xa lộ Hà Nội"): a piece they start is kept only
# when the gazetteer knows it (``_WEAK``).
_MARKERS = re.compile(
    r"\s(?=(?:(?:phuong|thi tran|quan|huyen|khu pho|xa)\b|(?:p|f|q|kp)\.?\s*\d+\b|(?:p|f|x|q|h|tt)\.))"
)
_WEAK = re.compile(r"^(?:quan|huyen|xa)\b(?!\.?\s*\d)")


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
        if not ward and _WARD.match(folded) and _known(folded, part):
            ward = part
        elif not district and _is_district(folded, part):
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


def _is_district(folded: str, part: str) -> bool:
    """A part that names a former district: with its type ("Quận 8", "TP Thủ Dầu Một"), or its name
    alone where the gazetteer knows it ("Gò Vấp")."""
    if _DISTRICT.match(folded):
        return _known(folded, part)
    return default_gazetteer().district(part) is not None


def _known(folded: str, part: str) -> bool:
    """A part that starts with a word that is also a name's ("Quán", "Xa lộ") is a district or a
    ward only when the gazetteer knows it as one."""
    if not _WEAK.match(folded):
        return True
    gazetteer = default_gazetteer()
    if folded.startswith("xa"):
        return gazetteer.resolve(part).status != "unknown"
    return gazetteer.district(part) is not None


def _cut_at_markers(said: str) -> list[str]:
    folded = fold(said)
    if len(folded) != len(said):  # a letter that folds to two: do not cut by position
        return [said]
    cuts = [m.end() for m in _MARKERS.finditer(folded)]
    pieces: list[str] = []
    start = 0
    carried = ""
    for end in [*cuts, len(said)]:
        piece = f"{carried} {said[start:end].strip()}".strip()
        start, carried = end, ""
        if not piece:
            continue
        if end < len(said) and len(piece.split()) == 1 and _WEAK.match(fold(piece)):
            carried = piece  # "Xã" before "Xà Bang": the type word goes with the next piece
            continue
        if pieces and not _known(fold(piece), piece):
            pieces[-1] = f"{pieces[-1]} {piece}"  # "Trần Hưng Đạo P. Chợ" + "Quán": one piece
        else:
            pieces.append(piece)
    return pieces
