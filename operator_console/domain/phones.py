"""Vietnamese phone numbers as callers say them.

One canonical form (E.164, ``+84389123456``), one display form (``0389 123 456``), and the number as
the caller gave it when it was an old 11-digit mobile, because "same phone, old number 0168…" is
worth telling the operator. ``phonenumbers`` decides what is a valid number today; it does not know
the numbers that changed in 2018, so the legacy prefix table is ours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import phonenumbers

from operator_console.domain.messages import Message
from operator_console.domain.text import fold

PhoneKind = Literal["mobile", "landline", "withheld"]

# 2018: 11-digit mobile prefixes moved to 10 digits (Ministry of Information and Communications).
LEGACY_MOBILE_PREFIXES: dict[str, str] = {
    # Viettel 0162–0169 → 032–039
    **{f"016{d}": f"03{d}" for d in "23456789"},
    # MobiFone
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    # VinaPhone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    # Vietnamobile
    "0186": "056", "0188": "058",
    # Gmobile
    "0199": "059",
}  # fmt: skip

HCMC_AREA_CODE = "028"
_ALLOWED = re.compile(r"^[0-9\s.\-()+/]*$")
_NON_DIGIT = re.compile(r"[^0-9]")
_WITHHELD_WORDS = frozenset(
    {
        "",
        "an so",
        "so an",
        "an",
        "giau so",
        "private",
        "private number",
        "withheld",
        "anonymous",
        "unknown",
        "unknown number",
        "khong ro",
        "khong ro so",
        "khong co",
        "khong co so",
        "khong xac dinh",
    }
)
# "-", "--", "…": a cell or a field someone filled to say "none".
_PLACEHOLDER = re.compile(r"^[\-–—_.…*?\s]+$")
# 1800 (free) and 1900 (premium) are service numbers: a hotline, never a caller's own number.
_SERVICE = re.compile(r"^(1800|1900)\d{4,6}$")


class PhoneError(ValueError):
    """A text that cannot be a Vietnamese phone number; ``message`` says why, for a person."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message


@dataclass(frozen=True)
class Phone:
    e164: str
    """``+84389123456``; empty when the number is withheld."""
    national: str
    """``0389123456``: what Vietnamese people write and what we index."""
    kind: PhoneKind
    legacy_form: str | None = None
    """The old 11-digit number when the caller gave one (``01689123456``)."""

    @property
    def withheld(self) -> bool:
        return self.kind == "withheld"

    @property
    def display(self) -> str:
        n = self.national
        if self.withheld:
            return ""
        if self.kind == "mobile" and len(n) == 10:
            return f"{n[:4]} {n[4:7]} {n[7:]}"
        if n.startswith(HCMC_AREA_CODE) and len(n) == 11:
            return f"{n[:3]} {n[3:7]} {n[7:]}"
        parsed = phonenumbers.parse(n, "VN")
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


WITHHELD = Phone(e164="", national="", kind="withheld")


def parse_phone(text: str | None) -> Phone:
    """Parse any spoken or written form; raise :class:`PhoneError` with a message for a person.

    Empty text, or words such as "ẩn số" or "withheld", mean the caller ID was withheld.
    """
    # NFKC turns full-width digits (from some phone keyboards) into ASCII ones; copy-pasted numbers
    # may carry invisible direction or zero-width marks.
    if (text or "").isascii():  # nearly every number: nothing to normalise (an import's million rows)
        raw = (text or "").strip()
    else:
        normalised = unicodedata.normalize("NFKC", text or "")
        raw = "".join(ch for ch in normalised if unicodedata.category(ch) != "Cf").strip()
    if fold(raw) in _WITHHELD_WORDS or _PLACEHOLDER.match(raw):
        return WITHHELD
    if not _ALLOWED.match(raw):
        raise PhoneError(Message("phone.letters", {"value": raw}))
    digits = _NON_DIGIT.sub("", raw)
    if _SERVICE.match(digits) and not raw.startswith("+"):
        raise PhoneError(Message("phone.service_number", {"value": raw, "prefix": digits[:4]}))
    national = _to_national(raw, digits)
    legacy_form = None
    if len(national) == 11 and national.startswith("01"):
        new_prefix = LEGACY_MOBILE_PREFIXES.get(national[:4])
        if new_prefix is None:
            raise PhoneError(Message("phone.bad_prefix", {"prefix": national[:4]}))
        legacy_form = national
        national = new_prefix + national[4:]
    if len(national) < 10:
        # Counted as the number is written in the country (with its 0, without +84).
        raise PhoneError(Message("phone.too_short", {"digits": len(national)}))
    # Eleven digits are only an old mobile (01…, mapped above) or a landline (02…).
    if len(national) > 11 or (len(national) == 11 and not national.startswith("02")):
        raise PhoneError(Message("phone.too_long", {"digits": len(digits)}))
    key = (national[:5], len(national))
    if key not in _KIND_BY_PREFIX:
        _KIND_BY_PREFIX[key] = _kind_of_number(national)
    kind = _KIND_BY_PREFIX[key]
    if kind is None:
        raise PhoneError(Message("phone.bad_prefix", {"prefix": national[:3]}))
    return Phone(e164="+84" + national[1:], national=national, kind=kind, legacy_form=legacy_form)


