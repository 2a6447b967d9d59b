"""How well wards as callers say them reach the right unit: scored over the official table.

    python benchmarks/bench_wards.py            # prints the table and writes it into README.md
    python benchmarks/bench_wards.py --no-write # prints only

Every unit of the official conversion table (resources/data/hcmc_ward_conversion_2025.csv) is
typed the ways callers and operators type it: as written, without diacritics, in capitals, with the
unit type abbreviated (P., P5, F5, X., TT), without the type, with the old tone placement (Hoà) or
i for y (Qui/Quy), with its former district after a comma, without a comma, without the district's
type, in a separate district field, and inside an address with and without commas. Each form goes
through ``build_case`` (the path of the intake form, an import and the server) and the case's ward
is compared with what the table says, never with what the code under test says:

- **today's units** and **former units merged whole**: right when the case's ward is the unit (its
  successor); wrong when it is another unit; otherwise left for the operator;
- **former units split** among several: right only when nothing is resolved and the choices are
  exactly the table's successors; *resolved silently* when the case got a ward all the same;
- **ambiguous by nature**: a form without its district whose name, by the table alone, is borne by
  several places (a numbered ward, "Tân Định" said of the former Bến Cát ward, which today's Phường
  Tân Định also bears): right when nothing is resolved and the right unit is among the choices.
  The rule "today's name wins" makes a former namesake's form resolve to today's unit: counted
  here, apart, as *today's namesake*, not as wrong.

Targets (issue: official ward data): today's units ≥ 99 % right, former merged whole ≥ 97 % right,
no split ward resolved silently, no wrong unit anywhere.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from readme import machine, today, write_section

from operator_console.domain.gazetteer import default_gazetteer
from operator_console.domain.intake import CaseDraft, build_case
from operator_console.domain.taxonomy import default_taxonomy

TABLE = Path(__file__).resolve().parents[1] / "resources" / "data" / "hcmc_ward_conversion_2025.csv"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Unit:
    group: str  # "today", "merged", "split"
    code: int
    name: str
    district: str = ""
    successors: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Form:
    how: str
    ward: str = ""
    district: str = ""
    address: str = ""
    bare: bool = False
    """Said without any district: the name alone must tell the place."""


# --- the table, read here without the code under test -------------------------------------------
def _plain(text: str) -> str:
    """Without diacritics, as typed on a keyboard without Vietnamese input."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _key(name: str) -> str:
    words = _plain(name).lower().split()
    for size, prefix in ((2, ["thi", "tran"]), (2, ["dac", "khu"]), (1, ["phuong"]), (1, ["xa"])):
        if words[:size] == prefix:
            words = words[size:]
            break
    words = ["qui" if w == "quy" else w for w in words]
    key = "".join(words)
    return str(int(key)) if key.isdigit() else key


def units() -> list[Unit]:
    rows = list(csv.DictReader(TABLE.read_text(encoding="utf-8").splitlines()))
    today_units = {int(r["new_code"]): r["new_unit"] for r in rows}
    successors: dict[tuple[int, str, str], set[int]] = defaultdict(set)
    for r in rows:
        if r["former_code"]:
            district = re.sub(r" \(\d+\)$", "", r["former_district"])
            successors[(int(r["former_code"]), r["former_unit"], district)].add(int(r["new_code"]))
    out = [Unit("today", code, name) for code, name in sorted(today_units.items())]
    for (code, name, district), codes in sorted(successors.items()):
        group = "merged" if len(codes) == 1 else "split"
        out.append(Unit(group, code, name, district, frozenset(codes)))
    return out


def places_by_name(all_units: list[Unit]) -> dict[str, set[frozenset[int]]]:
    """Where each name (without its type, folded) leads, by the table: the ambiguity of a bare name."""
    out: dict[str, set[frozenset[int]]] = defaultdict(set)
    for unit in all_units:
        out[_key(unit.name)].add(frozenset({unit.code}) if unit.group == "today" else unit.successors)
    return out


