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
    r"\s(?=(?:(?:phuong|thi tran|quan|huyen|khu pho|xa|thanh pho|thi xa|ap|to)\b|(?:p|f|q|kp)\.?\s*\d+\b"
    r"|(?:p|f|x|q|h|tt|tp|tx)\.|(?:tp|tx|p|f)\s))"
)
_WEAK = re.compile(r"^(?:quan|huyen|xa|thanh pho|thi xa|tp|tx|ap|to|p|f)\b(?!\.?\s*\d)(?!\.)")


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
    # Commas first, then where a ward, district or hamlet begins inside each part.
    parts = [piece for p in said.split(",") if p.strip() for piece in _cut_at_markers(p.strip())]
    house = alley = street = hamlet = ward = district = ""
    landmark: list[str] = []
    for index, part in enumerate(parts):
        folded = fold(part)
        number = _NUMBER.match(folded)
        if index == 0 and number:
            path = "".join(number.group("path").split())
            *alleys, house = path.split("/")
            alley = "/".join(alleys)
            if not alleys and _ALLEY_WORD.search(number.group("words")):
                alley, house = house, ""  # "hẻm 12 Lê Văn Sỹ": alley 12, house not said
            street = _strip_street_prefix(_rest(part, number))
            continue
        if (
            index == 1
            and number
            and house
            and not (street or alley)
            and _ALLEY_WORD.search(number.group("words"))
        ):
            # "Số nhà 23, hẻm 74 Võ Văn Ngân": the house first, then its alley and street
            alley = "".join(number.group("path").split()).upper()
            street = _strip_street_prefix(_rest(part, number))
            continue
        if not ward and _WARD.match(folded) and _known(folded, part):
            ward = part
        elif not district and _is_district(folded, part):
            district = part
        elif district and not ward and not _DISTRICT.match(fold(district)) and _is_district(folded, part):
            # "Tân Phú, Q 7": a district's name said without its type, then a district: the first
            # was the ward (Phường Tân Phú of Quận 7)
            ward, district = district, part
        elif not hamlet and _HAMLET.match(folded):
            hamlet = part
        elif not ward and not district and index >= 1 and street and _names_a_ward(part):
            ward = part  # "12 Lê Lợi, Tân Phước, TX Phú Mỹ": a ward said without its type, before
            # the district (after it, "Sài Gòn" is the city, not Phường Sài Gòn)
        elif _CITY.match(folded):
            continue
        elif index <= 1 and not street and not ward:
            street = _strip_street_prefix(part)
        else:
            landmark.append(part)
    if not ward and district and street:
        street, ward = _ward_at_the_end(street, district)
    return ParsedAddress(
        house_number=house.upper(),
        alley=alley.upper(),
        street=street,
        hamlet=hamlet,
        ward=ward,
        district=district,
        landmark=", ".join(landmark),
    )


def _ward_at_the_end(street: str, district: str) -> tuple[str, str]:
    """A ward said without its type and without a comma after the street, before a district:
    "Nguyễn Trãi Long Sơn" before "TP Vũng Tàu" is the street Nguyễn Trãi in Xã Long Sơn. Only
    words that name a ward of that very district are taken; the street keeps at least a word."""
    words = street.split()
    gazetteer = default_gazetteer()
    for size in range(min(4, len(words) - 1), 0, -1):
        if gazetteer.ward_in_district(" ".join(words[-size:]), district) is not None:
            return " ".join(words[:-size]), " ".join(words[-size:])
    return street, ""


def _rest(part: str, number: re.Match[str]) -> str:
    """What follows the number in the part as said (marks kept)."""
    return part[len(part) - len(number.group("rest")) :].strip() if number.group("rest") else ""


def _names_a_ward(part: str) -> bool:
    return default_gazetteer().resolve(part).status not in ("unknown", "empty")


def _strip_street_prefix(part: str) -> str:
    folded = fold(part)
    match = _STREET_PREFIX.match(folded)
    return part[match.end() :].strip() if match else part


def _is_district(folded: str, part: str) -> bool:
    """A part that names a former district: with its type ("Quận 8", "TP Thủ Dầu Một"), or its name
    alone where the gazetteer knows it ("Gò Vấp"), or a former province ("Bình Dương", "BRVT"),
    which tells namesakes apart as a district does."""
    if _DISTRICT.match(folded):
        return _known(folded, part)
    place = default_gazetteer().said_place(part)
    return place.district is not None or place.province is not None


def _known(folded: str, part: str) -> bool:
    """A part that starts with a word that is also a name's ("Quán", "Xa lộ", "Ấp Bắc", "Tô Hiến
    Thành") is a district, a ward or a hamlet only when the gazetteer knows it as one (a hamlet
    only with its number)."""
    if not _WEAK.match(folded):
        return True
    gazetteer = default_gazetteer()
    if folded.startswith(("xa ", "p ", "f ")):  # "P Dĩ An", but not "P Lê Lợi"
        return gazetteer.resolve(part).status != "unknown"
    if folded.startswith(("ap", "to")):
        return False  # "ấp 2", "tổ 5" are markers of their own (with their number)
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