_KIND_BY_PREFIX: dict[tuple[str, int], PhoneKind | None] = {}


def _kind_of_number(example: str) -> PhoneKind | None:
    """Whether numbers of this prefix and length are valid, and of what kind, as ``phonenumbers`` says.

    Vietnam's numbering plan decides validity by the first digits and the length alone (the rest is
    any digits), so one answer per prefix and length serves every number: an import of a million
    rows then asks ``phonenumbers`` a few hundred times instead of a million.
    """
    parsed = phonenumbers.parse(example, "VN")
    if not phonenumbers.is_valid_number(parsed):
        return None
    # A 10-digit 08x number is a VinaPhone mobile today, even when it was once an 08 landline.
    fixed = phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.FIXED_LINE
    return "landline" if fixed else "mobile"


def _to_national(raw: str, digits: str) -> str:
    """The number with a leading 0 and no country code, still possibly in its old 11-digit form."""
    if raw.startswith("+") or digits.startswith("00"):
        international = digits[2:] if digits.startswith("00") else digits
        if not international.startswith("84"):
            raise PhoneError(Message("phone.foreign"))
        return "0" + international[2:].lstrip("0")
    if digits.startswith("84") and len(digits) in (11, 12):
        return "0" + digits[2:]
    if digits.startswith("84") and len(digits) == 10:
        # "84 3891 2345": 84 read as the country code and a digit short (read without its leading
        # 0 it would be 11 digits from 08, which no number has). Nine digits from 84 are a mobile
        # read without its 0 (0843 891 234).
        rest = len(digits) - 2
        raise PhoneError(
            Message("phone.country_code_short", {"value": raw, "rest": rest, "missing": 9 - rest})
        )
    if digits.startswith("0"):
        return digits
    if len(digits) == 8:
        # An 8-digit number given without an area code is a city landline.
        return HCMC_AREA_CODE + digits
    if len(digits) in (9, 10):
        # Read out without the leading 0, as people do after "+84".
        return "0" + digits
    if len(digits) < 8:
        raise PhoneError(Message("phone.too_short", {"digits": len(digits)}))
    raise PhoneError(Message("phone.too_long", {"digits": len(digits)}))


def old_landline_reading(phone: Phone) -> Phone | None:
    """The city landline a 10-digit 08 number may be: until June 2017 the city's landlines were
    08 + 8 digits, which is the shape of a mobile today (the brief: read it as a mobile). The
    operator is shown both and may take this one."""
    national = phone.national
    if phone.kind != "mobile" or len(national) != 10 or not national.startswith("08"):
        return None
    if phone.legacy_form:
        return None  # said as an old 11-digit mobile (0123… → 083…): it never was a landline
    try:
        landline = parse_phone(HCMC_AREA_CODE + national[2:])
    except PhoneError:
        return None
    return landline if landline.kind == "landline" else None


def stored_phone(national: str, legacy_form: str | None = None) -> Phone:
    """A number that was parsed before, rebuilt from its national form without asking again.

    Every Vietnamese landline starts 02; every other number we accept is a mobile.
    """
    kind: PhoneKind = "landline" if national.startswith("02") else "mobile"
    return Phone(e164="+84" + national[1:], national=national, kind=kind, legacy_form=legacy_form)
