"""Ho Chi Minh City's wards and communes, today's and the former ones callers still name.

Today's 168 commune-level units (since 1 July 2025) come from ``vietnam-provinces``. The former
structure (in force until 30 June 2025: the city's 22 district-level units and 273 wards, and those
of the former Bình Dương and Bà Rịa – Vũng Tàu provinces, now part of the city) is shipped in
``resources/data/former_units_hcmc.json``.

Former wards do not map one-to-one onto today's: the only link the data gives is that a new unit
kept the code of one of the units merged into it. So a former ward resolves to a current unit only
through that shared code, never through a similar name (the new city has several namesakes: Xã
Thạnh An in Cần Giờ and Xã Thanh An from Bình Dương). A name that can mean two places is
*ambiguous* and the operator chooses. Nothing typed is ever dropped: the case keeps the words as
said, the current code and the former code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from vietnam_provinces import Ward as _PackageWard

from operator_console.domain.messages import Message
from operator_console.domain.text import clean, fold
from operator_console.paths import resource

HCMC_PROVINCE_CODE = 79

UnitKind = Literal["phường", "xã", "thị trấn", "đặc khu"]

# Folded prefixes as people write them, longest first so that "thi tran" wins over "t".
_WARD_PREFIXES: tuple[tuple[str, UnitKind | None], ...] = (
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
}
_PUNCT = re.compile(r"[.,;:()\-_/]+")


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


MatchStatus = Literal["empty", "current", "former", "former_unmapped", "ambiguous", "unknown"]


@dataclass(frozen=True)
class WardMatch:
    """What the typed ward (and district) resolve to. ``typed`` is always kept."""

    status: MatchStatus
    typed: str
    current: WardUnit | None = None
    former: WardUnit | None = None
    choices: tuple[WardUnit, ...] = field(default=())

    @property
    def needs_operator(self) -> bool:
        """The operator should pick the current ward: we could not be sure."""
        return self.status in ("former_unmapped", "ambiguous", "unknown")

    @property
    def message(self) -> Message | None:
        if self.status == "former" and self.former and self.current:
            return Message(
                "address.ward_old",
                {"value": self.typed, "old": self.former.label, "current": self.current.name},
            )
        if self.status == "former_unmapped" and self.former:
            return Message("address.ward_old_unmapped", {"value": self.typed, "old": self.former.label})
        if self.status == "ambiguous":
            shown = "; ".join(c.label for c in self.choices[:4]) + ("; …" if len(self.choices) > 4 else "")
            return Message("address.ward_ambiguous", {"value": self.typed, "choices": shown})
        if self.status == "unknown":
            return Message("address.ward_unknown", {"value": self.typed})
        return None


def unit_key(text: str, prefixes: tuple[str, ...]) -> str:
    """A unit's name without its type word, folded, spaces dropped, numbers without leading zeros.

    "Phường 05" → "5"; "P.Tân Định" → "tandinh"; "Q. Bình Thạnh" (district prefixes) → "binhthanh".
    """
    words = _PUNCT.sub(" ", fold(text)).split()
    joined = " ".join(words)
    for prefix in prefixes:
        if joined.startswith(prefix + " "):
            joined = joined[len(prefix) + 1 :]
            break
        # "p5", "q8", "f12": a one- or two-letter prefix glued to a number
        if len(prefix) <= 2 and re.fullmatch(
            re.escape(prefix) + r"\d+", joined.split(" ")[0] if joined else ""
        ):
            joined = joined[len(prefix) :]
            break
    key = joined.replace(" ", "")
    return str(int(key)) if key.isascii() and key.isdigit() else key


def ward_key(text: str) -> str:
    return unit_key(text, tuple(p for p, _ in _WARD_PREFIXES))


def district_key(text: str) -> str:
    return unit_key(text, _DISTRICT_PREFIXES)


def _typed_kind(text: str) -> UnitKind | None:
    """The unit type the words say ("xã", "P.", "TT"), or None when they name none."""
    words = _PUNCT.sub(" ", fold(text)).split()
    joined = " ".join(words)
    for prefix, kind in _WARD_PREFIXES:
        if joined.startswith(prefix + " ") or (
            len(prefix) <= 2 and re.fullmatch(re.escape(prefix) + r"\d+", words[0] if words else "")
        ):
            return kind
    return None


def _name_part(text: str) -> str:
    """The name without its unit type, marks kept, case ignored: "Xã Thạnh An" → "thạnh an"."""
    words = clean(text).casefold().split()
    folded = [fold(w) for w in words]
    for prefix, _kind in _WARD_PREFIXES:
        size = len(prefix.split())
        if len(words) > size and folded[:size] == prefix.split():
            words = words[size:]
            break
    return " ".join(words).strip(" .")


def _kind_of(name: str) -> UnitKind:
    folded = fold(name)
    for prefix, kind in _WARD_PREFIXES:
        if kind and folded.startswith(prefix + " "):
            return kind
    return "phường"


class Gazetteer:
    """Looks up wards by what people say; built once per process (see :func:`default_gazetteer`)."""

    def __init__(self, current: list[WardUnit], districts: list[District], former: list[WardUnit]) -> None:
        self.current_wards = tuple(current)
        self.former_districts = tuple(districts)
        self.former_wards = tuple(former)
        self._current_by_code = {w.code: w for w in current}
        self._current_by_key: dict[str, list[WardUnit]] = {}
        for w in current:
            self._current_by_key.setdefault(ward_key(w.name), []).append(w)
        self._former_by_key: dict[str, list[WardUnit]] = {}
        for w in former:
            self._former_by_key.setdefault(ward_key(w.name), []).append(w)
        self._district_by_key: dict[str, District] = {district_key(d.name): d for d in districts}
        by_code = {d.code: d for d in districts}
        for alias, code in _DISTRICT_ALIASES.items():
            self._district_by_key.setdefault(alias, by_code[code])
        self._cache: dict[tuple[str, str], WardMatch] = {}
        self._words_cache: dict[WardUnit, list[str]] = {}

    @cached_property
    def current_codes_by_former_district(self) -> dict[int, tuple[WardUnit, ...]]:
        """Today's wards that carry the code of a former ward of each former district."""
        out: dict[int, list[WardUnit]] = {}
        for w in self.former_wards:
            current = self._current_by_code.get(w.code)
            if current is not None and w.district_code is not None:
                out.setdefault(w.district_code, []).append(current)
        return {k: tuple(v) for k, v in out.items()}

    def current(self, code: int) -> WardUnit | None:
        return self._current_by_code.get(code)

    def district(self, text: str) -> District | None:
        key = district_key(text)
        return self._district_by_key.get(key) if key else None

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
            return WardMatch("empty", typed)
        if not district_text:
            ward_text, district_text = _split_ward_and_district(ward_text)
        key = ward_key(ward_text)
        kind = _typed_kind(ward_text)
        current = [c for c in self._current_by_key.get(key, []) if kind is None or c.kind == kind]
        former = [w for w in self._former_by_key.get(key, []) if kind is None or w.kind == kind]
        district = self.district(district_text) if district_text else None
        if district is not None:
            # A former district named: the caller speaks the old structure.
            in_district = [w for w in former if w.district_code == district.code]
            if len(in_district) == 1:
                return self._from_former(typed, in_district[0])
            if in_district:
                return WardMatch("ambiguous", typed, choices=tuple(in_district))
            # The district has no such ward: the caller mixed them up; go by the ward alone.
        return self._by_name_alone(typed, ward_text, current, former)

    def mapped(self, old: WardUnit) -> WardUnit | None:
        """Today's unit a former ward became, where the data says so.

        Either the new unit kept the former ward's code, or it bears the former ward's very name
        and the code it kept is that of a neighbour in the same former district (Phường Tân Định
        took Đa Kao's code). A namesake elsewhere in the new city is never taken for it.
        """
        kept_code = self._current_by_code.get(old.code)
        if kept_code is not None:
            return kept_code
        neighbours = {w.code for w in self.current_codes_by_former_district.get(old.district_code or 0, ())}
        same_name = [c for c in self._current_by_key.get(ward_key(old.name), []) if c.name == old.name]
        return next((c for c in same_name if c.code in neighbours), None)

    def _from_former(self, typed: str, old: WardUnit) -> WardMatch:
        mapped = self.mapped(old)
        if mapped is None:
            choices = self.current_codes_by_former_district.get(old.district_code or 0, ())
            return WardMatch("former_unmapped", typed, former=old, choices=choices)
        return WardMatch(
            "current" if mapped.name == old.name else "former", typed, current=mapped, former=old
        )

    def _by_name_alone(
        self, typed: str, ward_text: str, current: list[WardUnit], former: list[WardUnit]
    ) -> WardMatch:
        """Every place the name can mean; one place resolves, several are for the operator to choose."""
        candidates = current + former
        if len(self._places(candidates)) > 1 and not ward_text.isascii():
            # Typed with its marks ("Thạnh An"): the marks tell namesakes apart ("Thanh An").
            said = _name_part(ward_text)
            exact = [c for c in candidates if _name_part(c.name) == said]
            if exact:
                candidates = exact
        places = self._places(candidates)
        if not places:
            return WardMatch("unknown", typed)
        if len(places) > 1:
            return WardMatch("ambiguous", typed, choices=tuple(candidates))
        (place,) = places
        olds = [w for w in candidates if w.former]
        if place[0] == "former":
            return self._from_former(typed, olds[0])
        unit = self._current_by_code[place[1]]
        named_today = any(not c.former for c in candidates)
        old = olds[0] if len(olds) == 1 else None
        return WardMatch("current" if named_today else "former", typed, current=unit, former=old)

    def _places(self, units: list[WardUnit]) -> set[tuple[str, int]]:
        """Where units are today: ``("current", code)``, or ``("former", code)`` when unmapped."""
        out: set[tuple[str, int]] = set()
        for unit in units:
            today = unit if not unit.former else self.mapped(unit)
            out.add(("current", today.code) if today is not None else ("former", unit.code))
        return out

    def complete(self, text: str, limit: int = 20) -> list[WardUnit]:
        """Wards whose names hold what was typed, diacritics ignored: today's first, then former ones.

        Every typed word must begin a word of the name ("chanh h" → Phường Chánh Hưng, "5 quan 8"
        → Phường 5, Quận 8); names that begin with the typed words come first.
        """
        words = _PUNCT.sub(" ", fold(text)).split()
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
            cached = self._words_cache[ward] = _PUNCT.sub(" ", fold(ward.label)).split()
        return cached


