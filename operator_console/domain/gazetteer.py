"""Ho Chi Minh City's wards and communes: today's 168, and the former ones callers still name.

The data (``resources/data/wards_hcmc.json``) is made by ``resources/data/make_wards.py`` from the
statistics office's official conversion table for Resolution 1685/NQ-UBTVQH15: today's units with
their official codes, the former districts and wards of Ho Chi Minh City, Bình Dương and Bà Rịa –
Vũng Tàu (in force until 30 June 2025), and for each former ward the units of today it went to.

How a ward as said resolves (``docs/data.md`` says why):

- **Today's name** is that unit. It wins over a former namesake elsewhere ("Tân Định" is today's
  Phường Tân Định, not the former one of Bến Cát), unless the district said names the former one.
- **A former ward merged whole** into one unit of today is that unit, shown as said → today's.
- **A former ward split** among several units is never resolved for the operator: its successors,
  exactly as the table lists them, are the choices.
- **A name that can mean several places** (a numbered ward without its district, a name two
  units share) is for the operator to choose; the choices are today's units it can mean.
- The marks typed tell namesakes apart (Thạnh An, Thanh An), where the tone sits does not (Hoà,
  Hòa); their absence tells nothing. The district qualifies with or without a comma and its type
  ("Phường 12 Gò Vấp", "P.5 Q.8", "Phường Thắng Tam, Vũng Tàu").

Nothing typed is ever dropped: the case keeps the words as said, today's code and the former code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, NamedTuple

from operator_console.domain.messages import Message
from operator_console.domain.text import clean, fold, tone_key
from operator_console.paths import resource

HCMC_PROVINCE_CODE = 79

UnitKind = Literal["phường", "xã", "thị trấn", "đặc khu"]

# Folded prefixes as people write them, longest first so that "thi tran" wins over "t".
_WARD_PREFIXES: tuple[tuple[str, UnitKind], ...] = (
    ("phuong", "phường"),
    ("thi tran", "thị trấn"),
    ("dac khu", "đặc khu"),
    ("xa", "xã"),
    ("tt", "thị trấn"),
    ("ph", "phường"),
    ("p", "phường"),
    ("f", "phường"),  # "F5": how Saigon has long written phường
    ("x", "xã"),
)
_DISTRICT_PREFIXES: tuple[str, ...] = ("thanh pho", "thi xa", "quan", "huyen", "tp", "tx", "q", "h")
_DISTRICT_ALIASES: dict[str, int] = {
    # Quận 2, Quận 9 and Quận Thủ Đức became Thủ Đức city on 1 January 2021; callers still say them.
    "2": 769,
    "9": 769,
    "td": 769,
    "gv": 764,  # common shorthands on forms ("BT" is both Bình Thạnh and Bình Tân: not one)
    "pn": 768,
    "tb": 766,
    # Huyện Long Điền and Huyện Đất Đỏ (Bà Rịa – Vũng Tàu) became Huyện Long Đất on 1 January 2025.
    "longdien": 753,
    "datdo": 753,
}
# The two former provinces in today's city, as people name them after a ward: said, they tell
# namesakes apart ("Phú Lợi, Bình Dương"). Ho Chi Minh City's own names (TP.HCM, Sài Gòn) tell
# nothing: today's city holds all three.
_PROVINCES: dict[str, int] = {
    f"{word}{name}": code
    for name, code in (("binhduong", 74), ("bd", 74), ("bariavungtau", 77), ("brvt", 77))
    for word in ("", "tinh", "t")  # "tỉnh Bình Dương", "T. Bình Dương"
}
# Words that may follow a district without changing what it says: the city, the province, the country.
_NOISE = frozenset(
    """tp thanh pho tinh ho chi minh hcm tphcm sai gon sg binh duong bd ba ria vung tau brvt br vt
    viet nam vn cu moi t""".split()  # noqa: SIM905 (a word list reads better as words)
)
_PUNCT = re.compile(r"[.,;:()\-_/]+")
# A hamlet said before the ward ("KP 3", "ấp 2", "tổ 5"): nothing of the ward.
_HAMLET = re.compile(r"^(?:(?:kp|khu pho|ap|to|to dan pho|khom|thon)\.?\s*\d+[a-z]?\b\s*)+")
# "Quy Đức" and "Qui Đức", "Sơn Kỳ" and "Sơn Kì": a syllable that is a consonant and y is written
# with i as well (the official table has "Xã Qui Đức").
_Y_SYLLABLE = re.compile(r"^(qu|ngh|ch|gh|kh|nh|ph|th|tr|ng|[bcdghklmnprstvx])y$")
MatchStatus = Literal["empty", "current", "former", "split", "ambiguous", "mismatch", "unknown"]


@dataclass(frozen=True)
class WardUnit:
    code: int
    name: str
    kind: UnitKind
    district_code: int | None = None
    """For former wards: their district. Today's wards belong to the city directly."""
    district_name: str | None = None

    @property
    def former(self) -> bool:
        return self.district_code is not None

    @property
    def label(self) -> str:
        return f"{self.name}, {self.district_name}" if self.district_name else self.name