# --- how people type them --------------------------------------------------------------------------
_OLD_PLACEMENT = [
    *(("o" + t + "a", "oa" + t) for t in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")),
    *(("o" + t + "e", "oe" + t) for t in ("\u0300", "\u0301")),
    *(("u" + t + "y", "uy" + t) for t in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")),
]
"""Tone on the first vowel of oa, oe, uy (Hòa) moved to the second (Hoà), in decomposed form."""
_TYPE_ABBREVIATIONS = {"Phường": ["P.", "P"], "Xã": ["X.", "Xã"], "Thị trấn": ["TT", "TT."]}
_DISTRICT_TYPES = {
    "Quận": ["Q.", "Q", "quan"],
    "Huyện": ["H.", "huyen"],
    "Thành phố": ["TP", "TP.", "thanh pho"],
}


def _split_type(name: str) -> tuple[str, str]:
    for unit_type in ("Thị trấn", "Đặc khu", "Phường", "Xã", "Quận", "Huyện", "Thành phố", "Thị xã"):
        if name.startswith(unit_type + " "):
            return unit_type, name[len(unit_type) + 1 :]
    return "", name


def ward_forms(name: str) -> list[tuple[str, str]]:
    """(how, text) for a ward or commune's name alone."""
    unit_type, rest = _split_type(name)
    forms = [
        ("as written", name),
        ("no diacritics", _plain(name)),
        ("lower case, no diacritics", _plain(name).lower()),
        ("capitals", name.upper()),
        ("without its type", rest),
        ("without its type or diacritics", _plain(rest).lower()),
    ]
    for abbreviation in _TYPE_ABBREVIATIONS.get(unit_type, []):
        glue = "" if rest.isdigit() and not abbreviation.endswith(".") else " "
        forms.append((f"type as {abbreviation}", f"{abbreviation}{glue}{rest}"))
    if unit_type == "Phường" and rest.isdigit():
        forms += [("F and its number", f"F{rest}"), ("number with a zero", f"Phường {int(rest):02d}")]
    old = unicodedata.normalize("NFD", name)
    for new_style, old_style in _OLD_PLACEMENT:
        old = old.replace(new_style, old_style)
    old = unicodedata.normalize("NFC", old)
    if old != name:
        forms.append(("old tone placement", old))
    if re.search(r"\b(Qui|Quy)\b", name):
        forms.append(
            (
                "i and y swapped",
                re.sub(r"\bQui\b", "Quy", name) if "Qui" in name else name.replace("Quy", "Qui"),
            )
        )
    return forms


def district_forms(district: str) -> list[tuple[str, str]]:
    unit_type, rest = _split_type(district)
    forms = [("district as written", district)]
    if not rest.isdigit():  # "Phường 2 5" is nobody's way of saying Quận 5
        forms.append(("district without its type", rest))
    forms += [(f"district as {a}", f"{a}{'' if a.endswith('.') and rest.isdigit() else ' '}{rest}")
              for a in _DISTRICT_TYPES.get(unit_type, [])]  # fmt: skip
    return forms


def forms_of(unit: Unit) -> list[Form]:
    out: list[Form] = []
    wards = ward_forms(unit.name)
    for how, ward in wards:
        out.append(Form(how, ward=ward, bare=True))
    out.append(Form("in an address", address=f"45 Trần Hưng Đạo, {unit.name}", bare=True))
    _type, rest = _split_type(unit.name)
    if unit.name.startswith("Phường "):
        out.append(Form("in an address, no comma", address=f"45 Trần Hưng Đạo P. {rest}", bare=True))
    if unit.group == "today":
        return out
    for how, district in district_forms(unit.district):
        for ward_how, ward in wards[:3] + wards[6:8]:
            out.append(Form(f"{ward_how}, {how}", ward=f"{ward}, {district}"))
            out.append(Form(f"{ward_how} {how}, no comma", ward=f"{ward} {district}"))
        out.append(Form(f"separate fields, {how}", ward=unit.name, district=district))
    out.append(Form("in an address with the district", address=f"12 Lê Lợi, {unit.name}, {unit.district}"))
    out.append(Form("in an address, no commas", address=f"12 Lê Lợi {unit.name} {unit.district}"))
    return out


# --- scoring -----------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, leave README.md alone")
    parser.add_argument("--show-left", action="store_true", help="list the forms left for the operator")
    args = parser.parse_args()
    gazetteer, taxonomy = default_gazetteer(), default_taxonomy()
    all_units = units()
    names = places_by_name(all_units)
    today_places = {frozenset({u.code}) for u in all_units if u.group == "today"}
    today_names = Counter(_key(u.name) for u in all_units if u.group == "today")
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    wrong_examples: list[str] = []
    started = time.perf_counter()
    total = 0
    for unit in all_units:
        place = frozenset({unit.code}) if unit.group == "today" else unit.successors
        for form in forms_of(unit):
            total += 1
            draft = CaseDraft(
                caller_name="Kiểm Tra",
                category="other",
                ward=form.ward,
                district=form.district,
                address=form.address,
            )
            address = build_case(draft, gazetteer=gazetteer, taxonomy=taxonomy, now=NOW).address
            match = gazetteer.resolve(address.ward_as_said, address.district_as_said)
            choices = {u.code for u in match.choice_units}
            got = address.ward_code
            group = _group(unit, form, names, today_names)
            counts[group][verdict := _verdict(group, got, place, choices, today_places)] += 1
            if (verdict in ("wrong", "resolved silently") and len(wrong_examples) < 20) or (
                args.show_left and verdict == "left for the operator" and group in ("today", "merged")
            ):
                wrong_examples.append(f"{unit.name} ({unit.district or 'today'}): {form}")
    elapsed = time.perf_counter() - started
    table = _table(counts, total, elapsed)
    print(table)
    if wrong_examples:
        print("\nwrong or resolved silently (first 20):")
        print("\n".join(wrong_examples))
    if not args.no_write:
        write_section("bench_wards", table)
        print(f"\nwritten into {Path(__file__).parent / 'README.md'}")
    return 0


def _group(unit: Unit, form: Form, names: dict[str, set[frozenset[int]]], today_names: Counter[str]) -> str:
    """The unit's group, or for a form without its district whose name several places bear, by
    the table alone: "namesake" when a unit of today bears it (today's name wins), else
    "ambiguous". Marks typed tell today's namesakes apart (Thạnh An, Thanh An); plain text does not."""
    key = _key(unit.name)
    place = frozenset({unit.code}) if unit.group == "today" else unit.successors
    if not form.bare:
        return unit.group
    if unit.group == "today":
        return "ambiguous" if today_names[key] > 1 and (form.ward or form.address).isascii() else "today"
    if today_names[key]:
        return "namesake"
    return "ambiguous" if names[key] - {place} else unit.group


def _verdict(
    group: str, got: int | None, place: frozenset[int], choices: set[int], today_places: set[frozenset[int]]
) -> str:
    if group == "split":
        if got is not None:
            return "resolved silently"
        return "right" if choices == set(place) else "left for the operator"
    if got is None:
        if group in ("ambiguous", "namesake") and place & choices:
            return "right"
        return "left for the operator"
    if got in place and len(place) == 1:
        return "right"
    if group == "namesake" and frozenset({got}) in today_places:
        return NAMESAKE  # the name said is today's unit's: by the rule, that unit
    return "resolved silently" if got in place else "wrong"


NAMESAKE = "today's namesake"
_GROUPS = {
    "today": "today's units",
    "merged": "former units merged whole",
    "split": "former units split (right: exactly the successors offered)",
    "ambiguous": "ambiguous by nature (right: the unit among the choices)",
    "namesake": "a former name today's unit bears (no district said)",
}


def _table(counts: dict[str, Counter[str]], total: int, elapsed: float) -> str:
    lines = [
        f"{today()}, {machine()}: {total:,} typed forms in {elapsed:.1f} s "
        f"({elapsed / total * 1e6:.0f} µs a form, through `build_case`).",
        "",
        "| group | forms | right | wrong unit | resolved silently | left for the operator "
        "| today's namesake |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for group, title in _GROUPS.items():
        c = counts.get(group, Counter())
        n = sum(c.values())
        if not n:
            continue
        pct = {
            k: f"{100 * c[k] / n:.1f} %"
            for k in ("right", "wrong", "resolved silently", "left for the operator", "today's namesake")
        }
        lines.append(
            f"| {title} | {n:,} | {pct['right']} | {c['wrong']} | {c['resolved silently']} | "
            f"{pct['left for the operator']} | {c[NAMESAKE]} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