def _without_unit_words(words: list[str]) -> list[str]:
    if words[:2] in (["thi", "tran"], ["dac", "khu"]):
        return words[2:]
    return words[1:] if words[:1] in (["phuong"], ["xa"]) else words


def _split_ward_and_district(text: str) -> tuple[str, str]:
    """Split "Phường 5, Quận 8" or "P5 Q8" into ward and district parts."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2:
        return parts[0], parts[1]
    folded = fold(text)
    match = re.search(r"(?:^|\s)(quan|huyen|thanh pho|tp\.?|q\.?|h\.)\s*(\S.*)$", folded)
    if match and match.start() > 0:
        return text[: match.start()].strip(), text[match.start() :].strip()
    return text, ""


def gazetteer_from_data(former_json: str) -> Gazetteer:
    current = [
        WardUnit(code=int(w.code), name=clean(w.name), kind=_kind_of(w.name))
        for w in _PackageWard.iter_all()
        if int(w.province_code) == HCMC_PROVINCE_CODE
    ]
    data = json.loads(former_json)
    districts: list[District] = []
    former: list[WardUnit] = []
    for province in data["provinces"]:
        for d in province["districts"]:
            district = District(code=d["code"], name=clean(d["name"]), province_code=province["code"])
            districts.append(district)
            former.extend(
                WardUnit(
                    code=w["code"],
                    name=clean(w["name"]),
                    kind=_kind_of(w["name"]),
                    district_code=district.code,
                    district_name=district.name,
                )
                for w in d["wards"]
            )
    return Gazetteer(current, districts, former)


@cache
def default_gazetteer() -> Gazetteer:
    return gazetteer_from_data(resource("data", "former_units_hcmc.json").read_text(encoding="utf-8"))