@dataclass(frozen=True)
class District:
    code: int
    name: str
    province_code: int = HCMC_PROVINCE_CODE


@dataclass(frozen=True)
class Successor:
    """A unit of today that took (part of) a former ward, with the table's words for how."""

    unit: WardUnit
    how: str

    @property
    def partial(self) -> bool:
        return "một phần" in self.how.casefold()

    @property
    def whole_population(self) -> bool:
        return "toàn bộ dân số" in self.how.casefold()


@dataclass(frozen=True)
class WardChoice:
    """A unit of today the operator may pick, and why it is offered."""

    unit: WardUnit
    via: WardUnit | None = None
    """The former ward it comes from (a split ward, or one of several former namesakes)."""
    how: str = ""


@dataclass(frozen=True)
class WardMatch:
    """What the typed ward (and district) resolve to. ``typed`` is always kept."""

    status: MatchStatus
    typed: str
    current: WardUnit | None = None
    former: WardUnit | None = None
    choices: tuple[WardChoice, ...] = field(default=())

    @property
    def needs_operator(self) -> bool:
        """The operator should pick the current ward: the words do not name one."""
        return self.status in ("split", "ambiguous", "mismatch", "unknown")

    @property
    def choice_units(self) -> tuple[WardUnit, ...]:
        return tuple(dict.fromkeys(c.unit for c in self.choices))

    @property
    def message(self) -> Message | None:
        if self.status == "former" and self.current:
            old = self.former.label if self.former else self.typed
            return Message(
                "address.ward_old", {"value": self.typed, "old": old, "current": self.current.name}
            )
        if self.status == "split" and self.former:
            names = ", ".join(u.name for u in self.choice_units)
            return Message(
                "address.ward_split",
                {
                    "value": self.typed,
                    "old": self.former.label,
                    "count": len(self.choice_units),
                    "choices": names,
                },
            )
        if self.status == "ambiguous":
            units = self.choice_units
            shown = "; ".join(u.name for u in units[:4]) + ("; …" if len(units) > 4 else "")
            return Message("address.ward_ambiguous", {"value": self.typed, "choices": shown})
        if self.status == "mismatch":
            names = ", ".join(u.name for u in self.choice_units)
            return Message("address.ward_not_in_district", {"value": self.typed, "choices": names})
        if self.status == "unknown":
            return Message("address.ward_unknown", {"value": self.typed})
        return None


def _words(text: str) -> list[str]:
    return _PUNCT.sub(" ", fold(text)).split()


def _pieces(text: str) -> list[str]:
    """The words of a ward said without commas, a number glued to what follows cut apart ("P5Q8")."""
    return re.sub(r"(?<=\d)(?=[^\W\d_])", " ", _PUNCT.sub(" ", text)).split()


@dataclass(frozen=True)
class SaidPlace:
    """What the words said beside a ward tell: a former district, or only a former province."""

    district: District | None = None
    province: int | None = None
    understood: bool = True


def _strip_prefix(words: list[str], prefixes: tuple[str, ...]) -> tuple[list[str], str | None]:
    """The words without the unit type they start with, and the prefix found (None: none)."""
    for prefix in prefixes:
        size = len(prefix.split())
        if len(words) > size and words[:size] == prefix.split():
            return words[size:], prefix
        # "p5", "q8", "f12": a one- or two-letter prefix glued to a number
        if words and len(prefix) <= 2 and re.fullmatch(re.escape(prefix) + r"\d+", words[0]):
            return [words[0][len(prefix) :], *words[1:]], prefix
    return words, None


def _key_of(words: list[str]) -> str:
    words = [_Y_SYLLABLE.sub(lambda m: m.group(1) + "i", w) for w in words]
    if len(words) > 1 and all(w.isascii() and w.isdigit() for w in words):
        return ""  # "Phường 1 2" is not Phường 12
    key = "".join(words)
    return str(int(key)) if key.isascii() and key.isdigit() else key


def unit_key(text: str, prefixes: tuple[str, ...]) -> str:
    """A unit's name without its type word, folded, spaces dropped, numbers without leading zeros.

    "Phường 05" → "5"; "P.Tân Định" → "tandinh"; "Q. Bình Thạnh" (district prefixes) → "binhthanh".
    """
    words, _prefix = _strip_prefix(_words(text), prefixes)
    return _key_of(words)


def ward_key(text: str) -> str:
    return unit_key(text, tuple(p for p, _ in _WARD_PREFIXES))


def district_key(text: str) -> str:
    return unit_key(text, _DISTRICT_PREFIXES)


def _typed_kind(text: str) -> UnitKind | None:
    """The unit type the words say ("xã", "P.", "TT"), or None when they name none."""
    _words_left, prefix = _strip_prefix(_words(text), tuple(p for p, _ in _WARD_PREFIXES))
    return dict(_WARD_PREFIXES).get(prefix) if prefix else None


def _name_part(text: str) -> str:
    """The name without its unit type, marks kept, tone placement ignored: "Xã Thạnh An" → "thạnh an"."""
    words = _PUNCT.sub(" ", clean(text)).split()
    folded = [fold(w) for w in words]
    rest, _prefix = _strip_prefix(folded, tuple(p for p, _ in _WARD_PREFIXES))
    return tone_key(" ".join(words[len(words) - len(rest) :]))


def _kind_of(name: str) -> UnitKind:
    return _typed_kind(name) or "phường"


class Gazetteer:
    """Looks up wards by what people say; built once per process (see :func:`default_gazetteer`)."""

    def __init__(
        self,
        current: list[WardUnit],
        districts: list[District],
        former: list[WardUnit],
        successors: dict[int, tuple[Successor, ...]],
        whole_districts: dict[int, Successor] | None = None,
        superseded: dict[int, int] | None = None,
        superseded_former: dict[int, int] | None = None,
    ) -> None:
        self.current_wards = tuple(current)
        self.former_districts = tuple(districts)
        self.former_wards = tuple(former)
        self._successors = successors
        self._whole_districts = whole_districts or {}
        self._superseded = superseded or {}
        self._superseded_former = superseded_former or {}
        self._current_by_code = {w.code: w for w in current}
        self._former_by_code = {w.code: w for w in former}
        self._current_by_key: dict[str, list[WardUnit]] = {}
        for w in current:
            self._current_by_key.setdefault(ward_key(w.name), []).append(w)
        self._former_by_key: dict[str, list[WardUnit]] = {}
        for w in former:
            self._former_by_key.setdefault(ward_key(w.name), []).append(w)
        self._district_by_key: dict[str, District] = {district_key(d.name): d for d in districts}
        self._district_provinces = {d.code: d.province_code for d in districts}
        by_code = {d.code: d for d in districts}
        for alias, code in _DISTRICT_ALIASES.items():
            self._district_by_key.setdefault(alias, by_code[code])
        self._cache: dict[tuple[str, str], WardMatch] = {}
        self._words_cache: dict[WardUnit, list[str]] = {}

    # look-ups by code -----------------------------------------------------------------------------
    def current(self, code: int) -> WardUnit | None:
        """Today's unit with this official code."""
        return self._current_by_code.get(code)

    def official_code(self, code: int) -> int | None:
        """Today's official code for a code a person or an older release gave: itself, or the
        official code of the unit an earlier release stored under a draft code; None if neither."""
        if code in self._current_by_code:
            return code
        return self._superseded.get(code)

    @property
    def draft_codes(self) -> dict[int, int]:
        """The draft codes earlier releases stored for units of today, each with its official code."""
        return dict(self._superseded)

    def earlier_codes(self, code: int) -> tuple[int, ...]:
        """The draft codes earlier releases stored for today's unit with this official code."""
        return tuple(sorted(old for old, official in self._superseded.items() if official == code))

    def former_unit(self, code: int) -> WardUnit | None:
        """The former ward with this code (the official code, or one an earlier release stored)."""
        return self._former_by_code.get(self._superseded_former.get(code, code))

    def successors(self, old: WardUnit) -> tuple[Successor, ...]:
        """Today's units a former ward went to, in the official table's order."""
        return self._successors.get(old.code, ())

    def district(self, text: str) -> District | None:
        """The former district the words name ("Q.8", "Gò Vấp", "TP Thủ Dầu Một"), the city or
        province that may follow it ignored ("Quận 7, TP HCM")."""
        return self.said_place(text).district

    def said_place(self, text: str) -> SaidPlace:
        """What words said beside a ward tell: a former district (the city or province after it
        ignored: "Quận 7, TP HCM"), or a former province (Bình Dương, Bà Rịa – Vũng Tàu), or only
        the city (understood, nothing told); ``understood`` is False for words none of these."""
        words = _pieces(fold(text))
        if not words:
            return SaidPlace()
        if "".join(words) in _PROVINCES:  # before districts: "Bà Rịa – Vũng Tàu" is not TP Bà Rịa
            return SaidPlace(province=_PROVINCES["".join(words)])
        for end in range(len(words), 0, -1):
            if all(w in _NOISE for w in words[end:]):
                key = district_key(" ".join(words[:end]))
                if key and key in self._district_by_key:
                    return SaidPlace(district=self._district_by_key[key])
        for end in range(len(words), 0, -1):
            if all(w in _NOISE for w in words[end:]) and "".join(words[:end]) in _PROVINCES:
                return SaidPlace(province=_PROVINCES["".join(words[:end])])
        # Only the city or the country ("TP.HCM", "Sài Gòn"): understood, and nothing to tell.
        return SaidPlace(understood=all(w in _NOISE for w in words))

    # resolution -----------------------------------------------------------------------------------
    def resolve(self, ward: str | None, district: str | None = None) -> WardMatch:
        """Resolve a ward as said ("P.5", "Phường 5, Quận 8", "tan dinh", "Xã Bình Hưng")."""
        ward_text, district_text = clean(ward), clean(district)
        cache_key = (ward_text, district_text)
        hit = self._cache.get(cache_key)
        if hit is None:
            hit = self._resolve(ward_text, district_text)
            if len(self._cache) < 100_000:  # imports repeat the same few thousand spellings
                self._cache[cache_key] = hit
        return hit

    def _resolve(self, ward_text: str, district_text: str) -> WardMatch:
        typed = ", ".join(t for t in (ward_text, district_text) if t)
        if not ward_text:
            whole = self._whole_district(district_text) if district_text else None
            return WardMatch("former", typed, current=whole.unit) if whole else WardMatch("empty", typed)
        place = self.said_place(district_text) if district_text else SaidPlace()
        if district_text and (place.district or place.province or not place.understood):
            return self._resolve_parts(typed, ward_text, district_text)
        # No district said, or only the city ("TP HCM"): the ward's words may hold one themselves.
        parts = [part for p in ward_text.split(",") if (part := _without_hamlet(p))]
        if len(parts) >= 2:
            rest = ", ".join(parts[1:])
            if self.said_place(rest).understood:
                match = self._resolve_parts(typed, parts[0], rest)
                if match.status != "unknown":
                    return match
            first = self.said_place(parts[0])
            if first.understood and (first.district or first.province):  # "Quận 8, Phường 5"
                return self._resolve_parts(typed, rest, parts[0])
        ward_text = ", ".join(parts) or ward_text
        alone = self._resolve_parts(typed, ward_text, "")
        if alone.status != "unknown":
            return alone
        whole = self._whole_district(ward_text)
        if whole is not None:
            return WardMatch("former", typed, current=whole.unit)
        # No comma: the district may follow the ward ("Phường 12 Gò Vấp", "P5Q8", "Phường 8 Quận 6
        # TPHCM"), or come first ("Q8 P5", "Gò Vấp P5"), with or without its type.
        pieces = _pieces(ward_text)
        for cut in range(1, len(pieces)):
            for ward_words, said, after in (
                (pieces[:cut], pieces[cut:], True),
                (pieces[cut:], pieces[:cut], False),
            ):
                place = self.said_place(" ".join(said))
                if not place.understood or not (place.district or place.province or after):
                    continue  # the city alone may follow the ward ("Gò Vấp Sài Gòn"), not lead it
                split = self._resolve_parts(typed, " ".join(ward_words), " ".join(said), guessed=True)
                if split.status != "unknown":
                    return split
        return alone

    def ward_in_district(self, ward: str, district: str) -> WardMatch | None:
        """The ward these words name in this district, or None when the district has none such:
        for words cut from a longer text by guess ("Nguyễn Trãi Long Sơn" before "TP Vũng Tàu")."""
        match = self._resolve_parts(clean(ward), clean(ward), clean(district), guessed=True)
        return None if match.status == "unknown" else match

    def _whole_district(self, text: str) -> Successor | None:
        district = self.district(text)
        return self._whole_districts.get(district.code) if district is not None else None

    def _resolve_parts(
        self, typed: str, ward_text: str, district_text: str, guessed: bool = False
    ) -> WardMatch:
        """The ward said beside the district said. ``guessed``: the two were cut apart from one text
        by position, so they must agree (a ward the district had, or today's unit that took one)."""
        key = ward_key(ward_text)
        if not key:
            return WardMatch("unknown", typed)
        kind = _typed_kind(ward_text)
        if key not in self._current_by_key and key not in self._former_by_key:
            # "Xà Bang" said without its type reads as "xã Bang": the first word is the name's own.
            whole = _key_of(_words(ward_text))
            if whole in self._current_by_key or whole in self._former_by_key:
                key, kind = whole, None
        current = [c for c in self._current_by_key.get(key, []) if kind is None or c.kind == kind]
        former = [w for w in self._former_by_key.get(key, []) if kind is None or w.kind == kind]
        if not ward_text.isascii():
            # Typed with its marks ("Phước Thạnh"): a name with those very marks wins over one
            # that only folds the same ("Phước Thành"), today's or former.
            said = _name_part(ward_text)
            exact_today = [c for c in current if _name_part(c.name) == said]
            exact_former = [w for w in former if _name_part(w.name) == said]
            if exact_today or exact_former:
                current, former = exact_today, exact_former
        place = self.said_place(district_text) if district_text else SaidPlace()
        district = place.district
        if place.province is not None:
            # Only the former province said ("Phú Lợi, Bình Dương"): its wards, and today's units
            # that took wards of it, where the name has some.
            in_province = [w for w in former if self._province_of(w) == place.province]
            near_province = [c for c in current if self._took_from(c, province=place.province)]
            if in_province or near_province:
                current, former = near_province, in_province
        if not place.understood and len(self._places(current, former)) > 1:
            # A district said that cannot be read, beside a name several places bear: the operator
            # chooses; the name alone would pick today's unit and maybe the wrong one.
            return WardMatch("ambiguous", typed, choices=self._all_choices(current, former))
        if district is not None:
            # A former district named: the caller speaks the old structure.
            in_district = [w for w in former if w.district_code == district.code]
            if len(in_district) == 1:
                return self._from_former(typed, in_district[0])
            if in_district:
                return self._among_former(typed, in_district)
            # Today's name with its old district ("Chợ Quán, Quận 5"): the units of today that
            # took wards of that district come first.
            near = [c for c in current if self._took_from(c, district=district.code)]
            if near:
                current = near
            elif guessed or not (current or former):
                return WardMatch("unknown", typed)
            else:
                # The district said had no ward of that name ("Bến Thành, Quận 8"): which was meant
                # is for the operator; the places the name is borne are the choices.
                return WardMatch("mismatch", typed, choices=self._all_choices(current, former))
            # Otherwise the caller mixed them up: go by the ward alone.
        if current:
            # Today's name wins over a former namesake elsewhere.
            if len(current) == 1:
                return WardMatch("current", typed, current=current[0])
            return WardMatch("ambiguous", typed, choices=tuple(WardChoice(c) for c in current))
        if len(former) == 1:
            return self._from_former(typed, former[0])
        if former:
            return self._among_former(typed, former)
        return WardMatch("unknown", typed)

    def _took_from(self, unit: WardUnit, *, district: int | None = None, province: int | None = None) -> bool:
        """Whether today's unit took (part of) a ward of this former district or province."""
        whole = self._whole_districts.get(district or 0)
        if whole is not None and whole.unit == unit:  # Côn Đảo: the district itself became the unit
            return True
        return any(
            (district is None or w.district_code == district)
            and (province is None or self._province_of(w) == province)
            and any(s.unit == unit for s in self.successors(w))
            for w in self.former_wards
        )

    def _province_of(self, old: WardUnit) -> int | None:
        return self._district_provinces.get(old.district_code or 0)

    def _places(self, current: list[WardUnit], former: list[WardUnit]) -> set[tuple[int, ...]]:
        """Where the candidates lead today: one code for today's unit, the successors for a former one."""
        places: set[tuple[int, ...]] = {(c.code,) for c in current}
        places |= {tuple(sorted(s.unit.code for s in self.successors(w))) for w in former}
        return places

    def _all_choices(self, current: list[WardUnit], former: list[WardUnit]) -> tuple[WardChoice, ...]:
        choices = [WardChoice(c) for c in current]
        choices += [
            WardChoice(s.unit, via=w, how=s.how) for w in former for s in _people_first(self.successors(w))
        ]
        return tuple(choices)

    def _from_former(self, typed: str, old: WardUnit) -> WardMatch:
        successors = self.successors(old)
        if len(successors) == 1:
            today = successors[0].unit
            status: MatchStatus = "current" if today.name == old.name else "former"
            return WardMatch(status, typed, current=today, former=old)
        if not successors:  # not in the official table: kept as said, for the operator
            return WardMatch("unknown", typed, former=old)
        choices = tuple(WardChoice(s.unit, via=old, how=s.how) for s in _people_first(successors))
        return WardMatch("split", typed, former=old, choices=choices)

    def _among_former(self, typed: str, olds: list[WardUnit]) -> WardMatch:
        """Several former wards bear the name: one place if they all went whole to one unit."""
        places = {tuple(s.unit.code for s in self.successors(w)) for w in olds}
        if len(places) == 1 and len(next(iter(places))) == 1:
            return WardMatch("former", typed, current=self.successors(olds[0])[0].unit)
        choices = tuple(
            WardChoice(s.unit, via=old, how=s.how)
            for old in olds
            for s in _people_first(self.successors(old))
        )
        return WardMatch("ambiguous", typed, choices=choices)

    # completion -----------------------------------------------------------------------------------
    def complete(self, text: str, limit: int = 20) -> list[WardUnit]:
        """Wards whose names hold what was typed, diacritics ignored: today's first, then former ones.

        Every typed word must begin a word of the name ("chanh h" → Phường Chánh Hưng, "5 quan 8"
        → Phường 5, Quận 8); names that begin with the typed words come first.
        """
        words = _words(text)
        if not words:
            return []
        out: list[WardUnit] = []
        for group in (self.current_wards, self.former_wards):
            starts: list[WardUnit] = []
            inside: list[WardUnit] = []
            for ward in group:
                label_words = self._label_words(ward)
                if all(any(lw.startswith(w) for lw in label_words) for w in words):
                    name = _without_unit_words(label_words)
                    (starts if name and name[0].startswith(words[0]) else inside).append(ward)
            out.extend(starts + inside)
        return out[:limit]

    def _label_words(self, ward: WardUnit) -> list[str]:
        cached = self._words_cache.get(ward)
        if cached is None:
            cached = self._words_cache[ward] = _words(ward.label)
        return cached


class StoredWard(NamedTuple):
    """A case's ward as a store keeps it: today's code, the former code, the flag, the words said."""

    ward_code: int | None
    former_ward_code: int | None
    needs_check: bool
    ward_as_said: str
    district_as_said: str

    @classmethod
    def of(cls, row: Any) -> StoredWard:
        """From a row of the console's or the server's ``cases`` (the same column names)."""
        return cls(
            row.ward_code,
            row.former_ward_code,
            bool(row.ward_needs_check),
            row.ward_as_said or "",
            row.district_as_said or "",
        )


def upgraded_ward(stored: StoredWard, gazetteer: Gazetteer) -> StoredWard:
    """A ward an earlier release stored, as this data says it: draft codes read as the official
    ones; a split former ward flagged for the operator (unless the caller named today's unit); a
    ward left unresolved that the words now name, resolved. A code already there is never replaced
    by another unit (a person may have chosen it) and the words said are never touched.

    The store's and the server's migrations both call this, so that a console's copy of a case and
    the server's agree after both are upgraded.
    """
    code = stored.ward_code
    if code is not None:
        code = gazetteer.official_code(code) or code
    old = gazetteer.former_unit(stored.former_ward_code) if stored.former_ward_code is not None else None
    former = old.code if old is not None else stored.former_ward_code
    match = gazetteer.resolve(stored.ward_as_said, stored.district_as_said)
    needs_check = stored.needs_check
    if code is None:
        if match.status in ("current", "former") and match.current is not None:
            code, needs_check = match.current.code, False
            former = match.former.code if match.former is not None else former
        elif match.status == "split" and match.former is not None:
            former, needs_check = match.former.code, True
    elif old is not None and len(gazetteer.successors(old)) > 1:
        said_today = match.status == "current" and match.current is not None and match.current.code == code
        needs_check = needs_check or not said_today
    return stored._replace(ward_code=code, former_ward_code=former, needs_check=needs_check)


def _without_hamlet(text: str) -> str:
    """The words after a hamlet said first ("KP 3 Tân Thuận Tây" → "Tân Thuận Tây"), trimmed."""
    hamlet = _HAMLET.match(fold(text.strip()))
    if hamlet is None:
        return text.strip()
    return " ".join(_pieces(text)[len(_pieces(hamlet.group(0))) :])


def _people_first(successors: tuple[Successor, ...]) -> tuple[Successor, ...]:
    """The successor that took the whole population first (Long Thạnh Mỹ → Long Bình), then the
    table's order: the operator's first choice is the likeliest for a person's address."""
    return tuple(sorted(successors, key=lambda s: not s.whole_population))


def _without_unit_words(words: list[str]) -> list[str]:
    if words[:2] in (["thi", "tran"], ["dac", "khu"]):
        return words[2:]
    return words[1:] if words[:1] in (["phuong"], ["xa"]) else words


def gazetteer_from_data(wards_json: str) -> Gazetteer:
    data = json.loads(wards_json)
    current = [
        WardUnit(code=u["code"], name=clean(u["name"]), kind=_kind_of(u["name"])) for u in data["current"]
    ]
    by_code = {u.code: u for u in current}
    districts = [
        District(code=d["code"], name=clean(d["name"]), province_code=d["province_code"])
        for d in data["former_districts"]
    ]
    district_names = {d.code: d.name for d in districts}
    former: list[WardUnit] = []
    successors: dict[int, tuple[Successor, ...]] = {}
    for item in data["former"]:
        unit = WardUnit(
            code=item["code"],
            name=clean(item["name"]),
            kind=_kind_of(item["name"]),
            district_code=item["district_code"],
            district_name=district_names[item["district_code"]],
        )
        former.append(unit)
        successors[unit.code] = tuple(Successor(by_code[s["code"]], s["how"]) for s in item["successors"])
    whole = {
        w["district_code"]: Successor(by_code[w["successor"]], w["how"])
        for w in data["former_districts_whole"]
    }
    superseded = data["superseded_codes"]
    return Gazetteer(
        current,
        districts,
        former,
        successors,
        whole_districts=whole,
        superseded={int(k): v for k, v in superseded["current"].items()},
        superseded_former={int(k): v for k, v in superseded["former"].items()},
    )


@cache
def default_gazetteer() -> Gazetteer:
    return gazetteer_from_data(resource("data", "wards_hcmc.json").read_text(encoding="utf-8"))
